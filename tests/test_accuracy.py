"""Grading accuracy through the real sandbox: what the statement says is exactly what is checked
(typed outputs, the in-place rule)."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from support import EXERCISES, leftover_containers

from grader.bank import load_exercise
from grader.grading import grade_exercise
from grader.options import GradeOptions
from grader.results import ExerciseResult, Verdict

pytestmark = pytest.mark.docker


def grade(exercise_dir: Path, source: str, image: str, name: str = "solution.py") -> ExerciseResult:
    result = grade_exercise(load_exercise(exercise_dir), {name: source}, GradeOptions(image=image), threading.Event())
    assert leftover_containers() == []
    return result


def reference(exercise_dir: Path) -> str:
    return (exercise_dir / "private" / "reference.py").read_text()


ADAM = EXERCISES / "ml_basics" / "adam_step"
ADAM_IN_PLACE = '''
import numpy as np

def adam_step(param, grad, m, v, t, lr=1e-3, beta1=0.9, beta2=0.999, eps=1e-8):
    m *= beta1
    m += (1 - beta1) * grad
    v *= beta2
    v += (1 - beta2) * grad**2
    m_hat = m / (1 - beta1**t)
    v_hat = v / (1 - beta2**t)
    param -= lr * m_hat / (np.sqrt(v_hat) + eps)
    return param, m, v
'''


def test_adam_updating_its_inputs_in_place_fails_with_a_named_reason(sandbox_image: str) -> None:
    result = grade(ADAM, ADAM_IN_PLACE, sandbox_image)
    assert not result.passed
    reasons = {c.reason for c in result.cases if c.verdict is Verdict.WRONG_ANSWER}
    assert reasons == {"the inputs were modified in place, which the statement forbids"}


def test_the_same_update_on_copies_passes(sandbox_image: str) -> None:
    copies = ADAM_IN_PLACE.replace("    m *= beta1\n", "    param, m, v = param.copy(), m.copy(), v.copy()\n    m *= beta1\n")
    assert grade(ADAM, copies, sandbox_image).passed


SAMPLE_SIZE = EXERCISES / "statistics" / "sample_size_two_proportions"


def test_a_whole_float_is_not_the_int_the_statement_asks_for(sandbox_image: str) -> None:
    as_float = (reference(SAMPLE_SIZE) + "\n_int_answer = sample_size_two_proportions\n\n"
                "def sample_size_two_proportions(*a, **k):\n    return float(_int_answer(*a, **k))\n")
    result = grade(SAMPLE_SIZE, as_float, sandbox_image)
    assert not result.passed
    assert all("expected an int, got a float" in c.reason for c in result.cases if not c.hidden)


KMEANS = EXERCISES / "ml_basics" / "kmeans_step"


def test_float_labels_are_not_integer_labels(sandbox_image: str) -> None:
    as_float = reference(KMEANS) + "\n_int_answer = kmeans_step\n\ndef kmeans_step(*a, **k):\n" \
        "    labels, centroids = _int_answer(*a, **k)\n    return labels.astype(float), centroids\n"
    result = grade(KMEANS, as_float, sandbox_image)
    assert not result.passed
    assert all("expected an array of int values, got dtype float64" in c.reason for c in result.cases if not c.hidden)
