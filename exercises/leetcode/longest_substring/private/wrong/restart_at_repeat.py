"""Wrong: on a repeated character, empties the window and restarts it at the current index."""


class Solution:
    def lengthOfLongestSubstring(self, s: str) -> int:
        window: set[str] = set()
        best = 0
        for char in s:
            if char in window:
                window = set()
            window.add(char)
            best = max(best, len(window))
        return best
