"""Grading through the real Docker sandbox and the real CLI: the behaviours the grading core promises."""

from __future__ import annotations

import json
import re
import shutil
import threading
from collections.abc import Callable
from pathlib import Path

import jsonschema
import pytest
from support import EXERCISES, ROOT, SDPA, leftover_containers, run_grade

from grader.bank import load_exercise
from grader.grading import grade_exercise
from grader.options import GradeOptions
from grader.results import ExerciseResult, Verdict

pytestmark = pytest.mark.docker

SCHEMA = json.loads((ROOT / "docs" / "results-schema.json").read_text())
SIGNATURE = "def scaled_dot_product_attention(q, k, v, mask=None, is_causal=False):\n"
ATTENTION_FOLDERS = sorted(p.parent for p in (EXERCISES / "attention").glob("*/exercise.toml"))


def grade_source(exercise_dir: Path, source: str, image: str) -> ExerciseResult:
    """Grade SOURCE as the candidate's solution.py of EXERCISE_DIR in the Docker sandbox."""
    exercise = load_exercise(exercise_dir)
    result = grade_exercise(exercise, {"solution.py": source}, GradeOptions(image=image), threading.Event())
    assert leftover_containers() == []
    return result


def verdicts(result: ExerciseResult) -> set[Verdict]:
    return {case.verdict for case in result.cases}


@pytest.fixture()
def fast_sdpa(exercise_copy: Callable[..., Path]) -> Path:
    """The scaled dot-product exercise with a 0.5 s per-case limit, to keep limit tests short."""
    folder = exercise_copy(SDPA)
    spec = folder / "exercise.toml"
    spec.write_text(spec.read_text().replace("time_per_case = 2.0", "time_per_case = 0.5"))
    return folder


def test_stubs_are_not_implemented_and_exit_1(sandbox_image: str) -> None:
    completed = run_grade("exercises/attention", "--json", "/dev/stdout")
    assert completed.returncode == 1, completed.stderr
    document = json.loads(completed.stdout[completed.stdout.index('{\n  "schema_version"'):])
    jsonschema.validate(document, SCHEMA)
    assert {e["id"] for e in document["exercises"]} == {f"attention/{p.name}" for p in ATTENTION_FOLDERS}
    assert {c["verdict"] for e in document["exercises"] for c in e["cases"]} == {"not implemented"}
    assert leftover_containers() == []


def test_correct_solutions_pass_and_exit_0(sandbox_image: str, tmp_path: Path) -> None:
    for folder in ATTENTION_FOLDERS:
        (tmp_path / folder.name).mkdir()
        shutil.copy(folder / "private" / "reference.py", tmp_path / folder.name / "solution.py")
    completed = run_grade("exercises/attention", "--submission", tmp_path, "--json", tmp_path / "r.json")
    assert completed.returncode == 0, completed.stdout + completed.stderr
    document = json.loads((tmp_path / "r.json").read_text())
    jsonschema.validate(document, SCHEMA)
    count = len(ATTENTION_FOLDERS)
    assert document["summary"]["exercises_passed"] == count and document["exit_status"] == 0
    assert "passed" in completed.stdout and f"{count}/{count} exercises passed" in completed.stdout


def test_every_wrong_variant_of_the_attention_family_fails_and_is_named(sandbox_image: str) -> None:
    completed = run_grade("validate", "exercises/attention", "--json")
    assert completed.returncode == 0, completed.stdout[-3000:]
    reports = json.loads(completed.stdout)
    named = [c for r in reports for c in r["checks"] if c["name"].startswith("wrong/")]
    assert len(named) >= 9 and all(c["ok"] for c in named)


def test_misconception_is_named_for_a_wrong_submission(sandbox_image: str) -> None:
    source = (SDPA / "private" / "wrong" / "softmax_query_axis.py").read_text()
    result = grade_source(SDPA, source, sandbox_image)
    failing = [c for c in result.cases if c.verdict is Verdict.WRONG_ANSWER]
    assert failing and all(c.misconception and c.misconception.name == "softmax over the query axis" for c in failing)
    visible = next(c for c in failing if not c.hidden)
    assert visible.mismatch and visible.mismatch["worst_index"] is not None
    assert visible.mismatch["max_abs_error"] > 0 and 0 < visible.mismatch["fraction_mismatched"] <= 1
    hidden = next(c for c in failing if c.hidden)
    assert hidden.mismatch and hidden.mismatch["expected_value"] is None and hidden.mismatch["window"] is None


@pytest.mark.parametrize(
    ("source", "line"),
    [
        ("import torch.nn.functional as F\n" + SIGNATURE + "    return F.scaled_dot_product_attention(q, k, v)\n", 3),
        ("from scipy.special import softmax as sm\nimport numpy as np\n" + SIGNATURE
         + "    return sm(q @ k.swapaxes(-1, -2), axis=-1) @ v\n", 1),
    ],
    ids=["module alias", "from-import alias"],
)
def test_forbidden_api_is_caught_statically(sandbox_image: str, source: str, line: int) -> None:
    result = grade_source(SDPA, source, sandbox_image)
    assert verdicts(result) == {Verdict.FORBIDDEN_API}
    assert all(f"line {line}" in c.reason for c in result.cases)


def test_forbidden_api_is_caught_at_run_time_through_getattr(sandbox_image: str) -> None:
    source = ("import importlib\n" + SIGNATURE
              + "    special = importlib.import_module('scipy.' + 'special')\n"
              + "    soft = getattr(special, 'soft' + 'max')\n"
              + "    return soft(q @ k.swapaxes(-1, -2), axis=-1) @ v\n")
    result = grade_source(SDPA, source, sandbox_image)
    assert verdicts(result) == {Verdict.FORBIDDEN_API}
    first = result.cases[0]
    assert first.error and first.error.line == 5 and "scipy.special.softmax" in first.reason


def test_python_loop_past_the_limit_is_a_time_limit(sandbox_image: str, fast_sdpa: Path) -> None:
    result = grade_source(fast_sdpa, SIGNATURE + "    while True:\n        pass\n", sandbox_image)
    assert verdicts(result) == {Verdict.TIME_LIMIT}


def test_a_loop_that_ignores_the_alarm_is_killed_by_the_host(sandbox_image: str, fast_sdpa: Path) -> None:
    source = ("import signal\n" + SIGNATURE
              + "    signal.signal(signal.SIGALRM, signal.SIG_IGN)\n    signal.signal(signal.SIGPROF, signal.SIG_IGN)\n"
              + "    while True:\n        pass\n")
    result = grade_source(fast_sdpa, source, sandbox_image)
    assert verdicts(result) == {Verdict.TIME_LIMIT}
    assert "stopped" in result.cases[0].reason


def test_four_gigabytes_is_a_memory_limit(sandbox_image: str) -> None:
    source = "import numpy as np\n" + SIGNATURE + "    return np.ones(4 * 1024**3 // 8)\n"
    result = grade_source(SDPA, source, sandbox_image)
    assert verdicts(result) == {Verdict.MEMORY_LIMIT}


def test_print_loop_is_an_output_limit(sandbox_image: str) -> None:
    result = grade_source(SDPA, SIGNATURE + "    while True:\n        print('x' * 4096)\n", sandbox_image)
    assert verdicts(result) == {Verdict.OUTPUT_LIMIT}


def test_runtime_error_points_at_the_candidates_line(sandbox_image: str) -> None:
    source = "import numpy as np\n" + SIGNATURE + "    scores = q @ k\n    return scores\n"
    result = grade_source(SDPA, source, sandbox_image)
    visible = result.cases[0]
    assert visible.verdict is Verdict.RUNTIME_ERROR
    assert visible.error and visible.error.type == "ValueError" and visible.error.line == 3
    assert visible.error.traceback[-1]["code"] == "scores = q @ k"
    hidden = next(c for c in result.cases if c.hidden)
    assert hidden.error and hidden.error.message == "" and hidden.error.traceback == []


def test_syntax_error_is_a_runtime_error_with_its_line(sandbox_image: str) -> None:
    result = grade_source(SDPA, SIGNATURE + "    return (q\n", sandbox_image)
    assert verdicts(result) == {Verdict.RUNTIME_ERROR}
    assert "does not import" in result.cases[0].reason and "SyntaxError" in result.cases[0].reason


def test_the_container_has_no_network_and_cannot_see_private_parts(sandbox_image: str) -> None:
    source = (
        "import os, socket\n" + SIGNATURE
        + "    found = []\n"
        + "    for top, dirs, files in os.walk('/'):\n"
        + "        dirs[:] = [d for d in dirs if top != '/' or d not in ('proc', 'sys')]\n"
        + "        found += [os.path.join(top, f) for f in files\n"
        + "                  if '/private' in top or 'exercises' in top or 'scaled_dot_product' in top]\n"
        + "    try:\n"
        + "        socket.create_connection(('1.1.1.1', 53), timeout=2)\n"
        + "        network = 'connected'\n"
        + "    except OSError as exc:\n"
        + "        network = type(exc).__name__ + ' ' + str(exc.errno)\n"
        + "    raise RuntimeError(repr((found, network)))\n"
    )
    result = grade_source(SDPA, source, sandbox_image)
    assert result.cases[0].error is not None, result.cases[0].reason
    message = result.cases[0].error.message
    found, network = eval(re.sub(r"^", "", message))  # noqa: S307 - our own repr() of a tuple of strs
    assert found == []
    assert network != "connected" and network.startswith("OSError")


def test_missing_docker_engine_is_ungradable_with_exit_2() -> None:
    completed = run_grade("exercises/attention", env={"DOCKER_HOST": "unix:///nonexistent/docker.sock"})
    assert completed.returncode == 2
    assert "Docker engine" in completed.stderr and "Traceback" not in completed.stderr


def test_local_sandbox_is_labelled() -> None:
    completed = run_grade(SDPA, "--sandbox", "local", "--submission", SDPA / "private" / "reference.py")
    assert completed.returncode == 0, completed.stderr
    assert "sandbox: local process (weaker than Docker" in completed.stdout


def test_a_quadratic_answer_fails_the_large_case_with_a_verdict_that_says_so(sandbox_image: str) -> None:
    source = ("class Solution:\n    def twoSum(self, nums, target):\n        for i in range(len(nums)):\n"
              "            for j in range(i + 1, len(nums)):\n                if nums[i] + nums[j] == target:\n"
              "                    return [i, j]\n")
    result = grade_source(EXERCISES / "leetcode" / "two_sum", source, sandbox_image)
    slow = [c for c in result.cases if c.verdict is not Verdict.PASSED]
    assert [c.verdict for c in slow] == [Verdict.TIME_LIMIT]
    assert "O(n²) solution cannot finish" in slow[0].reason
