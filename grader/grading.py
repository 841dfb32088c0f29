"""One grading run: exercises → cases and expected outputs (trusted side) → the sandbox (candidate
files and case inputs only, rule R2) → verdicts (grader/verdicts.py) → a RunResult."""

from __future__ import annotations

import datetime as dt
import errno
import os
import stat
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sandbox.launcher import Limits, ReceiveTimeout, SandboxError, Session, janitor, open_session
from sandbox.pool import WarmPool
from sandbox.runner import wire

from . import __version__, cache, verdicts
from .bank import Exercise, discover, load_exercise
from .cases import Case, generate_cases
from .diagnose import Diagnoser
from .expected import expected_outputs
from .forbidden import imports_module, scan
from .results import CaseResult, ExerciseResult, RunResult

LOAD_TIMEOUT = 60.0  # importing torch in a cold container takes ~1.6 s; leave room for a slow host
GRACE = 1.0  # host-side deadline = the case's time limit + this
MAX_RESTARTS = 2  # fresh containers after a crash or time-out, so later cases still get graded
CANCEL_POLL = 0.2  # seconds between checks for Ctrl-C while waiting for the sandbox
MAX_SOURCE_BYTES = 1 << 20  # a candidate's file; a bigger one is not a solution (and would strain the sandbox's /tmp)


@dataclass(frozen=True)
class GradeOptions:
    """How to grade: which sandbox, which image, where the private bank and the submission are."""

    sandbox: str = "docker"
    image: str = ""
    bank: Path | None = None
    submission: Path | None = None
    pool: WarmPool | None = None


Progress = Callable[[str], None]


def grade_path(path: Path, options: GradeOptions, progress: Progress = lambda _m: None) -> RunResult:
    """Grade every exercise at or under PATH."""
    started = _now()
    directories = discover(path)
    if options.submission is not None and options.submission.is_file() and len(directories) > 1:
        raise ValueError("--submission FILE needs PATH to be a single exercise; pass a folder for several")
    exercises = [load_exercise(directory, options.bank) for directory in directories]

    def grade(exercise: Exercise) -> ExerciseResult:
        progress(f"grading {exercise.spec.id}")
        files = candidate_files(exercise, _submission_for(path, exercise.spec.directory, exercise, options.submission))
        return grade_exercise(exercise, files, options, cancel)

    # Exercises are independent (one container each): grade them side by side, results in order.
    cancel = threading.Event()
    with ThreadPoolExecutor(max_workers=min(len(exercises), os.cpu_count() or 1)) as executor:
        try:
            results = list(executor.map(grade, exercises))
        except BaseException:  # Ctrl-C arrives here, in the main thread: stop the workers now, not after
            cancel.set()  # their last case (each kills and removes its container within a fraction of a second)
            raise
    return RunResult(exercises=results, started=started, finished=_now(), sandbox=options.sandbox,
                     tool_version=__version__)


def _submission_for(root: Path, directory: Path, exercise: Exercise, submission: Path | None) -> Path:
    """The candidate's file: the exercise's own, or the mirror of it under --submission."""
    if submission is None:
        return exercise.spec.candidate_file
    if submission.is_file():
        return submission
    relative = directory.relative_to(root) if directory != root else Path()
    return submission / relative / exercise.spec.entrypoint.file


@dataclass(frozen=True)
class Unreadable:
    """A candidate file that is missing or cannot be read as text."""

    problem: str
    missing: bool


def candidate_files(exercise: Exercise, path: Path) -> dict[str, str] | Unreadable:
    """The files sent into the sandbox, or why they cannot be. The file is the candidate's (rule R6):
    a symbolic link (say, to the bank's reference or a host secret), a FIFO, a device or an
    oversized file is refused, never followed or read."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
    except FileNotFoundError:
        return Unreadable(f"no candidate file at {path}", missing=True)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return Unreadable(f"{path} is a symbolic link: submit the file itself", missing=False)
        return Unreadable(f"{path} cannot be read: {exc.strerror}", missing=False)
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            return Unreadable(f"{path} is not a regular file", missing=False)
        with os.fdopen(fd, "rb", closefd=False) as handle:
            data = handle.read(MAX_SOURCE_BYTES + 1)
    finally:
        os.close(fd)
    if len(data) > MAX_SOURCE_BYTES:
        return Unreadable(f"{path} is larger than the {MAX_SOURCE_BYTES >> 10} KB a solution may have", missing=False)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return Unreadable(f"{path} is not UTF-8 text", missing=False)
    return {exercise.spec.entrypoint.file: text.replace("\r\n", "\n").replace("\r", "\n")}


def grade_exercise(exercise: Exercise, files: dict[str, str] | Unreadable, options: GradeOptions,
                   cancel: threading.Event | None = None) -> ExerciseResult:
    """Grade one exercise; every path ends in a verdict for every case (rule R7)."""
    spec = exercise.spec
    cases, expected = prepared(exercise)
    result = ExerciseResult(id=spec.id, title=spec.title, family=spec.family, path=str(spec.directory),
                            cases=[], sandbox=options.sandbox, memory_limit_mb=spec.limits.memory_mb)
    if isinstance(files, Unreadable):
        result.cases = [verdicts.unreadable(c, files.problem, files.missing) for c in cases]
        return result
    if spec.entrypoint.kind != "sql":
        uses = scan(files[spec.entrypoint.file], spec.forbidden)
        if uses:
            result.cases = [verdicts.from_forbidden(c, uses, spec.entrypoint.file) for c in cases]
            return result
    diagnose = Diagnoser(exercise, expected)
    run = _SandboxRun(exercise, files, options, cancel)
    try:
        for case in cases:
            result.cases.append(run.grade(case, expected[case.name], diagnose))
    except BaseException:  # Ctrl-C or a bug: never leave the container behind
        run.abort()
        raise
    run.finish()
    return result


_PREPARED: dict[Path, tuple[tuple[tuple[str, int, int], ...], list[Case], dict[str, dict[str, Any]]]] = {}


def prepared(exercise: Exercise) -> tuple[list[Case], dict[str, dict[str, Any]]]:
    """The exercise's cases (time limits filled in) and expected outputs, built once per process for
    each version of its bank files: a batch, `grade watch` or `grade serve` does not regenerate large
    cases for every submission. The disk cache (grader/cache.py) serves new processes."""
    signature = cache.file_signature(exercise)
    entry = _PREPARED.get(exercise.private)
    if entry is None or entry[0] != signature:
        cases = generate_cases(exercise.cases_file, exercise.spec.seed)
        for case in cases:
            case.time_limit = case.time_limit or exercise.spec.time_per_case
        entry = (signature, cases, expected_outputs(exercise, cases))
        _PREPARED[exercise.private] = entry
    return entry[1], entry[2]


def runtime_modules(exercise: Exercise, files: dict[str, str]) -> tuple[str, ...]:
    """What the runner should import before the job: torch when the exercise or the candidate's
    source needs it (numpy always comes with the runner)."""
    if exercise.spec.entrypoint.kind == "torch_module":
        return ("torch",)
    if exercise.spec.entrypoint.kind != "sql" and imports_module(files[exercise.spec.entrypoint.file], "torch"):
        return ("torch",)
    return ()


class Cancelled(Exception):
    """The run was interrupted (Ctrl-C in the main thread); the exercise's container is removed."""


class _SandboxRun:
    """The sandbox sessions of one exercise: cases in order, a fresh container after a crash."""

    def __init__(self, exercise: Exercise, files: dict[str, str], options: GradeOptions,
                 cancel: threading.Event | None = None) -> None:
        self.exercise, self.files, self.options = exercise, files, options
        self.cancel = cancel or threading.Event()
        self.session: Session | None = None
        self.load_error: dict[str, Any] | None = None
        self.restarts = 0
        self.last_failure: CaseResult | None = None
        self.infrastructure: str | None = None

    def _receive(self, session: Session, timeout: float) -> dict[str, Any] | None:
        """session.receive(TIMEOUT), in short slices so that a cancelled run (Ctrl-C) stops at once."""
        deadline = time.monotonic() + timeout
        while True:
            if self.cancel.is_set():
                raise Cancelled("grading was interrupted")
            try:
                return session.receive(max(0.0, min(CANCEL_POLL, deadline - time.monotonic())))
            except ReceiveTimeout:
                if time.monotonic() >= deadline:
                    raise

    def _job(self) -> dict[str, Any]:
        spec = self.exercise.spec
        return {"type": "job", "files": self.files, "entry": spec.entrypoint.as_wire(spec.outputs),
                "forbidden": list(spec.forbidden), "time_per_case": spec.time_per_case}

    def _start(self) -> Session | None:
        """A session whose runner has loaded the submission, or None (load error, crash)."""
        if self.session is not None:
            return self.session
        limits: Limits = self.exercise.spec.limits
        preload = runtime_modules(self.exercise, self.files)
        if self.options.pool is not None and self.options.sandbox == "docker":
            self.session = self.options.pool.acquire(limits, preload)
        else:
            self.session = open_session(self.options.sandbox, self.options.image, limits, preload)
        self.session.send(self._job())
        try:
            loaded = self._receive(self.session, LOAD_TIMEOUT)
        except (ReceiveTimeout, wire.WireError):
            loaded = None
        if loaded is not None and loaded.get("type") == "loaded" and loaded.get("setup_error"):
            # Sent before any candidate code runs (and the source is size-capped): the sandbox is at fault.
            raise SandboxError(f"the sandbox could not hold the submission ({str(loaded['setup_error'])[:200]}): "
                               f"its /tmp is {limits.tmpfs_mb} MB; check free disk and memory on the Docker "
                               "host, then grade again")
        if loaded is None or loaded.get("type") != "loaded":
            self.load_error = {"type": "LoadFailure", "message": "the solution did not finish importing"}
        elif not loaded.get("ok"):
            self.load_error = loaded.get("error") if isinstance(loaded.get("error"), dict) else {}
        return self.session

    def grade(self, case: Case, expected: dict[str, Any], diagnose: verdicts.Diagnose) -> CaseResult:
        if self.infrastructure is not None:
            return verdicts.ungradable(case, self.infrastructure)
        if self.restarts > MAX_RESTARTS and self.last_failure is not None:
            return verdicts.skipped(case, self.last_failure)
        try:
            return self._grade(case, expected, diagnose)
        except SandboxError as exc:
            self.infrastructure = str(exc)
            self._close()
            return verdicts.ungradable(case, self.infrastructure)

    def _grade(self, case: Case, expected: dict[str, Any], diagnose: verdicts.Diagnose) -> CaseResult:
        session = self._start()
        if self.load_error is not None:
            return verdicts.from_load_error(case, self.load_error)
        assert session is not None
        limit = case.time_limit or self.exercise.spec.time_per_case
        session.send(case.as_wire())
        timed_out, problem = False, ""
        try:
            message = self._receive(session, limit + GRACE)
            if message is not None and message.get("type") == "result" and message.get("case") == case.name:
                return verdicts.from_result(self.exercise, case, message, expected, diagnose)
            problem = "an unexpected message" if message is not None else ""
        except ReceiveTimeout:
            timed_out = True
        except wire.WireError as exc:
            problem = str(exc)
        session.kill()
        ending = self._close()
        failure = (verdicts.from_malformed(case, problem) if problem and not ending.output_overflow
                   else verdicts.from_ending(case, ending, timed_out, limit))
        self.restarts += 1
        self.last_failure = failure
        return failure

    def _close(self) -> Any:
        session, self.session, self.load_error = self.session, None, None
        return session.close() if session is not None else None

    def finish(self) -> None:
        """Every answer is in: remove the container without waiting for the runner to exit."""
        session, self.session = self.session, None
        if session is not None:
            janitor.discard(session)

    def abort(self) -> None:
        """Kill and remove the live container, if any, without waiting for the runner."""
        if self.session is not None:
            self.session.kill()
            self._close()


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
