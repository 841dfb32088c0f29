"""Wrong: searches for a path from a to b following the edges only in their given direction."""


class Solution:
    def findRedundantConnection(self, edges: list[list[int]]) -> list[int]:
        graph: list[list[int]] = [[] for _ in range(len(edges) + 1)]
        for a, b in edges:
            stack, seen = [a], {a}
            while stack:
                node = stack.pop()
                if node == b:
                    return [a, b]
                for nxt in graph[node]:
                    if nxt not in seen:
                        seen.add(nxt)
                        stack.append(nxt)
            graph[a].append(b)
        return []
