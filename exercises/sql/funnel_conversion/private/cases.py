"""Cases for the funnel: steps out of order, a cart before the view and another after it (first
times alone mislead), steps at the same second, repeated events, NULL times, nobody at a step,
an empty table and random event logs."""

import datetime as dt

import numpy as np

from grader.authoring import Case, Table, sql_setup

Row = tuple[int, str, str | None]  # user_id, event, event_time

EVENT = Table("Event", {"user_id": "INTEGER", "event": "TEXT", "event_time": "TEXT"})
START = dt.datetime(2024, 11, 30, 23, 58, 0)
ACTIONS = ["view", "cart", "purchase", "search"]


def _at(second: int) -> str:
    return (START + dt.timedelta(seconds=second)).isoformat(sep=" ")


def _user(user: int, steps: list[tuple[str, int]]) -> list[Row]:
    """A user's events: (event, second after START)."""
    return [(user, event, _at(second)) for event, second in steps]


def _case(name: str, rows: list[Row], note: str = "") -> Case:
    return Case(name, kwargs={"setup": sql_setup((EVENT, rows))}, note=note)


def _random(rng: np.random.Generator, users: int, per_user: int, seconds: int, null_share: float = 0.0) -> list[Row]:
    """Each user does up to PER_USER random actions within SECONDS seconds (so times tie), some untimed;
    views are more common than carts, carts than purchases."""
    rows: list[Row] = []
    for user in range(1, users + 1):
        for _ in range(int(rng.integers(1, per_user + 1))):
            event = ACTIONS[int(rng.choice(4, p=[0.4, 0.3, 0.2, 0.1]))]
            moment = None if rng.random() < null_share else _at(int(rng.integers(0, seconds)))
            rows.append((user, event, moment))
    rng.shuffle(rows)
    return rows


def visible(rng: np.random.Generator) -> list[Case]:
    return [
        _case("steps out of order",
              _user(1, [("view", 0), ("cart", 10), ("purchase", 20)]) + _user(2, [("cart", 0), ("view", 5)])
              + _user(3, [("view", 0), ("purchase", 3), ("cart", 9)]) + _user(4, [("purchase", 7)]),
              note="→ (1, 'view', 3, NULL), (2, 'cart', 2, 0.666…), (3, 'purchase', 1, 0.5)"),
        _case("a cart before the view and one after",
              _user(1, [("cart", 0), ("view", 5), ("cart", 9), ("purchase", 12)])
              + _user(2, [("view", 1), ("cart", 2), ("cart", 50), ("purchase", 30)])
              + _user(3, [("view", 40), ("view", 3), ("search", 4), ("cart", 20)]),
              note="user 1 reaches step 3 through the second cart; user 2 through the first cart; "
                   "user 3 reaches step 2 → 3, 3, 2"),
    ]


def hidden(rng: np.random.Generator) -> list[Case]:
    return [
        _case("empty table", []),
        _case("nobody views", _user(1, [("cart", 0), ("purchase", 1)]) + _user(2, [("search", 0)])),
        _case("steps at the same second",
              _user(1, [("view", 5), ("cart", 5), ("purchase", 5)]) + _user(2, [("view", 5), ("cart", 5)])
              + _user(3, [("view", 8), ("cart", 9), ("purchase", 9)]) + _user(4, [("view", 2)])),
        _case("repeated events", _user(1, [("view", 0)] * 3 + [("cart", 1)] * 4 + [("purchase", 2)] * 2)
              + _user(2, [("view", 1), ("view", 2), ("cart", 3)]) + _user(3, [("view", 0), ("view", 9)])),
        _case("NULL times", [(1, "view", None), (1, "cart", _at(3)), (1, "purchase", _at(4)),
                             (2, "view", _at(1)), (2, "cart", None), (2, "purchase", _at(8)),
                             (3, "view", _at(0)), (3, "cart", _at(2)), (3, "purchase", None), (4, "view", None)]),
        _case("views only", _user(1, [("view", 0)]) + _user(2, [("view", 3), ("search", 4)])),
        _case("random log", _random(rng, 12, 6, 30)),
        _case("random log with NULLs", _random(rng, 60, 8, 40, null_share=0.1)),
        _case("random large log", _random(rng, 400, 10, 600, null_share=0.02)),
    ]


# The statement's edge rules (README.md, `<!-- rule: … -->`) and the cases that exercise each.
RULES = {
    "in-order": ["steps out of order", "a cart before the view and one after"],
    "any-occurrence": ["a cart before the view and one after"],
    "same-time": ["steps at the same second"],
    "users-once": ["repeated events"],
    "null-times": ["NULL times"],
    "three-rows": ["empty table", "nobody views", "views only"],
    "real-division": ["steps out of order", "repeated events"],
    "order-and-names": ["steps out of order"],
}
