"""Reference: can[end] is True when s[:end] splits into words: some word length n has
can[end − n] and s[end − n:end] in the dictionary."""


class Solution:
    def wordBreak(self, s: str, wordDict: list[str]) -> bool:
        words = set(wordDict)
        lengths = {len(word) for word in words}
        can = [True]
        for end in range(1, len(s) + 1):
            can.append(any(n <= end and can[end - n] and s[end - n:end] in words for n in lengths))
        return can[-1]
