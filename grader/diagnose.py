"""Misconception diagnosis: name the known-wrong variant whose outputs the candidate's match.

The variants live in the bank's private `wrong/` folder and run on the trusted side, like the
reference. A variant "differs" on a case where its outputs fail the comparison with the reference's.

Per case (while grading) the first variant matching the candidate's outputs is a provisional name.
Once every case is graded, `settle` keeps a name only when the evidence is not a coincidence:
- it explains every wrong answer: on every diagnosable case the candidate answered wrongly, its
  outputs match the variant's. (Matching only where the variant differs is not enough: a bug whose
  failures are a superset of a variant's, like "any revisit read as a cycle" ⊇ "prerequisites treated
  as undirected edges", would always be given the narrower name.)
- it is consistent: no case the candidate passed is one where the variant is wrong;
- it is enough: at least two matching cases, or one whose output is rich (at least RICH_VALUES numbers
  or strings: an array, a long list, a result set with several cells). A lone boolean, a NULL or a short
  list matches by chance too often.
Otherwise no misconception is named ("no known misconception matches"). Cases where the candidate gave
no outputs (an error, a time limit) and cases with diagnose=False are no evidence either way.
"""

from __future__ import annotations

import threading
from types import ModuleType
from typing import Any

import numpy as np

from sandbox.runner.invoke import INPUTS_DIGEST

from .bank import Exercise
from .cases import Case
from .expected import compare_outputs, load_code, run_code
from .results import CaseResult, Misconception, Verdict

RICH_VALUES = 4
MIN_INFORMATIVE = 2


class Variants:
    """An exercise's known-wrong variants, loaded once, and their outputs per case, run lazily and once:
    shared by the Diagnoser of every submission graded against the same version of the exercise (a batch,
    a server). A variant's outputs are None where it raises or is right."""

    def __init__(self, exercise: Exercise, expected: dict[str, dict[str, Any]]) -> None:
        self.exercise, self.expected = exercise, expected
        self._targets: list[tuple[Misconception, ModuleType | str]] | None = None
        self._outputs: dict[tuple[int, str], dict[str, Any] | None] = {}
        self._lock = threading.Lock()

    def targets(self) -> list[tuple[Misconception, ModuleType | str]]:
        with self._lock:
            if self._targets is None:
                self._targets = [  # a variant whose file is missing diagnoses nothing (`grade validate` says so)
                    (Misconception(w.misconception, w.explanation),
                     load_code(self.exercise, self.exercise.wrong_file(w.file)))
                    for w in self.exercise.spec.wrong if self.exercise.wrong_file(w.file).is_file()
                ]
            return self._targets

    def outputs(self, index: int, case: Case) -> dict[str, Any] | None:
        """The outputs of variant INDEX on CASE (two threads may both run it once; either result is kept)."""
        key = (index, case.name)
        if key not in self._outputs:
            target = self.targets()[index][1]
            try:
                outputs: dict[str, Any] | None = run_code(self.exercise, target, case)
            except Exception:  # noqa: BLE001 - a variant that crashes on a case says nothing about it
                outputs = None
            if outputs is not None and compare_outputs(self.exercise, case, self.expected[case.name], outputs,
                                                       inputs=False) is None:
                outputs = None
            self._outputs[key] = outputs
        return self._outputs[key]


class Diagnoser:
    """The diagnosis of one submission of an exercise, from the wrong variants' outputs (VARIANTS, shared;
    a private set when none is given)."""

    def __init__(self, exercise: Exercise, expected: dict[str, dict[str, Any]], variants: Variants | None = None) -> None:
        self.exercise, self.expected = exercise, expected
        self.variants = variants or Variants(exercise, expected)
        self._answers: dict[str, dict[str, Any]] = {}  # the candidate's outputs on its wrong answers

    def _variants(self) -> list[tuple[Misconception, ModuleType | str]]:
        return self.variants.targets()

    def variant_outputs(self, index: int, case: Case) -> dict[str, Any] | None:
        """The outputs of wrong variant INDEX on CASE, or None if it raises or is right there."""
        return self.variants.outputs(index, case)

    def _matches(self, index: int, case: Case, actual: dict[str, Any]) -> bool:
        wrong = self.variant_outputs(index, case)
        return wrong is not None and compare_outputs(self.exercise, case, wrong, actual, nan="match", inputs=False,
                                                     typed=False) is None

    def __call__(self, case: Case, actual: dict[str, Any]) -> Misconception | None:
        """The provisional diagnosis of one wrong answer (settle() decides the final one)."""
        if not case.diagnose:
            return None
        self._answers[case.name] = actual
        for index, (misconception, _target) in enumerate(self._variants()):
            if self._matches(index, case, actual):
                return misconception
        return None

    def settle(self, cases: list[Case], results: list[CaseResult]) -> None:
        """Replace the provisional diagnoses in RESULTS (same order as CASES) by the one the whole run
        supports, or by none."""
        if not any(r.misconception is not None for r in results):
            return
        graded = [(c, r) for c, r in zip(cases, results, strict=True) if c.diagnose]
        chosen = next((index for index in range(len(self._variants())) if self._supported(index, graded)), None)
        for case, result in graded:
            if result.verdict is not Verdict.WRONG_ANSWER:
                continue
            answer = self._answers.get(case.name)
            keep = chosen is not None and answer is not None and self._matches(chosen, case, answer)
            result.misconception = self._variants()[chosen][0] if keep and chosen is not None else None

    def _supported(self, index: int, graded: list[tuple[Case, CaseResult]]) -> bool:
        matched, rich = 0, False
        for case, result in graded:
            if result.verdict is Verdict.PASSED:
                if self.variant_outputs(index, case) is not None:
                    return False  # the variant is wrong where the candidate is right
                continue
            answer = self._answers.get(case.name) if result.verdict is Verdict.WRONG_ANSWER else None
            if answer is None:
                continue  # no outputs to judge (error, time limit): no evidence either way
            if not self._matches(index, case, answer):
                return False  # a wrong answer the variant does not explain
            matched += 1
            wrong = self.variant_outputs(index, case)
            rich = rich or (wrong is not None and _values(wrong) >= RICH_VALUES)
        return matched >= MIN_INFORMATIVE or (matched == 1 and rich)


def _values(outputs: dict[str, Any]) -> int:
    """How many informative values the outputs hold (booleans and NULLs carry almost none)."""
    return sum(_count(value) for name, value in outputs.items() if name != INPUTS_DIGEST)


def _count(value: Any) -> int:
    if value is None or isinstance(value, (bool, np.bool_)):
        return 0
    if isinstance(value, np.ndarray):
        return 0 if value.dtype.kind == "b" else int(value.size)
    if isinstance(value, dict):  # a result set: its cells, not its column names
        return _count(value.get("rows"))
    if isinstance(value, (list, tuple)):
        return sum(_count(v) for v in value)
    return 1
