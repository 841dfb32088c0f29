"""Cases for the top three salaries per department: ties at the top (RANK and ROW_NUMBER cut
employees off), departments with fewer than three distinct salaries, NULL salaries, unknown and
empty departments, empty tables and random companies."""

import numpy as np

from grader.authoring import Case, Table, sql_setup

DEPARTMENTS = ["Sales", "IT", "Ops", "HR", "Legal", "Finance"]
PEOPLE = ["Ada", "Bo", "Cy", "Di", "Ed", "Flo", "Gus", "Hal", "Ivy", "Jo", "Kim", "Lu", "Max", "Ned",
          "O'Neil", "Pia", "Quin", "Ray", "Sue", "Tom"]

Employee = tuple[str, int | None, int]  # name, salary, departmentId

DEPARTMENT = Table("Department", {"id": "INTEGER", "name": "TEXT"})
EMPLOYEE = Table("Employee", {"id": "INTEGER", "name": "TEXT", "salary": "INTEGER", "departmentId": "INTEGER"})


def _setup(departments: list[str], employees: list[Employee]) -> str:
    """Department ids are 1..len(departments); employee ids are 1..n in the given order."""
    return sql_setup((DEPARTMENT, list(enumerate(departments, start=1))),
                     (EMPLOYEE, [(i, *employee) for i, employee in enumerate(employees, start=1)]))


def _case(name: str, departments: list[str], employees: list[Employee], note: str = "") -> Case:
    return Case(name, kwargs={"setup": _setup(departments, employees)}, note=note)


def _random(rng: np.random.Generator, departments: int, n: int, null_share: float = 0.0) -> list[Employee]:
    employees: list[Employee] = []
    for _ in range(n):
        department = int(rng.integers(1, departments + 2))  # departments + 1 matches no department
        salary = None if rng.random() < null_share else int(rng.integers(5, 16)) * 1000
        employees.append((str(rng.choice(PEOPLE)), salary, department))
    return employees


def visible(rng: np.random.Generator) -> list[Case]:
    return [
        _case("ties at the top", ["IT", "Sales"],
              [("Joe", 85000, 1), ("Henry", 80000, 2), ("Sam", 60000, 2), ("Max", 90000, 1), ("Janet", 69000, 1),
               ("Randy", 85000, 1), ("Will", 70000, 1)],
              note="IT: Max 90000, Joe and Randy 85000, Will 70000 (4 rows); Sales: Henry, Sam"),
        _case("ties at the third salary", ["Ops"],
              [("Ann", 500, 1), ("Bea", 400, 1), ("Cal", 300, 1), ("Dan", 300, 1), ("Eve", 200, 1)],
              note="Ann, Bea, then Cal and Dan (both 300); Eve is fourth"),
    ]


def hidden(rng: np.random.Generator) -> list[Case]:
    return [
        _case("no employees", ["IT", "HR"], []),
        _case("no departments", [], [("Ann", 100, 1)]),
        _case("all salaries equal", ["IT"], [(name, 700, 1) for name in PEOPLE[:6]]),
        _case("NULL salaries in a small department", ["IT", "HR"],
              [("Ann", None, 1), ("Bob", 300, 1), ("Cat", 200, 1), ("Dee", None, 2), ("Eli", 100, 2),
               ("Fay", 50, 3)]),
        _case("duplicate names and salaries", ["Ops", "Legal"],
              [("Ann", 100, 1), ("Ann", 100, 1), ("Bob", 90, 1), ("Ann", 80, 1), ("Cy", 70, 1), ("Ann", 100, 2)]),
        _case("random company", DEPARTMENTS[:3], _random(rng, 3, 25)),
        _case("random company with NULLs", DEPARTMENTS, _random(rng, 6, 80, null_share=0.15)),
        _case("random large company", DEPARTMENTS, _random(rng, 6, 400)),
    ]


# The statement's edge rules (README.md, `<!-- rule: … -->`) and the cases that exercise each.
RULES = {
    'distinct-ranking-ties-kept': ['ties at the top', 'ties at the third salary'],
    'small-departments': ['NULL salaries in a small department', 'all salaries equal'],
    'null-salaries': ['NULL salaries in a small department'],
    'order': ['ties at the top', 'duplicate names and salaries'],
    'column-names': ['ties at the top'],
}
