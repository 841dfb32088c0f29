"""The `grade` command. `grade PATH` grades; the other words are subcommands.

Exit status everywhere: 0 all passed, 1 graded but not all passed, 2 usage or infrastructure error.
"""

from __future__ import annotations

import json
import os
import signal
import sys
from dataclasses import replace
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.markup import escape
from rich.table import Table

from . import ci_cli, serve, workflow_cli
from .bank import BankError, bank_from_env, discover
from .cases import CaseError
from .cli_common import BankOption, GradebookOption, RootOption, SandboxKind, console, ensure_image, errors, fail
from .expected import BankCodeError
from .grading import GradeOptions, grade_path
from .results import Verdict, from_document, to_document, write_document
from .spec import SpecError
from .terminal import print_run

app = typer.Typer(add_completion=False, no_args_is_help=True, rich_markup_mode=None,
                  pretty_exceptions_enable=False,
                  help="Grade ML / data-science interview exercises in a Docker sandbox.\n\n"
                       "`grade PATH` grades every exercise at or under PATH. "
                       "Exit status: 0 all passed, 1 not all passed, 2 usage or infrastructure error.")
sandbox_app = typer.Typer(help="Build and maintain the sandbox image.", no_args_is_help=True)
app.add_typer(sandbox_app, name="sandbox")


@app.command("run", help="Grade the candidate's files of every exercise at or under PATH.")
def run_command(
    path: Annotated[Path, typer.Argument(help="An exercise folder or a folder of exercises, or an exercise id "
                                               "such as attention/multi_head.")],
    submission: Annotated[Path | None, typer.Option(help="Grade these files instead of the ones in PATH: "
                                                       "a file (one exercise; a .ipynb notebook too) or a folder "
                                                       "laid out like PATH.")] = None,
    json_out: Annotated[Path | None, typer.Option("--json", help="Write the results document here.")] = None,
    html_out: Annotated[Path | None, typer.Option("--html", help="Write the HTML feedback report here.")] = None,
    junit_out: Annotated[Path | None, typer.Option("--junit", help="Write JUnit XML (for CI) here.")] = None,
    markdown_out: Annotated[Path | None, typer.Option("--markdown", help="Write a Markdown summary here "
                                                      "(e.g. $GITHUB_STEP_SUMMARY).")] = None,
    bank: BankOption = None,
    sandbox: Annotated[SandboxKind, typer.Option(help="docker (default) or local: a plain process with "
                                                 "rlimits, weaker, labelled as such.")] = SandboxKind.docker,
    root: RootOption = None,
    gradebook: GradebookOption = None,
) -> None:
    from .workflow_cli import prepare_run, record, record_unavailable

    if submission is not None and not submission.exists():
        raise fail(f"--submission {submission} does not exist")
    path, submission, notebook = prepare_run(path, submission, root)  # ids → folders; notebooks → modules
    options = GradeOptions(sandbox=sandbox.value, bank=bank_from_env(bank), submission=submission)
    remote = sandbox is SandboxKind.docker and serve.answers()  # the server has its own engine and image
    if sandbox is SandboxKind.docker and not remote:
        try:
            options = replace(options, image=ensure_image())
        except typer.Exit:
            record_unavailable(path, sandbox.value, gradebook)
            raise
    try:
        with console.status("grading…") as status:
            if remote:
                status.update("grading on the warm grade server…")
                run = from_document(serve.grade_remotely(path, submission, options.bank))
            else:
                run = grade_path(path, options, progress=lambda message: status.update(message))
    except (SpecError, BankError, CaseError, BankCodeError, ValueError, RuntimeError) as exc:
        raise fail(str(exc)) from None
    except KeyboardInterrupt:
        raise fail("interrupted: nothing was recorded and the sandbox containers were removed; "
                   "run the same `grade` command again") from None
    print_run(run, console)
    record(run, path, submission, notebook, gradebook)  # a failure to record is a warning only
    if json_out is not None:
        write_document(run, json_out)
    if html_out is not None or junit_out is not None or markdown_out is not None:
        from reports import write_reports

        try:
            write_reports(to_document(run), html=html_out, junit=junit_out, markdown=markdown_out)
        except OSError as exc:
            raise fail(f"cannot write a report: {exc}") from None
    ungradable = {c.reason for e in run.exercises for c in e.cases if c.verdict is Verdict.UNGRADABLE}
    for reason in sorted(ungradable):
        errors.print(f"[bold red]ungradable:[/] {escape(reason)}", markup=True)
    raise typer.Exit(run.exit_status)


@sandbox_app.command("build", help="Build the sandbox image (no registry needed by default).")
def sandbox_build(
    base: Annotated[str | None, typer.Option(help="Base image with python3, e.g. python:3.11-slim where a "
                                                "registry is reachable. Default: a debootstrap Debian base.")] = None,
) -> None:
    from sandbox.image import build_image
    from sandbox.launcher import SandboxError

    try:
        tag = build_image(base=base, progress=lambda message: errors.print(message, markup=False))
    except SandboxError as exc:
        raise fail(str(exc)) from None
    console.print(f"built {tag}")


@sandbox_app.command("clean", help="Remove sandbox containers left behind by a killed grader.")
def sandbox_clean(
    everything: Annotated[bool, typer.Option("--all", help="Also remove containers of graders still running.")] = False,
) -> None:
    from sandbox.launcher import remove_leftover_containers

    try:
        removed = remove_leftover_containers(everything)
    except Exception as exc:  # noqa: BLE001
        raise fail(f"the Docker engine does not answer: {exc}") from None
    console.print(f"removed {removed} container(s)")


@app.command("serve", help="Keep a warm pool of sandbox containers and grade for `grade PATH` on a local "
                           "socket (until Ctrl-C). Isolation is the same: one fresh container per submission.")
def serve_command(
    prewarm: Annotated[Path | None, typer.Option(help="Start containers for the exercises under this folder "
                                                 "right away.")] = None,
    per_key: Annotated[int, typer.Option(help="Warm containers kept per kind (limits, runtime).")] = 2,
    memory_budget_mb: Annotated[int, typer.Option(help="Never hold more warm containers than this memory "
                                                  "(by their limits).")] = 4096,
    idle_seconds: Annotated[float, typer.Option(help="Discard warm containers unused for this long.")] = 300.0,
) -> None:
    image = ensure_image()
    try:
        serve.serve(image, prewarm, per_key, memory_budget_mb, idle_seconds, ready=console.print)
    except KeyboardInterrupt:
        console.print("grade server stopped; warm containers removed")
    except (RuntimeError, SpecError, BankError) as exc:
        raise fail(str(exc)) from None


@app.command("batch", help="Grade many candidates' submissions (one file or folder each, in SUBMISSIONS) against "
                           "the exercise(s) at PATH, in parallel. Resumable: candidates with a results document in "
                           "--out are skipped.")
def batch_command(
    submissions: Annotated[Path, typer.Argument(help="A folder holding one file or folder per candidate.")],
    exercise: Annotated[Path, typer.Option("--exercise", help="The exercise (or folder of exercises) to grade.")],
    out: Annotated[Path, typer.Option(help="Where each candidate's results document is written.")] = Path("results"),
    jobs: Annotated[int, typer.Option("--jobs", "-j", help="Candidates graded at once.")] = os.cpu_count() or 2,
    bank: BankOption = None,
    sandbox: Annotated[SandboxKind, typer.Option(help="docker (default) or local.")] = SandboxKind.docker,
    gradebook: GradebookOption = None,
) -> None:
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from sandbox.pool import WarmPool

    from .batch import find_candidates, run_batch

    try:
        candidates = find_candidates(submissions)
        discover(exercise)
    except (ValueError, BankError) as exc:
        raise fail(str(exc)) from None
    image = ensure_image() if sandbox is SandboxKind.docker else ""
    pool = WarmPool(image, per_key=jobs) if sandbox is SandboxKind.docker else None
    options = GradeOptions(sandbox=sandbox.value, image=image, bank=bank_from_env(bank), pool=pool)
    statuses: list[int] = []
    columns = (TextColumn("grading"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    try:
        with Progress(*columns, console=errors) as progress:
            task = progress.add_task("batch", total=len(candidates))

            def done(outcome: Any) -> None:
                progress.advance(task)
                statuses.append(outcome.status)
                if outcome.error:
                    errors.print(f"[red]{outcome.candidate.name}: not graded[/] ({outcome.error})", markup=True)
                if outcome.warning and not warned:
                    warned.append(outcome.warning)  # once: the same gradebook problem repeats per candidate
                    errors.print(f"warning: {outcome.warning}", markup=False, style="yellow")

            warned: list[str] = []
            outcomes = run_batch(exercise, candidates, out, jobs, options, on_done=done, gradebook=gradebook)
    except KeyboardInterrupt:
        raise fail("interrupted: finished candidates are recorded in --out; run again to grade the rest") from None
    finally:
        if pool is not None:
            pool.close()
    skipped = sum(o.skipped for o in outcomes)
    console.print(f"{len(outcomes) - skipped} graded, {skipped} already recorded, results in {out}")
    raise typer.Exit(max(statuses, default=0))


@app.command("list", help="List the exercises at or under PATH (id, family, difficulty, title) with your status "
                          "from the gradebook (not tried / failing / passed) and best score.")
def list_command(
    path: Annotated[Path, typer.Argument(help="An exercise folder or a folder of exercises.")] = Path("exercises"),
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")] = False,
    gradebook: GradebookOption = None,
) -> None:
    from .gradebook import NOT_TRIED
    from .spec import load_spec
    from .workflow_cli import best_cell, standings_or_warn, status_cell

    try:
        specs = [load_spec(directory) for directory in discover(path)]
    except (SpecError, BankError) as exc:
        raise fail(str(exc)) from None
    standings = standings_or_warn(gradebook)  # None: unreadable gradebook (warned), statuses unknown
    rows: list[dict[str, Any]] = [{"id": s.id, "family": s.family, "difficulty": s.difficulty, "title": s.title,
                                   "path": str(s.directory)} for s in specs]
    known = {row["id"]: standings.get(row["id"], NOT_TRIED) if standings is not None else None for row in rows}
    if as_json:
        for row in rows:
            standing = known[row["id"]]
            row.update(status=standing.status if standing else None, attempts=standing.attempts if standing else None,
                       best_score=standing.best_score if standing else None)
        sys.stdout.write(json.dumps(rows, indent=2) + "\n")
        return
    table = Table("id", "family", "difficulty", "title", "status", "best", title=f"{len(rows)} exercises")
    for column in (0, 4, 5):  # id, status, best: the title wraps instead
        table.columns[column].no_wrap = True
    for row in rows:
        table.add_row(row["id"], row["family"], row["difficulty"], row["title"], status_cell(known[row["id"]]),
                      best_cell(known[row["id"]]))
    console.print(table)


@app.command("validate", help="Prove exercises: spec, statement, deterministic cases, the reference passes, "
                              "the stub fails, every wrong variant fails and is diagnosed by name.")
def validate_command(
    path: Annotated[Path, typer.Argument(help="An exercise folder or a folder of exercises.")] = Path("exercises"),
    bank: BankOption = None,
    sandbox: Annotated[SandboxKind, typer.Option(help="docker (default) or local.")] = SandboxKind.docker,
    as_json: Annotated[bool, typer.Option("--json", help="Print the reports as JSON.")] = False,
) -> None:
    from dataclasses import asdict

    from .validate import validate_exercise

    try:
        directories = discover(path)
    except BankError as exc:
        raise fail(str(exc)) from None
    image = ensure_image() if sandbox is SandboxKind.docker else ""
    options = GradeOptions(sandbox=sandbox.value, image=image, bank=bank_from_env(bank))
    reports = []
    with errors.status("validating…") as status:
        for directory in directories:
            report = validate_exercise(directory, options, progress=lambda message: status.update(message))
            reports.append(report)
            if not as_json:
                console.print(validation_table(report))
    failed = [r for r in reports if not r.ok]
    if as_json:
        sys.stdout.write(json.dumps([asdict(r) | {"ok": r.ok} for r in reports], indent=2) + "\n")
    else:
        style = "red" if failed else "green"
        console.print(f"[bold {style}]{len(reports) - len(failed)}/{len(reports)} exercises valid[/]")
    raise typer.Exit(1 if failed else 0)


def validation_table(report: Any) -> Table:
    """The checks of one exercise as a table."""
    mark = "[green]valid[/]" if report.ok else "[red]INVALID[/]"
    table = Table("check", "", "detail", title=f"{escape(report.id or report.path)}: {mark}", title_justify="left")
    for check in report.checks:
        table.add_row(escape(check.name), "[green]✓[/]" if check.ok else "[red]✗[/]", escape(check.detail))
    return table


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
    from reports import DocumentError, load_document, render_cohort, write_reports

    if html_out is None and junit_out is None and markdown_out is None:
        raise fail("nothing to write: pass --html FILE, --junit FILE and/or --markdown FILE")
    if len(documents) > 1 and (junit_out is not None or markdown_out is not None):
        raise fail("--junit and --markdown take one results document; several make a cohort report (--html)")
    if names and len(names) != len(documents):
        raise fail(f"--name was given {len(names)} times for {len(documents)} documents")
    try:
        loaded = [load_document(path) for path in documents]
    except DocumentError as exc:
        raise fail(str(exc)) from None
    try:
        if len(loaded) == 1:
            written = write_reports(loaded[0], html=html_out, junit=junit_out, markdown=markdown_out)
        else:
            assert html_out is not None
            html_out.write_text(render_cohort(loaded, names or [path.stem for path in documents]), encoding="utf-8")
            written = [html_out]
    except OSError as exc:
        raise fail(f"cannot write a report: {exc}") from None
    console.print("wrote " + ", ".join(map(str, written)), markup=False)


workflow_cli.register(app)  # show, watch, hint, reset, progress, history, notebook
ci_cli.register(app)  # ci, init


def main(argv: list[str] | None = None) -> None:
    """Console-script entry point: `grade PATH …` means `grade run PATH …`."""
    args = list(sys.argv[1:] if argv is None else argv)
    commands = {command.name for command in app.registered_commands} | {group.name for group in app.registered_groups}
    if args and not args[0].startswith("-") and args[0] not in commands:
        args.insert(0, "run")
    signal.signal(signal.SIGTERM, _interrupt)  # a cancelled CI job: clean up like Ctrl-C
    app(args=args, prog_name="grade")


def _interrupt(_signum: int, _frame: Any) -> None:
    raise KeyboardInterrupt

