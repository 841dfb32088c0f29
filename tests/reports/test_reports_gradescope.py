"""Gradescope's autograder results.json (reports/gradescope.py) from real grading runs: the format Gradescope
documents, one test per exercise worth its assignment points, hidden cases withheld as in JUnit."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from support import EXERCISES, SDPA, run_cli

from reports import render_gradescope

MULTI_HEAD = EXERCISES / "attention" / "multi_head"

# Gradescope's results.json as its autograder specification describes it
# (https://gradescope-autograders.readthedocs.io/en/latest/specs/#output-format).
VISIBILITY = {"enum": ["visible", "hidden", "after_due_date", "after_published"]}
GRADESCOPE_SCHEMA: dict[str, Any] = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "type": "object",
    "required": ["tests"],
    "additionalProperties": False,
    "properties": {
        "score": {"type": "number"},
        "execution_time": {"type": "number", "minimum": 0},
        "output": {"type": "string"},
        "output_format": {"enum": ["text", "html", "simple_format", "md", "ansi"]},
        "test_output_format": {"enum": ["text", "html", "simple_format", "md", "ansi"]},
        "test_name_format": {"enum": ["text", "html", "simple_format", "md", "ansi"]},
        "visibility": VISIBILITY,
        "stdout_visibility": VISIBILITY,
        "extra_data": {"type": "object"},
        "tests": {"type": "array", "items": {
            "type": "object",
            "required": ["score", "max_score", "name", "number", "output", "visibility", "status"],
            "additionalProperties": False,
            "properties": {
                "score": {"type": "number", "minimum": 0},
                "max_score": {"type": "number", "minimum": 0},
                "status": {"enum": ["passed", "failed"]},
                "name": {"type": "string", "minLength": 1},
                "name_format": {"enum": ["text", "html", "simple_format", "md", "ansi"]},
                "number": {"type": "string"},
                "output": {"type": "string"},
                "output_format": {"enum": ["text", "html", "simple_format", "md", "ansi"]},
                "tags": {"type": "array", "items": {"type": "string"}},
                "visibility": VISIBILITY,
                "extra_data": {"type": "object"},
            },
        }},
        "leaderboard": {"type": "array"},
    },
}


def _gradescope(path: Path) -> dict[str, Any]:
    results = json.loads(path.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(GRADESCOPE_SCHEMA).validate(results)
    return results


@pytest.mark.docker
def test_a_wrong_and_a_right_submission_give_gradescope_results(sandbox_image: str, tmp_path: Path) -> None:
    wrong, right = tmp_path / "wrong.json", tmp_path / "right.json"
    done = run_cli("run", SDPA, "--submission", SDPA / "private" / "wrong" / "no_scaling.py", "--gradescope", wrong,
                   "--json", tmp_path / "wrong-results.json")
    assert done.exit_code == 1, done.output
    failed = _gradescope(wrong)
    [test] = failed["tests"]
    assert (test["name"], test["number"], test["status"], test["max_score"]) == (
        "Scaled dot-product attention (attention/scaled_dot_product)", "1", "failed", 1.0)
    document = json.loads((tmp_path / "wrong-results.json").read_text())
    assert test["score"] == pytest.approx(document["exercises"][0]["score"]) and 0 < test["score"] < 1
    assert failed["score"] == test["score"] and failed["execution_time"] >= 0
    lines = test["output"].splitlines()
    assert lines[0] == "wrong answer: 2 of 7 cases passed (29%)"
    assert "PASS  large logits (hidden)" in lines and "FAIL  causal" in lines
    assert "      misconception: no 1/√d scaling: " in test["output"]
    hidden = test["output"].split("FAIL  two batch dims, key padding mask (hidden)\n", 1)[1].split("\nFAIL", 1)[0]
    assert "hidden case: inputs, expected values, printed output and error messages are not shown" in hidden
    assert "worst at" not in hidden and "—" not in hidden  # no hidden values, and no placeholders for them
    assert "100% of the values out of tolerance (errors and values withheld)" in hidden
    assert test["output_format"] == "text" and test["visibility"] == "visible"

    done = run_cli("run", SDPA, "--submission", SDPA / "private" / "reference.py", "--gradescope", right)
    assert done.exit_code == 0, done.output
    passed = _gradescope(right)
    assert passed["score"] == 1.0 and passed["tests"][0]["status"] == "passed"
    assert all(line.startswith("PASS  ") for line in passed["tests"][0]["output"].splitlines()[2:])


@pytest.mark.docker
def test_gradescope_scores_sum_an_assignments_points(sandbox_image: str, tmp_path: Path) -> None:
    bank = tmp_path / "bank"
    for source in (SDPA, MULTI_HEAD):
        shutil.copytree(source, bank / source.name)
    shutil.copyfile(SDPA / "private" / "wrong" / "no_scaling.py", bank / "scaled_dot_product" / "solution.py")
    shutil.copyfile(MULTI_HEAD / "private" / "reference.py", bank / "multi_head" / "solution.py")
    assignment = tmp_path / "take-home.toml"
    assignment.write_text('title = "Take-home"\n[[exercises]]\nid = "attention/scaled_dot_product"\npoints = 70\n'
                          '[[exercises]]\nid = "attention/multi_head"\npoints = 30\n', encoding="utf-8")
    results = tmp_path / "results.json"
    done = run_cli("run", bank, "--assignment", assignment, "--json", results)
    assert done.exit_code == 1, done.output
    out = tmp_path / "gradescope.json"
    report = run_cli("report", results, "--gradescope", out)  # the same file from the results document
    assert report.exit_code == 0, report.output
    gradescope = _gradescope(out)
    document = json.loads(results.read_text())
    assert [(t["number"], t["max_score"], t["status"]) for t in gradescope["tests"]] == [
        ("1", 70, "failed"), ("2", 30, "passed")]
    assert gradescope["tests"][0]["score"] == pytest.approx(70 * 2 / 7) and gradescope["tests"][1]["score"] == 30
    assert gradescope["score"] == pytest.approx(sum(t["score"] for t in gradescope["tests"]))
    assert gradescope["score"] == pytest.approx(document["summary"]["points"]) == pytest.approx(50)
    assert gradescope["output"].startswith("Take-home\nmlgrade: 50/100 points, 50%, 1 of 2 exercises passed")
    assert render_gradescope(document) == out.read_text(encoding="utf-8")


def test_one_document_only(tmp_path: Path) -> None:
    for name in ("a.json", "b.json"):
        (tmp_path / name).write_text("{}", encoding="utf-8")
    done = run_cli("report", tmp_path, "--gradescope", tmp_path / "gs.json")
    assert done.exit_code == 2 and "--gradescope take one results document" in done.output
