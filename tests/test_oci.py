"""sandbox/oci.py without a container: when crun may start the sandbox, and that its configuration asks for
the container the engine is asked for (launcher.container_options). The real containers are tested in
tests/hostile (every attack under both launchers) and test_one_container.py."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from sandbox import launcher, oci
from sandbox.launcher import Limits, SandboxError
from sandbox.rootfs import Rootfs


@pytest.fixture()
def host(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[Path]:
    """A host that allows the direct start (root, crun 1.8.1, docker-init, cgroup v1, no AppArmor), in TMP_PATH:
    tests then take one of those away."""
    cgroups = tmp_path / "cgroup"
    for name in ("memory", "cpuacct", "pids"):
        (cgroups / name).mkdir(parents=True)
        (cgroups / name / "cgroup.procs").write_text("")
    (cgroups / "unified").mkdir()
    (cgroups / "unified" / "cgroup.controllers").write_text("\n")
    (tmp_path / "apparmor").write_text("N\n")
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    for name, text in (("crun", "#!/bin/sh\necho 'crun version 1.8.1'\n"), ("docker-init", "#!/bin/sh\n")):
        (bin_dir / name).write_text(text)
        (bin_dir / name).chmod(0o755)
    monkeypatch.setenv("PATH", str(bin_dir))
    monkeypatch.setattr(oci, "CGROUPS", cgroups)
    monkeypatch.setattr(oci, "APPARMOR", tmp_path / "apparmor")
    monkeypatch.setattr(oci.os, "geteuid", lambda: 0)
    for name in (oci.LAUNCHER_ENV, launcher.RUNTIME_ENV, "DOCKER_HOST"):
        monkeypatch.delenv(name, raising=False)
    oci._host_unavailable.cache_clear()
    yield tmp_path
    oci._host_unavailable.cache_clear()


def reason() -> str | None:
    oci._host_unavailable.cache_clear()
    return oci.unavailable()


def test_a_host_with_everything_starts_with_crun(host: Path) -> None:
    assert oci.unavailable() is None and oci.direct()


def test_each_missing_piece_is_named(host: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (host / "apparmor").write_text("Y\n")
    assert "AppArmor" in str(reason())
    (host / "apparmor").write_text("N\n")
    (host / "cgroup" / "unified" / "cgroup.controllers").write_text("hugetlb\n")
    assert "hugetlb" in str(reason()) and "scripts/setup" in str(reason())
    (host / "cgroup" / "unified" / "cgroup.controllers").write_text("")
    (host / "bin" / "crun").write_text("#!/bin/sh\necho 'crun version 1.4.3'\n")
    assert "CVE-2022-27650" in str(reason())
    (host / "bin" / "crun").unlink()
    assert "crun is not installed" in str(reason())
    monkeypatch.setattr(oci.os, "geteuid", lambda: 1000)
    assert "root" in str(reason())


def test_the_engine_keeps_what_only_it_can_do(host: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(launcher.RUNTIME_ENV, "runsc")
    assert "runsc" in str(oci.unavailable()) and not oci.direct()
    monkeypatch.setenv(launcher.RUNTIME_ENV, "crun")
    assert oci.unavailable() is None
    monkeypatch.setenv("DOCKER_HOST", "tcp://10.0.0.2:2376")
    assert "remote" in str(oci.unavailable())


def test_the_launcher_variable(host: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(oci.LAUNCHER_ENV, "engine")
    assert not oci.direct()
    monkeypatch.setenv(oci.LAUNCHER_ENV, "crun")
    assert oci.direct()
    monkeypatch.setattr(oci.os, "geteuid", lambda: 1000)
    oci._host_unavailable.cache_clear()
    with pytest.raises(SandboxError, match="MLGRADE_LAUNCHER=crun, but starting containers without the engine "
                                           "needs root"):
        oci.direct()
    monkeypatch.setenv(oci.LAUNCHER_ENV, "auto")
    assert not oci.direct()  # auto: the engine, silently
    monkeypatch.setenv(oci.LAUNCHER_ENV, "fast")
    with pytest.raises(SandboxError, match="use auto, engine or crun"):
        oci.direct()


def test_the_configuration_asks_for_the_engines_container(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Every hardening option of container_options has its counterpart in oci.config."""
    monkeypatch.setattr(oci, "_init_binary", lambda: "/usr/bin/docker-init")
    limits = Limits(memory_mb=300, cpus=0.5, pids=40, tmpfs_mb=16, nofile=100, fsize_mb=8)
    engine = launcher.container_options(limits, ("torch",))
    files = Rootfs(path=tmp_path / "rootfs", env={"PATH": "/opt/venv/bin:/usr/bin:/bin", "HOME": "/root"})
    direct = oci.config(files, limits, ("torch",), "mlgrade-123-abc")
    process, linux = direct["process"], direct["linux"]

    assert process["args"] == [oci.INIT, "--", *engine["command"]] and engine["init"] is True
    assert process["user"] == {"uid": 65534, "gid": 65534} and engine["user"] == "65534:65534"
    assert process["cwd"] == engine["working_dir"] == "/tmp"
    environment = dict(item.split("=", 1) for item in process["env"])
    assert environment == {"PATH": "/opt/venv/bin:/usr/bin:/bin", **engine["environment"]}  # the runner's HOME wins
    assert process["noNewPrivileges"] is True and "no-new-privileges" in engine["security_opt"]
    assert all(process["capabilities"][kind] == [] for kind in oci.CAPABILITY_SETS) and engine["cap_drop"] == ["ALL"]
    assert {r["type"].removeprefix("RLIMIT_").lower(): (r["soft"], r["hard"]) for r in process["rlimits"]} == {
        u["name"]: (u["soft"], u["hard"]) for u in engine["ulimits"]}
    assert direct["root"] == {"path": str(files.path), "readonly": True} and engine["read_only"] is True
    tmp = next(m for m in direct["mounts"] if m["destination"] == "/tmp")
    assert ",".join(tmp["options"]) == engine["tmpfs"]["/tmp"] and "size=16m" in tmp["options"]
    runner = next(m for m in direct["mounts"] if m["destination"] == f"{launcher.CONTAINER_RUNNER_ROOT}/runner")
    assert "ro" in runner["options"] and [v["mode"] for v in engine["volumes"].values()] == ["ro"]
    assert {n["type"] for n in linux["namespaces"]} == {"pid", "network", "ipc", "uts", "mount", "cgroup"}
    assert engine["network_mode"] == "none" and engine["ipc_mode"] == "private"
    assert linux["resources"]["pids"] == {"limit": engine["pids_limit"]}
    cpu = linux["resources"]["cpu"]
    assert cpu["quota"] / cpu["period"] * 1e9 == engine["nano_cpus"]
    assert linux["maskedPaths"] == launcher.MASKED_PATHS
    profile = json.loads(launcher.seccomp_profile())
    profile.pop("comment")
    assert linux["seccomp"] == profile
    assert f"seccomp={launcher.seccomp_profile()}" in engine["security_opt"]
    # The memory limit is the sandbox cgroup's, set on the host (oci.Cgroup), not the container's own.
    assert "memory" not in linux["resources"] and linux["cgroupsPath"] == "/mlgrade/mlgrade-123-abc/box"


def test_memory_limits_are_written_in_the_order_the_kernel_accepts(monkeypatch: pytest.MonkeyPatch,
                                                                  tmp_path: Path) -> None:
    """memory ≤ memory + swap at every step: lowering writes memory first, raising writes memory + swap first."""
    monkeypatch.setattr(oci, "CGROUPS", tmp_path)
    cgroup = oci.Cgroup("mlgrade-1-x")
    cgroup.memory.mkdir(parents=True)
    writes: list[str] = []
    limit, both = cgroup.memory / "memory.limit_in_bytes", cgroup.memory / "memory.memsw.limit_in_bytes"
    limit.write_text(str(512 << 20))
    both.write_text(str(512 << 20))
    real = Path.write_text

    def recording(self: Path, text: str, *args: object, **kwargs: object) -> int:
        writes.append(f"{self.name}={int(text) >> 20}")
        return real(self, text)

    monkeypatch.setattr(Path, "write_text", recording)
    cgroup.set_memory(256)
    cgroup.set_memory(1024)
    assert writes == ["memory.limit_in_bytes=256", "memory.memsw.limit_in_bytes=256",
                      "memory.memsw.limit_in_bytes=1024", "memory.limit_in_bytes=1024"]
