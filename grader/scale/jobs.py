"""What travels between `grade batch --broker` and `grade worker`, and the Celery app both sides configure.

A job is plain JSON (the only serializer either side accepts: nothing in a message can execute) holding only
the candidate's name, their file for each exercise (as grading.submitted_files read it, size-capped), the
exercise ids and the bank digest. The bank itself never travels: each worker is given its own copy, and a job
is queued on the queue of its bank digest, which only workers holding that bank consume.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from typing import Any

from .. import __version__
from ..bank import Exercise
from ..cache import bank_files
from ..grading import Files, Unreadable

TASK = "mlgrade.grade_candidate"
QUEUE_PREFIX = "mlgrade.bank."
STARTED_KEY = "mlgrade:started:"  # + job id: how many times a worker began the job (Redis counter)
ENDED_KEY = "mlgrade:ended:"  # + job id: how many times a worker finished it, well or with an error
COUNTER_SECONDS = 7 * 24 * 3600
DEFAULT_TRIES = 3  # a job that stopped this many workers mid-grading is recorded ungradable
DEFAULT_REDELIVER_SECONDS = 900  # an unacknowledged job (its worker died) goes back to the queue after this


def bank_digest(exercises: Sequence[Exercise]) -> str:
    """sha256 of the tool version and, by exercise id, every bank file (spec and private parts) by relative name:
    two hosts with the same digest grade the same way."""
    digest = hashlib.sha256(f"mlgrade/{__version__}\0".encode())
    for exercise in sorted(exercises, key=lambda e: e.spec.id):
        digest.update(exercise.spec.id.encode() + b"\0")
        for path in bank_files(exercise):
            name = path.name if path.parent == exercise.spec.directory else str(path.relative_to(exercise.private))
            digest.update(name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def queue_name(bank: str) -> str:
    """The queue of the jobs of bank digest BANK."""
    return QUEUE_PREFIX + bank[:32]


def job_id(candidate: str, bank: str, files: dict[str, str | None]) -> str:
    """The job's id (also its result's key): the same for the same (candidate, exercise set, bank digest, files
    digests), so a restarted batch finds the result of a job sent before it was killed."""
    key = "\0".join([candidate, bank, *(f"{id}={files[id]}" for id in sorted(files))])
    return "mlgrade-" + hashlib.sha256(key.encode()).hexdigest()


def make_job(candidate: str, bank: str, files: dict[str, Files], tries: int) -> dict[str, Any]:
    """The message of one candidate: their file for each exercise id (or why there is none), the bank digest,
    and after how many workers stopped mid-job it is recorded ungradable."""
    sent = {id: {"unreadable": f.problem, "missing": f.missing} if isinstance(f, Unreadable)
            else {"text": next(iter(f.values()))} for id, f in files.items()}
    return {"candidate": candidate, "bank": bank, "exercises": sorted(files), "files": sent, "tries": tries}


def make_app(broker: str, redeliver_seconds: int = DEFAULT_REDELIVER_SECONDS) -> Any:
    """The Celery app of BROKER (a redis:// or rediss:// URL, which may carry a password), Redis also storing the
    results. Late acknowledgement, requeue on a lost worker process and one job prefetched at a time: a worker
    that dies mid-job leaves its job unacknowledged, and Redis hands it to another worker after
    REDELIVER_SECONDS."""
    from celery import Celery

    app = Celery("mlgrade", broker=broker, backend=broker, set_as_current=False)
    transport = {"visibility_timeout": redeliver_seconds, "unacked_restore_interval": 1,
                 "unacked_restore_throttle": min(10, max(1, redeliver_seconds // 10))}
    app.conf.update(
        task_acks_late=True, task_reject_on_worker_lost=True, worker_prefetch_multiplier=1,
        task_serializer="json", result_serializer="json", accept_content=["json"], result_accept_content=["json"],
        broker_transport_options=transport, result_backend_transport_options=transport,
        broker_connection_retry_on_startup=True, broker_connection_max_retries=None,
        result_expires=COUNTER_SECONDS, worker_hijack_root_logger=False, worker_send_task_events=False,
        task_send_sent_event=False, broker_heartbeat=0,
    )
    return app
