"""Host side of the sandbox: start a hardened container (or a weaker local process) running the
runner, talk to it line by line, and report how it ended.

Everything read back is capped in bytes before it is parsed; nothing read back is trusted.
"""

from __future__ import annotations

import atexit
import contextlib
import os
import queue
import resource
import shutil
import signal
import socket
import struct
import subprocess
import sys
import tempfile
import threading
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from .runner import wire

RUNNER_DIR = Path(__file__).parent / "runner"
CONTAINER_RUNNER_ROOT = "/opt/mlgrade"
CONTAINER_PYTHON = "/opt/venv/bin/python3"
LABEL = "mlgrade.sandbox"
OWNER_LABEL = "mlgrade.owner"  # "<host>:<pid>" of the grader that started the container
OWNER = f"{socket.gethostname()}:{os.getpid()}"
RUNTIME_ENV = "MLGRADE_DOCKER_RUNTIME"  # e.g. runsc (gVisor): a stronger OCI runtime for the containers
PING_TIMEOUT = 10.0  # seconds: an engine that accepts the connection but never answers is no engine
MAX_PENDING_LINES = 64  # unread protocol lines the host keeps before calling it output abuse
DOCKER_HELP = (
    "Start the Docker engine (`sudo systemctl start docker`, or `sudo dockerd &`; "
    "`scripts/setup` installs and starts one), or pass `--sandbox local` for the weaker "
    "process sandbox."
)


class SandboxError(Exception):
    """An infrastructure fault: the submission cannot be graded (verdict "ungradable")."""


class ReceiveTimeout(Exception):
    """No message arrived within the time allowed."""


@dataclass(frozen=True)
class Limits:
    """Resource limits of one sandbox run. Values and their reasons: docs/security.md."""

    memory_mb: int = 1024
    cpus: float = 1.0
    pids: int = 64
    tmpfs_mb: int = 64
    output_bytes: int = 8 * 1024 * 1024
    nofile: int = 256
    fsize_mb: int = 32


@dataclass
class Ending:
    """How a sandbox run ended: the evidence the trusted side uses for crash verdicts."""

    exit_code: int | None
    oom_killed: bool
    output_overflow: bool
    stderr: str


class Session(Protocol):
    """A live runner: send messages to it, receive its answers, then close it."""

    sandbox: str

    def send(self, message: dict[str, Any]) -> None: ...

    def receive(self, timeout: float) -> dict[str, Any] | None: ...

    def kill(self) -> None: ...

    def close(self) -> Ending: ...

    def discard(self) -> None: ...


class _Channel:
    """Splits the runner's stdout into capped lines; keeps a capped tail of stderr."""

    def __init__(self, cap: int, on_overflow: Callable[[], None]) -> None:
        self.cap, self.on_overflow = cap, on_overflow
        self.lines: queue.Queue[bytes | None] = queue.Queue()
        self.total = 0
        self.overflow = False
        self._partial = bytearray()
        self._stderr = bytearray()

    def feed(self, stream: int, data: bytes) -> None:
        if self.overflow:
            return
        self.total += len(data)
        if self.total > self.cap:
            self.overflow = True
            self.on_overflow()
            return
        if stream == 2:
            self._stderr += data
            del self._stderr[: max(0, len(self._stderr) - 4096)]
            return
        self._partial += data
        while (newline := self._partial.find(b"\n")) >= 0:
            self.lines.put(bytes(self._partial[: newline + 1]))
            del self._partial[: newline + 1]
            if self.lines.qsize() > MAX_PENDING_LINES:  # the runner never has more than one answer pending:
                self.overflow = True  # a flood of lines is output abuse, not messages to keep in memory
                self.on_overflow()
                return

    def finish(self) -> None:
        self.lines.put(None)

    def stderr(self) -> str:
        return self._stderr.decode("utf-8", errors="replace")

    def receive(self, timeout: float) -> dict[str, Any] | None:
        try:
            line = self.lines.get(timeout=timeout)
        except queue.Empty:
            raise ReceiveTimeout() from None
        if line is None:
            self.lines.put(None)
            return None
        return wire.loads(line, self.cap)


class DockerSession:
    """One fresh, hardened container running the runner (rule R5, docs/design.md)."""

    sandbox = "docker"

    def __init__(self, image: str, limits: Limits, preload: tuple[str, ...] = ()) -> None:
        import docker.errors

        self._errors = docker.errors
        self.client = docker_client()
        self.container: Any = None
        self.channel = _Channel(limits.output_bytes, self._kill_soon)
        options = container_options(limits, preload)
        self._name = options["name"]
        try:
            self.container = self.client.containers.create(image, **options)
            self._socket = self.container.attach_socket(
                params={"stdin": 1, "stdout": 1, "stderr": 1, "stream": 1}
            )._sock
            self.container.start()
        except docker.errors.ImageNotFound:
            self._remove()
            raise SandboxError(f"the sandbox image {image} is missing: run `grade sandbox build`") from None
        except Exception as exc:  # noqa: BLE001
            self._remove()
            raise SandboxError(f"could not start a sandbox container: {_short(exc)}. {DOCKER_HELP}") from None
        except BaseException:  # Ctrl-C while the container is being created: do not leave it behind
            self._remove()
            raise
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        """Demultiplex Docker's attach stream (8-byte frame headers) into the channel."""
        buffer = b""
        try:
            while chunk := self._socket.recv(65536):
                buffer += chunk
                while len(buffer) >= 8:
                    stream, size = struct.unpack(">BxxxL", buffer[:8])
                    if len(buffer) < 8 + size:
                        break
                    self.channel.feed(stream, buffer[8 : 8 + size])
                    buffer = buffer[8 + size :]
        except OSError:
            pass
        finally:
            self.channel.finish()

    def send(self, message: dict[str, Any]) -> None:
        try:
            self._socket.sendall(wire.dumps(message))
        except OSError:
            pass  # the runner is gone; receive() reports the end of the channel

    def receive(self, timeout: float) -> dict[str, Any] | None:
        return self.channel.receive(timeout)

    def kill(self) -> None:
        try:
            self.container.kill()
        except Exception:  # noqa: BLE001 - already stopped or gone
            pass

    def _kill_soon(self) -> None:
        """Kill on output overflow without blocking the reader: the engine does not finish a kill
        while the container's output is not drained, so the reader must keep reading meanwhile."""
        threading.Thread(target=self.kill, daemon=True).start()

    def close(self) -> Ending:
        """Stop the container (SIGKILL after a short grace), read its state, remove it."""
        try:
            try:
                self._socket.shutdown(1)
            except OSError:
                pass
            try:
                status = self.container.wait(timeout=5)
            except Exception:  # noqa: BLE001 - did not stop by itself: kill it
                self.kill()
                status = self.container.wait(timeout=30)
            self._reader.join(timeout=5)
            self.container.reload()
            state = self.container.attrs["State"]
            return Ending(
                exit_code=status.get("StatusCode"),
                oom_killed=bool(state.get("OOMKilled")),
                output_overflow=self.channel.overflow,
                stderr=self.channel.stderr(),
            )
        except Exception as exc:  # noqa: BLE001
            raise SandboxError(f"lost the sandbox container: {_short(exc)}. {DOCKER_HELP}") from None
        finally:
            self._remove()

    def discard(self) -> None:
        """End a run whose answers are all in: kill and remove at once (no state needed)."""
        with contextlib.suppress(OSError):
            self._socket.close()
        self._remove()

    def _remove(self) -> None:
        if self.container is None:  # interrupted inside create(): the container may exist all the same
            with contextlib.suppress(Exception):
                self.client.containers.get(self._name).remove(force=True)
        if self.container is not None:
            try:
                self.container.remove(force=True)
            except self._errors.NotFound:
                pass
            except Exception:  # noqa: BLE001 - best effort; leftovers carry the label for cleanup
                pass


class _Janitor:
    """Removes finished sandboxes off the critical path: the verdicts are already decided, so the
    grader need not wait for `docker rm`. The process waits for every removal before it exits."""

    def __init__(self) -> None:
        self._threads: list[threading.Thread] = []
        self._lock = threading.Lock()
        atexit.register(self.wait)

    def discard(self, session: Session) -> None:
        thread = threading.Thread(target=session.discard, daemon=True)
        with self._lock:
            self._threads = [t for t in self._threads if t.is_alive()] + [thread]
        thread.start()

    def wait(self) -> None:
        with self._lock:
            threads = list(self._threads)
        for thread in threads:
            thread.join(timeout=120)


janitor = _Janitor()


def docker_client() -> Any:
    """A client of the local Docker engine, or SandboxError saying how to start one."""
    import docker

    try:
        client = docker.from_env(timeout=PING_TIMEOUT)
        client.ping()
        client.api.timeout = 60  # later calls (create, kill, wait) may legitimately take longer
    except Exception as exc:  # noqa: BLE001 - any failure here means no usable engine
        raise SandboxError(f"the Docker engine does not answer ({_short(exc)}). {DOCKER_HELP}") from None
    return client


def container_options(limits: Limits, preload: tuple[str, ...] = ()) -> dict[str, Any]:
    """The hardened `docker run` options (rule R5); the reasons are in docs/security.md.
    PRELOAD names modules the runner imports while it waits for its job (a warm container).
    $MLGRADE_DOCKER_RUNTIME, when set, picks the OCI runtime (e.g. `runsc` for gVisor)."""
    options: dict[str, Any] = {
        "command": [CONTAINER_PYTHON, "-s", "-m", "runner"],
        "name": f"mlgrade-{uuid.uuid4().hex[:12]}",
        "labels": {LABEL: "1", OWNER_LABEL: OWNER},
        "user": "65534:65534",
        "working_dir": "/tmp",
        "environment": {
            "PYTHONPATH": CONTAINER_RUNNER_ROOT,
            "MLGRADE_PRELOAD": ",".join(preload),
            "PYTHONDONTWRITEBYTECODE": "1",
            "HOME": "/tmp",
            "OMP_NUM_THREADS": "1",
            "OPENBLAS_NUM_THREADS": "1",
            "MKL_NUM_THREADS": "1",
        },
        "volumes": {str(RUNNER_DIR): {"bind": f"{CONTAINER_RUNNER_ROOT}/runner", "mode": "ro"}},
        "network_mode": "none",
        "read_only": True,
        "tmpfs": {"/tmp": f"rw,nosuid,nodev,noexec,size={limits.tmpfs_mb}m,mode=1777"},
        "mem_limit": f"{limits.memory_mb}m",
        "memswap_limit": f"{limits.memory_mb}m",
        "pids_limit": limits.pids,
        "nano_cpus": int(limits.cpus * 1e9),
        "cap_drop": ["ALL"],
        "security_opt": ["no-new-privileges"],
        "ipc_mode": "private",
        "init": True,
        "stdin_open": True,
        "log_config": {"type": "none", "config": {}},
        "ulimits": [
            {"name": "nofile", "soft": limits.nofile, "hard": limits.nofile},
            {"name": "fsize", "soft": limits.fsize_mb << 20, "hard": limits.fsize_mb << 20},
            {"name": "core", "soft": 0, "hard": 0},
            # Heap and private mappings capped at the memory limit: one huge allocation fails at
            # once with MemoryError instead of thrashing the cgroup before the OOM killer acts.
            {"name": "data", "soft": limits.memory_mb << 20, "hard": limits.memory_mb << 20},
        ],
    }
    if os.environ.get(RUNTIME_ENV):
        options["runtime"] = os.environ[RUNTIME_ENV]
    return options


class LocalSession:
    """The weaker sandbox: a separate process with rlimits, no container. Labelled everywhere."""

    sandbox = "local"

    def __init__(self, limits: Limits) -> None:
        self.workdir = Path(tempfile.mkdtemp(prefix="mlgrade-local-"))
        self.channel = _Channel(limits.output_bytes, self.kill)
        env = {
            "PATH": "/usr/bin:/bin",
            "PYTHONPATH": str(RUNNER_DIR.parent),
            "PYTHONDONTWRITEBYTECODE": "1",
            "HOME": str(self.workdir),
            "OMP_NUM_THREADS": "1",
            "MLGRADE_SUBMISSION_DIR": str(self.workdir / "submission"),
        }
        self.process = subprocess.Popen(
            [sys.executable, "-s", "-m", "runner"],
            cwd=self.workdir, env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
            preexec_fn=lambda: _local_limits(limits), start_new_session=True,
        )
        self._readers = [
            threading.Thread(target=self._read, args=(stream, number), daemon=True)
            for stream, number in ((self.process.stdout, 1), (self.process.stderr, 2))
        ]
        for reader in self._readers:
            reader.start()

    def _read(self, stream: Any, number: int) -> None:
        while chunk := stream.read1(65536):
            self.channel.feed(number, chunk)
        if number == 1:
            self.channel.finish()

    def send(self, message: dict[str, Any]) -> None:
        try:
            assert self.process.stdin is not None
            self.process.stdin.write(wire.dumps(message))
            self.process.stdin.flush()
        except (OSError, ValueError):
            pass

    def receive(self, timeout: float) -> dict[str, Any] | None:
        return self.channel.receive(timeout)

    def kill(self) -> None:
        try:
            os.killpg(self.process.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass

    def close(self) -> Ending:
        try:
            assert self.process.stdin is not None
            self.process.stdin.close()
        except OSError:
            pass
        try:
            code = self.process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self.kill()
            code = self.process.wait()
        self.kill()  # daemons the candidate left in its session
        for reader in self._readers:
            reader.join(timeout=5)
        shutil.rmtree(self.workdir, ignore_errors=True)
        return Ending(exit_code=code, oom_killed=False,
                      output_overflow=self.channel.overflow, stderr=self.channel.stderr())


    def discard(self) -> None:
        self.kill()
        self.close()


def _local_limits(limits: Limits) -> None:
    resource.setrlimit(resource.RLIMIT_AS, (limits.memory_mb << 21, limits.memory_mb << 21))
    resource.setrlimit(resource.RLIMIT_FSIZE, (limits.fsize_mb << 20, limits.fsize_mb << 20))
    resource.setrlimit(resource.RLIMIT_NOFILE, (limits.nofile, limits.nofile))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))


def open_session(sandbox: str, image: str, limits: Limits, preload: tuple[str, ...] = ()) -> Session:
    """Start a runner in the chosen sandbox ("docker" or "local")."""
    if sandbox == "local":
        return LocalSession(limits)
    return DockerSession(image, limits, preload)


def orphaned(owner: str) -> bool:
    """True when the grader that owns a container (an OWNER label) no longer runs on this host."""
    host, _, pid = owner.rpartition(":")
    if host != socket.gethostname() or not pid.isdigit():
        return False
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return True
    except PermissionError:
        return False
    return False


def remove_leftover_containers(everything: bool = False) -> int:
    """Remove sandbox containers whose grader died (SIGKILL, power loss); all of them with EVERYTHING."""
    import docker
    import docker.errors

    client = docker.from_env()
    removed = 0
    for container in client.containers.list(all=True, filters={"label": LABEL}, ignore_removed=True):
        if everything or orphaned(container.labels.get(OWNER_LABEL, "")):
            try:
                container.remove(force=True)
                removed += 1
            except docker.errors.APIError:  # already being removed by someone else
                pass
    return removed


def _short(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return (text[0] if text else type(exc).__name__)[:300]
