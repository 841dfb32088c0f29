"""The references of the attention exercises added by the bank issue agree with an independent
implementation (torch where it has one, an explicit per-position loop otherwise) on random inputs."""

from __future__ import annotations

from pathlib import Path
from types import ModuleType

import numpy as np
import pytest
import torch
import torch.nn.functional as F

from grader.cases import load_module

ATTENTION = Path(__file__).resolve().parent.parent / "exercises" / "attention"


def reference(name: str) -> ModuleType:
    return load_module(ATTENTION / name / "private" / "reference.py", f"_reference_{name}")


def sdpa(q: np.ndarray, k: np.ndarray, v: np.ndarray, **kwargs: object) -> np.ndarray:
    """torch's scaled_dot_product_attention in float64 (math backend on the CPU)."""
    tensors = [torch.from_numpy(np.ascontiguousarray(x)) for x in (q, k, v)]
    extra = {key: torch.from_numpy(value) if isinstance(value, np.ndarray) else value for key, value in kwargs.items()}
    return F.scaled_dot_product_attention(*tensors, **extra).numpy()  # type: ignore[arg-type]


@pytest.mark.parametrize("num_q, num_kv", [(8, 2), (6, 3), (4, 1), (3, 3)])
@pytest.mark.parametrize("seed", range(3))
def test_grouped_query_matches_torch_enable_gqa(num_q: int, num_kv: int, seed: int) -> None:
    rng = np.random.default_rng(seed)
    batch, length, source, d = 2, 5, 7, 8
    q = rng.normal(size=(batch, num_q, length, d)) * 3
    k = rng.normal(size=(batch, num_kv, source, d)) * 3
    v = rng.normal(size=(batch, num_kv, source, 4))
    mask = rng.random((batch, 1, length, source)) < 0.6
    mask[..., 0] = True  # every row keeps a key: torch's answer for an empty row is not the statement's
    gqa = reference("grouped_query").grouped_query_attention
    for kwargs in ({}, {"attn_mask": mask}, {"is_causal": True}):
        ours = gqa(q, k, v, mask=kwargs.get("attn_mask"), is_causal=bool(kwargs.get("is_causal", False)))
        np.testing.assert_allclose(ours, sdpa(q, k, v, enable_gqa=True, **kwargs), rtol=1e-10, atol=1e-12)


def test_grouped_query_fully_masked_row_is_zero() -> None:
    rng = np.random.default_rng(0)
    q, k, v = rng.normal(size=(1, 4, 3, 8)), rng.normal(size=(1, 2, 5, 8)), rng.normal(size=(1, 2, 5, 3))
    mask = np.ones((1, 1, 3, 5), dtype=bool)
    mask[..., 1, :] = False
    out = reference("grouped_query").grouped_query_attention(q, k, v, mask=mask)
    assert np.array_equal(out[:, :, 1], np.zeros((1, 4, 3)))
    assert np.isfinite(out).all()
