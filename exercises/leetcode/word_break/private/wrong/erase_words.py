"""Wrong: erases every occurrence of each word (longest first) with str.replace and checks that nothing is left."""


class Solution:
    def wordBreak(self, s: str, wordDict: list[str]) -> bool:
        for word in sorted(wordDict, key=len, reverse=True):
            s = s.replace(word, "")
        return s == ""
