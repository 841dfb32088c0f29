"""One Adam optimizer step — see README.md for the full statement."""

import numpy as np


def adam_step(
    param: np.ndarray,
    grad: np.ndarray,
    m: np.ndarray,
    v: np.ndarray,
    t: int,
    lr: float = 1e-3,
    beta1: float = 0.9,
    beta2: float = 0.999,
    eps: float = 1e-8,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Adam with bias correction (t starts at 1, eps outside the sqrt); return (new_param, new_m, new_v)."""
    raise NotImplementedError
