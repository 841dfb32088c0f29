"""Cases for login streaks: several logins on one day inside a streak, streaks across month ends,
29 February and New Year, users logging in on alternate days, NULL dates, an empty table and
random login logs."""

import datetime as dt

import numpy as np

from grader.authoring import Case, Table, sql_setup

Row = tuple[int, str | None]  # user_id, login_date

LOGIN = Table("Login", {"user_id": "INTEGER", "login_date": "TEXT"})


def _day(start: str, offset: int) -> str:
    return (dt.date.fromisoformat(start) + dt.timedelta(days=offset)).isoformat()


def _user(user: int, start: str, offsets: list[int]) -> list[Row]:
    return [(user, _day(start, k)) for k in offsets]


def _case(name: str, rows: list[Row], note: str = "") -> Case:
    return Case(name, kwargs={"setup": sql_setup((LOGIN, rows))}, note=note)


def _random(rng: np.random.Generator, users: int, start: str, days: int, per_user: int,
            null_share: float = 0.0) -> list[Row]:
    """Each user logs in on PER_USER random days of DAYS days (days repeat), some dates NULL."""
    rows: list[Row] = []
    for user in range(1, users + 1):
        for offset in rng.integers(0, days, size=per_user).tolist():
            rows.append((user, None if rng.random() < null_share else _day(start, offset)))
    rng.shuffle(rows)
    return rows


def visible(rng: np.random.Generator) -> list[Case]:
    return [
        _case("two logins on one day", _user(7, "2024-03-01", [0, 1, 1, 2, 4]),
              note="→ (7, 2024-03-01, 2024-03-03, 3) and (7, 2024-03-05, 2024-03-05, 1)"),
        _case("two users on alternate days", _user(1, "2024-05-01", [0, 2, 4]) + _user(2, "2024-05-02", [0, 2])
              + _user(2, "2024-05-10", [0, 1]),
              note="user 1: three one-day streaks; user 2: 05-02, 05-04, then 05-10..05-11"),
    ]


def hidden(rng: np.random.Generator) -> list[Case]:
    return [
        _case("empty table", []),
        _case("NULL dates", [(1, None), (1, "2024-04-02"), (2, None), (3, "2024-04-02"), (3, None),
                             (3, "2024-04-03")]),
        _case("leap day and month ends", _user(1, "2024-02-28", [0, 1, 2]) + _user(2, "2023-02-28", [0, 1])
              + _user(3, "2024-01-30", [0, 1, 2, 3]) + _user(4, "2024-04-30", [0, 2])),
        _case("across New Year", _user(5, "2024-12-30", [0, 1, 2, 3, 3]) + _user(6, "2024-12-31", [0, 2])),
        _case("many logins a day", _user(1, "2024-06-01", [0, 0, 0, 1, 1, 2, 2, 2, 2, 5, 5, 6])),
        _case("single login", [(9, "2024-07-04")]),
        _case("random log", _random(rng, 4, "2024-01-20", 30, 15)),
        _case("random log with NULL dates", _random(rng, 10, "2023-12-15", 40, 25, null_share=0.1)),
        _case("random large log", _random(rng, 40, "2024-02-01", 90, 60)),
    ]


# The statement's edge rules (README.md, `<!-- rule: … -->`) and the cases that exercise each.
RULES = {
    "same-day-once": ["two logins on one day", "many logins a day"],
    "calendar-days": ["leap day and month ends", "across New Year"],
    "per-user": ["two users on alternate days"],
    "null-dates": ["NULL dates"],
    "order": ["two users on alternate days", "random log"],
    "column-names": ["two logins on one day"],
}
