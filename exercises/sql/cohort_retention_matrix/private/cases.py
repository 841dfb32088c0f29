"""Cases for the monthly cohort retention matrix: cohorts across New Year, a month nobody came
back, month ends (a day apart but a month later), many rows a month, NULL dates, offsets beyond a
year, an empty table and random activity logs."""

import datetime as dt

import numpy as np

from grader.authoring import Case, Table, sql_setup

Row = tuple[int, str | None]  # user_id, activity_date

ACTIVITY = Table("Activity", {"user_id": "INTEGER", "activity_date": "TEXT"})


def _case(name: str, rows: list[Row], note: str = "") -> Case:
    return Case(name, kwargs={"setup": sql_setup((ACTIVITY, rows))}, note=note)


def _random(rng: np.random.Generator, users: int, start: str, days: int, per_user: int,
            null_share: float = 0.0) -> list[Row]:
    """Each user is active on 1..PER_USER days after a random first day, within DAYS days of START."""
    first_day = dt.date.fromisoformat(start)
    rows: list[Row] = []
    for user in range(1, users + 1):
        first = int(rng.integers(0, days))
        for offset in [first, *(first + rng.integers(0, days - first + 1, size=int(rng.integers(0, per_user)))).tolist()]:
            rows.append((user, None if rng.random() < null_share else (first_day + dt.timedelta(days=offset)).isoformat()))
    rng.shuffle(rows)
    return rows


def visible(rng: np.random.Generator) -> list[Case]:
    return [
        _case("cohorts across New Year",
              [(1, "2023-12-05"), (1, "2024-01-02"), (2, "2023-12-31"), (2, "2024-02-01"), (3, "2024-01-15"),
               (3, "2024-01-20")],
              note="→ ('2023-12', 0, 2, 1.0), ('2023-12', 1, 1, 0.5), ('2023-12', 2, 1, 0.5), ('2024-01', 0, 1, 1.0), "
                   "('2024-01', 1, 0, 0.0)"),
        _case("a month nobody came back",
              [(1, "2024-03-10"), (2, "2024-03-11"), (3, "2024-03-12"), (1, "2024-05-01"), (2, "2024-05-02"),
               (2, "2024-06-30"), (3, "2024-06-01")],
              note="cohort 2024-03 of 3 users: April has nobody (0, 0.0), May 2, June 2"),
    ]


def hidden(rng: np.random.Generator) -> list[Case]:
    return [
        _case("empty table", []),
        _case("single activity", [(5, "2024-07-07")]),
        _case("month ends", [(1, "2024-01-31"), (1, "2024-02-01"), (2, "2024-01-01"), (2, "2024-01-31"),
                             (3, "2024-02-29"), (3, "2024-03-01")]),
        _case("many rows a month", [(1, "2024-04-01")] * 3 + [(1, "2024-05-03"), (1, "2024-05-04"), (1, "2024-05-04"),
                                   (2, "2024-04-20"), (2, "2024-05-20"), (2, "2024-05-21")]),
        _case("NULL dates", [(1, None), (1, "2024-09-09"), (2, None), (3, "2024-10-01"), (3, None),
                             (4, "2024-09-30"), (4, "2024-10-31")]),
        _case("offsets beyond a year", [(1, "2022-11-15"), (1, "2024-02-01"), (2, "2023-11-30"), (2, "2023-12-01")]),
        _case("random log", _random(rng, 15, "2024-01-01", 150, 6)),
        _case("random log with NULLs", _random(rng, 60, "2023-10-20", 300, 8, null_share=0.1)),
        _case("random large log", _random(rng, 500, "2021-06-01", 900, 10)),
    ]


# The statement's edge rules (README.md, `<!-- rule: … -->`) and the cases that exercise each.
RULES = {
    "calendar-months": ["cohorts across New Year", "month ends", "offsets beyond a year"],
    "full-grid": ["a month nobody came back", "cohorts across New Year"],
    "distinct-users": ["many rows a month"],
    "real-division": ["cohorts across New Year", "a month nobody came back"],
    "null-dates": ["NULL dates", "empty table"],
    "order-and-names": ["cohorts across New Year"],
}
