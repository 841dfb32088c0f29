"""Helpers of the workflow tests: the exercise they use, its files, and reading the gradebook directly."""

from __future__ import annotations

import json
import sqlite3
import subprocess
from pathlib import Path
from typing import Any

from support import EXERCISES, run_grade

SOFTMAX = EXERCISES / "ml_basics" / "softmax"
EXERCISE_ID = "ml_basics/softmax"
REFERENCE = (SOFTMAX / "private" / "reference.py").read_text(encoding="utf-8")
STUB = (SOFTMAX / "solution.py").read_text(encoding="utf-8")
WRONG = (SOFTMAX / "private" / "wrong" / "global_max_shift.py").read_text(encoding="utf-8")
WRONG_MISCONCEPTION = "one global max shift for every slice"


def grade(*args: str | Path, timeout: float = 180) -> subprocess.CompletedProcess[str]:
    """The real `grade` CLI (MLGRADE_GRADEBOOK is the test's own, from the autouse fixture)."""
    return run_grade(*args, timeout=timeout)


def grade_json(*args: str | Path) -> Any:
    completed = grade(*args, "--json")
    assert completed.returncode == 0, completed.stdout + completed.stderr
    return json.loads(completed.stdout)


def rows(book: Path, query: str, parameters: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    with sqlite3.connect(book) as connection:
        return connection.execute(query, parameters).fetchall()


def assert_clean(completed: subprocess.CompletedProcess[str]) -> None:
    """No traceback and no SQLite lock error reached the user."""
    output = completed.stdout + completed.stderr
    assert "Traceback" not in output and "database is locked" not in output, output
