"""The sandbox sessions of one exercise's run: the job is sent, the candidate's module loads, the cases go
in one at a time, and a crash or time-out gets a fresh container for the cases that remain (rule R5, docs/design.md).
Every path ends in a CaseResult from grader/verdicts.py (rule R7); a cancelled run kills and removes its
container before raising `Cancelled`.

Infrastructure faults are decided here, on the host, never by what the candidate's process can print:
the only container message read as a fault of the sandbox is the runner's reply to the job (`written`),
sent before the host allows the candidate's module to load. Case times are measured here too (CaseClock),
from the host kernel's counters, never taken from the container."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import Any

from sandbox.launcher import Limits, ReceiveTimeout, SandboxError, Session, janitor, open_session
from sandbox.runner import wire

from . import verdicts
from .bank import Exercise
from .cases import Case
from .forbidden import imports_module
from .options import GradeOptions
from .results import CaseResult
from .scrub import scrub

LOAD_TIMEOUT = 60.0  # importing torch in a cold container takes ~1.6 s; leave room for a slow host
GRACE = 1.0  # wall-clock backstop per case = WALL_FACTOR × the case's time limit + this
WALL_FACTOR = 3.0  # a starved container (busy host) is not charged for waiting, but its case still ends
KILL_SLACK = 0.5  # the host stops a case charged this much past its limit; before that, the runner's own
# CPU timer usually answers "time limit" and the container stays usable for the next case
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


class CaseClock:
    """The time charged to one case, measured on the host from the moment its inputs are sent: the
    container's CPU time (its cgroup), or, when larger, the wall time minus the run-queue delay of the
    runner's main thread (so sleeping counts, waiting for a CPU on a busy host does not). Without the
    host's counters (a remote engine), the wall time."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.start = session.usage()
        self.started = time.monotonic()

    def charged(self, until: float | None = None) -> float:
        """Seconds charged so far, or UNTIL a time.monotonic() instant (an answer's arrival: the host's
        own parsing of the answer is not the candidate's time)."""
        wall = (until if until is not None else time.monotonic()) - self.started
        now = self.session.usage() if self.start is not None else None
        if self.start is None or now is None:
            return wall
        cpu = now.cpu - self.start.cpu
        if now.waiting is None or self.start.waiting is None:
            return cpu
        return max(cpu, wall - (now.waiting - self.start.waiting))


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

    def _receive(self, session: Session, timeout: float,
                 over: Callable[[], bool] | None = None) -> dict[str, Any] | None:
        """session.receive(TIMEOUT), in short slices so that a cancelled run (Ctrl-C) stops at once, and
        a case whose charged time is OVER its limit stops within a slice (ReceiveTimeout)."""
        deadline = time.monotonic() + timeout
        while True:
            if self.cancel.is_set():
                raise Cancelled("grading was interrupted")
            if over is not None and over():
                raise ReceiveTimeout()
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
            written = self._receive(self.session, LOAD_TIMEOUT)
        except (ReceiveTimeout, wire.WireError):
            written = None
        # No candidate code has run yet (the module loads only after `load`, below), so this reply is the
        # runner's own: the one container message that can establish a fault of the sandbox.
        if written is None or written.get("type") != "written":
            raise SandboxError("the sandbox's runner did not start; check the Docker host, then grade again")
        if written.get("ok") is not True:
            raise SandboxError(f"the sandbox could not hold the submission ({scrub(written.get('problem'), 200)}): "
                               f"its /tmp is {limits.tmpfs_mb} MB; check free disk and memory on the Docker "
                               "host, then grade again")
        self.session.send({"type": "load"})
        try:
            loaded = self._receive(self.session, LOAD_TIMEOUT)
        except (ReceiveTimeout, wire.WireError):
            loaded = None
        if loaded is None or loaded.get("type") != "loaded":
            self.load_error = {"type": "LoadFailure", "message": "the solution did not finish importing"}
        elif loaded.get("ok") is not True:
            error = loaded.get("error")
            self.load_error = error if isinstance(error, dict) else {
                "type": "LoadFailure", "message": "the solution's load report was malformed"}
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
        clock = CaseClock(session)
        session.send(case.as_wire())
        timed_out, problem = False, ""
        try:
            message = self._receive(session, WALL_FACTOR * limit + GRACE, over=lambda: clock.charged() > limit + KILL_SLACK)
            if message is not None and message.get("type") == "result" and message.get("case") == case.name:
                seconds = clock.charged(until=session.arrival())
                return verdicts.from_result(self.exercise, case, message, expected, diagnose, seconds)
            problem = "an unexpected message" if message is not None else ""
        except ReceiveTimeout:
            timed_out = True
        except wire.WireError as exc:
            problem = str(exc)
        seconds = clock.charged()
        session.kill()
        ending = self._close()
        failure = (verdicts.from_malformed(case, problem) if problem and not ending.output_overflow
                   else verdicts.from_ending(case, ending, timed_out, limit, seconds))
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
