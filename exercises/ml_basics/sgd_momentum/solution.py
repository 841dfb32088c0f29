"""SGD with momentum and Nesterov, PyTorch's convention — see README.md for the full statement."""

import numpy as np


def sgd_momentum(
    param: np.ndarray,
    grads: np.ndarray,
    lrs: np.ndarray,
    momentum: float,
    weight_decay: float = 0.0,
    nesterov: bool = False,
) -> np.ndarray:
    """Run len(lrs) steps of torch.optim.SGD (dampening 0); return the parameters after every step."""
    raise NotImplementedError
