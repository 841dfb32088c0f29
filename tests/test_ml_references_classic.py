"""The references of the classic ML exercises (k-NN, decision split, naive Bayes, GMM E-step, ROC AUC,
precision/recall/F1) agree with an independent implementation: scikit-learn or scipy where one
exists, and a brute-force loop for the tie rules the library does not promise."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from types import ModuleType

import numpy as np
import pytest
from sklearn.neighbors import KNeighborsClassifier

from grader.cases import load_module

ML_BASICS = Path(__file__).resolve().parent.parent / "exercises" / "ml_basics"


def reference(name: str) -> ModuleType:
    return load_module(ML_BASICS / name / "private" / "reference.py", f"_reference_{name}")


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
