"""`grade worker`: take candidate jobs of one bank from the broker and grade them as `grade batch` does.

The worker loads its exercises and bank once, computes their bank digest and consumes only that digest's queue.
Before each job it checks that its bank still has that digest (a bank edited under a running worker) and that
the job names it; when not, it stops consuming the queue and rejects the job with requeue, so the job waits for
a worker that has the bank. Jobs are graded in threads (--concurrency) through grading.grade_exercises with the
worker's warm pool, one container per submission; the result is the results document.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .. import __version__
from ..bank import Exercise, discover, load_exercise
from ..errors import UsageError
from ..grading import Files, Unreadable, files_digest, grade_exercises, prepared, source_files
from ..options import GradeOptions
from ..results import ExerciseResult, RunResult, SandboxKind, to_document
from ..scrub import shown
from ..verdicts import ungradable
from .jobs import COUNTER_SECONDS, ENDED_KEY, STARTED_KEY, TASK, bank_digest, make_app, queue_name

log = logging.getLogger("mlgrade.worker")


@dataclass(frozen=True)
class Served:
    """What this worker grades: the exercises at PATH by id, their bank digest, and how."""

    path: Path
    exercises: dict[str, Exercise]
    digest: str
    options: GradeOptions

    def current_digest(self) -> str:
        return bank_digest(list(self.exercises.values()))


def load_served(path: Path, options: GradeOptions) -> Served:
    """The exercises at or under PATH with the options' bank, and their digest."""
    exercises = {e.spec.id: e for e in (load_exercise(d, options.bank) for d in discover(path))}
    return Served(path, exercises, bank_digest(list(exercises.values())), options)


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


class Refused(Exception):
    """A job this worker must not grade (another bank digest, or malformed)."""


def job_files(exercise: Exercise, job: dict[str, Any]) -> Files:
    """The candidate's file of EXERCISE from JOB, capped and normalised exactly as read from disk."""
    sent = job["files"].get(exercise.spec.id)
    if isinstance(sent, dict) and isinstance(sent.get("text"), str):
        return source_files(exercise, sent["text"].encode("utf-8", "surrogatepass"), f"{job['candidate']}'s file")
    if isinstance(sent, dict) and isinstance(sent.get("unreadable"), str):
        return Unreadable(sent["unreadable"], bool(sent.get("missing")))
    raise Refused(f"the job holds no file entry for {exercise.spec.id}")


def grade_job(served: Served, job: dict[str, Any], crashes: int) -> dict[str, Any]:
    """The results document of JOB; CRASHES workers already stopped mid-job: with as many as the job's tries,
    every case is recorded ungradable instead of grading it again (never 0, never a pass)."""
    if not isinstance(job.get("candidate"), str) or not isinstance(job.get("files"), dict):
        raise Refused("malformed job")
    ids = job.get("exercises")
    if not isinstance(ids, list) or not ids or any(id not in served.exercises for id in ids):
        raise Refused(f"the job's exercises are not all served here ({served.path})")
    exercises = [served.exercises[id] for id in ids]
    started = _now()
    if crashes >= int(job.get("tries", 1)):
        problem = f"ungradable: grading this submission stopped {crashes} worker(s) mid-job; it was not retried"
        results = [ExerciseResult(id=e.spec.id, title=e.spec.title, family=e.spec.family, path=str(e.spec.directory),
                                  cases=[ungradable(c, problem) for c in prepared(e)[0]],
                                  sandbox=served.options.sandbox, memory_limit_mb=e.spec.limits.memory_mb,
                                  files_sha256=_digest(job_files(e, job)))
                   for e in exercises]
    else:
        results = grade_exercises(exercises, lambda e: job_files(e, job), served.options, lambda _m: None,
                                  threading.Event())
    return to_document(RunResult(exercises=results, started=started, finished=_now(), sandbox=served.options.sandbox,
                                 tool_version=__version__))


def serve(broker: str, served: Served, concurrency: int, redeliver_seconds: int) -> None:
    """Run the Celery worker until it is stopped (Ctrl-C or SIGTERM: a warm shutdown, running jobs finish)."""
    from celery.exceptions import Reject

    app = make_app(broker, redeliver_seconds)
    queue = queue_name(served.digest)

    @app.task(name=TASK, bind=True)
    def grade_candidate(task: Any, job: dict[str, Any]) -> dict[str, Any]:
        if not isinstance(job, dict):
            raise Refused("malformed job")
        counters = task.backend.client
        name = shown(str(job.get("candidate", "?")), limit=100)
        digest = served.current_digest()
        if job.get("bank") != served.digest or digest != served.digest:
            log.error("refused %s: the job is for bank digest %s, this worker has %s; it stops taking jobs of "
                      "%s and leaves the job in the queue", name, str(job.get("bank"))[:16], digest[:16], queue)
            app.control.cancel_consumer(queue, destination=[task.request.hostname])
            raise Reject("bank digest differs", requeue=True)
        key = task.request.id
        began = _count(counters, STARTED_KEY + key)
        crashes = began - 1 - int(_patiently(lambda: counters.get(ENDED_KEY + key)) or 0)
        if served.options.sandbox is SandboxKind.DOCKER:
            from sandbox.launcher import remove_leftover_containers

            remove_leftover_containers()  # a worker killed on this host left its containers
        try:
            log.info("grading %s", name)
            return grade_job(served, job, crashes)
        finally:
            _count(counters, ENDED_KEY + key)

    log.info("worker %s: %d exercise(s) from %s, bank digest %s, queue %s", os.getpid(), len(served.exercises),
             served.path, served.digest[:16], queue)
    try:
        app.worker_main(["worker", "--pool=threads", f"--concurrency={concurrency}", f"--queues={queue}",
                         "--loglevel=INFO", "--without-gossip", "--without-mingle",
                         f"--hostname=mlgrade-{os.getpid()}@%h"])
    except SystemExit as done:
        if done.code not in (0, None):
            raise UsageError(f"the Celery worker stopped (status {done.code}): see the messages above") from None


def _digest(files: Files) -> str | None:
    """The files' digest as grade_exercise records it (None: no readable file)."""
    return None if isinstance(files, Unreadable) else files_digest(files)


def _count(client: Any, key: str) -> int:
    """Add one to the Redis counter KEY (kept a week) and return it, waiting for Redis when it is away."""
    value = int(_patiently(lambda: client.incr(key)))
    _patiently(lambda: client.expire(key, COUNTER_SECONDS))
    return value


def _patiently(call: Callable[[], Any]) -> Any:
    """CALL's answer from Redis, tried again every second while Redis cannot be reached (a restart): a job
    finished meanwhile still reports its result, which Celery stores once Redis is back."""
    from redis.exceptions import ConnectionError as RedisConnectionError
    from redis.exceptions import TimeoutError as RedisTimeoutError

    while True:
        try:
            return call()
        except (RedisConnectionError, RedisTimeoutError):
            log.warning("Redis cannot be reached: trying again in 1 s")
            time.sleep(1)
