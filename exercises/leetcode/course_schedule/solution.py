"""Course Schedule — see README.md for the full statement."""


class Solution:
    def canFinish(self, numCourses: int, prerequisites: list[list[int]]) -> bool:
        """True when the prerequisite graph (b → a for each pair [a, b]) has no cycle."""
        raise NotImplementedError
