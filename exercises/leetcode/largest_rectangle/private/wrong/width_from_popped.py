"""Wrong: the width of a popped bar's rectangle starts at the popped bar itself, not just after the
bar below it on the stack, so it never extends over the higher bars popped before it."""


class Solution:
    def largestRectangleArea(self, heights: list[int]) -> int:
        bars = [*heights, 0]
        stack: list[int] = []
        best = 0
        for i, height in enumerate(bars):
            while stack and bars[stack[-1]] >= height:
                top = stack.pop()
                best = max(best, bars[top] * (i - top))
            stack.append(i)
        return best
