"""Every error the grader raises on purpose, and the exit statuses they map to.

One tree, one root; `grader.cli.main()` is the only place that turns an error into an exit status::

    MlgradeError
    ├── UsageError            the command line or its inputs are wrong: say what to change (exit 2)
    │   ├── WorkflowError     an exercise id, a stub or a candidate file the workflow commands cannot use
    │   ├── NotebookError     a notebook that does not parse or has no solution cell
    │   ├── InitError         `grade init` cannot make the submission repository
    │   └── GitError          a git command failed, or the checkout cannot be checked in CI
    ├── BankFault             the exercise bank is broken: the author must fix it (exit 2)
    │   ├── SpecError         an exercise.toml that does not load (names file and field)
    │   ├── BankError         a missing exercise, bank folder or private part
    │   ├── CaseError         a case generator that fails or returns bad cases
    │   └── BankCodeError     a reference or wrong variant that cannot be imported or run
    ├── InfrastructureError   no Docker engine, no image, a grade server that fails: ungradable (exit 2)
    ├── GradebookError        the gradebook cannot record: a warning, never a change of the run's status
    └── Interrupted           Ctrl-C or SIGTERM: the message says what was left ungraded (exit 2)

Anything else that escapes is a bug in mlgrade: `main()` prints its traceback and asks for a report.
Errors of the sandbox launcher (`sandbox.launcher.SandboxError`) stay on its side of the layering and
become verdicts ("ungradable") inside a run, or an InfrastructureError at the command line.
"""

from __future__ import annotations

from enum import IntEnum
from pathlib import Path
from typing import Any


class ExitStatus(IntEnum):
    """The exit status of every `grade` command."""

    OK = 0  # graded, every case passed (or the command did what it was asked)
    NOT_PASSED = 1  # graded, not every case passed (or a validation / check failed)
    USAGE = 2  # usage error, broken bank, infrastructure fault or interruption: nothing was graded
    INTERNAL_ERROR = 3  # a bug in mlgrade (the traceback is printed)


class MlgradeError(Exception):
    """The root of the errors mlgrade raises on purpose; the message says what is wrong and what to do."""

    status = ExitStatus.USAGE


class UsageError(MlgradeError):
    """The command line or its inputs are wrong."""


class WorkflowError(UsageError):
    """An exercise id, stub or candidate file the candidate's workflow commands cannot use."""


class NotebookError(UsageError):
    """A notebook that cannot be read, parsed or assembled into a module."""


class InitError(UsageError):
    """`grade init` cannot create the submission repository."""


class GitError(UsageError):
    """A git command failed, or the checkout is not usable for a CI check."""


class BankFault(MlgradeError):
    """The exercise bank is broken: an exercise's author must fix it."""


class SpecError(BankFault):
    """An exercise.toml that does not load; the message names the file, the field and what was expected."""

    def __init__(self, path: Path, field: str, expected: str, got: Any = None) -> None:
        detail = f", got {got!r}" if got is not None else ""
        super().__init__(f"{path}: field `{field}`: expected {expected}{detail}")
        self.path, self.field = path, field


class BankError(BankFault):
    """A missing exercise, bank folder or private part."""


class CaseError(BankFault):
    """An exercise's case generator failed or returned malformed cases."""


class BankCodeError(BankFault):
    """An exercise's reference or wrong variant cannot be imported or run on a case."""


class InfrastructureError(MlgradeError):
    """The grading infrastructure is unavailable (Docker engine, image, grade server): ungradable."""


class GradebookError(MlgradeError):
    """The gradebook cannot be opened or written; callers report it as a warning."""


class Interrupted(MlgradeError):
    """The run was cancelled (Ctrl-C, SIGTERM); the message says what was left ungraded. Containers
    are removed and nothing half-done is recorded."""
