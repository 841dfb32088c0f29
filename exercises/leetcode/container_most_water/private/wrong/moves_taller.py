"""Wrong: two pointers, but the taller line moves inwards."""


class Solution:
    def maxArea(self, height: list[int]) -> int:
        lo, hi = 0, len(height) - 1
        best = 0
        while lo < hi:
            best = max(best, (hi - lo) * min(height[lo], height[hi]))
            if height[lo] > height[hi]:
                lo += 1
            else:
                hi -= 1
        return best
