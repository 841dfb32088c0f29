"""Wrong: the stack is only emptied when a lower bar arrives, so bars left at the end are never counted."""


class Solution:
    def largestRectangleArea(self, heights: list[int]) -> int:
        stack: list[int] = []
        best = 0
        for i, height in enumerate(heights):
            while stack and heights[stack[-1]] >= height:
                top = stack.pop()
                left = stack[-1] if stack else -1
                best = max(best, heights[top] * (i - left - 1))
            stack.append(i)
        return best
