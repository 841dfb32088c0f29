"""Wrong: at each position takes the longest dictionary word that matches, never backtracking."""


class Solution:
    def wordBreak(self, s: str, wordDict: list[str]) -> bool:
        words = set(wordDict)
        lengths = sorted({len(word) for word in words}, reverse=True)
        i = 0
        while i < len(s):
            for n in lengths:
                if s[i:i + n] in words:
                    i += n
                    break
            else:
                return False
        return True
