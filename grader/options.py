"""How a run grades: which sandbox, which image, where the private bank and the submission are."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sandbox.pool import WarmPool

from .assignment import Assignment
from .results import SandboxKind


@dataclass(frozen=True)
class GradeOptions:
    """How to grade: the sandbox kind, its image, the private bank, the submission, a warm pool, and the
    assignment whose exercises are graded and weighted by points."""

    sandbox: SandboxKind = SandboxKind.DOCKER
    image: str = ""
    bank: Path | None = None
    submission: Path | None = None
    pool: WarmPool | None = None
    assignment: Assignment | None = None
