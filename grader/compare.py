"""Compare one candidate output with the expected one. Returns a Mismatch, or None when equal.

Numeric rule (numpy-style, relative to the expected value): |actual − expected| ≤ atol + rtol·|expected|,
computed in float64. Tolerances come from the exercise (for float64 answers) and are widened to the
dtype's defaults for lower-precision answers (the `torch.testing.assert_close` table), so a float32
answer is judged by what float32 can represent (docs/exercise-format.md, "Comparisons").
"""

from __future__ import annotations

import json
import math
from collections import Counter
from dataclasses import asdict, dataclass
from typing import Any

import numpy as np

from .spec import OutputSpec

DTYPE_TOLERANCES = {  # (rtol, atol)
    np.dtype("float16"): (1e-3, 1e-5),
    np.dtype("float32"): (1.3e-6, 1e-5),
    np.dtype("float64"): (1e-7, 1e-7),
}
ROW_TOLERANCE = (1e-9, 1e-6)


@dataclass
class Mismatch:
    """Why an output is wrong, with the numbers a candidate needs to find the bug."""

    reason: str
    max_abs_error: float | None = None
    max_rel_error: float | None = None
    worst_index: list[int] | None = None
    expected_value: Any = None
    actual_value: Any = None
    fraction_mismatched: float | None = None
    rtol: float | None = None
    atol: float | None = None
    window: dict[str, Any] | None = None
    error_map: list[list[float]] | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def compare_output(spec: OutputSpec, expected: Any, actual: Any) -> Mismatch | None:
    """Dispatch on the output's comparison kind."""
    if spec.compare == "allclose":
        return compare_arrays(spec, expected, actual)
    if spec.compare == "exact":
        return None if canonical(expected) == canonical(actual) else _value_mismatch(expected, actual)
    if spec.compare == "unordered":
        return compare_unordered(expected, actual)
    if spec.compare in ("rows", "rows_ordered"):
        return compare_rows(expected, actual, ordered=spec.compare == "rows_ordered",
                            tolerance=(spec.rtol or ROW_TOLERANCE[0], spec.atol or ROW_TOLERANCE[1]))
    raise ValueError(f"comparison {spec.compare!r} is handled by the exercise checker")


def tolerances(spec: OutputSpec, dtype: np.dtype) -> tuple[float, float]:
    """The exercise's rtol/atol, widened to the defaults of a lower-precision answer dtype."""
    base_rtol, base_atol = DTYPE_TOLERANCES[np.dtype("float64")]
    rtol = spec.rtol if spec.rtol is not None else base_rtol
    atol = spec.atol if spec.atol is not None else base_atol
    if dtype in DTYPE_TOLERANCES and dtype != np.dtype("float64"):
        dtype_rtol, dtype_atol = DTYPE_TOLERANCES[dtype]
        rtol, atol = max(rtol, dtype_rtol), max(atol, dtype_atol)
    return rtol, atol


def compare_arrays(spec: OutputSpec, expected: Any, actual: Any) -> Mismatch | None:
    """Shape, dtype and NaN policy first, then the elementwise tolerance test with a full report."""
    if actual is None or isinstance(actual, (str, dict)) or (
        isinstance(actual, list) and not _is_numeric_list(actual)
    ):
        return Mismatch(f"expected a numeric value, got {_describe(actual)}")
    expected_array = np.asarray(expected)
    actual_array = np.asarray(actual)
    if actual_array.dtype.kind not in "biuf":
        return Mismatch(f"expected a numeric value, got dtype {actual_array.dtype}")
    if spec.strict_dtype and spec.dtype and actual_array.dtype != np.dtype(spec.dtype):
        return Mismatch(f"dtype {actual_array.dtype}, expected {spec.dtype}")
    if expected_array.dtype.kind == "f" and actual_array.dtype.kind == "b":
        return Mismatch(f"dtype {actual_array.dtype}, expected a floating-point {expected_array.dtype}")
    if actual_array.shape != expected_array.shape:
        return Mismatch(f"shape {actual_array.shape}, expected {expected_array.shape}")
    rtol, atol = tolerances(spec, actual_array.dtype)
    want = expected_array.astype(np.float64)
    got = actual_array.astype(np.float64)
    nonfinite = _nonfinite_mismatch(spec, want, got)
    if nonfinite is not None:
        return nonfinite
    finite = np.isfinite(want) & np.isfinite(got)
    with np.errstate(all="ignore"):
        error = np.where(finite, np.abs(got - want), 0.0)
        allowed = atol + rtol * np.abs(want)
        bad = finite & (error > allowed)
        if not bad.any():
            return None
        excess = np.where(finite, error / np.where(allowed > 0, allowed, np.finfo(float).tiny), 0.0)
        relative = np.where(finite & (want != 0), error / np.abs(want), np.where(error > 0, np.inf, 0.0))
    worst = tuple(int(i) for i in np.unravel_index(int(np.argmax(excess)), want.shape)) if want.ndim else ()
    return Mismatch(
        reason=f"{int(bad.sum())} of {bad.size} values out of tolerance (rtol={rtol:g}, atol={atol:g})",
        max_abs_error=float(error.max()),
        max_rel_error=float(relative.max()),
        worst_index=list(worst),
        expected_value=float(want[worst]),
        actual_value=float(got[worst]),
        fraction_mismatched=float(bad.mean()),
        rtol=rtol,
        atol=atol,
        window=_window(want, got, worst),
        error_map=_error_map(excess, worst),
    )


WINDOW_RADIUS = 2
ERROR_MAP_SIZE = 48


def _window(want: np.ndarray, got: np.ndarray, worst: tuple[int, ...]) -> dict[str, Any] | None:
    """Expected and actual values around the worst element, in its last one or two axes."""
    if want.ndim == 0:
        return None
    lead = worst[:-2] if want.ndim >= 2 else ()
    plane_want, plane_got = (want[lead], got[lead]) if lead else (want, got)
    if plane_want.ndim == 1:
        plane_want, plane_got = plane_want[None, :], plane_got[None, :]
        row, col = 0, worst[-1]
    else:
        row, col = worst[-2], worst[-1]
    rows = range(max(0, row - WINDOW_RADIUS), min(plane_want.shape[0], row + WINDOW_RADIUS + 1))
    cols = range(max(0, col - WINDOW_RADIUS), min(plane_want.shape[1], col + WINDOW_RADIUS + 1))
    return {
        "leading_index": list(lead),
        "rows": list(rows) if want.ndim >= 2 else None,
        "cols": list(cols),
        "expected": plane_want[np.ix_(rows, cols)].tolist(),
        "actual": plane_got[np.ix_(rows, cols)].tolist(),
    }


def _error_map(excess: np.ndarray, worst: tuple[int, ...]) -> list[list[float]] | None:
    """For 2-D (or batched 2-D) outputs: error ÷ allowed error over the plane holding the worst
    element (> 1 means out of tolerance), max-pooled down to at most 48×48 cells."""
    if excess.ndim < 2:
        return None
    plane = excess[worst[:-2]] if excess.ndim > 2 else excess
    step_r, step_c = -(-plane.shape[0] // ERROR_MAP_SIZE), -(-plane.shape[1] // ERROR_MAP_SIZE)
    pooled = [
        [float(plane[r : r + step_r, c : c + step_c].max()) for c in range(0, plane.shape[1], step_c)]
        for r in range(0, plane.shape[0], step_r)
    ]
    return pooled


def _nonfinite_mismatch(spec: OutputSpec, want: np.ndarray, got: np.ndarray) -> Mismatch | None:
    """NaN/inf policy. 'forbid': any non-finite answer fails. 'match': non-finite values must sit
    where the reference has the same ones (NaN matches NaN, inf matches inf of the same sign)."""
    if spec.nan == "forbid":
        wrong = ~np.isfinite(got)
    else:
        same = (np.isnan(want) & np.isnan(got)) | (np.isinf(want) & (want == got))
        wrong = (~np.isfinite(want) | ~np.isfinite(got)) & ~same
    if not wrong.any():
        return None
    where = np.argwhere(wrong)  # for a 0-d array: one row with no columns, i.e. the index ()
    index = tuple(int(i) for i in where[0])
    return Mismatch(
        reason=f"{len(where)} value(s) non-finite where the answer must be finite"
        if spec.nan == "forbid" else f"{len(where)} value(s) differ in their NaN/inf pattern",
        worst_index=list(index), expected_value=float(want[index]), actual_value=float(got[index]),
        fraction_mismatched=float(len(where) / max(got.size, 1)),
    )


def _is_numeric_list(value: list[Any]) -> bool:
    try:
        return np.asarray(value).dtype.kind in "biuf"
    except ValueError:
        return False


def canonical(value: Any) -> str:
    """A JSON text that is equal for equal values (arrays as lists, floats rounded to 12 digits,
    whole floats as integers, NaN/inf as text)."""
    return json.dumps(_plain(value), sort_keys=True)


def _plain(value: Any) -> Any:
    if isinstance(value, (np.ndarray, np.generic)):
        return _plain(value.tolist())
    if isinstance(value, float):
        if not math.isfinite(value):
            return str(value)
        rounded = float(f"{value:.12g}")
        return int(rounded) if rounded.is_integer() else rounded  # 387.0 equals 387
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


def compare_unordered(expected: Any, actual: Any) -> Mismatch | None:
    """Lists equal as multisets ("return the answer in any order")."""
    if not isinstance(actual, (list, np.ndarray)):
        return Mismatch(f"expected a list, got {_describe(actual)}")
    want = Counter(canonical(v) for v in _plain(expected))
    got = Counter(canonical(v) for v in _plain(actual))
    if want == got:
        return None
    missing, extra = list((want - got).elements())[:3], list((got - want).elements())[:3]
    return Mismatch(f"as a multiset: missing {', '.join(missing) or 'nothing'}; unexpected {', '.join(extra) or 'nothing'}",
                    expected_value=_preview(expected), actual_value=_preview(actual))


def compare_rows(expected: Any, actual: Any, ordered: bool, tolerance: tuple[float, float]) -> Mismatch | None:
    """SQL result sets: column names case-insensitively, rows as a multiset unless ordered,
    NULL equal to NULL, numbers within tolerance."""
    if not isinstance(actual, dict) or set(actual) != {"columns", "rows"}:
        return Mismatch(f"expected a result set, got {_describe(actual)}")
    want_columns = [c.lower() for c in expected["columns"]]
    got_columns = [str(c).lower() for c in actual["columns"]]
    if want_columns != got_columns:
        return Mismatch(f"columns {actual['columns']}, expected {expected['columns']}",
                        expected_value=expected["columns"], actual_value=actual["columns"])
    want_rows, got_rows = expected["rows"], actual["rows"]
    if len(want_rows) != len(got_rows):
        return Mismatch(f"{len(got_rows)} row(s), expected {len(want_rows)}",
                        expected_value=_preview(want_rows), actual_value=_preview(got_rows))
    if not ordered:
        want_rows, got_rows = sorted(want_rows, key=_row_key), sorted(got_rows, key=_row_key)
    for index, (want, got) in enumerate(zip(want_rows, got_rows, strict=True)):
        if not _row_equal(want, got, tolerance):
            where = f"row {index + 1}" + ("" if ordered else " (rows compared in sorted order)")
            return Mismatch(f"{where} is {got}, expected {want}", worst_index=[index],
                            expected_value=_preview(want), actual_value=_preview(got))
    return None


def _row_key(row: list[Any]) -> list[tuple[int, Any]]:
    key: list[tuple[int, Any]] = []
    for cell in row:
        if cell is None:
            key.append((0, 0))
        elif isinstance(cell, (int, float)) and not isinstance(cell, bool):
            key.append((1, round(float(cell), 6)))
        else:
            key.append((2, str(cell)))
    return key


def _row_equal(want: list[Any], got: list[Any], tolerance: tuple[float, float]) -> bool:
    if len(want) != len(got):
        return False
    for a, b in zip(want, got, strict=True):
        numeric = all(isinstance(x, (int, float)) and not isinstance(x, bool) for x in (a, b))
        if numeric:
            if not abs(float(b) - float(a)) <= tolerance[1] + tolerance[0] * abs(float(a)):
                return False
        elif a != b:
            return False
    return True


def _value_mismatch(expected: Any, actual: Any) -> Mismatch:
    return Mismatch(f"expected {_preview(expected)}, got {_preview(actual)}",
                    expected_value=_preview(expected), actual_value=_preview(actual))


def _preview(value: Any, limit: int = 200) -> str:
    text = canonical(value) if not isinstance(value, str) else repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _describe(value: Any) -> str:
    if isinstance(value, np.ndarray):
        return f"an array of shape {value.shape}"
    return "None" if value is None else f"a {type(value).__name__}"
