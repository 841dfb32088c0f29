"""`grade interview`: the pick, the session clock (a fake one: no sleeps), the prompt loop grading through the one
grading path, and the real CLI with commands piped on stdin — pause, resume, time up, Ctrl-C, and a real
submission graded in the Docker sandbox."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from support import EXERCISES, ROOT, leftover_containers
from workflow_helpers import REFERENCE, grade_json

from grader.bank import load_specs
from grader.cli.interview import TIMEOUT, Desk, _desk, run_interview
from grader.errors import Interrupted, UsageError
from grader.gradebook import Standing, StandingStatus
from grader.interview import (
    load_session,
    markdown_report,
    new_session,
    pick,
    sessions_folder,
    solve_minutes,
    unfinished_session,
)
from grader.options import GradeOptions
from grader.results import SandboxKind

LOG_SOFTMAX = EXERCISES / "ml_basics" / "log_softmax"
LOG_SOFTMAX_REFERENCE = (LOG_SOFTMAX / "private" / "reference.py").read_text(encoding="utf-8")


@pytest.fixture()
def two(root: Path) -> Path:
    """The bank root of the `root` fixture (ml_basics/softmax) plus a copy of ml_basics/log_softmax: two easy
    exercises of 10 minutes each."""
    shutil.copytree(LOG_SOFTMAX, root / "ml_basics" / "log_softmax", ignore=shutil.ignore_patterns("__pycache__"))
    return root


def interview(*args: str | Path, stdin: str = "", timeout: float = 180) -> subprocess.CompletedProcess[str]:
    """The real CLI, `grade interview ARGS`, with STDIN piped as the candidate's typing."""
    return subprocess.run([sys.executable, "-m", "grader", "interview", *map(str, args)], input=stdin,
                          capture_output=True, text=True, cwd=ROOT, timeout=timeout,
                          env={**os.environ, "COLUMNS": "200"})


def only_session() -> dict:
    (file,) = sessions_folder().glob("*.json")
    return json.loads(file.read_text(encoding="utf-8"))


# --- the pick ----------------------------------------------------------------------------------------

def test_the_pick_fills_the_budget_with_unseen_exercises_easy_first() -> None:
    specs, _ = load_specs(EXERCISES)
    tried = {s.id: Standing(StandingStatus.PASSED, 1.0, 1) for s in specs[:20]}
    plan = pick(specs, tried, 45, seed=7)
    assert not plan.fallback and plan.specs
    assert not {s.id for s in plan.specs} & set(tried)
    assert sum(solve_minutes(s) for s in plan.specs) <= 45
    order = [("easy", "medium", "hard").index(s.difficulty) for s in plan.specs]
    assert order == sorted(order)
    assert [s.id for s in pick(specs, tried, 45, seed=7).specs] == [s.id for s in plan.specs]  # the seed replays it
    assert any([s.id for s in pick(specs, tried, 45, seed=seed).specs] != [s.id for s in plan.specs]
               for seed in range(8))


def test_the_pick_falls_back_to_failing_exercises_and_says_when_nothing_fits() -> None:
    specs, _ = load_specs(EXERCISES / "ml_basics")
    failing = {s.id: Standing(StandingStatus.FAILING, 0.5, 2) for s in specs}
    plan = pick(specs, failing, 30, seed=1)
    assert plan.fallback and plan.specs
    with pytest.raises(UsageError, match=r"no unseen exercise fits in 5 minutes: the shortest .* takes 10"):
        pick(specs, {}, 5, seed=1)
    passed = {s.id: Standing(StandingStatus.PASSED, 1.0, 1) for s in specs}
    with pytest.raises(UsageError, match="is passed already"):
        pick(specs, passed, 60, seed=1)


# --- the session clock -------------------------------------------------------------------------------

class FakeClock:
    def __init__(self, now: float = 1000.0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


def test_time_is_charged_to_the_current_exercise_and_stands_still_while_paused(two: Path) -> None:
    import datetime as dt

    specs, _ = load_specs(two)
    session = new_session(pick(specs, {}, 20, seed=0), 20, 0, dt.datetime(2026, 11, 30, 9, 0, tzinfo=dt.UTC))
    clock = FakeClock()
    session.start_clock(clock())
    clock.now += 90
    session.focus_on(1, clock())
    clock.now += 30
    session.tick(clock())
    session.save()
    clock.now += 10_000  # paused: nobody is at the keyboard, the session is on disk
    resumed = load_session(session.file)
    resumed.start_clock(clock())
    clock.now += 15
    resumed.tick(clock())
    assert [e.focus for e in resumed.exercises] == [90, 45]
    assert resumed.elapsed == 135 and resumed.left == 20 * 60 - 135 and not resumed.time_is_up
    assert unfinished_session().id == session.id


# --- the prompt loop, with a fake clock --------------------------------------------------------------

class Script:
    """The candidate at the keyboard: each step is (seconds of thinking, a line or an action returning one).
    Waiting longer than the time left times out at the deadline, as StdinLines does."""

    def __init__(self, clock: FakeClock, steps: list[tuple[float, str | Callable[[], str]]]) -> None:
        self.clock, self.steps = clock, steps

    def __call__(self, timeout: float) -> str | None | object:
        if not self.steps:
            return None
        delay, action = self.steps[0]
        if delay > timeout:
            self.clock.now += timeout
            self.steps[0] = (delay - timeout, action)
            return TIMEOUT
        self.steps.pop(0)
        self.clock.now += delay
        return action() if callable(action) else action


def test_the_loop_grades_on_demand_and_finishes_when_time_is_up(two: Path, gradebook: Path,
                                                                capsys: pytest.CaptureFixture[str]) -> None:
    import datetime as dt

    specs, _ = load_specs(two)
    session = new_session(pick(specs, {}, 20, seed=0), 20, 0, dt.datetime.now(dt.UTC))
    first, second = session.exercises
    solutions = {e.id: Path(e.file) for e in session.exercises}
    references = {"ml_basics/softmax": REFERENCE, "ml_basics/log_softmax": LOG_SOFTMAX_REFERENCE}

    def solve() -> str:
        solutions[first.id].write_text(references[first.id], encoding="utf-8")
        return "g"

    clock = FakeClock()
    script = Script(clock, [(120, "g"), (0, "hint"), (300, solve), (60, "n"), (30, "s"), (5000, "q")])
    status = run_interview(session, script, clock, _desk(GradeOptions(sandbox=SandboxKind.LOCAL), gradebook))
    out = capsys.readouterr().out
    assert status == 1 and "time is up" in out and script.steps == [(5000 - (1200 - 510), "q")]
    assert [a["at"] for a in first.attempts] == [120, 420] and first.first_pass == 420
    assert "exercise 1: hint 1/" in out and (first.hints, second.hints) == (1, 0)
    assert [a["verdict"] for a in first.attempts] == ["not implemented", "passed"]
    assert (first.focus, second.focus) == (480, 720) and second.attempts == []
    report = json.loads(session.file.read_text(encoding="utf-8"))
    assert report["ended"] == "time is up" and report["elapsed"] == 1200
    markdown = session.report_file.read_text(encoding="utf-8")
    assert f"| {first.id} | easy | 10 min | 8:00 | 7:00 | 7:00 | 2 | 1 | passed | 100% |" in markdown
    assert f"| {second.id} | easy | 10 min | 12:00 | – | – | 0 | 0 | not attempted | – |" in markdown
    assert markdown == markdown_report(session.report())
    listed = {row["id"]: (row["status"], row["attempts"]) for row in grade_json("list", two)}
    assert listed == {first.id: ("passed", 2), second.id: ("not tried", 0)}  # recorded in the gradebook
    with pytest.raises(UsageError, match="no unfinished interview"):
        unfinished_session()


def test_ctrl_c_at_the_prompt_pauses_the_session(two: Path) -> None:
    import datetime as dt

    specs, _ = load_specs(two)
    session = new_session(pick(specs, {}, 20, seed=0), 20, 0, dt.datetime.now(dt.UTC))
    clock = FakeClock()

    def interrupt() -> str:
        raise KeyboardInterrupt

    with pytest.raises(Interrupted, match=r"paused at 1:40 of 20:00"):
        run_interview(session, Script(clock, [(100, interrupt)]), clock,
                      Desk(lambda _path: pytest.fail("graded"), lambda _path: pytest.fail("hinted")))
    assert load_session(session.file).ended is None and load_session(session.file).elapsed == 100


# --- the real CLI, commands piped on stdin -----------------------------------------------------------

def test_nothing_that_fits_is_a_usage_error(two: Path) -> None:
    completed = interview(two, "--minutes", "5", "--sandbox", "local")
    assert completed.returncode == 2
    assert "no unseen exercise fits in 5 minutes: the shortest of the 2 not yet passed takes 10" in completed.stderr
    assert not sessions_folder().exists() or not list(sessions_folder().iterdir())


def test_end_of_input_pauses_and_resume_continues_to_a_report(two: Path) -> None:
    first = interview(two, "--minutes", "20", "--seed", "4", "--sandbox", "local", stdin="s\nn\n")
    assert first.returncode == 2, first.stdout + first.stderr
    assert "mock interview: 2 exercise(s) in 20:00 (seed 4)" in first.stdout
    assert "Edge rules" in first.stdout  # the first statement, rendered
    assert "end of input: the interview is paused" in first.stderr and "grade interview --resume" in first.stderr
    saved = only_session()
    assert saved["ended"] is None and saved["current"] == 1

    second = interview("--resume", "--sandbox", "local", stdin="o 1\ng\nq\n")
    assert second.returncode == 1, second.stdout + second.stderr
    assert "resuming interview" in second.stdout and "not implemented" in second.stdout
    assert "interview finished: 0/2 passed" in second.stdout
    saved = only_session()
    assert saved["ended"] == "finished" and saved["current"] == 0
    assert [len(e["attempts"]) for e in saved["exercises"]] == [1, 0]
    (report,) = sessions_folder().glob("*.md")
    assert "| 1 | 0 | not implemented | 0% |" in report.read_text(encoding="utf-8")

    again = interview("--resume", "--sandbox", "local")
    assert again.returncode == 2 and "no unfinished interview to resume" in again.stderr


def test_resuming_a_session_out_of_time_finishes_it(two: Path) -> None:
    paused = interview(two, "--minutes", "20", "--sandbox", "local")
    assert paused.returncode == 2
    (file,) = sessions_folder().glob("*.json")
    data = json.loads(file.read_text(encoding="utf-8"))
    file.write_text(json.dumps(data | {"elapsed": 20 * 60}), encoding="utf-8")
    done = interview("--resume", "--sandbox", "local", stdin="g\n")
    assert done.returncode == 1 and "time is up" in done.stdout, done.stdout + done.stderr
    assert only_session()["ended"] == "time is up" and only_session()["exercises"][0]["attempts"] == []


def test_an_exercise_tried_before_is_picked_only_as_a_fallback(root: Path) -> None:
    tried = subprocess.run([sys.executable, "-m", "grader", str(root), "--sandbox", "local"], capture_output=True,
                           text=True, cwd=ROOT, timeout=120)
    assert tried.returncode == 1  # the stub: failing
    completed = interview(root, "--minutes", "15", "--sandbox", "local", stdin="q\n")
    assert completed.returncode == 1, completed.stdout + completed.stderr
    assert "every matching exercise was tried already" in completed.stdout
    assert only_session()["fallback"] is True


def test_sigint_while_waiting_keeps_the_session_for_resume(two: Path) -> None:
    process = subprocess.Popen([sys.executable, "-m", "grader", "interview", str(two), "--sandbox", "local"],
                               stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                               cwd=ROOT, env={**os.environ, "COLUMNS": "200"})
    assert process.stdout is not None
    for line in process.stdout:  # wait for the prompt's first statement: the loop is running
        if "then type g to grade it" in line:
            break
    process.send_signal(signal.SIGINT)
    out, err = process.communicate(timeout=60)
    assert process.returncode == 2 and "interrupted: the interview is paused" in err, out + err
    assert "Traceback" not in err and only_session()["ended"] is None


@pytest.mark.docker
def test_a_reference_solution_passes_in_the_docker_sandbox(sandbox_image: str, root: Path) -> None:
    (root / "ml_basics" / "softmax" / "solution.py").write_text(REFERENCE, encoding="utf-8")
    completed = interview(root, "--minutes", "10", stdin="g\nq\n")
    assert completed.returncode == 0, completed.stdout + completed.stderr
    assert "1/1 exercises passed" in completed.stdout and "interview finished: 1/1 passed" in completed.stdout
    (exercise,) = only_session()["exercises"]
    assert [a["verdict"] for a in exercise["attempts"]] == ["passed"] and exercise["attempts"][0]["score"] == 1.0
    (listed,) = grade_json("list", root)
    assert (listed["status"], listed["attempts"]) == ("passed", 1)  # recorded like `grade PATH`
    assert leftover_containers() == []


def test_an_exercise_that_cannot_be_graded_does_not_end_the_interview(two: Path, gradebook: Path,
                                                                      capsys: pytest.CaptureFixture[str]) -> None:
    import datetime as dt

    specs, _ = load_specs(two)
    session = new_session(pick(specs, {}, 20, seed=0), 20, 0, dt.datetime.now(dt.UTC))
    (Path(session.exercises[1].path) / "private" / "cases.py").unlink()  # a broken bank copy
    clock = FakeClock()
    script = Script(clock, [(5, "frobnicate"), (5, "g 2"), (5, "g 3"), (5, "q")])
    status = run_interview(session, script, clock, _desk(GradeOptions(sandbox=SandboxKind.LOCAL), gradebook))
    out = capsys.readouterr().out
    assert status == 1 and "unknown command frobnicate" in out and "not graded:" in out
    assert "g needs an exercise number from 1 to 2" in out
    assert session.ended == "finished" and [e.attempts for e in session.exercises] == [[], []]
    assert session.exercises[1].focus == 10 and session.elapsed == 20
