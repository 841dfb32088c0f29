"""Scalar comparison for `loss` and `db`: |actual − expected| ≤ 1e-9 + 1e-7·|expected|, NaN/inf rejected.

Used instead of `allclose`, which lets a 0-d NaN/inf answer pass (grader/compare.py
`_nonfinite_mismatch`: np.argwhere of a 0-d array is empty). Non-finite values count as equal
only to the same non-finite value: never the case against the (always finite) reference, but it
lets diagnosis match a NaN/inf wrong variant.
"""

import math
from typing import Any

import numpy as np

RTOL, ATOL = 1e-7, 1e-9


def check(name: str, case: Any, expected: Any, actual: Any) -> str | None:
    value = np.asarray(actual) if isinstance(actual, (int, float, np.ndarray, np.generic)) else None
    if value is None or value.shape != () or value.dtype.kind not in "iuf":
        return f"`{name}` must be a single float, got {type(actual).__name__}" + (
            f" of shape {value.shape}" if value is not None else "")
    want, got = float(expected), float(value)
    if not (math.isfinite(want) and math.isfinite(got)):
        same = want == got or (math.isnan(want) and math.isnan(got))
        return None if same else f"`{name}` is {got}, expected {want}"
    allowed = ATOL + RTOL * abs(want)
    if abs(got - want) > allowed:
        return f"`{name}` is {got!r}, expected {want!r} (|error| {abs(got - want):.3g} > {allowed:.3g})"
    return None
