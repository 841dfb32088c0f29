"""Container With Most Water — see README.md for the full statement."""


class Solution:
    def maxArea(self, height: list[int]) -> int:
        """The largest (j - i) * min(height[i], height[j]) over lines i < j."""
        raise NotImplementedError
