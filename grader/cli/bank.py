"""`grade list` and `grade validate`: the bank as a table, and the proof that every exercise is sound."""

from __future__ import annotations

import json
import sys
import threading
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.markup import escape
from rich.table import Table

from ..bank import discover
from ..errors import ExitStatus
from ..results import SandboxKind
from .app import App, app
from .common import BankOption, GradebookOption, console, errors, grading_options


@app.command("list", help="List the exercises at or under PATH (id, family, difficulty, title) with your status "
                          "from the gradebook (not tried / failing / passed) and best score.")
def list_command(
    path: Annotated[Path, typer.Argument(help="An exercise folder or a folder of exercises.")] = Path("exercises"),
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")] = False,
    gradebook: GradebookOption = None,
) -> None:
    from ..gradebook import NOT_TRIED
    from ..spec import load_spec
    from .workflow import best_cell, standings_or_warn, status_cell

    specs = [load_spec(directory) for directory in discover(path)]
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


bank_app = App(help="Make the private bank of CI mode.", no_args_is_help=True, rich_markup_mode=None)
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
