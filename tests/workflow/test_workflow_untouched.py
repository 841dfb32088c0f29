"""An untouched stub is "not tried" in `grade progress` and `grade show` until its file differs from the stub,
however often it was graded (real CLI, real Docker sandbox, the exercise in a git checkout as `grade init`
makes it)."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from workflow_helpers import EXERCISE_ID, WRONG, grade, grade_json

pytestmark = pytest.mark.docker


def _commit(root: Path) -> None:
    for command in (["init", "--quiet"], ["add", "."],
                    ["-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "--quiet", "-m", "bank"]):
        subprocess.run(["git", "-C", str(root), *command], check=True, capture_output=True)


def _progress(root: Path) -> tuple[int, int, int]:
    family = grade_json("progress", root)["families"][0]
    return family["passed"], family["failing"], family["not_tried"]


def test_grading_the_untouched_stub_leaves_it_not_tried(sandbox_image: str, root: Path) -> None:
    _commit(root)
    stub = grade(EXERCISE_ID, "--root", root)
    assert stub.returncode == 1 and "not implemented" in stub.stdout, stub.stdout + stub.stderr
    assert _progress(root) == (0, 0, 1)
    assert grade_json("show", EXERCISE_ID, "--root", root)["status"] == "not tried"
    (root / "ml_basics" / "softmax" / "solution.py").write_text(WRONG, encoding="utf-8")  # now it differs
    wrong = grade(EXERCISE_ID, "--root", root)
    assert wrong.returncode == 1 and "wrong answer" in wrong.stdout, wrong.stdout + wrong.stderr
    assert _progress(root) == (0, 1, 0)
    assert grade_json("show", EXERCISE_ID, "--root", root)["status"] == "failing"
