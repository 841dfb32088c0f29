"""The gradebook: rows after real grading runs, concurrent writers, a writer killed mid-transaction,
migrations, and recording failures that never change the grading's exit status."""

from __future__ import annotations

import hashlib
import json
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from support import ROOT, leftover_containers
from workflow_helpers import EXERCISE_ID, REFERENCE, WRONG, WRONG_MISCONCEPTION, assert_clean, grade, grade_json, rows

from grader.gradebook import MIGRATIONS, SCHEMA_VERSION, Gradebook


@pytest.mark.docker
def test_real_runs_are_recorded_with_cases_misconceptions_and_file_hash(sandbox_image: str, root: Path,
                                                                         gradebook: Path, tmp_path: Path) -> None:
    exercise = root / "ml_basics" / "softmax"
    wrong = tmp_path / "wrong.py"
    wrong.write_text(WRONG, encoding="utf-8")
    assert grade(exercise).returncode == 1  # the stub
    assert grade(exercise, "--submission", wrong).returncode == 1
    (exercise / "solution.py").write_text(REFERENCE, encoding="utf-8")
    assert grade(exercise).returncode == 0

    assert rows(gradebook, "PRAGMA user_version") == [(SCHEMA_VERSION,)]
    assert rows(gradebook, "PRAGMA journal_mode") == [("wal",)]
    attempts = rows(gradebook, "SELECT id, exercise, verdict, score, passed, ungradable, files_sha256, sandbox, "
                               "submission, candidate FROM attempts ORDER BY id")
    assert [(a[1], a[2], a[4], a[5], a[7], a[9]) for a in attempts] == [
        (EXERCISE_ID, "not implemented", 0, 0, "docker", None),
        (EXERCISE_ID, "wrong answer", 0, 0, "docker", None),
        (EXERCISE_ID, "passed", 1, 0, "docker", None)]
    assert attempts[1][8] == str(wrong) and attempts[0][8] is None
    assert 0 < attempts[1][3] < 1 and attempts[2][3] == 1.0
    expected = hashlib.sha256(b"solution.py\0" + REFERENCE.encode() + b"\0").hexdigest()
    assert attempts[2][6] == expected
    cases = rows(gradebook, "SELECT attempt, verdict, misconception FROM cases ORDER BY attempt, position")
    assert len(cases) == 3 * 12
    assert {c[1] for c in cases if c[0] == attempts[0][0]} == {"not implemented"}
    assert WRONG_MISCONCEPTION in {c[2] for c in cases if c[0] == attempts[1][0]}

    history = grade_json("history", EXERCISE_ID, "--root", root)
    assert [a["verdict"] for a in history["attempts"]] == ["passed", "wrong answer", "not implemented"]
    assert history["attempts"][1]["misconceptions"] == [WRONG_MISCONCEPTION]
    listed = {row["id"]: row for row in grade_json("list", root)}
    assert listed[EXERCISE_ID]["status"] == "passed" and listed[EXERCISE_ID]["best_score"] == 1.0
    assert listed[EXERCISE_ID]["attempts"] == 3


@pytest.mark.docker
def test_two_grade_processes_at_once_both_record(sandbox_image: str, root: Path, gradebook: Path,
                                                 tmp_path: Path) -> None:
    right, wrong = tmp_path / "right.py", tmp_path / "wrong.py"
    right.write_text(REFERENCE, encoding="utf-8")
    wrong.write_text(WRONG, encoding="utf-8")
    command = [sys.executable, "-m", "grader", str(root / "ml_basics" / "softmax"), "--submission"]
    processes = [subprocess.Popen([*command, str(submission)], cwd=ROOT, stdout=subprocess.PIPE,
                                  stderr=subprocess.PIPE, text=True) for submission in (right, wrong)]
    results = [(p.wait(timeout=180), *p.communicate()) for p in processes]
    assert [r[0] for r in results] == [0, 1], results
    for _, _, stderr in results:
        assert "warning" not in stderr and "locked" not in stderr, stderr
    recorded = rows(gradebook, "SELECT submission, verdict FROM attempts")
    assert sorted(recorded) == sorted([(str(right), "passed"), (str(wrong), "wrong answer")])
    assert leftover_containers() == []


WRITER = textwrap.dedent("""
    import sys
    from pathlib import Path
    from grader.gradebook import Gradebook
    from grader.results import CaseResult, ExerciseResult, Verdict

    cases = [CaseResult(name=f"case {i}", hidden=i % 2 == 0, verdict=Verdict.PASSED if i % 3 else Verdict.WRONG_ANSWER,
                        reason="") for i in range(CASES)]
    result = ExerciseResult(id="EXERCISE", title="t", family="ml_basics", path=".", cases=cases, sandbox="docker",
                            memory_limit_mb=512)
    with Gradebook(Path(sys.argv[1])) as book:
        for n in range(COUNT):
            attempt = book.record(result, candidate=sys.argv[2], files_sha256="0" * 64)
            print(attempt, flush=True)
""")


def writer(book: Path, name: str, count: int, cases: int = 5, exercise: str = "x/y") -> subprocess.Popen[str]:
    script = WRITER.replace("CASES", str(cases)).replace("COUNT", str(count)).replace("EXERCISE", exercise)
    return subprocess.Popen([sys.executable, "-c", script, str(book), name], cwd=ROOT, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)


def test_concurrent_writers_on_a_fresh_gradebook_all_commit(gradebook: Path) -> None:
    processes = [writer(gradebook, name, 150) for name in ("a", "b", "c")]
    for process in processes:
        _, stderr = process.communicate(timeout=120)
        assert process.returncode == 0, stderr
    counts = dict(rows(gradebook, "SELECT candidate, COUNT(*) FROM attempts GROUP BY candidate"))
    assert counts == {"a": 150, "b": 150, "c": 150}
    assert rows(gradebook, "SELECT COUNT(*) FROM cases") == [(450 * 5,)]
    assert rows(gradebook, "PRAGMA user_version") == [(SCHEMA_VERSION,)]


def test_a_writer_killed_mid_write_loses_nothing_it_committed(gradebook: Path) -> None:
    process = writer(gradebook, "killed", 100_000, cases=400)  # big transactions: the kill lands mid-write
    assert process.stdout is not None
    committed = []
    deadline = time.monotonic() + 60
    while len(committed) < 40 and time.monotonic() < deadline:
        committed.append(int(process.stdout.readline()))
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=30)
    assert len(committed) == 40
    with sqlite3.connect(gradebook) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        ids = {row[0] for row in connection.execute("SELECT id FROM attempts")}
        assert set(committed) <= ids
        per_attempt = connection.execute("SELECT attempt, COUNT(*) FROM cases GROUP BY attempt").fetchall()
    assert all(count == 400 for _, count in per_attempt), "a partial attempt was committed"
    assert {attempt for attempt, _ in per_attempt} == ids
    # and the gradebook is still usable by the CLI
    history = grade_json("history", "x/y", "--candidate", "killed")
    assert len(history["attempts"]) == 20  # the default --limit


def test_migrations_apply_in_order_and_keep_old_attempts(gradebook: Path) -> None:
    gradebook.parent.mkdir(parents=True)
    with sqlite3.connect(gradebook) as connection:  # a version-1 gradebook, as an older mlgrade left it
        for statement in MIGRATIONS[0]:
            connection.execute(statement)
        connection.execute("INSERT INTO attempts (exercise, time, score, verdict, passed, ungradable, sandbox) "
                           "VALUES ('ml_basics/softmax', '2025-01-01T00:00:00+00:00', 1.0, 'passed', 1, 0, 'docker')")
        connection.execute("PRAGMA user_version = 1")
    connection.close()
    with Gradebook(gradebook) as book:
        assert book.version() == SCHEMA_VERSION == 2
        (attempt,) = book.attempts("ml_basics/softmax")
    assert attempt.passed and attempt.candidate is None
    listed = {row["id"]: row for row in grade_json("list", "exercises/ml_basics")}
    assert listed[EXERCISE_ID]["status"] == "passed"


def test_a_newer_gradebook_is_refused_clearly(gradebook: Path) -> None:
    gradebook.parent.mkdir(parents=True)
    with sqlite3.connect(gradebook) as connection:
        connection.execute("PRAGMA user_version = 99")
    connection.close()
    completed = grade("history", EXERCISE_ID)
    assert completed.returncode == 2 and "schema version 99" in completed.stderr and "upgrade mlgrade" in completed.stderr
    listed = grade("list", "exercises/ml_basics", "--json")  # listing still works, statuses unknown
    assert listed.returncode == 0 and "warning" in listed.stderr
    assert {row["status"] for row in json.loads(listed.stdout)} == {None}
    assert_clean(completed)


@pytest.mark.docker
def test_an_unwritable_gradebook_warns_and_keeps_the_exit_status(sandbox_image: str, root: Path, tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("MLGRADE_GRADEBOOK", str(blocker / "gradebook.sqlite3"))
    solution = root / "ml_basics" / "softmax" / "solution.py"
    solution.write_text(REFERENCE, encoding="utf-8")
    completed = grade(root / "ml_basics" / "softmax")
    assert completed.returncode == 0, completed.stderr
    assert "warning" in completed.stderr and "not recorded" in completed.stderr
    assert "1/1 exercises passed" in completed.stdout
    assert_clean(completed)


def test_an_unavailable_sandbox_is_recorded_as_ungradable_not_as_a_failure(root: Path, gradebook: Path,
                                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DOCKER_HOST", "unix:///nonexistent/docker.sock")
    completed = grade(EXERCISE_ID, "--root", root)
    assert completed.returncode == 2 and "ungradable" in completed.stderr
    assert rows(gradebook, "SELECT exercise, verdict, ungradable, note FROM attempts") == [
        (EXERCISE_ID, "ungradable", 1, "the sandbox was unavailable")]
    listed = {row["id"]: row for row in grade_json("list", root)}
    assert listed[EXERCISE_ID]["status"] == "not tried"
    assert grade_json("history", EXERCISE_ID, "--root", root)["attempts"][0]["ungradable"] is True


@pytest.mark.docker
def test_batch_records_each_candidate_by_name(sandbox_image: str, root: Path, gradebook: Path,
                                              tmp_path: Path) -> None:
    submissions = tmp_path / "submissions"
    submissions.mkdir()
    (submissions / "alice.py").write_text(REFERENCE, encoding="utf-8")
    (submissions / "bob.py").write_text(WRONG, encoding="utf-8")
    completed = grade("batch", submissions, "--exercise", root / "ml_basics" / "softmax", "--out", tmp_path / "out",
                      "-j", "2")
    assert completed.returncode == 1, completed.stderr
    assert sorted(rows(gradebook, "SELECT candidate, verdict FROM attempts")) == [
        ("alice", "passed"), ("bob", "wrong answer")]
    bob = grade_json("history", EXERCISE_ID, "--root", root, "--candidate", "bob")
    assert bob["attempts"][0]["misconceptions"] == [WRONG_MISCONCEPTION]
    # other candidates' attempts are not the user's own progress
    assert {row["id"]: row for row in grade_json("list", root)}[EXERCISE_ID]["status"] == "not tried"
    assert grade_json("history", EXERCISE_ID, "--root", root)["attempts"] == []
