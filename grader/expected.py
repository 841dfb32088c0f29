"""Expected outputs, computed on the trusted side from the bank's reference (rule R2, docs/design.md), and the
comparison of a full set of outputs with them."""

from __future__ import annotations

import copy
import dataclasses
import functools
import hashlib
import warnings
from pathlib import Path
from types import ModuleType
from typing import Any

import numpy as np

from sandbox.runner import wire
from sandbox.runner.invoke import INPUTS_DIGEST, inputs_digest, invoke, load_target

from . import cache
from .bank import Exercise
from .cases import Case, load_module
from .compare import Mismatch, compare_output, type_problem
from .errors import BankCodeError
from .spec import NanPolicy, OutputType


def load_code(exercise: Exercise, path: Path) -> ModuleType | str:
    """Load trusted bank code (reference or a wrong variant) under a unique module name."""
    digest = hashlib.sha256(str(path.resolve()).encode()).hexdigest()[:12]
    try:
        return load_target(exercise.spec.entrypoint.kind, path, f"_mlgrade_bank_{digest}")
    except Exception as exc:  # noqa: BLE001
        raise BankCodeError(f"{path} does not load: {type(exc).__name__}: {exc}") from None


def run_code(exercise: Exercise, target: ModuleType | str, case: Case, copied: bool = False) -> dict[str, Any]:
    """Call trusted code on a copy of the case inputs (so in-place edits cannot leak); COPIED: the
    case's inputs are already a private copy (to time the call alone)."""
    spec = exercise.spec
    entry = spec.entrypoint.as_wire(spec.outputs)
    args, kwargs = (case.args, case.kwargs) if copied else (copy.deepcopy(case.args), copy.deepcopy(case.kwargs))
    # Warnings would print private paths and source lines (of wrong variants) to the candidate.
    with warnings.catch_warnings(), np.errstate(all="ignore"):
        warnings.simplefilter("ignore")
        return invoke(target, entry, args, kwargs)


def expected_outputs(exercise: Exercise, cases: list[Case]) -> dict[str, dict[str, Any]]:
    """The reference's outputs for every case, by case name (from the cache when it has them)."""
    key = cache.content_key(exercise, cases)
    cached = cache.load(key)
    if cached is not None and set(cached) == {case.name for case in cases}:
        return cached
    reference = load_code(exercise, exercise.reference_file)
    expected = {}
    for case in cases:
        try:
            expected[case.name] = run_code(exercise, reference, case)
        except Exception as exc:  # noqa: BLE001
            raise BankCodeError(
                f"the reference of {exercise.spec.id} fails on case {case.name}: {type(exc).__name__}: {exc}"
            ) from None
    cache.store(key, expected)
    return expected


INPUTS_CHANGED = "inputs"  # the name a failed in-place check is reported under
INPLACE_REASON = "the inputs were modified in place, which the statement forbids"


def compare_outputs(exercise: Exercise, case: Case, expected: dict[str, Any], actual: dict[str, Any],
                    nan: str | None = None, inputs: bool = True, typed: bool = True) -> tuple[str, Mismatch] | None:
    """The first output that differs, with its mismatch; None when every output matches. Where the
    statement forbids modifying the inputs (and INPUTS), the inputs as they were after the call must equal
    what was sent (reported under the name `inputs`). NAN overrides the outputs' NaN policy and TYPED=False
    skips the declared-type check: diagnosis matches an answer with a wrong variant's output (NaN for NaN,
    a list where an int is declared for the same list) and compares outputs only."""
    if inputs and exercise.spec.entrypoint.inputs_unchanged and actual.get(INPUTS_DIGEST) != sent_digest(case):
        return INPUTS_CHANGED, Mismatch(INPLACE_REASON)
    for name, want in expected.items():
        if name == INPUTS_DIGEST:
            continue
        spec = exercise.spec.output(name)
        if nan is not None:
            spec = dataclasses.replace(spec, nan=NanPolicy(nan))
        if not typed:
            spec = dataclasses.replace(spec, type=OutputType.ANY, kind=None)
        if name not in actual:
            return name, Mismatch(f"output `{name}` is missing")
        got = actual[name]
        if want is None or got is None:
            if want is got:
                continue
            return name, Mismatch("no value (e.g. no gradient reached this parameter)" if got is None
                                  else "a value where none is expected")
        if spec.compare == "checker":
            problem = type_problem(spec, got)
            reason = problem or _checker(exercise.checker_file).check(name, case, want, got)
            mismatch = Mismatch(reason) if reason else None
        else:
            mismatch = compare_output(spec, want, got)
        if mismatch is not None:
            return name, mismatch
    return None


def sent_digest(case: Case) -> str:
    """The digest of CASE's inputs as the runner receives them (after the wire's round trip)."""
    if case.inputs_sha256 is None:
        args = wire.decode_value(wire.encode_value(case.args), 1 << 62)
        kwargs = wire.decode_value(wire.encode_value(case.kwargs), 1 << 62)
        case.inputs_sha256 = inputs_digest(args, kwargs)
    return case.inputs_sha256


@functools.cache
def _checker(path: Path) -> ModuleType:
    """A bank's custom checker module (for outputs compared by `checker`)."""
    return load_module(path, f"_mlgrade_checker_{hashlib.sha256(str(path).encode()).hexdigest()[:12]}")
