"""Cases for the first event per session: ids out of time order, ties on the first timestamp,
the first event logged twice, NULL times (SQLite sorts them first), sessions with no timed event,
an empty table and random logs with ties and duplicates."""

import datetime as dt

import numpy as np

from grader.authoring import Case, Table, sql_setup

Row = tuple[int, int, str | None, str]  # event_id, session_id, event_time, event_type

EVENT = Table("Event", {"event_id": "INTEGER", "session_id": "INTEGER", "event_time": "TEXT", "event_type": "TEXT"})
TYPES = ["view", "click", "scroll", "add_to_cart", "purchase", "user's note"]


def _at(clock: str) -> str:
    return f"2024-09-14 {clock}"


def _case(name: str, rows: list[Row], note: str = "") -> Case:
    return Case(name, kwargs={"setup": sql_setup((EVENT, rows))}, note=note)


def _random(rng: np.random.Generator, sessions: int, n: int, seconds: int, null_share: float = 0.0,
            duplicate_share: float = 0.0) -> list[Row]:
    """N events with shuffled ids over SESSIONS sessions, times within SECONDS seconds (so they tie),
    some without a time, some logged twice."""
    start = dt.datetime(2024, 9, 14, 23, 59, 30)
    rows: list[Row] = []
    for event_id in (rng.permutation(n) + 1).tolist():
        moment = (start + dt.timedelta(seconds=int(rng.integers(0, seconds)))).isoformat(sep=" ")
        row = (event_id, int(rng.integers(1, sessions + 1)), None if rng.random() < null_share else moment,
               TYPES[int(rng.integers(0, len(TYPES)))])
        rows += [row, row] if rng.random() < duplicate_share else [row]
    rng.shuffle(rows)
    return rows


def visible(rng: np.random.Generator) -> list[Case]:
    return [
        _case("ids out of time order",
              [(3, 1, _at("10:00:05"), "view"), (1, 1, _at("10:00:09"), "click"), (2, 1, _at("10:00:05"), "scroll"),
               (7, 2, _at("09:59:59"), "view"), (4, 2, _at("10:30:00"), "purchase")],
              note="session 1 → event 2 (10:00:05, lower id than 3); session 2 → event 7"),
        _case("first timestamp shared",
              [(12, 5, _at("08:00:00"), "view"), (10, 5, _at("08:00:00"), "click"), (11, 5, _at("08:00:01"), "view"),
               (20, 6, _at("08:00:00"), "view"), (21, 6, _at("08:00:00"), "view")],
              note="session 5 → event 10; session 6 → event 20"),
    ]


def hidden(rng: np.random.Generator) -> list[Case]:
    return [
        _case("empty table", []),
        _case("first event logged twice",
              [(5, 1, _at("12:00:00"), "view"), (5, 1, _at("12:00:00"), "view"), (6, 1, _at("12:00:03"), "click"),
               (9, 2, _at("12:01:00"), "view"), (8, 2, _at("12:02:00"), "click"), (9, 2, _at("12:01:00"), "view")]),
        _case("NULL times", [(1, 1, None, "view"), (2, 1, _at("07:00:00"), "click"), (3, 2, None, "view"),
                             (4, 3, _at("07:10:00"), "view"), (5, 3, None, "scroll"), (6, 2, None, "click")]),
        _case("single event", [(42, 9, _at("23:59:59"), "purchase")]),
        _case("across midnight", [(1, 4, "2024-09-15 00:00:01", "view"), (2, 4, "2024-09-14 23:59:59", "click"),
                                  (3, 4, "2024-09-15 00:00:00", "view")]),
        _case("random log with ties", _random(rng, 5, 40, 20)),
        _case("random log with NULLs and duplicates", _random(rng, 20, 120, 60, null_share=0.15, duplicate_share=0.1)),
        _case("random large log", _random(rng, 150, 1500, 300, null_share=0.05, duplicate_share=0.05)),
    ]


# The statement's edge rules (README.md, `<!-- rule: … -->`) and the cases that exercise each.
RULES = {
    "earliest-time": ["ids out of time order", "across midnight"],
    "tie-lowest-id": ["first timestamp shared", "ids out of time order"],
    "duplicate-rows": ["first event logged twice"],
    "null-times": ["NULL times"],
    "column-names": ["ids out of time order"],
}
