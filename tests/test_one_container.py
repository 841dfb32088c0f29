"""One container per candidate run (rule R5, docs/design.md): the exercises of a run share one fresh
container, each graded in a fresh process, and get exactly the verdicts they get in containers of their own.
Through the real Docker engine."""

from __future__ import annotations

import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from typing import Any

import pytest
from support import ROOT, launch, leftover_containers

from grader import sandbox_run
from grader.bank import Exercise, discover, load_exercise
from grader.grading import Files, candidate_files, grade_exercise, grade_exercises
from grader.options import GradeOptions
from grader.results import ExerciseResult, Verdict
from sandbox import launcher, oci

pytestmark = pytest.mark.docker
EXERCISES = ROOT / "exercises"
ONE_PER_FAMILY = ["attention/scaled_dot_product", "convolution/conv2d", "leetcode/two_sum", "ml_basics/softmax",
                  "sql/second_highest_salary", "statistics/welch_t_test"]


def _bank() -> list[Exercise]:
    return [load_exercise(directory) for directory in discover(EXERCISES)]


def _verdicts(result: ExerciseResult) -> list[tuple[str, str, str | None]]:
    return [(c.name, c.verdict.value, c.misconception.name if c.misconception else None) for c in result.cases]


def _count_containers(monkeypatch: pytest.MonkeyPatch) -> list[Any]:
    """The sessions the grader opens from now on (each a fresh container)."""
    opened: list[Any] = []
    real = sandbox_run.open_session

    def counting(*args: Any, **kwargs: Any) -> Any:
        opened.append(real(*args, **kwargs))
        return opened[-1]

    monkeypatch.setattr(sandbox_run, "open_session", counting)
    return opened


def test_the_whole_banks_wrong_variants_get_the_same_verdicts_in_one_container(sandbox_image: str) -> None:
    """Round k grades every exercise's k-th wrong variant as one candidate's run (a container for the
    exercises without torch, one for those with) and each alone in its own container: same verdict, case
    by case, and the same misconception named."""
    options = GradeOptions(image=sandbox_image)
    bank = _bank()
    differences: list[str] = []
    graded = 0
    for k in range(max(len(e.spec.wrong) for e in bank)):
        chosen: dict[str, tuple[Exercise, Files]] = {
            e.spec.id: (e, candidate_files(e, e.wrong_file(e.spec.wrong[k].file))) for e in bank if len(e.spec.wrong) > k}
        together = grade_exercises([e for e, _files in chosen.values()], lambda e, run=chosen: run[e.spec.id][1],
                                   options, lambda _m: None, threading.Event())
        with ThreadPoolExecutor(max_workers=2) as pool:
            alone = list(pool.map(lambda pair: grade_exercise(pair[0], pair[1], options, threading.Event()),
                                  chosen.values()))
        for shared, own in zip(together, alone, strict=True):
            graded += 1
            differences += [f"{shared.id} {shared.cases[i].name} (variant {k}): {a[1:]} in one container, "
                            f"{b[1:]} alone ({shared.cases[i].reason[:80]} | {own.cases[i].reason[:80]})"
                            for i, (a, b) in enumerate(zip(_verdicts(shared), _verdicts(own), strict=True)) if a != b]
    assert graded > 400
    assert differences == []
    assert leftover_containers() == []


def test_a_run_of_one_exercise_per_family_takes_one_container(sandbox_image: str,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    opened = _count_containers(monkeypatch)
    exercises = [load_exercise(EXERCISES / name) for name in ONE_PER_FAMILY]
    references = {e.spec.id: candidate_files(e, e.reference_file) for e in exercises}
    results = grade_exercises(exercises, lambda e: references[e.spec.id], GradeOptions(image=sandbox_image),
                              lambda _m: None, threading.Event())
    assert [r.id for r in results] == ONE_PER_FAMILY
    assert all(r.passed for r in results), [(r.id, r.verdict.value) for r in results if not r.passed]
    assert len(opened) == 1
    torch_exercise = load_exercise(EXERCISES / "attention/causal_self_attention")
    references[torch_exercise.spec.id] = candidate_files(torch_exercise, torch_exercise.reference_file)
    opened.clear()
    results = grade_exercises([*exercises, torch_exercise], lambda e: references[e.spec.id],
                              GradeOptions(image=sandbox_image), lambda _m: None, threading.Event())
    assert all(r.passed for r in results)
    assert len(opened) == 2  # torch is preloaded in a container of its own
    assert leftover_containers() == []


LEAVE_TRACES = '''
import os, subprocess, sys, numpy
open("/tmp/left-by-first", "w").write("x")
os.makedirs("/tmp/submission/1", exist_ok=True)
subprocess.Popen([sys.executable, "-c", "import time; time.sleep(600)"], start_new_session=True)
numpy.dot = None  # in this exercise's process only
'''

FIND_TRACES = '''
import os, numpy
def _traces():
    found = [p for p in ("/tmp/left-by-first",) if os.path.exists(p)]
    procs = [p for p in os.listdir("/proc") if p.isdigit() and p not in ("1", str(os.getpid()), str(os.getppid()))]
    return found + [f"pid {p}" for p in procs] + (["numpy.dot"] if numpy.dot is None else [])
'''


def test_an_exercise_finds_nothing_an_earlier_one_left(sandbox_image: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """The first exercise leaves a file in /tmp, a process in a session of its own and a patched numpy;
    the second, in the same container, sees none of them and passes."""
    opened = _count_containers(monkeypatch)
    first, second = (load_exercise(EXERCISES / name) for name in ("ml_basics/softmax", "ml_basics/log_softmax"))
    assert first.spec.limits.memory_mb >= second.spec.limits.memory_mb  # graded in this order
    reference = second.reference_file.read_text()
    checked = reference.replace("def log_softmax(", FIND_TRACES + "\ndef _log_softmax(", 1) + (
        "\ndef log_softmax(*args, **kwargs):\n    traces = _traces()\n"
        "    if traces:\n        raise RuntimeError(f'left by the first exercise: {traces}')\n"
        "    return _log_softmax(*args, **kwargs)\n")
    files = {first.spec.id: {"solution.py": first.reference_file.read_text() + LEAVE_TRACES},
             second.spec.id: {"solution.py": checked}}
    results = grade_exercises([first, second], lambda e: files[e.spec.id], GradeOptions(image=sandbox_image),
                              lambda _m: None, threading.Event())
    assert results[0].passed
    assert results[1].passed, [c.reason for c in results[1].cases if c.verdict is not Verdict.PASSED][:2]
    assert len(opened) == 1
    assert leftover_containers() == []


@pytest.mark.parametrize("crash", ["import os\nos._exit(7)\n", "import os, signal\nos.kill(os.getpid(), signal.SIGKILL)\n"])
def test_an_exercise_that_kills_its_process_ends_alone(sandbox_image: str, crash: str,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    """A crash in one exercise is that exercise's verdict, as in a container of its own; the exercises
    after it are graded in a fresh container."""
    opened = _count_containers(monkeypatch)
    crashing, after = (load_exercise(EXERCISES / name) for name in ("ml_basics/softmax", "ml_basics/log_softmax"))
    reference = crashing.reference_file.read_text()
    files = {crashing.spec.id: {"solution.py": reference.replace("def softmax(", "def _unused(", 1)
                                + "\ndef softmax(*args, **kwargs):\n" + _indented(crash)},
             after.spec.id: {"solution.py": after.reference_file.read_text()}}
    options = GradeOptions(image=sandbox_image)
    together = grade_exercises([crashing, after], lambda e: files[e.spec.id], options, lambda _m: None,
                               threading.Event())
    assert len(opened) == 3 + 1  # the crashing exercise's first container and 2 restarts, then a fresh one
    alone = grade_exercise(crashing, files[crashing.spec.id], options, threading.Event())
    assert _verdicts(together[0]) == _verdicts(alone)
    assert together[0].cases[0].verdict is Verdict.RUNTIME_ERROR
    assert together[0].cases[0].reason == alone.cases[0].reason
    assert together[1].passed
    assert leftover_containers() == []


def _indented(code: str) -> str:
    return "".join(f"    {line}\n" for line in code.splitlines())


@pytest.mark.parametrize("how", ["direct", "engine"])
def test_memory_limits_follow_each_exercise(how: str, sandbox_image: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """The container is made with the largest limit of the run and lowered in place: an exercise of
    256 MB cannot use the 1024 MB of the exercise graded before it (read on the host: the engine's
    setting, or the cgroup crun's container is in)."""
    launch(how, monkeypatch)
    exercises = {name: load_exercise(EXERCISES / name) for name in ("leetcode/two_sum", "sql/second_highest_salary")}
    limits = {name: e.spec.limits.memory_mb for name, e in exercises.items()}
    assert limits["leetcode/two_sum"] > limits["sql/second_highest_salary"]
    seen: list[int] = []
    real: Callable[..., Any] = sandbox_run.Container.enter

    def enter(container: sandbox_run.Container, index: int) -> Any:
        entered = real(container, index)
        session = container.session
        if isinstance(session, oci.OciSession):
            seen.append(int((session.cgroup.memory / "memory.limit_in_bytes").read_text()) >> 20)
        else:
            assert isinstance(session, launcher.DockerSession)
            session.container.reload()
            seen.append(session.container.attrs["HostConfig"]["Memory"] >> 20)
        return entered

    monkeypatch.setattr(sandbox_run.Container, "enter", enter)
    files = {e.spec.id: candidate_files(e, e.reference_file) for e in exercises.values()}
    results = grade_exercises(list(exercises.values()), lambda e: files[e.spec.id], GradeOptions(image=sandbox_image),
                              lambda _m: None, threading.Event())
    assert all(r.passed for r in results)
    assert sorted(set(seen), reverse=True) == [limits["leetcode/two_sum"], limits["sql/second_highest_salary"]]


def test_the_output_cap_is_per_exercise(sandbox_image: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each exercise may send back what its own container would have let through: with a cap above each
    exercise's output but below their sum, both pass in one container."""
    opened = _count_containers(monkeypatch)
    exercises = [load_exercise(EXERCISES / name) for name in ("ml_basics/softmax", "ml_basics/log_softmax")]
    files = {e.spec.id: candidate_files(e, e.reference_file) for e in exercises}
    options = GradeOptions(image=sandbox_image)
    sizes = []
    for exercise in exercises:
        assert grade_exercise(exercise, files[exercise.spec.id], options, threading.Event()).passed
        sizes.append(opened[-1].channel.total)
    cap = max(sizes) + 4096
    assert cap < sum(sizes)
    capped = [replace(e, spec=replace(e.spec, limits=replace(e.spec.limits, output_bytes=cap))) for e in exercises]
    results = grade_exercises(capped, lambda e: files[e.spec.id], options, lambda _m: None, threading.Event())
    assert [r.verdict for r in results] == [Verdict.PASSED, Verdict.PASSED], [c.reason for r in results for c in r.cases][:2]
    assert leftover_containers() == []
