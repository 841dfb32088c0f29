"""The cohort as CSV, for spreadsheets and gradebooks: one row per candidate (ranked as in the cohort report),
one column per exercise holding that exercise's score (0–1; empty when the candidate has no result for it).
When the documents graded an assignment (docs/assignment.md), `points` and `max_points` columns follow
`score`, and each exercise's column holds the points it earned (points × score), headed "ID (N points)".

Cells that a spreadsheet would read as a formula (starting with = + - @, a tab or a carriage return) are
prefixed with an apostrophe: a candidate's name is never executed.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from typing import Any

from .cohort import exercise_titles, ranked

COLUMNS = ("rank", "candidate", "exercises_passed", "exercises", "score", "seconds", "verdicts")
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def render_cohort_csv(documents: Sequence[dict[str, Any]], names: Sequence[str]) -> str:
    """The CSV text of the cohort of DOCUMENTS, one per candidate named in NAMES."""
    exercise_ids = list(exercise_titles(documents))
    worth = _points(documents)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    columns = [*COLUMNS[:5], "points", "max_points", *COLUMNS[5:]] if worth else list(COLUMNS)
    writer.writerow([*columns, *(_cell(f"{eid} ({worth[eid]:.4g} points)" if eid in worth else eid)
                                 for eid in exercise_ids)])
    for row in ranked(documents, names):
        seconds = "" if row["seconds"] is None else f"{row['seconds']:.0f}"
        cells = [_earned(row["cells"][eid]) if eid in row["cells"] else "" for eid in exercise_ids]
        points = [_number(row["points"]), _number(row["max_points"])] if worth else []
        writer.writerow([row["rank"], _cell(row["name"]), row["exercises_passed"], row["exercises"],
                         f"{row['score']:.4g}", *points, seconds, _cell(row["verdict_summary"]), *cells])
    return buffer.getvalue()


def _points(documents: Sequence[dict[str, Any]]) -> dict[str, float]:
    """Exercise id → its points, for the exercises an assignment gave points (the first document's say)."""
    worth: dict[str, float] = {}
    for document in documents:
        for exercise in document["exercises"]:
            if "points" in exercise:
                worth.setdefault(exercise["id"], exercise["points"])
    return worth


def _earned(exercise: dict[str, Any]) -> str:
    """An exercise's cell: the points it earned, or its score (0–1) when it has no points."""
    return f"{exercise['points'] * exercise['score']:.4g}" if "points" in exercise else f"{exercise['score']:.4g}"


def _number(value: float | None) -> str:
    return "" if value is None else f"{value:.4g}"


def _cell(text: str) -> str:
    return "'" + text if text.startswith(FORMULA_START) else text
