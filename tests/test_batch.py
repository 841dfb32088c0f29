"""`grade batch` through the real CLI and the real Docker sandbox: which entries are candidates (folders,
.py/.sql/.ipynb files; notebooks assembled), resume by the digest of the graded files, the ranked table,
progress lines without a terminal, the CSV and HTML outputs, and usage errors (exit 2, nothing graded)
for an empty submissions folder or an output path that cannot be written."""

from __future__ import annotations

import csv
import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from support import EXERCISES, ROOT, run_grade, run_in_terminal

from grader.notebook import stub_notebook, write_notebook

SOFTMAX = EXERCISES / "ml_basics" / "softmax"
REFERENCE = SOFTMAX / "private" / "reference.py"
WRONG = SOFTMAX / "private" / "wrong" / "no_max_shift.py"


def attempts(gradebook: Path) -> int:
    if not gradebook.exists():
        return 0
    with sqlite3.connect(gradebook) as connection:
        return int(connection.execute("SELECT count(*) FROM attempts").fetchone()[0])


def mixed_submissions(folder: Path) -> Path:
    """alice/ (a folder laid out like the exercise), bob.py (wrong), carol.ipynb (the reference in a notebook),
    dave/ (a folder without the file), and entries that are not submissions: README.txt, grades.xlsx, .DS_Store."""
    folder.mkdir()
    (folder / "alice").mkdir()
    (folder / "alice" / "solution.py").write_text(REFERENCE.read_text())
    (folder / "bob.py").write_text(WRONG.read_text())
    write_notebook(stub_notebook("Softmax", "# Softmax", REFERENCE.read_text(), "grade …"), folder / "carol.ipynb")
    (folder / "dave").mkdir()
    (folder / "README.txt").write_text("Submissions of the March cohort.\n")
    (folder / "grades.xlsx").write_bytes(b"PK\x03\x04")
    (folder / ".DS_Store").write_bytes(b"\0")
    return folder


def table_rows(stdout: str) -> list[list[str]]:
    """The ranked table's body rows (rich box drawing), cell texts stripped."""
    return [[cell.strip() for cell in line.strip("│").split("│")] for line in stdout.splitlines()
            if line.startswith("│")]


@pytest.mark.docker
def test_mixed_batch_ranks_candidates_skips_strays_and_resumes_by_digest(sandbox_image: str, tmp_path: Path) -> None:
    submissions, out, gradebook = mixed_submissions(tmp_path / "submissions"), tmp_path / "out", tmp_path / "gb.sqlite3"
    html, table = tmp_path / "html", tmp_path / "cohort.csv"
    env = {"MLGRADE_GRADEBOOK": str(gradebook)}
    first = run_grade("batch", submissions, "--exercise", SOFTMAX, "--out", out, "--html", html, "--csv", table,
                      "-j", "2", env=env)
    assert first.returncode == 1, first.stderr  # bob and dave did not pass
    assert "skipped README.txt: not a submission" in first.stderr
    assert "skipped grades.xlsx: not a submission" in first.stderr and "DS_Store" not in first.stderr
    # without a terminal: plain progress lines, the first one as soon as a candidate is graded
    assert "graded 1/4 candidates" in first.stderr and "graded 4/4 candidates" in first.stderr
    rows = table_rows(first.stdout)
    assert [row[1] for row in rows] == ["alice", "carol", "bob", "dave"]
    assert [row[0] for row in rows] == ["1", "1", "3", "4"]  # alice and carol tie
    assert rows[1][2:4] == ["1/1", "100%"] and rows[1][5] == "1 passed"  # the notebook was assembled, not read as Python
    assert rows[2][2] == "0/1" and rows[2][5] == "1 wrong answer"
    assert rows[3][2:4] == ["0/1", "0%"] and rows[3][5] == "1 not implemented"
    assert all(row[4].endswith("s") for row in rows)  # time per candidate
    assert "4 graded, 0 already recorded, 0 not graded" in first.stdout
    assert sorted(p.name for p in out.iterdir()) == ["alice.json", "bob.json", "carol.json", "dave.json"]
    assert attempts(gradebook) == 4
    with table.open(newline="") as handle:
        exported = list(csv.DictReader(handle))
    assert [(r["rank"], r["candidate"], r["exercises_passed"], r["ml_basics/softmax"]) for r in exported] == [
        ("1", "alice", "1", "1"), ("1", "carol", "1", "1"), ("3", "bob", "0", exported[2]["ml_basics/softmax"]),
        ("4", "dave", "0", "0")]
    assert 0 < float(exported[2]["ml_basics/softmax"]) < 1
    assert sorted(p.name for p in html.iterdir()) == ["candidates", "cohort.html"]
    assert sorted(p.name for p in (html / "candidates").iterdir()) == ["alice.html", "bob.html", "carol.html", "dave.html"]
    cohort = (html / "cohort.html").read_text()
    assert all(f'href="candidates/{name}.html"' in cohort and f'href="candidates/{name}.html#exercise-1"' in cohort
               for name in ("alice", "bob", "carol", "dave"))
    assert "mlgrade feedback report: <span id=\"candidate\">carol</span>" in (html / "candidates" / "carol.html").read_text()

    again = run_grade("batch", submissions, "--exercise", SOFTMAX, "--out", out, env=env)
    assert again.returncode == 1, again.stderr
    assert "0 graded, 4 already recorded" in again.stdout
    assert [row[1] for row in table_rows(again.stdout)] == ["alice", "carol", "bob", "dave"]  # from the documents
    assert attempts(gradebook) == 4

    (submissions / "bob.py").write_text(REFERENCE.read_text() + "\n# fixed\n")  # bob fixes his answer
    (submissions / "carol.ipynb").touch()  # a newer time, the same files: not graded again
    fixed = run_grade("batch", submissions, "--exercise", SOFTMAX, "--out", out, env=env)
    assert "1 graded, 3 already recorded" in fixed.stdout, fixed.stdout + fixed.stderr
    assert [row[1] for row in table_rows(fixed.stdout)][:3] == ["alice", "bob", "carol"]
    assert json.loads((out / "bob.json").read_text())["exit_status"] == 0
    assert attempts(gradebook) == 5

    forced = run_grade("batch", submissions, "--exercise", SOFTMAX, "--out", out, "--force", env=env)
    assert "4 graded, 0 already recorded" in forced.stdout, forced.stdout + forced.stderr
    assert attempts(gradebook) == 9


@pytest.mark.docker
def test_a_notebook_for_several_exercises_is_not_graded_and_the_batch_goes_on(sandbox_image: str,
                                                                             tmp_path: Path) -> None:
    exercises = tmp_path / "exercises"
    for name in ("softmax", "log_softmax"):
        (exercises / name).mkdir(parents=True)
        for item in ("exercise.toml", "README.md", "solution.py"):
            (exercises / name / item).write_bytes((EXERCISES / "ml_basics" / name / item).read_bytes())
        (exercises / name / "private").symlink_to(EXERCISES / "ml_basics" / name / "private")
    submissions = tmp_path / "submissions"
    (submissions / "alice" / "softmax").mkdir(parents=True)
    (submissions / "alice" / "softmax" / "solution.py").write_text(REFERENCE.read_text())
    write_notebook(stub_notebook("Softmax", "# Softmax", REFERENCE.read_text(), "grade …"), submissions / "bob.ipynb")
    done = run_grade("batch", submissions, "--exercise", exercises, "--out", tmp_path / "out",
                     env={"MLGRADE_GRADEBOOK": str(tmp_path / "gb.sqlite3")})
    assert done.returncode == 2, done.stderr  # a candidate could not be graded
    assert "bob: not graded" in done.stderr and "a notebook submission is one exercise's solution" in done.stderr
    assert [row[1:3] for row in table_rows(done.stdout)] == [["alice", "1/2"]]
    assert "not graded: bob" in done.stdout
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["alice.json"]


@pytest.mark.parametrize("content", [[], ["README.txt", "notes.pdf"]], ids=["empty", "only-strays"])
def test_a_submissions_folder_without_candidates_is_a_usage_error(tmp_path: Path, content: list[str]) -> None:
    submissions = tmp_path / "submissions"
    submissions.mkdir()
    for name in content:
        (submissions / name).write_text("not a solution")
    done = run_grade("batch", submissions, "--exercise", SOFTMAX, "--out", tmp_path / "out")
    assert done.returncode == 2
    assert "no submissions in" in done.stderr and "Traceback" not in done.stderr
    if content:
        assert "it holds only README.txt, notes.pdf" in done.stderr
    assert not (tmp_path / "out").exists()


def bad_paths(tmp_path: Path) -> dict[str, Path]:
    (tmp_path / "a-folder").mkdir()
    (tmp_path / "a-file").write_text("")
    return {"missing folder": tmp_path / "missing" / "x", "a folder": tmp_path / "a-folder",
            "a file": tmp_path / "a-file"}


@pytest.mark.parametrize("option", ["--json", "--html", "--junit", "--markdown"])
def test_grade_path_checks_every_output_file_before_grading(tmp_path: Path, option: str) -> None:
    for problem, path in bad_paths(tmp_path).items():
        if problem == "a file":
            continue  # an existing file is overwritten
        done = run_grade(SOFTMAX, "--submission", REFERENCE, option, path,
                         env={"MLGRADE_GRADEBOOK": str(tmp_path / "gb.sqlite3")})
        assert done.returncode == 2, (problem, done.stdout, done.stderr)
        assert option in done.stderr and "Traceback" not in done.stderr, done.stderr
        assert "passed" not in done.stdout  # nothing was graded
        assert attempts(tmp_path / "gb.sqlite3") == 0


def test_grade_batch_checks_out_html_and_csv_before_grading(tmp_path: Path) -> None:
    submissions = mixed_submissions(tmp_path / "submissions")
    paths = bad_paths(tmp_path)
    for option, problem in (("--out", "a file"), ("--out", "missing folder"), ("--html", "a file"),
                            ("--csv", "a folder"), ("--csv", "missing folder")):
        done = run_grade("batch", submissions, "--exercise", SOFTMAX, option, paths[problem],
                         env={"MLGRADE_GRADEBOOK": str(tmp_path / "gb.sqlite3")})
        assert done.returncode == 2, (option, problem, done.stderr)
        assert option in done.stderr and "Traceback" not in done.stderr, done.stderr
        assert attempts(tmp_path / "gb.sqlite3") == 0
    assert not (tmp_path / "results").exists() and not (ROOT / "results" / "alice.json").exists()


def test_missing_submission_is_a_usage_error(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere.py"
    for command in ([SOFTMAX, "--submission", missing], ["watch", SOFTMAX, "--submission", missing],
                    [SOFTMAX, "--submission", tmp_path / "no-folder"]):
        done = run_grade(*command, timeout=60)
        assert done.returncode == 2, (command, done.stdout, done.stderr)
        assert "does not exist" in done.stderr


@pytest.mark.docker
@pytest.mark.parametrize("command", ["grade", "batch"])
def test_a_closed_stdout_neither_stops_recording_nor_changes_the_exit_status(sandbox_image: str, tmp_path: Path,
                                                                           command: str) -> None:
    gradebook, document = tmp_path / "gb.sqlite3", tmp_path / "results.json"
    if command == "grade":
        args = [str(SOFTMAX), "--submission", str(REFERENCE), "--json", str(document)]
    else:
        submissions = tmp_path / "submissions"
        submissions.mkdir()
        (submissions / "alice.py").write_text(REFERENCE.read_text())
        args = ["batch", str(submissions), "--exercise", str(SOFTMAX), "--out", str(tmp_path / "out")]
        document = tmp_path / "out" / "alice.json"
    # like `grade … | head -0`: the reader is gone before anything is printed
    process = subprocess.Popen([sys.executable, "-m", "grader", *args], cwd=ROOT, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True,
                               env={**__import__("os").environ, "MLGRADE_GRADEBOOK": str(gradebook)})
    assert process.stdout is not None
    process.stdout.close()
    _, stderr = process.communicate(timeout=300)
    assert process.returncode == 0, stderr
    assert "Traceback" not in stderr and "BrokenPipe" not in stderr
    assert json.loads(document.read_text())["exit_status"] == 0
    assert attempts(gradebook) == 1


@pytest.mark.docker
def test_without_a_terminal_progress_lines_come_while_grading(sandbox_image: str, tmp_path: Path,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    from support import run_cli

    from grader.cli import cohort

    monkeypatch.setattr(cohort, "PROGRESS_SECONDS", 0.3)
    submissions = tmp_path / "submissions"
    submissions.mkdir()
    (submissions / "alice.py").write_text(REFERENCE.read_text())
    done = run_cli("batch", submissions, "--exercise", SOFTMAX, "--out", tmp_path / "out", "--gradebook",
                   tmp_path / "gb.sqlite3")
    assert done.exit_code == 0, done.output
    lines = done.output.splitlines()
    heartbeats = [i for i, line in enumerate(lines) if line.startswith("graded 0/1 candidates")]
    assert heartbeats, done.output  # before the candidate was graded: the batch is alive
    final = lines.index(next(line for line in lines if line.startswith("graded 1/1 candidates")))
    assert max(heartbeats) < final < lines.index(next(line for line in lines if line.startswith("Candidates, ranked")))


@pytest.mark.docker
def test_the_ranked_table_fits_an_80_column_terminal(sandbox_image: str, tmp_path: Path) -> None:
    submissions = tmp_path / "submissions"
    submissions.mkdir()
    (submissions / "alexandra-konstantinopoulou.py").write_text(REFERENCE.read_text())
    (submissions / "bo.py").write_text(WRONG.read_text())
    (submissions / "notes.txt").write_text("")
    shown = run_in_terminal("batch", submissions, "--exercise", SOFTMAX, "--out", tmp_path / "out",
                            env={"MLGRADE_GRADEBOOK": str(tmp_path / "gb.sqlite3")}).output
    assert "grading" in shown and "2/2" in shown  # the live progress bar, on a terminal
    assert "graded 1/2 candidates" not in shown  # plain progress lines are for logs
    table = [line for line in shown.splitlines() if line.startswith(("┏", "┃", "┡", "│", "└"))]
    assert table and all(len(line) <= 80 for line in table), "\n".join(table)
    rows = [[cell.strip() for cell in line.strip("│").split("│")] for line in table if line.startswith("│")]
    assert rows[0][:4] == ["1", "alexandra-konstantinopoulou", "1/1", "100%"]
    assert rows[1][:3] == ["2", "bo", "0/1"] and rows[1][5] == "1 wrong answer"
    assert "skipped notes.txt" in shown


@pytest.mark.docker
def test_a_notebook_candidates_errors_say_cell_and_line(sandbox_image: str, tmp_path: Path) -> None:
    submissions = tmp_path / "submissions"
    submissions.mkdir()
    raising = "def softmax(x, axis=-1):\n    shifted = x - x.max(axis=axis, keepdims=True)\n    raise ValueError('boom')\n"
    write_notebook(stub_notebook("Softmax", "# Softmax", raising, "grade …"), submissions / "erin.ipynb")
    done = run_grade("batch", submissions, "--exercise", SOFTMAX, "--out", tmp_path / "out",
                     env={"MLGRADE_GRADEBOOK": str(tmp_path / "gb.sqlite3")})
    assert done.returncode == 1, done.stderr
    case = json.loads((tmp_path / "out" / "erin.json").read_text())["exercises"][0]["cases"][0]
    assert case["error"]["file"].startswith("cell ") and case["error"]["line"] == 3, case["error"]
    assert "(cell " in case["reason"] and ", line 3)" in case["reason"], case["reason"]
