"""What the `grade` subcommand modules share: the consoles, common options (--bank, --gradebook,
--root, EXERCISE, --json), making sure the sandbox image exists, and writing reports."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console

from ..errors import InfrastructureError, UsageError
from ..files import cache_home

console = Console(highlight=False)
errors = Console(stderr=True, highlight=False)


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
                sandbox_image.build_image(cache_home(), progress=lambda message: status.update(message))
        return tag
    except (SandboxError, DockerException) as exc:
        raise InfrastructureError(f"ungradable: {exc}") from None


def write_reports_or_fail(document: dict[str, Any], *, html: Path | None = None, junit: Path | None = None,
                          markdown: Path | None = None) -> list[Path]:
    """Write the requested reports of DOCUMENT; a file that cannot be written is a usage error."""
    if html is None and junit is None and markdown is None:
        return []
    from reports import write_reports

    try:
        return write_reports(document, html=html, junit=junit, markdown=markdown)
    except OSError as exc:
        raise UsageError(f"cannot write a report: {exc}") from None
