"""The containers' OCI runtime (sandbox/launcher.py, `container_runtime`): crun when the engine offers it,
$MLGRADE_DOCKER_RUNTIME overriding, and the same isolation under every runtime the engine offers.

The runtime changes how a container is started, never which options it gets: these tests check, under
runc and under crun, that the seccomp profile, the masked paths, the dropped capabilities, the cgroup
memory and pids limits (OOMKilled read back), and the host-side CPU counters of CaseClock all hold.
"""

from __future__ import annotations

import json
import threading
from pathlib import Path
from typing import Any

import pytest
from hostile_support import SDPA, SUBMISSIONS, make_exercise, own_containers, parse_attack

from grader.grading import grade_path
from grader.options import GradeOptions
from grader.results import RunResult, Verdict
from sandbox import launcher
from sandbox.launcher import Limits, container_options

# --- the choice -------------------------------------------------------------------------------------


def engine_offers(monkeypatch: pytest.MonkeyPatch, *runtimes: str) -> None:
    monkeypatch.setattr(launcher, "_OFFERED_RUNTIMES", [frozenset(runtimes)])


def test_crun_is_chosen_when_the_engine_offers_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(launcher.RUNTIME_ENV, raising=False)
    engine_offers(monkeypatch, "runc", "crun", "io.containerd.runc.v2")
    options = container_options(Limits())
    assert options["runtime"] == "crun"
    assert options["network_mode"] == "none" and options["cap_drop"] == ["ALL"]  # nothing else changes


def test_the_engine_default_without_crun(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(launcher.RUNTIME_ENV, raising=False)
    engine_offers(monkeypatch, "runc", "io.containerd.runc.v2")
    assert "runtime" not in container_options(Limits())
    monkeypatch.setattr(launcher, "_OFFERED_RUNTIMES", [])  # the engine was not asked (no Docker session yet)
    assert "runtime" not in container_options(Limits())


@pytest.mark.parametrize("chosen", ["runc", "runsc", "crun"])
def test_the_variable_overrides_the_choice(chosen: str, monkeypatch: pytest.MonkeyPatch) -> None:
    engine_offers(monkeypatch, "runc", "crun")
    monkeypatch.setenv(launcher.RUNTIME_ENV, chosen)
    assert container_options(Limits())["runtime"] == chosen


class FakeEngine:
    def __init__(self, info: dict[str, Any] | Exception) -> None:
        self.answer, self.asked = info, 0

    def info(self) -> dict[str, Any]:
        self.asked += 1
        if isinstance(self.answer, Exception):
            raise self.answer
        return self.answer


def test_the_engine_is_asked_once_per_process(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(launcher.RUNTIME_ENV, raising=False)
    monkeypatch.setattr(launcher, "_OFFERED_RUNTIMES", [])
    failing = FakeEngine(RuntimeError("engine hiccup"))
    launcher._note_runtimes(failing)
    assert launcher.container_runtime() is None  # no list: the engine's default, and asked again next time
    engine = FakeEngine({"Runtimes": {"runc": {"path": "runc"}, "crun": {"path": "/usr/bin/crun"}}})
    launcher._note_runtimes(engine)
    launcher._note_runtimes(engine)
    assert engine.asked == 1 and launcher.container_runtime() == "crun"


# --- the real engine ----------------------------------------------------------------------------------


def offered_runtimes() -> set[str]:
    return set(launcher.docker_client().info().get("Runtimes") or {})


def needs(runtime: str) -> None:
    if runtime not in offered_runtimes():
        pytest.skip(f"the Docker engine offers no {runtime!r} runtime (scripts/setup registers crun where it can)")


@pytest.fixture()
def watched(monkeypatch: pytest.MonkeyPatch) -> dict[str, list[Any]]:
    """The runtime of every container this test creates (docker inspect) and every CPU reading of CaseClock."""
    seen: dict[str, list[Any]] = {"runtimes": [], "usage": []}
    real_create, real_usage = launcher._create, launcher.DockerSession.usage

    def create(client: Any, image: str, options: dict[str, Any]) -> Any:
        container = real_create(client, image, options)
        seen["runtimes"].append(client.api.inspect_container(container.id)["HostConfig"]["Runtime"])
        return container

    def usage(self: launcher.DockerSession) -> launcher.Usage | None:
        reading = real_usage(self)
        seen["usage"].append(reading)
        return reading

    monkeypatch.setattr(launcher, "_create", create)
    monkeypatch.setattr(launcher.DockerSession, "usage", usage)
    return seen


def grade(exercise: Path, submission: Path, image: str) -> RunResult:
    return grade_path(exercise, GradeOptions(sandbox="docker", image=image, submission=submission), lambda _m: None,
                      threading.Event())


@pytest.mark.docker
def test_grading_uses_crun_by_default(tmp_path: Path, sandbox_image: str, watched: dict[str, list[Any]],
                                      monkeypatch: pytest.MonkeyPatch) -> None:
    needs("crun")
    monkeypatch.delenv(launcher.RUNTIME_ENV, raising=False)
    monkeypatch.setattr(launcher, "_OFFERED_RUNTIMES", [])  # asked afresh, as a new process would
    exercise = make_exercise(tmp_path / "scaled_dot_product", {})
    run = grade(exercise, SDPA / "private" / "reference.py", sandbox_image)
    [result] = run.exercises
    assert result.passed and run.exit_status == 0, [(c.verdict, c.reason) for c in result.cases]
    assert watched["runtimes"] and set(watched["runtimes"]) == {"crun"}
    # CaseClock found the container's cgroup CPU counter on the host: the times are the kernel's
    assert watched["usage"] and all(u is not None and u.cpu > 0 for u in watched["usage"]), watched["usage"]
    assert own_containers() == []


ATTACKS = ["seccomp_and_kernel_info", "mount_and_user_namespace", "memory_balloon_numpy", "fork_bomb"]


@pytest.mark.docker
@pytest.mark.parametrize("runtime", ["runc", "crun"])
@pytest.mark.parametrize("name", ATTACKS)
def test_attacks_fail_alike_under_each_runtime(name: str, runtime: str, tmp_path: Path, sandbox_image: str,
                                              watched: dict[str, list[Any]],
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    """io_uring and namespaces refused (seccomp), /proc/cmdline masked, OOM-kill read back as "memory
    limit", forks stopped by the pids limit: the same verdict under runc and under crun."""
    needs(runtime)
    monkeypatch.setenv(launcher.RUNTIME_ENV, runtime)
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
def test_the_hardening_reads_the_same_from_inside(runtime: str, sandbox_image: str) -> None:
    """A probe run with the sandbox's own options (only its output kept in a log to read it back): seccomp
    answers, masked /proc files, capabilities, no-new-privileges, user, read-only root, cgroup limits."""
    needs(runtime)
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
    if seen["memory_limit"] != "ENOENT":  # cgroup v1 inside the container; on v2 the files have other names
        assert int(seen["memory_limit"]) == 256 << 20 and seen["pids_max"] == "32"
