"""The in-container runner: the only mlgrade code that shares a process with candidate code.

Protocol (one JSON line per message, see ``wire``): the host sends a ``job`` (candidate files,
entrypoint, forbidden APIs, per-case time); the runner writes the files and answers ``written``
before any candidate code exists as code (the only reply the host may read as a fault of the sandbox);
the host sends ``load``, the runner imports the candidate's module and answers ``loaded``; then for
each ``case`` it answers one ``result``; ``end`` stops it. From ``load`` on, everything the container
says is evidence of the candidate's outcome, never a verdict. It imports nothing from ``grader``.
"""

from __future__ import annotations

import errno
import importlib
import os
import resource
import signal
import sys
import traceback
from pathlib import Path
from types import FrameType
from typing import Any, BinaryIO

from . import guard, invoke, wire

SUBMISSION_DIR = Path(os.environ.get("MLGRADE_SUBMISSION_DIR", "/tmp/submission"))
CAPTURE_LIMIT = 4096
MESSAGE_CAP = 64 * 1024 * 1024


class CaseTimeout(BaseException):
    """Raised by the interval timer when a case runs past its time limit."""


class _Timer:
    """Whether the current case's timer fired (C code such as SQLite may swallow CaseTimeout)."""

    fired = False


def main() -> int:
    for module in filter(None, os.environ.get("MLGRADE_PRELOAD", "").split(",")):
        importlib.import_module(module)  # a warm container imports its runtime before the job arrives
        if module == "torch":
            _warm_up_torch()
    channel = _take_over_stdio()
    inbox = sys.stdin.buffer
    job = _receive(inbox)
    if job is None or job["type"] != "job":
        return 3
    entry, files = job["entry"], job["files"]
    try:
        _write_files(files)
    except OSError as exc:  # no candidate code has run yet: the sandbox itself is at fault (e.g. /tmp full)
        _send(channel, {"type": "written", "ok": False, "problem": f"{type(exc).__name__}: {exc}"[:500]})
        return 4
    _send(channel, {"type": "written", "ok": True})
    go = _receive(inbox)
    if go is None or go["type"] != "load":
        return 0
    capture = _Capture.opened = _Capture(SUBMISSION_DIR / ".output")
    target, load_error = _load(entry, files, job.get("forbidden", []))
    _send(channel, {"type": "loaded", "ok": load_error is None, "error": load_error, "output": capture.take(),
                    "python": sys.version.split()[0]})
    while True:
        message = _receive(inbox)
        if message is None or message["type"] == "end":
            return 0
        if target is None:
            continue
        result = _run_case(target, entry, message, float(job["time_per_case"]))
        result["output"] = capture.take()
        _send(channel, result)


def _warm_up_torch() -> None:
    """Run torch's first-call set-up (kernel dispatch, autograd) before the job, not during case 1."""
    import numpy as np
    import torch

    state = {"weight": np.eye(4), "bias": np.zeros(4)}
    x = np.zeros((2, 3, 4))
    invoke.invoke_torch_module(torch.nn.Linear, {"in_features": 4, "out_features": 4}, state, {"x": x}, x)
    scores = torch.zeros(3, 3, dtype=torch.float64, requires_grad=True)
    future = torch.ones(3, 3, dtype=torch.bool).triu(diagonal=1)
    torch.softmax(scores.masked_fill(future, float("-inf")), dim=-1).view(9).sum().backward()


def _take_over_stdio() -> BinaryIO:
    """Keep the real stdout for protocol messages; candidate prints go to a capture file."""
    SUBMISSION_DIR.mkdir(mode=0o700, parents=True, exist_ok=True)
    channel = os.fdopen(os.dup(1), "wb", buffering=0)
    capture_fd = os.open(SUBMISSION_DIR / ".output", os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    os.dup2(capture_fd, 1)
    os.dup2(capture_fd, 2)
    os.close(capture_fd)
    sys.stdout = open(1, "w", encoding="utf-8", errors="replace", closefd=False, buffering=1)
    sys.stderr = open(2, "w", encoding="utf-8", errors="replace", closefd=False, buffering=1)
    return channel


class _Capture:
    """Reads back what the candidate printed since the last call (trimmed), through a descriptor
    opened before any candidate code runs: replacing the file by a FIFO or a symlink, or using up
    every descriptor, cannot hang or break the read-back."""

    opened: _Capture | None = None

    def __init__(self, path: Path) -> None:
        self.fd, self.offset = os.open(path, os.O_RDONLY), 0

    def full(self) -> bool:
        """The capture file reached the fsize limit (what the candidate printed hit the cap)."""
        limit = resource.getrlimit(resource.RLIMIT_FSIZE)[0]
        return limit != resource.RLIM_INFINITY and os.fstat(self.fd).st_size >= limit

    def take(self) -> dict[str, Any]:
        for stream in (sys.stdout, sys.stderr):
            try:
                stream.flush()
            except (OSError, ValueError):  # capture file full (fsize limit) or closed by the candidate
                pass
        size = os.fstat(self.fd).st_size
        head = os.pread(self.fd, CAPTURE_LIMIT, self.offset) if size > self.offset else b""
        produced = max(0, size - self.offset)  # the candidate may have truncated the file
        self.offset = size
        return {"text": head.decode("utf-8", errors="replace"), "bytes": produced}


def _receive(inbox: BinaryIO) -> dict[str, Any] | None:
    line = inbox.readline(MESSAGE_CAP + 1)
    if not line:
        return None
    return wire.loads(line, MESSAGE_CAP)


def _send(channel: BinaryIO, message: dict[str, Any]) -> None:
    channel.write(wire.dumps(message))


def _write_files(files: dict[str, str]) -> None:
    for name, text in files.items():
        (SUBMISSION_DIR / Path(name).name).write_text(text, encoding="utf-8")


def _load(entry: dict[str, Any], files: dict[str, str], forbidden: list[str]) -> tuple[Any, dict[str, Any] | None]:
    guard.install(forbidden)
    sys.path.insert(0, str(SUBMISSION_DIR))
    main_file = SUBMISSION_DIR / Path(entry["file"]).name
    try:
        return invoke.load_target(entry["kind"], main_file, "solution"), None
    except BaseException as exc:  # noqa: BLE001 - every failure of candidate code is evidence
        return None, _describe_error(exc)


def _run_case(target: Any, entry: dict[str, Any], case: dict[str, Any], time_limit: float) -> dict[str, Any]:
    result: dict[str, Any] = {"type": "result", "case": case["name"]}
    args = wire.decode_value(case["args"], MESSAGE_CAP)
    kwargs = wire.decode_value(case["kwargs"], MESSAGE_CAP)
    # A CPU-time timer: a busy host does not fire it early. The host measures and decides the time
    # itself (sleeping included); this timer only lets an ordinary loop end with a precise answer.
    signal.signal(signal.SIGPROF, _on_alarm)
    _Timer.fired = False
    try:
        signal.setitimer(signal.ITIMER_PROF, float(case.get("time_limit", time_limit)))
        try:
            outputs = invoke.invoke(target, entry, args, kwargs)
        finally:
            signal.setitimer(signal.ITIMER_PROF, 0)
        result["outputs"] = {name: wire.encode_value(value) for name, value in outputs.items()}
        result["status"] = "ok"
    except BaseException as exc:  # noqa: BLE001
        result.update(_classify(exc))
    return result


def _on_alarm(_signum: int, _frame: FrameType | None) -> None:
    _Timer.fired = True
    raise CaseTimeout()


def _classify(exc: BaseException) -> dict[str, Any]:
    status = "error"
    if isinstance(exc, NotImplementedError):
        status = "not_implemented"
    elif isinstance(exc, guard.ForbiddenCall):
        status = "forbidden"
    elif isinstance(exc, CaseTimeout) or _Timer.fired:
        status = "timeout"
    elif isinstance(exc, MemoryError) or _allocation_failure(exc):
        status = "memory"
    elif isinstance(exc, OSError) and exc.errno == errno.EFBIG and _Capture.opened and _Capture.opened.full():
        status = "output_limit"  # the capture file hit the fsize limit (a big file elsewhere is an error)
    elif isinstance(exc, (invoke.BadOutput, wire.WireError)):
        status = "bad_output"
    return {"status": status, "error": _describe_error(exc)}


def _allocation_failure(exc: BaseException) -> bool:
    """torch and other C++ allocators report a failed allocation (e.g. under the data ulimit) as a
    RuntimeError, not MemoryError."""
    if not isinstance(exc, RuntimeError):
        return False
    try:
        message = str(exc)
    except BaseException:  # noqa: BLE001 - a hostile __str__
        return False
    return type(exc).__name__ == "OutOfMemoryError" or "can't allocate memory" in message


def _describe_error(exc: BaseException) -> dict[str, Any]:
    """Exception type, message and the traceback frames that are in the candidate's files."""
    frames = [
        {"file": Path(frame.filename).name, "line": frame.lineno, "function": frame.name, "code": frame.line or ""}
        for frame in traceback.extract_tb(exc.__traceback__)
        if frame.filename.startswith(str(SUBMISSION_DIR))
    ]
    if isinstance(exc, SyntaxError) and exc.filename and exc.filename.startswith(str(SUBMISSION_DIR)):
        frames.append({"file": Path(exc.filename).name, "line": exc.lineno or 0, "function": "<module>",
                       "code": (exc.text or "").strip()})
    try:
        message = str(exc)[:2000]
    except BaseException:  # noqa: BLE001 - a hostile __str__ must not kill the runner
        message = "<exception message could not be read>"
    error: dict[str, Any] = {"type": type(exc).__name__, "message": message, "frames": frames[-8:]}
    if isinstance(exc, guard.ForbiddenCall):
        error["api"] = exc.api
    return error


if __name__ == "__main__":
    sys.exit(main())
