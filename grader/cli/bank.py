"""`grade list` and `grade validate`: the bank as a table, and the proof that every exercise is sound."""

from __future__ import annotations

import json
import sys
import threading
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer
from rich import box
from rich.markup import escape
from rich.table import Table

from ..bank import discover, load_specs, select
from ..errors import ExitStatus
from ..gradebook import StandingStatus
from ..results import SandboxKind
from ..spec import Difficulty, Family
from .app import App, app
from .common import BankOption, GradebookOption, console, errors, grading_options


class StatusFilter(StrEnum):
    """`grade list --status`: the gradebook standings, spelled for a command line."""

    NOT_TRIED = "not-tried"
    FAILING = "failing"
    PASSED = "passed"


@app.command("list", help="List the exercises at or under PATH (id, difficulty, estimated minutes, title) with your "
                          "status from the gradebook (not tried / failing / passed) and best score. Filters combine: "
                          "an exercise is listed when it matches all of them.")
def list_command(
    path: Annotated[Path, typer.Argument(help="An exercise folder or a folder of exercises.")] = Path("exercises"),
    family: Annotated[list[Family] | None, typer.Option(help="Only this family (repeat for several).")] = None,
    tag: Annotated[list[str] | None, typer.Option(help="Only exercises with this tag (repeat: all of them).")] = None,
    difficulty: Annotated[list[Difficulty] | None, typer.Option(help="Only this difficulty (repeat for several).")] = None,
    status: Annotated[list[StatusFilter] | None, typer.Option(help="Only this gradebook status (repeat for several).")]
    = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")] = False,
    gradebook: GradebookOption = None,
) -> None:
    from ..gradebook import NOT_TRIED
    from .workflow import standings_or_warn

    specs, broken = load_specs(path)
    standings = standings_or_warn(gradebook, specs)  # None: unreadable gradebook (warned), statuses unknown
    known = {s.id: standings.get(s.id, NOT_TRIED) if standings is not None else None for s in specs}
    wanted_status = {StandingStatus(choice.replace("-", " ")) for choice in status or ()}
    listed = [s for s in select(specs, family, difficulty, tag)
              if not wanted_status or getattr(known[s.id], "status", None) in wanted_status]
    if as_json:
        rows = [{"id": s.id, "family": s.family, "difficulty": s.difficulty, "title": s.title, "tags": list(s.tags),
                 "solve_minutes": s.solve_minutes, "path": str(s.directory)} | _standing_fields(known[s.id])
                for s in listed]
        sys.stdout.write(json.dumps(rows, indent=2) + "\n")
    else:
        total = len(specs) + len(broken)
        console.print(f"[bold]{len(listed)} of {total} exercises[/]" if len(listed) < total
                      else f"[bold]{total} exercise{'s' if total != 1 else ''}[/]")
        for name in dict.fromkeys(s.family for s in listed):  # one table per family, in bank order
            console.print()
            console.print(_family_table(name, [s for s in listed if s.family == name], known))
    for error in broken:
        errors.print(f"[red]not listed:[/] {escape(str(error))}", soft_wrap=True)
    if broken:
        raise typer.Exit(ExitStatus.USAGE)


def _family_table(family: str, specs: list[Any], known: dict[str, Any]) -> Table:
    """One family's exercises, named without the family prefix so that the title keeps room at 80 columns."""
    from .workflow import best_cell, status_cell

    table = Table("exercise", "level", "min", "status", "best", "title", title=f"{family} ({len(specs)})",
                  title_justify="left", title_style="bold", box=box.SIMPLE_HEAD, padding=(0, 1, 0, 0),
                  pad_edge=False, show_edge=False)
    for column in table.columns[:5]:  # the title wraps instead
        column.no_wrap = True
    for s in specs:
        table.add_row(escape(s.id.removeprefix(f"{family}/")), s.difficulty, str(s.solve_minutes or ""),
                      status_cell(known[s.id]), best_cell(known[s.id]), escape(s.title))
    return table


def _standing_fields(standing: Any) -> dict[str, Any]:
    return {"status": standing.status if standing else None, "attempts": standing.attempts if standing else None,
            "best_score": standing.best_score if standing else None}


@app.command("validate", help="Prove exercises: spec, statement, deterministic cases, the reference passes "
                              "within 1/5 of each time limit, the stub fails, every wrong variant fails and is "
                              "diagnosed by name; with --mutants, the cases kill the reference's mutants.")
def validate_command(
    path: Annotated[Path, typer.Argument(help="An exercise folder or a folder of exercises.")] = Path("exercises"),
    bank: BankOption = None,
    sandbox: Annotated[SandboxKind, typer.Option(help="docker (default) or local.")] = SandboxKind.DOCKER,
    as_json: Annotated[bool, typer.Option("--json", help="Print the reports as JSON.")] = False,
    mutants: Annotated[bool, typer.Option("--mutants", help="Also grade mutants of each reference (operators, "
                                          "constants ±1, axis/keepdims, comparisons, slice bounds, SQL clauses) "
                                          "against its cases: docs/mutation.md.")] = False,
    mutant_floor: Annotated[float, typer.Option(help="With --mutants: the share of non-equivalent mutants each "
                                                     "exercise's cases must kill.", min=0.0, max=1.0)] = 0.95,
) -> None:
    from dataclasses import asdict

    from ..validate import validate_exercise

    directories = discover(path)
    reports, cancel = [], threading.Event()
    with grading_options(sandbox, bank) as options, errors.status("validating…") as status:
        for directory in directories:
            report = validate_exercise(directory, options, lambda message: status.update(message), cancel,
                                       mutant_floor if mutants else None)
            reports.append(report)
            if not as_json:
                console.print(validation_table(report))
    failed = [r for r in reports if not r.ok]
    if as_json:
        sys.stdout.write(json.dumps([asdict(r) | {"ok": r.ok} for r in reports], indent=2) + "\n")
    else:
        style = "red" if failed else "green"
        if mutants:
            console.print(mutation_table(reports))
        console.print(f"[bold {style}]{len(reports) - len(failed)}/{len(reports)} exercises valid[/]")
    raise typer.Exit(ExitStatus.NOT_PASSED if failed else ExitStatus.OK)


def mutation_table(reports: list[Any]) -> Table:
    """Mutation scores per family: mutants killed ÷ non-equivalent mutants, and the weakest exercise."""
    from ..validate import family_scores

    table = Table("family", "exercises", "killed", "survived", "equivalent", "score", "lowest",
                  title="mutation scores", title_justify="left")
    for row in family_scores(reports):
        table.add_row(row["family"], str(row["exercises"]), str(row["killed"]), str(row["survived"]),
                      str(row["equivalent"]), f"{row['score']:.1%}", f"{row['lowest']:.1%} ({escape(row['weakest'])})")
    return table


def validation_table(report: Any) -> Table:
    """The checks of one exercise as a table."""
    mark = "[green]valid[/]" if report.ok else "[red]INVALID[/]"
    table = Table("check", "", "detail", title=f"{escape(report.id or report.path)}: {mark}", title_justify="left")
    for check in report.checks:
        table.add_row(escape(check.name), "[green]✓[/]" if check.ok else "[red]✗[/]", escape(check.detail))
    return table


bank_app = App(help="Make the private bank of CI mode; write the bank's catalogue page.", no_args_is_help=True,
               rich_markup_mode=None)
app.add_typer(bank_app, name="bank")


@bank_app.command("export", help="Write the private bank for `grade ci --bank DIR` into DIR (new or empty): "
                                 "<DIR>/<id>/ holds each exercise's exercise.toml and the files of its private/ "
                                 "folder. Push DIR to a private repository the candidates cannot read.")
def bank_export(
    directory: Annotated[Path, typer.Argument(metavar="DIR", help="The new bank folder.")],
    source: Annotated[Path, typer.Option("--from", help="An exercise folder or a folder of exercises.")]
    = Path("exercises"),
) -> None:
    from ..ci.bank_export import export_bank

    ids = export_bank(source, directory)
    console.print(f"wrote the bank of {len(ids)} exercise(s) into {escape(str(directory))}", soft_wrap=True)


@bank_app.command("docs", help="Write the bank's catalogue page (docs/bank.md): per family, each exercise's id, title, "
                               "difficulty, estimated minutes, tags and the misconceptions it catches. With --check, "
                               "write nothing and exit 1 when the page is not current.")
def bank_docs(
    source: Annotated[Path, typer.Argument(help="An exercise folder or a folder of exercises.")] = Path("exercises"),
    out: Annotated[Path, typer.Option(help="The page to write.")] = Path("docs/bank.md"),
    check: Annotated[bool, typer.Option("--check", help="Compare instead of writing.")] = False,
) -> None:
    import os

    from reports.bank_page import BankEntry, render_bank_page

    from ..files import write_atomically
    from ..spec import load_spec

    def statement(directory: Path) -> str:
        return Path(os.path.relpath(directory / "README.md", out.resolve().parent)).as_posix()

    specs = [load_spec(directory.resolve()) for directory in discover(source)]
    page = render_bank_page([BankEntry(id=s.id, title=s.title, family=s.family, difficulty=s.difficulty,
                                       solve_minutes=s.solve_minutes, tags=s.tags,
                                       misconceptions=tuple(w.misconception for w in s.wrong),
                                       statement=statement(s.directory)) for s in specs])
    if check:
        current = out.read_text(encoding="utf-8") if out.is_file() else None
        if current != page:
            errors.print(f"{escape(str(out))} is not current: run `grade bank docs` and commit it", soft_wrap=True)
            raise typer.Exit(ExitStatus.NOT_PASSED)
        console.print(f"{escape(str(out))} is current ({len(specs)} exercises)", soft_wrap=True)
        return
    write_atomically(out, page)
    console.print(f"wrote {escape(str(out))} ({len(specs)} exercises)", soft_wrap=True)
