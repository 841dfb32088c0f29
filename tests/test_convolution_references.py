"""The references of the convolution exercises added by the bank issue agree with torch (its
functional ops, and autograd for the backward passes) on random seeded inputs, strides and paddings."""

from __future__ import annotations

import functools

import numpy as np
import pytest
import torch
import torch.nn.functional as F
from support import bank_reference

reference = functools.partial(bank_reference, "convolution")


def tensor(array: np.ndarray | None) -> torch.Tensor | None:
    return None if array is None else torch.from_numpy(np.ascontiguousarray(array))


TRANSPOSED = [  # (C_in, C_out, (H, W), (kH, kW), stride, padding, output_padding, bias)
    (2, 3, (4, 5), (3, 3), 1, 0, 0, True),
    (3, 2, (5, 4), (3, 2), (2, 3), (1, 0), (1, 2), True),
    (2, 2, (3, 3), (2, 2), 3, 1, 2, False),
    (2, 4, (4, 4), (4, 4), 2, 3, 1, True),
    (1, 2, (3, 3), (1, 1), 2, 0, 1, True),
    (4, 3, (6, 5), (5, 3), (3, 1), (2, 2), (2, 0), False),
]


@pytest.mark.parametrize("c_in, c_out, size, kernel, stride, padding, output_padding, bias", TRANSPOSED)
@pytest.mark.parametrize("seed", range(2))
def test_conv_transpose2d_matches_torch(
    c_in: int, c_out: int, size: tuple[int, int], kernel: tuple[int, int], stride: object, padding: object,
    output_padding: object, bias: bool, seed: int,
) -> None:
    rng = np.random.default_rng(seed)
    x = rng.normal(size=(3, c_in, *size))
    w = rng.normal(size=(c_in, c_out, *kernel))
    b = rng.normal(size=c_out) if bias else None
    ours = reference("conv_transpose2d").conv_transpose2d(x, w, b, stride, padding, output_padding)
    theirs = F.conv_transpose2d(tensor(x), tensor(w), tensor(b), stride, padding, output_padding).numpy()  # type: ignore[arg-type]
    assert ours.shape == theirs.shape
    np.testing.assert_allclose(ours, theirs, rtol=1e-10, atol=1e-12)


SEPARABLE = [  # (C, M, C_out, (H, W), (kH, kW), stride, padding, depthwise bias, pointwise bias)
    (3, 1, 4, (6, 7), (3, 3), 1, 1, True, True),
    (3, 2, 5, (7, 6), (3, 2), (2, 1), (1, 2), True, False),
    (2, 3, 3, (9, 10), (4, 4), 3, 2, False, True),
    (4, 2, 2, (5, 5), (1, 1), 2, 0, False, False),
    (1, 4, 3, (6, 5), (2, 3), 1, (0, 1), True, True),
]


@pytest.mark.parametrize("c, m, c_out, size, kernel, stride, padding, b_depth, b_point", SEPARABLE)
@pytest.mark.parametrize("seed", range(2))
def test_depthwise_separable_matches_two_torch_convolutions(
    c: int, m: int, c_out: int, size: tuple[int, int], kernel: tuple[int, int], stride: object, padding: object,
    b_depth: bool, b_point: bool, seed: int,
) -> None:
    rng = np.random.default_rng(seed)
    x = rng.normal(size=(2, c, *size))
    w_depth, w_point = rng.normal(size=(c * m, 1, *kernel)), rng.normal(size=(c_out, c * m, 1, 1))
    bd = rng.normal(size=c * m) if b_depth else None
    bp = rng.normal(size=c_out) if b_point else None
    ours = reference("depthwise_separable").depthwise_separable(x, w_depth, bd, w_point, bp, stride, padding)
    mid = F.conv2d(tensor(x), tensor(w_depth), tensor(bd), stride, padding, groups=c)  # type: ignore[arg-type]
    theirs = F.conv2d(mid, tensor(w_point), tensor(bp)).numpy()  # type: ignore[arg-type]
    assert ours.shape == theirs.shape
    np.testing.assert_allclose(ours, theirs, rtol=1e-10, atol=1e-12)


IM2COL = [  # (C, C_out, (H, W), (kH, kW), stride, padding, bias)
    (3, 4, (5, 6), (3, 3), 1, 0, True),
    (2, 3, (7, 7), (3, 3), 2, 1, False),
    (2, 2, (6, 9), (2, 3), (2, 3), (1, 0), True),
    (4, 3, (11, 10), (4, 4), 3, 2, True),
    (3, 1, (5, 6), (1, 1), 2, 0, False),
]


@pytest.mark.parametrize("c, c_out, size, kernel, stride, padding, bias", IM2COL)
@pytest.mark.parametrize("seed", range(2))
def test_im2col_matches_torch_unfold_and_conv2d(
    c: int, c_out: int, size: tuple[int, int], kernel: tuple[int, int], stride: object, padding: object,
    bias: bool, seed: int,
) -> None:
    rng = np.random.default_rng(seed)
    x, w = rng.normal(size=(3, c, *size)), rng.normal(size=(c_out, c, *kernel))
    b = rng.normal(size=c_out) if bias else None
    cols, out = reference("im2col_conv2d").im2col_conv2d(x, w, b, stride, padding)
    unfolded = F.unfold(tensor(x), kernel, padding=padding, stride=stride).numpy()  # type: ignore[arg-type]
    # torch's unfold is (N, C·kH·kW, L) with the same C-major rows: batch-major columns are its transpose
    np.testing.assert_array_equal(cols, unfolded.transpose(1, 0, 2).reshape(cols.shape))
    assert cols.shape == (c * kernel[0] * kernel[1], unfolded.shape[0] * unfolded.shape[2])
    theirs = F.conv2d(tensor(x), tensor(w), tensor(b), stride, padding).numpy()  # type: ignore[arg-type]
    assert out.shape == theirs.shape
    np.testing.assert_allclose(out, theirs, rtol=1e-10, atol=1e-12)


POOLS = [  # ((H, W), kernel_size, stride, padding, dilation)
    ((6, 7), 3, 2, 1, 1),
    ((7, 9), (2, 3), (1, 2), (1, 1), (2, 1)),
    ((5, 5), 3, 1, 1, 1),
    ((8, 8), 2, None, 0, 2),
    ((9, 8), 2, 2, 1, 3),
    ((7, 10), (3, 4), (2, 3), (1, 2), 1),
]


@pytest.mark.parametrize("size, kernel_size, stride, padding, dilation", POOLS)
@pytest.mark.parametrize("values", ["normal", "ties", "negative"])
def test_max_pool2d_backward_matches_torch_autograd(
    size: tuple[int, int], kernel_size: object, stride: object, padding: object, dilation: object, values: str,
) -> None:
    rng = np.random.default_rng(len(values))
    shape = (2, 3, *size)
    x = {
        "normal": rng.normal(size=shape),
        "ties": rng.integers(0, 3, size=shape).astype(np.float64),  # many tied maxima per window
        "negative": -np.abs(rng.normal(size=shape)) - 0.1,  # a padded zero would win every border window
    }[values]
    xt = torch.from_numpy(x).requires_grad_()
    out = F.max_pool2d(xt, kernel_size, stride, padding, dilation)  # type: ignore[arg-type]
    dout = rng.normal(size=tuple(out.shape))
    out.backward(torch.from_numpy(dout))
    assert xt.grad is not None
    ours = reference("max_pool2d_backward").max_pool2d_backward(x, dout, kernel_size, stride, padding, dilation)
    np.testing.assert_allclose(ours, xt.grad.numpy(), rtol=1e-12, atol=1e-12)


@pytest.mark.parametrize("shape, eps", [
    ((4, 3, 5, 6), 1e-5), ((2, 2, 2, 3), 1e-5), ((1, 3, 4, 5), 0.1), ((6, 3, 1, 1), 1e-3), ((3, 4, 3, 3), 0.5),
])
@pytest.mark.parametrize("seed", range(2))
def test_batch_norm_backward_matches_torch_autograd(shape: tuple[int, int, int, int], eps: float, seed: int) -> None:
    rng = np.random.default_rng(seed)
    x = rng.normal(size=shape) * rng.uniform(0.5, 3.0, size=(1, shape[1], 1, 1)) + 1.5
    x[:, 0] = -0.75 if seed else x[:, 0]  # a constant channel: variance 0
    gamma, beta, dout = rng.normal(size=shape[1]) + 1.0, rng.normal(size=shape[1]), rng.normal(size=shape)
    xt, gt, bt = (torch.from_numpy(a).requires_grad_() for a in (x, gamma, beta))
    F.batch_norm(xt, None, None, gt, bt, training=True, eps=eps).backward(torch.from_numpy(dout))
    dx, dgamma, dbeta = reference("batch_norm_backward").batch_norm_backward(x, gamma, dout, eps)
    for ours, grad in ((dx, xt.grad), (dgamma, gt.grad), (dbeta, bt.grad)):
        assert grad is not None
        np.testing.assert_allclose(ours, grad.numpy(), rtol=1e-9, atol=1e-11)
