"""mlgrade scale benchmark: `grade batch --broker` throughput with 1 and then 2 `grade worker` processes, side
by side in one run.

It starts its own redis-server (a free port, a temporary folder), then for each worker count: empties Redis,
starts the workers (`--concurrency 1` each, each its own warm pool and process group), grades a warm-up batch
(two candidates per worker, so every pool and the expected-output cache are warm), then times `grade batch
--broker` of the same N softmax candidates (the reference, the four wrong variants and the stub, in turn), and
stops the workers. Printed: wall time, candidates per minute, the load average around each run, and the ratio
of 2-worker to 1-worker throughput (near 2 while each worker finds a free core). With --repeat N, N rounds of
1 then 2 workers alternate, and the ratio is that of the median wall times.

Run: python3 bench/scale.py [--candidates 48] [--repeat 1]   (needs redis-server and the Docker sandbox: scripts/setup)
"""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOFTMAX = ROOT / "exercises" / "ml_basics" / "softmax"
GRADE = [sys.executable, "-m", "grader"]
START_SECONDS = 180.0


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def wait_for(condition: Callable[[], object], what: str, seconds: float = START_SECONDS) -> None:
    end = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > end:
            sys.exit(f"gave up waiting for {what}")
        time.sleep(0.2)


def stop(process: subprocess.Popen[bytes]) -> None:
    """SIGTERM to the process group (a worker's warm shutdown), SIGKILL if it is still there after 60 s."""
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(60)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


def start_redis(folder: Path) -> tuple[subprocess.Popen[bytes], int]:
    binary = shutil.which("redis-server")
    if binary is None:
        sys.exit("redis-server is missing: run scripts/setup")
    port = free_port()
    process = subprocess.Popen([binary, "--port", str(port), "--bind", "127.0.0.1", "--dir", str(folder),
                                "--save", ""], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                               start_new_session=True)
    import redis

    def answers() -> bool:
        try:
            return bool(redis.Redis(port=port, socket_timeout=1).ping())
        except redis.exceptions.ConnectionError:
            return False

    wait_for(answers, "redis-server to answer", 30)
    return process, port


def start_worker(url: str, log: Path) -> subprocess.Popen[bytes]:
    with log.open("wb") as sink:
        process = subprocess.Popen([*GRADE, "worker", "--broker", url, "--exercises", str(SOFTMAX),
                                    "--concurrency", "1"], cwd=ROOT, stdout=sink, stderr=subprocess.STDOUT,
                                   start_new_session=True)
    wait_for(lambda: " ready." in log.read_text(errors="replace") or process.poll() is not None, "a worker to start")
    if process.poll() is not None:
        sys.exit(f"a worker stopped at start:\n{log.read_text(errors='replace')}")
    return process


def make_batch(folder: Path, count: int, prefix: str) -> Path:
    """COUNT softmax candidates cycling through the reference, the wrong variants and the stub."""
    private = SOFTMAX / "private"
    sources = [private / "reference.py", *sorted((private / "wrong").glob("*.py")), SOFTMAX / "solution.py"]
    folder.mkdir()
    for index in range(count):
        shutil.copy(sources[index % len(sources)], folder / f"{prefix}{index:03d}.py")
    return folder


def batch(submissions: Path, out: Path, url: str) -> float:
    """Wall seconds of `grade batch --broker` of SUBMISSIONS (exit 1: the wrong candidates did not pass)."""
    began = time.perf_counter()
    done = subprocess.run([*GRADE, "batch", str(submissions), "--exercise", str(SOFTMAX), "--out", str(out),
                           "--broker", url], cwd=ROOT, capture_output=True, text=True)
    seconds = time.perf_counter() - began
    if done.returncode not in (0, 1) or f"{len(list(submissions.iterdir()))} graded" not in done.stdout:
        sys.exit(f"grade batch --broker failed (exit {done.returncode}):\n{done.stdout}\n{done.stderr}")
    return seconds


def measure(workers: int, url: str, port: int, work: Path, count: int, run: int) -> tuple[float, str]:
    """Wall seconds of the timed batch with WORKERS workers, and the load average before and after it."""
    import redis

    redis.Redis(port=port).flushall()  # no stored result of an earlier run is taken instead of grading
    here = work / f"run{run}-workers{workers}"
    here.mkdir()
    started = [start_worker(url, here / f"worker{n}.log") for n in range(workers)]
    try:
        batch(make_batch(here / "warm", 2 * workers, "warm"), here / "warm-out", url)
        before = os.getloadavg()[0]
        seconds = batch(make_batch(here / "subs", count, "c"), here / "out", url)
        return seconds, f"{before:.1f} → {os.getloadavg()[0]:.1f}"
    finally:
        for process in started:
            stop(process)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--candidates", type=int, default=48, help="candidates in the timed batch (default 48)")
    parser.add_argument("--repeat", type=int, default=1, help="rounds of 1 then 2 workers (default 1); with more, "
                                                              "the medians are compared")
    args = parser.parse_args()
    rounds: list[dict[int, tuple[float, str]]] = []
    with tempfile.TemporaryDirectory(prefix="mlgrade-scale-bench-") as temporary:
        work = Path(temporary)
        (work / "redis").mkdir()
        server, port = start_redis(work / "redis")
        url = f"redis://127.0.0.1:{port}/0"
        try:
            for run in range(args.repeat):  # 1 and 2 workers alternate: a load that drifts weighs on both
                rounds.append({workers: measure(workers, url, port, work, args.candidates, run) for workers in (1, 2)})
        finally:
            stop(server)
    print(f"grade batch --broker of {args.candidates} softmax candidates, workers with --concurrency 1, "
          f"{os.cpu_count()} CPUs")
    print(f"{'round':>5}  {'workers':>7}  {'wall s':>7}  {'candidates/min':>14}  load average (1 min) before → after")
    for run, rows in enumerate(rounds, 1):
        for workers, (seconds, load) in rows.items():
            print(f"{run:>5}  {workers:>7}  {seconds:>7.1f}  {60 * args.candidates / seconds:>14.1f}  {load}")
    one, two = (statistics.median(rows[workers][0] for rows in rounds) for workers in (1, 2))
    print(f"throughput 2 workers ÷ 1 worker: {one / two:.2f}" + (f" (medians of {len(rounds)} rounds; each round: "
          + ", ".join(f"{rows[1][0] / rows[2][0]:.2f}" for rows in rounds) + ")" if len(rounds) > 1 else ""))


if __name__ == "__main__":
    main()
