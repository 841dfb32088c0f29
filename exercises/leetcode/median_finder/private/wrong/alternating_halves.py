"""Wrong: the halves are balanced by alternating, but a number is never moved across, so the
smaller half can hold numbers larger than the larger half's minimum."""

import heapq


class MedianFinder:
    def __init__(self) -> None:
        self.low: list[int] = []
        self.high: list[int] = []

    def addNum(self, num: int) -> None:
        if len(self.low) == len(self.high):
            heapq.heappush(self.low, -num)
        else:
            heapq.heappush(self.high, num)

    def findMedian(self) -> float:
        if len(self.low) > len(self.high):
            return float(-self.low[0])
        return (self.high[0] - self.low[0]) / 2
