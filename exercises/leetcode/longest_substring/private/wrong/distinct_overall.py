"""Wrong: counts the distinct characters of the whole string."""


class Solution:
    def lengthOfLongestSubstring(self, s: str) -> int:
        return len(set(s))
