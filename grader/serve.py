"""`grade serve`: a long-lived grader with a warm sandbox pool, on a local socket.

`grade PATH` asks the server when one answers on the socket (the grading, the verdicts and the
sandbox are the same; only the containers are already started), and grades by itself otherwise.
The socket is a Unix socket readable only by its owner.
"""

from __future__ import annotations

import json
import os
import socket
import socketserver
from pathlib import Path
from typing import Any

from sandbox.pool import WarmPool

from .bank import discover, load_exercise
from .cache import cache_dir
from .grading import GradeOptions, grade_path, runtime_modules
from .results import to_document

SOCKET_ENV = "MLGRADE_SERVE_SOCKET"
MAX_REQUEST = 1 << 20
MAX_REPLY = 256 << 20


def socket_path() -> Path:
    """`$MLGRADE_SERVE_SOCKET`, else `serve.sock` in the cache directory."""
    return Path(os.environ.get(SOCKET_ENV) or cache_dir() / "serve.sock")


class _Handler(socketserver.StreamRequestHandler):
    server: _Server

    def handle(self) -> None:
        try:
            request = json.loads(self.rfile.readline(MAX_REQUEST))
            options = GradeOptions(
                image=self.server.pool.image, pool=self.server.pool,
                bank=Path(request["bank"]) if request.get("bank") else None,
                submission=Path(request["submission"]) if request.get("submission") else None,
            )
            reply: dict[str, Any] = {"ok": True, "document": to_document(grade_path(Path(request["path"]), options))}
        except Exception as exc:  # noqa: BLE001 - the client prints it and exits 2
            reply = {"ok": False, "error": f"{type(exc).__name__}: {exc}"}
        self.wfile.write(json.dumps(reply).encode() + b"\n")


class _Server(socketserver.ThreadingUnixStreamServer):
    daemon_threads = True

    def __init__(self, path: Path, pool: WarmPool) -> None:
        self.pool = pool
        super().__init__(str(path), _Handler)


def serve(image: str, prewarm: Path | None, per_key: int, memory_budget_mb: int, idle_seconds: float,
          ready: Any = print) -> None:
    """Run the server until interrupted; prewarm containers for the exercises under PREWARM."""
    path = socket_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.exists():
        if answers(path):
            raise RuntimeError(f"a grade server already answers on {path}")
        path.unlink()  # left behind by a server that was killed
    pool = WarmPool(image, per_key=per_key, memory_budget_mb=memory_budget_mb, idle_seconds=idle_seconds)
    if prewarm is not None:
        for key in {(e.spec.limits, runtime_modules(e, {e.spec.entrypoint.file: ""}))
                    for e in (load_exercise(d) for d in discover(prewarm))}:
            pool.prewarm(*key)
    old_umask = os.umask(0o177)
    try:
        server = _Server(path, pool)
    finally:
        os.umask(old_umask)
    ready(f"grade server on {path} (Ctrl-C stops it)")
    try:
        server.serve_forever()
    finally:
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
    """Ask the server to grade; returns the results document or raises RuntimeError."""
    request = {"path": str(path.resolve()), "submission": str(submission.resolve()) if submission else None,
               "bank": str(bank.resolve()) if bank else None}
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as connection:
        connection.connect(str(socket_path()))
        connection.sendall(json.dumps(request).encode() + b"\n")
        reply = json.loads(connection.makefile("rb").readline(MAX_REPLY))
    if not reply.get("ok"):
        raise RuntimeError(reply.get("error", "the grade server failed"))
    document: dict[str, Any] = reply["document"]
    return document
