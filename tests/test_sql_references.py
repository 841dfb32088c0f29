"""The references of the SQL exercises added by bank issue 16 agree with a second, differently
written query (correlated subqueries or joins where the reference uses window functions, and the
other way round), both run with Python's sqlite3 on the exercise's own cases and on the same
generators under other seeds; and the check can fail: it tells each wrong variant apart."""

from __future__ import annotations

import sqlite3
import tomllib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from grader.cases import load_module
from grader.compare import ROW_TOLERANCE, compare_rows

SQL = Path(__file__).resolve().parent.parent / "exercises" / "sql"
SEEDS = range(5)  # seed 0.. of each generator: the exercise's own cases come from its [cases].seed too

# A second formulation of each reference query, written without looking at the reference's shape.
ALTERNATIVES: dict[str, str] = {
    # Streak starts are days without a login the day before, ends days without one the day after;
    # a streak runs from a start to the first end on or after it.
    "login_streaks": """
        WITH days AS (
            SELECT DISTINCT user_id, login_date AS day FROM Login WHERE login_date IS NOT NULL
        ),
        starts AS (
            SELECT a.user_id, a.day FROM days AS a
            WHERE NOT EXISTS (SELECT 1 FROM days AS b
                              WHERE b.user_id = a.user_id AND b.day = date(a.day, '-1 day'))
        ),
        ends AS (
            SELECT a.user_id, a.day FROM days AS a
            WHERE NOT EXISTS (SELECT 1 FROM days AS b
                              WHERE b.user_id = a.user_id AND b.day = date(a.day, '+1 day'))
        ),
        streaks AS (
            SELECT s.user_id, s.day AS streak_start,
                   (SELECT MIN(e.day) FROM ends AS e WHERE e.user_id = s.user_id AND e.day >= s.day) AS streak_end
            FROM starts AS s
        )
        SELECT user_id, streak_start, streak_end,
               CAST(julianday(streak_end) - julianday(streak_start) + 1 AS INTEGER) AS streak_length
        FROM streaks
        ORDER BY user_id, streak_start
    """,
}


def run(query: str, setup: str) -> dict[str, Any]:
    """The result set of QUERY on a fresh in-memory database built by SETUP, as the runner returns it."""
    connection = sqlite3.connect(":memory:")
    try:
        connection.executescript(setup)
        cursor = connection.execute(query)
        return {"columns": [d[0] for d in cursor.description], "rows": [list(row) for row in cursor.fetchall()]}
    finally:
        connection.close()


def setups(name: str) -> Iterator[tuple[str, str]]:
    """(case label, setup script) of the exercise's visible and hidden cases under every seed."""
    cases = load_module(SQL / name / "private" / "cases.py", f"_sql_cases_{name}")
    for seed in SEEDS:
        for generator in (cases.visible, cases.hidden):
            for case in generator(np.random.default_rng(seed)):
                yield f"seed {seed}, {case.name}", case.kwargs["setup"]


def spec(name: str) -> dict[str, Any]:
    return tomllib.loads((SQL / name / "exercise.toml").read_text())


def ordered(name: str) -> bool:
    return bool(spec(name)["outputs"][0]["compare"] == "rows_ordered")


def mismatch(name: str, expected: dict[str, Any], actual: dict[str, Any]) -> str | None:
    found = compare_rows(expected, actual, ordered=ordered(name), tolerance=ROW_TOLERANCE)
    return None if found is None else found.reason


@pytest.mark.parametrize("name", sorted(ALTERNATIVES))
def test_reference_matches_second_formulation(name: str) -> None:
    reference = (SQL / name / "private" / "reference.sql").read_text()
    checked = 0
    for label, setup in setups(name):
        assert mismatch(name, run(ALTERNATIVES[name], setup), run(reference, setup)) is None, label
        checked += 1
    assert checked >= 30


@pytest.mark.parametrize("name", sorted(ALTERNATIVES))
def test_second_formulation_tells_every_wrong_variant_apart(name: str) -> None:
    """The agreement above means something: on the same setups each wrong variant differs somewhere."""
    for wrong in spec(name)["wrong"]:
        query = (SQL / name / "private" / "wrong" / wrong["file"]).read_text()
        assert any(mismatch(name, run(ALTERNATIVES[name], setup), run(query, setup)) for _, setup in setups(name)), \
            wrong["file"]
