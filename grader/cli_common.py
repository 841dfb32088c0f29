"""What the `grade` subcommand modules share: consoles, the usage-error exit, common options,
the sandbox choice and making sure the sandbox image exists."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

EXIT_USAGE = 2
console = Console(highlight=False)
errors = Console(stderr=True, highlight=False)


class SandboxKind(StrEnum):
    """docker (the default) or local (a plain process with rlimits, weaker, labelled everywhere)."""

    docker = "docker"
    local = "local"


BankOption = Annotated[Path | None, typer.Option("--bank", help="Directory holding the private parts "
                                                    "(reference, cases, wrong variants) by exercise id; "
                                                    "default $MLGRADE_BANK, else each exercise's private/.")]
GradebookOption = Annotated[Path | None, typer.Option(
    "--gradebook", help="The gradebook file (default $MLGRADE_GRADEBOOK, else "
                        "$XDG_DATA_HOME/mlgrade/gradebook.sqlite3, i.e. ~/.local/share/mlgrade/).")]
RootOption = Annotated[Path | None, typer.Option("--root", help="Where exercise ids are looked up "
                                                 "(default ./exercises).")]
ExerciseArgument = Annotated[str, typer.Argument(help="An exercise folder, or its id such as attention/multi_head.",
                                                 metavar="EXERCISE")]
JsonFlag = Annotated[bool, typer.Option("--json", help="Print JSON (for scripts) instead of text.")]


def fail(message: str) -> typer.Exit:
    """Print a usage/infrastructure error and return the exit to raise (status 2)."""
    errors.print(f"[bold red]error:[/] {message}", markup=True, soft_wrap=True)
    return typer.Exit(EXIT_USAGE)


def ensure_image() -> str:
    """The sandbox image tag, building the image first (with progress) when it is missing."""
    from docker.errors import DockerException  # imported here: `grade` stays quick to start

    from sandbox import image as sandbox_image
    from sandbox.launcher import SandboxError, remove_leftover_containers

    try:
        tag = sandbox_image.image_tag()
        present = sandbox_image.image_exists(tag)  # raises SandboxError when no engine answers
        remove_leftover_containers()  # from graders killed before they could clean up
        if not present:
            errors.print(f"The sandbox image {tag} is missing: building it now (a few minutes, once).")
            with errors.status("building the sandbox image…") as status:
                sandbox_image.build_image(progress=lambda message: status.update(message))
        return tag
    except (SandboxError, DockerException) as exc:
        raise fail(f"ungradable: {exc}") from None
