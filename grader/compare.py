"""Compare one candidate output with the expected one. Returns a Mismatch, or None when equal.

First the declared output type (spec `type`/`kind`): exactly what the statement says, so a whole float
is not an int and 1 is not True. Then the comparison. Numeric rule (numpy-style, relative to the
expected value): |actual − expected| ≤ atol + rtol·|expected|, computed in float64, with the exercise's
tolerance whatever the answer's dtype; a float32 answer gets a different tolerance only where the
spec declares `float32_rtol`/`float32_atol` (and the statement states them), never silently.
"""

from __future__ import annotations

import json
import math
from collections import Counter
from collections.abc import Callable
from dataclasses import asdict, dataclass
from typing import Any

import numpy as np

from .spec import Comparison, OutputSpec, OutputType, ScalarKind

DEFAULT_TOLERANCE = (1e-7, 1e-7)  # (rtol, atol): torch.testing's float64 pair
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
    rows: dict[str, Any] | None = None  # SQL result sets: the first differing rows (`_differing_rows`)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def compare_output(spec: OutputSpec, expected: Any, actual: Any) -> Mismatch | None:
    """The declared type first, then the output's comparison (the `COMPARATORS` registry)."""
    problem = type_problem(spec, actual)
    if problem is not None:
        return Mismatch(problem, expected_value=_preview(expected), actual_value=_preview(actual))
    if spec.compare not in COMPARATORS:
        raise ValueError(f"comparison {spec.compare!r} is handled by the exercise checker")
    return COMPARATORS[spec.compare](spec, expected, actual)


def _numpy_scalar(value: Any, kinds: str) -> bool:
    """A NumPy scalar (np.float64(1.5)) or 0-d array of one of the dtype KINDS: what a reference or a wrong
    variant run on the trusted side returns where the sandbox's transport would have sent a plain number."""
    return isinstance(value, np.generic | np.ndarray) and np.ndim(value) == 0 and value.dtype.kind in kinds


def _is_int(value: Any) -> bool:
    return type(value) is int or _numpy_scalar(value, "iu")


def _is_float(value: Any) -> bool:
    return type(value) is float or _numpy_scalar(value, "f")


def _is_bool(value: Any) -> bool:
    return type(value) is bool or _numpy_scalar(value, "b")


SCALAR_CHECKS: dict[ScalarKind, Callable[[Any], bool]] = {
    ScalarKind.INT: _is_int, ScalarKind.FLOAT: _is_float, ScalarKind.BOOL: _is_bool,
    ScalarKind.STR: lambda value: type(value) is str,
}
DTYPE_KINDS: dict[ScalarKind, str] = {ScalarKind.INT: "iu", ScalarKind.FLOAT: "f", ScalarKind.BOOL: "b",
                                      ScalarKind.STR: "U"}


def _scalar(kind: ScalarKind) -> Callable[[OutputSpec, Any], str | None]:
    def check(_spec: OutputSpec, value: Any) -> str | None:
        return None if SCALAR_CHECKS[kind](value) else f"expected {_a(kind)}, got {_describe_type(value)}"
    return check


def _array_type(spec: OutputSpec, value: Any) -> str | None:
    if not isinstance(value, (np.ndarray, list)):
        return f"expected an array, got {_describe_type(value)}"
    try:
        array = np.asarray(value)
    except ValueError:
        return "expected an array, got a ragged list"
    if spec.kind is not None and array.size and array.dtype.kind not in DTYPE_KINDS[spec.kind]:
        return f"expected an array of {spec.kind} values, got dtype {array.dtype}"
    return None


def _list_type(spec: OutputSpec, value: Any) -> str | None:
    if isinstance(value, np.ndarray) and value.ndim >= 1:
        return _array_type(spec, value)
    if not isinstance(value, list):
        return f"expected a list, got {_describe_type(value)}"
    if spec.kind is None:
        return None
    for leaf in _leaves(value):
        if leaf is not None and not SCALAR_CHECKS[spec.kind](leaf):
            return f"expected a list of {spec.kind} values, got an element that is {_describe_type(leaf)}"
    return None


def _leaves(value: Any) -> list[Any]:
    if isinstance(value, list):
        return [leaf for item in value for leaf in _leaves(item)]
    if isinstance(value, np.ndarray) and value.ndim >= 1:
        return [leaf for item in value for leaf in _leaves(item)]
    return [value]


def _rows_type(_spec: OutputSpec, value: Any) -> str | None:
    if isinstance(value, dict) and set(value) == {"columns", "rows"}:
        return None
    return f"expected a result set, got {_describe_type(value)}"


TYPE_CHECKS: dict[OutputType, Callable[[OutputSpec, Any], str | None]] = {
    OutputType.INT: _scalar(ScalarKind.INT), OutputType.FLOAT: _scalar(ScalarKind.FLOAT),
    OutputType.BOOL: _scalar(ScalarKind.BOOL), OutputType.STR: _scalar(ScalarKind.STR),
    OutputType.ARRAY: _array_type, OutputType.LIST: _list_type, OutputType.ROWS: _rows_type,
    OutputType.ANY: lambda _spec, _value: None,
}


def type_problem(spec: OutputSpec, value: Any) -> str | None:
    """Why VALUE is not of the output's declared type, or None."""
    return TYPE_CHECKS[spec.type](spec, value)


def _a(kind: str) -> str:
    return {"int": "an int", "float": "a float", "bool": "a bool", "str": "a str"}.get(kind, kind)


def _describe_type(value: Any) -> str:
    if isinstance(value, np.ndarray):
        return f"a 0-d {value.dtype} array" if value.ndim == 0 else f"an array of dtype {value.dtype}"
    if value is None:
        return "None"
    if isinstance(value, (bool, int, float)):
        return f"a {type(value).__name__} ({value!r})"
    return f"a {type(value).__name__}"


def tolerances(spec: OutputSpec, dtype: np.dtype) -> tuple[float, float]:
    """The exercise's rtol/atol; for a float32 answer, the spec's declared float32 tolerance if it has one."""
    rtol = spec.rtol if spec.rtol is not None else DEFAULT_TOLERANCE[0]
    atol = spec.atol if spec.atol is not None else DEFAULT_TOLERANCE[1]
    if dtype == np.dtype("float32") and spec.float32_rtol is not None and spec.float32_atol is not None:
        return spec.float32_rtol, spec.float32_atol
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
    NaN/inf as text). Types stay apart: 388.0 is not 388, and True is not 1."""
    return json.dumps(_plain(value), sort_keys=True)


def _plain(value: Any) -> Any:
    if isinstance(value, (np.ndarray, np.generic)):
        return _plain(value.tolist())
    if isinstance(value, float):
        if not math.isfinite(value):
            return str(value)
        return float(f"{value:.12g}")
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


def compare_exact(_spec: OutputSpec, expected: Any, actual: Any) -> Mismatch | None:
    """Equal as typed JSON values."""
    return None if canonical(expected) == canonical(actual) else _value_mismatch(expected, actual)


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
    rows = _differing_rows(expected["columns"], want_rows, got_rows, ordered, tolerance)
    if len(want_rows) != len(got_rows):
        return Mismatch(f"{len(got_rows)} row(s), expected {len(want_rows)}", rows=rows,
                        expected_value=_preview(want_rows), actual_value=_preview(got_rows))
    if not ordered:
        want_rows, got_rows = sorted(want_rows, key=_row_key), sorted(got_rows, key=_row_key)
    for index, (want, got) in enumerate(zip(want_rows, got_rows, strict=True)):
        if not _row_equal(want, got, tolerance):
            where = f"row {index + 1}" + ("" if ordered else " (rows compared in sorted order)")
            return Mismatch(f"{where} is {got}, expected {want}", worst_index=[index], rows=rows,
                            expected_value=_preview(want), actual_value=_preview(got))
    return None


SHOWN_ROWS = 5


def _differing_rows(columns: list[str], want: list[list[Any]], got: list[list[Any]], ordered: bool,
                    tolerance: tuple[float, float]) -> dict[str, Any]:
    """The first rows that differ, at most SHOWN_ROWS a side. In order: the rows of both from the first
    position where they differ (`first_row`, 1-based). As a multiset: the expected rows the answer lacks
    (`expected`) and the answer's rows that were not expected (`actual`), each in sorted order."""
    if ordered:
        first = next((i for i, (a, b) in enumerate(zip(want, got, strict=False)) if not _row_equal(a, b, tolerance)),
                     min(len(want), len(got)))
        return {"columns": list(columns), "ordered": True, "first_row": first + 1,
                "expected": want[first:first + SHOWN_ROWS], "actual": got[first:first + SHOWN_ROWS]}
    missing, extra = sorted(want, key=_row_key), sorted(got, key=_row_key)
    pending = Counter(canonical(_row_key(row)) for row in extra)
    lacking = []
    for row in missing:  # rows equal after rounding match each other; the verdict above used the tolerance
        key = canonical(_row_key(row))
        if pending[key]:
            pending[key] -= 1
        else:
            lacking.append(row)
    surplus = Counter(canonical(_row_key(row)) for row in missing)
    unexpected = []
    for row in extra:
        key = canonical(_row_key(row))
        if surplus[key]:
            surplus[key] -= 1
        else:
            unexpected.append(row)
    return {"columns": list(columns), "ordered": False, "first_row": None,
            "expected": lacking[:SHOWN_ROWS], "actual": unexpected[:SHOWN_ROWS]}


def _rows(spec: OutputSpec, expected: Any, actual: Any) -> Mismatch | None:
    return compare_rows(expected, actual, ordered=spec.compare == Comparison.ROWS_ORDERED,
                        tolerance=(spec.rtol if spec.rtol is not None else ROW_TOLERANCE[0],
                                   spec.atol if spec.atol is not None else ROW_TOLERANCE[1]))


COMPARATORS: dict[Comparison, Callable[[OutputSpec, Any, Any], Mismatch | None]] = {
    Comparison.ALLCLOSE: lambda spec, expected, actual: compare_arrays(spec, expected, actual),
    Comparison.EXACT: compare_exact,
    Comparison.UNORDERED: lambda _spec, expected, actual: compare_unordered(expected, actual),
    Comparison.ROWS: _rows,
    Comparison.ROWS_ORDERED: _rows,
}


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
