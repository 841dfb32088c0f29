"""Reference: a sliding window with the count each letter of t still needs and the number of
letters still missing; the window shrinks from the left while it covers t."""


class Solution:
    def minWindow(self, s: str, t: str) -> str:
        need: dict[str, int] = {}
        for letter in t:
            need[letter] = need.get(letter, 0) + 1
        missing = len(t)
        best: tuple[int, int] | None = None  # (length, start) of the shortest window so far
        left = 0
        for right, letter in enumerate(s):
            if need.get(letter, 0) > 0:
                missing -= 1
            need[letter] = need.get(letter, 0) - 1
            while missing == 0:
                size = right - left + 1
                if best is None or size < best[0]:
                    best = (size, left)
                out = s[left]
                need[out] += 1
                if need[out] > 0:
                    missing += 1
                left += 1
        if best is None:
            return ""
        size, start = best
        return s[start:start + size]
