"""How the containers are started: the same isolation through the engine under runc (its default) and crun
($MLGRADE_DOCKER_RUNTIME, sandbox/launcher.py), and with crun directly, without the engine ("direct",
$MLGRADE_LAUNCHER, sandbox/oci.py; docs/performance.md, "A cheaper container start?").

The launch changes how a container is started, never which options it gets: these tests check, for each,
that the seccomp profile, the masked paths, the dropped capabilities, the cgroup memory and pids limits
(an OOM kill read back), and the host-side CPU counters of CaseClock all hold. A launch this host does not
offer is skipped with the reason.
"""

from __future__ import annotations

import json
import threading
from pathlib import Path
from typing import Any

import pytest
from hostile_support import SDPA, SUBMISSIONS, make_exercise, own_containers, parse_attack
from support import launch

from grader.grading import grade_path
from grader.options import GradeOptions
from grader.results import RunResult, Verdict
from sandbox import launcher, oci
from sandbox.launcher import Limits, container_options

# --- the real engine ----------------------------------------------------------------------------------


LAUNCHES = ["runc", "crun", "direct"]  # the engine with runc, the engine with crun, crun without the engine


@pytest.fixture()
def watched(monkeypatch: pytest.MonkeyPatch) -> dict[str, list[Any]]:
    """How every container this test creates was started (the engine's runtime, or "direct") and every CPU
    reading of CaseClock."""
    seen: dict[str, list[Any]] = {"runtimes": [], "usage": []}
    real_create = launcher._create
    real_usage = {kind: kind.usage for kind in (launcher.DockerSession, oci.OciSession)}
    real_direct = oci.OciSession.__init__

    def create(client: Any, image: str, options: dict[str, Any]) -> Any:
        container = real_create(client, image, options)
        seen["runtimes"].append(client.api.inspect_container(container.id)["HostConfig"]["Runtime"])
        return container

    def direct(self: oci.OciSession, *args: Any) -> None:
        real_direct(self, *args)
        seen["runtimes"].append("direct")

    def watch(kind: Any) -> Any:
        def usage(self: Any) -> launcher.Usage | None:
            reading = real_usage[kind](self)
            seen["usage"].append(reading)
            return reading
        return usage

    monkeypatch.setattr(launcher, "_create", create)
    monkeypatch.setattr(oci.OciSession, "__init__", direct)
    for kind in real_usage:
        monkeypatch.setattr(kind, "usage", watch(kind))
    return seen


def grade(exercise: Path, submission: Path, image: str) -> RunResult:
    return grade_path(exercise, GradeOptions(sandbox="docker", image=image, submission=submission), lambda _m: None,
                      threading.Event())


@pytest.mark.docker
@pytest.mark.parametrize("runtime", LAUNCHES)
def test_grading_under_each_runtime(runtime: str, tmp_path: Path, sandbox_image: str, watched: dict[str, list[Any]],
                                    monkeypatch: pytest.MonkeyPatch) -> None:
    launch(runtime, monkeypatch)
    exercise = make_exercise(tmp_path / "scaled_dot_product", {})
    run = grade(exercise, SDPA / "private" / "reference.py", sandbox_image)
    [result] = run.exercises
    assert result.passed and run.exit_status == 0, [(c.verdict, c.reason) for c in result.cases]
    assert watched["runtimes"] and set(watched["runtimes"]) == {runtime}
    # CaseClock found the container's cgroup CPU counter on the host: the times are the kernel's
    assert watched["usage"] and all(u is not None and u.cpu > 0 for u in watched["usage"]), watched["usage"]
    assert own_containers() == []


ATTACKS = ["seccomp_and_kernel_info", "mount_and_user_namespace", "memory_balloon_numpy", "fork_bomb"]


@pytest.mark.docker
@pytest.mark.parametrize("runtime", LAUNCHES)
@pytest.mark.parametrize("name", ATTACKS)
def test_attacks_fail_alike_under_each_runtime(name: str, runtime: str, tmp_path: Path, sandbox_image: str,
                                              watched: dict[str, list[Any]],
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    """io_uring and namespaces refused (seccomp), /proc/cmdline masked, OOM-kill read back as "memory
    limit", forks stopped by the pids limit: the same verdict for each launch."""
    launch(runtime, monkeypatch)
    attack = parse_attack(SUBMISSIONS / f"{name}.py")
    run = grade(make_exercise(tmp_path / "scaled_dot_product", attack.limits), attack.path, sandbox_image)
    [result] = run.exercises
    assert result.verdict is attack.verdict, [(c.verdict, c.reason[:120]) for c in result.cases]
    assert not any(c.verdict is Verdict.PASSED for c in result.cases)
    assert set(watched["runtimes"]) == {runtime}
    assert own_containers() == []


PROBE = r"""
import ctypes, errno, json, os
libc = ctypes.CDLL(None, use_errno=True)
libc.syscall.restype = ctypes.c_long
def call(number, *args):
    return 0 if libc.syscall(number, *args) >= 0 else ctypes.get_errno()
status = dict(line.split(":\t", 1) for line in open("/proc/self/status").read().splitlines() if ":\t" in line)
def read(path):
    try:
        return open(path).read().strip()
    except OSError as exc:
        return errno.errorcode[exc.errno]
try:
    open("/probe", "w")
    root = "writable"
except OSError as exc:
    root = errno.errorcode[exc.errno]
print(json.dumps({
    "io_uring_setup": call(425, 1, ctypes.create_string_buffer(120)),
    "unshare_newuser": call(272, 0x10000000),
    "clone3": call(435, 0, 0), "syscall_470": call(470), "mseal": call(462, 0, 0, 0),
    "cmdline": read("/proc/cmdline"), "kernel_version": read("/proc/version"),
    "seccomp": status["Seccomp"].strip(), "no_new_privs": status["NoNewPrivs"].strip(),
    "cap_eff": status["CapEff"].strip(), "uid": os.getuid(), "root": root,
    "memory_limit": read("/sys/fs/cgroup/memory/memory.limit_in_bytes"),
    "pids_max": read("/sys/fs/cgroup/pids/pids.max"),
}))
"""


@pytest.mark.docker
@pytest.mark.parametrize("runtime", ["runc", "crun"])
def test_the_hardening_reads_the_same_from_inside(runtime: str, sandbox_image: str,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """A probe run with the sandbox's own options (only its output kept in a log to read it back): seccomp
    answers, masked /proc files, capabilities, no-new-privileges, user, read-only root, cgroup limits."""
    launch(runtime, monkeypatch)
    client = launcher.docker_client()
    limits = Limits(memory_mb=256, pids=32)
    options = {**container_options(limits), "command": [launcher.CONTAINER_PYTHON, "-c", PROBE],
               "stdin_open": False, "runtime": runtime, "log_config": {"type": "json-file", "config": {}}}
    container = launcher._create(client, sandbox_image, options)
    try:
        container.start()
        assert container.wait(timeout=60)["StatusCode"] == 0, container.logs()
        seen = json.loads(container.logs(stdout=True, stderr=False))
        assert client.api.inspect_container(container.id)["HostConfig"]["Runtime"] == runtime
    finally:
        container.remove(force=True)
    check_probe(seen, runtime)
    if seen["memory_limit"] != "ENOENT":  # cgroup v1 inside the container; on v2 the files have other names
        assert int(seen["memory_limit"]) == 256 << 20 and seen["pids_max"] == "32"


@pytest.mark.docker
def test_the_hardening_reads_the_same_from_inside_a_direct_container(sandbox_image: str,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """The same probe in a container crun starts directly with oci.config, the configuration OciSession
    gives it: the same answers; the container sees no cgroup files (its limits are set on the host)."""
    launch("direct", monkeypatch)
    limits = Limits(memory_mb=256, pids=32)
    written: list[dict[str, Any]] = []
    real_config = oci.config

    def config(*args: Any) -> dict[str, Any]:
        written.append(real_config(*args))
        return written[-1]

    monkeypatch.setattr(oci, "config", config)
    probe = oci.run_once(sandbox_image, limits, [launcher.CONTAINER_PYTHON, "-c", PROBE])
    assert probe.returncode == 0, probe.stderr
    seen = json.loads(probe.stdout)
    check_probe(seen, "crun")
    assert seen["memory_limit"] == "ENOENT" and seen["pids_max"] == "ENOENT"  # no cgroup files inside
    [settings] = written
    assert settings["linux"]["resources"]["pids"] == {"limit": 32}
    assert settings["process"]["user"] == {"uid": 65534, "gid": 65534} and settings["root"]["readonly"] is True
    assert oci.started() == [] or all(oci.owner(name) != launcher.OWNER for name in oci.started())


def check_probe(seen: dict[str, Any], runtime: str) -> None:
    eperm, enosys = 1, 38
    assert seen["io_uring_setup"] == eperm and seen["unshare_newuser"] == eperm
    assert seen["clone3"] == enosys  # the profile's own rule: the C library falls back to clone
    # System calls newer than the profile's list are denied under both; ENOSYS comes from runc's patch of the
    # filter (Docker 20.10 does not pass the profile's defaultErrnoRet on), crun answers EPERM (docs/security.md)
    newer = {enosys} if runtime == "runc" else {enosys, eperm}
    assert seen["syscall_470"] in newer and seen["mseal"] in newer, seen
    assert seen["cmdline"] == "" and seen["kernel_version"] == ""  # masked paths
    assert seen["seccomp"] == "2" and seen["no_new_privs"] == "1" and int(seen["cap_eff"], 16) == 0
    assert seen["uid"] == 65534 and seen["root"] == "EROFS"
