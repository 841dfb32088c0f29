"""A new user goes from `grade list` to a passed exercise with the workflow commands only, through the
real CLI and the real Docker sandbox, and the gradebook shows every attempt."""

from __future__ import annotations

from pathlib import Path

import pytest
from support import leftover_containers
from workflow_helpers import EXERCISE_ID, REFERENCE, WRONG, WRONG_MISCONCEPTION, grade, grade_json

pytestmark = pytest.mark.docker


def test_from_list_to_a_passed_exercise(sandbox_image: str, root: Path, gradebook: Path) -> None:
    assert not gradebook.exists()
    (listed,) = grade_json("list", root)
    assert listed["status"] == "not tried"

    shown = grade("show", EXERCISE_ID, "--root", root)
    assert shown.returncode == 0 and "Edge rules" in shown.stdout
    solution = Path(grade_json("show", EXERCISE_ID, "--root", root)["file"])

    first = grade(EXERCISE_ID, "--root", root)  # the untouched stub
    assert first.returncode == 1 and "not implemented" in first.stdout

    hint = grade("hint", EXERCISE_ID, "--root", root)
    assert hint.returncode == 0 and "hint 1/3" in hint.stdout

    solution.write_text(WRONG, encoding="utf-8")
    second = grade(EXERCISE_ID, "--root", root)
    assert second.returncode == 1 and WRONG_MISCONCEPTION in second.stdout
    (listed,) = grade_json("list", root)
    assert listed["status"] == "failing" and 0 < listed["best_score"] < 1

    solution.write_text(REFERENCE, encoding="utf-8")
    third = grade(EXERCISE_ID, "--root", root)
    assert third.returncode == 0 and "1/1 exercises passed" in third.stdout

    (listed,) = grade_json("list", root)
    assert (listed["status"], listed["best_score"], listed["attempts"]) == ("passed", 1.0, 3)
    assert "passed" in grade("list", root).stdout
    progress = grade_json("progress", root)
    assert (progress["passed"], progress["total"]) == (1, 1)
    history = grade_json("history", EXERCISE_ID, "--root", root)
    assert [(a["verdict"], a["score"] == 1.0) for a in history["attempts"]] == [
        ("passed", True), ("wrong answer", False), ("not implemented", False)]
    assert history["attempts"][1]["misconceptions"] == [WRONG_MISCONCEPTION]
    assert len({a["files_sha256"] for a in history["attempts"]}) == 3
    text = grade("history", EXERCISE_ID, "--root", root)
    assert text.returncode == 0 and "3 attempt(s)" in text.stdout and WRONG_MISCONCEPTION in text.stdout
    assert grade_json("hint", EXERCISE_ID, "--root", root)["number"] == 2  # the hint count was kept
    assert leftover_containers() == []
