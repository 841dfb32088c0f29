"""Cases for month-over-month growth: a missing month (growth against the previous row is wrong),
December to January, a previous month with revenue 0, months whose amounts are all NULL, growths
that integer division truncates, an empty table and random order logs. Random amounts are drawn
again when a growth would fall exactly halfway between two rounded values (tests check that no
case has such a tie)."""

import datetime as dt
from collections import defaultdict
from fractions import Fraction

import numpy as np

from grader.authoring import Case, Table, sql_setup

Order = tuple[int, str, int | None]  # order_id, order_date, amount

ORDERS = Table("Orders", {"order_id": "INTEGER", "order_date": "TEXT", "amount": "INTEGER"})


def _case(name: str, orders: list[tuple[str, int | None]], note: str = "") -> Case:
    """Order ids are 1..n in the given order."""
    rows = [(i, day, amount) for i, (day, amount) in enumerate(orders, start=1)]
    return Case(name, kwargs={"setup": sql_setup((ORDERS, rows))}, note=note)


def _has_tie(orders: list[tuple[str, int | None]]) -> bool:
    """Whether some month's growth over the month before is exactly halfway between two 2-decimal values."""
    revenue: dict[str, int] = defaultdict(int)
    for day, amount in orders:
        revenue[day[:7]] += amount or 0
    for month, current in revenue.items():
        first = dt.date.fromisoformat(month + "-01")
        previous = revenue.get((first - dt.timedelta(days=1)).isoformat()[:7])
        if previous and (Fraction(10_000 * (current - previous), previous) % 1) == Fraction(1, 2):
            return True
    return False


def _random(rng: np.random.Generator, start: str, months: int, n: int,
            null_share: float = 0.0) -> list[tuple[str, int | None]]:
    """N orders over MONTHS months from START (some months may have none), amounts 0..500."""
    first = dt.date.fromisoformat(start)
    while True:
        orders: list[tuple[str, int | None]] = []
        for _ in range(n):
            day = (first + dt.timedelta(days=int(rng.integers(0, 30 * months)))).isoformat()
            orders.append((day, None if rng.random() < null_share else int(rng.integers(0, 501))))
        if not _has_tie(orders):
            return orders


def visible(rng: np.random.Generator) -> list[Case]:
    return [
        _case("a month without orders",
              [("2024-01-05", 120), ("2024-01-20", 80), ("2024-02-11", 250), ("2024-04-02", 100)],
              note="→ ('2024-01', 200, NULL), ('2024-02', 250, 25.0), ('2024-04', 100, NULL)"),
        _case("three consecutive months", [("2024-05-31", 300), ("2024-06-01", 200), ("2024-06-30", 150),
                                           ("2024-07-15", 120)],
              note="→ ('2024-05', 300, NULL), ('2024-06', 350, 16.67), ('2024-07', 120, -65.71)"),
    ]


def hidden(rng: np.random.Generator) -> list[Case]:
    return [
        _case("empty table", []),
        _case("single month", [("2024-03-03", 10), ("2024-03-04", 20)]),
        _case("December to January", [("2023-12-24", 70), ("2024-01-02", 30), ("2024-01-31", 20),
                                      ("2024-02-29", 60)]),
        _case("same month a year apart", [("2023-06-10", 300), ("2024-06-10", 400), ("2024-07-01", 100)]),
        _case("previous revenue zero", [("2024-01-10", 0), ("2024-02-10", 90), ("2024-03-10", 0),
                                        ("2024-04-10", 0)]),
        _case("NULL amounts", [("2024-08-01", None), ("2024-08-02", None), ("2024-09-01", 40), ("2024-09-09", None),
                               ("2024-10-01", 30), ("2024-10-02", 3)]),
        _case("growth in thirds", [("2025-01-01", 3), ("2025-02-01", 7), ("2025-03-01", 9), ("2025-04-01", 2)]),
        _case("random log", _random(rng, "2023-11-01", 6, 25)),
        _case("random log with gaps and NULLs", _random(rng, "2023-01-15", 18, 20, null_share=0.2)),
        _case("random large log", _random(rng, "2020-01-01", 60, 800)),
    ]


# The statement's edge rules (README.md, `<!-- rule: … -->`) and the cases that exercise each.
RULES = {
    "previous-calendar-month": ["a month without orders", "same month a year apart"],
    "first-month-null": ["a month without orders", "single month"],
    "zero-previous": ["previous revenue zero"],
    "null-amounts": ["NULL amounts"],
    "rounding": ["three consecutive months", "growth in thirds"],
    "order": ["three consecutive months", "December to January"],
    "column-names": ["a month without orders"],
}
