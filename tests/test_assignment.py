"""Assignments (docs/assignment.md): `--assignment FILE` grades a take-home's exercises and scores the run as
Σ points × exercise score / Σ points; a broken assignment file is a usage error naming the file and the field."""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import jsonschema
import pytest
from support import EXERCISES, ROOT, SDPA, docker_problem, run_cli

from grader.assignment import load_assignment
from grader.errors import UsageError
from reports import render_cohort_csv

SCHEMA = json.loads((ROOT / "docs" / "results-schema.json").read_text(encoding="utf-8"))
MULTI_HEAD = EXERCISES / "attention" / "multi_head"
NEEDS_DOCKER = pytest.mark.skipif(docker_problem() is not None, reason=docker_problem() or "")

TAKE_HOME = """title = "Attention take-home"

[[exercises]]
id = "attention/scaled_dot_product"
points = 30

[[exercises]]
path = "bank/multi_head"
points = 10
"""


@pytest.fixture
def bank(tmp_path: Path) -> Path:
    """Three exercises; the assignment lists two of them (the third must not be graded)."""
    folder = tmp_path / "bank"
    for source in (SDPA, MULTI_HEAD, EXERCISES / "attention" / "online_softmax"):
        shutil.copytree(source, folder / source.name)
    (tmp_path / "take-home.toml").write_text(TAKE_HOME, encoding="utf-8")
    return folder


def test_an_assignment_lists_exercises_by_id_or_path(bank: Path) -> None:
    assignment = load_assignment(bank.parent / "take-home.toml")
    assert assignment.title == "Attention take-home" and assignment.max_points == 40
    assert [(item.id, item.points) for item in assignment.items] == [("attention/scaled_dot_product", 30),
                                                                      ("attention/multi_head", 10)]


@pytest.mark.parametrize(("text", "field", "expected"), [
    ("title = 'T'\n[[exercises]\n", "<file>", "valid TOML"),
    ("[[exercises]]\nid = 'a/b'\npoints = 1\n", "title", "the field is missing"),
    ("title = 'T'\n", "exercises", "at least one [[exercises]] entry"),
    ("title = 'T'\n[[exercises]]\nid = 'a/b'\npoints = 0\n", "exercises[0].points", "a number > 0"),
    ("title = 'T'\n[[exercises]]\nid = 'a/b'\npoints = -2\n", "exercises[0].points", "a number > 0"),
    ("title = 'T'\n[[exercises]]\nid = 'a/b'\npoints = 'ten'\n", "exercises[0].points", "a number > 0"),
    ("title = 'T'\n[[exercises]]\nid = 'a/b'\n", "exercises[0].points", "the field is missing"),
    ("title = 'T'\n[[exercises]]\nid = 'a/b'\npoints = 1\nweight = 2\n", "exercises[0].weight", "a known field"),
    ("title = 'T'\n[[exercises]]\nid = 'a/b'\npath = 'x'\npoints = 1\n", "exercises[0].id", "not both"),
    ("title = 'T'\n[[exercises]]\npath = 'nowhere'\npoints = 1\n", "exercises[0].path", "an exercise folder"),
    ("title = 'T'\n[[exercises]]\nid = 'a/b'\npoints = 1\n[[exercises]]\nid = 'a/b'\npoints = 2\n",
     "exercises[1].id", "each exercise listed once"),
])
def test_a_broken_assignment_names_the_file_and_the_field(tmp_path: Path, text: str, field: str,
                                                          expected: str) -> None:
    path = tmp_path / "take-home.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(UsageError) as error:
        load_assignment(path)
    assert f"--assignment {path}: field `{field}`" in str(error.value) and expected in str(error.value)


@pytest.mark.parametrize("points", ["0", "-1", "'x'"])
def test_the_cli_refuses_a_broken_assignment_before_grading_with_exit_2(bank: Path, points: str) -> None:
    assignment = bank.parent / "take-home.toml"
    assignment.write_text(TAKE_HOME.replace("points = 10", f"points = {points}"), encoding="utf-8")
    for command in (["run", bank], ["batch", bank.parent, "--exercise", bank, "--out", bank.parent / "out"]):
        done = run_cli(*command, "--assignment", assignment, "--sandbox", "local")
        assert done.exit_code == 2, done.output
        assert f"--assignment {assignment}: field `exercises[1].points`: expected a number > 0" in done.output
        assert "Traceback" not in done.output
    assert not (bank.parent / "out").exists()  # refused before anything was graded or written


def test_an_exercise_the_path_does_not_hold_is_a_usage_error(bank: Path) -> None:
    assignment = bank.parent / "take-home.toml"
    assignment.write_text(TAKE_HOME.replace('id = "attention/scaled_dot_product"', 'id = "attention/sdpa"'))
    done = run_cli("run", bank, "--assignment", assignment, "--sandbox", "local")
    assert done.exit_code == 2
    assert f"field `exercises[0].id`: expected an exercise at or under {bank}, got 'attention/sdpa'" in done.output


@NEEDS_DOCKER
def test_a_real_run_scores_the_assignments_points_in_every_report(bank: Path, tmp_path: Path) -> None:
    shutil.copyfile(SDPA / "private" / "reference.py", bank / "scaled_dot_product" / "solution.py")  # right: 30/30
    out = {kind: tmp_path / f"report.{kind}" for kind in ("json", "html", "md", "xml")}  # multi_head: a stub, 0/10
    done = run_cli("run", bank, "--assignment", bank.parent / "take-home.toml", "--json", out["json"],
                   "--html", out["html"], "--markdown", out["md"], "--junit", out["xml"])
    assert done.exit_code == 1, done.output
    assert "1/2 exercises passed · 30/40 points" in done.output
    document = json.loads(out["json"].read_text())
    jsonschema.Draft202012Validator(SCHEMA).validate(document)
    assert document["schema_version"] == "1.2" and document["assignment"] == {"title": "Attention take-home"}
    assert [(e["id"], e["points"], e["score"]) for e in document["exercises"]] == [
        ("attention/scaled_dot_product", 30, 1.0), ("attention/multi_head", 10, 0.0)]  # online_softmax: not listed
    summary = document["summary"]
    assert (summary["points"], summary["max_points"], summary["score"]) == (30, 40, 0.75)
    html = out["html"].read_text()
    assert '<div class="big" id="points">30/40</div>' in html and "Attention take-home" in html
    assert html.count('class="exercise-points"') == 2
    assert out["md"].read_text().startswith("## mlgrade: 30/40 points, 75%, 1 of 2 exercises passed")
    assert '<property name="points" value="30" />' in out["xml"].read_text()
    assert '<property name="max_points" value="10" />' in out["xml"].read_text()


@NEEDS_DOCKER
def test_a_batch_ranks_by_points_and_its_csv_is_a_gradebook(bank: Path, tmp_path: Path) -> None:
    submissions = tmp_path / "submissions"
    for name, sdpa, multi_head in (("ada", True, False), ("bob", False, True)):
        folder = submissions / name
        for exercise, solved in ((SDPA, sdpa), (MULTI_HEAD, multi_head)):
            (folder / exercise.name).mkdir(parents=True)
            source = exercise / "private" / "reference.py" if solved else exercise / "solution.py"
            shutil.copyfile(source, folder / exercise.name / "solution.py")
    out, table = tmp_path / "results", tmp_path / "cohort.csv"
    args = ("batch", submissions, "--exercise", bank, "--out", out, "--csv", table, "--gradebook",
            tmp_path / "gradebook.sqlite3", "--assignment", bank.parent / "take-home.toml")
    done = run_cli(*args)
    assert done.exit_code == 1, done.output
    assert "ranked by points, then exercises passed" in done.output
    rows = list(csv.DictReader(io.StringIO(table.read_text())))
    assert [(r["rank"], r["candidate"], r["exercises_passed"], r["points"], r["max_points"]) for r in rows] == [
        ("1", "ada", "1", "30", "40"), ("2", "bob", "1", "10", "40")]  # one exercise each: the points decide
    assert rows[0]["attention/scaled_dot_product (30 points)"] == "30" and rows[1]["attention/multi_head (10 points)"] == "10"
    again = run_cli(*args)
    assert "0 graded, 2 already recorded" in again.output
    (bank.parent / "take-home.toml").write_text(TAKE_HOME.replace("points = 10", "points = 50"))
    regraded = run_cli(*args)  # other points: the recorded documents no longer say what the assignment does
    assert "2 graded, 0 already recorded" in regraded.output
    assert [r["candidate"] for r in csv.DictReader(io.StringIO(table.read_text()))] == ["bob", "ada"]


def test_the_csv_without_points_keeps_its_columns() -> None:
    document = {"summary": {"exercises_passed": 1, "exercises": 1, "score": 1.0, "verdicts": {}},
                "exercises": [{"id": "a/b", "title": "B", "score": 1.0, "passed": True, "verdict": "passed",
                               "cases": []}],
                "started": "2026-01-01T00:00:00+00:00", "finished": "2026-01-01T00:00:01+00:00",
                "sandbox": "docker", "exit_status": 0}
    header = render_cohort_csv([document], ["ada"]).splitlines()[0]
    assert header == "rank,candidate,exercises_passed,exercises,score,seconds,verdicts,a/b"


def _document(passed: int, points: float | None) -> dict:  # type: ignore[type-arg]
    summary = {"exercises_passed": passed, "exercises": 3, "score": 0.5, "verdicts": {}, "cases": 0}
    if points is not None:
        summary.update(points=points, max_points=100, score=points / 100)
    return {"summary": summary, "exercises": [], "started": "2026-01-01T00:00:00+00:00",
            "finished": "2026-01-01T00:00:01+00:00", "sandbox": "docker", "exit_status": 1}


def test_points_rank_a_cohort_before_exercises_passed() -> None:
    from reports import render_cohort
    from reports.cohort import ranked

    assert [row["name"] for row in ranked([_document(2, 20), _document(1, 60)], ["two", "one"])] == ["one", "two"]
    assert [row["name"] for row in ranked([_document(2, None), _document(1, None)], ["two", "one"])] == ["two", "one"]
    html = render_cohort([_document(2, 20), _document(1, 60)], ["two", "one"])
    assert "Ranked by points" in html and '<td class="candidate-points" data-value="60">60/100</td>' in html
