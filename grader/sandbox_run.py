"""The sandbox sessions of one exercise's run: the job is sent, the candidate's module loads, the cases go
in one at a time, and a crash or time-out gets a fresh container for the cases that remain (rule R5, docs/design.md).
Every path ends in a CaseResult from grader/verdicts.py (rule R7); a cancelled run kills and removes its
container before raising `Cancelled`."""

from __future__ import annotations

import threading
import time
from typing import Any

from sandbox.launcher import Limits, ReceiveTimeout, SandboxError, Session, janitor, open_session
from sandbox.runner import wire

from . import verdicts
from .bank import Exercise
from .cases import Case
from .forbidden import imports_module
from .options import GradeOptions
from .results import CaseResult

LOAD_TIMEOUT = 60.0  # importing torch in a cold container takes ~1.6 s; leave room for a slow host
GRACE = 1.0  # host-side deadline = the case's time limit + this
MAX_RESTARTS = 2  # fresh containers after a crash or time-out, so later cases still get graded
CANCEL_POLL = 0.2  # seconds between checks of the cancel event while waiting for the sandbox


def runtime_modules(exercise: Exercise, files: dict[str, str]) -> tuple[str, ...]:
    """What the runner should import before the job: torch when the exercise or the candidate's
    source needs it (numpy always comes with the runner)."""
    if exercise.spec.entrypoint.kind == "torch_module":
        return ("torch",)
    if exercise.spec.entrypoint.kind != "sql" and imports_module(files[exercise.spec.entrypoint.file], "torch"):
        return ("torch",)
    return ()


class Cancelled(Exception):
    """The run's cancel event was set; the exercise's container is already removed."""


class SandboxRun:
    """The sandbox sessions of one exercise: cases in order, a fresh container after a crash."""

    def __init__(self, exercise: Exercise, files: dict[str, str], options: GradeOptions,
                 cancel: threading.Event) -> None:
        self.exercise, self.files, self.options, self.cancel = exercise, files, options, cancel
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
