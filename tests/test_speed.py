"""The speed features, through the real Docker engine: warm pool, grade serve, batch, cache."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from support import ROOT, SDPA, leftover_containers, run_grade

from grader import cache, files
from grader.bank import load_exercise
from grader.cases import generate_cases
from grader.grading import grade_exercise
from grader.options import GradeOptions
from grader.results import Verdict
from sandbox.launcher import Limits
from sandbox.pool import WarmPool

pytestmark = pytest.mark.docker
REFERENCE = SDPA / "private" / "reference.py"
WRONG = SDPA / "private" / "wrong" / "no_scaling.py"


def test_pool_hands_out_fresh_containers_and_cleans_up(sandbox_image: str) -> None:
    """A pooled run is as isolated as a cold one: each submission gets its own container."""
    exercise = load_exercise(SDPA)
    marker = ("import os\n" + REFERENCE.read_text()
              + "\nSEEN = os.path.exists('/tmp/marker')\nopen('/tmp/marker', 'w').close()\n"
              + "_real = scaled_dot_product_attention\n"
              + "def scaled_dot_product_attention(*a, **k):\n"
              + "    if SEEN:\n        raise RuntimeError('state leaked between submissions')\n"
              + "    return _real(*a, **k)\n")
    pool = WarmPool(sandbox_image, per_key=2)
    try:
        pool.prewarm(exercise.spec.limits)
        deadline = time.monotonic() + 60
        while pool.ready_count() < 2 and time.monotonic() < deadline:
            time.sleep(0.2)
        assert pool.ready_count() == 2
        options = GradeOptions(image=sandbox_image, pool=pool)
        for _ in range(3):
            result = grade_exercise(exercise, {"solution.py": marker}, options, threading.Event())
            assert result.passed, [c.reason for c in result.cases if c.verdict is not Verdict.PASSED]
    finally:
        pool.close()
    assert leftover_containers() == []


def test_pool_respects_its_memory_budget_and_reaps_idle_containers(sandbox_image: str) -> None:
    pool = WarmPool(sandbox_image, per_key=5, memory_budget_mb=1024, idle_seconds=600)
    try:
        pool.prewarm(Limits(memory_mb=512))
        pool.prewarm(Limits(memory_mb=512))
        deadline = time.monotonic() + 60
        while pool.ready_count() < 2 and time.monotonic() < deadline:
            time.sleep(0.2)
        time.sleep(2)
        assert pool.ready_count() == 2  # 2 × 512 MB fill the 1024 MB budget, never more
        assert pool.reap() == 0
        pool.idle_seconds = 0.0
        assert pool.reap() == 2 and pool.ready_count() == 0
    finally:
        pool.close()
    assert leftover_containers() == []


def test_grade_serve_grades_for_the_cli(sandbox_image: str, tmp_path: Path) -> None:
    env = {**os.environ, "MLGRADE_SERVE_SOCKET": str(tmp_path / "serve.sock")}
    server = subprocess.Popen([sys.executable, "-m", "grader", "serve", "--prewarm", str(SDPA)], cwd=ROOT, env=env,
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        assert server.stdout is not None
        assert "grade server on" in server.stdout.readline()
        completed = run_grade(SDPA, "--submission", WRONG, "--json", tmp_path / "r.json", env=env)
        assert completed.returncode == 1, completed.stderr
        document = json.loads((tmp_path / "r.json").read_text())
        names = {c["misconception"]["name"] for c in document["exercises"][0]["cases"] if c["misconception"]}
        assert names == {"no 1/√d scaling"}
        assert run_grade(SDPA, "--submission", REFERENCE, env=env).returncode == 0
    finally:
        server.send_signal(signal.SIGINT)
        server.wait(timeout=60)
    assert not (tmp_path / "serve.sock").exists()
    assert leftover_containers() == []


def make_candidates(folder: Path, count: int) -> Path:
    folder.mkdir()
    for index in range(count):
        shutil.copy(REFERENCE if index % 2 == 0 else WRONG, folder / f"candidate{index:02d}.py")
    return folder


def test_batch_is_resumable_after_sigkill(sandbox_image: str, tmp_path: Path) -> None:
    submissions, out = make_candidates(tmp_path / "subs", 8), tmp_path / "out"
    command = [sys.executable, "-m", "grader", "batch", str(submissions), "--exercise", str(SDPA),
               "--out", str(out), "-j", "1"]
    first = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while len(list(out.glob("*.json"))) < 3 and time.monotonic() < deadline:
        time.sleep(0.05)
    first.send_signal(signal.SIGKILL)
    first.wait()
    recorded = {p.name: p.stat().st_mtime_ns for p in out.glob("*.json")}
    assert 3 <= len(recorded) < 8
    assert all(json.loads(p.read_text())["exit_status"] in (0, 1) for p in out.glob("*.json"))  # complete files
    second = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert second.returncode == 1  # half the candidates are wrong
    assert f"{8 - len(recorded)} graded, {len(recorded)} already recorded" in second.stdout
    documents = {p.name: json.loads(p.read_text()) for p in out.glob("*.json")}
    assert len(documents) == 8
    assert all(out.joinpath(name).stat().st_mtime_ns == mtime for name, mtime in recorded.items())
    assert [d["exit_status"] for _, d in sorted(documents.items())] == [0, 1] * 4
    assert leftover_containers() == []  # the killed batch's containers were removed by the second run


def test_batch_marks_infrastructure_faults_ungradable_and_goes_on(tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    from grader.batch import find_candidates, run_batch

    submissions = make_candidates(tmp_path / "subs", 3)
    options = GradeOptions(image="mlgrade-sandbox:does-not-exist")
    outcomes = run_batch(SDPA, find_candidates(submissions), tmp_path / "out", 2, options, threading.Event())
    assert sorted(o.status for o in outcomes) == [2, 2, 2]
    documents = [json.loads(p.read_text()) for p in (tmp_path / "out").glob("*.json")]
    assert len(documents) == 3
    assert all(c["verdict"] == "ungradable" and "grade sandbox build" in c["reason"]
               for d in documents for e in d["exercises"] for c in e["cases"])
    again = run_batch(SDPA, find_candidates(submissions), tmp_path / "out", 2, options, threading.Event())
    assert not any(o.skipped for o in again)  # ungradable runs are retried, never taken as recorded


def test_expected_outputs_cache_key_follows_every_private_file(exercise_copy: Callable[..., Path],
                                                              monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv(files.CACHE_ENV, str(tmp_path / "cache"))
    folder = exercise_copy(SDPA)
    exercise = load_exercise(folder)
    cases = generate_cases(exercise.cases_file, exercise.spec.seed)
    key = cache.content_key(exercise, cases)
    assert cache.load(key) is None
    from grader.expected import expected_outputs

    computed = expected_outputs(exercise, cases)
    stored = cache.load(key)
    assert stored is not None and set(stored) == set(computed)
    assert all((stored[name]["out"] == computed[name]["out"]).all() for name in computed)
    for private_file in ("reference.py", "wrong/no_scaling.py", "cases.py"):
        path = folder / "private" / private_file
        path.write_text(path.read_text() + "\n# edited\n")
        assert cache.content_key(exercise, cases) != key
        key = cache.content_key(exercise, cases)
    spec = folder / "exercise.toml"
    spec.write_text(spec.read_text().replace("seed = 1701", "seed = 1702"))
    assert cache.content_key(load_exercise(folder), cases) != key


def test_prepared_cases_are_reused_until_a_bank_file_changes(sandbox_image: str, exercise_copy: Callable[..., Path],
                                                             monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from grader.grading import prepared

    monkeypatch.setenv(files.CACHE_ENV, str(tmp_path / "cache"))
    folder = exercise_copy(SDPA)
    exercise = load_exercise(folder)
    assert prepared(exercise)[0] is prepared(exercise)[0]  # built once per process
    options = GradeOptions(image=sandbox_image)
    assert grade_exercise(exercise, {"solution.py": REFERENCE.read_text()}, options, threading.Event()).passed
    reference = folder / "private" / "reference.py"
    reference.write_text(reference.read_text().replace("return weights @ v", "return 2 * (weights @ v)"))
    regraded = grade_exercise(load_exercise(folder), {"solution.py": REFERENCE.read_text()}, options, threading.Event())
    assert not regraded.passed  # the edited reference is what the answer is compared with now
