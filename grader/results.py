"""The results document: dataclasses and their JSON form (docs/results-schema.json, versioned).

Every renderer (terminal, HTML, JUnit, Markdown) reads only this document.
"""

from __future__ import annotations

import json
import math
from dataclasses import asdict, dataclass, field
from enum import Enum, StrEnum
from typing import Any

import numpy as np

from .errors import ExitStatus

SCHEMA_VERSION = "1.2"  # 1.1: exercises[].files_sha256; 1.2: cases[].mismatch.rows, cases[].weight, points


class Verdict(StrEnum):
    """One vocabulary everywhere: terminal, JSON, HTML, JUnit, Markdown (docs/design.md, "Verdicts")."""

    PASSED = "passed"
    WRONG_ANSWER = "wrong answer"
    RUNTIME_ERROR = "runtime error"
    TIME_LIMIT = "time limit"
    MEMORY_LIMIT = "memory limit"
    OUTPUT_LIMIT = "output limit"
    FORBIDDEN_API = "forbidden API"
    NOT_IMPLEMENTED = "not implemented"
    UNGRADABLE = "ungradable"


class SandboxKind(StrEnum):
    """Where candidate code ran: docker (the default), or local (a plain process with rlimits, weaker,
    labelled as such on every report)."""

    DOCKER = "docker"
    LOCAL = "local"


@dataclass
class Misconception:
    """A known-wrong variant whose outputs the candidate's outputs match."""

    name: str
    explanation: str


@dataclass
class ErrorInfo:
    """An exception in candidate code, trimmed to the candidate's own frames."""

    type: str
    message: str
    file: str | None = None
    line: int | None = None
    traceback: list[dict[str, Any]] = field(default_factory=list)


@dataclass
class CaseResult:
    """The verdict of one case and the evidence behind it."""

    name: str
    hidden: bool
    verdict: Verdict
    reason: str
    output: str | None = None
    mismatch: dict[str, Any] | None = None
    misconception: Misconception | None = None
    error: ErrorInfo | None = None
    seconds: float | None = None
    time_limit: float | None = None
    note: str = ""
    weight: float = 1.0  # in the exercise's score ([cases] weights of exercise.toml); documents before 1.2: 1


@dataclass
class ExerciseResult:
    """All cases of one exercise, and its overall verdict (the first failing case's, else passed)."""

    id: str
    title: str
    family: str
    path: str
    cases: list[CaseResult]
    sandbox: SandboxKind
    memory_limit_mb: int
    problems: list[str] = field(default_factory=list)
    files_sha256: str | None = None  # of the files sent into the sandbox (grading.files_digest)
    points: float | None = None  # what the exercise is worth in the run's assignment (grader/assignment.py)

    @property
    def passed(self) -> bool:
        return bool(self.cases) and all(c.verdict is Verdict.PASSED for c in self.cases)

    @property
    def verdict(self) -> Verdict:
        for case in self.cases:
            if case.verdict is not Verdict.PASSED:
                return case.verdict
        return Verdict.PASSED if self.cases else Verdict.UNGRADABLE

    @property
    def score(self) -> float:
        """The weighted share of cases passed: Σ weight of the passed cases / Σ weight (0 without cases)."""
        total = sum(c.weight for c in self.cases)
        return sum(c.weight for c in self.cases if c.verdict is Verdict.PASSED) / total if total else 0.0


@dataclass
class RunResult:
    """One grading run over one or more exercises."""

    exercises: list[ExerciseResult]
    started: str
    finished: str
    sandbox: SandboxKind
    tool_version: str
    assignment: str | None = None  # the title of the assignment graded (--assignment), if any

    @property
    def max_points(self) -> float | None:
        """Σ points of the exercises, when the run graded an assignment."""
        if not self.exercises or any(e.points is None for e in self.exercises):
            return None
        return sum(e.points or 0.0 for e in self.exercises)

    @property
    def points(self) -> float | None:
        """Σ points × exercise score, when the run graded an assignment."""
        if self.max_points is None:
            return None
        return sum((e.points or 0.0) * e.score for e in self.exercises)

    @property
    def score(self) -> float:
        """points / max_points for an assignment, else the mean of the exercises' scores (0 without exercises)."""
        if self.points is not None and self.max_points:
            return self.points / self.max_points
        return sum(e.score for e in self.exercises) / len(self.exercises) if self.exercises else 0.0

    @property
    def ungradable(self) -> bool:
        return any(e.verdict is Verdict.UNGRADABLE for e in self.exercises)

    @property
    def exit_status(self) -> ExitStatus:
        """OK (0) all passed, NOT_PASSED (1) graded but not all passed, USAGE (2) ungradable (rule R7)."""
        if self.ungradable:
            return ExitStatus.USAGE
        return ExitStatus.OK if all(e.passed for e in self.exercises) else ExitStatus.NOT_PASSED


def to_document(run: RunResult) -> dict[str, Any]:
    """The JSON-ready results document."""
    exercises = []
    for exercise in run.exercises:
        data = asdict(exercise)
        data.update(verdict=exercise.verdict.value, score=exercise.score, passed=exercise.passed)
        if exercise.points is None:
            del data["points"]  # only an assignment gives points
        exercises.append(data)
    counts: dict[str, int] = {}
    for exercise in run.exercises:
        for case in exercise.cases:
            counts[case.verdict.value] = counts.get(case.verdict.value, 0) + 1
    summary: dict[str, Any] = {
        "exercises": len(run.exercises),
        "exercises_passed": sum(e.passed for e in run.exercises),
        "cases": sum(len(e.cases) for e in run.exercises),
        "verdicts": counts,
        "score": run.score,
    }
    if run.max_points is not None:
        summary.update(points=run.points, max_points=run.max_points)
    document: dict[str, Any] = {
        "schema_version": SCHEMA_VERSION,
        "tool": {"name": "mlgrade", "version": run.tool_version},
        "sandbox": run.sandbox,
        "started": run.started,
        "finished": run.finished,
        "exit_status": run.exit_status,
        "summary": summary,
        "exercises": exercises,
    }
    if run.assignment is not None:
        document["assignment"] = {"title": run.assignment}
    return _json_safe(document)


def from_document(document: dict[str, Any]) -> RunResult:
    """Rebuild a RunResult from a results document (e.g. one that `grade serve` sent back)."""
    exercises = []
    for data in document["exercises"]:
        cases = [
            CaseResult(**{
                **case,
                "verdict": Verdict(case["verdict"]),
                "misconception": Misconception(**case["misconception"]) if case["misconception"] else None,
                "error": ErrorInfo(**case["error"]) if case["error"] else None,
            })
            for case in data["cases"]
        ]
        fields = {k: v for k, v in data.items() if k not in ("cases", "sandbox", "verdict", "score", "passed")}
        exercises.append(ExerciseResult(cases=cases, sandbox=SandboxKind(data["sandbox"]), **fields))
    return RunResult(exercises=exercises, started=document["started"], finished=document["finished"],
                     sandbox=SandboxKind(document["sandbox"]), tool_version=document["tool"]["version"],
                     assignment=document.get("assignment", {}).get("title"))


def _json_safe(value: Any) -> Any:
    """Enums to their values, numpy scalars to Python ones, non-finite floats to strings."""
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, np.generic):
        return _json_safe(value.item())
    if isinstance(value, float) and not math.isfinite(value):
        return str(value)
    if isinstance(value, dict):
        return {k: _json_safe(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_json_safe(v) for v in value]
    return value


def document_json(document: dict[str, Any]) -> str:
    """A results document (`to_document`) as the JSON text of a results file."""
    return json.dumps(document, indent=2, allow_nan=False) + "\n"
