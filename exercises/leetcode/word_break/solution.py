"""Word Break — see README.md for the full statement."""


class Solution:
    def wordBreak(self, s: str, wordDict: list[str]) -> bool:
        """True when s is a concatenation of dictionary words (each usable any number of times)."""
        raise NotImplementedError
