"""The references of the model exercises of ml_basics (linear models, gradients of classifiers and
of a small network, an optimizer, a learning-rate schedule) agree with an independent
implementation on random seeded inputs: scikit-learn, torch autograd, torch.optim and
torch.optim.lr_scheduler."""

from __future__ import annotations

import functools
from collections.abc import Callable

import numpy as np
import pytest
import torch
from sklearn.linear_model import LinearRegression, Ridge
from support import bank_reference

reference = functools.partial(bank_reference, "ml_basics")


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


def autograd(loss_of: Callable[..., torch.Tensor], *arrays: np.ndarray) -> tuple[float, list[np.ndarray]]:
    """The loss torch computes from float64 copies of the arrays, and its gradient for each array."""
    tensors = [torch.tensor(a, dtype=torch.float64, requires_grad=True) for a in arrays]
    loss = loss_of(*tensors)
    loss.backward()
    return float(loss.detach()), [t.grad.numpy() for t in tensors]  # type: ignore[union-attr]


@pytest.mark.parametrize("n, d, c, reg, scale", [(8, 4, 3, 0.1, 0.5), (1, 5, 2, 0.0, 1.0), (40, 10, 7, 2.0, 0.3),
                                                  (12, 3, 5, 1e-3, 400.0)])
@pytest.mark.parametrize("seed", range(2))
def test_softmax_regression_matches_autograd(n: int, d: int, c: int, reg: float, scale: float, seed: int) -> None:
    rng = np.random.default_rng(seed)
    W, X = rng.normal(size=(d, c)) * scale, rng.normal(size=(n, d))
    y = rng.integers(0, c, size=n)
    loss, dW = reference("softmax_regression_grad").softmax_regression_grad(W, X, y, reg)
    labels = torch.from_numpy(y)
    expected, (grad,) = autograd(
        lambda w: torch.nn.functional.cross_entropy(torch.from_numpy(X) @ w, labels) + reg * (w * w).sum(), W)
    assert np.isfinite(loss)
    assert loss == pytest.approx(expected, rel=1e-10, abs=1e-12)
    np.testing.assert_allclose(dW, grad, rtol=1e-9, atol=1e-12)


@pytest.mark.parametrize("n, d, c, reg", [(10, 4, 3, 0.1), (1, 5, 4, 0.0), (50, 8, 10, 1.5)])
@pytest.mark.parametrize("seed", range(2))
def test_svm_hinge_matches_multi_margin_loss(n: int, d: int, c: int, reg: float, seed: int) -> None:
    rng = np.random.default_rng(seed)
    W, X = rng.normal(size=(d, c)) * 2, rng.normal(size=(n, d))
    y = rng.integers(0, c, size=n)
    loss, dW = reference("svm_hinge_grad").svm_hinge_grad(W, X, y, reg)
    labels = torch.from_numpy(y)
    # torch divides each sample's sum over j ≠ y by C; the statement does not.
    expected, (grad,) = autograd(
        lambda w: c * torch.nn.functional.multi_margin_loss(torch.from_numpy(X) @ w, labels) + reg * (w * w).sum(), W)
    assert loss == pytest.approx(expected, rel=1e-10, abs=1e-12)
    np.testing.assert_allclose(dW, grad, rtol=1e-9, atol=1e-12)


@pytest.mark.parametrize("seed", range(3))
def test_svm_hinge_zero_margins_match_relu_subgradient(seed: int) -> None:
    """Integer scores put margins exactly at the kink, where torch.relu's subgradient is 0."""
    rng = np.random.default_rng(seed)
    W = rng.integers(-2, 3, size=(4, 5)).astype(np.float64)
    X = rng.integers(-2, 3, size=(30, 4)).astype(np.float64)
    y = rng.integers(0, 5, size=30)
    loss, dW = reference("svm_hinge_grad").svm_hinge_grad(W, X, y, 0.0)
    others = torch.from_numpy(np.arange(5)[None, :] != y[:, None])

    def hinge(w: torch.Tensor) -> torch.Tensor:
        scores = torch.from_numpy(X) @ w
        margins = scores - scores.gather(1, torch.from_numpy(y)[:, None]) + 1
        assert bool(((margins == 0) & others).any())
        return (torch.relu(margins) * others).sum() / len(y)

    expected, (grad,) = autograd(hinge, W)
    assert loss == pytest.approx(expected, rel=1e-12)
    np.testing.assert_allclose(dW, grad, rtol=1e-12, atol=1e-14)


@pytest.mark.parametrize("n, d, h, c, out_scale", [(6, 4, 5, 3, 1.0), (1, 3, 4, 2, 1.0), (40, 10, 16, 5, 0.5),
                                                    (10, 5, 6, 4, 400.0)])
@pytest.mark.parametrize("seed", range(2))
def test_two_layer_mlp_matches_autograd(n: int, d: int, h: int, c: int, out_scale: float, seed: int) -> None:
    rng = np.random.default_rng(seed)
    X, y = rng.normal(size=(n, d)), rng.integers(0, c, size=n)
    W1, b1 = rng.normal(size=(d, h)), rng.normal(size=h) * 0.5
    W2, b2 = rng.normal(size=(h, c)) * out_scale, rng.normal(size=c) * 0.5
    W1[:, 0], b1[0] = 0.0, 0.0  # a unit at exactly 0, where torch.relu's gradient is 0
    ours = reference("two_layer_mlp").two_layer_mlp(X, y, W1, b1, W2, b2)
    labels = torch.from_numpy(y)

    def loss_of(w1: torch.Tensor, c1: torch.Tensor, w2: torch.Tensor, c2: torch.Tensor) -> torch.Tensor:
        scores = torch.relu(torch.from_numpy(X) @ w1 + c1) @ w2 + c2
        return torch.nn.functional.cross_entropy(scores, labels)

    expected, grads = autograd(loss_of, W1, b1, W2, b2)
    assert ours[0] == pytest.approx(expected, rel=1e-10, abs=1e-12)
    for got, grad in zip(ours[1:], grads, strict=True):
        np.testing.assert_allclose(got, grad, rtol=1e-9, atol=1e-12)


@pytest.mark.parametrize("momentum, weight_decay, nesterov", [(0.9, 0.0, False), (0.9, 0.1, False), (0.8, 0.0, True),
                                                             (0.7, 0.05, True), (0.0, 0.01, False)])
@pytest.mark.parametrize("seed", range(2))
def test_sgd_momentum_matches_torch_optim(momentum: float, weight_decay: float, nesterov: bool, seed: int) -> None:
    rng = np.random.default_rng(seed)
    steps = 15
    param, grads = rng.normal(size=(3, 2)) + 2, rng.normal(size=(steps, 3, 2))
    lrs = 0.2 * 0.5 ** (np.arange(steps) // 4) * rng.uniform(0.5, 1.5, size=steps)  # changes at every step
    ours = reference("sgd_momentum").sgd_momentum(param, grads, lrs, momentum, weight_decay=weight_decay,
                                                   nesterov=nesterov)
    tensor = torch.tensor(param, requires_grad=True)
    optimizer = torch.optim.SGD([tensor], lr=0.1, momentum=momentum, weight_decay=weight_decay, nesterov=nesterov)
    for t in range(steps):
        optimizer.param_groups[0]["lr"] = float(lrs[t])
        tensor.grad = torch.from_numpy(grads[t].copy())
        optimizer.step()
        np.testing.assert_allclose(ours[t], tensor.detach().numpy(), rtol=1e-12, atol=1e-14)


def torch_warmup_cosine(base_lr: float, min_lr: float, warmup: int, total: int) -> np.ndarray:
    """The learning rates torch's schedulers give: LinearLR from base/W to base over the W warm-up
    steps, then CosineAnnealingLR over the T − W others, chained by SequentialLR."""
    optimizer = torch.optim.SGD([torch.zeros(1, requires_grad=True)], lr=base_lr)
    phases: list[torch.optim.lr_scheduler.LRScheduler] = []
    if warmup > 0:
        phases.append(torch.optim.lr_scheduler.LinearLR(optimizer, start_factor=1 / warmup, end_factor=1.0,
                                                        total_iters=warmup - 1))
    if total > warmup:
        phases.append(torch.optim.lr_scheduler.CosineAnnealingLR(optimizer, T_max=total - warmup, eta_min=min_lr))
    scheduler = (phases[0] if len(phases) == 1
                 else torch.optim.lr_scheduler.SequentialLR(optimizer, phases, milestones=[warmup]))
    lrs = []
    for _ in range(total):
        lrs.append(optimizer.param_groups[0]["lr"])
        optimizer.step()
        scheduler.step()
    return np.array(lrs)


@pytest.mark.parametrize("base_lr, min_lr, warmup, total", [(0.01, 1e-4, 5, 20), (1.0, 0.1, 0, 8), (0.5, 0.05, 4, 4),
                                                            (0.2, 0.0, 1, 12), (0.3, 0.1, 3, 4), (6e-4, 6e-5, 50, 400),
                                                            (0.1, 0.01, 0, 1)])
def test_warmup_cosine_matches_torch_schedulers(base_lr: float, min_lr: float, warmup: int, total: int) -> None:
    ours = reference("warmup_cosine_schedule").warmup_cosine_schedule(base_lr, min_lr, warmup, total)
    np.testing.assert_allclose(ours, torch_warmup_cosine(base_lr, min_lr, warmup, total), rtol=1e-12, atol=1e-15)


@pytest.mark.parametrize("vocab, dim, k, scale", [(10, 4, 5, 1.0), (6, 8, 20, 1.0), (5, 3, 1, 0.5), (30, 50, 10, 0.3),
                                                  (12, 10, 6, 1.6)])
@pytest.mark.parametrize("seed", range(2))
def test_skipgram_negative_sampling_matches_autograd(vocab: int, dim: int, k: int, scale: float, seed: int) -> None:
    rng = np.random.default_rng(seed)
    center, vectors = rng.normal(size=dim) * scale, rng.normal(size=(vocab, dim)) * scale
    outside = int(rng.integers(vocab))
    negatives = rng.integers(0, vocab, size=k)
    if k > 2:
        negatives[:2] = [outside, negatives[2]]  # the outside word among the negatives, and a repeat
    loss, grad_center, grad_outside = reference("skipgram_negative_sampling").skipgram_negative_sampling(
        center, outside, vectors, negatives)
    index = torch.from_numpy(negatives)

    def loss_of(v: torch.Tensor, u: torch.Tensor) -> torch.Tensor:
        logsigmoid = torch.nn.functional.logsigmoid
        return -logsigmoid(u[outside] @ v) - logsigmoid(-(u[index] @ v)).sum()

    expected, (grad_v, grad_u) = autograd(loss_of, center, vectors)
    assert loss == pytest.approx(expected, rel=1e-10, abs=1e-12)
    np.testing.assert_allclose(grad_center, grad_v, rtol=1e-9, atol=1e-12)
    np.testing.assert_allclose(grad_outside, grad_u, rtol=1e-9, atol=1e-12)
