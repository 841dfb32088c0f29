"""Misconception diagnosis: name the known-wrong variant whose outputs the candidate's match.

The variants live in the bank's private `wrong/` folder and run on the trusted side, like the
reference. A variant only counts on a case where it is itself wrong (differs from the reference).
"""

from __future__ import annotations

from types import ModuleType
from typing import Any

from .bank import Exercise
from .cases import Case
from .expected import compare_outputs, load_code, run_code
from .results import Misconception


class Diagnoser:
    """Runs the wrong variants lazily, once per case, and caches their outputs."""

    def __init__(self, exercise: Exercise, expected: dict[str, dict[str, Any]]) -> None:
        self.exercise, self.expected = exercise, expected
        self._targets: list[tuple[Misconception, ModuleType | str]] | None = None
        self._outputs: dict[tuple[int, str], dict[str, Any] | None] = {}

    def _variants(self) -> list[tuple[Misconception, ModuleType | str]]:
        if self._targets is None:
            self._targets = [
                (Misconception(w.misconception, w.explanation), load_code(self.exercise, self.exercise.wrong_file(w.file)))
                for w in self.exercise.spec.wrong
            ]
        return self._targets

    def variant_outputs(self, index: int, case: Case) -> dict[str, Any] | None:
        """The outputs of wrong variant INDEX on CASE, or None if it raises or is right there."""
        key = (index, case.name)
        if key not in self._outputs:
            target = self._variants()[index][1]
            try:
                outputs: dict[str, Any] | None = run_code(self.exercise, target, case)
            except Exception:  # noqa: BLE001 - a variant that crashes on a case says nothing about it
                outputs = None
            if outputs is not None and compare_outputs(self.exercise, case, self.expected[case.name], outputs) is None:
                outputs = None
            self._outputs[key] = outputs
        return self._outputs[key]

    def __call__(self, case: Case, actual: dict[str, Any]) -> Misconception | None:
        if not case.diagnose:
            return None
        for index, (misconception, _target) in enumerate(self._variants()):
            wrong = self.variant_outputs(index, case)
            if wrong is not None and compare_outputs(self.exercise, case, wrong, actual, nan="match", inputs=False) is None:
                return misconception
        return None
