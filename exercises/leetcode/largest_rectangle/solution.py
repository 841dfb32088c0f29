"""Largest Rectangle in Histogram — see README.md for the full statement."""


class Solution:
    def largestRectangleArea(self, heights: list[int]) -> int:
        """The largest area min(heights[i..j]) · (j − i + 1) over all contiguous ranges of bars."""
        raise NotImplementedError
