"""Wrong: jumps the window start to last[c] + 1 even when that is before the current start."""


class Solution:
    def lengthOfLongestSubstring(self, s: str) -> int:
        last: dict[str, int] = {}
        start = best = 0
        for i, char in enumerate(s):
            if char in last:
                start = last[char] + 1
            last[char] = i
            best = max(best, i - start + 1)
        return best
