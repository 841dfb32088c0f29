"""Reference: two pointers from both ends; the shorter line moves inwards, because every container
it could still form with a line inside is narrower and no taller than the current one."""


class Solution:
    def maxArea(self, height: list[int]) -> int:
        lo, hi = 0, len(height) - 1
        best = 0
        while lo < hi:
            best = max(best, (hi - lo) * min(height[lo], height[hi]))
            if height[lo] < height[hi]:
                lo += 1
            else:
                hi -= 1
        return best
