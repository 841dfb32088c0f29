"""The `grade` command. `grade PATH` grades; the other words are subcommands, one module per group:
run (grade PATH), bank (list, validate), cohort (batch, report), service (sandbox, serve),
workflow (show, watch, hint, reset, progress, history, notebook), interview and ci (ci, init).

Commands parse their options, call one core function and print. They raise errors from the tree in
grader/errors.py; `main()` is the one place that turns an error into a message and an exit status.
"""

from __future__ import annotations

import signal
import sys
import traceback
from typing import Any

import typer

from ..errors import ExitStatus, MlgradeError
from ..terminal import safe
from . import bank, ci, cohort, interview, run, service, worker, workflow  # noqa: F401 - importing a module registers its commands
from .app import app
from .common import errors

workflow.register(app)  # show, watch, hint, reset, progress, history, notebook
ci.register(app)  # ci, init


def main(argv: list[str] | None = None) -> None:
    """Console-script entry point: `grade PATH …` means `grade run PATH …`. Exits with an ExitStatus."""
    args = list(sys.argv[1:] if argv is None else argv)
    commands = {command.name for command in app.registered_commands} | {group.name for group in app.registered_groups}
    if args and not args[0].startswith("-") and args[0] not in commands:
        args.insert(0, "run")
    signal.signal(signal.SIGINT, signal.default_int_handler)  # even when started in the background by a shell
    signal.signal(signal.SIGTERM, _interrupt)  # a cancelled CI job: clean up like Ctrl-C
    sys.exit(run_app(args))


# Typer ≥ 0.28 raises the exceptions of its own copy of click (typer._click), older typers click's: take the
# classes from typer's public names, whichever click they come from.
TYPER_INTERRUPTED = 130
CLICK_EXCEPTION: type[Exception] = next(cls for cls in typer.BadParameter.__mro__ if cls.__name__ == "ClickException")


def run_app(args: list[str]) -> int:
    """Run the app on ARGS and return the exit status; every error is reported here and nowhere else."""
    try:
        status = app(args=args, prog_name="grade", standalone_mode=False)
        if status == TYPER_INTERRUPTED:  # typer ≥ 0.28 returns 130 for a Ctrl-C outside a grading loop
            return _interrupted()
        return int(status or 0)
    except typer.Exit as done:
        if isinstance(done.__cause__, KeyboardInterrupt):  # typer turns Ctrl-C outside a grading loop into Exit(130)
            return _interrupted()
        return done.exit_code
    except CLICK_EXCEPTION as exc:  # a usage error typer/click found on the command line
        exc.show()  # type: ignore[attr-defined]
        return ExitStatus.USAGE
    except typer.Abort:  # end of input at a prompt
        errors.print("aborted: end of input", markup=False)
        return ExitStatus.USAGE
    except MlgradeError as exc:
        errors.print(f"[bold red]error:[/] {safe(str(exc))}", markup=True, soft_wrap=True)
        return exc.status
    except KeyboardInterrupt:
        return _interrupted()
    except Exception:  # noqa: BLE001 - a bug: keep its traceback, and ask for a report
        traceback.print_exc()
        errors.print("[bold red]internal error:[/] this is a bug in mlgrade, not in your exercise or submission; "
                     "please report it with the traceback above", markup=True, soft_wrap=True)
        return ExitStatus.INTERNAL_ERROR


def _interrupted() -> ExitStatus:
    errors.print("interrupted: nothing was graded to completion or recorded; the sandbox containers were removed",
                 markup=False)
    return ExitStatus.USAGE


def _interrupt(_signum: int, _frame: Any) -> None:
    raise KeyboardInterrupt
