"""Reference: a stack of bar positions with increasing heights. When a bar is not higher than the
top, the top's rectangle ends here: it spans from just after the bar below it on the stack to just
before the current bar. A final bar of height 0 empties the stack."""


class Solution:
    def largestRectangleArea(self, heights: list[int]) -> int:
        bars = [*heights, 0]
        rising: list[int] = []
        best = 0
        for i, height in enumerate(bars):
            while rising and bars[rising[-1]] >= height:
                top = rising.pop()
                left = rising[-1] if rising else -1
                best = max(best, bars[top] * (i - left - 1))
            rising.append(i)
        return best
