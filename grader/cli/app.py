"""The typer application every command module registers on (`grade` and `grade sandbox`)."""

from __future__ import annotations

import typer

app = typer.Typer(add_completion=False, no_args_is_help=True, rich_markup_mode=None,
                  pretty_exceptions_enable=False,
                  help="Grade ML / data-science interview exercises in a Docker sandbox.\n\n"
                       "`grade PATH` grades every exercise at or under PATH. "
                       "Exit status: 0 all passed, 1 not all passed, 2 usage or infrastructure error "
                       "(or interrupted), 3 a bug in mlgrade.")
sandbox_app = typer.Typer(help="Build and maintain the sandbox image.", no_args_is_help=True)
app.add_typer(sandbox_app, name="sandbox")
