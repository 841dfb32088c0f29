"""Diagnosis precision through the real sandbox: a misconception is named only when the candidate's
outputs match the variant on every case where the variant is wrong, and on enough of them; the
coincidences graders reported (issue 14) get no name, or the right one."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from support import EXERCISES, leftover_containers

from grader.bank import load_exercise
from grader.grading import grade_exercise
from grader.options import GradeOptions
from grader.results import ExerciseResult

pytestmark = pytest.mark.docker


def named(exercise_dir: Path, source: str, image: str, file: str = "solution.py") -> tuple[ExerciseResult, set[str]]:
    result = grade_exercise(load_exercise(exercise_dir), {file: source}, GradeOptions(image=image), threading.Event())
    assert leftover_containers() == []
    assert not result.passed
    return result, {c.misconception.name for c in result.cases if c.misconception is not None}


REVISIT_RECURSIVE = '''
import sys


class Solution:
    def canFinish(self, numCourses, prerequisites):
        sys.setrecursionlimit(10000)
        unlocks = [[] for _ in range(numCourses)]
        for course, before in prerequisites:
            unlocks[before].append(course)
        visited = set()

        def visit(course):
            if course in visited:
                return False
            visited.add(course)
            return all(visit(later) for later in unlocks[course])

        return all(visit(c) for c in range(numCourses) if c not in visited)
'''


def test_course_schedule_revisit_is_not_told_undirected(sandbox_image: str) -> None:
    _result, names = named(EXERCISES / "leetcode" / "course_schedule", REVISIT_RECURSIVE, sandbox_image)
    assert "prerequisites treated as undirected edges" not in names
    assert names <= {"any revisit read as a cycle"}


NTH_LOWEST_INSTEAD_OF_NULL = '''
WITH ranked AS (
    SELECT departmentId, salary,
           DENSE_RANK() OVER (PARTITION BY departmentId ORDER BY salary DESC) AS salary_rank
    FROM Employee
    WHERE salary IS NOT NULL
)
SELECT d.name AS Department,
       COALESCE(MAX(CASE WHEN r.salary_rank = 3 THEN r.salary END), MIN(r.salary)) AS ThirdHighestSalary
FROM Department AS d
LEFT JOIN ranked AS r ON r.departmentId = d.id
GROUP BY d.id, d.name;
'''


def test_nth_highest_lowest_instead_of_null_is_not_told_rank(sandbox_image: str) -> None:
    _result, names = named(EXERCISES / "sql" / "nth_highest_salary", NTH_LOWEST_INSTEAD_OF_NULL, sandbox_image,
                           "solution.sql")
    assert "RANK instead of DENSE_RANK" not in {n.split(" (")[0] for n in names}
    assert not any("RANK" in n for n in names)


NULL_AS_NEWEST = '''
WITH ranked AS (
    SELECT sensor, id, read_at, value,
           ROW_NUMBER() OVER (PARTITION BY sensor ORDER BY read_at IS NULL DESC, read_at DESC, id DESC) AS position
    FROM Reading
)
SELECT sensor, id, read_at, value FROM ranked WHERE position = 1;
'''


def test_latest_row_null_as_newest_is_not_told_highest_id(sandbox_image: str) -> None:
    _result, names = named(EXERCISES / "sql" / "latest_row_per_key", NULL_AS_NEWEST, sandbox_image, "solution.sql")
    assert not any("highest id" in n for n in names)


def test_a_wrong_variant_is_still_named(sandbox_image: str) -> None:
    folder = EXERCISES / "leetcode" / "course_schedule"
    source = (folder / "private" / "wrong" / "revisit_is_cycle.py").read_text()
    _result, names = named(folder, source, sandbox_image)
    assert names == {"any revisit read as a cycle"}
