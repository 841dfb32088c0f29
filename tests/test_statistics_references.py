"""The references of the statistics exercises added by the bank issue agree with an independent
implementation (scipy or statsmodels where one exists, brute force otherwise) on random seeded
inputs. The references may not call those routines (they are forbidden to candidates)."""

from __future__ import annotations

import functools

import numpy as np
import pytest
from scipy import stats
from support import bank_reference

reference = functools.partial(bank_reference, "statistics")


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


def permutation_p_by_loop(a: np.ndarray, b: np.ndarray, draws: int, seed: int, alternative: str) -> float:
    """The statement's stream written differently: rng.permutation of the pooled array, sums not means."""
    rng = np.random.default_rng(seed)
    observed = a.sum() / a.size - b.sum() / b.size
    hits = 0
    for _ in range(draws):
        shuffled = rng.permutation(np.concatenate([a, b]))
        d = shuffled[: a.size].sum() / a.size - shuffled[a.size :].sum() / b.size
        if alternative == "greater":
            hits += bool(d - observed >= -1e-9 * abs(observed))
        elif alternative == "less":
            hits += bool(observed - d >= -1e-9 * abs(observed))
        else:
            hits += bool(abs(d) - abs(observed) >= -1e-9 * abs(observed))
    return (hits + 1) / (draws + 1)


@pytest.mark.parametrize("seed", range(4))
def test_permutation_test_reproduces_the_stated_stream(seed: int) -> None:
    rng = np.random.default_rng(seed)
    test = reference("permutation_test").permutation_test
    a, b = rng.normal(0.0, 1.0, rng.integers(1, 15)), rng.normal(0.4, 1.0, rng.integers(1, 15))
    if seed % 2:  # many ties, equal up to rounding
        a, b = rng.choice([0.1, 0.2, 0.3, 0.7], a.size), rng.choice([0.1, 0.2, 0.3, 0.7], b.size)
    for alternative in ("two-sided", "less", "greater"):
        statistic, p = test(a, b, 300, seed, alternative)
        assert statistic == pytest.approx(a.mean() - b.mean(), rel=1e-12, abs=1e-15)
        assert p == permutation_p_by_loop(a, b, 300, seed, alternative)


@pytest.mark.parametrize("alternative", ["less", "greater"])
def test_permutation_test_estimates_scipy_exact_p(alternative: str) -> None:
    rng = np.random.default_rng(5)
    a, b = rng.normal(0.0, 1.0, 6), rng.normal(0.7, 1.0, 7)
    exact = stats.permutation_test(  # all 1716 splits: scipy's test is exact here
        (a, b), lambda x, y: np.mean(x) - np.mean(y), permutation_type="independent", alternative=alternative,
        n_resamples=np.inf,
    ).pvalue
    _, p = reference("permutation_test").permutation_test(a, b, 20_000, 1, alternative)
    assert abs(p - exact) < 4 * np.sqrt(exact * (1 - exact) / 20_000) + 1e-4


@pytest.mark.parametrize("seed", range(4))
def test_t_test_power_matches_statsmodels(seed: int) -> None:
    from statsmodels.stats.power import TTestIndPower

    rng = np.random.default_rng(seed)
    power = reference("t_test_power").t_test_power
    for _ in range(10):
        d, n1, n2 = float(rng.uniform(-1.5, 1.5)), int(rng.integers(2, 120)), int(rng.integers(2, 120))
        alpha = float(rng.uniform(0.001, 0.3))
        for ours, theirs in (("two-sided", "two-sided"), ("greater", "larger"), ("less", "smaller")):
            expected = TTestIndPower().power(d, n1, alpha, ratio=n2 / n1, alternative=theirs)
            assert power(d, n1, n2, alpha, ours) == pytest.approx(expected, rel=1e-9, abs=1e-14)


@pytest.mark.parametrize("seed", range(4))
def test_cuped_matches_a_pooled_regression(seed: int) -> None:
    """theta is the least-squares slope of Y on X over both arms (scipy linregress); the adjusted
    means and the variance ratio are recomputed from that slope."""
    rng = np.random.default_rng(seed)
    n_c, n_t = (int(v) for v in rng.integers(2, 300, 2))
    xc, xt = rng.normal(20.0, 5.0, n_c), rng.normal(21.0, 5.0, n_t)
    yc, yt = 0.7 * xc + rng.normal(0, 3, n_c), 1.0 + 0.7 * xt + rng.normal(0, 3, n_t)
    theta, mean_c, mean_t, ratio = reference("cuped").cuped(yc, xc, yt, xt)
    x, y = np.concatenate([xc, xt]), np.concatenate([yc, yt])
    slope = stats.linregress(x, y).slope
    assert theta == pytest.approx(slope, rel=1e-10)
    assert mean_c == pytest.approx(np.mean(yc - slope * (xc - x.mean())), rel=1e-10)
    assert mean_t == pytest.approx(np.mean(yt - slope * (xt - x.mean())), rel=1e-10)
    # n_c·mean_c + n_t·mean_t = n·Ȳ (the centred adjustment has mean 0)
    assert n_c * mean_c + n_t * mean_t == pytest.approx(y.sum(), rel=1e-10)
    var = {name: np.var(values, ddof=1) / values.size for name, values in
           {"yc": yc, "yt": yt, "ac": yc - slope * (xc - x.mean()), "at": yt - slope * (xt - x.mean())}.items()}
    assert ratio == pytest.approx((var["ac"] + var["at"]) / (var["yc"] + var["yt"]), rel=1e-9)


def ctr_users(rng: np.random.Generator, n: int, ctr: float) -> tuple[np.ndarray, np.ndarray]:
    impressions = 1 + rng.poisson(8.0 * rng.gamma(0.8, 1.25, n))
    return rng.binomial(impressions, rng.beta(ctr * 10, (1 - ctr) * 10, n)), impressions


@pytest.mark.parametrize("seed", range(4))
def test_delta_method_matches_the_gradient_form(seed: int) -> None:
    """Var(R) = ∇fᵀ Σ ∇f / n with f(C̄, Ī) = C̄/Ī, written with the covariance matrix."""
    rng = np.random.default_rng(seed)
    (ca, ia), (cb, ib) = ctr_users(rng, int(rng.integers(2, 500)), 0.1), ctr_users(rng, int(rng.integers(2, 500)), 0.12)
    ratio_a, ratio_b, var_a, var_b, z, p = reference("delta_method_ratio").delta_method_ratio(ca, ia, cb, ib)
    variances = []
    for c, i in ((ca, ia), (cb, ib)):
        gradient = np.array([1 / i.mean(), -c.mean() / i.mean() ** 2])
        variances.append(gradient @ np.cov(np.vstack([c, i]).astype(float)) @ gradient / c.size)
    assert (ratio_a, ratio_b) == (pytest.approx(ca.sum() / ia.sum(), rel=1e-12), pytest.approx(cb.sum() / ib.sum(), rel=1e-12))
    np.testing.assert_allclose([var_a, var_b], variances, rtol=1e-10)
    expected_z = (cb.sum() / ib.sum() - ca.sum() / ia.sum()) / np.sqrt(sum(variances))
    assert z == pytest.approx(expected_z, rel=1e-9)
    assert p == pytest.approx(2 * stats.norm.sf(abs(expected_z)), rel=1e-8)


def test_delta_method_variance_agrees_with_a_user_bootstrap() -> None:
    rng = np.random.default_rng(11)
    clicks, impressions = ctr_users(rng, 2000, 0.1)
    _, _, var, _, _, _ = reference("delta_method_ratio").delta_method_ratio(clicks, impressions, clicks, impressions)
    users = rng.integers(0, clicks.size, size=(4000, clicks.size))
    ratios = clicks[users].sum(axis=1) / impressions[users].sum(axis=1)
    assert var == pytest.approx(ratios.var(), rel=0.1)


@pytest.mark.parametrize("method", ["holm", "bonferroni"])
@pytest.mark.parametrize("seed", range(4))
def test_holm_bonferroni_matches_statsmodels(method: str, seed: int) -> None:
    from statsmodels.stats.multitest import multipletests

    rng = np.random.default_rng(seed)
    adjust = reference("holm_bonferroni").adjust_p_values
    for m in (1, 2, 7, 60):
        p = np.round(rng.random(m) ** 3, 3) if seed % 2 else 10.0 ** rng.uniform(-12, 0, m)  # ties when rounded
        np.testing.assert_allclose(adjust(p, method), multipletests(p, method=method)[1], rtol=1e-12, atol=0)


@pytest.mark.parametrize("seed", range(4))
def test_sample_ratio_mismatch_matches_scipy_chisquare(seed: int) -> None:
    rng = np.random.default_rng(seed)
    srm = reference("sample_ratio_mismatch").sample_ratio_mismatch
    for k in (2, 3, 5):
        weights = rng.uniform(0.5, 5.0, k)
        counts = rng.multinomial(int(rng.integers(10, 100_000)), rng.dirichlet(np.full(k, 50.0)))
        expected = stats.chisquare(counts, f_exp=counts.sum() * weights / weights.sum())
        statistic, p, flagged = srm(counts, weights, 0.01)
        assert statistic == pytest.approx(expected.statistic, rel=1e-10)
        assert p == pytest.approx(expected.pvalue, rel=1e-9)
        assert flagged is bool(expected.pvalue < 0.01)


@pytest.mark.parametrize("seed", range(4))
def test_one_way_anova_matches_scipy_f_oneway(seed: int) -> None:
    rng = np.random.default_rng(seed)
    anova = reference("one_way_anova").one_way_anova
    groups = [rng.normal(rng.uniform(-1, 1), 1.0, rng.integers(1, 30)) for _ in range(int(rng.integers(2, 7)))]
    groups.append(rng.normal(0.0, 1.0, 5))  # N > k always
    f_statistic, p, eta_squared = anova(groups)
    expected = stats.f_oneway(*groups)
    assert f_statistic == pytest.approx(expected.statistic, rel=1e-10)
    assert p == pytest.approx(expected.pvalue, rel=1e-9)
    values = np.concatenate(groups)
    within = sum(g.var() * g.size for g in groups)
    assert eta_squared == pytest.approx(1.0 - within / (values.var() * values.size), rel=1e-10)
