"""One grading loop for every command: exercises → cases and expected outputs (trusted side) → the
sandbox (candidate files and case inputs only, rule R2 of docs/design.md) → verdicts (grader/verdicts.py) → results.

`grade PATH`, `grade ci`, `grade batch`, `grade watch` and `grade serve` all grade through
`grade_exercises`, which owns the worker threads and takes the run's cancel event: once it is set
(Ctrl-C, SIGTERM, a client that hung up), no new exercise starts, every live container is killed and
removed, and the loop raises `Interrupted` naming what was left ungraded. Nothing half-done is returned.
"""

from __future__ import annotations

import datetime as dt
import errno
import hashlib
import os
import stat
import threading
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from . import __version__, cache, verdicts
from .bank import Exercise, discover, load_exercise
from .cases import Case, generate_cases
from .diagnose import Diagnoser, Variants
from .errors import Interrupted, UsageError
from .expected import expected_outputs
from .forbidden import Unscannable, scan
from .options import GradeOptions
from .results import CaseResult, ExerciseResult, RunResult
from .sandbox_run import Cancelled, Container, Member, SandboxRun, by_container

MAX_SOURCE_BYTES = 1 << 20  # a candidate's file; a bigger one is not a solution (and would strain the sandbox's /tmp)

Progress = Callable[[str], None]


@dataclass(frozen=True)
class Unreadable:
    """A candidate file that is missing or cannot be read as text."""

    problem: str
    missing: bool


Files = dict[str, str] | Unreadable  # the candidate's files by name, as sent into the sandbox, or why not


def files_digest(files: dict[str, str]) -> str:
    """sha256 of the files sent into the sandbox (name, NUL, text, NUL, in name order)."""
    digest = hashlib.sha256()
    for name in sorted(files):
        digest.update(name.encode() + b"\0" + files[name].encode() + b"\0")
    return digest.hexdigest()


def submission_file(root: Path, exercise: Exercise, submission: Path | None) -> Path:
    """The candidate's file of EXERCISE, found at or under ROOT: the exercise's own, or with --submission
    a file (one exercise) or its mirror in a folder laid out like ROOT."""
    if submission is None:
        return exercise.spec.candidate_file
    if submission.is_file():
        return submission
    directory = exercise.spec.directory
    relative = directory.relative_to(root) if directory != root else Path()
    return submission / relative / exercise.spec.entrypoint.file


def submitted_files(root: Path, exercise: Exercise, submission: Path | None) -> Files:
    """The files grading sends into the sandbox for EXERCISE at or under ROOT: its own candidate file, or
    with SUBMISSION a file (one exercise) or its mirror in a folder, read beneath that folder."""
    folder = submission if submission is not None and submission.is_dir() else None
    return candidate_files(exercise, submission_file(root, exercise, submission), folder)


def candidate_files(exercise: Exercise, path: Path, root: Path | None = None) -> Files:
    """The files sent into the sandbox, or why they cannot be. The file is the candidate's (rule R6):
    a symbolic link (say, to the bank's reference or a host secret), a FIFO, a device or an
    oversized file is refused, never followed or read. With ROOT (a submission folder), every folder
    between ROOT and the file is opened without following links too: a candidate's exercise folder that
    links to another candidate's is refused, not graded with the other's file."""
    try:
        fd = _open_beneath(root, path)
    except FileNotFoundError:
        return Unreadable(f"no candidate file at {path}", missing=True)
    except OSError as exc:
        if exc.errno in (errno.ELOOP, errno.ENOTDIR):
            return Unreadable(f"{path} is or lies under a symbolic link: submit real files and folders",
                              missing=False)
        return Unreadable(f"{path} cannot be read: {exc.strerror}", missing=False)
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            return Unreadable(f"{path} is not a regular file", missing=False)
        with os.fdopen(fd, "rb", closefd=False) as handle:
            data = handle.read(MAX_SOURCE_BYTES + 1)
    finally:
        os.close(fd)
    return source_files(exercise, data, str(path))


def source_files(exercise: Exercise, data: bytes, where: str) -> Files:
    """The candidate's file as sent into the sandbox, wherever it was read from (a file, a commit): at most
    MAX_SOURCE_BYTES of UTF-8 text, with CRLF and CR line ends made LF."""
    if len(data) > MAX_SOURCE_BYTES:
        return Unreadable(f"{where} is larger than the {MAX_SOURCE_BYTES >> 10} KB a solution may have", missing=False)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return Unreadable(f"{where} is not UTF-8 text", missing=False)
    return {exercise.spec.entrypoint.file: text.replace("\r\n", "\n").replace("\r", "\n")}


def _open_beneath(root: Path | None, path: Path) -> int:
    """A read descriptor of PATH, no link followed: from ROOT down, every folder is opened with
    O_NOFOLLOW | O_DIRECTORY relative to its parent's descriptor, then the file with O_NOFOLLOW."""
    flags = os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK
    if root is None:
        return os.open(path, flags)
    parts = path.relative_to(root).parts
    if ".." in parts:
        raise OSError(errno.ENOTDIR, "path leaves the submission folder")
    directory = os.open(root, os.O_RDONLY | os.O_DIRECTORY)
    try:
        for part in parts[:-1]:
            inner = os.open(part, os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW, dir_fd=directory)
            os.close(directory)
            directory = inner
        return os.open(parts[-1], flags, dir_fd=directory)
    finally:
        os.close(directory)


Refusal = Callable[[Case], CaseResult]  # how each case is decided when the candidate's code is not run


@dataclass(frozen=True)
class _Pending:
    """An exercise of a run on its way to a result: where it stands in the run, its files, and its refusal
    when its code is not run (an unreadable file, source that cannot be scanned, a forbidden API)."""

    position: int
    exercise: Exercise
    files: Files
    refusal: Refusal | None

    def member(self) -> Member | None:
        """The exercise as its container takes it, None when it is refused."""
        return Member(self.exercise, self.files) if self.refusal is None and isinstance(self.files, dict) else None

    def sandboxed(self) -> Member:
        """The exercise as its container takes it, for an exercise that is not refused."""
        member = self.member()
        assert member is not None
        return member


def grade_exercises(exercises: Sequence[Exercise], files_for: Callable[[Exercise], Files], options: GradeOptions,
                    progress: Progress, cancel: threading.Event) -> list[ExerciseResult]:
    """Grade EXERCISES, results in order. The exercises that run share one fresh container (a second one
    when some preload torch: sandbox_run.by_container), graded one after another, each in a fresh process;
    an exercise decided without running (unreadable, forbidden) takes none. Containers run side by side.
    FILES_FOR reads an exercise's candidate files. Setting CANCEL (or Ctrl-C / SIGTERM in the calling
    thread) stops every exercise within a fraction of a second and raises Interrupted; no partial results
    are returned."""
    if not exercises:
        return []
    results: list[ExerciseResult | None] = [None] * len(exercises)
    pending = [_pending(position, exercise, files_for(exercise)) for position, exercise in enumerate(exercises)]
    refused = [[item] for item in pending if item.member() is None]
    groups = by_container([item for item in pending if item.member() is not None], _Pending.sandboxed) + refused

    def grade(group: list[_Pending]) -> None:
        for position, result in _grade_group(group, options, progress, cancel):
            results[position] = result

    executor = ThreadPoolExecutor(max_workers=min(len(groups), os.cpu_count() or 1))
    try:
        list(executor.map(grade, groups))
        return [result for result in results if result is not None]
    except (Cancelled, KeyboardInterrupt):  # KeyboardInterrupt: Ctrl-C or SIGTERM (grader.cli) in this thread
        cancel.set()
        executor.shutdown(wait=True, cancel_futures=True)  # each live worker removes its container, then stops
        left = [e.spec.id for e, result in zip(exercises, results, strict=True) if result is None]
        raise Interrupted(f"interrupted: {len(left)} of {len(exercises)} exercise(s) left ungraded "
                          f"({', '.join(left[:5])}{', …' if len(left) > 5 else ''}); nothing was recorded and "
                          "the sandbox containers were removed") from None
    except BaseException:
        cancel.set()  # a bug in one worker: stop the others before it propagates
        raise
    finally:
        executor.shutdown(wait=True, cancel_futures=True)


def run_exercises(path: Path, options: GradeOptions) -> list[Exercise]:
    """The exercises a run at PATH grades: every exercise at or under PATH, or with options.assignment
    only the assignment's."""
    exercises = [load_exercise(directory, options.bank) for directory in discover(path)]
    return options.assignment.select(exercises, str(path)) if options.assignment is not None else exercises


def grade_path(path: Path, options: GradeOptions, progress: Progress, cancel: threading.Event,
               exercises: Sequence[Exercise] | None = None) -> RunResult:
    """Grade every exercise at or under PATH (its candidate files, or those of options.submission); with
    options.assignment, only the assignment's exercises, each with its points. EXERCISES: run_exercises
    (PATH, options), loaded once by a caller that grades many candidates."""
    started = _now()
    exercises = run_exercises(path, options) if exercises is None else exercises
    if options.submission is not None and options.submission.is_file() and len(exercises) > 1:
        raise UsageError("--submission FILE needs PATH to be a single exercise; pass a folder for several")
    results = grade_exercises(exercises, lambda e: submitted_files(path, e, options.submission), options, progress,
                              cancel)
    run = RunResult(exercises=results, started=started, finished=_now(), sandbox=options.sandbox,
                    tool_version=__version__)
    if options.assignment is not None:
        options.assignment.apply(run)
    return run


def grade_exercise(exercise: Exercise, files: Files, options: GradeOptions, cancel: threading.Event) -> ExerciseResult:
    """Grade one exercise in a container of its own (Cancelled when CANCEL is set); every path ends in a
    verdict for every case (rule R7)."""
    [(_position, result)] = _grade_group([_pending(0, exercise, files)], options, lambda _m: None, cancel)
    return result


def _grade_group(group: list[_Pending], options: GradeOptions, progress: Progress,
                 cancel: threading.Event) -> Iterator[tuple[int, ExerciseResult]]:
    """(position, result) for the exercises of GROUP: one refused exercise, or the exercises of one
    container in grading order (sandbox_run.by_container). The digest of the files sent into the sandbox
    and each case's weight (`[cases] weights`) travel in each result."""
    members = [member for item in group if (member := item.member()) is not None]
    container = Container(members, options, cancel) if members else None
    try:
        for index, item in enumerate(group):
            if cancel.is_set():
                raise Cancelled("grading was interrupted")
            progress(f"grading {item.exercise.spec.id}")
            result = _graded(item, options, SandboxRun(container, index) if container is not None else None)
            for case in result.cases:
                case.weight = item.exercise.spec.weight(case.name)
            yield item.position, result
    except BaseException:  # cancelled, or a bug: never leave the container behind
        if container is not None:
            container.abort()
        raise
    if container is not None:
        container.discard()


def _pending(position: int, exercise: Exercise, files: Files) -> _Pending:
    return _Pending(position, exercise, files, _refusal(exercise, files))


def _refusal(exercise: Exercise, files: Files) -> Refusal | None:
    spec = exercise.spec
    if isinstance(files, Unreadable):
        return lambda case: verdicts.unreadable(case, files.problem, files.missing)
    if spec.entrypoint.kind == "sql":
        return None
    try:
        uses = scan(files[spec.entrypoint.file], spec.forbidden)
    except Unscannable as exc:  # hostile source: the candidate's outcome, never a crash (rule R7)
        problem = str(exc)
        return lambda case: verdicts.unreadable(case, problem, missing=False)
    if uses:
        return lambda case: verdicts.from_forbidden(case, uses, spec.entrypoint.file)
    return None


def _graded(item: _Pending, options: GradeOptions, run: SandboxRun | None) -> ExerciseResult:
    """One exercise's result: every case refused, or graded by RUN in its container."""
    exercise, files = item.exercise, item.files
    spec = exercise.spec
    entry = _prepared(exercise)
    cases, expected = entry.cases, entry.expected
    result = ExerciseResult(id=spec.id, title=spec.title, family=spec.family, path=str(spec.directory),
                            cases=[], sandbox=options.sandbox, memory_limit_mb=spec.limits.memory_mb,
                            files_sha256=None if isinstance(files, Unreadable) else files_digest(files))
    if item.refusal is not None or run is None:
        refusal = item.refusal
        assert refusal is not None
        result.cases = [refusal(case) for case in cases]
        return result
    diagnose = Diagnoser(exercise, expected, entry.variants)
    for case in cases:
        result.cases.append(run.grade(case, expected[case.name], diagnose))
    diagnose.settle(cases, result.cases)  # a misconception named only on consistent, sufficient evidence
    return result


@dataclass(frozen=True)
class _Prepared:
    signature: tuple[tuple[str, int, int], ...]  # cache.file_signature of the bank files it was built from
    cases: list[Case]
    expected: dict[str, dict[str, Any]]
    variants: Variants


_PREPARED: dict[Path, _Prepared] = {}


def prepared(exercise: Exercise) -> tuple[list[Case], dict[str, dict[str, Any]]]:
    """The exercise's cases (time limits filled in) and expected outputs, built once per process for
    each version of its bank files: a batch, `grade watch` or `grade serve` does not regenerate large
    cases for every submission. The disk cache (grader/cache.py) serves new processes."""
    entry = _prepared(exercise)
    return entry.cases, entry.expected


def _prepared(exercise: Exercise) -> _Prepared:
    """prepared(), and the wrong variants with their outputs per case, shared by every submission's diagnosis."""
    signature = cache.file_signature(exercise)
    entry = _PREPARED.get(exercise.private)
    if entry is None or entry.signature != signature:
        cases = generate_cases(exercise.cases_file, exercise.spec.seed)
        for case in cases:
            case.time_limit = case.time_limit or exercise.spec.time_per_case
        expected = expected_outputs(exercise, cases)
        entry = _Prepared(signature, cases, expected, Variants(exercise, expected))
        _PREPARED[exercise.private] = entry
    return entry


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
