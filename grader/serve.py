"""`grade serve`: a long-lived grader with a warm sandbox pool, on a local socket.

`grade PATH` asks the server when one answers on the socket (the grading, the verdicts and the
sandbox are the same; only the containers are already started), and grades by itself otherwise.
The socket is a Unix socket readable only by its owner.
"""

from __future__ import annotations

import json
import os
import select
import socket
import socketserver
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sandbox.launcher import Limits
from sandbox.pool import WarmPool

from .bank import Exercise, discover, load_exercise
from .errors import InfrastructureError, Interrupted, MlgradeError, UsageError
from .files import cache_home
from .grading import grade_path
from .options import GradeOptions
from .results import to_document
from .sandbox_run import CANCEL_POLL, Member, by_container, pool_key

SOCKET_ENV = "MLGRADE_SERVE_SOCKET"
MAX_REQUEST = 1 << 20
MAX_REPLY = 256 << 20


def socket_path() -> Path:
    """`$MLGRADE_SERVE_SOCKET`, else `serve.sock` in the cache directory."""
    return Path(os.environ.get(SOCKET_ENV) or cache_home() / "serve.sock")


class _Handler(socketserver.StreamRequestHandler):
    server: _Server

    def handle(self) -> None:
        cancel = threading.Event()  # set when the server stops or the client hangs up (Ctrl-C in `grade PATH`)
        self.server.cancels.add(cancel)
        watcher = threading.Thread(target=_watch_hangup, args=(self.connection, cancel), daemon=True)
        try:
            line = self.rfile.readline(MAX_REQUEST)
        except OSError:
            line = b""  # the client reset the connection before sending anything
        if not line.strip():  # a probe (`answers()` connects and closes): nothing to grade, nobody to answer
            self.server.cancels.discard(cancel)
            return
        try:
            request = json.loads(line)
            watcher.start()
            options = GradeOptions(
                image=self.server.pool.image, pool=self.server.pool,
                bank=Path(request["bank"]) if request.get("bank") else None,
                submission=Path(request["submission"]) if request.get("submission") else None,
            )
            run = grade_path(Path(request["path"]), options, lambda _m: None, cancel)
            reply: dict[str, Any] = {"ok": True, "document": to_document(run)}
        except MlgradeError as exc:
            reply = {"ok": False, "error": str(exc)}
        except Exception as exc:  # noqa: BLE001 - a bug: the client prints it and exits 2; the server goes on
            reply = {"ok": False, "error": f"internal error in the grade server: {type(exc).__name__}: {exc}"}
        finally:
            self.server.cancels.discard(cancel)
            cancel.set()  # also ends the watcher
        try:
            self.wfile.write(json.dumps(reply).encode() + b"\n")
        except OSError:
            pass  # the client is gone

    def finish(self) -> None:
        try:
            super().finish()
        except OSError:
            pass  # the client is gone: nothing to flush to, and nothing worth a traceback


def _watch_hangup(connection: socket.socket, cancel: threading.Event) -> None:
    """Set CANCEL when the client closes its end (it sends nothing after its request)."""
    while not cancel.is_set():
        try:
            readable, _, _ = select.select([connection], [], [], CANCEL_POLL)
        except (OSError, ValueError):  # the request ended and its connection was closed meanwhile
            return
        if readable:
            try:
                if not connection.recv(1, socket.MSG_PEEK):
                    cancel.set()
            except OSError:
                cancel.set()
            return


class _Server(socketserver.ThreadingUnixStreamServer):
    daemon_threads = False
    block_on_close = True  # server_close() waits for every request: their containers are removed first

    def __init__(self, path: Path, pool: WarmPool) -> None:
        self.pool = pool
        self.cancels: set[threading.Event] = set()
        super().__init__(str(path), _Handler)

    def cancel_all(self) -> int:
        """Cancel every request in progress; returns how many there were."""
        cancels = list(self.cancels)
        for cancel in cancels:
            cancel.set()
        return len(cancels)


def prewarm_keys(exercises: list[Exercise]) -> set[tuple[Limits, tuple[str, ...]]]:
    """The pool keys of the containers that grade EXERCISES: all of them in one run, and each alone."""
    members = [Member(e, {e.spec.entrypoint.file: ""}) for e in exercises]
    groups = by_container(members, lambda member: member) + [[member] for member in members]
    return {pool_key(group) for group in groups}


def serve(image: str, prewarm: Path | None, per_key: int, memory_budget_mb: int, idle_seconds: float,
          ready: Callable[[str], Any] = print) -> str:
    """Run the server until interrupted (Ctrl-C, SIGTERM); prewarm containers for the exercises under
    PREWARM. On the way out every request in progress is cancelled and every container removed; returns
    what was stopped, for the operator."""
    path = socket_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.exists():
        if answers(path):
            raise UsageError(f"a grade server already answers on {path}")
        path.unlink()  # left behind by a server that was killed
    pool = WarmPool(image, per_key=per_key, memory_budget_mb=memory_budget_mb, idle_seconds=idle_seconds)
    server: _Server | None = None
    try:
        if prewarm is not None:
            for key in prewarm_keys([load_exercise(d) for d in discover(prewarm)]):
                pool.prewarm(*key)
        old_umask = os.umask(0o177)
        try:
            server = _Server(path, pool)
        finally:
            os.umask(old_umask)
        ready(f"grade server on {path} (Ctrl-C stops it)")
        try:
            server.serve_forever(poll_interval=CANCEL_POLL)
        except KeyboardInterrupt:
            pass
        cancelled = server.cancel_all()
        server.server_close()  # joins the request threads
        return (f"{cancelled} grading request(s) in progress were cancelled (their clients were told); "
                "warm containers removed")
    finally:
        if server is not None:
            server.cancel_all()
            server.server_close()
        path.unlink(missing_ok=True)
        pool.close()


def answers(path: Path | None = None) -> bool:
    """True when a server listens on the socket."""
    path = path or socket_path()
    if not path.exists():
        return False
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as probe:
        try:
            probe.connect(str(path))
            return True
        except OSError:
            return False


def grade_remotely(path: Path, submission: Path | None, bank: Path | None) -> dict[str, Any]:
    """Ask the server to grade; returns the results document or raises InfrastructureError."""
    request = {"path": str(path.resolve()), "submission": str(submission.resolve()) if submission else None,
               "bank": str(bank.resolve()) if bank else None}
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as connection:
        connection.connect(str(socket_path()))
        connection.sendall(json.dumps(request).encode() + b"\n")
        try:
            reply = json.loads(connection.makefile("rb").readline(MAX_REPLY))
        except KeyboardInterrupt:  # hanging up cancels the request on the server (its containers are removed)
            raise Interrupted("interrupted: the grade server stopped grading this request; nothing was recorded") from None
    if not reply.get("ok"):
        raise InfrastructureError(f"the grade server could not grade: {reply.get('error', 'no reason given')}")
    document: dict[str, Any] = reply["document"]
    return document
