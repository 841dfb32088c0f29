"""Cases for the rolling seven-day average: gaps of missing days, several sales on one day, the
first six days, a window exactly seven days wide, NULL amounts, month and leap-day boundaries, a
single day, an empty table and random sales over months."""

import datetime as dt

import numpy as np

from grader.authoring import Case, Table, sql_setup

Sale = tuple[str, int | None]  # sale_date, amount

DAILY_SALES = Table("DailySales", {"sale_date": "TEXT", "amount": "INTEGER"})


def _day(start: str, offset: int) -> str:
    return (dt.date.fromisoformat(start) + dt.timedelta(days=offset)).isoformat()


def _case(name: str, sales: list[Sale], note: str = "") -> Case:
    return Case(name, kwargs={"setup": sql_setup((DAILY_SALES, sales))}, note=note)


def _series(start: str, amounts: list[int | None]) -> list[Sale]:
    """One sale per day from START, skipping the days whose amount is -1 (no sale at all)."""
    return [(_day(start, k), amount) for k, amount in enumerate(amounts) if amount != -1]


def _random(rng: np.random.Generator, start: str, days: int, n: int, null_share: float = 0.0) -> list[Sale]:
    """N sales on random days of DAYS days (days repeat, others stay empty)."""
    sales = [(_day(start, int(rng.integers(0, days))), None if rng.random() < null_share else int(rng.integers(0, 200)))
             for _ in range(n)]
    rng.shuffle(sales)
    return sales


def visible(rng: np.random.Generator) -> list[Case]:
    return [
        _case("a missing day and two sales on one day", [("2024-01-01", 10), ("2024-01-03", 4), ("2024-01-03", 6)],
              note="→ (01-01, 10, 10.0), (01-02, 0, 5.0), (01-03, 10, 6.666…)"),
        _case("ten days with a gap", _series("2024-03-01", [7, 1, 4, -1, -1, 9, 2, 8, 3, 5]),
              note="03-04 and 03-05 have no sale; from 03-07 the window holds 7 days"),
    ]


def hidden(rng: np.random.Generator) -> list[Case]:
    return [
        _case("empty table", []),
        _case("single sale", [("2024-05-05", 12)]),
        _case("single day, several sales", [("2024-05-05", 12), ("2024-05-05", 3), ("2024-05-05", None)]),
        _case("long gap", [("2024-01-28", 70), ("2024-02-10", 14), ("2024-02-10", 7)]),
        _case("NULL amounts", _series("2024-06-01", [None, 5, None, None, -1, 8, None, 2, 1])),
        _case("leap day and month end", _series("2024-02-25", [3, 1, 4, 1, 5, 9, 2, 6, 5, 3])),
        _case("exactly fourteen days", _series("2023-12-25", [1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1, 1, 1, 1])),
        _case("random sales", _random(rng, "2024-01-15", 30, 40)),
        _case("random sparse sales with NULLs", _random(rng, "2023-11-20", 90, 40, null_share=0.15)),
        _case("random large sales", _random(rng, "2022-01-01", 800, 3000)),
    ]


# The statement's edge rules (README.md, `<!-- rule: … -->`) and the cases that exercise each.
RULES = {
    "missing-days": ["a missing day and two sales on one day", "ten days with a gap", "long gap"],
    "one-row-per-day": ["a missing day and two sales on one day", "single day, several sales"],
    "seven-days": ["ten days with a gap", "exactly fourteen days"],
    "first-days": ["a missing day and two sales on one day", "exactly fourteen days"],
    "null-amounts": ["NULL amounts", "single day, several sales"],
    "order": ["ten days with a gap", "leap day and month end"],
    "column-names": ["a missing day and two sales on one day"],
}
