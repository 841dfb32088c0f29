"""The terminal summary of a run (rich): one table per exercise, one row per case."""

from __future__ import annotations

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from .errors import ExitStatus
from .results import ExerciseResult, RunResult, SandboxKind, Verdict
from .scrub import scrub

STYLES = {
    Verdict.PASSED: "green",
    Verdict.WRONG_ANSWER: "red",
    Verdict.NOT_IMPLEMENTED: "yellow",
    Verdict.UNGRADABLE: "magenta",
}


def print_run(run: RunResult, console: Console) -> None:
    """Per exercise, per case: the verdict and the reason; then the totals."""
    if run.sandbox == SandboxKind.LOCAL:
        console.print("[bold yellow]sandbox: local process (weaker than Docker: no container isolation)[/]")
    for exercise in run.exercises:
        console.print(exercise_table(exercise))
    passed = sum(e.passed for e in run.exercises)
    style = "green" if run.exit_status is ExitStatus.OK else "red"
    points = f" · {run.points:.4g}/{run.max_points:.4g} points" if run.max_points is not None else ""
    console.print(f"[bold {style}]{passed}/{len(run.exercises)} exercises passed{points}[/]")


def exercise_table(exercise: ExerciseResult) -> Table:
    """The table of one exercise's cases."""
    verdict = exercise.verdict
    title = (f"[bold]{escape(exercise.id)}[/] — {escape(exercise.title)}: "
             f"[{STYLES.get(verdict, 'red')}]{verdict.value}[/] ({exercise.score:.0%})")
    table = Table(title=title, title_justify="left", expand=False, show_lines=False)
    table.add_column("case")
    table.add_column("verdict", no_wrap=True)
    table.add_column("reason")
    for case in exercise.cases:
        name = escape(case.name) + (" [dim](hidden)[/]" if case.hidden else "")
        reason = safe(case.reason)
        if case.misconception is not None:
            reason += f"\n[bold]misconception:[/] {escape(case.misconception.name)} — {escape(case.misconception.explanation)}"
        mismatch = case.mismatch or {}
        if mismatch.get("worst_index") is not None and not case.hidden:
            reason += (f"\nworst at {mismatch['worst_index']}: expected {safe(str(mismatch['expected_value']))}, "
                       f"got {safe(str(mismatch['actual_value']))}")
            if mismatch.get("max_abs_error") is not None:
                reason += f" (max abs error {mismatch['max_abs_error']:.3g}, max rel error {mismatch['max_rel_error']:.3g})"
        if case.output:
            reason += f"\n[dim]printed: {safe(case.output[:300])}[/]"
        table.add_row(name, f"[{STYLES.get(case.verdict, 'red')}]{case.verdict.value}[/]", reason)
    return table


def safe(text: str) -> str:
    """Candidate-controlled text made inert for the terminal: scrubbed (grader/scrub.py), markup escaped."""
    return escape(scrub(text))
