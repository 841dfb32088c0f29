"""Wrong: only tries each bar alone and the full width (lowest bar times n)."""


class Solution:
    def largestRectangleArea(self, heights: list[int]) -> int:
        return max(max(heights), min(heights) * len(heights))
