"""Hostile submissions graded through the real Docker sandbox.

Each file in submissions/ is a candidate's solution.py for attention/scaled_dot_product that
attacks the sandbox, the protocol or the verdict; its docstring names the verdict it must get.
For every one: the verdict is that one (never "passed" unless the code is genuinely correct),
no hidden data (reference or case source, hidden inputs, hidden expected values, a secret planted
in the grader's environment) reaches the results document, the document still validates and
renders inertly, the run ends within its budget, and no container is left behind.
"""

from __future__ import annotations

import io
import math
import re
import threading
import time
from collections.abc import Callable
from pathlib import Path

import jsonschema
import pytest
from hostile_support import (
    BUILTIN_EXCEPTIONS,
    PICKLE_MARKER,
    SCHEMA,
    SECRET,
    SECRET_ENV,
    Attack,
    HiddenData,
    hidden_data,
    load_attacks,
    make_exercise,
    own_containers,
    strings_in,
)
from rich.console import Console
from support import launch

from grader import sandbox_run
from grader.grading import grade_path
from grader.options import GradeOptions
from grader.results import RunResult, Verdict, to_document
from grader.terminal import print_run

pytestmark = pytest.mark.docker

ATTACKS = load_attacks()
RUNNER_EXCEPTIONS = {"ForbiddenCall", "CaseTimeout", "WireError", "BadOutput", "LinAlgError"}
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")


@pytest.fixture(scope="module")
def exercise_for(tmp_path_factory: pytest.TempPathFactory) -> Callable[[dict[str, float]], Path]:
    """Exercise copies by their limits, made once per module."""
    made: dict[tuple[tuple[str, float], ...], Path] = {}

    def get(limits: dict[str, float]) -> Path:
        key = tuple(sorted(limits.items()))
        if key not in made:
            made[key] = make_exercise(tmp_path_factory.mktemp("exercise") / "scaled_dot_product", limits)
        return made[key]

    return get


@pytest.fixture(scope="module")
def hidden() -> HiddenData:
    return hidden_data()


@pytest.fixture(scope="module", autouse=True)
def no_container_survives_the_suite(sandbox_image: str) -> object:
    assert own_containers() == [], "containers of this process existed before the hostile suite"
    yield
    assert own_containers() == [], "the hostile suite left containers behind"


def grade(submission: Path, exercise: Path, image: str) -> tuple[RunResult, float]:
    started = time.monotonic()
    run = grade_path(exercise, GradeOptions(sandbox="docker", image=image, submission=submission), lambda _m: None,
                     threading.Event())
    return run, time.monotonic() - started


def test_there_are_at_least_forty_attacks() -> None:
    assert len(ATTACKS) >= 40


@pytest.mark.parametrize("how", ["direct", "engine"])
@pytest.mark.parametrize("attack", ATTACKS, ids=[attack.name for attack in ATTACKS])
def test_hostile_submission(attack: Attack, how: str, sandbox_image: str,
                            exercise_for: Callable[[dict[str, float]], Path], hidden: HiddenData,
                            monkeypatch: pytest.MonkeyPatch) -> None:
    """Every attack, in containers crun starts directly (where this host allows it) and the engine starts."""
    launch(how, monkeypatch)
    monkeypatch.setenv(SECRET_ENV, SECRET)
    if attack.load_timeout is not None:
        monkeypatch.setattr(sandbox_run, "LOAD_TIMEOUT", attack.load_timeout)
    PICKLE_MARKER.unlink(missing_ok=True)
    exercise = exercise_for(attack.limits)
    if attack.before is not None:
        grade(attack.before, exercise, sandbox_image)

    run, elapsed = grade(attack.path, exercise, sandbox_image)

    assert own_containers() == [], "a container was left behind"
    [result] = run.exercises
    cases = result.cases
    summary = [(c.name, c.verdict.value, c.reason[:120]) for c in cases]
    # The verdict, and never a pass for code that is not genuinely correct.
    assert result.verdict is attack.verdict, summary
    if attack.verdict is Verdict.PASSED:
        assert all(c.verdict is Verdict.PASSED for c in cases), summary
    elif not attack.may_pass:
        assert not any(c.verdict is Verdict.PASSED for c in cases), summary
    assert all(c.verdict is not Verdict.UNGRADABLE for c in cases), summary
    assert run.exit_status == (0 if attack.verdict is Verdict.PASSED else 1)
    # On time: within the attack's budget (limits + container starts + a small margin).
    assert elapsed <= attack.budget, f"took {elapsed:.1f} s, budget {attack.budget:g} s"
    # The document is valid, and carries no hidden data anywhere.
    document = to_document(run)
    jsonschema.validate(document, SCHEMA)
    texts = strings_in(document)
    blob = "\n".join(texts)
    leaked = {why for marker, why in hidden.forbidden.items() if marker in blob}
    assert not leaked, f"hidden data in the results: {sorted(leaked)}"
    if attack.leaks_visible:  # the channel works: visible inputs (public) do show up
        assert any(marker in blob for marker in hidden.visible)
    for case in (c for c in cases if c.hidden):
        assert case.output is None
        loading = case.reason.startswith("the solution does not import")  # before any hidden input was sent
        if case.error is not None and not loading:
            assert case.error.traceback == []
            assert case.error.type in BUILTIN_EXCEPTIONS | RUNNER_EXCEPTIONS, case.error.type
            assert case.error.message == "" or case.verdict is Verdict.FORBIDDEN_API
        if case.mismatch is not None:
            assert case.mismatch["expected_value"] is None and case.mismatch["window"] is None
            assert case.mismatch["max_abs_error"] is None and case.mismatch["max_rel_error"] is None
        assert case.seconds is None  # no time at all: the verdict is a hidden case's only time bucket
        if case.error is not None:
            assert case.error.line is None and case.error.file is None
        if case.mismatch is not None and case.mismatch["fraction_mismatched"] is not None:  # tenths only
            assert math.isclose(case.mismatch["fraction_mismatched"] * 10,
                                round(case.mismatch["fraction_mismatched"] * 10), abs_tol=1e-9)
    # Candidate text is inert: no control characters or lone surrogates, and the terminal renders it.
    assert not any(CONTROL.search(text.replace("\n", "").replace("\t", "")) for text in texts)
    screen = io.StringIO()
    print_run(run, Console(file=screen, width=160, force_terminal=False, color_system=None))
    assert "\x1b" not in screen.getvalue()
    # Nothing on the result path unpickled anything.
    assert not PICKLE_MARKER.exists()
