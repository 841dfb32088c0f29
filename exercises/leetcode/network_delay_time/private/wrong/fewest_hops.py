"""Wrong: breadth-first search; a node's time is fixed along the first path that reaches it (fewest edges)."""

from collections import deque


class Solution:
    def networkDelayTime(self, times: list[list[int]], n: int, k: int) -> int:
        graph: dict[int, list[tuple[int, int]]] = {}
        for u, v, w in times:
            graph.setdefault(u, []).append((v, w))
        arrival = {k: 0}
        queue = deque([k])
        while queue:
            node = queue.popleft()
            for target, weight in graph.get(node, []):
                if target not in arrival:
                    arrival[target] = arrival[node] + weight
                    queue.append(target)
        return max(arrival.values()) if len(arrival) == n else -1
