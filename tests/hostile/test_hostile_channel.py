"""The untrusted → trusted path, attacked through the real Docker sandbox and the real CLI: what the
container sends never makes a run ungradable, crashes the grader, blows up its memory or forges a time;
the hidden-case side channel is measured against the bound stated in docs/security.md; the sandbox's
seccomp profile, masked /proc and engine version check hold."""

from __future__ import annotations

import json
import math
import os
import re
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from hostile_support import SDPA, SUBMISSIONS, make_exercise, own_containers
from support import launch

from grader import sandbox_run
from grader.bank import load_exercise
from grader.cases import generate_cases
from grader.grading import grade_path
from grader.options import GradeOptions
from grader.results import RunResult, Verdict, to_document
from grader.verdicts import HIDDEN_FRACTION_STEP, PUBLIC_ERROR_TYPES
from sandbox import launcher, oci

pytestmark = pytest.mark.docker

ROOT = SDPA.parents[2]
DOCS = ROOT / "docs" / "security.md"
REFERENCE = SDPA / "private" / "reference.py"
MEMORY_BUDGET_MB = 150  # docs/security.md, "Limits": the grader's growth per container with the worst payload
TERMINAL_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


@pytest.fixture()
def exercise(tmp_path: Path) -> Path:
    return make_exercise(tmp_path / "scaled_dot_product", {})


def grade(exercise: Path, submission: Path, image: str) -> RunResult:
    return grade_path(exercise, GradeOptions(sandbox="docker", image=image, submission=submission), lambda _m: None,
                      threading.Event())


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "grader", *args], capture_output=True, text=True, cwd=ROOT,
                          timeout=300, env={**os.environ, "COLUMNS": "200"})


# --- 1. a candidate cannot make its own run "ungradable" ----------------------------------------------------


def test_forged_setup_error_is_the_candidates_runtime_error_exit_1(exercise: Path, tmp_path: Path,
                                                                  sandbox_image: str) -> None:
    report = tmp_path / "results.json"
    completed = cli(str(exercise), "--submission", str(SUBMISSIONS / "forge_setup_error.py"), "--json", str(report))
    assert completed.returncode == 1, completed.stdout + completed.stderr
    document = json.loads(report.read_text())
    verdicts = {case["verdict"] for case in document["exercises"][0]["cases"]}
    assert verdicts == {"runtime error"}, verdicts
    assert "ungradable" not in completed.stdout and "Traceback" not in completed.stderr
    assert not TERMINAL_CONTROLS.search(completed.stdout + completed.stderr.replace("\n", ""))
    assert own_containers() == []


# --- 2. hostile source: a verdict, never a crash ----------------------------------------------------------


@pytest.mark.parametrize("source", ["x = " + "-" * 100_000 + "1\n", "x = a" + ".b" * 300_000 + "\n"],
                         ids=["100 000 unary minus signs", "300 000-long attribute chain"])
def test_source_that_defeats_the_parser_is_a_verdict_exit_1(source: str, exercise: Path, tmp_path: Path) -> None:
    submission = tmp_path / "solution.py"
    submission.write_text(source)
    report = tmp_path / "results.json"
    completed = cli(str(exercise), "--submission", str(submission), "--json", str(report))
    assert completed.returncode == 1, completed.stdout + completed.stderr
    assert "Traceback" not in completed.stderr and "internal error" not in completed.stderr
    cases = json.loads(report.read_text())["exercises"][0]["cases"]
    assert {case["verdict"] for case in cases} == {"runtime error"}
    assert "cannot be checked for forbidden APIs" in cases[0]["reason"]


# --- 3. folder submissions: no link is followed, at any depth -----------------------------------------------


def test_folder_whose_exercise_folder_links_to_another_candidate_is_refused(tmp_path: Path,
                                                                           sandbox_image: str) -> None:
    bank = tmp_path / "exercises"
    make_exercise(bank / "attention" / "scaled_dot_product", {})
    bob = tmp_path / "bob" / "attention" / "scaled_dot_product"
    bob.mkdir(parents=True)
    (bob / "solution.py").write_text(REFERENCE.read_text() + "\n# bob-marker-5d1e\n")
    alice = tmp_path / "alice"
    alice.mkdir()
    (alice / "attention").symlink_to(tmp_path / "bob" / "attention")  # a folder link, not the file

    run = grade(bank, alice, sandbox_image)
    [result] = run.exercises
    assert {c.verdict for c in result.cases} == {Verdict.RUNTIME_ERROR}, result.cases[0].reason
    assert "symbolic link" in result.cases[0].reason and result.files_sha256 is None
    assert "bob-marker" not in json.dumps(to_document(run))
    assert grade(bank, tmp_path / "bob", sandbox_image).exercises[0].passed  # bob's own folder is fine


# --- 4. memory amplification within the output cap ----------------------------------------------------------

MEASURE = """
import json, sys, threading
sys.path[:0] = [{root!r}, {hostile!r}]
from pathlib import Path
from grader import sandbox_run
from grader.bank import load_exercise
from grader.grading import grade_path, prepared
from grader.options import GradeOptions
from sandbox import launcher
exercise = Path({exercise!r})
prepared(load_exercise(exercise))
launcher.docker_client()
def kib(field):
    return next(int(line.split()[1]) for line in open("/proc/self/status") if line.startswith(field + ":"))
with open("/proc/self/clear_refs", "w") as clear:
    clear.write("5")  # reset the peak (VmHWM): what preparing the cases used is not the answer's cost
before = kib("VmRSS") * 1024
run = grade_path(exercise, GradeOptions(sandbox="docker", image={image!r}, submission=Path({submission!r})),
                 lambda _m: None, threading.Event())
peak = kib("VmHWM") * 1024
print(json.dumps({{"growth_mb": (peak - before) / 2**20, "verdicts": [c.verdict.value for c in run.exercises[0].cases]}}))
"""


def test_amplification_payload_stays_within_the_memory_budget(exercise: Path, sandbox_image: str) -> None:
    """A fresh grader process grades the payload (7.5 MiB of [{},…], 280 000 objects, 590 000 floats,
    400 000 strings, 100 000 traceback frames); its peak RSS grows by less than the stated budget."""
    script = MEASURE.format(root=str(ROOT), hostile=str(Path(__file__).parent), exercise=str(exercise),
                            image=sandbox_image, submission=str(SUBMISSIONS / "memory_amplification.py"))
    completed = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert completed.returncode == 0, completed.stderr[-2000:]
    measured = json.loads(completed.stdout.strip().splitlines()[-1])
    assert "passed" not in measured["verdicts"] and "ungradable" not in measured["verdicts"], measured
    print(f"grader memory growth: {measured['growth_mb']:.0f} MB (budget {MEMORY_BUDGET_MB} MB): {measured}")
    assert measured["growth_mb"] < MEMORY_BUDGET_MB, measured
    assert f"{MEMORY_BUDGET_MB} MB" in DOCS.read_text()


# --- 5. the side channel of hidden cases ---------------------------------------------------------------------


def hidden_observations(exercise_dir: Path) -> int:
    """How many different things one hidden case's result can say (docs/security.md, "Hidden cases"):
    passed; a wrong answer (unreadable, uncomparable, a bad-output report, or per output a fraction in
    tenths or none, times the misconception matched or none); a runtime error (a Python exception name,
    none, malformed data, no answer); not implemented; three time-limit and two memory- and output-limit
    wordings; a forbidden API (one of the exercise's, or none)."""
    spec = load_exercise(exercise_dir).spec
    fractions = round(1 / HIDDEN_FRACTION_STEP) + 1
    outputs = len([o for o in spec.outputs if o.name != "*"])
    wrong = 3 + outputs * (fractions + 1) * (len(spec.wrong) + 1)
    runtime = len(PUBLIC_ERROR_TYPES) + 3
    return 1 + wrong + runtime + 1 + 3 + 2 + 2 + (len(spec.forbidden) + 1)


def test_side_channel_bound_in_the_docs_matches_the_computation() -> None:
    bits = math.log2(hidden_observations(SDPA))
    stated = re.search(r"at most \*\*([0-9.]+) bits per hidden case\*\*", DOCS.read_text())
    assert stated is not None, "docs/security.md states no bound"
    assert float(stated.group(1)) == round(bits, 1), (stated.group(1), bits)


def test_exfiltration_recovers_the_codebook_and_nothing_else(exercise: Path, sandbox_image: str) -> None:
    """The widest field (an exception name among 64) carries exactly 6 bits of each hidden input, within
    the stated bound; time, line, file, message and exit status carry nothing."""
    run = grade(exercise, SUBMISSIONS / "exfil_exception_codebook.py", sandbox_image)
    namespace: dict[str, list[str]] = {}
    exec((SUBMISSIONS / "exfil_exception_codebook.py").read_text().split("SPECIAL =")[0], namespace)  # noqa: S102
    names = namespace["NAMES"]
    loaded = load_exercise(exercise)
    cases = {case.name: case for case in generate_cases(loaded.cases_file, loaded.spec.seed)}
    hidden = [c for c in run.exercises[0].cases if c.hidden]
    assert hidden
    for result in hidden:
        case = cases[result.name]
        q = case.args[0] if case.args else case.kwargs["q"]
        assert isinstance(q, np.ndarray)
        assert result.verdict is Verdict.RUNTIME_ERROR and result.error is not None
        assert names.index(result.error.type) == q.tobytes()[0] & 63  # 6 bits recovered, exactly
        assert (result.seconds, result.error.line, result.error.file, result.error.message, result.output) == (
            None, None, None, "", None)
        assert result.reason == result.error.type
    assert math.log2(len(names)) <= math.log2(hidden_observations(exercise))


# --- 6. candidate text on its way to the operator -----------------------------------------------------------


def test_sql_column_alias_is_scrubbed_and_capped(tmp_path: Path, sandbox_image: str) -> None:
    """A 600 kB column alias carrying an OSC 52 clipboard write and a clear-screen: the mismatch shows a
    short, inert preview; the terminal gets no escape."""
    exercise = tmp_path / "second_highest_salary"
    shutil.copytree(ROOT / "exercises" / "sql" / "second_highest_salary", exercise)
    submission = tmp_path / "solution.sql"
    submission.write_text('SELECT 1 AS "\x1b]52;c;cm0gLXJmIH4K\x07\x1b[2J' + "x" * 600_000 + '";\n')
    report = tmp_path / "results.json"
    completed = cli(str(exercise), "--submission", str(submission), "--json", str(report))
    assert completed.returncode == 1, completed.stdout + completed.stderr
    assert not TERMINAL_CONTROLS.search(completed.stdout.replace("\n", "")) and len(completed.stdout) < 20_000
    cases = json.loads(report.read_text())["exercises"][0]["cases"]
    visible = [c for c in cases if not c["hidden"]]
    assert visible and all(c["verdict"] == "wrong answer" for c in visible)
    for case in visible:
        texts = [case["reason"], str(case["mismatch"]["actual_value"]), str(case["mismatch"]["reason"])]
        assert all(len(text) <= 600 and not TERMINAL_CONTROLS.search(text) for text in texts), [t[:80] for t in texts]


# --- 7. the sandbox itself: no host install path, masked /proc, engine versions ------------------------------


def test_container_sees_no_host_install_path(exercise: Path, tmp_path: Path, sandbox_image: str) -> None:
    """The runner is mounted from a staged copy: the container's mount table does not show where
    mlgrade is installed on the host."""
    host_path = str(launcher.RUNNER_DIR.parent)
    source = (REFERENCE.read_text() + "\n\nwith open('/proc/self/mountinfo') as _table:\n"
              f"    if {host_path!r} in _table.read():\n        raise SystemExit('host path visible')\n")
    submission = tmp_path / "solution.py"
    submission.write_text(source)
    run = grade(exercise, submission, sandbox_image)
    assert run.exercises[0].passed, run.exercises[0].cases[0].reason


def test_too_old_engine_is_ungradable_with_a_clear_message(exercise: Path, sandbox_image: str,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(oci.LAUNCHER_ENV, "engine")  # the engine starts the containers (crun needs no engine version)
    monkeypatch.setattr(launcher, "MIN_ENGINE", (99, 0))
    monkeypatch.setattr(launcher, "_VERSIONS_CHECKED", [])
    run = grade(exercise, REFERENCE, sandbox_image)
    [result] = run.exercises
    assert {c.verdict for c in result.cases} == {Verdict.UNGRADABLE} and run.exit_status == 2
    assert "needs 99.0 or later" in result.cases[0].reason and "Upgrade Docker" in result.cases[0].reason


def test_this_engine_meets_the_minimum_versions(sandbox_image: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(launcher, "_VERSIONS_CHECKED", [])
    launcher.check_versions(launcher.docker_client())
    assert launcher._VERSIONS_CHECKED == [True]
    assert launcher.numbers("20.10.24+dfsg1") == (20, 10, 24) and launcher.numbers("1.1.5+ds1") == (1, 1, 5)
    assert launcher.numbers("v1.0.0-rc93") == (1, 0, 0) and launcher.numbers("dev") == ()


# --- 5b. a starved container is not charged for waiting ------------------------------------------------------


@pytest.mark.parametrize("how", ["direct", "engine"])
def test_starved_correct_answer_is_not_a_time_limit(how: str, exercise: Path, tmp_path: Path, sandbox_image: str,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    """A correct answer that spends 0.3 s of CPU per case, in a container throttled to a fifth of a CPU
    (as on a host with five busy neighbours): about 1.5 s of wall time per case against the 1 s limit.
    Charged its CPU time, it passes; the times shown are CPU times, well under the wall time. (The
    host's own delay in reading an answer does count: the margin leaves 0.7 s for it.)"""
    launch(how, monkeypatch)
    real_options, real_config = launcher.container_options, oci.config

    def starved(limits: launcher.Limits, preload: tuple[str, ...] = ()) -> dict[str, object]:
        return {**real_options(limits, preload), "nano_cpus": 200_000_000}

    def starved_direct(*args: Any) -> dict[str, Any]:
        settings = real_config(*args)
        settings["linux"]["resources"]["cpu"]["quota"] = 20_000  # of a 100_000 µs period
        return settings

    monkeypatch.setattr(launcher, "container_options", starved)
    monkeypatch.setattr(oci, "config", starved_direct)
    source = (REFERENCE.read_text().replace("def scaled_dot_product_attention(", "def _reference(", 1)
              + "\n\nimport time as _time\n\n\ndef scaled_dot_product_attention(*args, **kwargs):\n"
              + "    _end = _time.process_time() + 0.3\n    while _time.process_time() < _end:\n        pass\n"
              + "    return _reference(*args, **kwargs)\n")
    submission = tmp_path / "solution.py"
    submission.write_text(source)
    started = time.monotonic()
    run = grade(exercise, submission, sandbox_image)
    elapsed = time.monotonic() - started
    [result] = run.exercises
    assert result.passed, [(c.verdict.value, c.seconds, c.reason) for c in result.cases]
    visible = [c.seconds for c in result.cases if not c.hidden]
    assert all(s is not None and 0.25 < s < 1.0 for s in visible), visible
    assert elapsed > 7 * 1.0, "the container was not starved: the test proves nothing"


# --- 8. a stopped runner: a large message cannot hang the grader ---------------------------------------------

STOPPER = '''

import os as _os, signal as _signal
_real = Solution.minMeetingRooms
_seen = []
def _stopping(self, intervals):
    _seen.append(len(intervals))
    if _seen.count(300) == 2:  # the last case before the 1.5 MB one: the answer goes to the host, not the runner
        _os.kill(_os.getppid(), _signal.SIGSTOP)
    return _real(self, intervals)
Solution.minMeetingRooms = _stopping
'''


@pytest.mark.parametrize("how", ["direct", "engine"])
def test_a_stopped_runner_cannot_hang_a_large_send(how: str, tmp_path: Path, sandbox_image: str,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """The candidate SIGSTOPs its runner (same user) before the 1.5 MB case, which no pipe holds: the send
    is given up after SEND_TIMEOUT and the sandbox killed, instead of blocking the grader for ever."""
    launch(how, monkeypatch)
    monkeypatch.setattr(sandbox_run, "SEND_TIMEOUT", 2.0)
    exercise = ROOT / "exercises" / "leetcode" / "meeting_rooms_ii"
    submission = tmp_path / "solution.py"
    submission.write_text((exercise / "private" / "reference.py").read_text() + STOPPER)
    started = time.monotonic()
    run = grade(exercise, submission, sandbox_image)
    [result] = run.exercises
    big = next(c for c in result.cases if c.name == "n = 100000")
    assert big.verdict is Verdict.RUNTIME_ERROR, [(c.name, c.verdict.value, c.reason[:80]) for c in result.cases]
    assert all(c.verdict is Verdict.PASSED for c in result.cases if c is not big)
    assert time.monotonic() - started < 60
    assert own_containers() == []
