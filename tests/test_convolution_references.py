"""The references of the convolution exercises added by the bank issue agree with torch (its
functional ops, and autograd for the backward passes) on random seeded inputs, strides and paddings."""

from __future__ import annotations

from pathlib import Path
from types import ModuleType

import numpy as np
import pytest
import torch
import torch.nn.functional as F

from grader.cases import load_module

CONVOLUTION = Path(__file__).resolve().parent.parent / "exercises" / "convolution"


def reference(name: str) -> ModuleType:
    return load_module(CONVOLUTION / name / "private" / "reference.py", f"_reference_{name}")


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
