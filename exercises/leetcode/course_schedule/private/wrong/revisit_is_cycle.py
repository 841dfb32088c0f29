"""Wrong: DFS with a single visited set, so meeting any visited course counts as a cycle."""


class Solution:
    def canFinish(self, numCourses: int, prerequisites: list[list[int]]) -> bool:
        needs: list[list[int]] = [[] for _ in range(numCourses)]
        for a, b in prerequisites:
            needs[a].append(b)
        visited: set[int] = set()
        for start in range(numCourses):
            if start in visited:
                continue
            stack = [start]
            while stack:
                course = stack.pop()
                if course in visited:
                    return False
                visited.add(course)
                stack.extend(needs[course])
        return True
