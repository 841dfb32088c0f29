"""Start sandbox containers with the OCI runtime crun directly, without the Docker engine.

The container is the one DockerSession starts: the sandbox image's files (sandbox/rootfs.py), read-only;
the same seccomp profile, masked paths, dropped capabilities, no-new-privileges, user, rlimits, docker-init
as pid 1, private pid, network, IPC, UTS, mount and cgroup namespaces, and the cgroup memory, pids and CPU
limits (rule R5, docs/security.md). Without dockerd, containerd and the shim a start costs about a seventh of
the engine's CPU (docs/performance.md). It needs root, crun, docker-init and cgroup v1 (the layout it is
tested on); elsewhere the engine starts the containers. $MLGRADE_LAUNCHER picks: auto (the default), engine
or crun.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import socket
import subprocess
import tempfile
import uuid
from functools import cache
from pathlib import Path
from typing import Any

from . import launcher, rootfs
from .launcher import (
    CONTAINER_RUNNER_ROOT,
    MASKED_PATHS,
    RUNNER_COMMAND,
    RUNTIME_ENV,
    Ending,
    Limits,
    PipedSession,
    SandboxError,
    Usage,
    container_rlimits,
    in_background,
    runner_environment,
    seccomp_profile,
    staged_runner,
    timed_process,
    tmpfs_options,
)

LAUNCHER_ENV = "MLGRADE_LAUNCHER"
STATE_ROOT = "/run/mlgrade-crun"  # crun's state of mlgrade's containers, apart from any other user of crun
CGROUPS = Path("/sys/fs/cgroup")
APPARMOR = Path("/sys/module/apparmor/parameters/enabled")
GROUP = "mlgrade"  # a sandbox's cgroup is mlgrade/<id> (memory limit, CPU and OOM counters); crun's is mlgrade/<id>/box
PREFIX = "mlgrade-"  # container ids: mlgrade-<pid of the grader>-<random>
INIT = "/sbin/docker-init"
MIN_CRUN = (1, 4, 4)
# The engine's read-only /proc paths (moby's defaults); its masked paths are in launcher.MASKED_PATHS.
READONLY_PATHS = ["/proc/bus", "/proc/fs", "/proc/irq", "/proc/sys", "/proc/sysrq-trigger"]
CAPABILITY_SETS = ("bounding", "effective", "inheritable", "permitted", "ambient")


def choice() -> str:
    """$MLGRADE_LAUNCHER as given: "auto" (crun where this host allows it, else the engine), "engine" or "crun"."""
    value = os.environ.get(LAUNCHER_ENV, "auto") or "auto"
    if value not in ("auto", "engine", "crun"):
        raise SandboxError(f"${LAUNCHER_ENV} is {value!r:.40}; use auto, engine or crun")
    return value


def direct() -> bool:
    """True when containers are started by crun directly; SandboxError when $MLGRADE_LAUNCHER=crun cannot be."""
    wanted = choice()
    if wanted == "engine":
        return False
    reason = unavailable()
    if reason is not None and wanted == "crun":
        raise SandboxError(f"${LAUNCHER_ENV}=crun, but {reason}; unset it to let the Docker engine start the "
                           "containers")
    return reason is None


def unavailable() -> str | None:
    """Why this host cannot start the sandbox with crun directly; None when it can."""
    if os.environ.get(RUNTIME_ENV, "crun") != "crun":
        return f"${RUNTIME_ENV} asks the engine for the {os.environ[RUNTIME_ENV]!r:.40} runtime"
    if not os.environ.get("DOCKER_HOST", "unix://").startswith("unix://"):
        return "the Docker engine is remote ($DOCKER_HOST): its containers run on its host"
    return _host_unavailable()


@cache
def _host_unavailable() -> str | None:
    if os.geteuid() != 0:
        return "starting containers without the engine needs root"
    if shutil.which("crun") is None:
        return "crun is not installed (`apt-get install crun`)"
    version = subprocess.run(["crun", "--version"], capture_output=True, text=True, check=False).stdout.split()
    if launcher.numbers(version[2] if len(version) > 2 else "") < MIN_CRUN:
        return (f"crun is older than {'.'.join(map(str, MIN_CRUN))} (CVE-2022-27650): upgrade it "
                "(`apt-get install crun`)")
    if _init_binary() is None:
        return "docker-init is not installed (it comes with Docker)"
    if not all((CGROUPS / name / "cgroup.procs").is_file() for name in ("memory", "cpuacct", "pids")):
        return "the host does not have cgroup v1 memory, cpuacct and pids hierarchies"
    with contextlib.suppress(OSError):
        if APPARMOR.read_text().strip() == "Y":
            return "AppArmor is enabled: the engine confines its containers with a profile the direct start does not"
    with contextlib.suppress(OSError):
        if hybrid := (CGROUPS / "unified" / "cgroup.controllers").read_text().split():
            return (f"its cgroup v2 hierarchy holds the {', '.join(hybrid)} controller(s), which crun refuses beside "
                    "v1 hierarchies: mount them as v1 (scripts/setup does)")
    return None


def _init_binary() -> str | None:
    found = shutil.which("docker-init") or next(
        (p for p in ("/usr/libexec/docker/docker-init", "/usr/bin/docker-init") if os.path.exists(p)), None)
    return os.path.realpath(found) if found else None


class OciSession(PipedSession):
    """One fresh, hardened container running the runner, started by crun (rule R5, docs/design.md)."""

    sandbox = "docker"

    def __init__(self, image: str, limits: Limits, preload: tuple[str, ...] = ()) -> None:
        files = rootfs.exported(image)
        self.id = _new_name()
        self.memory_mb = limits.memory_mb
        self._timed: int | None = None
        self.cgroup = Cgroup(self.id)
        self._config = _bundle() / f"{self.id}.json"
        try:
            self.cgroup.create(limits.memory_mb)
            self._config.write_text(json.dumps(config(files, limits, preload, self.id)), encoding="utf-8")
            self._spawn(_run_command(self.id, self._config), in_background(self.kill), limits.output_bytes,
                        start_new_session=True)
        except OSError as exc:
            self._remove()
            raise SandboxError(f"could not start a sandbox container with crun: {exc}. Set "
                               f"{LAUNCHER_ENV}=engine to let the Docker engine start them") from None

    def usage(self) -> Usage | None:
        """The sandbox cgroup's CPU time and its exercise process's run-queue delay, read on the host."""
        cpu = self.cgroup.cpu()
        if cpu is None:
            return None
        if self._timed is None:
            self._timed = timed_process(self.cgroup.procs())
        return Usage(cpu=cpu, waiting=launcher.run_delay(self._timed) if self._timed is not None else None)

    def set_memory(self, memory_mb: int) -> None:
        if memory_mb != self.memory_mb:
            try:
                self.cgroup.set_memory(memory_mb)
            except OSError as exc:
                raise SandboxError(f"could not set the sandbox's memory limit to {memory_mb} MB: {exc}") from None
            self.memory_mb = memory_mb

    def next_exercise(self) -> None:
        self._timed = None
        self.channel.count_from_zero()

    def kill(self) -> None:
        subprocess.run(["crun", "--root", STATE_ROOT, "kill", self.id, "KILL"], capture_output=True, check=False)

    def close(self) -> Ending:
        """Wait for the container to end (SIGKILL after a short grace), read how it ended, remove what is left."""
        try:
            code = self._wait()  # crun ends once the container's init has: every process in it is gone
            self._drain()
            return Ending(exit_code=code, oom_killed=self.cgroup.oom_killed(), output_overflow=self.channel.overflow,
                          stderr=self.channel.stderr())
        finally:
            self._remove()

    def discard(self) -> None:
        self.kill()
        self.close()

    def _remove(self) -> None:
        with contextlib.suppress(OSError):
            self._config.unlink()
        self.cgroup.remove()


def config(files: rootfs.Rootfs, limits: Limits, preload: tuple[str, ...], name: str) -> dict[str, Any]:
    """The OCI configuration of a sandbox container: what launcher.container_options asks of the engine."""
    environment = {**files.env, **runner_environment(preload)}
    return {
        "ociVersion": "1.0.2",
        "process": {
            "terminal": False,
            "user": {"uid": 65534, "gid": 65534},
            "args": [INIT, "--", *RUNNER_COMMAND],
            "env": [f"{key}={value}" for key, value in environment.items()],
            "cwd": "/tmp",
            "capabilities": {kind: [] for kind in CAPABILITY_SETS},
            "rlimits": [{"type": kind, "soft": value, "hard": value}
                        for kind, value in container_rlimits(limits).items()],
            "noNewPrivileges": True,
        },
        "root": {"path": str(files.path), "readonly": True},
        "hostname": name.rpartition("-")[2],
        "mounts": [
            {"destination": "/proc", "type": "proc", "source": "proc", "options": ["nosuid", "noexec", "nodev"]},
            {"destination": "/dev", "type": "tmpfs", "source": "tmpfs",
             "options": ["nosuid", "strictatime", "mode=755", "size=65536k"]},
            {"destination": "/dev/pts", "type": "devpts", "source": "devpts",
             "options": ["nosuid", "noexec", "newinstance", "ptmxmode=0666", "mode=0620", "gid=5"]},
            {"destination": "/dev/shm", "type": "tmpfs", "source": "shm",
             "options": ["nosuid", "noexec", "nodev", "mode=1777", "size=65536k"]},
            {"destination": "/dev/mqueue", "type": "mqueue", "source": "mqueue", "options": ["nosuid", "noexec", "nodev"]},
            {"destination": "/sys", "type": "sysfs", "source": "sysfs", "options": ["nosuid", "noexec", "nodev", "ro"]},
            {"destination": "/tmp", "type": "tmpfs", "source": "tmpfs", "options": tmpfs_options(limits)},
            {"destination": f"{CONTAINER_RUNNER_ROOT}/runner", "type": "bind", "source": str(staged_runner()),
             "options": ["rbind", "ro", "nosuid", "nodev"]},
            {"destination": INIT, "type": "bind", "source": _init_binary(), "options": ["bind", "ro", "nosuid", "nodev"]},
        ],
        "linux": {
            "namespaces": [{"type": kind} for kind in ("pid", "network", "ipc", "uts", "mount", "cgroup")],
            "cgroupsPath": f"/{GROUP}/{name}/box",
            "resources": {
                "devices": [{"allow": False, "access": "rwm"}],  # crun then allows only the default devices
                "pids": {"limit": limits.pids},
                "cpu": {"quota": int(limits.cpus * 100_000), "period": 100_000},
            },
            "seccomp": {key: value for key, value in json.loads(seccomp_profile()).items() if key != "comment"},
            "maskedPaths": MASKED_PATHS,
            "readonlyPaths": READONLY_PATHS,
        },
    }


def run_once(image: str, limits: Limits, command: list[str], timeout: float = 60) -> subprocess.CompletedProcess[bytes]:
    """Run COMMAND to its end in a fresh sandbox container started by crun (no stdin; its output returned):
    the container OciSession starts, for probes and benchmarks."""
    name = _new_name()
    settings = config(rootfs.exported(image), limits, (), name)
    settings["process"]["args"] = [INIT, "--", *command]
    file = _bundle() / f"{name}.json"
    file.write_text(json.dumps(settings), encoding="utf-8")
    cgroup = Cgroup(name)
    try:
        cgroup.create(limits.memory_mb)
        return subprocess.run(_run_command(name, file), stdin=subprocess.DEVNULL, capture_output=True,
                              timeout=timeout, check=False)
    finally:
        file.unlink(missing_ok=True)
        cgroup.remove()


def _new_name() -> str:
    return f"{PREFIX}{os.getpid()}-{uuid.uuid4().hex[:12]}"


def _run_command(name: str, config_file: Path) -> list[str]:
    """`crun run` of container NAME with CONFIG_FILE (in the shared, empty bundle folder), in the foreground."""
    return ["crun", "--root", STATE_ROOT, "run", "--bundle", str(_bundle()), "--config", str(config_file), name]


class Cgroup:
    """mlgrade/<id> in the host's cgroup v1 hierarchies: the memory limit, the OOM and CPU counters of one
    sandbox. crun puts the container in mlgrade/<id>/box and removes that when it ends; this parent outlives
    it, so how the container ended can still be read."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.memory = CGROUPS / "memory" / GROUP / name
        self._oom: int | None = None

    def create(self, memory_mb: int) -> None:
        """Make the memory cgroup with its limit and register for its OOM events (an eventfd)."""
        self.memory.mkdir(parents=True)
        self.set_memory(memory_mb)
        self._oom = os.eventfd(0, os.EFD_NONBLOCK | os.EFD_CLOEXEC)
        control = os.open(self.memory / "memory.oom_control", os.O_RDONLY | os.O_CLOEXEC)
        try:
            (self.memory / "cgroup.event_control").write_text(f"{self._oom} {control}")
        finally:
            os.close(control)

    def set_memory(self, memory_mb: int) -> None:
        """Limit memory, and memory plus swap, to MEMORY_MB (in the order the kernel accepts)."""
        files = [self.memory / "memory.limit_in_bytes", self.memory / "memory.memsw.limit_in_bytes"]
        files = [f for f in files if f.exists()]
        current = int(files[0].read_text())
        for file in files if memory_mb << 20 <= current else reversed(files):
            file.write_text(str(memory_mb << 20))

    def oom_killed(self) -> bool:
        """True when the kernel's OOM killer acted in this cgroup (at its limit) since it was made."""
        if self._oom is None:
            return False
        try:
            return os.eventfd_read(self._oom) > 0
        except BlockingIOError:
            return False

    def cpu(self) -> float | None:
        try:
            return int((CGROUPS / "cpuacct" / GROUP / self.name / "cpuacct.usage").read_text()) / 1e9
        except (OSError, ValueError):
            return None

    def procs(self) -> Path:
        return CGROUPS / "pids" / GROUP / self.name / "box" / "cgroup.procs"

    def remove(self) -> None:
        """Remove the cgroup in every hierarchy (crun made the parents of its own there)."""
        if self._oom is not None:
            os.close(self._oom)
            self._oom = None
        for folder in CGROUPS.glob(f"*/{GROUP}/{self.name}"):
            for path in (folder / "box", folder):
                with contextlib.suppress(OSError):  # gone already, or still busy: `grade sandbox clean` retries
                    path.rmdir()


@cache
def _bundle() -> Path:
    """An empty bundle folder for `crun run` (each container's configuration is passed with --config)."""
    folder = Path(tempfile.mkdtemp(prefix="mlgrade-oci-"))
    import atexit

    atexit.register(shutil.rmtree, folder, True)
    return folder


def started() -> list[str]:
    """Ids of the sandboxes crun started on this host, running or left behind (those with a cgroup)."""
    return sorted({path.name for path in CGROUPS.glob(f"*/{GROUP}/{PREFIX}*")})


def owner(name: str) -> str:
    """The "<host>:<pid>" of the grader that started sandbox NAME (as launcher.OWNER_LABEL says for the engine's)."""
    return f"{socket.gethostname()}:{name.removeprefix(PREFIX).partition('-')[0]}"


def remove_leftovers(everything: bool = False) -> int:
    """Remove crun-started sandboxes whose grader died; all of them with EVERYTHING. Returns how many."""
    if _host_unavailable() is not None:
        return 0
    removed = 0
    for name in started():
        if everything or launcher.orphaned(owner(name)):
            subprocess.run(["crun", "--root", STATE_ROOT, "delete", "--force", name], capture_output=True, check=False)
            Cgroup(name).remove()
            removed += 1
    return removed
