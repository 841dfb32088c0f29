"""Fail closed on infrastructure faults (rule R7), and never trust the candidate's file on the host (R6); docs/design.md.

Every fault ends in a recorded verdict: "ungradable" with exit status 2 and a message saying what to
do, or, when the candidate's container is killed from outside, a recorded non-passing verdict;
never a pass or a silent zero, and no container is left behind. The real dockerd is never stopped
(other people use it): a dead or mute engine is simulated with DOCKER_HOST.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from hostile_support import SDPA, SUBMISSIONS, make_exercise, outside, own_containers, owner_of
from support import launch

from grader.grading import grade_path
from grader.options import GradeOptions
from grader.results import RunResult, Verdict
from sandbox import launcher, oci
from sandbox.launcher import Limits, container_options

ROOT = SDPA.parents[2]
LAUNCHES = ["direct", "engine"]
CORRECT = (SUBMISSIONS / "double_fork_daemon.py").read_text().split("def _daemonize")[0]  # imports + _attention
SIGNATURE = "def scaled_dot_product_attention(q, k, v, mask=None, is_causal=False):\n"
SLEEPER = ("import time\n" + SIGNATURE + "    while True:\n        try:\n            time.sleep(60)\n"
           "        except BaseException:  # noqa: BLE001\n            pass\n")


@pytest.fixture()
def exercise(tmp_path: Path) -> Path:
    return make_exercise(tmp_path / "scaled_dot_product", {})


def submit(tmp_path: Path, source: str, name: str = "solution.py") -> Path:
    path = tmp_path / name
    path.write_text(source, encoding="utf-8")
    return path


def grade(exercise: Path, submission: Path, image: str = "mlgrade-sandbox:unused") -> RunResult:
    return grade_path(exercise, GradeOptions(sandbox="docker", image=image, submission=submission), lambda _m: None,
                      threading.Event())


def assert_ungradable(run: RunResult, *phrases: str) -> None:
    [result] = run.exercises
    assert {c.verdict for c in result.cases} == {Verdict.UNGRADABLE}, [(c.verdict, c.reason) for c in result.cases]
    assert run.exit_status == 2 and not result.passed
    for phrase in phrases:
        assert phrase in result.cases[0].reason, result.cases[0].reason


# --- the Docker engine ---------------------------------------------------------------------------


def test_dead_docker_socket_is_ungradable_with_what_to_do(exercise: Path, tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DOCKER_HOST", f"unix://{tmp_path}/no-dockerd.sock")
    run = grade(exercise, SDPA / "private" / "reference.py")
    assert_ungradable(run, "the Docker engine does not answer", "Start the Docker engine")


def test_dead_docker_socket_through_the_cli_exits_2(exercise: Path, tmp_path: Path) -> None:
    completed = subprocess.run(
        [sys.executable, "-m", "grader", str(exercise), "--submission", str(SDPA / "private" / "reference.py")],
        capture_output=True, text=True, cwd=ROOT, timeout=120,
        env={**os.environ, "DOCKER_HOST": f"unix://{tmp_path}/no-dockerd.sock", "COLUMNS": "200"})
    assert completed.returncode == 2, completed.stdout + completed.stderr
    assert "Docker engine" in completed.stderr and "Start the Docker engine" in completed.stderr
    assert "Traceback" not in completed.stderr and "passed" not in completed.stdout


@pytest.fixture()
def mute_engine(tmp_path: Path) -> Iterator[str]:
    """A socket that accepts connections and never answers: an engine that hangs."""
    path = tmp_path / "mute.sock"
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    server.bind(str(path))
    server.listen(16)
    held: list[socket.socket] = []
    stop = threading.Event()

    def accept() -> None:
        server.settimeout(0.2)
        while not stop.is_set():
            try:
                held.append(server.accept()[0])
            except OSError:
                continue

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield f"unix://{path}"
    stop.set()
    thread.join()
    for connection in held:
        connection.close()
    server.close()


def test_mute_docker_engine_is_ungradable_quickly(exercise: Path, mute_engine: str,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DOCKER_HOST", mute_engine)
    monkeypatch.setattr(launcher, "PING_TIMEOUT", 1.0)
    started = time.monotonic()
    run = grade(exercise, SDPA / "private" / "reference.py")
    assert_ungradable(run, "the Docker engine does not answer", "Start the Docker engine")
    assert time.monotonic() - started < 10


@pytest.mark.docker
def test_missing_image_is_ungradable(exercise: Path, sandbox_image: str) -> None:
    run = grade(exercise, SDPA / "private" / "reference.py", image="mlgrade-sandbox:no-such-tag-0000")
    assert_ungradable(run, "is missing", "grade sandbox build")
    assert own_containers() == []


@pytest.mark.docker
def test_unknown_container_runtime_is_ungradable(exercise: Path, sandbox_image: str,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(launcher.RUNTIME_ENV, "mlgrade-no-such-runtime")
    run = grade(exercise, SDPA / "private" / "reference.py", image=sandbox_image)
    assert_ungradable(run, "could not start a sandbox container", "mlgrade-no-such-runtime from $MLGRADE_DOCKER_RUNTIME")
    assert own_containers() == []


def test_runtime_setting_is_passed_to_the_container(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(launcher.RUNTIME_ENV, raising=False)
    assert "runtime" not in container_options(Limits())
    monkeypatch.setenv(launcher.RUNTIME_ENV, "runsc")
    options = container_options(Limits())
    assert options["runtime"] == "runsc"
    assert options["network_mode"] == "none" and options["cap_drop"] == ["ALL"]  # the rest is unchanged


# --- the container, from outside and from inside ---------------------------------------------------


def kill_when_running(action: Callable[[str], Any], after: float) -> threading.Thread:
    """In the background: wait for this process's container, let it run AFTER seconds, then ACTION it."""

    def watch() -> None:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            names = own_containers()
            if names:
                time.sleep(after)
                action(names[0])
                return
            time.sleep(0.05)

    thread = threading.Thread(target=watch, daemon=True)
    thread.start()
    return thread


@pytest.mark.docker
@pytest.mark.parametrize("how", LAUNCHES)
def test_container_killed_mid_run_is_a_recorded_failure(how: str, exercise: Path, tmp_path: Path, sandbox_image: str,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    launch(how, monkeypatch)
    source = CORRECT + "\n\n" + SIGNATURE + "    time.sleep(0.6)\n    return _attention(q, k, v, mask, is_causal)\n"
    watcher = kill_when_running(lambda name: subprocess.run(outside("kill", name), capture_output=True), 1.5)
    run = grade(exercise, submit(tmp_path, source), image=sandbox_image)
    watcher.join()
    [result] = run.exercises
    killed = [c for c in result.cases if c.verdict is not Verdict.PASSED]
    assert killed, "the kill landed after the run"
    assert all(c.verdict is Verdict.RUNTIME_ERROR and "exit status 137" in c.reason for c in killed[:1]), killed
    assert not result.passed and run.exit_status == 1
    assert Verdict.UNGRADABLE not in {c.verdict for c in result.cases}
    assert own_containers() == []


@pytest.mark.docker
@pytest.mark.parametrize("how", LAUNCHES)
def test_container_removed_mid_run_is_ungradable(how: str, exercise: Path, tmp_path: Path, sandbox_image: str,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    launch(how, monkeypatch)
    source = CORRECT + "\n\n" + SIGNATURE + "    time.sleep(0.6)\n    return _attention(q, k, v, mask, is_causal)\n"
    watcher = kill_when_running(lambda name: subprocess.run(outside("remove", name), capture_output=True), 1.5)
    run = grade(exercise, submit(tmp_path, source), image=sandbox_image)
    watcher.join()
    [result] = run.exercises
    assert not result.passed and Verdict.PASSED not in {result.verdict}
    assert result.verdict in (Verdict.UNGRADABLE, Verdict.RUNTIME_ERROR), [(c.verdict, c.reason) for c in result.cases]
    if result.verdict is Verdict.UNGRADABLE:
        assert run.exit_status == 2
    assert own_containers() == []


@pytest.mark.docker
@pytest.mark.parametrize("how", LAUNCHES)
def test_full_tmpfs_is_ungradable_not_the_candidates_fault(how: str, exercise: Path, tmp_path: Path,
                                                           sandbox_image: str, monkeypatch: pytest.MonkeyPatch) -> None:
    launch(how, monkeypatch)
    real = launcher.tmpfs_options

    def tiny_tmp(limits: Limits) -> list[str]:
        return [option.replace(f"size={limits.tmpfs_mb}m", "size=4k") for option in real(limits)]

    monkeypatch.setattr(launcher, "tmpfs_options", tiny_tmp)
    monkeypatch.setattr(oci, "tmpfs_options", tiny_tmp)
    source = CORRECT + "\n# padding\n" * 4000 + SIGNATURE + "    return _attention(q, k, v, mask, is_causal)\n"
    run = grade(exercise, submit(tmp_path, source), image=sandbox_image)
    assert_ungradable(run, "could not hold the submission", "grade again")
    assert own_containers() == []


@pytest.mark.docker
@pytest.mark.parametrize("how", LAUNCHES)
@pytest.mark.parametrize("stop", [signal.SIGINT, signal.SIGTERM], ids=["Ctrl-C", "SIGTERM (a cancelled CI job)"])
def test_interrupting_the_cli_is_ungradable_exit_2_and_removes_the_container(how: str, exercise: Path, tmp_path: Path,
                                                                             sandbox_image: str, stop: int,
                                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    launch(how, monkeypatch)  # the CLI inherits the environment
    report = tmp_path / "results.json"
    process = subprocess.Popen(
        [sys.executable, "-m", "grader", str(exercise), "--submission", str(submit(tmp_path, SLEEPER)),
         "--json", str(report)],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env={**os.environ, "COLUMNS": "200"})
    owner = owner_of(process.pid)
    try:
        deadline = time.monotonic() + 60
        while not own_containers(owner) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert own_containers(owner), "the CLI never started a container"
        time.sleep(0.5)  # the candidate is sleeping in its first case
        interrupted = time.monotonic()
        process.send_signal(stop)
        stdout, stderr = process.communicate(timeout=30)
        took = time.monotonic() - interrupted
    finally:
        if process.poll() is None:
            process.kill()
    assert process.returncode == 2, stdout + stderr
    assert "interrupted" in stderr and "Traceback" not in stderr
    assert "passed" not in stdout
    assert took < 5, f"Ctrl-C took {took:.1f} s to take effect"
    assert not report.exists() or json.loads(report.read_text())["exit_status"] == 2
    assert own_containers(owner) == []


# --- the candidate's file on the host (rule R6) --------------------------------------------------------


@pytest.fixture()
def host_secret(tmp_path: Path) -> Path:
    secret = tmp_path / "host-secret.txt"
    secret.write_text("machine github.com login ci password hostile-host-secret-91c2\n")
    return secret


@pytest.mark.parametrize("kind", ["symlink to the bank's reference", "symlink to a host secret", "symlink to /dev/zero",
                                  "fifo", "directory", "2 MB file", "not UTF-8"])
def test_candidate_file_is_never_followed_or_read_blindly(kind: str, exercise: Path, tmp_path: Path,
                                                          host_secret: Path) -> None:
    submission = tmp_path / "candidate" / "solution.py"
    submission.parent.mkdir()
    if kind == "symlink to the bank's reference":
        submission.symlink_to(exercise / "private" / "reference.py")
    elif kind == "symlink to a host secret":
        submission.symlink_to(host_secret)
    elif kind == "symlink to /dev/zero":
        submission.symlink_to("/dev/zero")
    elif kind == "fifo":
        os.mkfifo(submission)
    elif kind == "directory":
        submission.mkdir()
    elif kind == "2 MB file":
        submission.write_text(CORRECT + "#" * (2 << 20) + "\n" + SIGNATURE + "    return _attention(q, k, v)\n")
    else:
        submission.write_bytes(b"\xff\xfe" + CORRECT.encode())
    started = time.monotonic()
    run = grade(exercise, submission.parent)  # a submission folder; no container is needed to refuse the file
    assert time.monotonic() - started < 30
    [result] = run.exercises
    assert {c.verdict for c in result.cases} == {Verdict.RUNTIME_ERROR}, result.cases[0].reason
    text = json.dumps([c.reason for c in result.cases])
    assert "hostile-host-secret" not in text and "allowed_keys" not in text


# --- notebook bombs ----------------------------------------------------------------------------------
# A .ipynb is JSON, not a zip archive: the zip-bomb analogue is a notebook that is huge, nested
# without end, or holds megabytes of code. Each is refused before it is parsed or run.


def _notebook(source: str, pad: str = "") -> str:
    cell = {"cell_type": "code", "source": source, "metadata": {}, "outputs": [], "execution_count": None}
    document = json.dumps({"cells": [cell], "metadata": {}, "nbformat": 4, "nbformat_minor": 5})
    return document[:-1] + (f', "pad": "{pad}"' if pad else "") + "}"


@pytest.mark.parametrize(("kind", "phrase"), [("60 MB notebook", "larger than"), ("nested 200000 deep", "nested"),
                                              ("3 MB of code", "larger than")])
def test_notebook_bombs_are_refused_before_parsing(kind: str, phrase: str, exercise: Path, tmp_path: Path) -> None:
    bomb = tmp_path / "bomb.ipynb"
    if kind == "60 MB notebook":
        bomb.write_text(_notebook("x = 1", pad="A" * (60 << 20)))
    elif kind == "nested 200000 deep":
        bomb.write_text('{"cells": ' + "[" * 200_000 + "]" * 200_000 + ', "nbformat": 4, "nbformat_minor": 5}')
    else:
        bomb.write_text(_notebook("import numpy as np\n" + "#" * (3 << 20) + "\n"))
    started = time.monotonic()
    completed = subprocess.run([sys.executable, "-m", "grader", str(exercise), "--submission", str(bomb)],
                               capture_output=True, text=True, cwd=ROOT, timeout=60, env={**os.environ, "COLUMNS": "200"})
    assert completed.returncode == 2, completed.stdout + completed.stderr
    assert phrase in completed.stderr and "Traceback" not in completed.stderr and "passed" not in completed.stdout
    assert time.monotonic() - started < 20
