"""The references of the model exercises of ml_basics (linear models, gradients of classifiers and
of a small network, an optimizer, a learning-rate schedule) agree with an independent
implementation on random seeded inputs: scikit-learn, torch autograd, torch.optim and
torch.optim.lr_scheduler."""

from __future__ import annotations

from pathlib import Path
from types import ModuleType

import numpy as np
import pytest
from sklearn.linear_model import LinearRegression, Ridge

from grader.cases import load_module

ML_BASICS = Path(__file__).resolve().parent.parent / "exercises" / "ml_basics"


def reference(name: str) -> ModuleType:
    return load_module(ML_BASICS / name / "private" / "reference.py", f"_reference_{name}")


@pytest.mark.parametrize("n, d, lam", [(30, 4, 0.0), (30, 4, 0.3), (30, 4, 25.0), (12, 1, 0.0), (12, 1, 2.0),
                                        (5, 9, 0.3), (5, 9, 25.0)])
@pytest.mark.parametrize("seed", range(2))
def test_ridge_matches_sklearn(n: int, d: int, lam: float, seed: int) -> None:
    rng = np.random.default_rng(seed)
    X = rng.normal(size=(n, d)) * 2 + rng.normal(size=d) * 10
    y = X @ rng.normal(size=d) - 7.0 + rng.normal(size=n)
    w, b = reference("ridge_regression").ridge_regression(X, y, lam)
    model = LinearRegression() if lam == 0.0 else Ridge(alpha=lam, solver="svd")
    model.fit(X, y)
    np.testing.assert_allclose(w, model.coef_, rtol=1e-9, atol=1e-10)
    assert b == pytest.approx(model.intercept_, rel=1e-9, abs=1e-10)
