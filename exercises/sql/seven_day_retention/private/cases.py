"""Cases for seven-day retention: returns on day 7 (kept) and day 8 (not), activity only on day 0,
repeated rows, NULL dates, windows across month ends, 29 February and New Year, an empty table
and random activity logs."""

import datetime as dt

import numpy as np

from grader.authoring import Case, Table, sql_setup

Row = tuple[int, str | None]  # user_id, activity_date

ACTIVITY = Table("Activity", {"user_id": "INTEGER", "activity_date": "TEXT"})


def _day(start: str, offset: int) -> str:
    return (dt.date.fromisoformat(start) + dt.timedelta(days=offset)).isoformat()


def _case(name: str, rows: list[Row], note: str = "") -> Case:
    return Case(name, kwargs={"setup": sql_setup((ACTIVITY, rows))}, note=note)


def _user(user: int, start: str, offsets: list[int]) -> list[Row]:
    return [(user, _day(start, k)) for k in offsets]


def _random(rng: np.random.Generator, users: int, start: str, spread: int) -> list[Row]:
    """Users whose first day falls in START + [0, SPREAD); later activity on days 0..12 after it."""
    rows: list[Row] = []
    for user in range(1, users + 1):
        first = _day(start, int(rng.integers(0, spread)))
        later = rng.integers(0, 13, size=int(rng.integers(0, 4)))
        rows += _user(user, first, [0, *later.tolist()])
    rng.shuffle(rows)
    return rows


def visible(rng: np.random.Generator) -> list[Case]:
    return [
        _case("day 7 counts, day 8 does not",
              _user(1, "2024-03-01", [0, 7]) + _user(2, "2024-03-01", [0, 8]),
              note="user 1 back on day 7, user 2 on day 8 → ('2024-03-01', 2, 0.5)"),
        _case("day 0 only and several cohorts",
              _user(1, "2024-05-10", [0, 0, 0]) + _user(2, "2024-05-10", [0, 1, 3])
              + _user(3, "2024-05-11", [0, 6]) + _user(4, "2024-05-11", [0, 10]),
              note="2024-05-10: users 1 (only day 0, three rows) and 2 (days 1 and 3) → 0.5; "
                   "2024-05-11: users 3 (day 6) and 4 (day 10) → 0.5"),
    ]


def hidden(rng: np.random.Generator) -> list[Case]:
    return [
        _case("empty table", []),
        _case("nobody returns",
              _user(1, "2024-01-01", [0]) + _user(2, "2024-01-01", [0, 9]) + _user(3, "2024-01-02", [0])),
        _case("everybody returns, many times",
              _user(1, "2024-06-01", [0, 1, 2, 2, 7]) + _user(2, "2024-06-01", [0, 4, 5])),
        _case("NULL dates", [(1, None), (1, "2024-04-02"), (2, None), (3, "2024-04-02"), (3, None), (3, "2024-04-05")]),
        _case("leap day and month end", _user(1, "2024-02-25", [0, 7]) + _user(2, "2024-02-25", [0, 5])
              + _user(3, "2024-02-28", [0, 8]) + _user(4, "2023-02-25", [0, 7])),
        _case("across New Year", _user(1, "2024-12-28", [0, 7]) + _user(2, "2024-12-30", [0, 3])
              + _user(3, "2024-12-30", [0, 8])),
        _case("random log, one week of cohorts", _random(rng, 30, "2024-01-27", 7)),
        _case("random log, many users", _random(rng, 300, "2023-12-20", 20)),
    ]


# The statement's edge rules (README.md, `<!-- rule: … -->`) and the cases that exercise each.
RULES = {
    'calendar-days': ['day 7 counts, day 8 does not', 'leap day and month end', 'across New Year'],
    'count-once': ['day 0 only and several cohorts', 'everybody returns, many times'],
    'null-dates': ['NULL dates'],
    'empty-and-zero': ['empty table', 'nobody returns'],
    'column-names': ['day 7 counts, day 8 does not'],
}
