"""JUnit XML for CI systems: one <testsuite> per exercise, one <testcase> per case.

A case that did not pass gets <failure type="VERDICT" message="VERDICT: reason"> with the diagnosis
as its text; an ungradable case (an infrastructure fault) gets <error> instead. Visible cases carry
the candidate's printed output in <system-out>. The layout follows the Jenkins / Ant JUnit schema.
"""

from __future__ import annotations

import math
import xml.etree.ElementTree as ET
from typing import Any

from . import format as fmt

MESSAGE_LIMIT = 1000


def _time(value: Any) -> str | None:
    x = fmt.as_float(value)
    return f"{x:.3f}" if x is not None and math.isfinite(x) and x >= 0 else None


def _text(value: Any, limit: int | None = None) -> str:
    text = fmt.clean(str(value))
    return fmt.shorten(text, limit) if limit else text


def failure_details(case: dict[str, Any]) -> str:
    """The body of a <failure>/<error>: the diagnosis in plain text."""
    lines = [f"{case['verdict']}: {case['reason']}"]
    if case["hidden"]:
        lines.append("hidden case: inputs, expected values, printed output and error messages are not shown")
    if case["misconception"]:
        lines.append(f"misconception: {case['misconception']['name']}: {case['misconception']['explanation']}")
    mismatch = case["mismatch"]
    if mismatch and mismatch["max_abs_error"] is None:  # a hidden case: the errors are withheld, not unknown
        if mismatch.get("fraction_mismatched") is not None:
            lines.append(f"{fmt.percent(mismatch['fraction_mismatched'])} of the values out of tolerance "
                         "(errors and values withheld)")
    elif mismatch:
        lines.append(f"max abs error {fmt.number(mismatch['max_abs_error'])}, max rel error "
                     f"{fmt.number(mismatch['max_rel_error'])} (rtol={fmt.number(mismatch['rtol'])}, "
                     f"atol={fmt.number(mismatch['atol'])})")
        if mismatch["worst_index"] is not None:
            lines.append(f"worst at {mismatch['worst_index']}: expected {fmt.number(mismatch['expected_value'], 10)}, "
                         f"got {fmt.number(mismatch['actual_value'], 10)}")
    error = case["error"]
    if error:
        lines.append(f"{error['type']}: {error['message']}" if error["message"] else error["type"])
        lines.extend(f"  {frame.get('file') or '?'}, line {frame.get('line')}: {frame.get('code') or ''}"
                     for frame in error["traceback"][-8:])
    if case["seconds"] is not None:
        limit = f" of the {fmt.seconds(case['time_limit'])} limit" if case["time_limit"] is not None else ""
        lines.append(f"time: {fmt.seconds(case['seconds'])}{limit}")
    return _text("\n".join(lines))


def _testcase(exercise: dict[str, Any], case: dict[str, Any]) -> ET.Element:
    element = ET.Element("testcase", {"classname": _text(exercise["id"]), "name": _text(case["name"])})
    time = _time(case["seconds"])
    if time is not None:
        element.set("time", time)
    if case["verdict"] != "passed":
        tag = "error" if case["verdict"] == "ungradable" else "failure"
        outcome = ET.SubElement(element, tag, {"type": case["verdict"],
                                               "message": _text(f"{case['verdict']}: {case['reason']}", MESSAGE_LIMIT)})
        outcome.text = failure_details(case)
    if case["output"] and not case["hidden"]:
        ET.SubElement(element, "system-out").text = _text(case["output"])
    return element


def _testsuite(document: dict[str, Any], exercise: dict[str, Any]) -> ET.Element:
    cases = exercise["cases"]
    errors = sum(c["verdict"] == "ungradable" for c in cases)
    failures = sum(c["verdict"] not in ("passed", "ungradable") for c in cases)
    suite = ET.Element("testsuite", {"name": _text(exercise["id"]), "tests": str(len(cases)),
                                     "failures": str(failures), "errors": str(errors), "skipped": "0",
                                     "timestamp": document["started"]})
    total = sum(fmt.as_float(c["seconds"]) or 0.0 for c in cases)
    suite.set("time", _time(total) or "0.000")
    properties = ET.SubElement(suite, "properties")
    for name, value in (("title", exercise["title"]), ("family", exercise["family"]),
                        ("sandbox", document["sandbox"]), ("verdict", exercise["verdict"]),
                        ("score", f"{exercise['score']:.4f}")):
        ET.SubElement(properties, "property", {"name": name, "value": _text(value)})
    if "points" in exercise:  # an assignment's exercise: what it is worth and what it earned
        for name, value in (("points", exercise["points"] * exercise["score"]), ("max_points", exercise["points"])):
            ET.SubElement(properties, "property", {"name": name, "value": f"{value:.4g}"})
    suite.extend(_testcase(exercise, case) for case in cases)
    return suite


CI_SUITE = "mlgrade ci"


def _ci_suite(document: dict[str, Any]) -> ET.Element:
    """The `mlgrade ci` suite of a `grade ci` document whose branch changed protected files: one failing case,
    so that CI test reports say why the check failed even when every exercise passed."""
    ci = document["ci"]
    suite = ET.Element("testsuite", {"name": CI_SUITE, "tests": "1", "failures": "1", "errors": "0", "skipped": "0",
                                     "timestamp": document["started"], "time": "0.000"})
    case = ET.SubElement(suite, "testcase", {"classname": CI_SUITE, "name": "only solution files changed",
                                             "time": "0.000"})
    failure = ET.SubElement(case, "failure", {"type": fmt.PROTECTED_TITLE,
                                              "message": _text(fmt.protected_problem(ci), MESSAGE_LIMIT)})
    failure.text = _text("\n".join(ci["protected_files"]))
    return suite


def render_junit(document: dict[str, Any]) -> str:
    """The JUnit XML of one results document (with the `mlgrade ci` suite when protected files changed)."""
    suites = [_testsuite(document, exercise) for exercise in document["exercises"]]
    if document.get("ci", {}).get("protected_files"):
        suites.append(_ci_suite(document))
    root = ET.Element("testsuites", {
        "name": "mlgrade",
        "tests": str(sum(int(s.get("tests", "0")) for s in suites)),
        "failures": str(sum(int(s.get("failures", "0")) for s in suites)),
        "errors": str(sum(int(s.get("errors", "0")) for s in suites)),
        "time": _time(sum(float(s.get("time", "0")) for s in suites)) or "0.000",
    })
    root.extend(suites)
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
