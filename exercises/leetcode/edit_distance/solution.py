"""Edit Distance — see README.md for the full statement."""


class Solution:
    def minDistance(self, word1: str, word2: str) -> int:
        """The fewest single-character insertions, deletions and replacements turning word1 into word2."""
        raise NotImplementedError
