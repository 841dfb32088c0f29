"""The in-container runner: the only mlgrade code that shares a process with candidate code.

Protocol (one JSON line per message, see ``wire``): the host sends a ``job`` (the files, entrypoint,
forbidden APIs, per-case time and memory rlimit of every exercise of the candidate's run); the runner
writes all the files and answers ``written`` before any candidate code exists as code (the only reply the
host may read as a fault of the sandbox). Then, exercise by exercise, the host sends ``load`` naming one;
the runner forks a fresh process for it (the runtime imported once, before the job, and shared
copy-on-write), which imports the candidate's module and answers ``loaded``, then answers one ``result``
per ``case``; ``end`` ends that exercise: its process and everything it started are killed before the
next ``load``. An exercise process that dies before ``end`` (a crash, the OOM killer) ends the runner the
same way, so the host sees the container end exactly as if that exercise had been alone in it. From the
first ``load`` on, everything the container says is evidence of the candidate's outcome, never a verdict.
It imports nothing from ``grader``.
"""

from __future__ import annotations

import contextlib
import errno
import importlib
import os
import resource
import select
import shutil
import signal
import sys
import traceback
from pathlib import Path
from types import FrameType
from typing import Any, BinaryIO

from . import guard, invoke, wire

SUBMISSION_DIR = Path(os.environ.get("MLGRADE_SUBMISSION_DIR", "/tmp/submission"))
OWN_PID_NAMESPACE = os.environ.get("MLGRADE_OWN_PID_NAMESPACE") == "1"  # a container: kill(-1) reaches only it
CAPTURE_LIMIT = 4096
MESSAGE_CAP = 64 * 1024 * 1024
END_GRACE = 1.0  # seconds an exercise process has to exit after ``end`` before it is killed
RLIMITS = {"RLIMIT_DATA": resource.RLIMIT_DATA, "RLIMIT_AS": resource.RLIMIT_AS}


class CaseTimeout(BaseException):
    """Raised by the interval timer when a case runs past its time limit."""


class _Timer:
    """Whether the current case's timer fired (C code such as SQLite may swallow CaseTimeout)."""

    fired = False


class Inbox:
    """The host's messages, read from a raw descriptor with no read-ahead hidden in a library buffer:
    what is not yet consumed stays here, so the runner can hand an exercise's messages to its process
    and keep the rest."""

    def __init__(self, fd: int) -> None:
        self.fd, self.buffer, self.closed = fd, bytearray(), False

    def line(self) -> bytes | None:
        """The next complete line, or None when none is buffered yet."""
        newline = self.buffer.find(b"\n")
        if newline < 0:
            if len(self.buffer) > MESSAGE_CAP:
                raise wire.WireError(f"message exceeds the {MESSAGE_CAP}-byte cap")
            return None
        line = bytes(self.buffer[: newline + 1])
        del self.buffer[: newline + 1]
        return line

    def fill(self) -> bool:
        """Read what the host has sent; False at the end of its stream."""
        data = os.read(self.fd, 1 << 20)
        self.closed = not data
        self.buffer += data
        return bool(data)

    def receive(self) -> dict[str, Any] | None:
        """The next message (waiting for it), or None when the host's stream ended."""
        while (line := self.line()) is None:
            if self.closed or not self.fill():
                return None
        return wire.loads(line, MESSAGE_CAP)


def main() -> int:
    for module in filter(None, os.environ.get("MLGRADE_PRELOAD", "").split(",")):
        importlib.import_module(module)  # a warm container imports its runtime before the job arrives
        if module == "torch":
            _warm_up_torch()
    SUBMISSION_DIR.mkdir(mode=0o700, parents=True, exist_ok=True)
    for fd in (0, 1):  # the host's pipes (under the engine, the shim's): large messages in few hops
        wire.widen(fd)
    channel = os.fdopen(os.dup(1), "wb", buffering=0)  # protocol messages; prints go to capture files
    _capture_into(SUBMISSION_DIR / ".output")
    inbox = Inbox(0)
    job = inbox.receive()
    if job is None or job["type"] != "job":
        return 3
    exercises = job["exercises"]
    try:
        for index, exercise in enumerate(exercises):
            _write_files(_folder(index), exercise["files"])
    except OSError as exc:  # no candidate code has run yet: the sandbox itself is at fault (e.g. /tmp full)
        _send(channel, {"type": "written", "ok": False, "problem": f"{type(exc).__name__}: {exc}"[:500]})
        return 4
    _send(channel, {"type": "written", "ok": True})
    while True:
        message = inbox.receive()
        if message is None or message["type"] != "load":
            return 0
        index = int(message["exercise"])
        status = _grade_exercise(index, exercises[index], inbox, channel)
        if status is not None:
            return _end_like(status)


def _folder(index: int) -> Path:
    return SUBMISSION_DIR / str(index)


def _grade_exercise(index: int, exercise: dict[str, Any], inbox: Inbox, channel: BinaryIO) -> int | None:
    """Grade one exercise in a forked process fed with the host's messages up to ``end``. Returns None
    when it ended on ``end``, else its wait status (it died, or the host's stream ended)."""
    read_end, write_end = os.pipe()
    wire.widen(write_end)
    pid = os.fork()
    if pid == 0:
        code = 1
        try:
            os.close(write_end)
            os.close(inbox.fd)
            os.setsid()
            code = _exercise_process(index, exercise, Inbox(read_end), channel)
        finally:
            os._exit(code)
    os.close(read_end)
    try:
        ended = _forward(inbox, write_end, pid)
    finally:
        os.close(write_end)  # at the end of the host's stream, the process reads the end of its own
    os.waitid(os.P_PID, pid, os.WEXITED | os.WNOWAIT)  # exited, not yet reaped: its pid is still its group's
    _kill_leftovers(pid)
    _, status = os.waitpid(pid, 0)
    _clear_scratch(index)
    return None if ended else status


def _forward(inbox: Inbox, write_end: int, pid: int) -> bool:
    """Pass the host's messages to the exercise process until ``end`` (True, once it has exited or been
    killed) or until it dies or the host's stream ends (False)."""
    pidfd = os.pidfd_open(pid)
    try:
        while True:
            line = inbox.line()
            if line is None:
                if inbox.closed:
                    return False
                readable, _, _ = select.select([inbox.fd, pidfd], [], [])
                if pidfd in readable:
                    return False
                inbox.fill()
                continue
            try:
                _write_all(write_end, line)
            except BrokenPipeError:
                return False
            if len(line) < 64 and wire.loads(line, MESSAGE_CAP)["type"] == "end":
                if not select.select([pidfd], [], [], END_GRACE)[0]:
                    os.kill(pid, signal.SIGKILL)  # every answer is in: its process is not needed any more
                return True
    finally:
        os.close(pidfd)


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]


def _kill_leftovers(pid: int) -> None:
    """Kill what the exercise's process left running (daemons, children), so the next exercise starts
    alone: in a container every process but init and this one, else the exercise's session."""
    try:
        if OWN_PID_NAMESPACE:
            os.kill(-1, signal.SIGKILL)
        else:
            os.killpg(pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass


def _clear_scratch(index: int) -> None:
    """Remove what the exercise wrote beside the submission (the scratch folder is shared by the run's
    exercises) and its own folder, so that the next exercise finds the sandbox as it was."""
    try:
        scratch = [path for path in SUBMISSION_DIR.parent.iterdir() if path != SUBMISSION_DIR]
    except OSError:
        scratch = []
    for path in [*scratch, _folder(index)]:
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path, ignore_errors=True)
        else:
            with contextlib.suppress(OSError):
                path.unlink()


def _end_like(status: int) -> int:
    """End the runner as the exercise's process ended: killed by the same signal, or the same exit code."""
    if os.WIFSIGNALED(status):
        number = os.WTERMSIG(status)
        if number not in (signal.SIGKILL, signal.SIGSTOP):
            signal.signal(number, signal.SIG_DFL)
        os.kill(os.getpid(), number)
    return os.waitstatus_to_exitcode(status) if os.WIFEXITED(status) else 1


def _exercise_process(index: int, exercise: dict[str, Any], inbox: Inbox, channel: BinaryIO) -> int:
    """One exercise, in its own process: rlimits, load, then the cases until ``end``."""
    for name, value in exercise.get("rlimits", {}).items():
        hard = resource.getrlimit(RLIMITS[name])[1]
        value = value if hard == resource.RLIM_INFINITY else min(value, hard)
        resource.setrlimit(RLIMITS[name], (value, value))
    folder = _folder(index)
    _capture_into(folder / ".output")
    capture = _Capture.opened = _Capture(folder / ".output")
    entry = exercise["entry"]
    target, load_error = _load(folder, entry, exercise.get("forbidden", []))
    _send(channel, {"type": "loaded", "ok": load_error is None, "error": load_error, "output": capture.take(),
                    "python": sys.version.split()[0]})
    while True:
        message = inbox.receive()
        if message is None or message["type"] == "end":
            return 0
        if target is None:
            continue
        result = _run_case(target, entry, message, float(exercise["time_per_case"]))
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


def _capture_into(path: Path) -> None:
    """Send what is printed (fds 1 and 2, sys.stdout and sys.stderr) to PATH, a fresh capture file."""
    capture_fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    os.dup2(capture_fd, 1)
    os.dup2(capture_fd, 2)
    os.close(capture_fd)
    sys.stdout = open(1, "w", encoding="utf-8", errors="replace", closefd=False, buffering=1)
    sys.stderr = open(2, "w", encoding="utf-8", errors="replace", closefd=False, buffering=1)


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


def _send(channel: BinaryIO, message: dict[str, Any]) -> None:
    channel.write(wire.dumps(message))


def _write_files(folder: Path, files: dict[str, str]) -> None:
    folder.mkdir(mode=0o700)
    for name, text in files.items():
        (folder / Path(name).name).write_text(text, encoding="utf-8")


def _load(folder: Path, entry: dict[str, Any], forbidden: list[str]) -> tuple[Any, dict[str, Any] | None]:
    guard.install(forbidden)
    sys.path.insert(0, str(folder))
    main_file = folder / Path(entry["file"]).name
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
