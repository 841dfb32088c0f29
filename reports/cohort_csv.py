"""The cohort as CSV, for spreadsheets and gradebooks: one row per candidate (ranked as in the cohort report),
one column per exercise holding that exercise's score (0–1; empty when the candidate has no result for it).

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
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow([*COLUMNS, *map(_cell, exercise_ids)])
    for row in ranked(documents, names):
        seconds = "" if row["seconds"] is None else f"{row['seconds']:.0f}"
        scores = [f"{row['cells'][eid]['score']:.4g}" if eid in row["cells"] else "" for eid in exercise_ids]
        writer.writerow([row["rank"], _cell(row["name"]), row["exercises_passed"], row["exercises"],
                         f"{row['score']:.4g}", seconds, _cell(row["verdict_summary"]), *scores])
    return buffer.getvalue()


def _cell(text: str) -> str:
    return "'" + text if text.startswith(FORMULA_START) else text
