"""`grade batch`: many candidates' submissions against the same exercise(s), in parallel, resumable.

A candidate is a folder (laid out like the exercise path) or one solution file of a known kind
(.py, .sql, .ipynb) in the submissions folder; anything else there is skipped, never graded. A
notebook is assembled into a module exactly as `grade EXERCISE --submission x.ipynb` does.

One results document per candidate is written atomically to the output folder as soon as the
candidate is graded, so a batch killed halfway (even with SIGKILL) loses nothing it recorded. Run
again, it skips a candidate only when its recorded document is complete and every exercise's
`files_sha256` (the digest of the files that were sent into the sandbox) equals the digest of the
files that would be sent now (and, with an assignment, each exercise carries the assignment's points): a
candidate whose files changed is graded again (`force` regrades everyone). A candidate whose run was
ungradable (an infrastructure fault) is retried on the next run; the batch itself goes on.
"""

from __future__ import annotations

import json
import threading
from collections import Counter
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from .assignment import Assignment
from .bank import Exercise, discover, load_exercise
from .errors import ExitStatus, Interrupted, MlgradeError, UsageError
from .files import write_atomically
from .grading import Unreadable, files_digest, grade_path, submitted_files
from .notebook import is_notebook_path
from .options import GradeOptions
from .results import RunResult, to_document
from .similarity import Source
from .workflow import NotebookSubmission, in_notebook_cells, notebook_submission, record_run

SUBMISSION_SUFFIXES = (".py", ".sql", ".ipynb")


@dataclass(frozen=True)
class Candidate:
    """One candidate: a name (the file's stem or the folder's name) and their submission."""

    name: str
    submission: Path


@dataclass
class Outcome:
    """What happened to one candidate in this batch run, and its exit status (0/1/2). DOCUMENT is the
    candidate's results document (graded now, or recorded earlier and skipped); None when not graded."""

    candidate: Candidate
    status: int
    run: RunResult | None = None
    skipped: bool = False
    error: str = ""
    warning: str = ""  # graded, but the gradebook could not record it
    document: dict[str, Any] | None = None


def is_submission(entry: Path) -> bool:
    """Whether an entry of the submissions folder is a candidate: a folder, or a .py / .sql / .ipynb file."""
    if entry.name.startswith("."):
        return False
    return entry.is_dir() or (entry.is_file() and entry.suffix.lower() in SUBMISSION_SUFFIXES)


def skipped_entries(folder: Path) -> list[Path]:
    """The entries of FOLDER that are not submissions (a README, a zip, …), by name; hidden ones are not listed."""
    return [entry for entry in sorted(folder.iterdir()) if not entry.name.startswith(".") and not is_submission(entry)]


def find_candidates(folder: Path) -> list[Candidate]:
    """The candidates in FOLDER, by name order: each folder, and each .py, .sql or .ipynb file (named by its
    stem, or by its whole name when two entries share a stem). No candidate at all is a usage error."""
    if not folder.is_dir():
        raise UsageError(f"{folder} is not a folder of submissions")
    entries = [entry for entry in sorted(folder.iterdir()) if is_submission(entry)]
    if not entries:
        others = skipped_entries(folder)
        found = f"it holds only {', '.join(e.name for e in others[:5])}{', …' if len(others) > 5 else ''}" if others \
            else "it is empty"
        raise UsageError(f"no submissions in {folder} ({found}): put one folder, or one .py, .sql or .ipynb file, "
                         "per candidate in it")
    stems = Counter(_stem(entry) for entry in entries)
    return [Candidate(_stem(entry) if stems[_stem(entry)] == 1 else entry.name, entry) for entry in entries]


def _stem(entry: Path) -> str:
    return entry.name if entry.is_dir() else entry.stem


def graded_submission(candidate: Candidate, exercise: Path) -> tuple[Path, NotebookSubmission | None]:
    """The file or folder graded for CANDIDATE, and the notebook it was assembled from when it is one
    (NotebookError, WorkflowError when it cannot be assembled)."""
    if not is_notebook_path(candidate.submission):
        return candidate.submission, None
    try:
        notebook = notebook_submission(candidate.submission, exercise)
        return notebook.module, notebook
    except OSError as exc:
        raise UsageError(f"cannot assemble the notebook {candidate.submission.name}: {exc}") from None


def digests(exercise: Path, exercises: Sequence[Exercise], submission: Path) -> dict[str, str | None]:
    """Per exercise id, the digest of the files that grading SUBMISSION would send into the sandbox (None when
    there is no readable file: nothing would be sent)."""
    found = {}
    for item in exercises:
        files = submitted_files(exercise, item, submission)
        found[item.spec.id] = None if isinstance(files, Unreadable) else files_digest(files)
    return found


def candidate_sources(exercise: Path, candidates: Sequence[Candidate],
                      bank: Path | None) -> tuple[list[Source], dict[str, Source]]:
    """Every candidate's file for every exercise at EXERCISE as grading reads it (notebooks assembled; links,
    oversized and missing files left out), and each exercise's stub by id: the input of the similarity check."""
    exercises = [load_exercise(directory, bank) for directory in discover(exercise)]
    stubs = {item.spec.id: Source("stub", item.spec.id, item.spec.entrypoint.file,
                                  item.spec.candidate_file.read_text(encoding="utf-8")) for item in exercises}
    sources = []
    for candidate in candidates:
        try:
            submission, _notebook = graded_submission(candidate, exercise)
        except MlgradeError:  # an unusable notebook: nothing to compare (grading reports it)
            continue
        for item in exercises:
            files = submitted_files(exercise, item, submission)
            if not isinstance(files, Unreadable):
                sources += [Source(candidate.name, item.spec.id, name, text) for name, text in files.items()]
    return sources, stubs


def recorded(document_path: Path, current: dict[str, str | None],
             points: dict[str, float | None]) -> dict[str, Any] | None:
    """The recorded results document when it is complete and gradable (exit status 0 or 1), graded exactly
    the files that would be graded now (CURRENT, from `digests`; None on both sides: no readable file then
    or now) and gave each exercise its POINTS (exercise id → its points in the assignment, None without one);
    else None: grade again."""
    try:
        document = json.loads(document_path.read_text(encoding="utf-8"))
        status = document["exit_status"]
        graded = {exercise["id"]: exercise.get("files_sha256") for exercise in document["exercises"]}
        given = {exercise["id"]: exercise.get("points") for exercise in document["exercises"]}
    except (OSError, ValueError, TypeError, KeyError, AttributeError):
        return None
    if status not in (0, 1) or graded != current or given != points:
        return None
    return document if isinstance(document, dict) else None


def assigned(exercise: Path, exercises: list[Exercise],
             assignment: Assignment | None) -> tuple[list[Exercise], dict[str, float | None]]:
    """The exercises a batch grades among EXERCISES (those at EXERCISE): with ASSIGNMENT, its exercises in its
    order; and each one's points by id (None without an assignment), as `recorded` compares them."""
    if assignment is None:
        return exercises, {item.spec.id: None for item in exercises}
    return assignment.select(exercises, str(exercise)), {item.id: item.points for item in assignment.items}


def batch_document(run: RunResult, notebook: NotebookSubmission | None) -> dict[str, Any]:
    """The results document a batch records for RUN, graded here or by a worker: a notebook candidate's errors
    located by notebook cell and line, as `grade x.ipynb` says them, not by the assembled module's line."""
    if notebook is not None:
        in_notebook_cells(run, notebook)
    return to_document(run)


@dataclass(frozen=True)
class Pending:
    """A candidate to grade: the file or folder graded, the notebook it was assembled from (None for files and
    folders) and the digests of its files (`digests`)."""

    candidate: Candidate
    submission: Path
    notebook: NotebookSubmission | None
    current: dict[str, str | None]


def to_grade(exercise: Path, exercises: Sequence[Exercise], candidates: Sequence[Candidate], out: Path, force: bool,
             finish: Callable[[Outcome], None], points: dict[str, float | None]) -> list[Pending]:
    """The candidates to grade; FINISH gets the outcome of every other one: an unusable notebook (not graded) or
    a document in OUT that records the current files and POINTS (skipped; never with FORCE)."""
    todo = []
    for candidate in candidates:
        try:
            submission, notebook = graded_submission(candidate, exercise)
        except MlgradeError as exc:  # one candidate's unusable notebook must not stop the batch
            finish(Outcome(candidate, ExitStatus.USAGE, error=str(exc)))
            continue
        current = digests(exercise, exercises, submission)
        document = None if force else recorded(out / f"{candidate.name}.json", current, points)
        if document is None:
            todo.append(Pending(candidate, submission, notebook, current))
        else:
            finish(Outcome(candidate, document["exit_status"], skipped=True, document=document))
    return todo


def run_batch(exercise: Path, candidates: list[Candidate], out: Path, jobs: int, options: GradeOptions,
              cancel: threading.Event, on_done: Callable[[Outcome], None] = lambda _o: None,
              gradebook: Path | None = None, force: bool = False) -> list[Outcome]:
    """Grade every candidate whose files differ from those their document in OUT records (every candidate
    with FORCE), JOBS at a time; each graded run is also recorded in the gradebook (GRADEBOOK, default
    grader.gradebook.default_path()) under the candidate's name. Ctrl-C, SIGTERM or CANCEL stops it: queued
    candidates never start, running ones record nothing, and Interrupted says how many were left ungraded."""
    out.mkdir(exist_ok=True)
    exercises, points = assigned(exercise, [load_exercise(directory, options.bank) for directory in discover(exercise)],
                                 options.assignment)  # loaded once for the whole batch
    outcomes: list[Outcome] = []

    def finish(outcome: Outcome) -> None:
        outcomes.append(outcome)
        on_done(outcome)

    todo = to_grade(exercise, exercises, candidates, out, force, finish, points)

    def grade(candidate: Candidate, submission: Path, notebook: NotebookSubmission | None) -> Outcome:
        try:
            run = grade_path(exercise, replace(options, submission=submission), lambda _m: None, cancel, exercises)
        except Interrupted:
            raise
        except MlgradeError as exc:  # one candidate's unusable submission must not stop the batch
            return Outcome(candidate, ExitStatus.USAGE, error=str(exc))
        document = batch_document(run, notebook)
        write_atomically(out / f"{candidate.name}.json", json.dumps(document, indent=2) + "\n")
        warning = record_run(run, gradebook, submission=candidate.submission, candidate=candidate.name) or ""
        return Outcome(candidate, run.exit_status, run, warning=warning, document=document)

    executor = ThreadPoolExecutor(max_workers=max(1, jobs))
    try:
        for future in as_completed([executor.submit(grade, p.candidate, p.submission, p.notebook) for p in todo]):
            finish(future.result())
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
