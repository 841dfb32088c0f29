"""list, show, hint, reset, progress and history through the real CLI (no grading: no Docker needed)."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from support import EXERCISES
from workflow_helpers import EXERCISE_ID, REFERENCE, SOFTMAX, STUB, assert_clean, grade, grade_json

from grader.spec import load_spec

HINTS = load_spec(SOFTMAX).hints


def test_list_shows_status_and_best_score_columns(root: Path) -> None:
    completed = grade("list", root)
    assert completed.returncode == 0, completed.stderr
    assert "status" in completed.stdout and "best" in completed.stdout and "not tried" in completed.stdout
    (row,) = grade_json("list", root)
    assert row["id"] == EXERCISE_ID and row["status"] == "not tried" and row["best_score"] is None


def test_show_renders_the_statement_and_its_json_has_the_raw_text(root: Path) -> None:
    completed = grade("show", EXERCISE_ID, "--root", root)
    assert completed.returncode == 0, completed.stderr
    assert "Numerically stable softmax" in completed.stdout and "Edge rules" in completed.stdout
    assert "##" not in completed.stdout  # rendered Markdown, not the source
    shown = grade_json("show", EXERCISE_ID, "--root", root)
    assert shown["statement"] == (SOFTMAX / "README.md").read_text(encoding="utf-8")
    assert (shown["id"], shown["family"], shown["difficulty"], shown["hints"]) == (EXERCISE_ID, "ml_basics", "easy", 3)
    assert shown["status"] == "not tried"
    by_path = grade_json("show", root / "ml_basics" / "softmax")  # a folder works as well as an id
    assert by_path["id"] == EXERCISE_ID


def test_hint_reveals_hints_in_order_one_at_a_time_then_says_there_are_no_more(root: Path) -> None:
    assert len(HINTS) == 3
    for number, hint in enumerate(HINTS, 1):
        revealed = grade_json("hint", EXERCISE_ID, "--root", root)
        assert (revealed["number"], revealed["hint"], revealed["seen"], revealed["total"]) == (number, hint, number, 3)
    completed = grade("hint", EXERCISE_ID, "--root", root)
    assert completed.returncode == 0 and "no more hints" in completed.stdout
    again = grade_json("hint", EXERCISE_ID, "--root", root)
    assert again["hint"] is None and again["seen"] == 3 and again["remaining"] == 0
    assert again["seen_hints"] == list(HINTS)


def test_first_hint_text_output(root: Path) -> None:
    completed = grade("hint", EXERCISE_ID, "--root", root)
    assert completed.returncode == 0 and "hint 1/3" in completed.stdout and "2 more hints" in completed.stdout


def test_reset_from_a_stub_copy_keeps_a_timestamped_backup(root: Path) -> None:
    exercise = root / "ml_basics" / "softmax"
    (exercise / "solution.py.stub").write_text(STUB, encoding="utf-8")
    (exercise / "solution.py").write_text(REFERENCE, encoding="utf-8")
    outcome = grade_json("reset", EXERCISE_ID, "--root", root)
    assert outcome["changed"] and outcome["stub"].endswith("solution.py.stub")
    assert (exercise / "solution.py").read_text(encoding="utf-8") == STUB
    backup = Path(outcome["backup"])
    assert backup.parent == exercise / ".backups" and backup.read_text(encoding="utf-8") == REFERENCE
    again = grade("reset", EXERCISE_ID, "--root", root)
    assert again.returncode == 0 and "already the stub" in again.stdout
    assert list((exercise / ".backups").iterdir()) == [backup]


def test_reset_without_git_or_stub_copy_refuses_and_changes_nothing(root: Path) -> None:
    solution = root / "ml_basics" / "softmax" / "solution.py"
    solution.write_text(REFERENCE, encoding="utf-8")
    completed = grade("reset", EXERCISE_ID, "--root", root)
    assert completed.returncode == 2 and "not in a git checkout" in completed.stderr
    assert "solution.py.stub" in completed.stderr
    assert solution.read_text(encoding="utf-8") == REFERENCE
    assert_clean(completed)


def git(folder: Path, *args: str) -> None:
    """git in a throwaway repository of this test (isolated from any user or system configuration)."""
    env = {**os.environ, "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1", "GIT_AUTHOR_NAME": "t",
           "GIT_AUTHOR_EMAIL": "t@example.com", "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.com"}
    subprocess.run(["git", "-C", str(folder), *args], check=True, capture_output=True, env=env)


def test_reset_in_a_git_checkout_restores_the_committed_stub(root: Path) -> None:
    git(root, "init", "-q")
    git(root, "add", ".")
    git(root, "commit", "-q", "-m", "bank")
    solution = root / "ml_basics" / "softmax" / "solution.py"
    solution.write_text(REFERENCE, encoding="utf-8")
    outcome = grade_json("reset", EXERCISE_ID, "--root", root)
    assert outcome["stub"] == "git HEAD:solution.py" and solution.read_text(encoding="utf-8") == STUB
    assert Path(outcome["backup"]).read_text(encoding="utf-8") == REFERENCE
    bad = grade("reset", EXERCISE_ID, "--root", root, "--rev", "no-such-rev")
    assert bad.returncode == 2 and "no-such-rev" in bad.stderr
    assert_clean(bad)


def test_progress_counts_per_family(root: Path) -> None:
    progress = grade_json("progress", root)
    assert progress == {"families": [{"family": "ml_basics", "passed": 0, "failing": 0, "not_tried": 1, "total": 1}],
                        "passed": 0, "total": 1}
    completed = grade("progress", "exercises")
    assert completed.returncode == 0 and "ml_basics" in completed.stdout and "0/10" in completed.stdout


def test_history_of_an_exercise_never_tried(root: Path) -> None:
    completed = grade("history", EXERCISE_ID, "--root", root)
    assert completed.returncode == 0 and "no attempts" in completed.stdout
    assert grade_json("history", EXERCISE_ID, "--root", root)["attempts"] == []


def test_an_unknown_exercise_is_a_usage_error_with_suggestions(root: Path) -> None:
    for command in ("show", "history", "watch"):
        completed = grade(command, "ml_basics/softmx", "--root", root)
        assert completed.returncode == 2, command
        assert "did you mean ml_basics/softmax" in completed.stderr, command
        assert_clean(completed)
    completed = grade("ml_basics/softmx", "--root", root)
    assert completed.returncode == 2 and "did you mean" in completed.stderr
    family = grade("show", "attention")  # a folder of several exercises is not one exercise
    count = len(list((EXERCISES / "attention").glob("*/exercise.toml")))
    assert family.returncode == 2 and f"holds {count} exercises" in family.stderr
