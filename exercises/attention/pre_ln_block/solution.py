"""Pre-LN transformer block forward — see README.md for the full statement."""

import numpy as np


def pre_ln_block(x: np.ndarray, params: dict[str, np.ndarray], num_heads: int, is_causal: bool = False) -> np.ndarray:
    """h = x + MHA(LN1(x)); return h + MLP(LN2(h)) with an exact-GELU MLP."""
    raise NotImplementedError
