"""Checker for the bootstrap CI: grades by Monte Carlo consistency, not by one RNG stream.

The level of a value v is its position in the reference's bootstrap distribution M of the mean
(REFERENCE_RESAMPLES resample means): the interval [fraction of M < v, fraction of M ≤ v], which
is wider than a point when v ties with bootstrap means (discrete data). The q-quantile of B
resample means has a level with standard deviation √(q(1−q)/B) (a binomial proportion), so an
endpoint passes when its level is within δ = 6·√(q(1−q)/B) of the expected endpoint's level and
it lies within [min(data), max(data)], where every bootstrap mean lies. A correct answer is off by
about one standard deviation; 6 leaves room for the reference's own error and, during diagnosis,
for comparing two noisy answers (a candidate's and a wrong variant's). It is distribution-free:
no density estimate, so skewed and discrete data are graded the same way.
"""

import functools
import importlib.util
import math
from pathlib import Path

import numpy as np

TOLERANCE_SD = 6.0
DEFAULTS = {"confidence": 0.95, "n_resamples": 2000, "seed": 0}


def _reference():
    spec = importlib.util.spec_from_file_location("_bootstrap_ci_reference", Path(__file__).with_name("reference.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@functools.lru_cache(maxsize=64)
def _sorted_means(data: bytes, seed: int) -> np.ndarray:
    return np.sort(_reference().bootstrap_means(np.frombuffer(data, dtype=float), seed))


def _level(means: np.ndarray, value: float) -> tuple[float, float]:
    below = np.searchsorted(means, value, side="left") / means.size
    at_most = np.searchsorted(means, value, side="right") / means.size
    return float(below), float(at_most)


def check(name: str, case, expected, actual) -> str | None:
    try:
        value = np.asarray(actual, dtype=float)
    except (TypeError, ValueError):
        return f"`{name}` must be a number, got {type(actual).__name__}"
    if value.shape != ():
        return f"`{name}` must be a single number, got shape {value.shape}"
    value = float(value)
    if not math.isfinite(value):
        return f"`{name}` is {value}, expected a finite number"
    data = np.ascontiguousarray(case.args[0], dtype=float)
    if not data.min() <= value <= data.max():
        return f"`{name}` = {value:.6g} lies outside the data range [{data.min():.6g}, {data.max():.6g}]"
    options = DEFAULTS | case.kwargs
    q = (1.0 - options["confidence"]) / 2.0 if name == "low" else (1.0 + options["confidence"]) / 2.0
    allowed = TOLERANCE_SD * math.sqrt(q * (1.0 - q) / options["n_resamples"])
    means = _sorted_means(data.tobytes(), int(options["seed"]))
    got, want = _level(means, value), _level(means, float(expected))
    gap = max(0.0, got[0] - want[1], want[0] - got[1])
    if gap <= allowed:
        return None
    return (f"`{name}` = {value:.6g} sits at bootstrap quantile level {sum(got) / 2:.4f}; expected "
            f"{float(expected):.6g} at level {sum(want) / 2:.4f} ± {allowed:.4f}")
