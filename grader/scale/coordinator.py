"""`grade batch --broker`: one job per candidate without a current results document, sent to the workers of
the bank's digest; each result is written atomically, once, as it arrives.

Grading is at least once (a job whose worker died is graded again elsewhere), recording exactly once: a result
is written only when the candidate's document in the output folder does not already record the same files
digests; a job's id is a digest of (candidate, exercise set, bank digest, files digests), so a batch killed and
run again finds the results of the jobs it sent before, and re-sends only those without one. While the broker
is unreachable the batch says so once and waits; it goes on when the broker is back.

A worker's document is recorded as the local batch records its own: with the exercises in the batch's order and
folders, the assignment's points applied here (they are not part of a job: the same grading serves any points),
and a notebook candidate's errors located by notebook cell and line (batch.batch_document).
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from ..bank import Exercise, discover, load_exercise
from ..batch import Candidate, Outcome, Pending, assigned, batch_document, recorded, to_grade
from ..errors import ExitStatus, Interrupted, UsageError
from ..files import write_atomically
from ..grading import submitted_files
from ..options import GradeOptions
from ..results import from_document
from .jobs import DEFAULT_TRIES, TASK, bank_digest, job_id, make_app, make_job, queue_name

POLL_SECONDS = 0.5
RETRY_SECONDS = 2.0


@dataclass
class _Pending:
    todo: Pending
    job: dict[str, Any]
    failures: int = 0
    sent: bool = False


def run_over_broker(exercise: Path, candidates: list[Candidate], out: Path, broker: str, options: GradeOptions,
                    cancel: threading.Event, on_done: Callable[[Outcome], None] = lambda _o: None,
                    on_wait: Callable[[str], None] = lambda _m: None, force: bool = False,
                    tries: int = DEFAULT_TRIES) -> list[Outcome]:
    """Have the workers of BROKER grade every candidate whose document in OUT does not record their current files
    (every candidate with FORCE), with the options' bank and assignment; return every candidate's outcome. A job
    that failed TRIES times, or stopped as many workers mid-job, is ungradable (status 2, never 0). ON_WAIT says
    when the broker cannot be reached."""
    out.mkdir(exist_ok=True)
    served = [load_exercise(directory, options.bank) for directory in discover(exercise)]
    bank_id = bank_digest(served)  # of every exercise at EXERCISE: the workers serve that same path
    exercises, points = assigned(exercise, served, options.assignment)
    outcomes: list[Outcome] = []
    pending: dict[str, _Pending] = {}

    def finish(outcome: Outcome) -> None:
        outcomes.append(outcome)
        on_done(outcome)

    for todo in to_grade(exercise, exercises, candidates, out, force, finish, points):
        files = {item.spec.id: submitted_files(exercise, item, todo.submission) for item in exercises}
        pending[job_id(todo.candidate.name, bank_id, todo.current)] = _Pending(
            todo, make_job(todo.candidate.name, bank_id, files, tries))
    if not pending:
        return outcomes
    app = make_app(broker)
    queue = queue_name(bank_id)
    on_wait(f"{len(pending)} job(s) for the workers of bank digest {bank_id[:16]} (queue {queue})")
    broker_down = _BrokerWatch(on_wait)
    unreachable = _connection_errors()

    def collect(key: str, result: Any) -> None:
        item = pending[key]
        todo = item.todo
        document = _as_batch_records(result.result, todo, exercises, options) if result.state == "SUCCESS" else None
        if document is not None:
            path = out / f"{todo.candidate.name}.json"
            if force or recorded(path, todo.current, points) != document:
                write_atomically(path, json.dumps(document, indent=2) + "\n")
            del pending[key]
            finish(Outcome(todo.candidate, document["exit_status"], document=document))
            return
        item.failures += 1
        result.forget()
        item.sent = False
        if item.failures >= tries:
            del pending[key]
            finish(Outcome(todo.candidate, ExitStatus.USAGE, error=f"ungradable: its job failed {item.failures} "
                           f"time(s) on the workers (last: {str(result.result)[:200]})"))

    def send(key: str) -> None:
        app.send_task(TASK, args=[pending[key].job], task_id=key, queue=queue)
        pending[key].sent = True

    while pending:
        if cancel.is_set():
            raise Interrupted(f"interrupted: {len(pending)} candidate(s) not recorded yet; their jobs stay queued. "
                              "Run the same command again to collect them.")
        try:
            for key in list(pending):
                result = app.AsyncResult(key)
                if force and not pending[key].sent:
                    result.forget()  # a result stored by an earlier run: --force grades again
                    send(key)
                elif result.state in ("SUCCESS", "FAILURE"):
                    collect(key, result)
                elif not pending[key].sent:
                    send(key)
            broker_down.up()
            if pending:
                time.sleep(POLL_SECONDS)
        except KeyboardInterrupt:
            cancel.set()
        except unreachable as exc:  # the broker or result store is down or restarting: wait for it
            _check_credentials(exc)
            broker_down.down(exc)
            time.sleep(RETRY_SECONDS)
    return outcomes


def _as_batch_records(document: Any, todo: Pending, exercises: list[Exercise],
                      options: GradeOptions) -> dict[str, Any] | None:
    """A worker's DOCUMENT of TODO's files as a local batch records it (the module docstring); None when it is
    not a results document of exactly those files."""
    try:
        graded = {exercise["id"]: exercise.get("files_sha256") for exercise in document["exercises"]}
        if graded != todo.current or document["exit_status"] not in (0, 1, 2):
            return None
        run = from_document(document)
    except (KeyError, TypeError, ValueError):
        return None
    by_id = {result.id: result for result in run.exercises}
    run.exercises = [replace(by_id[item.spec.id], path=str(item.spec.directory)) for item in exercises]
    if options.assignment is not None:
        options.assignment.apply(run)
    return batch_document(run, todo.notebook)


def _connection_errors() -> tuple[type[BaseException], ...]:
    """What kombu (sending) and redis-py (results) raise while the broker cannot be reached."""
    from kombu.exceptions import OperationalError
    from redis.exceptions import ConnectionError as RedisConnectionError
    from redis.exceptions import TimeoutError as RedisTimeoutError

    return OperationalError, RedisConnectionError, RedisTimeoutError, ConnectionError


def _check_credentials(exc: BaseException) -> None:
    """A broker that refuses the URL's password (or user) will not let the batch in by waiting: UsageError."""
    from redis.exceptions import AuthenticationError, AuthorizationError

    cause: BaseException | None = exc
    while cause is not None:
        if isinstance(cause, AuthenticationError | AuthorizationError):
            raise UsageError(f"the broker refused the credentials of --broker ({cause}): check its password or "
                             "user") from None
        cause = cause.__cause__ or cause.__context__


class _BrokerWatch:
    """Say once that the broker is unreachable, and once that it is back."""

    def __init__(self, say: Callable[[str], None]) -> None:
        self.say, self.lost = say, False

    def down(self, exc: BaseException) -> None:
        if not self.lost:
            self.say(f"the broker cannot be reached ({str(exc).splitlines()[0][:200] if str(exc) else type(exc).__name__}"
                     "): waiting for it, nothing is lost")
        self.lost = True

    def up(self) -> None:
        if self.lost:
            self.say("the broker is back: going on")
        self.lost = False
