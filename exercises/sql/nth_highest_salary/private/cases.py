"""Cases for the third highest salary per department: ties before the third value (RANK and
ROW_NUMBER differ from DENSE_RANK), departments with fewer than three distinct salaries or no
employees (NULL rows), NULL salaries, unknown departments, empty tables and random tables."""

import numpy as np

from grader.authoring import Case, Table, sql_setup

Employee = tuple[int | None, int]  # salary, departmentId

NAMES = ["IT", "Sales", "HR", "Ops", "Legal", "R'n'D", "Support", "Finance"]

DEPARTMENT = Table("Department", {"id": "INTEGER", "name": "TEXT"})
EMPLOYEE = Table("Employee", {"id": "INTEGER", "salary": "INTEGER", "departmentId": "INTEGER"})


def _setup(departments: list[str], employees: list[Employee]) -> str:
    """Department ids are 1..len(departments); employees are (salary, departmentId), ids 1..n."""
    return sql_setup((DEPARTMENT, list(enumerate(departments, start=1))),
                     (EMPLOYEE, [(i, *employee) for i, employee in enumerate(employees, start=1)]))


def _case(name: str, departments: list[str], employees: list[Employee], note: str = "") -> Case:
    return Case(name, kwargs={"setup": _setup(departments, employees)}, note=note)


def _random(rng: np.random.Generator, departments: int, n: int, null_share: float = 0.0) -> list[Employee]:
    levels = np.arange(1, 40) * 1000
    employees: list[Employee] = []
    for _ in range(n):
        department = int(rng.integers(1, departments + 2))  # departments + 1 matches no department
        salary = None if rng.random() < null_share else int(rng.choice(levels[: int(rng.integers(2, 12))]))
        employees.append((salary, department))
    return employees


def visible(rng: np.random.Generator) -> list[Case]:
    return [
        _case("ties before the third salary", ["IT", "Sales"],
              [(300, 1), (300, 1), (200, 1), (100, 1), (300, 2), (200, 2), (200, 2), (100, 2)],
              note="IT 300, 300, 200, 100 → 100; Sales 300, 200, 200, 100 → 100"),
        _case("too few salaries and an empty department", ["IT", "Sales", "HR"],
              [(500, 1), (400, 1), (300, 1), (200, 1), (900, 2), (800, 2), (900, 2)],
              note="IT → 300; Sales has two distinct salaries → NULL; HR has no employee → NULL"),
    ]


def hidden(rng: np.random.Generator) -> list[Case]:
    return [
        _case("no departments", [], [(100, 1), (200, 1), (300, 1)]),
        _case("no employees", ["IT", "HR"], []),
        _case("all salaries equal", ["IT"], [(700, 1)] * 5),
        _case("NULL salaries and an unknown department", ["IT", "HR"],
              [(None, 1), (300, 1), (None, 1), (200, 1), (100, 3), (50, 3), (10, 3), (None, 2)]),
        _case("exactly three distinct, duplicated", ["Ops"], [(10, 1), (30, 1), (20, 1), (30, 1), (10, 1)]),
        _case("random small", NAMES[:3], _random(rng, 3, 15)),
        _case("random with NULLs", NAMES[:5], _random(rng, 5, 60, null_share=0.2)),
        _case("random large", NAMES, _random(rng, 8, 400)),
    ]


# The statement's edge rules (README.md, `<!-- rule: … -->`) and the cases that exercise each.
RULES = {
    'distinct-ranking': ['ties before the third salary', 'exactly three distinct, duplicated'],
    'null-ignored': ['NULL salaries and an unknown department'],
    'every-department': ['too few salaries and an empty department', 'no employees', 'all salaries equal'],
    'column-names': ['ties before the third salary'],
}
