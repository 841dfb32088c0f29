"""P6: the same submissions of one exercise graded by mlgrade and by two peers, wall time side by side.

  mlgrade   `grade batch` with the default Docker sandbox (a fresh hardened container per candidate)
  otter     otter-grader's `otter run` on each submission against an autograder zip (`otter generate`)
  nbgrader  `nbgrader autograde` of a course directory holding every submission as a notebook

The exercise is attention/scaled_dot_product. COUNT submissions are made deterministically: even
candidates hand in the reference, odd ones cycle through the exercise's known-wrong variants and the
untouched stub. Each peer checks the same cases against the same expected outputs, computed once
here on the trusted side from the reference (as bench/bench.py's pytest comparison does), with the
exercise's tolerance. Every peer's per-case verdicts must equal mlgrade's: any disagreement is
printed and the run exits with status 1.

Peers are installed by this script into throw-away virtual environments (`python3 -m venv`, pip's
own download cache under ~/.cache/pip makes reruns fast); a peer that cannot be installed is skipped
with a message. Installing is not timed; each tool's grading command is.

Run: python3 bench/peers.py [--count 50] [--jobs 2] [--keep DIR]   (needs the Docker sandbox: scripts/setup)
Target (docs/performance.md): mlgrade ≥ 10× faster than the fastest peer.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # run as a script: bench/ is sys.path[0], the project root is not
    sys.path.insert(0, str(ROOT))

from grader.bank import load_exercise  # noqa: E402
from grader.cases import generate_cases  # noqa: E402
from grader.expected import expected_outputs  # noqa: E402

SDPA = ROOT / "exercises" / "attention" / "scaled_dot_product"
ASSIGNMENT = "sdpa"  # the otter question prefix and the nbgrader assignment and notebook name
# What each peer's venv gets, pinned so that a figure can be reproduced; numpy at the sandbox image's
# version, since the submissions run there. `otter run` executes a submission in a Jupyter kernel but
# otter-grader does not depend on one, hence ipykernel.
NUMPY = next(line for line in (ROOT / "sandbox" / "requirements.txt").read_text().splitlines() if line.startswith("numpy=="))
PEERS = {"otter-grader": ["otter-grader==7.0.0", "ipykernel==7.4.0", NUMPY], "nbgrader": ["nbgrader==0.9.6", NUMPY]}

ISOLATION = {
    "mlgrade": "hardened container per candidate, started by crun or the Docker engine (network none, read-only, "
               "seccomp, cap-drop ALL)",
    "otter run": "none (a Jupyter kernel on the host, same user, network on; results read back with pickle)",
    "nbgrader autograde": "none (a Jupyter kernel on the host, same user, network on)",
}

# Per candidate: for each case in order, whether it passed.
Verdicts = dict[str, tuple[bool, ...]]

# The check each peer runs for one case: the candidate's function, the case's inputs and the
# reference's output from cases.json + cases.npz, the exercise's tolerance (NaN never matches).
CHECK = '''import json

import numpy as np


def check_case(function, index):
    case = json.loads(open("cases.json").read())[index]
    data = np.load("cases.npz", allow_pickle=False)
    args = [data[key] if key is not None else value for key, value in case["args"]]
    kwargs = {name: data[key] if key is not None else value for name, (key, value) in case["kwargs"].items()}
    out = function(*args, **kwargs)
    want = data[case["expected"]]
    assert isinstance(out, np.ndarray), f"returned {type(out).__name__}, not an array"
    assert out.dtype == want.dtype and out.shape == want.shape, f"{out.dtype} {out.shape} != {want.dtype} {want.shape}"
    assert np.allclose(out, want, rtol=case["rtol"], atol=case["atol"]), "values differ beyond the tolerance"
'''


@dataclass(frozen=True)
class Submission:
    """One candidate's file: its name, what it was made from, and its text."""

    name: str
    source: str
    code: str


@dataclass(frozen=True)
class ToolRun:
    """One tool's grading of every submission: wall seconds, per-case verdicts, how candidates were isolated."""

    tool: str
    seconds: float
    verdicts: Verdicts
    isolation: str
    note: str = ""


@dataclass(frozen=True)
class P6Result:
    """The runs (mlgrade first, then each peer that could be installed), the peers skipped and why, and
    each peer's disagreements with mlgrade."""

    runs: list[ToolRun]
    skipped: dict[str, str]
    mismatches: dict[str, list[str]]

    @property
    def ok(self) -> bool:
        return not any(self.mismatches.values())


def make_submissions(count: int) -> list[Submission]:
    """COUNT candidates: even ones hand in the reference, odd ones cycle through the known-wrong variants
    and the stub. Each file starts with its candidate's name, so no two candidates hand in the same text."""
    wrong = [(path.stem, path) for path in sorted((SDPA / "private" / "wrong").glob("*.py"))]
    wrong.append(("stub", SDPA / "solution.py"))
    submissions = []
    for index in range(count):
        source, path = ("reference", SDPA / "private" / "reference.py") if index % 2 == 0 else wrong[index // 2 % len(wrong)]
        name = f"candidate{index:03d}"
        submissions.append(Submission(name, source, f"# {name}\n{path.read_text()}"))
    return submissions


def write_cases(folder: Path) -> list[str]:
    """cases.json and cases.npz in FOLDER: every case's inputs and the reference's output (computed here, on
    the trusted side), for the peers' check. Returns the case names in order."""
    exercise = load_exercise(SDPA)
    cases = generate_cases(exercise.cases_file, exercise.spec.seed)
    expected = expected_outputs(exercise, cases)
    output = exercise.spec.outputs[0]
    arrays: dict[str, np.ndarray] = {}

    def stored(key: str, value: Any) -> tuple[str | None, Any]:
        if isinstance(value, np.ndarray):
            arrays[key] = value
            return key, None
        if value is None or isinstance(value, bool | int | float | str):
            return None, value
        raise TypeError(f"case input of type {type(value).__name__} cannot be stored for the peers")

    manifest = []
    for index, case in enumerate(cases):
        arrays[f"c{index}_expected"] = np.asarray(expected[case.name][output.name])
        manifest.append({
            "name": case.name,
            "args": [stored(f"c{index}_arg{position}", value) for position, value in enumerate(case.args)],
            "kwargs": {name: stored(f"c{index}_{name}", value) for name, value in case.kwargs.items()},
            "expected": f"c{index}_expected",
            "rtol": output.rtol,
            "atol": output.atol,
        })
    (folder / "cases.json").write_text(json.dumps(manifest, indent=1))
    np.savez(folder / "cases.npz", **arrays)  # type: ignore[arg-type]  # numpy's stubs type **kwds as allow_pickle
    return [case.name for case in cases]


def disagreements(reference: Verdicts, other: Verdicts, cases: list[str]) -> list[str]:
    """One line per candidate whose per-case verdicts in OTHER differ from REFERENCE (or are missing)."""
    lines = []
    for name, want in sorted(reference.items()):
        got = other.get(name)
        if got is None:
            lines.append(f"{name}: no verdict")
        elif got != want:
            differ = [f"{case} (mlgrade {'pass' if w else 'fail'})" for case, w, g in zip(cases, want, got, strict=True)
                      if w != g]
            lines.append(f"{name}: " + "; ".join(differ))
    lines += [f"{name}: graded but not submitted" for name in sorted(set(other) - set(reference))]
    return lines


def run_command(command: list[str], cwd: Path, env: dict[str, str] | None = None,
                ok: tuple[int, ...] = (0,)) -> subprocess.CompletedProcess[str]:
    """Run COMMAND, which must exit with a status in OK."""
    completed = subprocess.run(command, cwd=cwd, capture_output=True, text=True, env={**os.environ, **(env or {})})
    if completed.returncode not in ok:
        raise SystemExit(f"command failed ({completed.returncode}): {' '.join(command)}\n"
                         f"{completed.stdout[-2000:]}{completed.stderr[-2000:]}")
    return completed


def grade_mlgrade(submissions: list[Submission], work: Path, jobs: int) -> ToolRun:
    """`grade batch` of every submission with the default Docker sandbox; per-case verdicts from the
    candidates' results documents."""
    folder, out = work / "mlgrade" / "submissions", work / "mlgrade" / "results"
    folder.mkdir(parents=True)
    for submission in submissions:
        (folder / f"{submission.name}.py").write_text(submission.code)
    command = [sys.executable, "-m", "grader", "batch", str(folder), "--exercise", str(SDPA), "--out", str(out),
               "-j", str(jobs), "--gradebook", str(work / "mlgrade" / "gradebook.sqlite3")]
    started = time.perf_counter()
    run_command(command, ROOT, ok=(0, 1))
    seconds = time.perf_counter() - started
    verdicts = {}
    for path in out.glob("*.json"):
        document = json.loads(path.read_text())
        (exercise,) = document["exercises"]
        verdicts[path.stem] = tuple(case["verdict"] == "passed" for case in exercise["cases"])
    return ToolRun("mlgrade", seconds, verdicts, ISOLATION["mlgrade"], f"grade batch -j {jobs}")


def peer_venv(work: Path, package: str) -> Path | None:
    """A virtual environment under WORK with PACKAGE at its pinned version (reused when WORK is kept);
    None, with a message, when it cannot be installed."""
    venv = work / f"venv-{package}"
    if not (venv / "bin" / "python").exists():
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    completed = subprocess.run([str(venv / "bin" / "python"), "-m", "pip", "install", "--quiet", *PEERS[package]],
                               capture_output=True, text=True)
    if completed.returncode != 0:
        print(f"{package} skipped: pip could not install {' '.join(PEERS[package])} "
              f"(no network or no matching wheel): {completed.stderr.strip()[-300:]}")
        return None
    return venv


def peer_env(venv: Path, work: Path) -> dict[str, str]:
    """The environment of a peer's commands: its venv activated, Jupyter and IPython configuration from WORK
    only, so that the user's own settings cannot change a peer's run."""
    return {"PATH": f"{venv / 'bin'}{os.pathsep}{os.environ.get('PATH', '')}", "VIRTUAL_ENV": str(venv),
            "JUPYTER_CONFIG_DIR": str(work / "jupyter-config"), "IPYTHONDIR": str(work / "ipython"),
            "JUPYTER_PLATFORM_DIRS": "1"}


def otter_tests(cases: list[str]) -> dict[str, str]:
    """One otter test file (exception-based format) per case, one point each, named case0, case1, …"""
    files = {}
    for index, case in enumerate(cases):
        files[f"case{index}.py"] = (
            f"{CHECK}\nfrom otter.test_files import test_case\n\nOK_FORMAT = False\nname = \"case{index}\"\npoints = 1\n\n\n"
            f"@test_case(name={case!r})\ndef test_case_{index}(scaled_dot_product_attention):\n"
            f"    check_case(scaled_dot_product_attention, {index})\n")
    return files


def grade_otter(venv: Path, submissions: list[Submission], cases: list[str], work: Path, jobs: int) -> ToolRun:
    """`otter generate` an autograder zip once (not timed), then `otter run` each submission, JOBS at once."""
    base = work / "otter"
    (base / "tests").mkdir(parents=True)
    for name, text in otter_tests(cases).items():
        (base / "tests" / name).write_text(text)
    write_cases(base)
    env = peer_env(venv, work)
    otter = str(venv / "bin" / "otter")
    run_command([otter, "generate", "--no-config", "--no-requirements", "--no-environment", "-t", "tests",
               "-o", "autograder.zip", "cases.json", "cases.npz"], base, env)
    (base / "submissions").mkdir()
    for submission in submissions:
        (base / "results" / submission.name).mkdir(parents=True)
        (base / "submissions" / f"{submission.name}.py").write_text(submission.code)

    def run(submission: Submission) -> None:
        run_command([otter, "run", "--no-logo", "-a", "autograder.zip", "-o", f"results/{submission.name}",
                   f"submissions/{submission.name}.py"], base, env)

    started = time.perf_counter()
    with ThreadPoolExecutor(jobs) as pool:
        list(pool.map(run, submissions))
    seconds = time.perf_counter() - started
    verdicts = {}
    for submission in submissions:
        results = json.loads((base / "results" / submission.name / "results.json").read_text())
        score = {test["name"]: test["score"] == test["max_score"] for test in results["tests"]
                 if "score" in test}  # one entry per test file; "Public Tests" only summarises them
        verdicts[submission.name] = tuple(score.get(f"case{index}", False) for index in range(len(cases)))
    return ToolRun("otter run", seconds, verdicts, ISOLATION["otter run"], f"{jobs} `otter run` at once")


def notebook_cell(kind: str, identifier: str, source: str, nbgrader: dict[str, Any] | None = None) -> dict[str, Any]:
    cell: dict[str, Any] = {"cell_type": kind, "id": identifier, "metadata": {}, "source": source}
    if nbgrader is not None:
        cell["metadata"]["nbgrader"] = {"schema_version": 3, "task": False, **nbgrader}
    if kind == "code":
        cell.update(execution_count=None, outputs=[])
    return cell


def nbgrader_source(cases: list[str]) -> dict[str, Any]:
    """The instructor's notebook: the statement, a solution cell, the check (locked) and one autograded
    test cell per case, one point each, with grade ids case0, case1, …"""
    reference = (SDPA / "private" / "reference.py").read_text()
    cells = [
        notebook_cell("markdown", "statement", (SDPA / "README.md").read_text()),
        notebook_cell("code", "solution", f"### BEGIN SOLUTION\n{reference}### END SOLUTION\n",
                      {"grade": False, "solution": True, "locked": False, "grade_id": "solution"}),
        notebook_cell("code", "check", CHECK, {"grade": False, "solution": False, "locked": True, "grade_id": "check"}),
    ]
    cells += [notebook_cell("code", f"case{index}", f"# {case}\ncheck_case(scaled_dot_product_attention, {index})\n",
                            {"grade": True, "solution": False, "locked": True, "grade_id": f"case{index}", "points": 1})
              for index, case in enumerate(cases)]
    kernel = {"display_name": "Python 3", "language": "python", "name": "python3"}
    return {"cells": cells, "metadata": {"kernelspec": kernel, "language_info": {"name": "python"}},
            "nbformat": 4, "nbformat_minor": 5}


NBGRADER_SCORES = '''import json, sys
from nbgrader.api import Gradebook

with Gradebook(sys.argv[1]) as gradebook:
    scores = {}
    for submission in gradebook.assignment_submissions(sys.argv[2]):
        for notebook in submission.notebooks:
            scores[submission.student.id] = {grade.name: grade.score == grade.max_score for grade in notebook.grades}
print(json.dumps(scores))
'''


def grade_nbgrader(venv: Path, submissions: list[Submission], cases: list[str], work: Path) -> ToolRun:
    """A course directory (nbgrader_config.py, source/, `generate_assignment`, submitted/<student>/), then
    `nbgrader autograde` of every submission, timed. nbgrader grades one notebook at a time."""
    course = work / "nbgrader"
    source = course / "source" / ASSIGNMENT
    source.mkdir(parents=True)
    db_url = f"sqlite:///{course / 'gradebook.db'}"
    (course / "nbgrader_config.py").write_text(
        f"c = get_config()  # noqa: F821\nc.CourseDirectory.root = {str(course)!r}\n"
        f"c.CourseDirectory.course_id = 'mlgrade-p6'\nc.CourseDirectory.db_url = {db_url!r}\n")
    (source / f"{ASSIGNMENT}.ipynb").write_text(json.dumps(nbgrader_source(cases), indent=1))
    write_cases(source)
    env = peer_env(venv, work)
    nbgrader = str(venv / "bin" / "nbgrader")
    run_command([nbgrader, "generate_assignment", ASSIGNMENT], course, env)
    release = json.loads((course / "release" / ASSIGNMENT / f"{ASSIGNMENT}.ipynb").read_text())
    for submission in submissions:
        cells = [{**cell, "source": submission.code} if cell["metadata"].get("nbgrader", {}).get("solution") else cell
                 for cell in release["cells"]]
        folder = course / "submitted" / submission.name / ASSIGNMENT
        folder.mkdir(parents=True)
        (folder / f"{ASSIGNMENT}.ipynb").write_text(json.dumps({**release, "cells": cells}, indent=1))
    started = time.perf_counter()
    run_command([nbgrader, "autograde", ASSIGNMENT], course, env)
    seconds = time.perf_counter() - started
    scores = json.loads(run_command([str(venv / "bin" / "python"), "-c", NBGRADER_SCORES, db_url, ASSIGNMENT],
                                  course, env).stdout)
    verdicts = {name: tuple(graded.get(f"case{index}", False) for index in range(len(cases)))
                for name, graded in scores.items()}
    return ToolRun("nbgrader autograde", seconds, verdicts, ISOLATION["nbgrader autograde"], "one notebook at a time")


Peer = Callable[[Path, list[Submission], list[str], Path, int], ToolRun]

PEER_RUNS: dict[str, Peer] = {
    "otter-grader": grade_otter,
    "nbgrader": lambda venv, submissions, cases, work, jobs: grade_nbgrader(venv, submissions, cases, work),
}


def run_p6(count: int = 50, jobs: int = 2, keep: Path | None = None) -> P6Result:
    """Grade COUNT submissions with mlgrade and each installable peer, print each tool's figures, the
    disagreements with mlgrade, and the P6 line; return the result."""
    work = keep or Path(tempfile.mkdtemp(prefix="mlgrade-peers-"))
    try:
        for stale in ("mlgrade", "otter", "nbgrader"):  # a kept DIR keeps its venvs, not an earlier run's files
            shutil.rmtree(work / stale, ignore_errors=True)
        work.mkdir(parents=True, exist_ok=True)
        submissions = make_submissions(count)
        (work / "cases").mkdir(exist_ok=True)
        cases = write_cases(work / "cases")  # also fills mlgrade's expected-output cache before any timing
        load = os.getloadavg()[0]
        mlgrade = grade_mlgrade(submissions, work, jobs)
        runs, skipped, mismatches = [mlgrade], {}, {}
        for package, grade in PEER_RUNS.items():
            venv = peer_venv(work, package)
            if venv is None:
                skipped[package] = "could not be installed"
                continue
            run = grade(venv, submissions, cases, work, jobs)
            runs.append(run)
            mismatches[run.tool] = disagreements(mlgrade.verdicts, run.verdicts, cases)
        report(count, runs, skipped, mismatches, (load, os.getloadavg()[0]))
        return P6Result(runs, skipped, mismatches)
    finally:
        if keep is None:
            shutil.rmtree(work, ignore_errors=True)


def report(count: int, runs: list[ToolRun], skipped: dict[str, str], mismatches: dict[str, list[str]],
           load: tuple[float, float]) -> None:
    """Print each tool's wall time, verdict check and isolation, then the P6 line."""
    passing = sum(all(v) for v in runs[0].verdicts.values())
    print(f"{count} submissions of attention/scaled_dot_product ({passing} pass every case), "
          f"load average {load[0]:.1f} before, {load[1]:.1f} after")
    for run in runs:
        check = "reference" if run.tool == "mlgrade" else "ok" if not mismatches[run.tool] else \
            f"{len(mismatches[run.tool])} DISAGREE"
        print(f"{run.tool:<19}: {run.seconds:7.1f} s  verdicts {check:<9} ({run.note})")
        print(f"{'':<19}  isolation: {run.isolation}")
    for tool, lines in mismatches.items():
        for line in lines:
            print(f"MISMATCH {tool} vs mlgrade: {line}")
    for package, why in skipped.items():
        print(f"{package}: skipped ({why})")
    peers = runs[1:]
    if not peers:
        print("P6 skipped: no peer could be installed (" + ", ".join(skipped) + ")")
        return
    fastest = min(peers, key=lambda run: run.seconds)
    print(f"P6 mlgrade {fastest.seconds / runs[0].seconds:.1f}× faster than the fastest peer "
          f"({fastest.tool}, {fastest.seconds:.1f} s vs {runs[0].seconds:.1f} s)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--count", type=int, default=50, help="submissions graded by every tool")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 2,
                        help="candidates graded at once by mlgrade and by `otter run` (nbgrader grades one at a time)")
    parser.add_argument("--keep", type=Path, metavar="DIR", help="work in DIR and keep it (venvs are reused on the next run)")
    args = parser.parse_args()
    result = run_p6(args.count, args.jobs, args.keep)
    if not result.ok:
        raise SystemExit(1)


if __name__ == "__main__":
    main()
