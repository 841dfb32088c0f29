"""The `grade` command. `grade PATH` grades; the other words are subcommands.

Exit status everywhere: 0 all passed, 1 graded but not all passed, 2 usage or infrastructure error.
"""

from __future__ import annotations

import json
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, Any, Optional

import click
import typer
from rich.console import Console
from rich.table import Table
from typer.core import TyperGroup

from sandbox import image as sandbox_image
from sandbox.launcher import SandboxError, remove_leftover_containers

from .bank import BankError, bank_from_env, discover
from .cases import CaseError
from .expected import BankCodeError
from .grading import GradeOptions, grade_path
from .results import write_document
from .spec import SpecError
from .terminal import print_run

EXIT_USAGE = 2
console = Console(highlight=False)
errors = Console(stderr=True, highlight=False)


class _DefaultToGrade(TyperGroup):
    """`grade PATH …` means `grade run PATH …` when PATH is not a subcommand."""

    def resolve_command(self, ctx: click.Context, args: list[str]) -> Any:
        if args and args[0] not in self.commands and not args[0].startswith("-"):
            args.insert(0, "run")
        return super().resolve_command(ctx, args)


app = typer.Typer(cls=_DefaultToGrade, add_completion=False, no_args_is_help=True, rich_markup_mode=None,
                  pretty_exceptions_enable=False,
                  help="Grade ML / data-science interview exercises in a Docker sandbox.\n\n"
                       "`grade PATH` grades every exercise at or under PATH. "
                       "Exit status: 0 all passed, 1 not all passed, 2 usage or infrastructure error.")
sandbox_app = typer.Typer(help="Build and maintain the sandbox image.", no_args_is_help=True)
app.add_typer(sandbox_app, name="sandbox")


class SandboxKind(str, Enum):
    docker = "docker"
    local = "local"


BankOption = Annotated[Optional[Path], typer.Option("--bank", help="Directory holding the private parts "
                                                    "(reference, cases, wrong variants) by exercise id; "
                                                    "default $MLGRADE_BANK, else each exercise's private/.")]


def fail(message: str) -> typer.Exit:
    """Print a usage/infrastructure error and return the exit to raise (status 2)."""
    errors.print(f"[bold red]error:[/] {message}", markup=True, soft_wrap=True)
    return typer.Exit(EXIT_USAGE)


@app.command("run", help="Grade the candidate's files of every exercise at or under PATH.")
def run_command(
    path: Annotated[Path, typer.Argument(help="An exercise folder or a folder of exercises.")],
    submission: Annotated[Optional[Path], typer.Option(help="Grade these files instead of the ones in PATH: "
                                                       "a file (one exercise) or a folder laid out like PATH.")] = None,
    json_out: Annotated[Optional[Path], typer.Option("--json", help="Write the results document here.")] = None,
    bank: BankOption = None,
    sandbox: Annotated[SandboxKind, typer.Option(help="docker (default) or local: a plain process with "
                                                 "rlimits, weaker, labelled as such.")] = SandboxKind.docker,
) -> None:
    options = GradeOptions(sandbox=sandbox.value, bank=bank_from_env(bank), submission=submission)
    if submission is not None and not submission.exists():
        raise fail(f"--submission {submission} does not exist")
    if sandbox is SandboxKind.docker:
        options = GradeOptions(**{**options.__dict__, "image": ensure_image()})
    try:
        with console.status("grading…") as status:
            run = grade_path(path, options, progress=lambda message: status.update(message))
    except (SpecError, BankError, CaseError, BankCodeError, ValueError) as exc:
        raise fail(str(exc)) from None
    except KeyboardInterrupt:
        raise fail("interrupted: nothing was graded to completion; sandbox containers were removed") from None
    print_run(run, console)
    if json_out is not None:
        write_document(run, json_out)
    for exercise in run.exercises:
        for case in exercise.cases:
            if case.verdict.value == "ungradable":
                errors.print(f"[bold red]ungradable:[/] {case.reason}", markup=True)
                break
    raise typer.Exit(run.exit_status)


def ensure_image() -> str:
    """The sandbox image tag, building the image first (with progress) when it is missing."""
    try:
        tag = sandbox_image.image_tag()
        if not sandbox_image.image_exists(tag):
            errors.print(f"The sandbox image {tag} is missing: building it now (a few minutes, once).")
            with errors.status("building the sandbox image…") as status:
                sandbox_image.build_image(progress=lambda message: status.update(message))
        return tag
    except SandboxError as exc:
        raise fail(f"ungradable: {exc}") from None


@sandbox_app.command("build", help="Build the sandbox image (no registry needed by default).")
def sandbox_build(
    base: Annotated[Optional[str], typer.Option(help="Base image with python3, e.g. python:3.11-slim where a "
                                                "registry is reachable. Default: a debootstrap Debian base.")] = None,
) -> None:
    try:
        tag = sandbox_image.build_image(base=base, progress=lambda message: errors.print(message, markup=False))
    except SandboxError as exc:
        raise fail(str(exc)) from None
    console.print(f"built {tag}")


@sandbox_app.command("clean", help="Remove sandbox containers left behind by a killed grader.")
def sandbox_clean() -> None:
    try:
        removed = remove_leftover_containers()
    except Exception as exc:  # noqa: BLE001
        raise fail(f"the Docker engine does not answer: {exc}") from None
    console.print(f"removed {removed} container(s)")


@app.command("list", help="List the exercises at or under PATH (id, family, difficulty, title).")
def list_command(
    path: Annotated[Path, typer.Argument(help="An exercise folder or a folder of exercises.")] = Path("exercises"),
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")] = False,
) -> None:
    from .spec import load_spec

    try:
        specs = [load_spec(directory) for directory in discover(path)]
    except (SpecError, BankError) as exc:
        raise fail(str(exc)) from None
    rows = [{"id": s.id, "family": s.family, "difficulty": s.difficulty, "title": s.title,
             "path": str(s.directory)} for s in specs]
    if as_json:
        sys.stdout.write(json.dumps(rows, indent=2) + "\n")
        return
    table = Table("id", "family", "difficulty", "title", title=f"{len(rows)} exercises")
    for row in rows:
        table.add_row(row["id"], row["family"], row["difficulty"], row["title"])
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
    table = Table("check", "", "detail", title=f"{report.id or report.path}: {mark}", title_justify="left")
    for check in report.checks:
        table.add_row(check.name, "[green]✓[/]" if check.ok else "[red]✗[/]", check.detail)
    return table


def main() -> None:
    """Console-script entry point."""
    app()

