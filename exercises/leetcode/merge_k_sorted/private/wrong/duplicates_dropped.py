"""Wrong: a heap of heads, but a value equal to the last one written is skipped."""

import heapq


class Solution:
    def mergeKLists(self, lists: list[list[int]]) -> list[int]:
        heap = [(values[0], i, 0) for i, values in enumerate(lists) if values]
        heapq.heapify(heap)
        merged: list[int] = []
        while heap:
            value, i, j = heapq.heappop(heap)
            if not merged or merged[-1] != value:
                merged.append(value)
            if j + 1 < len(lists[i]):
                heapq.heappush(heap, (lists[i][j + 1], i, j + 1))
        return merged
