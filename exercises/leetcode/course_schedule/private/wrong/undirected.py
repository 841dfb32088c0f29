"""Wrong: looks for a cycle in the undirected graph (DFS that skips the edge back to the parent)."""


class Solution:
    def canFinish(self, numCourses: int, prerequisites: list[list[int]]) -> bool:
        graph: list[list[int]] = [[] for _ in range(numCourses)]
        for a, b in prerequisites:
            graph[a].append(b)
            graph[b].append(a)
        seen = [False] * numCourses
        for start in range(numCourses):
            if seen[start]:
                continue
            seen[start] = True
            stack = [(start, -1)]
            while stack:
                node, parent = stack.pop()
                for neighbour in graph[node]:
                    if neighbour == parent:
                        continue
                    if seen[neighbour]:
                        return False
                    seen[neighbour] = True
                    stack.append((neighbour, node))
        return True
