"""`grade ci` and `grade init`, added to the `grade` app by `register(app)` (grader/cli/__init__.py).

`grade ci` runs the check of a submission branch (grader/ci/check.py) and prints the plan, GitHub
annotations and the results; `grade init` creates a submission repository (grader/ci/init.py).
grader/ci/check.py imports the report renderers, so it is imported only when `grade ci` runs."""

from __future__ import annotations

import contextlib
import os
import secrets
import sys
import tempfile
import threading
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.markup import escape

from ..bank import bank_from_env
from ..ci import annotations as gh
from ..ci import git
from ..errors import InitError, MlgradeError, UsageError
from ..options import GradeOptions
from ..results import SandboxKind
from ..scrub import scrub, shown
from .common import assignment_from, ensure_image

if TYPE_CHECKING:
    from ..assignment import Assignment
    from ..ci.check import CiPlan


def register(app: typer.Typer) -> None:
    """Add `ci` and `init` to the `grade` command."""
    app.command("ci", help="CI check of a submission branch: grade the exercises whose solution file changed since "
                           "the merge-base with the base branch (in CI: the protected branch only), against the "
                           "base's unmodified exercises; fail when other (protected) files changed. Writes JUnit, "
                           "HTML, Markdown and JSON into a folder it owns (--out) and prints GitHub annotations. "
                           "Exit status 0 / 1 / 2.")(ci_command)
    app.command("init", help="Create a submission repository for candidates in DIR: the public parts of every "
                             "exercise under --from (never private/; stubs as `grade reset` finds them, never a "
                             "solved working tree), the GitHub workflow, a README and an initial commit on main."
                )(init_command)


def _raw(line: str) -> None:
    """A line on stdout exactly as given (no wrapping, markup or emoji codes): workflow commands."""
    sys.stdout.flush()
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def ci_command(
    base: Annotated[str | None, typer.Option(help="Compare with this ref (outside CI; default: the pull/merge "
                                               "request's target branch, else origin/HEAD, main, origin/main, "
                                               "master, origin/master). In CI the base is always --base-branch.")]
    = None,
    base_branch: Annotated[str, typer.Option(help="The protected branch: in CI (CI, GITHUB_ACTIONS or GITLAB_CI "
                                                  "set) the only base accepted, as origin/BRANCH.")] = "main",
    graded_all: Annotated[bool, typer.Option("--all", help="Grade every exercise, not only the changed ones.")] = False,
    bank: Annotated[Path | None, typer.Option(help="Directory holding the private parts by exercise id (default "
                                                   "$MLGRADE_BANK, else the base revision's private/ folders).")] = None,
    out: Annotated[Path | None, typer.Option(help="A new folder (or one an earlier `grade ci` wrote) for "
                                                  "results.json, junit.xml, report.html and summary.md; default: "
                                                  "REPO-mlgrade-report beside the checkout. Links are refused.")]
    = None,
    repo: Annotated[Path, typer.Option(help="The git checkout of the submission.")] = Path("."),
    sandbox: Annotated[SandboxKind, typer.Option(help="docker (default) or local (weaker, labelled).")] = SandboxKind.DOCKER,
    annotations: Annotated[bool, typer.Option(help="Print GitHub annotations (::error file=…,line=…::…).")] = True,
    assignment: Annotated[Path | None, typer.Option(
        "--assignment", metavar="FILE", help="An assignment file (docs/assignment.md): grade all of its exercises, "
                                            "changed or not, and score the run as Σ points × exercise score / "
                                            "Σ points.")] = None,
) -> None:
    from ..ci import check  # imports the report renderers: only when the command runs
    from ..terminal import print_run

    console = Console(highlight=False, emoji=False)
    errors = Console(stderr=True, highlight=False, emoji=False)
    env = dict(os.environ)
    # In GitHub Actions, candidate text printed below (tables, file names) must not act as a workflow
    # command: commands stay off until the annotations are printed.
    pause = secrets.token_hex(16) if env.get("GITHUB_ACTIONS") == "true" else None
    if pause:
        _raw(f"::stop-commands::{pause}")
    problem: str | None = None
    failure: Exception | None = None
    try:
        with contextlib.ExitStack() as stack:
            work = stack.enter_context(tempfile.TemporaryDirectory(prefix="mlgrade-ci-"))
            root = git.repo_root(repo)
            bank_dir = bank_from_env(bank)
            if bank_dir is not None and not bank_dir.is_dir():
                raise UsageError(f"--bank {bank_dir} is not a directory")
            folder = check.report_folder(out or check.default_out(root), root)
            stack.callback(folder.close)
            if assignment is not None and any(where.is_relative_to(root.resolve()) for where in
                                              (Path(os.path.abspath(assignment)), assignment.resolve())):
                raise UsageError(f"--assignment {assignment} lies in the checkout, whose every byte the candidate's "
                                 "branch controls (its points would be theirs to set): keep it with the private bank")
            graded_assignment = assignment_from(assignment)
            plan = check.plan(root, Path(work) / "base", base, graded_all, bank_dir, env, base_branch)
            if graded_assignment is not None:
                plan.selected = graded_assignment.select(plan.exercises, f"the base revision {plan.merge_base[:12]}")
            _print_plan(console, plan, graded_assignment)
            options = GradeOptions(sandbox=sandbox, bank=bank_dir, assignment=graded_assignment)
            if plan.selected and sandbox is SandboxKind.DOCKER:
                options = GradeOptions(sandbox=SandboxKind.DOCKER, bank=bank_dir, image=ensure_image(),
                                       assignment=graded_assignment)
            with errors.status("grading…") as status:
                run = check.grade(plan, options, lambda message: status.update(message), threading.Event())
            if run.exercises:
                print_run(run, console)
            document = check.document(plan, run)
            written = check.write_artifacts(document, folder, env)
    except (MlgradeError, OSError) as exc:
        problem, failure = scrub(str(exc)), exc
    finally:
        if pause:
            _raw(f"::{pause}::")
    if problem is not None:
        if annotations:
            _raw(gh.command("error", problem, title="mlgrade: the check could not run"))
        _note_failure(env, problem)
        raise failure if isinstance(failure, MlgradeError) else UsageError(problem)
    status_code = document["exit_status"]
    protected = document["ci"]["protected_files"]  # shown(): escaped names
    if protected:
        console.print(f"[bold red]submission touched protected files[/] ({len(protected)}): only the solution "
                      "files may change; graded against the unmodified exercises from the merge-base, and the check "
                      "fails.", soft_wrap=True)
        for path in protected:
            console.print(f"  - {escape(path)}", soft_wrap=True)
    if annotations:
        for line in gh.for_document(document, check.candidate_files(plan)):
            _raw(line)
    console.print("wrote " + ", ".join(escape(shown(path)) for path in written), soft_wrap=True)
    verdict = {0: "[bold green]check passed[/]", 1: "[bold red]check failed[/]", 2: "[bold magenta]ungradable[/]"}
    console.print(f"{verdict[status_code]} (exit status {status_code})")
    raise typer.Exit(status_code)


def _note_failure(env: dict[str, str], problem: str) -> None:
    """The job summary says why the check could not run (best effort)."""
    from reports.markdown import escape as markdown

    path = env.get("GITHUB_STEP_SUMMARY")
    if path:
        try:
            with open(path, "a", encoding="utf-8") as handle:
                handle.write(f"## mlgrade CI check: ⚠️ could not run (exit status 2)\n\n{markdown(problem)}\n")
        except OSError:
            pass


def _print_plan(console: Console, plan: CiPlan, assignment: Assignment | None = None) -> None:
    console.print(f"base: [bold]{escape(shown(plan.base.ref))}[/] — {escape(plan.base.source)}; "
                  f"merge-base {plan.merge_base[:12]}, HEAD {plan.head[:12]}", soft_wrap=True)
    candidate = set(plan.changes.candidate)
    changed = [e.spec.id for e in plan.exercises if e.candidate_path in candidate]
    if assignment is not None:
        console.print(f"grading the {len(plan.selected)} exercise(s) of the assignment “{escape(assignment.title)}” "
                      f"(--assignment); changed: {', '.join(changed) or 'none'}", soft_wrap=True)
    elif plan.graded_all:
        console.print(f"grading all {len(plan.selected)} exercises (--all); changed: {', '.join(changed) or 'none'}",
                      soft_wrap=True)
    elif plan.selected:
        console.print(f"grading {len(plan.selected)} changed exercise(s): {', '.join(changed)}", soft_wrap=True)
    else:
        console.print("no exercise's solution file changed since the merge-base: nothing to grade", soft_wrap=True)
    if plan.uncommitted:
        console.print(f"[yellow]note:[/] uncommitted changes to {', '.join(map(escape, plan.uncommitted))} are not "
                      "graded: grade ci grades the commit HEAD", soft_wrap=True)


def init_command(
    directory: Annotated[Path, typer.Argument(metavar="DIR", help="The new repository (a new or empty folder).")],
    source: Annotated[Path, typer.Option("--from", help="An exercise folder or a folder of exercises (their public "
                                                        "parts are copied).")] = Path("exercises"),
    bank_repo: Annotated[str | None, typer.Option(help="OWNER/NAME of the private bank repository, written into "
                                                       "the workflow.")] = None,
    package: Annotated[str | None, typer.Option(help="The pip requirement the workflow installs mlgrade from, "
                                                     "e.g. 'mlgrade[bank] @ git+https://github.com/ORG/mlgrade@v0.1.0'.")]
    = None,
) -> None:
    from ..ci.init import create

    console = Console(highlight=False)
    try:
        created = create(directory, source, bank_repo, package)
    except OSError as exc:
        raise InitError(str(exc)) from None
    console.print(f"created {escape(str(directory))}: {len(created.exercises)} exercise(s), the GitHub workflow "
                  f".github/workflows/mlgrade.yml, README.md and .gitignore; commit {created.commit[:12]} on main",
                  soft_wrap=True)
    hints = []
    if bank_repo is None:
        hints.append("set MLGRADE_BANK_REPOSITORY in .github/workflows/mlgrade.yml (or pass --bank-repo)")
    if package is None:
        hints.append("set MLGRADE_PACKAGE in .github/workflows/mlgrade.yml (or pass --package)")
    hints += ["git remote add origin URL && git push -u origin main",
              "create the environment `mlgrade` (deployment branches: main only) holding the secret "
              "MLGRADE_BANK_TOKEN (read access to the bank), protect main, give candidates read access only "
              "(they fork and open pull requests) and make the mlgrade check required (see docs/ci.md)"]
    console.print("next:\n" + "\n".join(f"  - {escape(hint)}" for hint in hints), soft_wrap=True)
