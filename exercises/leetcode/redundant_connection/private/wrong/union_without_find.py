"""Wrong: union links the node itself (not its root) under the other node, so trees get cut."""


class Solution:
    def findRedundantConnection(self, edges: list[list[int]]) -> list[int]:
        parent = list(range(len(edges) + 1))

        def find(node: int) -> int:
            while parent[node] != node:
                node = parent[node]
            return node

        for a, b in edges:
            if find(a) == find(b):
                return [a, b]
            parent[a] = b
        return []
