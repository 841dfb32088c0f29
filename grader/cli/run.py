"""`grade PATH`: grade the candidate's files of every exercise at or under PATH."""

from __future__ import annotations

import threading
from dataclasses import replace
from pathlib import Path
from typing import Annotated

import typer

from .. import serve, workflow
from ..bank import bank_from_env
from ..errors import UsageError
from ..grading import grade_path
from ..options import GradeOptions
from ..results import SandboxKind, Verdict, from_document, to_document
from ..terminal import print_run, safe
from .app import app
from .common import (
    AssignmentOption,
    BankOption,
    GradebookOption,
    GradescopeOption,
    RootOption,
    assignment_from,
    check_output_files,
    console,
    ensure_image,
    errors,
    write_reports_or_fail,
)


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
                                                 "rlimits, weaker, labelled as such.")] = SandboxKind.DOCKER,
    root: RootOption = None,
    gradebook: GradebookOption = None,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="A table per exercise with a row per case, "
                                          "instead of failing cases grouped by reason.")] = False,
    assignment: AssignmentOption = None,
    gradescope: GradescopeOption = None,
) -> None:
    from .workflow import prepare_run, record, record_unavailable

    if submission is not None and not submission.exists():
        raise UsageError(f"--submission {submission} does not exist")
    check_output_files(json=json_out, html=html_out, junit=junit_out, markdown=markdown_out,  # before grading
                       gradescope=gradescope)
    graded_assignment = assignment_from(assignment)  # a broken file is refused before anything is prepared
    path, submission, notebook = prepare_run(path, submission, root)  # ids → folders; notebooks → modules
    options = GradeOptions(sandbox=sandbox, bank=bank_from_env(bank), submission=submission,
                           assignment=graded_assignment)
    # the server has its own engine and image (and grades whole paths, without an assignment)
    remote = sandbox is SandboxKind.DOCKER and options.assignment is None and serve.answers()
    if sandbox is SandboxKind.DOCKER and not remote:
        try:
            options = replace(options, image=ensure_image())
        except Exception:
            record_unavailable(path, sandbox, gradebook)
            raise
    with console.status("grading…") as status:
        if remote:
            status.update("grading on the warm grade server…")
            run = from_document(serve.grade_remotely(path, submission, options.bank))
        else:
            run = grade_path(path, options, lambda message: status.update(message), threading.Event())
    if notebook is not None:
        workflow.in_notebook_cells(run, notebook)  # errors by notebook cell and line
    print_run(run, console, verbose)
    record(run, notebook.notebook if notebook else submission, gradebook)  # a failure to record is a warning only
    write_reports_or_fail(to_document(run), json_out=json_out, html=html_out, junit=junit_out, markdown=markdown_out,
                          gradescope=gradescope, anchor=submission or path)
    ungradable = {c.reason for e in run.exercises for c in e.cases if c.verdict is Verdict.UNGRADABLE}
    for reason in sorted(ungradable):
        errors.print(f"[bold red]ungradable:[/] {safe(reason)}", markup=True)
    raise typer.Exit(run.exit_status)
