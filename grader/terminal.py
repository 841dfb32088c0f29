"""The terminal summary of a run (rich).

Quiet by default, for a candidate at an 80-column terminal: one block per exercise in which failing cases
with the same verdict and reason share one line, each misconception is said once, an untouched exercise
is one line, and a run of several exercises ends with a table of them. `verbose` prints a table per
exercise with a row per case instead. Both show only what the results document holds (hidden cases
already lost their values in grader/verdicts.py); the full detail is in the JSON and HTML reports.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from rich import box
from rich.console import Console, Group, RenderableType
from rich.markup import escape
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from .errors import ExitStatus
from .results import CaseResult, ExerciseResult, RunResult, SandboxKind, Verdict
from .scrub import scrub

STYLES = {
    Verdict.PASSED: "green",
    Verdict.WRONG_ANSWER: "red",
    Verdict.NOT_IMPLEMENTED: "yellow",
    Verdict.UNGRADABLE: "magenta",
}
MARKS = {Verdict.PASSED: "✓", Verdict.NOT_IMPLEMENTED: "○", Verdict.UNGRADABLE: "!"}  # else ✗
NAMED_CASES = 3  # a group of failing cases lists at most this many visible names, else counts them


def print_run(run: RunResult, console: Console, verbose: bool = False) -> None:
    """Every exercise (quiet, or VERBOSE: a row per case), a table of the exercises when there are several,
    then the totals."""
    if run.sandbox == SandboxKind.LOCAL:
        console.print("[bold yellow]sandbox: local process (weaker than Docker: no container isolation)[/]")
    for exercise in run.exercises:
        console.print(exercise_table(exercise) if verbose else exercise_summary(exercise))
    if len(run.exercises) > 1:
        console.print(run_table(run))
    passed = sum(e.passed for e in run.exercises)
    style = "green" if run.exit_status is ExitStatus.OK else "red"
    points = f" · {run.points:.4g}/{run.max_points:.4g} points" if run.max_points is not None else ""
    console.print(f"[bold {style}]{passed}/{len(run.exercises)} exercises passed{points}[/]")


def exercise_summary(exercise: ExerciseResult) -> RenderableType:
    """One exercise, quietly: its verdict and cases passed; one line when it is untouched (every case
    "not implemented") or fails every case for one reason; else the misconceptions once, then the failing
    cases, those with the same verdict and reason on one line, the visible ones with their evidence."""
    failing = [c for c in exercise.cases if c.verdict is not Verdict.PASSED]
    if failing and all(c.verdict is Verdict.NOT_IMPLEMENTED for c in exercise.cases):
        line = Text.from_markup(f"[{_style(Verdict.NOT_IMPLEMENTED)}]{MARKS[Verdict.NOT_IMPLEMENTED]}[/] "
                                f"[bold]{escape(exercise.id)}[/]: not implemented — "
                                f"{safe(_first_visible(failing).reason)}")
        line.no_wrap, line.overflow = True, "ellipsis"  # one line whatever the width; --verbose has it all
        return Group(line)  # (console.print would merge a bare Text into one that wraps)
    lines: list[RenderableType] = [Text.from_markup(_headline(exercise))]
    misconceptions = {c.misconception.name: c.misconception for c in failing if c.misconception is not None}
    for misconception in misconceptions.values():
        matched = [c for c in failing if c.misconception is not None and c.misconception.name == misconception.name]
        scope = "" if len(matched) == len(failing) else f" ({_count(len(matched), 'case')})"
        lines.append(_indent(f"[bold]misconception{scope}:[/] {escape(misconception.name)} — "
                             f"{escape(misconception.explanation)}", 2))
    groups = _groups(failing)
    if len(groups) == 1 and len(failing) == len(exercise.cases) > 1:
        lines.append(_indent(f"all {len(failing)} cases: {safe(failing[0].reason)}", 2))
        return Group(*lines)
    for group in groups:
        lines.append(_indent(f"[{_style(group[0].verdict)}]{MARKS.get(group[0].verdict, '✗')}[/] {_label(group)}: "
                             f"{group[0].verdict.value} — {safe(group[0].reason)}", 2))
        if len(group) == 1:
            lines.extend(_indent(detail, 4) for detail in _details(group[0]))
    return Group(*lines)


def exercise_table(exercise: ExerciseResult) -> Table:
    """The table of one exercise's cases (`--verbose`): every case with its verdict, reason and evidence."""
    table = Table(title=_headline(exercise), title_justify="left", expand=False, show_lines=False)
    table.add_column("case")
    table.add_column("verdict", no_wrap=True)
    table.add_column("reason")
    for case in exercise.cases:
        name = escape(case.name) + (" [dim](hidden)[/]" if case.hidden else "")
        if case.note and not case.hidden:
            name += f"\n[dim]{escape(case.note)}[/]"
        parts = [safe(case.reason), *_misconception(case), *_details(case, note=False)]
        reason = Group(*(Text.from_markup(p) if isinstance(p, str) else p for p in parts))
        table.add_row(name, f"[{_style(case.verdict)}]{case.verdict.value}[/]", reason)
    return table


def run_table(run: RunResult) -> Table:
    """One row per exercise: its verdict, cases passed and score (the end of a run of several exercises)."""
    table = Table(title="Summary", title_justify="left", expand=False)
    table.add_column("exercise")
    table.add_column("verdict", no_wrap=True)
    table.add_column("cases", justify="right", no_wrap=True)
    table.add_column("score", justify="right", no_wrap=True)
    for exercise in run.exercises:
        verdict = exercise.verdict
        passed = sum(c.verdict is Verdict.PASSED for c in exercise.cases)
        table.add_row(escape(exercise.id), f"[{_style(verdict)}]{MARKS.get(verdict, '✗')} {verdict.value}[/]",
                      f"{passed}/{len(exercise.cases)}", f"{exercise.score:.0%}")
    return table


def safe(text: str) -> str:
    """Candidate-controlled text made inert for the terminal: scrubbed (grader/scrub.py), markup escaped."""
    return escape(scrub(text))


def _headline(exercise: ExerciseResult) -> str:
    verdict = exercise.verdict
    passed = sum(c.verdict is Verdict.PASSED for c in exercise.cases)
    count = f"{passed}/{len(exercise.cases)} cases" if exercise.passed else f"{passed}/{len(exercise.cases)} passed"
    return (f"[{_style(verdict)}]{MARKS.get(verdict, '✗')}[/] [bold]{escape(exercise.id)}[/] — "
            f"{escape(exercise.title)}: [{_style(verdict)}]{verdict.value}[/] ({count})")


def _style(verdict: Verdict) -> str:
    return STYLES.get(verdict, "red")


def _groups(failing: list[CaseResult]) -> list[list[CaseResult]]:
    """Failing cases by verdict and reason, in case order; a visible case with evidence of its own
    (values, rows, printed output) stands alone."""
    groups: dict[Any, list[CaseResult]] = {}
    for case in failing:
        alone = not case.hidden and _details(case, note=False)
        key: Any = id(case) if alone else (case.verdict, case.reason)
        groups.setdefault(key, []).append(case)
    return list(groups.values())


def _label(group: list[CaseResult]) -> str:
    """A group's cases: the visible ones by name (up to NAMED_CASES), the hidden ones counted."""
    visible = [c.name for c in group if not c.hidden]
    hidden = len(group) - len(visible)
    if len(visible) > NAMED_CASES:
        parts = [_count(len(visible), "case")]
    else:
        parts = [escape(name) for name in visible]
    if hidden:
        parts.append(_count(hidden, "hidden case"))
    return ", ".join(parts)


def _first_visible(cases: list[CaseResult]) -> CaseResult:
    return next((c for c in cases if not c.hidden), cases[0])


def _misconception(case: CaseResult) -> list[str]:
    if case.misconception is None:
        return []
    return [f"[bold]misconception:[/] {escape(case.misconception.name)} — {escape(case.misconception.explanation)}"]


def _details(case: CaseResult, note: bool = True) -> list[str | Table]:
    """The evidence of one case beyond its reason, as markup lines: the note of a visible case, the worst
    element, the differing rows, the fraction out of tolerance, what printed."""
    lines: list[str | Table] = []
    if note and case.note and not case.hidden and case.verdict is not Verdict.PASSED:
        lines.append(f"[dim]case:[/] {escape(case.note)}")
    mismatch = case.mismatch or {}
    if mismatch.get("worst_index") is not None and mismatch.get("rows") is None and not case.hidden:
        worst = (f"worst at {mismatch['worst_index']}: expected {_value(mismatch['expected_value'])}, "
                 f"got {_value(mismatch['actual_value'])}")
        if mismatch.get("max_abs_error") is not None:
            worst += f" (max abs error {mismatch['max_abs_error']:.3g}, max rel error {mismatch['max_rel_error']:.3g})"
        lines.append(worst)
    if mismatch.get("rows") is not None:
        lines.append(_rows(mismatch["rows"]))
    fraction = mismatch.get("fraction_mismatched")
    if isinstance(fraction, float) and "values out of tolerance" not in case.reason:
        about = "about " if case.hidden else ""
        lines.append(f"{about}{fraction:.0%} of the values are out of tolerance")
    if case.output:
        lines.append(f"[dim]printed: {safe(case.output[:300])}[/]")
    return lines


def _rows(rows: dict[str, Any]) -> Table:
    """An SQL mismatch's first differing rows, expected beside actual."""
    columns = ", ".join(safe(str(c)) for c in rows["columns"])
    table = Table(title=f"rows ({columns})", title_justify="left", expand=False, box=box.SIMPLE_HEAD, show_edge=False,
                  padding=(0, 1), pad_edge=False)
    if rows["ordered"]:
        table.add_column("row", justify="right")
        table.add_column("expected")
        table.add_column("got")
        count = max(len(rows["expected"]), len(rows["actual"]))
        for index in range(count):
            table.add_row(str(rows["first_row"] + index), *(_row(side[index]) if index < len(side) else "—"
                                                            for side in (rows["expected"], rows["actual"])))
        return table
    table.add_column("expected, missing from yours")
    table.add_column("yours, not expected")
    for index in range(max(len(rows["expected"]), len(rows["actual"]), 1)):
        table.add_row(*(_row(side[index]) if index < len(side) else ("none" if index == 0 else "")
                        for side in (rows["expected"], rows["actual"])))
    return table


def _row(row: Iterable[Any]) -> str:
    return "(" + ", ".join("NULL" if cell is None else safe(repr(cell) if isinstance(cell, str) else str(cell))
                           for cell in row) + ")"


def _value(value: Any) -> str:
    return f"{value:.6g}" if isinstance(value, float) else safe(str(value))


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


def _indent(markup: str | Table, columns: int) -> Padding:
    """MARKUP (or a table) indented by COLUMNS, its wrapped lines too."""
    shown = Text.from_markup(markup) if isinstance(markup, str) else markup
    return Padding(shown, (0, 0, 0, columns), expand=False)
