"""Cases for the running total: several payments of a user on one date (RANGE frames give them
one total), payment ids out of date order, several users, NULL amounts first, refunds, equal
amounts, an empty table and random payment logs."""

import datetime as dt

import numpy as np

from grader.authoring import Case, Table, sql_setup

Payment = tuple[int, int, str, int | None]  # payment_id, user_id, paid_on, amount

PAYMENT = Table("Payment", {"payment_id": "INTEGER", "user_id": "INTEGER", "paid_on": "TEXT", "amount": "INTEGER"})


def _case(name: str, payments: list[Payment], note: str = "") -> Case:
    return Case(name, kwargs={"setup": sql_setup((PAYMENT, payments))}, note=note)


def _random(rng: np.random.Generator, users: int, n: int, days: int, null_share: float = 0.0) -> list[Payment]:
    """N payments with shuffled ids, dates within DAYS days (so dates repeat), some refunds."""
    start = dt.date(2024, 1, 28)
    ids = rng.permutation(n) + 1
    payments: list[Payment] = []
    for payment_id in ids.tolist():
        day = (start + dt.timedelta(days=int(rng.integers(0, days)))).isoformat()
        amount = None if rng.random() < null_share else int(rng.integers(-20, 100))
        payments.append((payment_id, int(rng.integers(1, users + 1)), day, amount))
    return payments


def visible(rng: np.random.Generator) -> list[Case]:
    return [
        _case("two payments on one date",
              [(5, 1, "2024-01-01", 10), (3, 1, "2024-01-01", 20), (1, 1, "2024-01-02", 5)],
              note="user 1: id 3 → 20, id 5 → 30, id 1 → 35"),
        _case("two users, ids out of date order",
              [(1, 2, "2024-02-03", 7), (2, 1, "2024-02-02", 4), (3, 2, "2024-02-01", 1), (4, 1, "2024-02-01", 8)],
              note="user 1: id 4 → 8, id 2 → 12; user 2: id 3 → 1, id 1 → 8"),
    ]


def hidden(rng: np.random.Generator) -> list[Case]:
    return [
        _case("empty table", []),
        _case("NULL amounts first", [(1, 1, "2024-03-01", None), (2, 1, "2024-03-02", 5), (3, 2, "2024-03-01", None),
                                     (4, 2, "2024-03-01", None), (5, 2, "2024-03-03", 2)]),
        _case("refunds and equal amounts on one date", [(9, 4, "2024-05-05", 50), (8, 4, "2024-05-05", 50),
                                                        (7, 4, "2024-05-05", -50), (6, 4, "2024-05-04", 50)]),
        _case("single payment", [(1, 3, "2024-12-31", 42)]),
        _case("random log", _random(rng, 3, 20, 6)),
        _case("random log with NULL amounts", _random(rng, 5, 60, 10, null_share=0.2)),
        _case("random large log", _random(rng, 20, 500, 30)),
    ]


# The statement's edge rules (README.md, `<!-- rule: … -->`) and the cases that exercise each.
RULES = {
    'one-at-a-time': ['two payments on one date', 'refunds and equal amounts on one date'],
    'per-user': ['two users, ids out of date order'],
    'null-as-zero': ['NULL amounts first'],
    'order': ['two users, ids out of date order', 'two payments on one date'],
    'column-names': ['two payments on one date'],
}
