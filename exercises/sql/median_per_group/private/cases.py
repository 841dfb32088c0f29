"""Cases for the median per department: odd and even counts, even counts whose middle values sum
to an odd number, repeated salaries in the middle (RANK leaves no middle position), NULL salaries
(SQLite sorts them first), a department with only NULL salaries, an empty table and random
companies."""

import numpy as np

from grader.authoring import Case, Table, sql_setup

SALARY = Table("Salary", {"employee_id": "INTEGER", "department": "TEXT", "salary": "INTEGER"})
DEPARTMENTS = ["IT", "Ops", "Sales", "HR", "Legal", "R&D", "O'Hare"]


def _case(name: str, rows: list[tuple[str, int | None]], note: str = "") -> Case:
    """Employee ids are 1..n in the given order."""
    table = [(i, department, salary) for i, (department, salary) in enumerate(rows, start=1)]
    return Case(name, kwargs={"setup": sql_setup((SALARY, table))}, note=note)


def _department(name: str, salaries: list[int | None]) -> list[tuple[str, int | None]]:
    return [(name, salary) for salary in salaries]


def _random(rng: np.random.Generator, departments: int, n: int, levels: int,
            null_share: float = 0.0) -> list[tuple[str, int | None]]:
    """N employees over DEPARTMENTS departments, salaries from LEVELS values (so they repeat)."""
    values = rng.choice(np.arange(1, 400), size=levels, replace=False) * 25 + 1
    rows: list[tuple[str, int | None]] = []
    for _ in range(n):
        salary = None if rng.random() < null_share else int(rng.choice(values))
        rows.append((DEPARTMENTS[int(rng.integers(0, departments))], salary))
    return rows


def visible(rng: np.random.Generator) -> list[Case]:
    return [
        _case("odd and even departments", _department("IT", [100, 300, 200]) + _department("Ops", [40, 10, 25, 20]),
              note="IT → 200, Ops → 22.5"),
        _case("repeated salaries in the middle", _department("Sales", [5, 10, 5, 1, 9, 5]),
              note="1, 5, 5, 5, 9, 10 → 5"),
    ]


def hidden(rng: np.random.Generator) -> list[Case]:
    return [
        _case("empty table", []),
        _case("single employee", [("HR", 4200)]),
        _case("two middle values with an odd sum", _department("IT", [2, 1]) + _department("Ops", [7, 4, 100, 1])),
        _case("NULL salaries", _department("IT", [None, 300, None, 100, 200]) + _department("Ops", [None, 8, 6])),
        _case("department without salaries", _department("HR", [None, None]) + _department("Legal", [70, 30])),
        _case("two departments without salaries among others",
              _department("HR", [None]) + _department("IT", [3, 1, 2]) + _department("Ops", [None, None, None])
              + _department("Sales", [4, 8])),
        _case("all salaries equal", _department("R&D", [500] * 5) + _department("IT", [500] * 4)),
        _case("random company", _random(rng, 3, 30, 12)),
        _case("random company with NULLs", _random(rng, 7, 80, 40, null_share=0.15)),
        _case("random large company", _random(rng, 7, 600, 150)),
    ]


# The statement's edge rules (README.md, `<!-- rule: … -->`) and the cases that exercise each.
RULES = {
    "even-average": ["odd and even departments", "two middle values with an odd sum"],
    "repeated-salaries": ["repeated salaries in the middle"],
    "null-ignored": ["NULL salaries"],
    "no-salary-department": ["department without salaries", "two departments without salaries among others",
                             "empty table"],
    "column-names": ["odd and even departments"],
}
