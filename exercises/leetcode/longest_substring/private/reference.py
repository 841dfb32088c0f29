"""Reference: sliding window; the start jumps past the last occurrence of a repeated character."""


class Solution:
    def lengthOfLongestSubstring(self, s: str) -> int:
        last: dict[str, int] = {}
        start = best = 0
        for i, char in enumerate(s):
            if last.get(char, -1) >= start:
                start = last[char] + 1
            last[char] = i
            best = max(best, i - start + 1)
        return best
