"""`grade PATH --html/--junit/--markdown` and `grade report`, through the real CLI (in-process)."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from report_helpers import REFERENCE
from support import SDPA, run_cli

from reports import load_document, render_html, render_junit, render_markdown

Graded = Callable[[str], dict[str, Any]]


def invoke(*args: str | Path) -> Any:
    return run_cli(*args)


@pytest.mark.docker
def test_grade_writes_every_report_from_the_runs_document(sandbox_image: str, tmp_path: Path) -> None:
    out = {kind: tmp_path / f"results.{kind}" for kind in ("json", "html", "xml", "md")}
    result = invoke("run", SDPA, "--submission", REFERENCE, "--json", out["json"], "--html", out["html"],
                    "--junit", out["xml"], "--markdown", out["md"])
    assert result.exit_code == 0, result.output
    document = load_document(out["json"])
    assert out["html"].read_text(encoding="utf-8") == render_html(document)
    assert out["xml"].read_text(encoding="utf-8") == render_junit(document)
    assert out["md"].read_text(encoding="utf-8") == render_markdown(document)


@pytest.mark.docker
def test_report_of_one_document(graded: Graded, tmp_path: Path) -> None:
    source = tmp_path / "alice.json"
    source.write_text(json.dumps(graded("no_scaling")), encoding="utf-8")
    html, junit, markdown = tmp_path / "r.html", tmp_path / "r.xml", tmp_path / "r.md"
    result = invoke("report", source, "--html", html, "--junit", junit, "--markdown", markdown)
    assert result.exit_code == 0, result.output
    assert html.read_text(encoding="utf-8") == render_html(graded("no_scaling"))
    assert "<testsuite " in junit.read_text(encoding="utf-8")
    assert "| case | verdict | reason |" in markdown.read_text(encoding="utf-8")


def minimal_document() -> dict[str, Any]:
    return {"schema_version": "1.0", "tool": {"name": "mlgrade", "version": "0.1.0"}, "sandbox": "docker",
            "started": "2026-01-01T00:00:00+00:00", "finished": "2026-01-01T00:00:01+00:00", "exit_status": 0,
            "summary": {"exercises": 0, "exercises_passed": 0, "cases": 0, "verdicts": {}, "score": 0.0},
            "exercises": []}


@pytest.mark.parametrize(("content", "problem"), [
    ("not json {", "is not JSON"),
    ('{"schema_version": "1.0", "score": NaN}', "is not JSON"),
    (json.dumps({"hello": "world"}), "is not a valid mlgrade results document"),
    (json.dumps({**minimal_document(), "schema_version": "2.0"}), "at schema_version"),
    (json.dumps({**minimal_document(), "sandbox": "vm"}), "at sandbox"),
])
def test_report_rejects_what_is_not_a_results_document(tmp_path: Path, content: str, problem: str) -> None:
    source = tmp_path / "bad.json"
    source.write_text(content, encoding="utf-8")
    result = invoke("report", source, "--html", tmp_path / "r.html")
    assert result.exit_code == 2
    assert problem in result.output and "bad.json" in result.output
    assert not (tmp_path / "r.html").exists()


def test_report_usage_errors(tmp_path: Path) -> None:
    good = tmp_path / "good.json"
    good.write_text(json.dumps(minimal_document()), encoding="utf-8")
    missing = invoke("report", tmp_path / "absent.json", "--html", tmp_path / "r.html")
    assert missing.exit_code == 2 and "does not exist" in missing.output
    nothing = invoke("report", good)
    assert nothing.exit_code == 2 and "nothing to write" in nothing.output
    several = invoke("report", good, good, "--junit", tmp_path / "r.xml")
    assert several.exit_code == 2 and "one results document" in several.output
    names = invoke("report", good, good, "--html", tmp_path / "r.html", "--name", "only-one")
    assert names.exit_code == 2 and "--name was given 1 times for 2 documents" in names.output
    ok = invoke("report", good, "--html", tmp_path / "r.html")
    assert ok.exit_code == 0 and (tmp_path / "r.html").exists()


@pytest.mark.docker
def test_report_files_in_a_submission_folder_never_follow_its_links(sandbox_image: str, tmp_path: Path) -> None:
    """A candidate's folder can hold links where the operator writes reports (rule R6, docs/design.md): a
    link at a report's own name is replaced, never written through; a linked folder on the way is refused."""
    bank_file, elsewhere = tmp_path / "bank-reference.py", tmp_path / "elsewhere"
    bank_file.write_text("SECRET = 'reference'\n")
    elsewhere.mkdir()
    submission = tmp_path / "submission"
    submission.mkdir()
    (submission / "solution.py").write_text(REFERENCE.read_text())
    (submission / "report.html").symlink_to(bank_file)
    (submission / "results.json").symlink_to(bank_file)
    (submission / "linked").symlink_to(elsewhere, target_is_directory=True)
    result = invoke("run", SDPA, "--submission", submission, "--html", submission / "report.html",
                    "--json", submission / "results.json")
    assert result.exit_code == 0, result.output
    assert bank_file.read_text() == "SECRET = 'reference'\n"
    assert not (submission / "report.html").is_symlink() and "<html" in (submission / "report.html").read_text()
    assert load_document(submission / "results.json")["exit_status"] == 0
    refused = invoke("run", SDPA, "--submission", submission, "--markdown", submission / "linked" / "summary.md")
    assert refused.exit_code == 2 and "link" in refused.output
    assert list(elsewhere.iterdir()) == []
