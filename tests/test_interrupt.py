"""Ctrl-C (SIGINT) or SIGTERM stops each of the five grading paths — `grade PATH`, `grade ci`, `grade batch`,
`grade watch`, `grade serve` — promptly, removes every sandbox container, records nothing half-done and says
honestly what was left ungraded. Each test runs the real CLI in a subprocess against the real Docker sandbox
and interrupts it while a candidate that never returns is being graded."""

from __future__ import annotations

import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pytest
from ci.ci_support import clean_env, commit_all, git, make_bank
from hostile.hostile_support import own_containers, owner_of
from support import ROOT, SDPA

pytestmark = pytest.mark.docker

SIGNATURE = "def scaled_dot_product_attention(q, k, v, mask=None, is_causal=False):\n"
NEVER_RETURNS = ("import time\n" + SIGNATURE + "    while True:\n        try:\n            time.sleep(60)\n"
                 "        except BaseException:  # noqa: BLE001\n            pass\n")
PROMPT = 10.0  # seconds: generous for a loaded 2-core CI machine; the figure measured is printed


@dataclass
class Stopped:
    status: int
    stdout: str
    stderr: str
    seconds: float  # from the signal to the process's exit


def start(*args: str | Path, cwd: Path = ROOT, env: dict[str, str] | None = None) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-m", "grader", *map(str, args)], cwd=cwd, text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            env={**os.environ, "COLUMNS": "200", **(env or {})})


def wait_for_container(owner: str, process: subprocess.Popen[str], timeout: float = 90) -> None:
    deadline = time.monotonic() + timeout
    while not own_containers(owner):
        if process.poll() is not None or time.monotonic() > deadline:
            stdout, stderr = process.communicate()
            raise AssertionError(f"no sandbox container was started (exit {process.returncode}):\n{stdout}\n{stderr}")
        time.sleep(0.1)
    time.sleep(0.5)  # the candidate is now loading or sleeping in a case


def interrupt(process: subprocess.Popen[str], stop: int = signal.SIGINT, owner_pid: int | None = None) -> Stopped:
    """Send STOP once grading is under way; wait for the exit; check no container of the process is left."""
    owner = owner_of(owner_pid or process.pid)
    try:
        wait_for_container(owner, process)
        sent = time.monotonic()
        process.send_signal(stop)
        stdout, stderr = process.communicate(timeout=60)
        seconds = time.monotonic() - sent
    finally:
        if process.poll() is None:
            process.kill()
    print(f"stopped {seconds:.2f} s after the signal")
    assert own_containers(owner) == [], "a sandbox container was left behind"
    assert "Traceback" not in stderr, stderr
    return Stopped(process.returncode, stdout, stderr, seconds)


def attempts(gradebook: Path) -> int:
    if not gradebook.exists():
        return 0
    with sqlite3.connect(gradebook) as connection:
        return int(connection.execute("SELECT COUNT(*) FROM attempts").fetchone()[0])


def never_returning_exercises(folder: Path, count: int) -> Path:
    """COUNT copies of the scaled dot-product exercise (ids attention/sdpa_N) whose solution never returns."""
    for index in range(count):
        target = folder / "attention" / f"sdpa_{index}"
        shutil.copytree(SDPA, target)
        spec = target / "exercise.toml"
        spec.write_text(spec.read_text().replace('id = "attention/scaled_dot_product"', f'id = "attention/sdpa_{index}"'))
        (target / "solution.py").write_text(NEVER_RETURNS)
    return folder


@pytest.fixture()
def gradebook(tmp_path: Path) -> Path:
    return tmp_path / "gradebook.sqlite3"


@pytest.mark.parametrize("stop", [signal.SIGINT, signal.SIGTERM], ids=["Ctrl-C", "SIGTERM"])
def test_grade_path(sandbox_image: str, tmp_path: Path, gradebook: Path, stop: int) -> None:
    exercises = never_returning_exercises(tmp_path / "exercises", 3)
    report = tmp_path / "results.json"
    stopped = interrupt(start(exercises, "--json", report, env={"MLGRADE_GRADEBOOK": str(gradebook)}), stop)
    assert stopped.status == 2 and stopped.seconds < PROMPT
    assert "interrupted: 3 of 3 exercise(s) left ungraded" in stopped.stderr
    assert "nothing was recorded" in stopped.stderr
    assert not report.exists() and attempts(gradebook) == 0


def test_grade_batch_starts_no_queued_candidate(sandbox_image: str, tmp_path: Path, gradebook: Path) -> None:
    submissions, out = tmp_path / "submissions", tmp_path / "out"
    submissions.mkdir()
    for index in range(4):
        (submissions / f"candidate{index}.py").write_text(NEVER_RETURNS)
    process = start("batch", submissions, "--exercise", SDPA, "--out", out, "-j", "1",
                    env={"MLGRADE_GRADEBOOK": str(gradebook)})
    stopped = interrupt(process)
    assert stopped.status == 2 and stopped.seconds < PROMPT
    assert "0 candidate(s) graded and recorded" in stopped.stderr and "4 left ungraded" in stopped.stderr
    assert list(out.glob("*.json")) == [] and attempts(gradebook) == 0


def test_grade_ci(sandbox_image: str, tmp_path: Path) -> None:
    source = never_returning_exercises(tmp_path / "source", 1)
    for solution in source.rglob("solution.py"):
        shutil.copy(SDPA / "solution.py", solution.with_name("solution.py.stub"))  # what `grade init` ships
    repo = tmp_path / "repo"
    made = subprocess.run([sys.executable, "-m", "grader", "init", str(repo), "--from", str(source)], cwd=ROOT,
                          capture_output=True, text=True, env=clean_env())
    assert made.returncode == 0, made.stderr
    git(repo, "checkout", "--quiet", "-b", "candidate")
    (repo / "exercises" / "attention" / "sdpa_0" / "solution.py").write_text(NEVER_RETURNS)
    commit_all(repo, "my answer")
    out = tmp_path / "report"
    bank = make_bank(tmp_path / "bank", source)
    stopped = interrupt(start("ci", "--base", "main", "--bank", bank, "--out", out, cwd=repo, env=clean_env()))
    assert stopped.status == 2 and stopped.seconds < PROMPT
    assert "interrupted: 1 of 1 exercise(s) left ungraded" in stopped.stderr
    assert not (out / "results.json").exists()


def test_grade_watch(sandbox_image: str, tmp_path: Path, gradebook: Path) -> None:
    exercises = never_returning_exercises(tmp_path / "exercises", 1)
    process = start("watch", "attention/sdpa_0", "--root", exercises, env={"MLGRADE_GRADEBOOK": str(gradebook)})
    stopped = interrupt(process)
    assert stopped.status == 0 and stopped.seconds < PROMPT  # Ctrl-C is how a watch ends
    assert "stopped watching (interrupted: 1 of 1 exercise(s) left ungraded" in stopped.stderr
    assert attempts(gradebook) == 0


def test_grade_serve_stops_with_its_requests(sandbox_image: str, tmp_path: Path, gradebook: Path) -> None:
    env = {"MLGRADE_SERVE_SOCKET": str(tmp_path / "serve.sock"), "MLGRADE_GRADEBOOK": str(gradebook)}
    server = start("serve", env=env)
    assert server.stdout is not None and "grade server on" in server.stdout.readline()
    exercises = never_returning_exercises(tmp_path / "exercises", 1)
    client = start(exercises / "attention" / "sdpa_0", env=env)
    stopped = interrupt(server, owner_pid=server.pid)
    client_out, client_err = client.communicate(timeout=60)
    assert stopped.status == 0 and stopped.seconds < PROMPT
    assert "1 grading request(s) in progress were cancelled" in stopped.stdout
    assert client.returncode == 2 and "interrupted: 1 of 1 exercise(s) left ungraded" in client_err, client_err
    assert not (tmp_path / "serve.sock").exists() and attempts(gradebook) == 0


def test_a_client_that_hangs_up_cancels_its_request_on_the_server(sandbox_image: str, tmp_path: Path) -> None:
    env = {"MLGRADE_SERVE_SOCKET": str(tmp_path / "serve.sock")}
    server = start("serve", env=env)
    try:
        assert server.stdout is not None and "grade server on" in server.stdout.readline()
        exercises = never_returning_exercises(tmp_path / "exercises", 1)
        client = start(exercises / "attention" / "sdpa_0", env=env)
        owner = owner_of(server.pid)
        wait_for_container(owner, client)
        at_hangup = set(own_containers(owner))  # the busy container, and warm ones the pool started behind it
        client.send_signal(signal.SIGINT)
        _, client_err = client.communicate(timeout=60)
        assert client.returncode == 2 and "interrupted" in client_err
        # A run that went on would time out its case (2 s + 1 s grace) and take a fresh container within this window.
        seen: set[str] = set()
        deadline = time.monotonic() + 8
        while time.monotonic() < deadline:
            seen |= set(own_containers(owner))
            time.sleep(0.2)
        now = set(own_containers(owner))
        assert seen <= at_hangup, "the server kept grading for a client that was gone"
        assert len(now) == len(at_hangup) - 1, "the request's container was not removed"
        assert server.poll() is None  # the server itself goes on
    finally:
        server.send_signal(signal.SIGINT)
        server.communicate(timeout=60)
