"""The typer application every command module registers on (`grade`, `grade sandbox`, `grade bank`), and the help
layout of its commands: click's plain metavars (`Usage: grade run [OPTIONS] PATH`, `--json PATH`), not typer's
`{path}` and `<list[Path]>` type labels."""

from __future__ import annotations

import re
from typing import Annotated, Any

import typer
from typer.core import TyperCommand

from .. import __version__

TYPE_LABELS = {"path": "PATH", "int": "INTEGER", "float": "FLOAT", "str": "TEXT", "float range": "FLOAT",
               "int range": "INTEGER"}
_TYPE_LABEL = re.compile(r" <([^<>]+)>$")


class Command(TyperCommand):
    """A command whose help names arguments by their metavar (or NAME) and options' values by click's labels."""

    def collect_usage_pieces(self, ctx: Any) -> list[str]:  # typer's own (vendored) click types
        pieces = [self.options_metavar] if self.options_metavar else []
        for param in self.get_params(ctx):
            if param.param_type_name == "argument":
                name = _argument_name(param)
                pieces.append((name if param.required else f"[{name}]") + ("..." if param.nargs != 1 else ""))
            else:
                pieces.extend(param.get_usage_pieces(ctx))
        return pieces

    def format_options(self, ctx: Any, formatter: Any) -> None:
        arguments, options = [], []
        for param in self.get_params(ctx):
            record = param.get_help_record(ctx)
            if record is None:
                continue
            if param.param_type_name == "argument":
                arguments.append((_argument_name(param), record[1]))
            else:
                options.append((" / ".join(_TYPE_LABEL.sub(_label, part) for part in record[0].split(" / ")),
                                record[1]))
        for title, records in (("Arguments", arguments), ("Options", options)):
            if records:
                with formatter.section(title):
                    formatter.write_dl(records)


def _argument_name(param: Any) -> str:
    return param.metavar or (param.name or "").upper()


def _label(match: re.Match[str]) -> str:
    label = match.group(1)
    if label in TYPE_LABELS:
        return " " + TYPE_LABELS[label]
    return f" [{label}]" if "|" in label else " " + label.upper()  # choices: [docker|local]


class App(typer.Typer):
    """A typer app whose commands use `Command`'s help layout."""

    def command(self, *args: Any, **kwargs: Any) -> Any:
        kwargs.setdefault("cls", Command)
        return super().command(*args, **kwargs)


app = App(add_completion=False, no_args_is_help=True, rich_markup_mode=None, pretty_exceptions_enable=False,
          help="Grade ML / data-science interview exercises in a Docker sandbox.\n\n"
               "`grade PATH` grades every exercise at or under PATH. "
               "Exit status: 0 all passed, 1 not all passed, 2 usage or infrastructure error "
               "(or interrupted), 3 a bug in mlgrade.")
sandbox_app = App(help="Build and maintain the sandbox image.", no_args_is_help=True, rich_markup_mode=None)
app.add_typer(sandbox_app, name="sandbox")


def _print_version(value: bool) -> None:
    if value:
        typer.echo(f"mlgrade {__version__}")
        raise typer.Exit()


@app.callback()
def _options(version: Annotated[bool, typer.Option("--version", callback=_print_version, is_eager=True,
                                                   help="Print mlgrade's version and exit.")] = False) -> None:
    """Grade ML / data-science interview exercises in a Docker sandbox."""
