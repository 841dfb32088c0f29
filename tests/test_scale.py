"""`grade worker` and `grade batch --broker` (docs/scale.md) against a real redis-server started here, real worker
processes (each in its own process group, killed in teardown) and the real Docker sandbox."""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from support import ROOT, leftover_containers, run_grade

SOFTMAX = ROOT / "exercises" / "ml_basics" / "softmax"
# Seconds before an unacknowledged job (its worker died) is handed to another worker (--redeliver-after). Far
# above any job's time, so that a slow job on a busy machine is never handed out twice, except in the test that
# kills a worker, where it is what the test waits for.
REDELIVER = 300
REDELIVER_KILLED = 30
DEADLINE = 600.0  # generous: the machine is shared; nothing here depends on how fast it is


def wait_for(condition: Callable[[], object], what: str, deadline: float = DEADLINE) -> None:
    end = time.monotonic() + deadline
    while not condition():
        if time.monotonic() > end:
            pytest.fail(f"gave up waiting for {what}")
        time.sleep(0.2)


@dataclass
class Redis:
    """A redis-server of this test: its own port, folder and process group; append-only file on, so that a
    restart keeps the queue."""

    folder: Path
    port: int = 0
    process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"redis://localhost:{self.port}/0"

    def start(self) -> None:
        binary = shutil.which("redis-server")
        if binary is None:
            if os.environ.get("CI"):
                pytest.fail("CI must run the scale tests: redis-server is missing (run scripts/setup)")
            pytest.skip("redis-server is missing (run scripts/setup, or apt-get install redis-server)")
        if not self.port:
            with socket.socket() as probe:
                probe.bind(("127.0.0.1", 0))
                self.port = probe.getsockname()[1]
        self.process = subprocess.Popen([binary, "--port", str(self.port), "--bind", "127.0.0.1", "--dir",
                                         str(self.folder), "--save", "", "--appendonly", "yes"],
                                        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
        wait_for(self.answers, "redis-server to answer", 30)

    def answers(self) -> bool:
        import redis

        try:
            return bool(redis.Redis(port=self.port, socket_timeout=1).ping())
        except redis.exceptions.ConnectionError:
            return False

    def client(self):  # type: ignore[no-untyped-def]
        import redis

        return redis.Redis(port=self.port, socket_timeout=5)

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()  # SIGTERM: redis flushes its append-only file and exits
            self.process.wait(30)


@pytest.fixture()
def broker(tmp_path: Path) -> Iterator[Redis]:
    server = Redis(tmp_path / "redis")
    server.folder.mkdir()
    server.start()
    yield server
    if server.process is not None and server.process.poll() is None:
        os.killpg(server.process.pid, signal.SIGKILL)
        server.process.wait()


@dataclass
class Worker:
    process: subprocess.Popen[bytes]
    log: Path

    def text(self) -> str:
        return self.log.read_text(errors="replace")


@pytest.fixture()
def workers(sandbox_image: str, broker: Redis, tmp_path: Path) -> Iterator[Callable[..., Worker]]:
    """Start `grade worker` processes (one job at a time each), each in its own process group; every one still
    running is killed in teardown, and the containers of killed ones are removed."""
    started: list[Worker] = []

    def start(redeliver: int = REDELIVER) -> Worker:
        log = tmp_path / f"worker{len(started)}.log"
        with log.open("wb") as sink:
            process = subprocess.Popen([sys.executable, "-m", "grader", "worker", "--broker", broker.url,
                                        "--exercises", str(SOFTMAX), "--concurrency", "1", "--redeliver-after",
                                        str(redeliver)], cwd=ROOT, stdout=sink, stderr=subprocess.STDOUT,
                                       start_new_session=True)
        worker = Worker(process, log)
        started.append(worker)
        wait_for(lambda: " ready." in worker.text() or process.poll() is not None, "the worker to start", 180)
        assert process.poll() is None, worker.text()
        return worker

    yield start
    for worker in started:
        if worker.process.poll() is None:
            os.killpg(worker.process.pid, signal.SIGKILL)
        worker.process.wait()
    from sandbox.launcher import remove_leftover_containers

    time.sleep(1)  # a container a killed worker asked for may still be coming into being
    remove_leftover_containers()  # those of a worker killed before another one cleaned up after it


def submissions(folder: Path, count: int) -> list[str]:
    """COUNT candidates cycling through the reference, each wrong variant and the stub; their names."""
    private = SOFTMAX / "private"
    sources = [private / "reference.py", *sorted((private / "wrong").glob("*.py")), SOFTMAX / "solution.py"]
    folder.mkdir()
    names = []
    for index in range(count):
        name = f"c{index:02d}"
        shutil.copy(sources[index % len(sources)], folder / f"{name}.py")
        names.append(name)
    return names


RAISING = "def softmax(x, axis=-1):\n    shifted = x - x.max(axis=axis, keepdims=True)\n    raise ValueError('boom')\n"


def mixed_submissions(folder: Path, count: int) -> list[str]:
    """COUNT candidates cycling through every kind a cohort holds: the reference and each wrong variant as .py
    files, the untouched stub, a syntax error, a runtime error, a forbidden API, a file that is not UTF-8, a
    folder laid out like the exercise, a folder without the file, and notebooks (the reference; a runtime
    error, located by cell and line). Their names."""
    from grader.notebook import stub_notebook, write_notebook

    private = SOFTMAX / "private"
    texts = [path.read_text() for path in [private / "reference.py", *sorted((private / "wrong").glob("*.py")),
                                           SOFTMAX / "solution.py"]]
    texts += ["def softmax(x, axis=-1)\n    return x\n", RAISING,
              "from scipy.special import softmax as _s\n\n\ndef softmax(x, axis=-1):\n    return _s(x, axis=axis)\n"]

    def python(text: str) -> Callable[[Path], None]:
        return lambda base: base.with_suffix(".py").write_text(text)

    def notebook(text: str) -> Callable[[Path], None]:
        return lambda base: write_notebook(stub_notebook("Softmax", "# Softmax", text, "grade …"),
                                           base.with_suffix(".ipynb"))

    def laid_out(base: Path) -> None:
        base.mkdir()
        (base / "solution.py").write_text(texts[0])

    kinds = [*map(python, texts), lambda base: base.with_suffix(".py").write_bytes(b"x = '\xff'\n"), laid_out,
             lambda base: base.mkdir(), notebook(texts[0]), notebook(RAISING)]
    folder.mkdir()
    names = [f"c{index:02d}" for index in range(count)]
    for index, name in enumerate(names):
        kinds[index % len(kinds)](folder / name)
    return names


def slow_down(folder: Path, names: list[str]) -> None:
    """Make each candidate's softmax sleep 0.3 s per call: their jobs last seconds, so that a worker seen to
    begin one is surely still in it a moment later."""
    for name in names:
        path = folder / f"{name}.py"
        path.write_text("import time\n" + path.read_text() + "\n\n_softmax = softmax\n\n\n"
                        "def softmax(x, axis=-1):\n    time.sleep(0.3)\n    return _softmax(x, axis)\n")


def verdicts(out: Path) -> dict[str, list[tuple[str, str]]]:
    """Per candidate (document stem), every case's name and verdict."""
    found = {}
    for path in sorted(out.glob("*.json")):
        document = json.loads(path.read_text())
        found[path.stem] = [(case["name"], case["verdict"]) for exercise in document["exercises"]
                            for case in exercise["cases"]]
    return found


def documents(out: Path) -> dict[str, dict[str, object]]:
    """Per candidate (document stem), the results document without what differs from run to run (times)."""
    found = {}
    for path in sorted(out.glob("*.json")):
        document = json.loads(path.read_text())
        del document["started"], document["finished"]
        for exercise in document["exercises"]:
            for case in exercise["cases"]:
                del case["seconds"]
        found[path.stem] = document
    return found


def batch(subs: Path, out: Path, broker: Redis) -> list[str]:
    return [sys.executable, "-m", "grader", "batch", str(subs), "--exercise", str(SOFTMAX), "--out", str(out),
            "--broker", broker.url]


def job_counters(broker: Redis, prefix: str) -> dict[str, int]:
    client = broker.client()
    return {key.decode().removeprefix(prefix): int(client.get(key)) for key in client.keys(prefix + "*")}


@pytest.mark.docker
def test_two_workers_record_every_candidate_once_with_the_documents_of_a_local_batch(
        workers: Callable[..., Worker], broker: Redis, tmp_path: Path) -> None:
    names = mixed_submissions(tmp_path / "subs", 40)
    workers(), workers()
    distributed = run_grade("batch", tmp_path / "subs", "--exercise", SOFTMAX, "--out", tmp_path / "out",
                            "--broker", broker.url, timeout=DEADLINE)
    assert distributed.returncode == 1, distributed.stderr  # wrong and stub candidates: not all passed
    assert "40 graded, 0 already recorded, 0 not graded" in distributed.stdout, distributed.stdout
    local = run_grade("batch", tmp_path / "subs", "--exercise", SOFTMAX, "--out", tmp_path / "local", "--jobs", "2",
                      timeout=DEADLINE)
    assert local.returncode == 1, local.stderr
    assert sorted(documents(tmp_path / "out")) == names
    assert documents(tmp_path / "out") == documents(tmp_path / "local")  # every verdict, reason, error and score
    assert {verdict for cases in verdicts(tmp_path / "out").values() for _, verdict in cases} >= {
        "passed", "wrong answer", "not implemented", "runtime error", "forbidden API"}
    raising = documents(tmp_path / "out")["c13"]["exercises"][0]["cases"][0]  # the notebook with an error
    assert raising["error"]["file"].startswith("cell ") and raising["error"]["line"] == 3, raising["error"]
    assert "(cell " in raising["reason"] and ", line 3)" in raising["reason"], raising["reason"]
    assert len(job_counters(broker, "mlgrade:started:")) == 40
    assert all(count == 1 for count in job_counters(broker, "mlgrade:started:").values())  # each job graded once
    again = run_grade("batch", tmp_path / "subs", "--exercise", SOFTMAX, "--out", tmp_path / "out",
                      "--broker", broker.url, timeout=DEADLINE)
    assert "0 graded, 40 already recorded" in again.stdout, again.stdout + again.stderr
    assert leftover_containers() == []


@pytest.mark.docker
def test_a_batch_over_the_broker_applies_the_assignments_points_as_a_local_batch(
        workers: Callable[..., Worker], broker: Redis, tmp_path: Path) -> None:
    subs = tmp_path / "subs"
    mixed_submissions(subs, 3)  # the reference, a wrong variant, another
    take_home = tmp_path / "take-home.toml"
    take_home.write_text('title = "Softmax take-home"\n\n[[exercises]]\nid = "ml_basics/softmax"\npoints = 25\n')
    workers()
    distributed = run_grade("batch", subs, "--exercise", SOFTMAX, "--out", tmp_path / "out", "--broker", broker.url,
                            "--assignment", take_home, timeout=DEADLINE)
    assert distributed.returncode == 1, distributed.stdout + distributed.stderr
    assert "(25/25)" in distributed.stdout, distributed.stdout  # the ranking scores by the assignment's points
    local = run_grade("batch", subs, "--exercise", SOFTMAX, "--out", tmp_path / "local", "--assignment", take_home,
                      timeout=DEADLINE)
    assert local.returncode == 1, local.stderr
    assert documents(tmp_path / "out") == documents(tmp_path / "local")
    reference = documents(tmp_path / "out")["c00"]
    assert reference["assignment"] == {"title": "Softmax take-home"}
    assert reference["summary"]["points"] == reference["summary"]["max_points"] == 25
    assert reference["exercises"][0]["points"] == 25
    take_home.write_text(take_home.read_text().replace("points = 25", "points = 40"))
    regraded = run_grade("batch", subs, "--exercise", SOFTMAX, "--out", tmp_path / "out", "--broker", broker.url,
                         "--assignment", take_home, timeout=DEADLINE)
    assert "3 graded, 0 already recorded" in regraded.stdout, regraded.stdout + regraded.stderr
    assert documents(tmp_path / "out")["c00"]["summary"]["max_points"] == 40  # recorded again with the new points
    assert set(job_counters(broker, "mlgrade:started:").values()) == {1}  # from the stored results: not regraded


@pytest.mark.docker
def test_a_worker_killed_mid_job_loses_nothing_and_its_job_is_graded_by_another(
        workers: Callable[..., Worker], broker: Redis, tmp_path: Path) -> None:
    names = submissions(tmp_path / "subs", 3)
    slow_down(tmp_path / "subs", names)
    first = workers(REDELIVER_KILLED)
    coordinator = subprocess.Popen(batch(tmp_path / "subs", tmp_path / "out", broker), cwd=ROOT, text=True,
                                   stdout=subprocess.PIPE, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        wait_for(lambda: job_counters(broker, "mlgrade:started:"), "the first worker to begin a job")
        os.killpg(first.process.pid, signal.SIGKILL)  # mid-job: it has begun and not finished (one job at a time)
        first.process.wait()
        killed = set(job_counters(broker, "mlgrade:started:")) - set(job_counters(broker, "mlgrade:ended:"))
        assert len(killed) == 1
        second = workers(REDELIVER_KILLED)
        output, _ = coordinator.communicate(timeout=DEADLINE)
    finally:
        if coordinator.poll() is None:
            os.killpg(coordinator.pid, signal.SIGKILL)
            coordinator.wait()
    assert "3 graded, 0 already recorded, 0 not graded" in output, output
    assert sorted(verdicts(tmp_path / "out")) == names
    [job] = killed
    assert job_counters(broker, "mlgrade:started:")[job] >= 2  # begun by the killed worker, then by the other
    assert job in second.text() and "succeeded" in second.text()
    assert leftover_containers() == []  # the other worker removed the killed one's container


@pytest.mark.docker
def test_a_coordinator_killed_mid_batch_and_run_again_records_every_candidate_once(
        workers: Callable[..., Worker], broker: Redis, tmp_path: Path) -> None:
    names = submissions(tmp_path / "subs", 4)
    workers()
    coordinator = subprocess.Popen(batch(tmp_path / "subs", tmp_path / "out", broker), cwd=ROOT,
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        wait_for(lambda: list((tmp_path / "out").glob("*.json")) if (tmp_path / "out").is_dir() else [],
                 "a first document")
    finally:
        os.killpg(coordinator.pid, signal.SIGKILL)
        coordinator.wait()
    recorded = {path.name: path.stat().st_mtime_ns for path in (tmp_path / "out").glob("*.json")}
    assert recorded
    again = run_grade(*batch(tmp_path / "subs", tmp_path / "out", broker)[3:], timeout=DEADLINE)
    assert f"{4 - len(recorded)} graded, {len(recorded)} already recorded, 0 not graded" in again.stdout, \
        again.stdout + again.stderr
    assert sorted(verdicts(tmp_path / "out")) == names
    assert all((tmp_path / "out" / name).stat().st_mtime_ns == when for name, when in recorded.items())


@pytest.mark.docker
def test_a_batch_waits_while_redis_is_stopped_and_completes(workers: Callable[..., Worker], broker: Redis,
                                                           tmp_path: Path) -> None:
    names = submissions(tmp_path / "subs", 3)
    workers()
    coordinator = subprocess.Popen(batch(tmp_path / "subs", tmp_path / "out", broker), cwd=ROOT, text=True,
                                   stdout=subprocess.PIPE, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        wait_for(lambda: job_counters(broker, "mlgrade:started:"), "the worker to begin a job")
        broker.stop()
        time.sleep(5)
        broker.start()
        output, _ = coordinator.communicate(timeout=DEADLINE)
    finally:
        if coordinator.poll() is None:
            os.killpg(coordinator.pid, signal.SIGKILL)
            coordinator.wait()
    assert "the broker cannot be reached" in output and "the broker is back" in output, output
    assert "3 graded, 0 already recorded, 0 not graded" in output, output
    assert sorted(verdicts(tmp_path / "out")) == names


@pytest.mark.docker
def test_a_job_for_another_bank_digest_is_refused_and_left_queued(workers: Callable[..., Worker], broker: Redis) -> None:
    from grader.bank import load_exercise
    from grader.scale.jobs import TASK, bank_digest, make_app, make_job, queue_name

    worker = workers()
    queue = queue_name(bank_digest([load_exercise(SOFTMAX)]))
    job = make_job("mallory", "0" * 64, {"ml_basics/softmax": {"solution.py": "x = 1"}}, 3)  # another bank's job
    make_app(broker.url).send_task(TASK, args=[job], task_id="forged", queue=queue)
    wait_for(lambda: "refused mallory" in worker.text(), "the worker to refuse the job")
    wait_for(lambda: broker.client().llen(queue) == 1, "the job to be back in its queue")
    assert not job_counters(broker, "mlgrade:started:")  # never graded
    assert worker.process.poll() is None


def test_a_job_that_stopped_as_many_workers_as_its_tries_is_recorded_ungradable_not_graded() -> None:
    from grader.bank import load_exercise
    from grader.grading import files_digest
    from grader.options import GradeOptions
    from grader.scale.jobs import bank_digest, make_job
    from grader.scale.worker import Served, grade_job

    exercise = load_exercise(SOFTMAX)
    served = Served(SOFTMAX, {exercise.spec.id: exercise}, bank_digest([exercise]), GradeOptions())
    job = make_job("c00", served.digest, {exercise.spec.id: {"solution.py": "import os\nos.abort()\n"}}, 3)
    document = grade_job(served, job, crashes=3)
    assert document["exit_status"] == 2
    [graded] = document["exercises"]
    assert graded["cases"] and {case["verdict"] for case in graded["cases"]} == {"ungradable"}
    assert "stopped 3 worker(s)" in graded["cases"][0]["reason"]
    assert graded["files_sha256"] == files_digest({"solution.py": "import os\nos.abort()\n"})  # recordable as is


def test_a_broker_that_refuses_the_password_is_a_usage_error_not_a_wait(broker: Redis, tmp_path: Path) -> None:
    submissions(tmp_path / "subs", 1)
    broker.client().config_set("requirepass", "right")
    wrong = run_grade("batch", tmp_path / "subs", "--exercise", SOFTMAX, "--out", tmp_path / "out", "--broker",
                      f"redis://:not-the-password@localhost:{broker.port}/0", timeout=120)
    assert wrong.returncode == 2, wrong.stdout + wrong.stderr
    assert "refused the credentials" in wrong.stderr and "Traceback" not in wrong.stderr
    assert "not-the-password" not in wrong.stdout + wrong.stderr


def test_the_bank_digest_changes_with_any_private_file_and_the_job_id_with_the_files(
        exercise_copy: Callable[..., Path]) -> None:
    from grader.bank import load_exercise
    from grader.scale.jobs import bank_digest, job_id

    copy = exercise_copy(SOFTMAX)
    before = bank_digest([load_exercise(copy)])
    assert bank_digest([load_exercise(SOFTMAX)]) == before  # where the bank lies does not matter
    with (copy / "private" / "cases.py").open("a") as cases:
        cases.write("\n# edited\n")
    assert bank_digest([load_exercise(copy)]) != before
    assert job_id("ann", before, {"x": "1"}) == job_id("ann", before, {"x": "1"}) != job_id("ann", before, {"x": "2"})
