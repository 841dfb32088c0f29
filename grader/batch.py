"""`grade batch`: many candidates' submissions against the same exercise(s), in parallel, resumable.

One results document per candidate is written atomically to the output folder as soon as the
candidate is graded, so a batch killed halfway (even with SIGKILL) loses nothing it recorded;
run again, it grades only the candidates without a document. A candidate whose run was
ungradable (an infrastructure fault) is retried on the next run; the batch itself goes on.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass, replace
from pathlib import Path

from .grading import GradeOptions, grade_path
from .results import RunResult, to_document
from .workflow import record_run


@dataclass(frozen=True)
class Candidate:
    """One candidate: a name (the file or folder name) and their submission."""

    name: str
    submission: Path


@dataclass
class Outcome:
    """What happened to one candidate in this batch run, and its exit status (0/1/2)."""

    candidate: Candidate
    status: int
    run: RunResult | None = None
    skipped: bool = False
    error: str = ""
    warning: str = ""  # graded, but the gradebook could not record it


def find_candidates(folder: Path) -> list[Candidate]:
    """Each entry of FOLDER (a file or a folder, not hidden) is one candidate, by name order."""
    if not folder.is_dir():
        raise ValueError(f"{folder} is not a folder of submissions")
    return [Candidate(entry.stem if entry.is_file() else entry.name, entry)
            for entry in sorted(folder.iterdir()) if not entry.name.startswith(".")]


def recorded_status(document_path: Path) -> int | None:
    """The exit status (0 or 1) of a complete, gradable results document, else None."""
    try:
        document = json.loads(document_path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    status = document.get("exit_status") if isinstance(document, dict) else None
    return status if status in (0, 1) else None


def run_batch(exercise: Path, candidates: list[Candidate], out: Path, jobs: int, options: GradeOptions,
              on_done: Callable[[Outcome], None] = lambda _o: None, gradebook: Path | None = None) -> list[Outcome]:
    """Grade every candidate that has no complete document in OUT, JOBS at a time; each graded run is also
    recorded in the gradebook (GRADEBOOK, default grader.gradebook.default_path()) under the candidate's name."""
    out.mkdir(parents=True, exist_ok=True)
    outcomes, todo = [], []
    for candidate in candidates:
        status = recorded_status(out / f"{candidate.name}.json")
        if status is None:
            todo.append(candidate)
        else:
            outcomes.append(Outcome(candidate, status, skipped=True))
            on_done(outcomes[-1])

    def grade(candidate: Candidate) -> Outcome:
        try:
            run = grade_path(exercise, replace(options, submission=candidate.submission))
        except Exception as exc:  # noqa: BLE001 - one candidate's failure must not stop the batch
            return Outcome(candidate, 2, error=f"{type(exc).__name__}: {exc}")
        write_atomically(out / f"{candidate.name}.json", json.dumps(to_document(run), indent=2) + "\n")
        warning = record_run(run, exercise, candidate.submission, gradebook, candidate=candidate.name) or ""
        return Outcome(candidate, run.exit_status, run, warning=warning)

    with ThreadPoolExecutor(max_workers=max(1, jobs)) as executor:
        for future in as_completed([executor.submit(grade, candidate) for candidate in todo]):
            outcomes.append(future.result())
            on_done(outcomes[-1])
    return outcomes


def write_atomically(path: Path, text: str) -> None:
    """Write PATH so that it is either absent or complete, even if the process is killed."""
    with tempfile.NamedTemporaryFile("w", dir=path.parent, delete=False, suffix=".tmp", encoding="utf-8") as handle:
        handle.write(text)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(handle.name, path)
