"""Cases for employees earning more than their manager: the LeetCode example, equal salaries,
no manager and a manager who left, NULL salaries on either side, namesakes, chains of managers,
an empty table and random companies."""

import numpy as np

from grader.authoring import Case, Table, sql_setup

Row = tuple[int, str, int | None, int | None]  # id, name, salary, managerId

EMPLOYEE = Table("Employee", {"id": "INTEGER", "name": "TEXT", "salary": "INTEGER", "managerId": "INTEGER"})
NAMES = ["Ada", "Bo", "Cy", "Di", "Ed", "Flo", "Gus", "Hal", "Ivy", "Jo", "D'Arcy"]


def _case(name: str, rows: list[Row], note: str = "") -> Case:
    return Case(name, kwargs={"setup": sql_setup((EMPLOYEE, rows))}, note=note)


def _random(rng: np.random.Generator, n: int, null_share: float = 0.0) -> list[Row]:
    """N employees; each one's manager is an earlier employee, nobody, or an id that left (n + 1..)."""
    rows: list[Row] = []
    for i in range(1, n + 1):
        pick = rng.random()
        manager = None if i == 1 or pick < 0.1 else n + 1 + int(rng.integers(0, 3)) if pick < 0.2 \
            else int(rng.integers(1, i))
        salary = None if rng.random() < null_share else int(rng.integers(5, 15)) * 1000
        rows.append((i, NAMES[int(rng.integers(0, len(NAMES)))], salary, manager))
    rng.shuffle(rows)
    return rows


def visible(rng: np.random.Generator) -> list[Case]:
    return [
        _case("LeetCode example", [(1, "Joe", 70000, 3), (2, "Henry", 80000, 4), (3, "Sam", 60000, None),
                                   (4, "Max", 90000, None)], note="→ Joe"),
        _case("equal salary and a chain", [(1, "Ann", 500, None), (2, "Bob", 500, 1), (3, "Cat", 600, 2),
                                           (4, "Dan", 700, 3), (5, "Eve", 100, 4)],
              note="Bob earns as much as Ann (not listed); Cat and Dan earn more than theirs → Cat, Dan"),
    ]


def hidden(rng: np.random.Generator) -> list[Case]:
    return [
        _case("empty table", []),
        _case("nobody has a manager", [(1, "Ann", 100, None), (2, "Bob", 200, None), (3, "Cy", 300, None)]),
        _case("manager has left", [(1, "Ann", 100, None), (2, "Bob", 900, 7), (3, "Cy", 800, 1),
                                   (4, "Di", 50, 8)]),
        _case("NULL salaries", [(1, "Ann", None, None), (2, "Bob", 300, 1), (3, "Cy", None, 2), (4, "Di", 400, 2),
                                (5, "Ed", 10, 4), (6, "Flo", 20, 1)]),
        _case("namesakes", [(1, "Ann", 100, None), (2, "Bo", 200, 1), (3, "Bo", 300, 1), (4, "Bo", 50, 1),
                            (5, "Ann", 400, 3)]),
        _case("random company", _random(rng, 20)),
        _case("random company with NULLs", _random(rng, 80, null_share=0.15)),
        _case("random large company", _random(rng, 1000, null_share=0.05)),
    ]


# The statement's edge rules (README.md, `<!-- rule: … -->`) and the cases that exercise each.
RULES = {
    "strictly-more": ["equal salary and a chain"],
    "no-manager": ["nobody has a manager", "manager has left"],
    "null-salary": ["NULL salaries"],
    "one-row-per-employee": ["namesakes"],
    "column-names": ["LeetCode example"],
}
