"""Wrong: finds the cycle, then returns its edge that comes first in the input."""


class Solution:
    def findRedundantConnection(self, edges: list[list[int]]) -> list[int]:
        n = len(edges)
        degree = [0] * (n + 1)
        graph: list[list[int]] = [[] for _ in range(n + 1)]
        for a, b in edges:
            graph[a].append(b)
            graph[b].append(a)
            degree[a] += 1
            degree[b] += 1
        # peel leaves until only the cycle is left
        leaves = [node for node in range(1, n + 1) if degree[node] == 1]
        while leaves:
            leaf = leaves.pop()
            degree[leaf] = 0
            for other in graph[leaf]:
                if degree[other] > 0:
                    degree[other] -= 1
                    if degree[other] == 1:
                        leaves.append(other)
        for a, b in edges:
            if degree[a] > 0 and degree[b] > 0:
                return [a, b]
        return []
