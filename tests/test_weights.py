"""Case weights (`[cases] weights` in exercise.toml): the exercise's score is Σ weight passed / Σ weight,
recorded per case in the results document; a weight naming no case is an author error `grade validate` reports."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from support import SDPA, docker_problem, run_cli

from grader.results import CaseResult, ExerciseResult, SandboxKind, Verdict

WRONG = SDPA / "private" / "wrong" / "no_scaling.py"  # passes only the two "large logits" cases


def _weigh(exercise: Path, weights: str) -> None:
    spec = exercise / "exercise.toml"
    spec.write_text(spec.read_text().replace("[cases]\n", f"[cases]\nweights = {weights}\n", 1))


def test_the_score_is_the_weighted_share_of_cases_passed() -> None:
    cases = [CaseResult("a", False, Verdict.PASSED, "", weight=3.0), CaseResult("b", False, Verdict.WRONG_ANSWER, "")]
    result = ExerciseResult("x/y", "Y", "x", "p", cases, SandboxKind.LOCAL, 64)
    assert result.score == 0.75 and not result.passed


@pytest.mark.skipif(docker_problem() is not None, reason=docker_problem() or "")
def test_a_weighted_case_counts_its_weight_in_a_real_run(exercise_copy: Callable[..., Path], tmp_path: Path) -> None:
    exercise = exercise_copy(SDPA)
    _weigh(exercise, '{ "large logits" = 5 }')
    out = tmp_path / "results.json"
    done = run_cli("run", exercise, "--submission", WRONG, "--json", out)
    assert done.exit_code == 1, done.output
    [graded] = json.loads(out.read_text())["exercises"]
    weights = {case["name"]: case["weight"] for case in graded["cases"]}
    assert weights["large logits"] == 5 and set(weights.values()) == {1, 5}
    passed = {case["name"] for case in graded["cases"] if case["verdict"] == "passed"}
    assert passed == {"large logits", "large logits with a mask"}
    assert graded["score"] == pytest.approx((5 + 1) / (len(weights) - 1 + 5))  # 6/11, not 2/7


def test_validate_reports_a_weight_naming_no_case(exercise_copy: Callable[..., Path]) -> None:
    exercise = exercise_copy(SDPA)
    _weigh(exercise, '{ "large logits" = 2, "larg logits" = 3 }')
    done = run_cli("validate", exercise, "--sandbox", "local", "--json")
    assert done.exit_code == 1
    check = next(c for c in json.loads(done.output)[0]["checks"] if c["name"] == "case weights name cases")
    assert not check["ok"] and check["detail"] == "no case named “larg logits”"


def test_a_document_before_weights_and_points_reads_as_before(tmp_path: Path) -> None:
    """A schema-1.1 document (no case weights, no points) validates, rebuilds with every case weighing 1, and its
    Gradescope results give each exercise a max_score of 1."""
    from grader.results import from_document, to_document
    from reports import load_document, render_gradescope

    case = {"name": "a", "hidden": False, "verdict": "passed", "reason": "", "output": None, "mismatch": None,
            "misconception": None, "error": None, "seconds": 0.1, "time_limit": 2.0, "note": ""}
    exercise = {"id": "x/y", "title": "Y", "family": "x", "path": "p", "sandbox": "docker", "memory_limit_mb": 64,
                "problems": [], "verdict": "wrong answer", "score": 0.5, "passed": False,
                "cases": [case, {**case, "name": "b", "verdict": "wrong answer"}]}
    old = {"schema_version": "1.1", "tool": {"name": "mlgrade", "version": "0.1.0"}, "sandbox": "docker",
           "started": "2026-01-01T00:00:00+00:00", "finished": "2026-01-01T00:00:01+00:00", "exit_status": 1,
           "summary": {"exercises": 1, "exercises_passed": 0, "cases": 2, "verdicts": {}, "score": 0.5},
           "exercises": [exercise]}
    path = tmp_path / "old.json"
    path.write_text(json.dumps(old), encoding="utf-8")
    run = from_document(load_document(path))
    assert [c.weight for c in run.exercises[0].cases] == [1.0, 1.0] and run.score == 0.5 and run.points is None
    assert "points" not in to_document(run)["summary"] and "points" not in to_document(run)["exercises"][0]
    [test] = json.loads(render_gradescope(old))["tests"]
    assert (test["max_score"], test["score"]) == (1.0, 0.5)
