"""`grade batch` and `grade report`: a cohort's submissions graded, and reports rendered from results documents."""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import quote

import typer
from rich.table import Table

from ..bank import bank_from_env, discover
from ..errors import ExitStatus, UsageError
from ..options import GradeOptions
from ..results import SandboxKind
from ..scrub import shown
from ..terminal import safe
from .app import app
from .common import (
    AssignmentOption,
    BankOption,
    GradebookOption,
    GradescopeOption,
    assignment_from,
    check_output_files,
    check_output_folder,
    console,
    errors,
    grading_options,
    write_reports_or_fail,
)

PROGRESS_SECONDS = 10.0  # without a terminal (CI logs): a progress line this often
COHORT_HTML = "cohort.html"
SIMILARITY_HTML = "similarity.html"
CANDIDATES_DIR = "candidates"  # beside cohort.html: a candidate named "cohort" cannot overwrite it

SubmissionsArgument = Annotated[Path, typer.Argument(help="A folder holding one folder or solution file per "
                                                          "candidate.", metavar="SUBMISSIONS")]
ExerciseOption = Annotated[Path, typer.Option("--exercise", help="The exercise (or folder of exercises) the candidates "
                                                                 "submitted.")]


@app.command("batch", help="Grade many candidates' submissions against the exercise(s) at --exercise, in parallel. "
                           "SUBMISSIONS holds one folder (laid out like the exercise path) or one .py, .sql or .ipynb "
                           "file per candidate; anything else there is skipped. Prints the candidates ranked by "
                           "exercises passed, then score. Resumable: a candidate whose files are those its results "
                           "document in --out graded is not graded again (--force regrades everyone). With --broker, "
                           "`grade worker` hosts grade the candidates and each document is written once as it "
                           "arrives (docs/scale.md).")
def batch_command(
    submissions: SubmissionsArgument,
    exercise: ExerciseOption,
    out: Annotated[Path, typer.Option(help="The folder where each candidate's results document is written "
                                           "(created when missing).")] = Path("results"),
    jobs: Annotated[int, typer.Option("--jobs", "-j", help="Candidates graded at once.")] = os.cpu_count() or 2,
    force: Annotated[bool, typer.Option("--force", help="Grade every candidate again, even those whose files "
                                                        "are unchanged since their results document.")] = False,
    html_dir: Annotated[Path | None, typer.Option("--html", metavar="DIR", help="Write the cohort report "
                                                  "(cohort.html) and every candidate's report (candidates/NAME.html), "
                                                  "linked from it, into this folder.")] = None,
    csv_out: Annotated[Path | None, typer.Option("--csv", metavar="FILE", help="Write the cohort as CSV: one row "
                                                 "per candidate, one column per exercise.")] = None,
    bank: BankOption = None,
    sandbox: Annotated[SandboxKind, typer.Option(help="docker (default) or local.")] = SandboxKind.DOCKER,
    gradebook: GradebookOption = None,
    assignment: AssignmentOption = None,
    broker: Annotated[str | None, typer.Option("--broker", metavar="URL", help="Send the candidates to `grade "
                                               "worker` hosts through this Redis broker (redis://:PASSWORD@host:6379/0"
                                               ", rediss:// for TLS) instead of grading here; --jobs, --sandbox and "
                                               "--gradebook are then the workers' business (docs/scale.md).")] = None,
) -> None:
    from dataclasses import replace

    from ..batch import Outcome, find_candidates, run_batch, skipped_entries

    check_output_folder("--out", out)  # every output is checked before anything is graded
    if html_dir is not None:
        check_output_folder("--html", html_dir)
    check_output_files(csv=csv_out)
    graded_assignment = assignment_from(assignment)
    candidates = find_candidates(submissions)
    for entry in skipped_entries(submissions):
        errors.print(f"skipped {shown(entry.name)}: not a submission (a folder, or a .py, .sql or .ipynb file)",
                     markup=False, soft_wrap=True)
    discover(exercise)
    warned: list[str] = []
    with _grading_options(sandbox, bank, jobs, broker) as options:
        options = replace(options, assignment=graded_assignment)
        with _Progress(len(candidates)) as advance:

            def done(outcome: Outcome) -> None:
                advance()
                if outcome.error:
                    errors.print(f"[red]{safe(outcome.candidate.name)}: not graded[/] ({safe(outcome.error)})",
                                 markup=True)
                if outcome.warning and not warned:
                    warned.append(outcome.warning)  # once: the same gradebook problem repeats per candidate
                    errors.print(f"warning: {outcome.warning}", markup=False, style="yellow")

            if broker is None:
                outcomes = run_batch(exercise, candidates, out, jobs, options, threading.Event(), on_done=done,
                                     gradebook=gradebook, force=force)
            else:
                from ..scale.coordinator import run_over_broker

                outcomes = run_over_broker(exercise, candidates, out, broker, options, threading.Event(),
                                           on_done=done, force=force,
                                           on_wait=lambda message: errors.print(message, markup=False, soft_wrap=True))
    graded = [o for o in sorted(outcomes, key=lambda o: o.candidate.name) if o.document is not None]
    names = [shown(o.candidate.name, limit=100) for o in graded]
    documents = [o.document for o in graded if o.document is not None]
    if documents:
        _print_ranking(documents, names)
    failed = [o for o in outcomes if o.document is None]
    if failed:
        console.print(f"not graded: {', '.join(shown(o.candidate.name) for o in failed)}", markup=False,
                      soft_wrap=True)
    similar = _similar(exercise, candidates, options.bank) if html_dir is not None and documents else None
    written = _write_cohort(documents, names, html_dir, csv_out, similar)
    skipped = sum(o.skipped for o in outcomes)
    console.print(f"{len(outcomes) - skipped - len(failed)} graded, {skipped} already recorded, "
                  f"{len(failed)} not graded; results in {out}", markup=False, soft_wrap=True)
    if written:
        console.print("wrote " + ", ".join(map(str, written)), markup=False, soft_wrap=True)
    raise typer.Exit(max((o.status for o in outcomes), default=ExitStatus.OK))


@contextmanager
def _grading_options(sandbox: SandboxKind, bank: Path | None, jobs: int, broker: str | None) -> Iterator[GradeOptions]:
    """The batch's grading options; with a broker the workers grade, so no sandbox image or pool is needed here."""
    if broker is not None:
        yield GradeOptions(sandbox=sandbox, bank=bank_from_env(bank))
        return
    with grading_options(sandbox, bank, warm_per_key=jobs) as options:
        yield options


class _Progress:
    """The batch's progress on stderr: a live bar on a terminal; elsewhere (CI logs) a plain line when the first
    candidate is graded, then every PROGRESS_SECONDS whatever happens (a long candidate still shows the batch
    is alive), and when the last one is."""

    def __init__(self, total: int) -> None:
        self.total, self.done, self.started = total, 0, time.monotonic()
        self.stop = threading.Event()
        self.bar: Any = None

    def __enter__(self) -> Callable[[], None]:
        if errors.is_terminal:
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

            self.bar = Progress(TextColumn("grading"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                                console=errors)
            self.bar.__enter__()
            self.task = self.bar.add_task("batch", total=self.total)
        else:
            threading.Thread(target=self._periodically, daemon=True).start()
        return self.advance

    def advance(self) -> None:
        self.done += 1
        if self.bar is not None:
            self.bar.advance(self.task)
        elif self.done in (1, self.total):
            self._line()

    def _periodically(self) -> None:
        while not self.stop.wait(PROGRESS_SECONDS):
            self._line()

    def _line(self) -> None:
        errors.print(f"graded {self.done}/{self.total} candidates ({time.monotonic() - self.started:.0f} s)",
                     markup=False)

    def __exit__(self, *exc: object) -> None:
        self.stop.set()
        if self.bar is not None:
            self.bar.__exit__(*exc)


def _print_ranking(documents: Sequence[dict[str, Any]], names: Sequence[str]) -> None:
    """The candidates, best first: rank, name, exercises passed, score (with an assignment's points), time, the
    exercises' verdicts."""
    from reports.cohort import duration, ranked
    from reports.format import points

    rows = ranked(documents, names)
    by_points = any(row["max_points"] is not None for row in rows)
    table = Table("#", "candidate", "passed", "score", "time", "verdicts", title="Candidates, ranked by "
                  + ("points, then exercises passed" if by_points else "exercises passed, then score"),
                  title_justify="left")
    for column in (2, 3, 4):
        table.columns[column].justify = "right"
        table.columns[column].no_wrap = True
    for row in rows:
        style = "green" if row["exercises_passed"] == row["exercises"] else "red" if not row["exercises_passed"] else ""
        score = f"{row['score']:.0%}"
        if row["max_points"] is not None:
            score += f" ({points(row['points'], row['max_points'])})"
        table.add_row(str(row["rank"]), safe(row["name"]), f"{row['exercises_passed']}/{row['exercises']}", score,
                      duration(row["seconds"]), safe(row["verdict_summary"]), style=style)
    console.print(table)


def _similar(exercise: Path, candidates: Sequence[Any], bank: Path | None, threshold: float | None = None,
             min_characters: int | None = None) -> list[dict[str, Any]]:
    """The flagged pairs of CANDIDATES' files for the exercises at EXERCISE as plain data, names made safe to show."""
    from dataclasses import asdict

    from .. import similarity
    from ..batch import candidate_sources

    pairs = similarity.similar_pairs(*candidate_sources(exercise, candidates, bank),
                                     threshold=similarity.DEFAULT_THRESHOLD if threshold is None else threshold,
                                     min_characters=similarity.DEFAULT_MIN_CHARACTERS if min_characters is None
                                     else min_characters)
    found = []
    for pair in pairs:
        data = asdict(pair)
        for side in ("first", "second"):
            data[side]["candidate"] = shown(data[side]["candidate"], limit=100)
        found.append(data)
    return found


def _write_cohort(documents: Sequence[dict[str, Any]], names: Sequence[str], html_dir: Path | None,
                  csv_out: Path | None, similar: list[dict[str, Any]] | None = None) -> list[Path]:
    """With HTML_DIR, every candidate's report, the cohort report linking to them and, with SIMILAR (the flagged
    pairs), their side-by-side view; with CSV_OUT, the CSV."""
    from reports import render_cohort, render_cohort_csv, render_html, render_similarity

    written = []
    try:
        if html_dir is not None and documents:
            (html_dir / CANDIDATES_DIR).mkdir(parents=True, exist_ok=True)
            links = []
            for name, document in zip(names, documents, strict=True):
                report = html_dir / CANDIDATES_DIR / f"{name}.html"
                report.write_text(render_html(document, candidate=name), encoding="utf-8")
                links.append(f"{CANDIDATES_DIR}/{quote(name)}.html")
            if similar:
                (html_dir / SIMILARITY_HTML).write_text(render_similarity(similar), encoding="utf-8")
                written.append(html_dir / SIMILARITY_HTML)
            (html_dir / COHORT_HTML).write_text(render_cohort(documents, names, links, similar, SIMILARITY_HTML),
                                                encoding="utf-8")
            written.append(html_dir / COHORT_HTML)
        if csv_out is not None and documents:
            csv_out.write_text(render_cohort_csv(documents, names), encoding="utf-8")
            written.append(csv_out)
    except OSError as exc:
        raise UsageError(f"cannot write a report: {exc}") from None
    return written


@app.command("report", help="Render reports from results documents (`grade PATH --json FILE`, `grade batch --out DIR`): "
                            "one document gives its feedback report; several, or a results folder, give the cohort "
                            "report (--html) and the cohort CSV (--csv).")
def report_command(
    documents: Annotated[list[Path], typer.Argument(help="Results JSON files, or folders of them (every *.json "
                                                    "inside, e.g. the --out folder of `grade batch`).",
                                               metavar="RESULTS.json|DIR")],
    html_out: Annotated[Path | None, typer.Option("--html", help="Write the HTML report (the cohort report for "
                                                  "several documents) here.")] = None,
    junit_out: Annotated[Path | None, typer.Option("--junit", help="Write JUnit XML here (one document).")] = None,
    markdown_out: Annotated[Path | None, typer.Option("--markdown", help="Write a Markdown summary here "
                                                      "(one document).")] = None,
    csv_out: Annotated[Path | None, typer.Option("--csv", metavar="FILE", help="Write the cohort as CSV here: one "
                                                 "row per candidate, one column per exercise.")] = None,
    names: Annotated[list[str] | None, typer.Option("--name", metavar="NAME", help="The candidate's name for each "
                                                    "document, in order (default: the file stems; one document: "
                                                    "no name).")] = None,
    gradescope: GradescopeOption = None,
) -> None:
    from reports import DocumentError, load_document, render_cohort, render_cohort_csv

    if html_out is None and junit_out is None and markdown_out is None and csv_out is None and gradescope is None:
        raise UsageError("nothing to write: pass --html FILE, --junit FILE, --markdown FILE, --gradescope FILE "
                         "and/or --csv FILE")
    check_output_files(html=html_out, junit=junit_out, markdown=markdown_out, csv=csv_out, gradescope=gradescope)
    paths = _document_paths(documents)
    cohort = len(paths) > 1 or any(path.is_dir() for path in documents)
    if cohort and (junit_out is not None or markdown_out is not None or gradescope is not None):
        raise UsageError("--junit, --markdown and --gradescope take one results document; several make a cohort "
                         "report (--html, --csv)")
    if names and len(names) != len(paths):
        raise UsageError(f"--name was given {len(names)} times for {len(paths)} documents")
    try:
        loaded = [load_document(path) for path in paths]
    except DocumentError as exc:
        raise UsageError(str(exc)) from None
    labels = [shown(name, limit=100) for name in (names or [path.stem for path in paths])]
    if not cohort:
        written = write_reports_or_fail(loaded[0], html=html_out, junit=junit_out, markdown=markdown_out,
                                        gradescope=gradescope, candidate=labels[0] if names else None)
    else:
        written = [html_out] if html_out is not None else []
    try:
        if cohort and html_out is not None:
            html_out.write_text(render_cohort(loaded, labels), encoding="utf-8")
        if csv_out is not None:
            csv_out.write_text(render_cohort_csv(loaded, labels), encoding="utf-8")
            written.append(csv_out)
    except OSError as exc:
        raise UsageError(f"cannot write a report: {exc}") from None
    console.print("wrote " + ", ".join(map(str, written)), markup=False)


def _document_paths(arguments: Sequence[Path]) -> list[Path]:
    """The results files named: a file as it is, a folder as every *.json file in it (by name)."""
    paths: list[Path] = []
    for argument in arguments:
        if argument.is_dir():
            found = sorted(p for p in argument.glob("*.json") if p.is_file() and not p.name.startswith("."))
            if not found:
                raise UsageError(f"{argument} holds no results documents (*.json)")
            paths += found
        else:
            paths.append(argument)
    return paths


@app.command("similarity", help="Flag pairs of candidates whose files for one exercise are near-identical once "
                                "names, comments and layout are set aside (copydetect's winnowed fingerprints; the "
                                "exercise's stub does not count). SUBMISSIONS is laid out as for `grade batch`. "
                                "Exit 1 when a pair is flagged, 0 when none is.")
def similarity_command(
    submissions: SubmissionsArgument,
    exercise: ExerciseOption,
    html_out: Annotated[Path | None, typer.Option("--html", metavar="FILE", help="Write the flagged pairs side by "
                                                  "side, the shared code highlighted.")] = None,
    threshold: Annotated[float, typer.Option(help="The share of each file that must be shared.", min=0.0, max=1.0)]
    = 0.9,
    min_characters: Annotated[int, typer.Option(help="The shared code's least length, in characters after each name "
                                                     "is cut to one letter (two short correct answers are alike by "
                                                     "necessity).", min=1)] = 200,
    bank: BankOption = None,
) -> None:
    from reports import render_similarity

    from ..bank import bank_from_env
    from ..batch import find_candidates

    check_output_files(html=html_out)
    candidates = find_candidates(submissions)
    pairs = _similar(exercise, candidates, bank_from_env(bank), threshold, min_characters)
    if pairs:
        table = Table("exercise", "candidates", "shared", title=f"{len(pairs)} similar pair(s) among "
                      f"{len(candidates)} candidates", title_justify="left")
        for pair in pairs:
            table.add_row(safe(pair["exercise"]), safe(f"{pair['first']['candidate']} and "
                                                       f"{pair['second']['candidate']}"),
                          f"{pair['first_share']:.0%} / {pair['second_share']:.0%}")
        console.print(table)
    else:
        console.print(f"no similar pairs among {len(candidates)} candidates", markup=False, soft_wrap=True)
    if html_out is not None:
        try:
            html_out.write_text(render_similarity(pairs), encoding="utf-8")
        except OSError as exc:
            raise UsageError(f"cannot write a report: {exc}") from None
        console.print(f"wrote {html_out}", markup=False, soft_wrap=True)
    raise typer.Exit(ExitStatus.NOT_PASSED if pairs else ExitStatus.OK)
