"""What the `grade` subcommand modules share: the consoles, common options (--bank, --gradebook,
--root, --assignment, EXERCISE, --json), making sure the sandbox image exists, and writing reports."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console

from ..assignment import Assignment
from ..errors import InfrastructureError, UsageError
from ..files import cache_home, write_unfollowed
from ..options import GradeOptions
from ..results import SandboxKind, document_json


class _Console(Console):
    """A console whose reader may go away (`grade … | head`): what is left to print is dropped, and the command
    goes on, records its results and exits with its own status (rich's default exits 1 on the spot)."""

    def on_broken_pipe(self) -> None:
        self.quiet = True
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, (sys.stderr if self.stderr else sys.stdout).fileno())
        os.close(devnull)


console = _Console(highlight=False)
errors = _Console(stderr=True, highlight=False)


BankOption = Annotated[Path | None, typer.Option("--bank", help="Directory holding the private parts "
                                                    "(reference, cases, wrong variants) by exercise id; "
                                                    "default $MLGRADE_BANK, else each exercise's private/.")]
GradescopeOption = Annotated[Path | None, typer.Option(
    "--gradescope", metavar="FILE", help="Write Gradescope's autograder results.json here: a test per exercise "
                                        "(docs/reports.md).")]
GradebookOption = Annotated[Path | None, typer.Option(
    "--gradebook", help="The gradebook file (default $MLGRADE_GRADEBOOK, else "
                        "$XDG_DATA_HOME/mlgrade/gradebook.sqlite3, i.e. ~/.local/share/mlgrade/).")]
RootOption = Annotated[Path | None, typer.Option("--root", help="Where exercise ids are looked up "
                                                 "(default ./exercises).")]
AssignmentOption = Annotated[Path | None, typer.Option(
    "--assignment", metavar="FILE", help="An assignment file (docs/assignment.md): grade only its exercises, and "
                                        "score the run as Σ points × exercise score / Σ points.")]
ExerciseArgument = Annotated[str, typer.Argument(help="An exercise folder, or its id such as attention/multi_head.",
                                                 metavar="EXERCISE")]
JsonFlag = Annotated[bool, typer.Option("--json", help="Print JSON (for scripts) instead of text.")]


def assignment_from(path: Path | None) -> Assignment | None:
    """The assignment file given with --assignment, read and checked (UsageError naming the file and field)."""
    from ..assignment import load_assignment

    return None if path is None else load_assignment(path)


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


def check_output_files(**paths: Path | None) -> None:
    """Before anything is graded: every output file given (by option name: json=PATH …) can be written — its
    folder exists and is writable, and it is not itself a folder. UsageError naming the option otherwise."""
    for option, path in paths.items():
        if path is None:
            continue
        flag = f"--{option.replace('_', '-')}"
        if path.is_dir():
            raise UsageError(f"{flag} {path} is a folder: name a file to write")
        _check_parent(flag, path)
        if path.exists() and not os.access(path, os.W_OK):
            raise UsageError(f"{flag} {path} cannot be written (no permission)")


def check_output_folder(flag: str, path: Path) -> None:
    """Before anything is graded: the output folder PATH exists and is writable, or can be created in a
    folder that exists; UsageError naming FLAG otherwise."""
    if path.exists() and not path.is_dir():
        raise UsageError(f"{flag} {path} is a file: name a folder (it is created when missing)")
    if path.is_dir():
        if not os.access(path, os.W_OK | os.X_OK):
            raise UsageError(f"{flag} {path} cannot be written (no permission)")
        return
    _check_parent(flag, path)


def _check_parent(flag: str, path: Path) -> None:
    parent = path.absolute().parent
    if not parent.is_dir():
        raise UsageError(f"{flag} {path}: the folder {parent} does not exist")
    if not os.access(parent, os.W_OK | os.X_OK):
        raise UsageError(f"{flag} {path}: the folder {parent} cannot be written (no permission)")


def write_reports_or_fail(document: dict[str, Any], *, json_out: Path | None = None, html: Path | None = None,
                          junit: Path | None = None, markdown: Path | None = None, candidate: str | None = None,
                          anchor: Path | None = None, gradescope: Path | None = None) -> list[Path]:
    """Write the results document (JSON_OUT) and the requested reports of DOCUMENT (the HTML one titled with
    the CANDIDATE's name when given). Each file is written anew, never through a link, and no link is followed
    from ANCHOR (a tree the candidate controls, such as the submission) down to it. A file that cannot be
    written is a usage error."""
    from reports import write_reports

    def write(path: Path, text: str) -> Path:
        return write_unfollowed(path, text, anchor)

    try:
        written = [write(json_out, document_json(document))] if json_out is not None else []
        if html is not None or junit is not None or markdown is not None or gradescope is not None:
            written += write_reports(document, html=html, junit=junit, markdown=markdown, candidate=candidate,
                                     gradescope=gradescope, write=write)
        return written
    except OSError as exc:
        raise UsageError(f"cannot write a report: {exc}") from None


@contextmanager
def grading_options(sandbox: SandboxKind, bank: Path | None, warm_per_key: int = 0) -> Iterator[GradeOptions]:
    """The options of a grading command: the private bank (--bank, else $MLGRADE_BANK), the sandbox image
    (built when missing) and, with WARM_PER_KEY > 0, a warm container pool that is closed on the way out."""
    from sandbox.pool import WarmPool

    from ..bank import bank_from_env

    image = ensure_image() if sandbox is SandboxKind.DOCKER else ""
    pool = WarmPool(image, per_key=warm_per_key) if sandbox is SandboxKind.DOCKER and warm_per_key > 0 else None
    try:
        yield GradeOptions(sandbox=sandbox, image=image, bank=bank_from_env(bank), pool=pool)
    finally:
        if pool is not None:
            pool.close()

