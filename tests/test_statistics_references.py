"""The references of the statistics exercises added by the bank issue agree with an independent
implementation (scipy or statsmodels where one exists, brute force otherwise) on random seeded
inputs. The references may not call those routines (they are forbidden to candidates)."""

from __future__ import annotations

from pathlib import Path
from types import ModuleType

import numpy as np
import pytest
from scipy import stats

from grader.cases import load_module

STATISTICS = Path(__file__).resolve().parent.parent / "exercises" / "statistics"


def reference(name: str) -> ModuleType:
    return load_module(STATISTICS / name / "private" / "reference.py", f"_reference_{name}")


@pytest.mark.parametrize("seed", range(6))
def test_t_confidence_interval_matches_scipy(seed: int) -> None:
    rng = np.random.default_rng(seed)
    interval = reference("t_confidence_interval").t_confidence_interval
    a, b = rng.normal(1.0, 2.0, rng.integers(2, 40)), rng.normal(0.0, 0.5, rng.integers(2, 40))
    confidence = float(rng.uniform(0.5, 0.999))
    one = stats.ttest_1samp(a, 0.0).confidence_interval(confidence)
    np.testing.assert_allclose(interval(a, confidence=confidence), one, rtol=1e-10)
    for equal_var in (True, False):
        two = stats.ttest_ind(a, b, equal_var=equal_var).confidence_interval(confidence)
        np.testing.assert_allclose(interval(a, b, confidence, equal_var), two, rtol=1e-10, atol=1e-12)


@pytest.mark.parametrize("seed", range(8))
def test_mann_whitney_u_matches_scipy_asymptotic(seed: int) -> None:
    rng = np.random.default_rng(seed)
    mwu = reference("mann_whitney_u").mann_whitney_u
    if seed % 2:  # heavy ties
        x, y = rng.integers(0, 5, rng.integers(1, 30)) * 1.0, rng.integers(1, 6, rng.integers(2, 30)) * 1.0
    else:
        x, y = rng.normal(0.0, 1.0, rng.integers(1, 30)), rng.normal(0.5, 1.0, rng.integers(2, 30))
    for alternative in ("two-sided", "less", "greater"):
        expected = stats.mannwhitneyu(x, y, alternative=alternative, method="asymptotic", use_continuity=True)
        u, p = mwu(x, y, alternative)
        assert u == pytest.approx(expected.statistic, rel=1e-12)
        assert p == pytest.approx(expected.pvalue, rel=1e-9)


@pytest.mark.parametrize("seed", range(3))
def test_fisher_exact_matches_scipy(seed: int) -> None:
    rng = np.random.default_rng(seed)
    fisher = reference("fisher_exact").fisher_exact
    tables = [rng.integers(0, high, (2, 2)) for high in (4, 10, 30, 200) for _ in range(10)]
    tables += [np.array([[k, m - k], [m - k, k]]) for m in range(1, 16) for k in range(m + 1)]  # symmetric
    for table in tables:
        for alternative in ("two-sided", "less", "greater"):
            expected = stats.fisher_exact(table, alternative=alternative).pvalue
            assert fisher(table, alternative) == pytest.approx(expected, rel=1e-9), (table.tolist(), alternative)


@pytest.mark.parametrize("method", ["wilson", "agresti_coull"])
@pytest.mark.parametrize("seed", range(3))
def test_proportion_interval_matches_statsmodels(method: str, seed: int) -> None:
    from statsmodels.stats.proportion import proportion_confint

    rng = np.random.default_rng(seed)
    interval = reference("proportion_intervals").proportion_interval
    for n in (1, 2, 5, 17, 100, int(rng.integers(200, 50_000))):
        for x in {0, 1, n // 3, n - 1, n} & set(range(n + 1)):
            confidence = float(rng.uniform(0.5, 0.999))
            expected = proportion_confint(x, n, alpha=1.0 - confidence, method=method)
            np.testing.assert_allclose(interval(x, n, confidence, method), expected, rtol=1e-12, atol=1e-15)
