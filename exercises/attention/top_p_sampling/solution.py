"""Temperature, top-k and top-p sampling with a given draw — see README.md for the full statement."""

import numpy as np


def sample_token(
    logits: np.ndarray,
    u: np.ndarray,
    temperature: float = 1.0,
    top_k: int | None = None,
    top_p: float | None = None,
) -> tuple[np.ndarray, np.ndarray]:
    """Return (probs, tokens): the filtered distribution of each row and the token the draw u picks."""
    raise NotImplementedError
