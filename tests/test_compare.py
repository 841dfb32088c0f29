"""Numeric and structural comparison: tolerances by dtype, NaN policy, and the mismatch report."""

from __future__ import annotations

import numpy as np
import pytest

from grader.compare import compare_output
from grader.spec import Comparison, OutputSpec, OutputType, ScalarKind

ALLCLOSE = OutputSpec(name="out", rtol=1e-7, atol=1e-9)


def test_equal_within_tolerance_passes() -> None:
    expected = np.linspace(-3, 3, 12).reshape(3, 4)
    assert compare_output(ALLCLOSE, expected, expected * (1 + 5e-8)) is None


def test_mismatch_report_names_worst_element() -> None:
    expected = np.arange(12, dtype=float).reshape(3, 4)
    actual = expected.copy()
    actual[2, 1] += 0.5
    actual[0, 3] += 1e-3
    mismatch = compare_output(ALLCLOSE, expected, actual)
    assert mismatch is not None
    assert mismatch.worst_index == [2, 1]
    assert mismatch.expected_value == 9.0 and mismatch.actual_value == 9.5
    assert mismatch.max_abs_error == pytest.approx(0.5)
    assert mismatch.max_rel_error == pytest.approx(0.5 / 9)
    assert mismatch.fraction_mismatched == pytest.approx(2 / 12)
    assert mismatch.window is not None and mismatch.window["expected"][2][1] == 9.0
    assert mismatch.error_map is not None and max(max(row) for row in mismatch.error_map) > 1


def test_float32_answers_keep_the_stated_tolerance_unless_the_spec_declares_one() -> None:
    tight = OutputSpec(name="out", rtol=1e-10, atol=1e-12)
    expected = np.random.default_rng(0).normal(size=(8, 8))
    as_float32 = expected.astype(np.float32)
    # No silent widening: a float32 answer is judged by the statement's tolerance …
    assert compare_output(tight, expected, as_float32) is not None
    # … unless the spec (and so the statement) gives float32 answers their own tolerance.
    stated = OutputSpec(name="out", rtol=1e-10, atol=1e-12, float32_rtol=1.3e-6, float32_atol=1e-5)
    assert compare_output(stated, expected, as_float32) is None
    assert compare_output(stated, expected, as_float32 + np.float32(1e-3)) is not None
    mismatch = compare_output(stated, expected, as_float32 + np.float32(1e-3))
    assert mismatch is not None and (mismatch.rtol, mismatch.atol) == (1.3e-6, 1e-5)  # the report shows it


def test_relative_only_p_value_rejects_zero_in_float32_too() -> None:
    """chi-square's `1 − cdf`: p = 0 where the truth is ~1e-40 fails whatever the answer's dtype."""
    p_value = OutputSpec(name="p_value", rtol=1e-6, atol=0.0, type=OutputType.FLOAT)
    assert compare_output(p_value, 1e-40, 0.0) is not None
    assert compare_output(p_value, 1e-40, np.array(0.0, dtype=np.float32)) is not None


def test_declared_types_are_enforced_exactly() -> None:
    integer = OutputSpec(name="n", compare=Comparison.EXACT, type=OutputType.INT)
    assert compare_output(integer, 388, 388) is None
    assert compare_output(integer, 388, np.array(388, dtype=np.int64)) is None  # a NumPy integer is an int
    mismatch = compare_output(integer, 388, 388.0)
    assert mismatch is not None and mismatch.reason == "expected an int, got a float (388.0)"
    assert compare_output(integer, 1, True) is not None  # a bool is not an int
    boolean = OutputSpec(name="valid", compare=Comparison.EXACT, type=OutputType.BOOL)
    assert compare_output(boolean, True, 1) is not None
    assert compare_output(boolean, True, True) is None
    labels = OutputSpec(name="labels", compare=Comparison.EXACT, type=OutputType.ARRAY, kind=ScalarKind.INT)
    assert compare_output(labels, np.array([0, 1]), np.array([0, 1], dtype=np.int32)) is None
    assert "dtype float64" in compare_output(labels, np.array([0, 1]), np.array([0.0, 1.0])).reason  # type: ignore[union-attr]
    results = OutputSpec(name="results", compare=Comparison.EXACT, type=OutputType.LIST, kind=ScalarKind.INT)
    assert compare_output(results, [None, 1, -1], [None, 1, -1]) is None
    assert compare_output(results, [None, 1, -1], [None, 1.0, -1]) is not None
    untyped_exact = OutputSpec(name="dof", compare=Comparison.EXACT)
    assert compare_output(untyped_exact, 1, 1.0) is not None  # exact keeps 1.0 and 1 apart


def test_shape_and_type_are_checked() -> None:
    assert "shape (4,)" in compare_output(ALLCLOSE, np.zeros(3), np.zeros(4)).reason  # type: ignore[union-attr]
    assert "numeric" in compare_output(ALLCLOSE, np.zeros(3), "zeros").reason  # type: ignore[union-attr]
    assert "dtype bool" in compare_output(ALLCLOSE, np.zeros(3), np.zeros(3, dtype=bool)).reason  # type: ignore[union-attr]
    strict = OutputSpec(name="out", dtype="float64", strict_dtype=True)
    assert "dtype float32" in compare_output(strict, np.zeros(3), np.zeros(3, np.float32)).reason  # type: ignore[union-attr]


def test_nan_policy() -> None:
    expected = np.array([1.0, np.nan])
    forbid = compare_output(ALLCLOSE, np.array([1.0, 2.0]), np.array([1.0, np.nan]))
    assert forbid is not None and forbid.worst_index == [1]
    assert compare_output(ALLCLOSE, expected, expected) is not None  # forbid: NaN never passes
    match = OutputSpec(name="out", nan="match")
    assert compare_output(match, expected, expected.copy()) is None
    assert compare_output(match, expected, np.array([1.0, np.inf])) is not None


def test_scalars() -> None:
    assert compare_output(ALLCLOSE, 0.5, np.float32(0.5)) is None
    for nonfinite in (np.inf, -np.inf, np.nan, np.float64("nan")):
        assert compare_output(ALLCLOSE, 0.5, nonfinite) is not None
    mismatch = compare_output(ALLCLOSE, 0.5, 0.75)
    assert mismatch is not None and mismatch.worst_index == [] and mismatch.window is None


def test_unordered_is_a_multiset() -> None:
    spec = OutputSpec(name="out", compare="unordered")
    assert compare_output(spec, [0, 1], [1, 0]) is None
    assert compare_output(spec, [1, 1, 2], [1, 2, 2]) is not None


def test_rows_compare_case_insensitive_columns_multiset_nulls_and_tolerance() -> None:
    spec = OutputSpec(name="result", compare="rows")
    expected = {"columns": ["Name", "Rate"], "rows": [["a", 0.5], ["b", None]]}
    assert compare_output(spec, expected, {"columns": ["name", "RATE"], "rows": [["b", None], ["a", 0.5 + 1e-9]]}) is None
    assert "columns" in compare_output(spec, expected, {"columns": ["n", "rate"], "rows": expected["rows"]}).reason  # type: ignore[union-attr]
    assert "1 row(s)" in compare_output(spec, expected, {"columns": ["Name", "Rate"], "rows": [["a", 0.5]]}).reason  # type: ignore[union-attr]
    ordered = OutputSpec(name="result", compare="rows_ordered")
    assert compare_output(ordered, expected, {"columns": ["Name", "Rate"], "rows": expected["rows"][::-1]}) is not None


def test_exact() -> None:
    spec = OutputSpec(name="out", compare="exact")
    assert compare_output(spec, [[1, 3]], [[1, 3]]) is None
    assert compare_output(spec, True, False) is not None
    assert compare_output(spec, 387, 387.0) is not None and compare_output(spec, np.int64(3), 3) is None
    assert compare_output(spec, 387, 387.5) is not None
