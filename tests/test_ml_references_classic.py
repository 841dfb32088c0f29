"""The references of the classic ML exercises (k-NN, decision split, naive Bayes, GMM E-step, ROC AUC,
precision/recall/F1, LSTM cell, beam search) agree with an independent implementation: scikit-learn,
scipy or torch where one exists, and a brute force or a differently written formulation for the tie
rules a library does not promise (and for beam search, which none of them has)."""

from __future__ import annotations

import functools
import itertools
import math
from collections import Counter
from fractions import Fraction

import numpy as np
import pytest
import torch
from scipy.special import logsumexp
from scipy.stats import multivariate_normal
from sklearn.exceptions import UndefinedMetricWarning
from sklearn.metrics import precision_recall_fscore_support, roc_auc_score
from sklearn.naive_bayes import GaussianNB
from sklearn.neighbors import KNeighborsClassifier
from sklearn.tree import DecisionTreeClassifier
from support import bank_reference

reference = functools.partial(bank_reference, "ml_basics")


# k-nearest neighbours ----------------------------------------------------------------------------

@pytest.mark.parametrize("k", [1, 3, 5, 9])
@pytest.mark.parametrize("seed", range(3))
def test_knn_matches_sklearn_without_ties(k: int, seed: int) -> None:
    rng = np.random.default_rng(seed)
    X, test = rng.normal(size=(80, 4)), rng.normal(size=(40, 4))
    y = rng.choice(np.array([2, 5, 9]), size=80)
    sklearn = KNeighborsClassifier(n_neighbors=k, algorithm="brute").fit(X, y).predict(test)
    np.testing.assert_array_equal(reference("knn_predict").knn_predict(X, y, test, k), sklearn)


def knn_by_loops(X: np.ndarray, y: np.ndarray, test: np.ndarray, k: int) -> list[int]:
    """The statement's rules written out: sort (distance, index) pairs, count, smallest label of the top count."""
    out = []
    for x in test:
        pairs = sorted((sum((a - b) ** 2 for a, b in zip(x, t, strict=True)), j) for j, t in enumerate(X))
        counts = Counter(int(y[j]) for _, j in pairs[:k])
        top = max(counts.values())
        out.append(min(label for label, count in counts.items() if count == top))
    return out


@pytest.mark.parametrize("k", [1, 2, 4, 7, 30])
@pytest.mark.parametrize("seed", range(3))
def test_knn_ties_match_a_loop(k: int, seed: int) -> None:
    rng = np.random.default_rng(seed)
    X = rng.integers(-2, 3, size=(30, 2)).astype(np.float64)
    y = rng.integers(0, 4, size=30)
    test = rng.integers(-2, 3, size=(20, 2)).astype(np.float64)
    ours = reference("knn_predict").knn_predict(X, y, test, k)
    assert ours.tolist() == knn_by_loops(X, y, test, k)


# best decision-tree split -----------------------------------------------------------------------

@pytest.mark.parametrize("criterion", ["gini", "entropy"])
@pytest.mark.parametrize("seed", range(4))
def test_best_split_matches_sklearn_root(criterion: str, seed: int) -> None:
    """sklearn works in float32 and breaks ties at random: float32-exact continuous data has no ties."""
    rng = np.random.default_rng(seed)
    X = rng.normal(size=(60, 4)).astype(np.float32).astype(np.float64)
    y = rng.choice(np.array([1, 4, 6]), size=60)
    tree = DecisionTreeClassifier(max_depth=1, criterion=criterion, random_state=0).fit(X, y).tree_
    n = tree.n_node_samples
    impurity = (n[1] * tree.impurity[1] + n[2] * tree.impurity[2]) / n[0]
    feature, threshold, ours = reference("best_split").best_split(X, y, criterion)
    assert (feature, threshold) == (tree.feature[0], tree.threshold[0])
    assert ours == pytest.approx(impurity, rel=1e-12)


def split_by_brute_force(X: np.ndarray, y: np.ndarray, criterion: str) -> tuple[int, float, float]:
    """Every (feature, midpoint) in order, impurities in exact fractions for Gini (ties exact)."""
    def impurity(labels: list[int]) -> Fraction | float:
        counts = Counter(labels).values()
        if criterion == "gini":
            return 1 - sum(Fraction(c, len(labels)) ** 2 for c in counts)
        return -sum(c / len(labels) * math.log2(c / len(labels)) for c in counts)

    best: tuple[int, float, Fraction | float] | None = None
    for j in range(X.shape[1]):
        values = sorted(set(X[:, j].tolist()))
        for a, b in zip(values, values[1:], strict=False):
            t = (a + b) / 2
            left = [int(label) for x, label in zip(X[:, j], y, strict=True) if x <= t]
            right = [int(label) for x, label in zip(X[:, j], y, strict=True) if x > t]
            score = (len(left) * impurity(left) + len(right) * impurity(right)) / len(y)
            if best is None or score < best[2] - (0 if criterion == "gini" else 1e-12):
                best = (j, t, score)
    if best is None:
        return -1, math.nan, float(impurity([int(label) for label in y]))
    return best[0], best[1], float(best[2])


@pytest.mark.parametrize("criterion", ["gini", "entropy"])
@pytest.mark.parametrize("seed", range(6))
def test_best_split_ties_match_brute_force(criterion: str, seed: int) -> None:
    rng = np.random.default_rng(seed)
    X = rng.integers(0, 4, size=(int(rng.integers(2, 15)), 3)).astype(np.float64)
    X[:, int(rng.integers(0, 3))] = 1.0  # a constant feature
    y = rng.integers(0, 3, size=len(X))
    feature, threshold, impurity = reference("best_split").best_split(X, y, criterion)
    want = split_by_brute_force(X, y, criterion)
    assert (feature, impurity) == (want[0], pytest.approx(want[2], rel=1e-12, abs=1e-15))
    assert threshold == want[1] or (math.isnan(threshold) and math.isnan(want[1]))


def test_best_split_constant_node_has_no_split() -> None:
    X, y = np.ones((4, 2)), np.array([0, 0, 1, 2])
    feature, threshold, impurity = reference("best_split").best_split(X, y, "gini")
    assert feature == -1 and math.isnan(threshold) and impurity == pytest.approx(1 - (0.25 + 0.0625 + 0.0625))


# Gaussian naive Bayes ---------------------------------------------------------------------------

@pytest.mark.parametrize("var_smoothing", [1e-9, 1e-2, 0.5])
@pytest.mark.parametrize("seed", range(3))
def test_gaussian_naive_bayes_matches_sklearn(var_smoothing: float, seed: int) -> None:
    rng = np.random.default_rng(seed)
    X = rng.normal(size=(70, 4)) * np.array([100.0, 1.0, 0.1, 3.0]) + rng.normal(size=4)
    y = rng.choice(np.array([2, 7, 11]), size=70, p=[0.2, 0.5, 0.3])
    X[y == 7, 1] = 0.5  # constant within a class: its variance is the smoothing alone
    test = np.vstack([rng.normal(size=(20, 4)) * 50, rng.normal(size=(3, 4)) * 1e4])  # and far points
    model = GaussianNB(var_smoothing=var_smoothing).fit(X, y)
    joint, log_proba, labels = reference("gaussian_naive_bayes").gaussian_naive_bayes(X, y, test, var_smoothing)
    np.testing.assert_allclose(joint, model.predict_joint_log_proba(test), rtol=1e-12)
    np.testing.assert_allclose(log_proba, model.predict_log_proba(test), rtol=1e-10, atol=1e-12)
    np.testing.assert_array_equal(labels, model.predict(test))
    assert np.isfinite(log_proba).all()


# Gaussian mixture E-step -------------------------------------------------------------------------

@pytest.mark.parametrize("k, d", [(1, 1), (2, 2), (3, 4), (5, 3)])
@pytest.mark.parametrize("seed", range(3))
def test_gmm_e_step_matches_scipy_logpdf(k: int, d: int, seed: int) -> None:
    """What sklearn's GaussianMixture._estimate_log_prob_resp computes, from scipy's log-densities."""
    rng = np.random.default_rng(seed)
    A = rng.normal(size=(k, d, d))
    cov = A @ A.transpose(0, 2, 1) + 0.3 * np.eye(d)
    means, weights = rng.normal(size=(k, d)) * 3, rng.dirichlet(np.ones(k))
    X = np.vstack([rng.normal(size=(30, d)) * 3, rng.normal(size=(4, d)) * 1e3])  # and far points
    log_joint = np.stack([np.log(weights[j]) + multivariate_normal(means[j], cov[j]).logpdf(X).reshape(-1)
                          for j in range(k)], axis=1)
    log_norm = logsumexp(log_joint, axis=1, keepdims=True)
    resp, log_likelihood = reference("gmm_e_step").gmm_e_step(X, weights, means, cov)
    np.testing.assert_allclose(resp, np.exp(log_joint - log_norm), rtol=1e-9, atol=1e-13)
    assert log_likelihood == pytest.approx(float(log_norm.sum()), rel=1e-11)
    np.testing.assert_allclose(resp.sum(axis=1), 1.0, rtol=1e-12)


# ROC AUC ------------------------------------------------------------------------------------------

@pytest.mark.parametrize("decimals", [None, 1, 0])
@pytest.mark.parametrize("seed", range(4))
def test_roc_auc_matches_sklearn_with_and_without_ties(decimals: int | None, seed: int) -> None:
    rng = np.random.default_rng(seed)
    y = (rng.random(500) < 0.3).astype(np.int64)
    scores = rng.normal(size=500) + 0.8 * y
    if decimals is not None:
        scores = np.round(scores, decimals)  # many ties across the classes
    ours = reference("roc_auc").roc_auc(y, scores)
    assert ours == pytest.approx(roc_auc_score(y, scores), rel=1e-12)


def test_roc_auc_is_the_pairwise_count() -> None:
    rng = np.random.default_rng(5)
    y = rng.integers(0, 2, size=60)
    scores = rng.integers(0, 5, size=60).astype(np.float64)
    pos, neg = scores[y == 1], scores[y == 0]
    pairs = sum(1.0 if p > n else 0.5 if p == n else 0.0 for p in pos for n in neg)
    assert reference("roc_auc").roc_auc(y, scores) == pytest.approx(pairs / (len(pos) * len(neg)), rel=1e-12)


def test_roc_auc_one_class_is_nan_like_sklearn() -> None:
    y, scores = np.ones(5, dtype=np.int64), np.arange(5.0)
    with pytest.warns(UndefinedMetricWarning):
        assert math.isnan(roc_auc_score(y, scores))
    assert math.isnan(reference("roc_auc").roc_auc(y, scores))
    assert math.isnan(reference("roc_auc").roc_auc(1 - y, scores))


# precision, recall, F1 ----------------------------------------------------------------------------

@pytest.mark.parametrize("num_classes, extra", [(1, 0), (2, 0), (4, 0), (6, 3)])
@pytest.mark.parametrize("seed", range(4))
def test_precision_recall_f1_matches_sklearn(num_classes: int, extra: int, seed: int) -> None:
    """EXTRA classes appear in neither array; zero_division=0 is the statement's rule."""
    rng = np.random.default_rng(seed)
    y_true = rng.integers(0, num_classes, size=40)
    y_pred = np.where(rng.random(40) < 0.5, y_true, rng.integers(0, num_classes, size=40))
    y_pred[y_pred == num_classes - 1] = 0  # the last class is never predicted
    labels = list(range(num_classes + extra))
    ours = reference("precision_recall_f1").precision_recall_f1(y_true, y_pred, num_classes + extra)
    per_class = precision_recall_fscore_support(y_true, y_pred, labels=labels, zero_division=0)[:3]
    averaged = [precision_recall_fscore_support(y_true, y_pred, labels=labels, average=average, zero_division=0)[:3]
                for average in ("macro", "micro")]
    for got, want in zip(ours, [*per_class, *averaged], strict=True):
        np.testing.assert_allclose(got, want, rtol=1e-12, atol=1e-15)


# LSTM cell ----------------------------------------------------------------------------------------

@pytest.mark.parametrize("batch, inputs, hidden", [(1, 1, 1), (3, 5, 4), (8, 16, 32)])
@pytest.mark.parametrize("scale", [1.0, 30.0])
def test_lstm_cell_matches_torch(batch: int, inputs: int, hidden: int, scale: float) -> None:
    """torch.nn.LSTMCell in float64 with the same parameters; SCALE 30 saturates most gates."""
    rng = np.random.default_rng(batch * 100 + hidden)
    x, h, c = rng.normal(size=(batch, inputs)) * scale, rng.normal(size=(batch, hidden)), rng.normal(size=(batch, hidden))
    cell = torch.nn.LSTMCell(inputs, hidden, dtype=torch.float64)
    with torch.no_grad():
        for parameter in cell.parameters():
            parameter.copy_(torch.from_numpy(rng.normal(size=tuple(parameter.shape))))
        h_torch, c_torch = cell(torch.from_numpy(x), (torch.from_numpy(h), torch.from_numpy(c)))
    params = [p.detach().numpy() for p in (cell.weight_ih, cell.weight_hh, cell.bias_ih, cell.bias_hh)]
    h_new, c_new = reference("lstm_cell").lstm_cell(x, h, c, *params)
    np.testing.assert_allclose(h_new, h_torch.numpy(), rtol=1e-12, atol=1e-14)
    np.testing.assert_allclose(c_new, c_torch.numpy(), rtol=1e-12, atol=1e-14)


# beam search ---------------------------------------------------------------------------------------

def random_bigram(rng: np.random.Generator, vocabulary: int) -> np.ndarray:
    logits = rng.normal(size=(vocabulary, vocabulary)) * 2
    return logits - np.log(np.exp(logits).sum(axis=1, keepdims=True))


def exhaustive_best(log_probs: np.ndarray, bos: int, eos: int, max_len: int, alpha: float) -> tuple[list[int], float]:
    """Every sequence that ends at its first eos, or runs to max_len without one."""
    best: tuple[list[int], float] = ([], -math.inf)
    for length in range(1, max_len + 1):
        for tokens in itertools.product(range(len(log_probs)), repeat=length):
            if eos in tokens[:-1] or (length < max_len and tokens[-1] != eos):
                continue
            path = (bos, *tokens)
            total = sum(float(log_probs[a, b]) for a, b in itertools.pairwise(path))
            if total / length**alpha > best[1]:
                best = (list(tokens), total / length**alpha)
    return best


@pytest.mark.parametrize("alpha", [0.0, 1.0, 2.0])
@pytest.mark.parametrize("seed", range(4))
def test_beam_search_without_pruning_is_exhaustive_search(alpha: float, seed: int) -> None:
    rng = np.random.default_rng(seed)
    log_probs = random_bigram(rng, 4)
    tokens, score = reference("beam_search").beam_search(log_probs, 0, 3, 4**4, 4, alpha)
    want_tokens, want_score = exhaustive_best(log_probs, 0, 3, 4, alpha)
    assert tokens == want_tokens and score == pytest.approx(want_score, rel=1e-12)


def beam_by_arrays(log_probs: np.ndarray, bos: int, eos: int, width: int, max_len: int,
                   alpha: float) -> tuple[list[int], float]:
    """The statement's search on arrays: candidate (rank, token) pairs ordered by np.lexsort."""
    tokens, totals = np.zeros((1, 0), dtype=np.int64), np.zeros(1)
    finished: list[tuple[list[int], float]] = []
    for _ in range(max_len):
        last = tokens[:, -1] if tokens.shape[1] else np.full(len(totals), bos)
        scores = totals[:, None] + log_probs[last]  # (beam, V)
        rank, token = np.divmod(np.arange(scores.size), scores.shape[1])
        order = np.lexsort((token, rank, -scores.reshape(-1)))[:width]
        grown = np.hstack([tokens[rank[order]], token[order, None]])
        grown_totals = scores.reshape(-1)[order]
        ended = token[order] == eos
        finished += [(row.tolist(), float(total)) for row, total in zip(grown[ended], grown_totals[ended], strict=True)]
        tokens, totals = grown[~ended], grown_totals[~ended]
        if not len(totals):
            break
    finished += [(row.tolist(), float(total)) for row, total in zip(tokens, totals, strict=True)]
    scored = [total / len(row) ** alpha for row, total in finished]
    best = int(np.argmax(scored))  # the first of equal maxima
    return finished[best][0], scored[best]


@pytest.mark.parametrize("width", [1, 2, 3, 7])
@pytest.mark.parametrize("seed", range(4))
def test_beam_search_matches_an_array_formulation(width: int, seed: int) -> None:
    rng = np.random.default_rng(seed)
    log_probs = random_bigram(rng, 6)
    uniform = np.full((4, 4), np.log(0.25))  # every candidate and every score ties
    for table, eos in ((log_probs, 5), (uniform, 3)):
        for alpha in (0.0, 0.7, 1.0):
            ours = reference("beam_search").beam_search(table, 1, eos, width, 6, alpha)
            want = beam_by_arrays(table, 1, eos, width, 6, alpha)
            assert ours[0] == want[0] and ours[1] == pytest.approx(want[1], rel=1e-12)
