"""Wrong: backtracking that removes each word from the dictionary once it is used."""


class Solution:
    def wordBreak(self, s: str, wordDict: list[str]) -> bool:
        def split(rest: str, available: frozenset[str]) -> bool:
            if not rest:
                return True
            return any(rest.startswith(word) and split(rest[len(word):], available - {word}) for word in available)

        return split(s, frozenset(wordDict))
