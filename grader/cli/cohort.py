"""`grade batch` and `grade report`: a cohort's submissions graded, and reports rendered from results documents."""

from __future__ import annotations

import os
import threading
from pathlib import Path
from typing import Annotated, Any

import typer

from ..bank import bank_from_env, discover
from ..errors import UsageError
from ..options import GradeOptions
from ..results import SandboxKind
from ..terminal import safe
from .app import app
from .common import BankOption, GradebookOption, console, ensure_image, errors, write_reports_or_fail


@app.command("batch", help="Grade many candidates' submissions (one file or folder each, in SUBMISSIONS) against "
                           "the exercise(s) at PATH, in parallel. Resumable: candidates with a results document in "
                           "--out are skipped.")
def batch_command(
    submissions: Annotated[Path, typer.Argument(help="A folder holding one file or folder per candidate.")],
    exercise: Annotated[Path, typer.Option("--exercise", help="The exercise (or folder of exercises) to grade.")],
    out: Annotated[Path, typer.Option(help="Where each candidate's results document is written.")] = Path("results"),
    jobs: Annotated[int, typer.Option("--jobs", "-j", help="Candidates graded at once.")] = os.cpu_count() or 2,
    bank: BankOption = None,
    sandbox: Annotated[SandboxKind, typer.Option(help="docker (default) or local.")] = SandboxKind.DOCKER,
    gradebook: GradebookOption = None,
) -> None:
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from sandbox.pool import WarmPool

    from ..batch import find_candidates, run_batch

    candidates = find_candidates(submissions)
    discover(exercise)
    image = ensure_image() if sandbox is SandboxKind.DOCKER else ""
    pool = WarmPool(image, per_key=jobs) if sandbox is SandboxKind.DOCKER else None
    options = GradeOptions(sandbox=sandbox, image=image, bank=bank_from_env(bank), pool=pool)
    statuses: list[int] = []
    columns = (TextColumn("grading"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    try:
        with Progress(*columns, console=errors) as progress:
            task = progress.add_task("batch", total=len(candidates))

            def done(outcome: Any) -> None:
                progress.advance(task)
                statuses.append(outcome.status)
                if outcome.error:
                    errors.print(f"[red]{safe(outcome.candidate.name)}: not graded[/] ({safe(outcome.error)})", markup=True)
                if outcome.warning and not warned:
                    warned.append(outcome.warning)  # once: the same gradebook problem repeats per candidate
                    errors.print(f"warning: {outcome.warning}", markup=False, style="yellow")

            warned: list[str] = []
            outcomes = run_batch(exercise, candidates, out, jobs, options, threading.Event(), on_done=done,
                                 gradebook=gradebook)
    finally:
        if pool is not None:
            pool.close()
    skipped = sum(o.skipped for o in outcomes)
    console.print(f"{len(outcomes) - skipped} graded, {skipped} already recorded, results in {out}")
    raise typer.Exit(max(statuses, default=0))


@app.command("report", help="Render reports from results documents (`grade PATH --json FILE`): one document gives "
                            "its feedback report, several give a cohort report (HTML).")
def report_command(
    documents: Annotated[list[Path], typer.Argument(help="Results JSON files.", metavar="RESULTS.json")],
    html_out: Annotated[Path | None, typer.Option("--html", help="Write the HTML report (the cohort report for "
                                                  "several documents) here.")] = None,
    junit_out: Annotated[Path | None, typer.Option("--junit", help="Write JUnit XML here (one document).")] = None,
    markdown_out: Annotated[Path | None, typer.Option("--markdown", help="Write a Markdown summary here "
                                                      "(one document).")] = None,
    names: Annotated[list[str] | None, typer.Option("--name", metavar="NAME", help="Cohort report: the candidate's "
                                                    "name for each document, in order (default: the file stems).")] = None,
) -> None:
    from reports import DocumentError, load_document, render_cohort

    if html_out is None and junit_out is None and markdown_out is None:
        raise UsageError("nothing to write: pass --html FILE, --junit FILE and/or --markdown FILE")
    if len(documents) > 1 and (junit_out is not None or markdown_out is not None):
        raise UsageError("--junit and --markdown take one results document; several make a cohort report (--html)")
    if names and len(names) != len(documents):
        raise UsageError(f"--name was given {len(names)} times for {len(documents)} documents")
    try:
        loaded = [load_document(path) for path in documents]
    except DocumentError as exc:
        raise UsageError(str(exc)) from None
    if len(loaded) == 1:
        written = write_reports_or_fail(loaded[0], html=html_out, junit=junit_out, markdown=markdown_out)
    else:
        assert html_out is not None
        try:
            html_out.write_text(render_cohort(loaded, names or [path.stem for path in documents]), encoding="utf-8")
        except OSError as exc:
            raise UsageError(f"cannot write a report: {exc}") from None
        written = [html_out]
    console.print("wrote " + ", ".join(map(str, written)), markup=False)
