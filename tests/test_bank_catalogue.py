"""The bank's catalogue: every exercise carries tags and a solve time, `grade list` filters by family,
tag, difficulty and status and stays readable at 80 columns, one broken exercise.toml does not hide
the rest, and docs/bank.md is what `grade bank docs` generates."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from support import EXERCISES, ROOT, run_cli, run_in_terminal

from grader.bank import discover
from grader.spec import load_spec

SPECS = [load_spec(directory) for directory in discover(EXERCISES)]
SOFTMAX = EXERCISES / "ml_basics" / "softmax"


@pytest.mark.parametrize("spec", SPECS, ids=[s.id for s in SPECS])
def test_every_bank_exercise_has_tags_and_a_solve_time(spec) -> None:
    assert len(spec.tags) >= 2, f"{spec.id}: give a topic and a skill (or course) tag"
    assert spec.solve_minutes is not None


def test_the_catalogue_page_is_current() -> None:
    done = run_cli("bank", "docs", EXERCISES, "--out", ROOT / "docs" / "bank.md", "--check")
    assert done.exit_code == 0, done.output


def test_a_stale_catalogue_page_fails_the_check_and_is_rewritten(tmp_path: Path) -> None:
    page = tmp_path / "bank.md"
    page.write_text("# an old page\n")
    assert run_cli("bank", "docs", EXERCISES / "sql", "--out", page, "--check").exit_code == 1
    assert page.read_text() == "# an old page\n"
    assert run_cli("bank", "docs", EXERCISES / "sql", "--out", page).exit_code == 0
    text = page.read_text()
    assert run_cli("bank", "docs", EXERCISES / "sql", "--out", page, "--check").exit_code == 0
    running_total = load_spec(EXERCISES / "sql" / "running_total")
    link = text.split(f"[{running_total.title}](")[1].split(")")[0]  # relative to the page, and resolves
    assert (page.parent / link).resolve() == (EXERCISES / "sql" / "running_total" / "README.md").resolve()
    for wrong in running_total.wrong:
        assert wrong.misconception in text


def listed(*args: str | Path) -> list[str]:
    done = run_cli("list", *args, "--json")
    assert done.exit_code == 0, done.output
    return [row["id"] for row in json.loads(done.output)]


def test_list_filters_combine(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MLGRADE_GRADEBOOK", str(tmp_path / "gradebook.sqlite3"))
    assert listed("--family", "sql") == [s.id for s in SPECS if s.family == "sql"]
    assert listed("--family", "sql", "--family", "statistics") == [s.id for s in SPECS
                                                                   if s.family in ("sql", "statistics")]
    assert listed("--tag", "window-functions", "--difficulty", "medium") == [
        s.id for s in SPECS if "window-functions" in s.tags and s.difficulty == "medium"]
    assert listed("--tag", "ties", "--tag", "ranking") == [s.id for s in SPECS if {"ties", "ranking"} <= set(s.tags)]
    assert listed("--tag", "no-such-tag") == []
    assert listed("--status", "passed") == []
    graded = run_cli("run", SOFTMAX, "--submission", SOFTMAX / "private" / "reference.py", "--sandbox", "local")
    assert graded.exit_code == 0, graded.output
    assert listed("--status", "passed") == ["ml_basics/softmax"]
    assert "ml_basics/softmax" not in listed("--status", "not-tried", "--family", "ml_basics")
    assert listed("--status", "failing") == []


def test_a_broken_exercise_toml_is_named_and_the_rest_listed(tmp_path: Path) -> None:
    for name in ("softmax", "log_softmax"):
        shutil.copytree(EXERCISES / "ml_basics" / name, tmp_path / "ml_basics" / name)
    toml = tmp_path / "ml_basics" / "log_softmax" / "exercise.toml"
    toml.write_text(toml.read_text().replace('difficulty = "easy"', 'difficulty = "trivial"'))
    done = run_cli("list", tmp_path)
    assert done.exit_code == 2
    assert "softmax" in done.output and "Numerically stable softmax" in done.output
    assert "not listed:" in done.output and "log_softmax/exercise.toml: field `difficulty`" in done.output
    assert "Traceback" not in done.output


def test_list_is_readable_at_80_columns(tmp_path: Path) -> None:
    shown = run_in_terminal("list", EXERCISES, env={"MLGRADE_GRADEBOOK": str(tmp_path / "gradebook.sqlite3")}).output
    lines = shown.splitlines()
    assert lines and all(len(line) <= 80 for line in lines), shown
    assert "…" not in shown  # nothing cut: long titles wrap
    for spec in SPECS:  # one table per family, names without the family prefix, every word of every title
        assert f"{spec.family} (" in shown
        assert any(line.startswith(spec.id.split("/")[1] + " ") for line in lines), spec.id
        assert all(word in shown for word in spec.title.split()), spec.title


@pytest.mark.parametrize("args", [["list", "--family", "nope"], ["list", "--status", "done"], ["--no-such-option"]])
def test_a_bad_command_line_is_a_usage_error(args: list[str]) -> None:
    done = run_cli(*args)
    assert done.exit_code == 2, done.output
    assert "Traceback" not in done.output and "Error:" in done.output


def test_ctrl_c_outside_a_grading_loop_is_an_interruption(monkeypatch: pytest.MonkeyPatch) -> None:
    def interrupted(_path: Path) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr("grader.cli.bank.load_specs", interrupted)
    done = run_cli("list")
    assert done.exit_code == 2 and "interrupted" in done.output  # not typer's 130, not a traceback
