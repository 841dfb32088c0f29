"""mlgrade benchmark: what one hardened sandbox container costs to start, per OCI runtime and option,
measured side by side in one run (interleaved, several repeats, medians) and printed as ratios.

  session  DockerSession (the grader's own path, every hardening option): create, attach + start, the
           runner answering `written` to a job, then the synchronous removal (the janitor's work)
  bare     the same hardened options running `python -c pass`: create, start until it exits, remove
  mounts   `bare` with the engine's default masked paths and without the runner's bind mount: the
           price of mlgrade's extra mounts (measured only, never adopted: those mounts are isolation)
  image    `/bin/true` with the hardened options in the sandbox image and in the small base image:
           does image size change the start?
  alone    the runtime binary by itself, no engine: `<runtime> run` of `/bin/true` in an OCI bundle of the base
           image (non-root, read-only root, memory and pids limits); its CPU is the runtime's own
  direct   the grader's path with crun started directly, no engine (OciSession, sandbox/oci.py): up to the
           runner's `written`, then the removal; the same whatever the runtime column says

Each variant runs under runc and under every other runtime the engine offers among --runtimes.
Host CPU is the whole machine's busy time during a trial (/proc/stat): on a shared machine it includes
other work, so read it with the load average printed next to it.

Run: python3 bench/runtimes.py [--repeat 9] [--runtimes runc,crun] [--variants session,alone]
(needs the Docker sandbox: scripts/setup). Ratios are of the medians, and the median of the ratios of
the two runtimes' trials of the same round (pairs run seconds apart, so a drifting load cancels).
"""

from __future__ import annotations

import argparse
import atexit
import contextlib
import datetime
import io
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from sandbox import image, launcher, oci  # noqa: E402

BASE_IMAGE = "mlgrade-base:bookworm"
JOB = {"type": "job", "exercises": [{"files": {"solution.py": "x = 1\n"}, "entry": {}, "time_per_case": 1.0}]}
ENGINE = {"dockerd", "containerd"}
Trial = Callable[[Any, str], dict[str, float]]


def busy_seconds() -> float:
    """Busy CPU time of the whole machine so far (all cores, /proc/stat), in seconds."""
    fields = [int(v) for v in Path("/proc/stat").read_text().splitlines()[0].split()[1:]]
    idle = fields[3] + fields[4]
    return (sum(fields[:8]) - idle) / os.sysconf("SC_CLK_TCK")


def process_cpu(pid: int, waited: bool) -> float:
    """CPU seconds of process PID, with WAITED those of the children it has waited for (/proc/PID/stat)."""
    stat = Path(f"/proc/{pid}/stat").read_text()
    fields = stat[stat.rindex(")") + 2 :].split()
    return sum(int(v) for v in fields[11 : 15 if waited else 13]) / os.sysconf("SC_CLK_TCK")


def engine_pids() -> list[int]:
    """The engine's daemons (dockerd, containerd): long-lived, so found once."""
    found = []
    for comm in Path("/proc").glob("[0-9]*/comm"):
        with contextlib.suppress(OSError):
            if comm.read_text().strip() in ENGINE:
                found.append(int(comm.parent.name))
    return found


def engine_cpu(pids: list[int]) -> float:
    """CPU seconds of the engine's daemons: shared with every other user of the engine."""
    return sum(process_cpu(pid, waited=False) for pid in pids)


def shim_cpu(container_id: str) -> float:
    """CPU seconds of the container's shim so far, with the runtime commands it ran and waited for (`create`,
    `start`): the shim is the parent of the container's init, the parent of the runner."""
    _, runner = launcher._counters(container_id)
    if runner is None:
        raise SystemExit("the container's processes are not visible on this host")
    shim = launcher._parent(launcher._parent(runner))
    if not Path(f"/proc/{shim}/comm").read_text().startswith("containerd-shim"):
        raise SystemExit(f"process {shim} is not the container's shim")
    return process_cpu(shim, waited=True)


def session_trial(client: Any, runtime: str) -> dict[str, float]:
    """The grader's path: DockerSession up to the runner's `written`, then its removal."""
    os.environ[launcher.RUNTIME_ENV] = runtime
    created: list[float] = []
    real_create = launcher._create

    def timed_create(*args: Any) -> Any:
        container = real_create(*args)
        created.append(time.perf_counter())
        return container

    launcher._create = timed_create
    try:
        start = time.perf_counter()
        session = launcher.DockerSession(image.image_tag(), launcher.Limits())
        started = time.perf_counter()
        session.send(JOB)
        answer = session.receive(60)
        answered = time.perf_counter()
        if answer is None or answer.get("type") != "written":
            raise SystemExit(f"the runner under {runtime} did not answer `written`: {answer}")
        shim = shim_cpu(session.container.id)
        if client.api.inspect_container(session.container.id)["HostConfig"]["Runtime"] != runtime:
            raise SystemExit(f"the container did not run under {runtime}")
        session.discard()
        removed = time.perf_counter()
    finally:
        launcher._create = real_create
    return {"create": created[0] - start, "start": started - created[0], "answer": answered - started,
            "to answer": answered - start, "remove": removed - answered, "shim+runtime CPU": shim}


def direct_trial(client: Any, runtime: str) -> dict[str, float]:
    """The grader's path with crun started directly (sandbox/oci.py; RUNTIME is not used): OciSession up to
    the runner's `written`, then its removal."""
    start = time.perf_counter()
    session = oci.OciSession(image.image_tag(), launcher.Limits())
    session.send(JOB)
    answer = session.receive(60)
    answered = time.perf_counter()
    if answer is None or answer.get("type") != "written":
        raise SystemExit(f"the runner started by crun did not answer `written`: {answer}")
    session.discard()
    removed = time.perf_counter()
    return {"to answer": answered - start, "remove": removed - answered}


def hardened(command: list[str], runtime: str) -> dict[str, Any]:
    options = launcher.container_options(launcher.Limits())
    options.update(command=command, stdin_open=False, runtime=runtime)
    return options


def run_to_exit(client: Any, create: Callable[[], Any]) -> dict[str, float]:
    """Create, start, wait for the exit, remove: the phases of one short-lived container."""
    start = time.perf_counter()
    container = create()
    created = time.perf_counter()
    container.start()
    status = container.wait(timeout=60)
    exited = time.perf_counter()
    container.remove(force=True)
    removed = time.perf_counter()
    if status.get("StatusCode") != 0:
        raise SystemExit(f"the container exited with {status}")
    return {"create": created - start, "run": exited - created, "to exit": exited - start, "remove": removed - exited}


def bare_trial(client: Any, runtime: str) -> dict[str, float]:
    options = hardened([launcher.CONTAINER_PYTHON, "-c", "pass"], runtime)
    return run_to_exit(client, lambda: launcher._create(client, image.image_tag(), options))


def mounts_trial(client: Any, runtime: str) -> dict[str, float]:
    options = hardened([launcher.CONTAINER_PYTHON, "-c", "pass"], runtime)
    del options["volumes"]
    return run_to_exit(client, lambda: client.containers.create(image.image_tag(), **options))


def image_trial(tag: str) -> Trial:
    def trial(client: Any, runtime: str) -> dict[str, float]:
        options = hardened(["/bin/true"], runtime)
        del options["volumes"]
        return run_to_exit(client, lambda: launcher._create(client, tag, options))
    return trial


def make_bundle(client: Any, folder: Path) -> Path:
    """An OCI bundle in FOLDER: the base image's files and `runc spec`'s config, hardened a little."""
    rootfs = folder / "rootfs"
    rootfs.mkdir()
    container = client.containers.create(BASE_IMAGE, ["/bin/true"])
    try:
        with tarfile.open(fileobj=io.BytesIO(b"".join(container.export())), mode="r:") as archive:
            archive.extractall(rootfs, filter="fully_trusted")  # our own base image
    finally:
        container.remove(force=True)
    subprocess.run(["runc", "spec"], cwd=folder, check=True)
    config = json.loads((folder / "config.json").read_text())
    config["process"].update(terminal=False, args=["/bin/true"], user={"uid": 65534, "gid": 65534})
    config["root"]["readonly"] = True
    config["linux"]["resources"].update(memory={"limit": 256 << 20, "swap": 256 << 20}, pids={"limit": 64})
    (folder / "config.json").write_text(json.dumps(config))
    return folder


def alone_trial(bundle: Path) -> Trial:
    def trial(client: Any, runtime: str) -> dict[str, float]:
        before, start = resource.getrusage(resource.RUSAGE_CHILDREN), time.perf_counter()
        subprocess.run([runtime, "run", "--bundle", str(bundle), f"mlgrade-bench-{uuid.uuid4().hex[:8]}"], check=True)
        exited, after = time.perf_counter(), resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
        return {"to exit": exited - start, "runtime CPU": cpu}
    return trial


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=9, help="timed rounds (median); one warm-up round first")
    parser.add_argument("--runtimes", default="runc,crun", help="OCI runtimes to compare (those the engine offers)")
    parser.add_argument("--variants", default="session,bare,mounts,image,alone", help="which variants to measure")
    args = parser.parse_args()

    client = launcher.docker_client()
    info = client.info()
    offered = set(info.get("Runtimes") or {})
    runtimes = [r for r in args.runtimes.split(",") if r in offered]
    for missing in sorted(set(args.runtimes.split(",")) - set(runtimes)):
        print(f"skipped {missing}: the engine offers no such runtime (scripts/setup registers crun)")
    if not runtimes:
        raise SystemExit("no runtime to measure")
    variants: dict[str, Trial] = {"session": session_trial, "bare": bare_trial, "mounts": mounts_trial,
                                  "image sandbox": image_trial(image.image_tag())}
    if (reason := oci.unavailable()) is None:
        variants["direct"] = direct_trial
    else:
        print(f"skipped direct: crun cannot start the containers here ({reason})")
    work = Path(tempfile.mkdtemp(prefix="mlgrade-bench-"))
    atexit.register(shutil.rmtree, work, True)  # the bundle, also when a trial fails
    if any(BASE_IMAGE in (t.tags or []) for t in client.images.list()):
        variants["image base"] = image_trial(BASE_IMAGE)
        if all(shutil.which(r) for r in runtimes) and os.geteuid() == 0:
            variants["alone"] = alone_trial(make_bundle(client, work))
        else:
            print("skipped the runtimes alone: they need root and the runtime binaries on PATH")
    else:
        print(f"skipped the small image and the runtimes alone: {BASE_IMAGE} is not built")
    print(f"{datetime.datetime.now(datetime.UTC):%Y-%m-%d %H:%M} UTC, Docker {info.get('ServerVersion')}, "
          f"cgroup v{info.get('CgroupVersion')} ({info.get('CgroupDriver')}), {os.cpu_count()} cores, "
          f"load average {os.getloadavg()[0]:.2f} at start")

    engine = engine_pids()
    wanted = args.variants.split(",")
    variants = {name: trial for name, trial in variants.items() if name.split()[0] in wanted}
    trials = [(name, runtime) for name in variants for runtime in runtimes]
    figures: dict[tuple[str, str], list[dict[str, float]]] = {t: [] for t in trials}
    for round_ in range(args.repeat + 1):  # round 0 warms up the image's pages and the engine's caches
        shift = round_ % len(trials)
        for name, runtime in trials[shift:] + trials[:shift]:  # interleaved, the order rotating each round
            before, engine_before = busy_seconds(), engine_cpu(engine)
            phases = variants[name](client, runtime)
            phases["engine CPU"] = engine_cpu(engine) - engine_before
            phases["host CPU"] = busy_seconds() - before
            if round_:
                figures[(name, runtime)].append(phases)

    print(f"\nmedians of {args.repeat} rounds, seconds (load average {os.getloadavg()[0]:.2f} at the end)")
    for (name, runtime), rows in figures.items():
        medians = {key: statistics.median(row[key] for row in rows) for key in rows[0]}
        print(f"{name:14} {runtime:5} " + "  ".join(f"{key} {value:6.3f}" for key, value in medians.items()))
    print()
    total = {"session": "to answer", "direct": "to answer", "bare": "to exit", "mounts": "to exit", "image sandbox": "to exit",
             "image base": "to exit", "alone": "to exit"}
    reference = runtimes[0]

    def median(name: str, runtime: str, key: str) -> float:
        return statistics.median(row[key] for row in figures[(name, runtime)])

    for runtime in runtimes[1:]:
        for name in variants:
            for key in (total[name], "shim+runtime CPU", "runtime CPU", "engine CPU", "host CPU"):
                if key not in figures[(name, runtime)][0]:
                    continue
                base = median(name, reference, key)
                ratio = f"{median(name, runtime, key) / base:5.2f}" if base else "  n/a (nothing counted)"
                paired = [row[key] / base_row[key] for row, base_row in
                          zip(figures[(name, runtime)], figures[(name, reference)], strict=True) if base_row[key] and row[key]]
                pairs = f"   paired by round: {statistics.median(paired):5.2f}" if paired else ""
                print(f"{name:14} {key:16} {runtime} ÷ {reference}: {ratio}{pairs}")
    for runtime in (runtimes if {"session", "direct"} <= set(variants) else []):  # direct ignores the runtime
        for key in ("to answer", "host CPU"):
            print(f"direct ÷ session ({runtime}) {key}: "
                  f"{median('direct', runtime, key) / median('session', runtime, key):5.2f}")
    for runtime in (runtimes if {"mounts", "bare"} <= set(variants) else []):
        print(f"mounts ÷ bare (default masks, no runner mount), {runtime}: "
              f"{median('mounts', runtime, 'to exit') / median('bare', runtime, 'to exit'):5.2f}")
        if {"image base", "image sandbox"} <= set(variants):
            print(f"image base ÷ image sandbox (/bin/true), {runtime}: "
                  f"{median('image base', runtime, 'to exit') / median('image sandbox', runtime, 'to exit'):5.2f}")


if __name__ == "__main__":
    main()
