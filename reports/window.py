"""The expected-vs-actual window around a mismatch's worst element, as grid cells for a template."""

from __future__ import annotations

import math
from typing import Any

from .format import as_float


def out_of_tolerance(expected: Any, actual: Any, rtol: float, atol: float) -> bool:
    """Whether one element misses |actual − expected| ≤ atol + rtol·|expected| (NaN only matches NaN)."""
    e, a = as_float(expected), as_float(actual)
    if e is None or a is None:
        return e is not a
    if math.isnan(e) or math.isnan(a):
        return not (math.isnan(e) and math.isnan(a))
    if math.isinf(e) or math.isinf(a):
        return e != a
    return abs(a - e) > atol + rtol * abs(e)


def window_view(mismatch: dict[str, Any] | None) -> dict[str, Any] | None:
    """Rows of {label, cells: [{expected, actual, worst, bad}]} plus the column labels and the plane's
    leading index; None when the mismatch has no window (hidden cases, scalars, non-numeric outputs)."""
    window = (mismatch or {}).get("window")
    if not window:
        return None
    assert mismatch is not None
    worst = mismatch.get("worst_index") or []
    rows, cols = window["rows"], window["cols"]
    worst_row = worst[-2] if rows is not None and len(worst) >= 2 else None
    worst_col = worst[-1] if worst else None
    rtol, atol = mismatch.get("rtol") or 0.0, mismatch.get("atol") or 0.0
    grid = []
    for i, (expected_row, actual_row) in enumerate(zip(window["expected"], window["actual"], strict=False)):
        label = rows[i] if rows is not None and i < len(rows) else None
        cells = [
            {"expected": e, "actual": a, "bad": out_of_tolerance(e, a, rtol, atol),
             "worst": label == worst_row and j < len(cols) and cols[j] == worst_col}
            for j, (e, a) in enumerate(zip(expected_row, actual_row, strict=False))
        ]
        grid.append({"label": label, "cells": cells})
    return {"leading_index": window["leading_index"], "cols": cols, "rows": grid}
