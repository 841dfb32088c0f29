"""Host side of the sandbox: start a hardened container (or a weaker local process) running the
runner, talk to it line by line, and report how it ended.

Everything read back is capped in bytes before it is parsed; nothing read back is trusted.
"""

from __future__ import annotations

import atexit
import contextlib
import itertools
import json
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
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from .runner import wire

RUNNER_DIR = Path(__file__).parent / "runner"
SECCOMP_PROFILE = Path(__file__).parent / "seccomp.json"
CONTAINER_RUNNER_ROOT = "/opt/mlgrade"
CONTAINER_PYTHON = "/opt/venv/bin/python3"
RUNNER_COMMAND = [CONTAINER_PYTHON, "-s", "-m", "runner"]
LABEL = "mlgrade.sandbox"
OWNER_LABEL = "mlgrade.owner"  # "<host>:<pid>" of the grader that started the container
OWNER = f"{socket.gethostname()}:{os.getpid()}"
RUNTIME_ENV = "MLGRADE_DOCKER_RUNTIME"  # e.g. runsc (gVisor): a stronger OCI runtime; crun: measured, no faster
PING_TIMEOUT = 10.0  # seconds: an engine that accepts the connection but never answers is no engine
MAX_PENDING_LINES = 64  # unread protocol lines the host keeps before calling it output abuse
MIN_ENGINE = (20, 10)  # seccomp profiles with per-syscall errno (clone3 → ENOSYS) need Docker 20.10
MIN_RUNC = (1, 1)
# /proc and /sys files the container must not read: the engine's own masked list, plus the host's kernel
# command line and kernel details. (MaskedPaths replaces the engine's default list, so it is repeated.)
MASKED_PATHS = ["/proc/asound", "/proc/acpi", "/proc/kcore", "/proc/keys", "/proc/latency_stats",
                "/proc/timer_list", "/proc/timer_stats", "/proc/sched_debug", "/proc/scsi", "/sys/firmware",
                "/proc/cmdline", "/proc/config.gz", "/proc/modules", "/proc/kallsyms", "/proc/version",
                "/proc/vmallocinfo", "/proc/iomem", "/proc/ioports", "/proc/buddyinfo", "/proc/slabinfo",
                "/proc/zoneinfo", "/proc/pagetypeinfo", "/sys/kernel", "/sys/module", "/sys/devices/virtual/dmi"]
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


@dataclass(frozen=True)
class Usage:
    """What the host's kernel counted for a sandbox so far, in seconds: the CPU time of all its processes
    (the container's cgroup) and, when the host can see it, how long the runner's main thread waited for
    a CPU (run-queue delay, /proc/PID/schedstat). Nothing here comes from the container."""

    cpu: float
    waiting: float | None


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

    def send(self, message: dict[str, Any] | bytes) -> None:
        """Send one message: a dict, or a line already encoded by wire.dumps."""
        ...

    def receive(self, timeout: float) -> dict[str, Any] | None: ...

    def arrival(self) -> float:
        """time.monotonic() when the last received line had fully arrived (before the host parsed it)."""
        ...

    def kill(self) -> None: ...

    def usage(self) -> Usage | None: ...

    def set_memory(self, memory_mb: int) -> None:
        """Limit the whole sandbox's memory to MEMORY_MB from now on (the next exercise's limit)."""
        ...

    def next_exercise(self) -> None:
        """The runner is about to fork the process of another exercise: usage() follows that process, and
        its output counts against the output cap from zero (the cap is per exercise, as when each had
        a container of its own)."""
        ...

    def close(self) -> Ending: ...

    def discard(self) -> None: ...


class _Channel:
    """Splits the runner's stdout into capped lines; keeps a capped tail of stderr."""

    def __init__(self, cap: int, on_overflow: Callable[[], None]) -> None:
        self.cap, self.on_overflow = cap, on_overflow
        self.lines: queue.Queue[tuple[bytes, float] | None] = queue.Queue()
        self.arrived = 0.0
        self.total = 0
        self.overflow = False
        self._partial = bytearray()
        self._scanned = 0  # bytes of _partial already searched for a newline: each byte is scanned once
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
        while (newline := self._partial.find(b"\n", self._scanned)) >= 0:
            self.lines.put((bytes(self._partial[: newline + 1]), time.monotonic()))
            del self._partial[: newline + 1]
            self._scanned = 0
            if self.lines.qsize() > MAX_PENDING_LINES:  # the runner never has more than one answer pending:
                self.overflow = True  # a flood of lines is output abuse, not messages to keep in memory
                self.on_overflow()
                return
        self._scanned = len(self._partial)

    def finish(self) -> None:
        self.lines.put(None)

    def count_from_zero(self) -> None:
        """Count the output against the cap from here (the next exercise's output)."""
        self.total = 0

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
        data, self.arrived = line
        return wire.loads(data, self.cap, wire.MAX_ITEMS)


class DockerSession:
    """One fresh, hardened container running the runner (rule R5, docs/design.md)."""

    sandbox = "docker"

    def __init__(self, image: str, limits: Limits, preload: tuple[str, ...] = ()) -> None:
        import docker.errors

        self._errors = docker.errors
        self.client = docker_client()
        self.container: Any = None
        # Killed from a helper thread on output overflow: the engine does not finish a kill while the
        # container's output is not drained, so the reader must keep reading meanwhile.
        self.channel = _Channel(limits.output_bytes, in_background(self.kill))
        self._counters: tuple[Path | None, int | None] | None = None
        self.memory_mb = limits.memory_mb
        options = container_options(limits, preload)
        self._name = options["name"]
        try:
            self.container = _create(self.client, image, options)
            self._socket = self.container.attach_socket(
                params={"stdin": 1, "stdout": 1, "stderr": 1, "stream": 1}
            )._sock
            self.container.start()
        except docker.errors.ImageNotFound:
            self._remove()
            raise SandboxError(f"the sandbox image {image} is missing: run `grade sandbox build`") from None
        except Exception as exc:  # noqa: BLE001
            self._remove()
            raise SandboxError(f"could not start a sandbox container: {_short(exc)}{_runtime_hint(options)}. "
                               f"{DOCKER_HELP}") from None
        except BaseException:  # Ctrl-C while the container is being created: do not leave it behind
            self._remove()
            raise
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        """Demultiplex Docker's attach stream (8-byte frame headers) into the channel."""
        buffer = bytearray()
        try:
            while chunk := self._socket.recv(wire.PIPE_BYTES):
                buffer += chunk
                start = 0
                while len(buffer) - start >= 8:
                    stream, size = struct.unpack_from(">BxxxL", buffer, start)
                    if len(buffer) - start < 8 + size:
                        break
                    self.channel.feed(stream, bytes(buffer[start + 8 : start + 8 + size]))
                    start += 8 + size
                del buffer[:start]
        except OSError:
            pass
        finally:
            self.channel.finish()

    def send(self, message: dict[str, Any] | bytes) -> None:
        try:
            self._socket.sendall(_line(message))
        except OSError:
            pass  # the runner is gone; receive() reports the end of the channel

    def receive(self, timeout: float) -> dict[str, Any] | None:
        return self.channel.receive(timeout)

    def arrival(self) -> float:
        return self.channel.arrived

    def kill(self) -> None:
        try:
            self.container.kill()
        except Exception:  # noqa: BLE001 - already stopped or gone
            pass

    def usage(self) -> Usage | None:
        """The container's cgroup CPU time and its runner's run-queue delay, read on the host; None when
        the host cannot see the container's cgroup (a remote engine, another cgroup layout)."""
        if self._counters is None:
            self._counters = _counters(self.container.id)
        cgroup, runner = self._counters
        cpu = _cgroup_cpu(cgroup) if cgroup is not None else None
        if cpu is None:
            return None
        return Usage(cpu=cpu, waiting=run_delay(runner) if runner is not None else None)

    def set_memory(self, memory_mb: int) -> None:
        """Change the container's cgroup memory limit (and swap, to the same value) in place."""
        if memory_mb == self.memory_mb:
            return
        try:
            self.container.update(mem_limit=f"{memory_mb}m", memswap_limit=f"{memory_mb}m")
        except Exception as exc:  # noqa: BLE001
            raise SandboxError(f"could not set the sandbox's memory limit to {memory_mb} MB: {_short(exc)}. "
                               f"{DOCKER_HELP}") from None
        self.memory_mb = memory_mb

    def next_exercise(self) -> None:
        self._counters = None  # found again at the next usage(): the runner's new child
        self.channel.count_from_zero()

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


def in_background(action: Callable[[], None]) -> Callable[[], None]:
    """ACTION started in a daemon thread when called: a kill on output overflow must not block the reader
    that found it."""
    return lambda: threading.Thread(target=action, daemon=True).start()


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


def _create(client: Any, image: str, options: dict[str, Any]) -> Any:
    """containers.create(image, **options) plus the engine settings docker-py has no argument for:
    MaskedPaths (the /proc and /sys files the container cannot read)."""
    from docker.models.containers import _create_container_args

    arguments = _create_container_args({**options, "image": image, "version": client.api._version})
    arguments["host_config"]["MaskedPaths"] = MASKED_PATHS
    return client.containers.get(client.api.create_container(**arguments)["Id"])


CGROUP_CPU = ("/sys/fs/cgroup/cpuacct/docker/{id}/cpuacct.usage", "/sys/fs/cgroup/cpu,cpuacct/docker/{id}/cpuacct.usage",
              "/sys/fs/cgroup/cpuacct/system.slice/docker-{id}.scope/cpuacct.usage",
              "/sys/fs/cgroup/cpu,cpuacct/system.slice/docker-{id}.scope/cpuacct.usage",
              "/sys/fs/cgroup/system.slice/docker-{id}.scope/cpu.stat", "/sys/fs/cgroup/docker/{id}/cpu.stat")


def _counters(container_id: str) -> tuple[Path | None, int | None]:
    """The container's CPU counter file on the host (cgroup v1 or v2, cgroupfs or systemd driver) and the
    host pid of the process running the current exercise (timed_process)."""
    found = next((Path(t.format(id=container_id)) for t in CGROUP_CPU if os.path.exists(t.format(id=container_id))),
                 None)
    if found is None:
        return None, None
    return found, timed_process(found.parent / "cgroup.procs")


def timed_process(procs: Path) -> int | None:
    """The host pid of the process running the current exercise, among a container's processes (its cgroup's
    PROCS file): the child of the runner (the first child of the container's init), or the runner before it
    forks one. Pids as this host sees them, so an engine in another pid namespace does not mislead it."""
    try:
        pids = sorted(int(line) for line in procs.read_text().split())
        parents = {pid: _parent(pid) for pid in pids}
    except (OSError, ValueError):
        return None
    inits = [pid for pid, parent in parents.items() if parent not in parents]
    runners = [pid for pid, parent in parents.items() if inits and parent == inits[0]]
    exercises = [pid for pid, parent in parents.items() if runners and parent == runners[0]]
    timed = exercises or runners
    return timed[0] if timed else None


def _parent(pid: int) -> int:
    stat = Path(f"/proc/{pid}/stat").read_text()
    return int(stat[stat.rindex(")") + 2 :].split()[1])


def _cgroup_cpu(path: Path) -> float | None:
    try:
        text = path.read_text()
    except OSError:
        return None
    if path.name == "cpu.stat":  # cgroup v2: "usage_usec N"
        fields = dict(line.split() for line in text.splitlines() if line.count(" ") == 1)
        return int(fields["usage_usec"]) / 1e6 if "usage_usec" in fields else None
    return int(text) / 1e9


def run_delay(pid: int) -> float | None:
    """Seconds the process's main thread spent runnable but waiting for a CPU (/proc/PID/schedstat)."""
    try:
        return int(Path(f"/proc/{pid}/schedstat").read_text().split()[1]) / 1e9
    except (OSError, ValueError, IndexError):
        return None


_VERSIONS_CHECKED: list[bool] = []


def check_versions(client: Any) -> None:
    """SandboxError unless the engine and runc are at least MIN_ENGINE and MIN_RUNC (checked once)."""
    if _VERSIONS_CHECKED:
        return
    try:
        report = client.version()
    except Exception as exc:  # noqa: BLE001
        raise SandboxError(f"the Docker engine does not report its version ({_short(exc)}). {DOCKER_HELP}") from None
    engine = numbers(report.get("Version", ""))
    if engine < MIN_ENGINE:
        raise SandboxError(f"the Docker engine is version {report.get('Version')!s:.40}; mlgrade's sandbox needs "
                           f"{'.'.join(map(str, MIN_ENGINE))} or later (its seccomp profile and limits). "
                           "Upgrade Docker, then grade again")
    runc = next((c.get("Version", "") for c in report.get("Components") or [] if c.get("Name") == "runc"), None)
    if runc is not None and numbers(runc) < MIN_RUNC:
        raise SandboxError(f"the engine's runc is version {runc!s:.40}; mlgrade's sandbox needs "
                           f"{'.'.join(map(str, MIN_RUNC))} or later, with your distribution's security fixes "
                           "(CVE-2024-21626). Upgrade Docker and runc, then grade again")
    _VERSIONS_CHECKED.append(True)


def numbers(version: str) -> tuple[int, ...]:
    """(20, 10, 24) from "20.10.24+dfsg1"; () when VERSION does not start with a number."""
    parts = []
    for part in version.lstrip("v").split("."):
        digits = "".join(itertools.takewhile(str.isdigit, part))
        if not digits:
            break
        parts.append(int(digits))
        if len(digits) < len(part):
            break
    return tuple(parts)


def docker_client() -> Any:
    """A client of the local Docker engine, or SandboxError saying how to start one."""
    import docker

    try:
        client = docker.from_env(timeout=PING_TIMEOUT)
        client.ping()
        client.api.timeout = 60  # later calls (create, kill, wait) may legitimately take longer
    except Exception as exc:  # noqa: BLE001 - any failure here means no usable engine
        raise SandboxError(f"the Docker engine does not answer ({_short(exc)}). {DOCKER_HELP}") from None
    check_versions(client)
    return client


def _runtime_hint(options: dict[str, Any]) -> str:
    runtime = options.get("runtime")
    return f" (OCI runtime {runtime} from ${RUNTIME_ENV}: unset it for the engine's default)" if runtime else ""


def container_options(limits: Limits, preload: tuple[str, ...] = ()) -> dict[str, Any]:
    """The hardened `docker run` options (rule R5); the reasons are in docs/security.md.
    PRELOAD names modules the runner imports while it waits for its job (a warm container).
    $MLGRADE_DOCKER_RUNTIME, when set, picks the OCI runtime (e.g. `runsc` for gVisor)."""
    options: dict[str, Any] = {
        "command": RUNNER_COMMAND,
        "name": f"mlgrade-{uuid.uuid4().hex[:12]}",
        "labels": {LABEL: "1", OWNER_LABEL: OWNER},
        "user": "65534:65534",
        "working_dir": "/tmp",
        "environment": runner_environment(preload),
        "volumes": {str(staged_runner()): {"bind": f"{CONTAINER_RUNNER_ROOT}/runner", "mode": "ro"}},
        "network_mode": "none",
        "read_only": True,
        "tmpfs": {"/tmp": ",".join(tmpfs_options(limits))},
        "mem_limit": f"{limits.memory_mb}m",
        "memswap_limit": f"{limits.memory_mb}m",
        "pids_limit": limits.pids,
        "nano_cpus": int(limits.cpus * 1e9),
        "cap_drop": ["ALL"],
        "security_opt": ["no-new-privileges", f"seccomp={seccomp_profile()}"],
        "ipc_mode": "private",
        "init": True,
        "stdin_open": True,
        "log_config": {"type": "none", "config": {}},
        "ulimits": [{"name": name.removeprefix("RLIMIT_").lower(), "soft": value, "hard": value}
                    for name, value in container_rlimits(limits).items()],
    }
    if os.environ.get(RUNTIME_ENV):
        options["runtime"] = os.environ[RUNTIME_ENV]
    return options


def tmpfs_options(limits: Limits) -> list[str]:
    """The mount options of the container's /tmp, the only place it can write."""
    return ["rw", "nosuid", "nodev", "noexec", f"size={limits.tmpfs_mb}m", "mode=1777"]


def runner_environment(preload: tuple[str, ...] = ()) -> dict[str, str]:
    """The environment of the runner in a container, on top of the image's own (its PATH)."""
    return {
        "PYTHONPATH": CONTAINER_RUNNER_ROOT,
        "MLGRADE_PRELOAD": ",".join(preload),
        "MLGRADE_OWN_PID_NAMESPACE": "1",
        "PYTHONDONTWRITEBYTECODE": "1",
        "HOME": "/tmp",
        "OMP_NUM_THREADS": "1",
        "OPENBLAS_NUM_THREADS": "1",
        "MKL_NUM_THREADS": "1",
    }


def container_rlimits(limits: Limits) -> dict[str, int]:
    """The runner's rlimits in a container, by resource name (soft = hard)."""
    return {"RLIMIT_NOFILE": limits.nofile, "RLIMIT_FSIZE": limits.fsize_mb << 20, "RLIMIT_CORE": 0,
            **memory_rlimits("docker", limits.memory_mb)}


def memory_rlimits(sandbox: str, memory_mb: int) -> dict[str, int]:
    """The per-process memory rlimit of a runner, and of each exercise process in it, by resource name:
    in a container, heap and private mappings capped at the memory limit (one huge allocation fails at once
    with MemoryError instead of thrashing the cgroup before the OOM killer acts); in the local sandbox,
    which has no cgroup, the address space at twice the limit."""
    if sandbox == "local":
        return {"RLIMIT_AS": memory_mb << 21}
    return {"RLIMIT_DATA": memory_mb << 20}


def seccomp_profile() -> str:
    """The sandbox's seccomp profile (sandbox/seccomp.json) as the engine takes it: the JSON text."""
    return json.dumps(json.loads(SECCOMP_PROFILE.read_text(encoding="utf-8")), separators=(",", ":"))


_STAGED: list[Path] = []


def staged_runner() -> Path:
    """A private copy of the runner code under the temp folder, mounted read-only into containers: the
    container's mount table shows this neutral path, not where mlgrade is installed on the host. Made once
    per process by the trusted side (rule R6), removed at exit."""
    if not _STAGED:
        folder = Path(tempfile.mkdtemp(prefix="mlgrade-runner-"))
        target = folder / "runner"
        target.mkdir()
        for source in RUNNER_DIR.glob("*.py"):
            shutil.copyfile(source, target / source.name)
            (target / source.name).chmod(0o644)
        target.chmod(0o755)
        folder.chmod(0o755)
        atexit.register(shutil.rmtree, folder, True)
        _STAGED.append(target)
    return _STAGED[0]


class PipedSession:
    """A runner that is a child process of the grader, talked to over its stdin and stdout pipes."""

    channel: _Channel
    process: subprocess.Popen[bytes]

    def _spawn(self, command: list[str], on_overflow: Callable[[], None], output_bytes: int,
               **popen: Any) -> None:
        self.channel = _Channel(output_bytes, on_overflow)
        self.process = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                        stderr=subprocess.PIPE, **popen)
        for stream in (self.process.stdin, self.process.stdout):
            assert stream is not None
            wire.widen(stream.fileno())
        self._readers = [
            threading.Thread(target=self._read, args=(stream, number), daemon=True)
            for stream, number in ((self.process.stdout, 1), (self.process.stderr, 2))
        ]
        for reader in self._readers:
            reader.start()

    def _read(self, stream: Any, number: int) -> None:
        while chunk := stream.read1(wire.PIPE_BYTES):
            self.channel.feed(number, chunk)
        if number == 1:
            self.channel.finish()

    def send(self, message: dict[str, Any] | bytes) -> None:
        try:
            assert self.process.stdin is not None
            self.process.stdin.write(_line(message))
            self.process.stdin.flush()
        except (OSError, ValueError):
            pass

    def receive(self, timeout: float) -> dict[str, Any] | None:
        return self.channel.receive(timeout)

    def arrival(self) -> float:
        return self.channel.arrived

    def kill(self) -> None:
        raise NotImplementedError

    def _wait(self) -> int:
        """Close the runner's stdin and wait for it to end (SIGKILL after a short grace)."""
        with contextlib.suppress(OSError):
            assert self.process.stdin is not None
            self.process.stdin.close()
        try:
            return self.process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self.kill()
            return self.process.wait()

    def _drain(self) -> None:
        """Read what is left of the runner's output (its pipes close when no process holds them)."""
        for reader in self._readers:
            reader.join(timeout=5)


class LocalSession(PipedSession):
    """The weaker sandbox: a separate process with rlimits, no container. Labelled everywhere."""

    sandbox = "local"

    def __init__(self, limits: Limits) -> None:
        self.workdir = Path(tempfile.mkdtemp(prefix="mlgrade-local-"))
        self._timed: int | None = None
        env = {
            "PATH": "/usr/bin:/bin",
            "PYTHONPATH": str(RUNNER_DIR.parent),
            "PYTHONDONTWRITEBYTECODE": "1",
            "HOME": str(self.workdir),
            "OMP_NUM_THREADS": "1",
            "MLGRADE_SUBMISSION_DIR": str(self.workdir / "submission"),
        }
        self._spawn([sys.executable, "-s", "-m", "runner"], self.kill, limits.output_bytes, cwd=self.workdir,
                    env=env, preexec_fn=lambda: _local_limits(limits), start_new_session=True)

    def usage(self) -> Usage | None:
        """The exercise process's main-thread CPU time and run-queue delay (/proc/PID/schedstat)."""
        if self._timed is None:
            self._timed = _local_child(self.process.pid) or self.process.pid
        try:
            ran, waited = Path(f"/proc/{self._timed}/schedstat").read_text().split()[:2]
        except (OSError, ValueError):
            return None
        return Usage(cpu=int(ran) / 1e9, waiting=int(waited) / 1e9)

    def set_memory(self, memory_mb: int) -> None:
        pass  # no cgroup: each exercise process lowers its own rlimit (memory_rlimits)

    def next_exercise(self) -> None:
        self._timed = None
        self.channel.count_from_zero()

    def kill(self) -> None:
        try:
            os.killpg(self.process.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass

    def close(self) -> Ending:
        code = self._wait()
        self.kill()  # daemons the candidate left in its session
        self._drain()
        shutil.rmtree(self.workdir, ignore_errors=True)
        return Ending(exit_code=code, oom_killed=False,
                      output_overflow=self.channel.overflow, stderr=self.channel.stderr())

    def discard(self) -> None:
        self.kill()
        self.close()


def _local_child(pid: int) -> int | None:
    """The first child of PID (the local runner's exercise process), None when it has none."""
    try:
        children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    except OSError:
        return None
    return int(children[0]) if children else None


def _local_limits(limits: Limits) -> None:
    for name, value in memory_rlimits("local", limits.memory_mb).items():
        resource.setrlimit(getattr(resource, name), (value, value))
    resource.setrlimit(resource.RLIMIT_FSIZE, (limits.fsize_mb << 20, limits.fsize_mb << 20))
    resource.setrlimit(resource.RLIMIT_NOFILE, (limits.nofile, limits.nofile))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))


def open_session(sandbox: str, image: str, limits: Limits, preload: tuple[str, ...] = ()) -> Session:
    """Start a runner in the chosen sandbox ("docker" or "local")."""
    if sandbox == "local":
        return LocalSession(limits)
    return container_session(image, limits, preload)


def container_session(image: str, limits: Limits, preload: tuple[str, ...] = ()) -> Session:
    """A fresh hardened container of IMAGE running the runner: started by crun directly where this host
    allows it (sandbox/oci.py, the same container at a seventh of the cost), else by the Docker engine."""
    from . import oci

    if oci.direct():
        return oci.OciSession(image, limits, preload)
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

    from . import oci

    client = docker.from_env()
    removed = oci.remove_leftovers(everything)
    for container in client.containers.list(all=True, filters={"label": LABEL}, ignore_removed=True):
        if everything or orphaned(container.labels.get(OWNER_LABEL, "")):
            try:
                container.remove(force=True)
                removed += 1
            except docker.errors.APIError:  # already being removed by someone else
                pass
    return removed


def _line(message: dict[str, Any] | bytes) -> bytes:
    return message if isinstance(message, bytes) else wire.dumps(message)


def _short(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return (text[0] if text else type(exc).__name__)[:300]
