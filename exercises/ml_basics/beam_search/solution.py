"""Beam search with a length penalty — see README.md for the full statement."""

import numpy as np


def beam_search(
    log_probs: np.ndarray, bos: int, eos: int, beam_width: int, max_len: int, length_penalty: float = 1.0
) -> tuple[list[int], float]:
    """Return (tokens, score) of the best finished hypothesis; score = log-prob / len**length_penalty."""
    raise NotImplementedError
