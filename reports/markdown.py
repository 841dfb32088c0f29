"""A Markdown summary for a GitHub step summary or a pull-request comment: one table per exercise
(case, verdict, reason) and the misconceptions found. Candidate text is escaped so that it renders as
plain text: no HTML, no table breaks, no code spans or emphasis of its own."""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

from . import format as fmt

CELL_LIMIT = 300
_ENTITIES = {"&": "&amp;", "<": "&lt;", ">": "&gt;", "$": "&#36;"}
_SPECIAL = re.compile(r"[&<>\\`*_\[\]|~#!$]")
# GitHub links @mentions, bare URLs and e-mail addresses in plain text: a zero-width space breaks each.
_LIVE = re.compile(r"@|(?<=:)(?=//)|(?<=www)(?=\.)", re.IGNORECASE)
_ZWSP = "\u200b"
_BREAKS = re.compile(r"\s*[\r\n]+\s*")
MARKS = {"passed": "✅", "ungradable": "⚠️"}


def escape(text: str, limit: int | None = None) -> str:
    """Text as inert Markdown on one line: &, <, >, $ (math) as entities, other Markdown punctuation
    (including | and backticks) backslash-escaped, line breaks as spaces, and a zero-width space after
    each @ (mentions, e-mail links), each `:` before `//` and each `www` before `.` (bare links). The one
    Markdown escaper of mlgrade."""
    text = _BREAKS.sub(" ", fmt.clean(str(text))).strip()
    if limit is not None:
        text = fmt.shorten(text, limit)
    text = _SPECIAL.sub(lambda m: _ENTITIES.get(m.group(), "\\" + m.group()), text)
    return _LIVE.sub(lambda m: m.group() + _ZWSP, text)


def _mark(verdict: str) -> str:
    return MARKS.get(verdict, "❌")


def _reason(case: dict[str, Any]) -> str:
    """The reason with the most useful evidence appended, as plain text (escaped by the caller)."""
    parts = [case["reason"]]
    mismatch = case["mismatch"]
    if mismatch and mismatch["worst_index"] is not None:
        parts.append(f"worst at {mismatch['worst_index']}: expected {fmt.number(mismatch['expected_value'])}, "
                     f"got {fmt.number(mismatch['actual_value'])}")
    if mismatch and mismatch["max_abs_error"] is not None:
        parts.append(f"max abs error {fmt.number(mismatch['max_abs_error'], 3)}, "
                     f"max rel error {fmt.number(mismatch['max_rel_error'], 3)}")
    error = case["error"]
    if error and error["traceback"]:
        frame = error["traceback"][-1]
        parts.append(f"{frame.get('file') or '?'} line {frame.get('line')}: {(frame.get('code') or '').strip()}")
    if case["misconception"]:
        parts.append(f"misconception: {case['misconception']['name']}")
    return "; ".join(parts)


def _exercise(exercise: dict[str, Any]) -> list[str]:
    cases = exercise["cases"]
    passed = sum(c["verdict"] == "passed" for c in cases)
    lines = [f"### {_mark(exercise['verdict'])} {escape(exercise['title'])} ({escape(exercise['id'])}): "
             f"{exercise['verdict']}, {passed} of {len(cases)} cases passed ({fmt.percent(exercise['score'])})"
             + (f", {fmt.points(exercise['points'] * exercise['score'], exercise['points'])} points"
                if "points" in exercise else ""), ""]
    lines.extend(f"> {escape(problem)}" for problem in exercise["problems"])
    if exercise["problems"]:
        lines.append("")  # a blank line ends the quote; without it the table would be read as part of it
    lines += ["| case | verdict | reason |", "| --- | --- | --- |"]
    for case in cases:
        name = escape(case["name"], CELL_LIMIT) + (" *(hidden)*" if case["hidden"] else "")
        lines.append(f"| {name} | {_mark(case['verdict'])} {case['verdict']} | {escape(_reason(case), CELL_LIMIT)} |")
    found = Counter((c["misconception"]["name"], c["misconception"]["explanation"])
                    for c in cases if c["misconception"])
    if found:
        lines += ["", "**Misconceptions**", ""]
        lines.extend(f"- **{escape(name)}** ({count} case{'s' if count != 1 else ''}): {escape(explanation)}"
                     for (name, explanation), count in found.most_common())
    return lines + [""]


def ci_header(document: dict[str, Any]) -> list[str]:
    """The CI part of a `grade ci` summary (the document's `ci` block): the outcome, what was compared and
    graded, and the protected files a branch changed."""
    ci = document["ci"]
    outcome = {0: "✅", 1: "❌", 2: "⚠️"}[document["exit_status"]] + " " + fmt.OUTCOMES[document["exit_status"]]
    protected = ci["protected_files"]
    if protected:
        outcome += f" — {fmt.PROTECTED_TITLE}"
    lines = [f"## mlgrade CI check: {outcome}", "",
             f"Base **{escape(ci['base'])}** ({escape(ci['base_source'])}) · merge-base {escape(ci['merge_base'][:12])} · "
             f"HEAD {escape(ci['head'][:12])}", ""]
    graded = [escape(exercise["id"]) for exercise in document["exercises"]]
    if ci["graded"] == "all":
        lines += [f"Graded every exercise ({len(graded)}), as asked (`--all`).", ""]
    elif graded:
        lines += ["Graded the exercises whose solution file changed since the merge-base: " + ", ".join(graded) + ".", ""]
    else:
        lines += ["No exercise's solution file changed since the merge-base: nothing was graded.", ""]
    if protected:
        lines += ["> [!CAUTION]",
                  "> **Submission touched protected files.** Only the solution files may change. The exercises were "
                  "graded against their unmodified versions from the merge-base, and this check fails whatever the "
                  f"results. Changed protected files ({len(protected)}):"]
        lines += [f"> - {escape(path)}" for path in protected[:50]]
        if len(protected) > 50:
            lines.append(f"> - … and {len(protected) - 50} more")
        lines.append("")
    return lines


def render_markdown(document: dict[str, Any]) -> str:
    """The Markdown summary of one results document (with the CI header first when it has a `ci` block)."""
    summary = document["summary"]
    head = ci_header(document) if document.get("ci") else []
    counts = ", ".join(f"{count} {verdict}" for verdict, count in fmt.verdict_counts(summary["verdicts"]))
    points = f"{fmt.points(summary['points'], summary['max_points'])} points, " if "max_points" in summary else ""
    lines = head + [f"## mlgrade: {points}{fmt.percent(summary['score'])}, {summary['exercises_passed']} of "
             f"{summary['exercises']} exercises passed", "",
             f"Sandbox: **{document['sandbox']}** · {summary['cases']} cases ({counts or 'none'}) · "
             f"exit status {document['exit_status']}", ""]
    if document["sandbox"] == "local":
        lines += ["> [!WARNING]", "> Sandbox: local. The code ran as a plain process with resource limits, "
                  "weaker than the Docker sandbox.", ""]
    for exercise in document["exercises"]:
        lines += _exercise(exercise)
    return "\n".join(lines)
