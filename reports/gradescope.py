"""Gradescope's autograder `results.json` (https://gradescope-autograders.readthedocs.io/en/latest/specs/),
so that mlgrade can run inside a Gradescope autograder: one Gradescope test per exercise.

A test is worth the exercise's points in the document's assignment (docs/assignment.md), else 1, and
scores that × the exercise's score (the weighted share of its cases passed). Its output lists every case's
verdict; a case that did not pass adds the diagnosis JUnit gives it (reports/junit.py `failure_details`),
so hidden cases show exactly what the document keeps of them: verdict, reason, misconception, error type
and tolerances, never inputs, expected values, printed output or messages. Every text is plain
(`output_format: text`): candidate text cannot become Markdown or HTML on Gradescope's page.
"""

from __future__ import annotations

import json
from typing import Any

from . import format as fmt
from .cohort import seconds_taken
from .junit import failure_details

VISIBILITY = "visible"  # Gradescope: visible | hidden | after_due_date | after_published


def _case_lines(case: dict[str, Any]) -> list[str]:
    label = f"{case['name']}{' (hidden)' if case['hidden'] else ''}"
    if case["verdict"] == "passed":
        return [f"PASS  {label}"]
    return [f"FAIL  {label}", *(f"      {line}" for line in failure_details(case).splitlines())]


def _test(number: int, exercise: dict[str, Any]) -> dict[str, Any]:
    worth = float(exercise.get("points", 1.0))
    cases = exercise["cases"]
    passed = sum(case["verdict"] == "passed" for case in cases)
    head = f"{exercise['verdict']}: {passed} of {len(cases)} cases passed ({fmt.percent(exercise['score'])})"
    lines = [head, ""] + [f"problem: {problem}" for problem in exercise["problems"]]
    for case in cases:
        lines += _case_lines(case)
    return {"name": fmt.clean(f"{exercise['title']} ({exercise['id']})"), "number": str(number),
            "score": round(worth * exercise["score"], 6), "max_score": worth,
            "status": "passed" if exercise["passed"] else "failed", "visibility": VISIBILITY,
            "output": fmt.clean("\n".join(lines)), "output_format": "text"}


def _summary(document: dict[str, Any]) -> str:
    summary = document["summary"]
    lines = []
    if document.get("assignment"):
        lines.append(document["assignment"]["title"])
    points = f"{fmt.points(summary['points'], summary['max_points'])} points, " if "max_points" in summary else ""
    lines.append(f"mlgrade: {points}{fmt.percent(summary['score'])}, {summary['exercises_passed']} of "
                 f"{summary['exercises']} exercises passed (sandbox: {document['sandbox']})")
    if document["exit_status"] == 2:
        lines.append("UNGRADABLE: an infrastructure fault stopped grading; this score is not a grade. Run it again.")
    if document.get("ci", {}).get("protected_files"):
        lines.append(fmt.protected_problem(document["ci"]))
    return fmt.clean("\n".join(lines))


def gradescope_results(document: dict[str, Any]) -> dict[str, Any]:
    """The Gradescope results of one results document, as plain data: a test per exercise and their total."""
    tests = [_test(number, exercise) for number, exercise in enumerate(document["exercises"], 1)]
    taken = seconds_taken(document)
    results: dict[str, Any] = {"score": round(sum(test["score"] for test in tests), 6), "output": _summary(document),
                               "output_format": "text", "visibility": VISIBILITY, "tests": tests}
    if taken is not None:
        results["execution_time"] = round(taken)
    return results


def render_gradescope(document: dict[str, Any]) -> str:
    """The text of Gradescope's `results.json` for one results document."""
    return json.dumps(gradescope_results(document), indent=2, ensure_ascii=False, allow_nan=False) + "\n"
