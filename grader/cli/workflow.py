"""The candidate's commands: show, watch, hint, reset, progress, history, notebook (`register(app)`), and the
pieces `grade PATH` and `grade list` use (ids as paths, notebook submissions, gradebook recording).

`register(app)` adds the commands to the `grade` app (grader/cli/__init__.py); each command's
docstring is its `--help` text."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import signal
import sys
import threading
import time
from collections.abc import Iterable
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.markdown import Markdown
from rich.markup import escape
from rich.panel import Panel
from rich.progress_bar import ProgressBar
from rich.table import Table

from .. import workflow
from ..bank import discover
from ..errors import Interrupted, MlgradeError, UsageError
from ..gradebook import NOT_TRIED, Gradebook, Standing, StandingStatus
from ..grading import grade_path
from ..notebook import is_notebook_path, stub_notebook, write_notebook
from ..options import GradeOptions
from ..results import RunResult, SandboxKind
from ..spec import ExerciseSpec, SpecError, load_spec
from .common import ExerciseArgument, GradebookOption, JsonFlag, RootOption, console, errors, grading_options

STATUS_STYLES = {StandingStatus.PASSED: "green", StandingStatus.FAILING: "red", StandingStatus.NOT_TRIED: "dim"}


def _warn(message: str) -> None:
    errors.print(f"[bold yellow]warning:[/] {escape(message)}", markup=True, soft_wrap=True)


def _print_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, indent=2, ensure_ascii=False) + "\n")


def _spec(exercise: str, root: Path | None) -> ExerciseSpec:
    return workflow.resolve_one(exercise, root)


def _local_time(iso: str) -> str:
    try:
        return dt.datetime.fromisoformat(iso).astimezone().strftime("%Y-%m-%d %H:%M:%S")
    except ValueError:
        return iso


# --- used by `grade PATH` and `grade list` (grader/cli/run.py, grader/cli/bank.py) --------------------------

def prepare_run(path: Path, submission: Path | None,
                root: Path | None) -> tuple[Path, Path | None, workflow.NotebookSubmission | None]:
    """PATH as a folder (an id is resolved against --root), and the submission to grade: a notebook is
    assembled into a module first. Returns (path, submission to grade, the assembled notebook or None)."""
    target = workflow.resolve(path, root)
    if submission is None or not is_notebook_path(submission):
        return target, submission, None
    try:
        assembled = workflow.notebook_submission(submission, target)
    except OSError as exc:
        raise UsageError(f"cannot assemble the notebook {submission}: {exc}") from None
    if assembled.warning:
        _warn(f"{submission}: {assembled.warning}")
    which = "cells tagged `solution`" if assembled.tagged else "every code cell"
    errors.print(f"notebook {submission}: graded {which} ({', '.join(map(str, assembled.cells))}), assembled "
                    f"as {assembled.module}", markup=False, soft_wrap=True)
    return target, assembled.module, assembled


def record(run: RunResult, submission: Path | None, book: Path | None) -> None:
    """Record RUN in the gradebook (SUBMISSION as its label); a failure is a warning, never a change of exit status."""
    problem = workflow.record_run(run, book, submission=submission)
    if problem:
        _warn(problem)


def record_unavailable(path: Path, sandbox: SandboxKind, book: Path | None) -> None:
    """Record that the exercises at PATH could not be graded (no sandbox): ungradable, not a failure."""
    problem = workflow.record_unavailable(path, sandbox, book, "the sandbox was unavailable")
    if problem:
        _warn(problem)


def standings_or_warn(book: Path | None, specs: Iterable[ExerciseSpec] = ()) -> dict[str, Standing] | None:
    """The user's standings (SPECS' untouched stubs not tried), or None (with a warning) when the gradebook
    cannot be read."""
    try:
        return workflow.standings(book, specs)
    except Exception as exc:  # noqa: BLE001 - listing must work without a readable gradebook
        _warn(f"the gradebook cannot be read, statuses are unknown: {exc}")
        return None


def status_cell(standing: Standing | None) -> str:
    if standing is None:
        return "[dim]?[/]"
    return f"[{STATUS_STYLES[standing.status]}]{standing.status}[/]"


def best_cell(standing: Standing | None) -> str:
    return "" if standing is None or standing.best_score is None else f"{standing.best_score:.0%}"


def read_statement(spec: ExerciseSpec) -> str:
    """The exercise's statement (its README.md, Markdown); UsageError when it cannot be read."""
    statement_file = spec.directory / "README.md"
    try:
        return statement_file.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise UsageError(f"cannot read the statement {statement_file}: {exc}") from None


# --- the commands ------------------------------------------------------------------------------------

def show_command(exercise: ExerciseArgument, root: RootOption = None, as_json: JsonFlag = False,
                 gradebook: GradebookOption = None) -> None:
    """Show an exercise's statement."""
    spec = _spec(exercise, root)
    statement = read_statement(spec)
    standings = standings_or_warn(gradebook, [spec])
    standing = standings.get(spec.id, NOT_TRIED) if standings is not None else None
    if as_json:
        _print_json({"id": spec.id, "title": spec.title, "family": spec.family, "difficulty": spec.difficulty,
                     "path": str(spec.directory), "file": str(spec.candidate_file), "statement": statement,
                     "hints": len(spec.hints), "status": standing.status if standing else None,
                     "best_score": standing.best_score if standing else None})
        return
    status = status_cell(standing)
    console.print(Panel(f"[bold]{escape(spec.title)}[/]  {escape(spec.id)} · {spec.family} · {spec.difficulty} · {status}\n"
                        f"edit [bold]{escape(str(spec.candidate_file))}[/], then run "
                        f"[bold]grade {escape(spec.id)}[/] ({len(spec.hints)} hints: grade hint {escape(spec.id)})",
                        expand=False))
    console.print(Markdown(statement))


def hint_command(exercise: ExerciseArgument, root: RootOption = None, as_json: JsonFlag = False,
                 gradebook: GradebookOption = None) -> None:
    """Reveal the next hint of an exercise (one at a time; the gradebook counts how many were seen)."""
    spec = _spec(exercise, root)
    total = len(spec.hints)
    try:
        with Gradebook(gradebook) as book:
            number = book.reveal_hint(spec.id, total) if total else None
            seen = book.hints_seen(spec.id)
    except Exception as exc:  # noqa: BLE001 - sqlite3 errors too
        raise UsageError(f"cannot record the hint in the gradebook: {exc}") from None
    hint = spec.hints[number - 1] if number else None
    if as_json:
        _print_json({"id": spec.id, "number": number, "hint": hint, "seen": seen, "total": total,
                     "remaining": total - seen, "seen_hints": list(spec.hints[:seen])})
        return
    if hint is not None and number is not None:
        console.print(Panel(escape(hint), title=f"hint {number}/{total} — {escape(spec.id)}", title_align="left",
                            expand=False))
        left = total - number
        console.print(f"{left} more hint{'s' if left != 1 else ''}" if left else "that was the last hint", markup=False)
    elif total == 0:
        console.print(f"{spec.id} has no hints", markup=False)
    else:
        console.print(f"no more hints: all {total} hints of {spec.id} were shown already:", markup=False)
        for index, text in enumerate(spec.hints, 1):
            console.print(f"  {index}. {text}", markup=False, soft_wrap=True)


def reset_command(exercise: ExerciseArgument, root: RootOption = None,
                  rev: Annotated[str, typer.Option(help="The git revision whose committed file is the stub "
                                                   "(when there is no <file>.stub copy).")] = "HEAD",
                  as_json: JsonFlag = False) -> None:
    """Restore the stub of an exercise, keeping a timestamped backup of your work in <exercise>/.backups/."""
    spec = _spec(exercise, root)
    try:
        outcome = workflow.reset(spec, rev)
    except OSError as exc:
        raise UsageError(f"cannot reset {spec.candidate_file}: {exc}") from None
    if as_json:
        _print_json({"id": spec.id, "file": str(outcome.file), "stub": outcome.origin, "changed": outcome.changed,
                     "backup": str(outcome.backup) if outcome.backup else None})
        return
    if not outcome.changed:
        console.print(f"{outcome.file} is already the stub ({outcome.origin}); nothing to do", markup=False,
                      soft_wrap=True)
        return
    if outcome.backup is not None:
        console.print(f"your work is saved in {outcome.backup}", markup=False, soft_wrap=True)
    console.print(f"restored {outcome.file} from {outcome.origin}", markup=False, soft_wrap=True)


def progress_command(path: Annotated[Path, typer.Argument(help="A folder of exercises.")] = Path("exercises"),
                     as_json: JsonFlag = False, gradebook: GradebookOption = None) -> None:
    """Completion per family: exercises passed out of the total."""
    specs = [load_spec(directory) for directory in discover(path)]
    standings = standings_or_warn(gradebook, specs)
    families = workflow.family_progress(specs, standings or {})
    passed, total = sum(f.passed for f in families), sum(f.total for f in families)
    if as_json:
        _print_json({"families": [{"family": f.family, "passed": f.passed, "failing": f.failing,
                                   "not_tried": f.not_tried, "total": f.total} for f in families],
                     "passed": passed, "total": total})
        return
    table = Table("family", "progress", "passed", "failing", "not tried", title=f"{passed}/{total} exercises passed",
                  title_justify="left")
    for family in families:
        table.add_row(family.family, ProgressBar(total=family.total, completed=family.passed, width=30,
                                                 complete_style="green", finished_style="bold green"),
                      f"{family.passed}/{family.total}", str(family.failing), str(family.not_tried))
    console.print(table)


def history_command(exercise: ExerciseArgument, root: RootOption = None,
                    candidate: Annotated[str | None, typer.Option(help="A candidate's attempts recorded by "
                                                                  "`grade batch` (default: your own).")] = None,
                    limit: Annotated[int, typer.Option(help="Show at most this many (newest first); 0: all.")] = 20,
                    as_json: JsonFlag = False, gradebook: GradebookOption = None) -> None:
    """Past attempts at an exercise: time, score, verdict, misconceptions."""
    try:
        exercise_id, unknown = workflow.resolve_one(exercise, root).id, None
    except (workflow.WorkflowError, SpecError) as exc:
        exercise_id, unknown = exercise, str(exc)  # an exercise no longer in the bank still has its history
    try:
        with Gradebook(gradebook, create=False) as book:
            attempts = book.attempts(exercise_id, candidate=candidate, limit=limit or None)
    except Exception as exc:  # noqa: BLE001 - sqlite3 errors too
        raise UsageError(f"cannot read the gradebook: {exc}") from None
    if unknown is not None and not attempts:
        raise UsageError(unknown)
    if as_json:
        _print_json({"id": exercise_id, "candidate": candidate, "attempts": [a.as_json() for a in attempts]})
        return
    if not attempts:
        console.print(f"no attempts at {exercise_id} recorded yet", markup=False)
        return
    table = Table("time", "score", "verdict", "cases", "misconceptions", "files",
                  title=f"{escape(exercise_id)}: {len(attempts)} attempt(s), newest first", title_justify="left")
    for column in (0, 2):  # time, verdict
        table.columns[column].no_wrap = True
    for attempt in attempts:
        passed = sum(c.verdict == "passed" for c in attempt.cases)
        verdict = ("[magenta]ungradable[/]" if attempt.ungradable
                   else f"[{'green' if attempt.passed else 'red'}]{escape(attempt.verdict)}[/]")
        notes = escape(", ".join(attempt.misconceptions)) + (f"[dim]{escape(attempt.note)}[/]" if attempt.note else "")
        table.add_row(_local_time(attempt.time), "–" if attempt.ungradable else f"{attempt.score:.0%}", verdict,
                      f"{passed}/{len(attempt.cases)}", notes, (attempt.files_sha256 or "")[:10])
    console.print(table)


def notebook_command(exercise: ExerciseArgument, root: RootOption = None,
                     out: Annotated[Path | None, typer.Option(help="Where to write the notebook "
                                                              "(default ./<exercise name>.ipynb).")] = None,
                     force: Annotated[bool, typer.Option(help="Overwrite an existing file.")] = False) -> None:
    """Write a notebook version of an exercise: the statement, then the stub in a cell tagged `solution`."""
    spec = _spec(exercise, root)
    if spec.entrypoint.kind == "sql":
        raise UsageError(f"{spec.id} is a SQL exercise: write its query in {spec.entrypoint.file}, not a notebook")
    target = out or Path(f"{spec.directory.name}.ipynb")
    if target.exists() and not force:
        raise UsageError(f"{target} exists: pass --force to overwrite it, or --out FILE")
    try:
        statement = (spec.directory / "README.md").read_text(encoding="utf-8")
        try:
            stub = workflow.find_stub(spec).text
        except workflow.WorkflowError:
            stub = spec.candidate_file.read_text(encoding="utf-8")  # no pristine copy: the file as it is
        write_notebook(stub_notebook(spec.title, statement, stub, f"grade {spec.id} --submission {target}"), target)
    except (OSError, UnicodeDecodeError) as exc:
        raise UsageError(f"cannot write the notebook: {exc}") from None
    console.print(f"wrote {target}: edit the cell tagged `solution`, then run "
                     f"grade {spec.id} --submission {target}", markup=False, soft_wrap=True)


def watch_command(exercise: ExerciseArgument, root: RootOption = None,
                  submission: Annotated[Path | None, typer.Option(help="Watch and grade this file (.py or .ipynb) "
                                                                  "instead of the exercise's own.")] = None,
                  bank: Annotated[Path | None, typer.Option(help="The private bank (default $MLGRADE_BANK).")] = None,
                  sandbox: Annotated[SandboxKind, typer.Option(help="docker (default) or local.")] = SandboxKind.DOCKER,
                  interval: Annotated[float, typer.Option(help="Seconds between checks of the file.")] = 0.2,
                  debounce: Annotated[float, typer.Option(help="Regrade once the file has been still this "
                                                          "long (seconds).")] = 0.3,
                  gradebook: GradebookOption = None,
                  verbose: Annotated[bool, typer.Option("--verbose", "-v", help="A row per case instead of failing "
                                                        "cases grouped by reason.")] = False) -> None:
    """Regrade an exercise every time its file is saved (Ctrl-C stops)."""
    if submission is not None and not submission.is_file():
        raise UsageError(f"--submission {submission} {'is not a file' if submission.exists() else 'does not exist'}")
    spec = _spec(exercise, root)
    watched = submission or spec.candidate_file
    with grading_options(sandbox, bank, warm_per_key=1) as options:
        _watch(spec, watched, submission, options, gradebook, interval, debounce, verbose)


def _watch(spec: ExerciseSpec, watched: Path, submission: Path | None, options: GradeOptions, gradebook: Path | None,
           interval: float, debounce: float, verbose: bool) -> None:
    """Grade, print, wait for a save, again, until Ctrl-C or SIGTERM."""
    from ..terminal import exercise_summary, exercise_table, safe

    count = 0
    try:
        while True:
            count += 1
            console.clear()
            with console.status(f"grading {spec.id}…"):
                outcome = _grade_once(spec.directory, submission, options, gradebook)
            stamp = time.strftime("%H:%M:%S")
            if isinstance(outcome, str):
                console.print(f"[bold red]not graded[/] ({stamp}, run {count}): {safe(outcome)}")
            else:
                result = outcome.exercises[0]
                style = "green" if result.passed else "magenta" if result.verdict.value == "ungradable" else "red"
                console.print(f"[bold {style}]{escape(spec.id)}: {result.verdict.value} ({result.score:.0%})[/] "
                              f"— graded at {stamp} (run {count})")
                console.print(exercise_table(result) if verbose else exercise_summary(result))
            console.print(f"[dim]watching {escape(str(watched))}: save it to regrade, Ctrl-C to stop[/]")
            workflow.wait_for_change(watched, workflow.fingerprint(watched), interval, debounce)
    except (KeyboardInterrupt, Interrupted) as stop:
        # Stopping is what was asked: a second Ctrl-C must not cut short the clean-up (the warm pool's and the
        # container removals at exit) nor turn the exit status 0 into an interruption.
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        detail = f" ({stop})" if isinstance(stop, Interrupted) else ""
        errors.print(f"stopped watching{safe(detail)}", markup=True)


def _grade_once(directory: Path, submission: Path | None, options: GradeOptions, book: Path | None) -> RunResult | str:
    """Grade once and record the attempt; the problem as text when it could not be graded. Interrupted
    (Ctrl-C, SIGTERM) propagates: the watch ends."""
    assembled = None
    try:
        if submission is not None and is_notebook_path(submission):
            assembled = workflow.notebook_submission(submission, directory)
        graded = assembled.module if assembled is not None else submission
        run = grade_path(directory, dataclasses.replace(options, submission=graded), lambda _m: None,
                         threading.Event())
        if assembled is not None:
            workflow.in_notebook_cells(run, assembled)
    except Interrupted:
        raise
    except (MlgradeError, OSError) as exc:  # a broken save or notebook: say so and keep watching
        return str(exc)
    record(run, submission, book)
    return run


def register(app: typer.Typer) -> None:
    """Add the workflow commands to the `grade` app."""
    for name, command in (("show", show_command), ("watch", watch_command), ("hint", hint_command),
                          ("reset", reset_command), ("progress", progress_command), ("history", history_command),
                          ("notebook", notebook_command)):
        app.command(name, help=(command.__doc__ or "").strip())(command)
