"""The sandbox of a candidate's run: one container for the exercises of a group (by_container), graded
one after another, each in a fresh process the runner forks (rule R5, docs/design.md); the cases go in one
at a time, and a crash or time-out gets a fresh container for the cases and exercises that remain.
Every path ends in a CaseResult from grader/verdicts.py (rule R7); a cancelled run kills and removes its
container before raising `Cancelled`.

Infrastructure faults are decided here, on the host, never by what the candidate's process can print:
the only container message read as a fault of the sandbox is the runner's reply to the job (`written`),
sent before the host allows any candidate module to load. Case times are measured here too (CaseClock),
from the host kernel's counters, never taken from the container."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from typing import Any, TypeVar

from sandbox.launcher import Limits, ReceiveTimeout, SandboxError, Session, janitor, memory_rlimits, open_session
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
SEND_TIMEOUT = 10.0  # a message the sandbox has not taken by then never will be (its runner was stopped)
SMALL_MESSAGE = 64 * 1024  # at most this much always fits in the pipes: sent without a deadline
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
    """The time charged to one case, measured on the host from the moment its inputs are all sent: the
    container's CPU time (its cgroup), or, when larger, the wall time minus the run-queue delay of the
    exercise process's main thread (so sleeping counts, waiting for a CPU on a busy host does not). Without the
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


def send_within(session: Session, message: bytes, seconds: float) -> None:
    """Send MESSAGE, or kill the sandbox when it has not taken it within SECONDS: a message larger than the
    pipes blocks while the runner does not read, and candidate code can stop its runner (the same user).
    The case then ends as a process that ended without answering."""
    if len(message) <= SMALL_MESSAGE:
        session.send(message)
        return
    sender = threading.Thread(target=session.send, args=(message,), daemon=True)
    sender.start()
    sender.join(seconds)
    if sender.is_alive():
        session.kill()  # the blocked write then fails, and the thread ends


class Cancelled(Exception):
    """The run's cancel event was set; the exercise's container is already removed."""


@dataclass(frozen=True)
class Member:
    """An exercise of a candidate's run and the files it sends into the sandbox."""

    exercise: Exercise
    files: dict[str, str]


T = TypeVar("T")


def by_container(items: Iterable[T], member: Callable[[T], Member]) -> list[list[T]]:
    """ITEMS (exercises of one run) grouped by the container that grades them, each group in grading
    order. Exercises share a container when their limits differ at most in memory (set per exercise) and
    they preload the same runtime: an exercise without torch is not graded beside torch's memory. A group
    goes largest memory limit first: the container is made with that limit and lowered in place."""
    groups: dict[tuple[Limits, tuple[str, ...]], list[T]] = {}
    for item in sorted(items, key=lambda item: -member(item).exercise.spec.limits.memory_mb):
        exercise, files = member(item).exercise, member(item).files
        groups.setdefault((replace(exercise.spec.limits, memory_mb=0), runtime_modules(exercise, files)),
                          []).append(item)
    return list(groups.values())


def pool_key(members: list[Member]) -> tuple[Limits, tuple[str, ...]]:
    """The warm-pool key of the container that grades MEMBERS (a group of by_container): the first one's
    limits and the preloaded runtime."""
    first = members[0]
    return first.exercise.spec.limits, runtime_modules(first.exercise, first.files)


class Container:
    """The container of a group of a candidate's exercises (by_container), in grading order: it is made
    with the first one's limits, and its memory limit is set in place before each exercise loads."""

    def __init__(self, members: list[Member], options: GradeOptions, cancel: threading.Event) -> None:
        self.members = members
        self.options, self.cancel = options, cancel
        self.limits, self.preload = pool_key(members)
        self.session: Session | None = None
        self.loaded: int | None = None

    def receive(self, session: Session, timeout: float,
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

    def enter(self, index: int) -> tuple[Session | None, dict[str, Any] | None]:
        """A session whose runner has exercise INDEX loaded, or (None, why its module did not load)."""
        session = self.session or self._start()
        if self.loaded == index:
            return session, None
        if self.loaded is not None:
            session.send({"type": "end"})
            self.loaded = None
        session.set_memory(self.members[index].exercise.spec.limits.memory_mb)
        session.next_exercise()
        session.send({"type": "load", "exercise": index})
        try:
            loaded = self.receive(session, LOAD_TIMEOUT)
        except (ReceiveTimeout, wire.WireError):
            loaded = None
        if loaded is None or loaded.get("type") != "loaded":
            self.discard()  # no trustworthy order is left in this container's messages
            return None, {"type": "LoadFailure", "message": "the solution did not finish importing"}
        self.loaded = index
        if loaded.get("ok") is not True:
            error = loaded.get("error")
            return session, error if isinstance(error, dict) else {
                "type": "LoadFailure", "message": "the solution's load report was malformed"}
        return session, None

    def _job(self) -> dict[str, Any]:
        sandbox = self.options.sandbox

        def exercise(member: Member) -> dict[str, Any]:
            spec = member.exercise.spec
            return {"files": member.files, "entry": spec.entrypoint.as_wire(spec.outputs),
                    "forbidden": list(spec.forbidden), "time_per_case": spec.time_per_case,
                    "rlimits": memory_rlimits(sandbox, spec.limits.memory_mb)}

        return {"type": "job", "exercises": [exercise(m) for m in self.members]}

    def _start(self) -> Session:
        """A session whose runner has written every exercise's files; SandboxError when it could not."""
        if self.options.pool is not None and self.options.sandbox == "docker":
            self.session = self.options.pool.acquire(self.limits, self.preload)
        else:
            self.session = open_session(self.options.sandbox, self.options.image, self.limits, self.preload)
        self.session.send(self._job())
        try:
            written = self.receive(self.session, LOAD_TIMEOUT)
        except (ReceiveTimeout, wire.WireError):
            written = None
        # No candidate code has run yet (modules load only after `load`), so this reply is the runner's
        # own: the one container message that can establish a fault of the sandbox.
        if written is None or written.get("type") != "written":
            said = self.close().stderr.strip().splitlines()  # the runtime's own error, when it said one
            raise SandboxError("the sandbox's runner did not start" + (f" ({scrub(said[-1], 200)})" if said else "")
                               + "; check the Docker host, then grade again")
        if written.get("ok") is not True:
            raise SandboxError(f"the sandbox could not hold the submission ({scrub(written.get('problem'), 200)}): "
                               f"its /tmp is {self.limits.tmpfs_mb} MB; check free disk and memory on the Docker "
                               "host, then grade again")
        return self.session

    def close(self) -> Any:
        """Stop the container, read how it ended (None when there was none) and remove it."""
        session, self.session, self.loaded = self.session, None, None
        return session.close() if session is not None else None

    def discard(self) -> None:
        """Remove the container without waiting for the runner (every answer is in, or none can be)."""
        session, self.session, self.loaded = self.session, None, None
        if session is not None:
            janitor.discard(session)

    def abort(self) -> None:
        """Kill and remove the live container, if any, without waiting for the runner."""
        if self.session is not None:
            self.session.kill()
            self.close()


class SandboxRun:
    """One exercise's cases, in order, in its group's container: a fresh container after a crash."""

    def __init__(self, container: Container, index: int) -> None:
        self.container, self.index = container, index
        self.exercise = container.members[index].exercise
        self.load_error: dict[str, Any] | None = None
        self.restarts = 0
        self.last_failure: CaseResult | None = None
        self.infrastructure: str | None = None

    def grade(self, case: Case, expected: dict[str, Any], diagnose: verdicts.Diagnose) -> CaseResult:
        if self.infrastructure is not None:
            return verdicts.ungradable(case, self.infrastructure)
        if self.restarts > MAX_RESTARTS and self.last_failure is not None:
            return verdicts.skipped(case, self.last_failure)
        try:
            return self._grade(case, expected, diagnose)
        except SandboxError as exc:
            self.infrastructure = str(exc)
            self.container.close()
            return verdicts.ungradable(case, self.infrastructure)

    def _grade(self, case: Case, expected: dict[str, Any], diagnose: verdicts.Diagnose) -> CaseResult:
        if self.load_error is None:
            session, self.load_error = self.container.enter(self.index)
        if self.load_error is not None:
            return verdicts.from_load_error(case, self.load_error)
        assert session is not None
        limit = case.time_limit or self.exercise.spec.time_per_case
        send_within(session, case.message(), SEND_TIMEOUT)
        clock = CaseClock(session)  # from the moment the inputs are all sent: the runner forwards whole lines only
        timed_out, problem = False, ""
        try:
            message = self.container.receive(session, WALL_FACTOR * limit + GRACE,
                                             over=lambda: clock.charged() > limit + KILL_SLACK)
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
        ending = self.container.close()
        failure = (verdicts.from_malformed(case, problem) if problem and not ending.output_overflow
                   else verdicts.from_ending(case, ending, timed_out, limit, seconds))
        self.restarts += 1
        self.last_failure = failure
        return failure
