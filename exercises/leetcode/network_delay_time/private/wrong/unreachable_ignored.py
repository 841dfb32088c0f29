"""Wrong: Dijkstra, but the answer is the last time among the nodes reached, unreached nodes ignored."""

import heapq


class Solution:
    def networkDelayTime(self, times: list[list[int]], n: int, k: int) -> int:
        graph: dict[int, list[tuple[int, int]]] = {}
        for u, v, w in times:
            graph.setdefault(u, []).append((v, w))
        settled: dict[int, int] = {}
        heap = [(0, k)]
        while heap:
            time, node = heapq.heappop(heap)
            if node in settled:
                continue
            settled[node] = time
            for target, weight in graph.get(node, []):
                heapq.heappush(heap, (time + weight, target))
        return max(settled.values())
