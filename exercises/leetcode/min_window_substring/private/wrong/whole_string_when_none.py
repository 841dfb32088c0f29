"""Wrong: the best window starts as the whole of s, so when no window exists s is returned."""


class Solution:
    def minWindow(self, s: str, t: str) -> str:
        need: dict[str, int] = {}
        for letter in t:
            need[letter] = need.get(letter, 0) + 1
        missing = len(t)
        best = s
        left = 0
        for right, letter in enumerate(s):
            if need.get(letter, 0) > 0:
                missing -= 1
            need[letter] = need.get(letter, 0) - 1
            while missing == 0:
                if right - left + 1 < len(best):
                    best = s[left:right + 1]
                need[s[left]] += 1
                if need[s[left]] > 0:
                    missing += 1
                left += 1
        return best
