"""`grade interview`: a mock interview on unseen exercises under a clock, driven by one-letter commands read
from standard input; the session and the report are grader/interview.py's.

The prompt loop takes its clock and its line reader as arguments (`run_interview`), so that tests drive it
with a fake clock and no sleeps; the command passes time.monotonic and standard input."""

from __future__ import annotations

import datetime as dt
import queue
import random
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated

import typer
from rich import box
from rich.markdown import Markdown
from rich.markup import escape
from rich.table import Table

from .. import workflow
from ..bank import load_specs, select
from ..errors import ExitStatus, Interrupted, MlgradeError, UsageError
from ..gradebook import Gradebook
from ..grading import grade_path
from ..interview import Session, format_time, new_session, pick, unfinished_session, write_report
from ..options import GradeOptions
from ..results import RunResult, SandboxKind, Verdict
from ..scrub import scrub
from ..spec import Difficulty, Family, load_spec
from ..terminal import print_run, safe
from .app import app
from .common import BankOption, GradebookOption, console, errors, grading_options

TIMEOUT = object()  # what a reader returns when no line came before the time left ran out
Reader = Callable[[float], "str | None | object"]  # a line, None at end of input, or TIMEOUT
Clock = Callable[[], float]


@dataclass(frozen=True)
class Desk:
    """What the loop does outside the session: grade an exercise folder (recorded in the gradebook), and reveal
    its next hint (the text to print, and whether a new hint was revealed)."""

    grade: Callable[[Path], RunResult]
    hint: Callable[[Path], tuple[str, bool]]

HELP = """commands:
  g [N]   grade exercise N (default: the current one), recorded in the gradebook
  hint    the current exercise's next hint (counted in the report)
  n       next exercise: make it current and show its statement
  o N     open exercise N: make it current and show its statement
  s       status: time used and left, per exercise
  q       finish the interview and write the report
  ?       this help
Ctrl-C pauses the interview (its clock stops); `grade interview --resume` continues it."""


@app.command("interview", help="A mock interview: picks exercises you have not tried whose estimated solve "
                               "times fit in --minutes (else ones you have not passed, and says so), shows the "
                               "statements, starts a clock and reads commands (g [N] grade, hint, n next, "
                               "o N open, s status, q finish). When time is up or you finish, writes a report of the "
                               "time spent and the attempts per exercise. Ctrl-C pauses; --resume continues.")
def interview_command(
    path: Annotated[Path, typer.Argument(help="A folder of exercises.")] = Path("exercises"),
    family: Annotated[list[Family] | None, typer.Option(help="Only this family (repeat for several).")] = None,
    difficulty: Annotated[list[Difficulty] | None, typer.Option(help="Only this difficulty (repeat for "
                                                                "several).")] = None,
    tag: Annotated[list[str] | None, typer.Option(help="Only exercises with this tag (repeat: all of them).")] = None,
    minutes: Annotated[int, typer.Option(help="The time budget.", min=1, max=600)] = 45,
    seed: Annotated[int | None, typer.Option(help="Seed of the pick (default: a new one, printed with the "
                                             "plan).")] = None,
    resume: Annotated[bool, typer.Option("--resume", help="Continue the newest unfinished interview (the "
                                         "other options of the pick are ignored).")] = False,
    bank: BankOption = None,
    sandbox: Annotated[SandboxKind, typer.Option(help="docker (default) or local.")] = SandboxKind.DOCKER,
    gradebook: GradebookOption = None,
) -> None:
    session = unfinished_session() if resume else _new(path, family, difficulty, tag, minutes, seed, gradebook)
    with grading_options(sandbox, bank, warm_per_key=1) as options:
        session.save()
        status = run_interview(session, StdinLines(), time.monotonic, _desk(options, gradebook), resumed=resume)
    raise typer.Exit(status)


def _new(path: Path, family: list[Family] | None, difficulty: list[Difficulty] | None, tag: list[str] | None,
         minutes: int, seed: int | None, gradebook: Path | None) -> Session:
    specs, broken = load_specs(path)
    for error in broken:
        errors.print(f"[yellow]left out:[/] {escape(str(error))}", soft_wrap=True)
    matching = select(specs, family, difficulty, tag)
    if not matching:
        raise UsageError(f"no exercise under {path} matches the --family / --difficulty / --tag given")
    try:
        standings = workflow.standings(gradebook, matching)
    except Exception as exc:  # noqa: BLE001 - sqlite3 errors too: without standings, "unseen" means nothing
        raise UsageError(f"cannot read the gradebook to find unseen exercises: {exc}") from None
    seed = seed if seed is not None else random.SystemRandom().randrange(1_000_000)
    plan = pick(matching, standings, minutes, seed)
    return new_session(plan, minutes, seed, dt.datetime.now(dt.UTC))


def _desk(options: GradeOptions, gradebook: Path | None) -> Desk:
    """Grading as `grade PATH` does (the one grading loop, recorded in the gradebook); hints as `grade hint`."""
    from .workflow import record

    def grade(directory: Path) -> RunResult:
        with console.status("grading…") as status:
            run = grade_path(directory, options, lambda message: status.update(message), threading.Event())
        record(run, None, gradebook)
        return run

    def hint(directory: Path) -> tuple[str, bool]:
        spec = load_spec(directory)
        try:
            with Gradebook(gradebook) as book:
                number = book.reveal_hint(spec.id, len(spec.hints)) if spec.hints else None
        except Exception as exc:  # noqa: BLE001 - sqlite3 errors too: the interview goes on
            return f"the hint could not be recorded in the gradebook: {exc}", False
        if number is None:
            return f"{spec.id} has no more hints ({len(spec.hints)} in all: `grade hint` lists them after)", False
        return f"hint {number}/{len(spec.hints)}: {spec.hints[number - 1]}", True

    return Desk(grade, hint)


class StdinLines:
    """Lines of standard input, read by a helper thread so that waiting for one can time out (the clock runs
    out at the prompt) and still be interrupted by Ctrl-C."""

    def __init__(self) -> None:
        self.lines: queue.Queue[str | None] = queue.Queue()
        threading.Thread(target=self._pump, daemon=True).start()

    def _pump(self) -> None:
        for line in sys.stdin:
            self.lines.put(line)
        self.lines.put(None)

    def __call__(self, timeout: float) -> str | None | object:
        try:
            return self.lines.get(timeout=max(timeout, 0.0))
        except queue.Empty:
            return TIMEOUT


def run_interview(session: Session, read: Reader, clock: Clock, desk: Desk, resumed: bool = False) -> int:
    """The prompt loop until the candidate finishes or time is up; the exit status (0: every exercise passed,
    1: not all). Ctrl-C, SIGTERM or the end of input pause the session (saved) and raise Interrupted."""
    session.start_clock(clock())
    try:
        if resumed:
            console.print(f"resuming interview {session.id}: {format_time(session.left)} left", markup=False)
            _print_status(session)
        else:
            _print_plan(session)
        _print_statement(session, session.current)
        while True:
            session.tick(clock())
            session.save()
            if session.time_is_up:
                console.print("[bold red]time is up[/]")
                return _finish(session, clock, "time is up")
            console.print(f"[dim]{format_time(session.left)} left · exercise {session.current + 1}/"
                          f"{len(session.exercises)}[/] > ", end="")
            line = read(session.left)
            session.tick(clock())  # the wait at the prompt is the current exercise's
            if line is None:
                break
            if isinstance(line, str) and _command(session, line.split(), clock, desk):
                return _finish(session, clock, "finished")
            if line is TIMEOUT:
                console.print()
    except (KeyboardInterrupt, Interrupted):  # Ctrl-C or SIGTERM, at the prompt or while grading
        console.print()
        raise Interrupted(_paused(session, clock, "interrupted")) from None
    console.print()
    raise Interrupted(_paused(session, clock, "end of input"))


def _command(session: Session, words: list[str], clock: Clock, desk: Desk) -> bool:
    """Carry out one command; True when the candidate finishes."""
    if not words:
        return False
    name, args = words[0].lower(), words[1:]
    if name in ("q", "quit", "finish"):
        return True
    if name in ("s", "status"):
        _print_status(session)
    elif name == "hint":
        planned = session.exercises[session.current]
        text, revealed = desk.hint(Path(planned.path))
        planned.hints += revealed
        console.print(f"exercise {session.current + 1}: {safe(text)}", soft_wrap=True)
    elif name in ("n", "next"):
        if session.current + 1 >= len(session.exercises):
            console.print("that was the last exercise: `o N` goes back to one, `q` finishes", markup=False)
        else:
            session.focus_on(session.current + 1, clock())
            _print_statement(session, session.current)
    elif name in ("o", "open", "g", "grade"):
        index = _index(session, args, name)
        if index is None:
            return False
        if name in ("o", "open"):
            session.focus_on(index, clock())
            _print_statement(session, index)
        else:
            _grade(session, index, clock, desk)
    else:
        console.print(HELP if name in ("?", "h", "help") else f"unknown command {scrub(name)}\n{HELP}", markup=False)
    return False


def _index(session: Session, args: list[str], name: str) -> int | None:
    """The exercise number in ARGS (1-based; default the current one for `g`), as an index; None (said) if bad."""
    if not args and name in ("g", "grade"):
        return session.current
    if len(args) == 1 and args[0].isdigit() and 1 <= int(args[0]) <= len(session.exercises):
        return int(args[0]) - 1
    console.print(f"{name} needs an exercise number from 1 to {len(session.exercises)}", markup=False)
    return None


def _grade(session: Session, index: int, clock: Clock, desk: Desk) -> None:
    session.focus_on(index, clock())
    at, planned = session.elapsed, session.exercises[index]
    try:
        run = desk.grade(Path(planned.path))
    except Interrupted:
        raise
    except MlgradeError as exc:  # a broken exercise or no sandbox: say so, the interview goes on
        console.print(f"[bold red]not graded:[/] {safe(str(exc))}", soft_wrap=True)
        return
    print_run(run, console)
    for result in run.exercises:
        if result.verdict is Verdict.UNGRADABLE:  # the infrastructure's fault, not an attempt of the candidate's
            console.print("this grading was ungradable (see above): it does not count as an attempt", markup=False)
        else:
            session.record(index, at, result)
    session.tick(clock())
    console.print(f"exercise {index + 1}: {planned.verdict} · {len(planned.attempts)} attempt(s) · "
                  f"{format_time(session.left)} left", markup=False)


def _paused(session: Session, clock: Clock, why: str) -> str:
    session.tick(clock())
    session.save()
    return (f"{why}: the interview is paused at {format_time(session.elapsed)} of "
            f"{format_time(session.budget)} (its clock stopped); `grade interview --resume` continues it")


def _finish(session: Session, clock: Clock, reason: str) -> int:
    session.finish(clock(), reason)
    session.save()
    report = write_report(session)
    _print_status(session, title=f"interview {reason}: {sum(e.verdict == 'passed' for e in session.exercises)}/"
                                 f"{len(session.exercises)} passed in {format_time(session.elapsed)}")
    console.print(f"report: {report}\nsession: {session.file}", markup=False, soft_wrap=True)
    passed = all(e.verdict == "passed" for e in session.exercises)
    return ExitStatus.OK if passed else ExitStatus.NOT_PASSED


def _print_plan(session: Session) -> None:
    if session.fallback:
        console.print("[yellow]every matching exercise was tried already: these are ones you have not passed yet[/]",
                      soft_wrap=True)
    table = Table("#", "exercise", "level", "est.", "title", box=box.SIMPLE_HEAD, title_style="bold",
                  title=f"mock interview: {len(session.exercises)} exercise(s) in {format_time(session.budget)} "
                        f"(seed {session.seed})", title_justify="left")
    for column in table.columns[:4]:
        column.no_wrap = True
    for number, planned in enumerate(session.exercises, 1):
        table.add_row(str(number), escape(planned.id), planned.difficulty, f"{planned.minutes} min",
                      escape(planned.title))
    console.print(table)
    console.print(f"the clock is running. {HELP}", markup=False)


def _print_statement(session: Session, index: int) -> None:
    from .workflow import read_statement

    planned = session.exercises[index]
    console.rule(f"exercise {index + 1}/{len(session.exercises)}: {escape(planned.id)} — {escape(planned.title)} "
                 f"({planned.difficulty}, about {planned.minutes} min)")
    console.print(Markdown(read_statement(load_spec(Path(planned.path)))))
    console.print(f"edit [bold]{escape(planned.file)}[/], then type [bold]g[/] to grade it")


def _print_status(session: Session, title: str | None = None) -> None:
    """Per exercise: the time spent on it against its estimate (red when over), the session time of its first
    pass, attempts, verdict and best score."""
    table = Table("#", "exercise", "spent / est.", "1st pass", "tries", "verdict", "best", box=box.SIMPLE_HEAD,
                  padding=(0, 1, 0, 0), pad_edge=False, show_edge=False,
                  title=title or f"{format_time(session.elapsed)} used, {format_time(session.left)} left",
                  title_justify="left", title_style="bold")
    for column in table.columns:
        column.no_wrap = True
    table.columns[1].min_width = min(40, max(len(e.id) for e in session.exercises))  # ids are not cut
    table.columns[5].no_wrap = False  # the verdict wraps first
    for number, planned in enumerate(session.exercises, 1):
        marker = "" if session.ended else " ←" if number - 1 == session.current else ""
        over = planned.focus > planned.minutes * 60
        spent = f"{'[red]' if over else ''}{format_time(planned.focus)}{'[/]' if over else ''} / {planned.minutes} min"
        best = "–" if planned.best_score is None else f"{planned.best_score:.0%}"
        table.add_row(f"{number}{marker}", escape(planned.id), spent, format_time(planned.first_pass),
                      str(len(planned.attempts)), "–" if not planned.attempts else planned.verdict, best)
    console.print(table)
