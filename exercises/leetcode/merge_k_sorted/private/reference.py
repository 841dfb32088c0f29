"""Reference: a heap of (head value, list index, position) for the k current heads."""

import heapq


class Solution:
    def mergeKLists(self, lists: list[list[int]]) -> list[int]:
        heap = [(values[0], i, 0) for i, values in enumerate(lists) if values]
        heapq.heapify(heap)
        merged = []
        while heap:
            value, i, j = heapq.heappop(heap)
            merged.append(value)
            if j + 1 < len(lists[i]):
                heapq.heappush(heap, (lists[i][j + 1], i, j + 1))
        return merged
