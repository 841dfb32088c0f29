"""`grade batch`: many candidates' submissions against the same exercise(s), in parallel, resumable.

One results document per candidate is written atomically to the output folder as soon as the
candidate is graded, so a batch killed halfway (even with SIGKILL) loses nothing it recorded;
run again, it grades only the candidates without a document. A candidate whose run was
ungradable (an infrastructure fault) is retried on the next run; the batch itself goes on.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass, replace
from pathlib import Path

from .errors import ExitStatus, Interrupted, MlgradeError, UsageError
from .files import write_atomically
from .grading import grade_path
from .options import GradeOptions
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
        raise UsageError(f"{folder} is not a folder of submissions")
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
              cancel: threading.Event, on_done: Callable[[Outcome], None] = lambda _o: None,
              gradebook: Path | None = None) -> list[Outcome]:
    """Grade every candidate that has no complete document in OUT, JOBS at a time; each graded run is also
    recorded in the gradebook (GRADEBOOK, default grader.gradebook.default_path()) under the candidate's name.
    Ctrl-C, SIGTERM or CANCEL stops it: queued candidates never start, running ones record nothing, and
    Interrupted says how many were left ungraded."""
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
            run = grade_path(exercise, replace(options, submission=candidate.submission), lambda _m: None, cancel)
        except Interrupted:
            raise
        except MlgradeError as exc:  # one candidate's unusable submission must not stop the batch
            return Outcome(candidate, ExitStatus.USAGE, error=str(exc))
        write_atomically(out / f"{candidate.name}.json", json.dumps(to_document(run), indent=2) + "\n")
        warning = record_run(run, gradebook, submission=candidate.submission, candidate=candidate.name) or ""
        return Outcome(candidate, run.exit_status, run, warning=warning)

    executor = ThreadPoolExecutor(max_workers=max(1, jobs))
    try:
        for future in as_completed([executor.submit(grade, candidate) for candidate in todo]):
            outcomes.append(future.result())
            on_done(outcomes[-1])
    except (KeyboardInterrupt, Interrupted):
        cancel.set()
        executor.shutdown(wait=True, cancel_futures=True)
        graded = sum(not o.skipped and o.run is not None for o in outcomes)
        raise Interrupted(f"interrupted: {graded} candidate(s) graded and recorded in {out} in this run, "
                          f"{len(todo) - graded} left ungraded; the sandbox containers were removed. Run the same "
                          "command again to grade the rest.") from None
    finally:
        executor.shutdown(wait=True, cancel_futures=True)
    return outcomes
