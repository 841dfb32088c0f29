"""Cases for the second highest salary: ties at the top, fewer than two distinct salaries (one NULL
row expected), NULL salaries, an empty table and random tables with many duplicates."""

import numpy as np

from grader.authoring import Case, Table, sql_setup

EMPLOYEE = Table("Employee", {"id": "INTEGER", "salary": "INTEGER"})


def _case(name: str, salaries: list[int | None], note: str = "") -> Case:
    """Employee ids are 1..n in the given order."""
    return Case(name, kwargs={"setup": sql_setup((EMPLOYEE, list(enumerate(salaries, start=1))))}, note=note)


def _random(rng: np.random.Generator, n: int, distinct: int) -> list[int | None]:
    levels = rng.choice(np.arange(1, 200) * 500, size=distinct, replace=False)
    return [int(s) for s in rng.choice(levels, size=n)]


def visible(rng: np.random.Generator) -> list[Case]:
    return [
        _case("three distinct salaries", [100, 200, 300], note="salaries 100, 200, 300 → 200"),
        _case("top salary shared", [300, 200, 300], note="salaries 300, 200, 300 → 200"),
        _case("single employee", [100], note="salary 100 → one row holding NULL"),
    ]


def hidden(rng: np.random.Generator) -> list[Case]:
    with_nulls = _random(rng, 12, 4) + [None, None]
    rng.shuffle(with_nulls)
    tied_top = _random(rng, 15, 5)
    tied_top += [max(tied_top)] * 3
    rng.shuffle(tied_top)
    return [
        _case("empty table", []),
        _case("all salaries equal", [700] * 5),
        _case("one salary and NULLs", [None, 400, None, 400]),
        _case("only NULL salaries", [None, None]),
        _case("random with NULLs", with_nulls),
        _case("random with a tied top", tied_top),
        _case("random large", _random(rng, 300, 40)),
        _case("two distinct, many duplicates", [50] * 4 + [80] * 6),
    ]


# The statement's edge rules (README.md, `<!-- rule: … -->`) and the cases that exercise each.
RULES = {
    'distinct-ranking': ['top salary shared', 'two distinct, many duplicates'],
    'null-ignored': ['one salary and NULLs', 'only NULL salaries'],
    'null-when-none': ['single employee', 'empty table', 'all salaries equal'],
    'column-names': ['three distinct salaries'],
}
