"""Reference: two heaps, a max-heap (negated) of the smaller half and a min-heap of the larger half;
the smaller half holds the extra number when the count is odd."""

import heapq


class MedianFinder:
    def __init__(self) -> None:
        self.low: list[int] = []  # the smaller half, negated: -low[0] is its maximum
        self.high: list[int] = []  # the larger half: high[0] is its minimum

    def addNum(self, num: int) -> None:
        if len(self.low) == len(self.high):  # the new count is odd: low gets the extra number
            heapq.heappush(self.low, -heapq.heappushpop(self.high, num))
        else:
            heapq.heappush(self.high, -heapq.heappushpop(self.low, -num))

    def findMedian(self) -> float:
        if len(self.low) > len(self.high):
            return float(-self.low[0])
        return (self.high[0] - self.low[0]) / 2
