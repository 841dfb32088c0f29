"""Reference: Kahn's algorithm — take courses whose prerequisites are all taken; count them."""


class Solution:
    def canFinish(self, numCourses: int, prerequisites: list[list[int]]) -> bool:
        unlocks: list[list[int]] = [[] for _ in range(numCourses)]
        missing = [0] * numCourses  # prerequisites not yet taken, per course
        for course, before in prerequisites:
            unlocks[before].append(course)
            missing[course] += 1
        ready = [course for course in range(numCourses) if missing[course] == 0]
        taken = 0
        while ready:
            course = ready.pop()
            taken += 1
            for later in unlocks[course]:
                missing[later] -= 1
                if missing[later] == 0:
                    ready.append(later)
        return taken == numCourses
