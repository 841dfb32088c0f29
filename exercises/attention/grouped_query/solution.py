"""Grouped-query attention — see README.md for the full statement."""

import numpy as np


def grouped_query_attention(
    q: np.ndarray,
    k: np.ndarray,
    v: np.ndarray,
    mask: np.ndarray | None = None,
    is_causal: bool = False,
) -> np.ndarray:
    """Attention where query head h uses KV head h // (Hq // Hkv); fully masked rows return zeros."""
    raise NotImplementedError
