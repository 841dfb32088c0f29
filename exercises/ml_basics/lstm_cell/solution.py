"""One LSTM cell step — see README.md for the full statement."""

import numpy as np


def lstm_cell(
    x: np.ndarray, h: np.ndarray, c: np.ndarray,
    W_ih: np.ndarray, W_hh: np.ndarray, b_ih: np.ndarray, b_hh: np.ndarray,
) -> tuple[np.ndarray, np.ndarray]:
    """Return (h_new, c_new) of one LSTM step, gates in PyTorch's order i, f, g, o."""
    raise NotImplementedError
