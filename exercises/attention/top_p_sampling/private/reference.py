"""Reference: temperature, then top-k (ties kept), then top-p (smallest prefix reaching p), then the
inverse CDF of the uniform draw in token-id order."""

import numpy as np


def _top_p(probs, top_p):
    """Keep a token when the mass ranked strictly before it (descending, ties by lower id) is < top_p."""
    order = np.argsort(-probs, kind="stable")
    rows = np.arange(len(probs))[:, None]
    ranked = probs[rows, order]
    keep = np.zeros(probs.shape, dtype=bool)
    keep[rows, order] = np.cumsum(ranked, axis=1) - ranked < top_p
    kept = np.where(keep, probs, 0.0)
    return kept / kept.sum(axis=1, keepdims=True)


def sample_token(logits, u, temperature=1.0, top_k=None, top_p=None):
    if temperature == 0:
        probs = np.eye(logits.shape[1])[np.argmax(logits, axis=1)]
    else:
        scaled = logits / temperature
        if top_k is not None:
            kth = np.sort(scaled)[:, -min(top_k, logits.shape[1]), None]
            scaled = np.where(scaled >= kth, scaled, -np.inf)
        probs = np.exp(scaled - scaled.max(axis=1, keepdims=True))
        probs = probs / probs.sum(axis=1, keepdims=True)
        if top_p is not None:
            probs = _top_p(probs, top_p)
    tokens = (np.cumsum(probs, axis=1) <= u[:, None]).sum(axis=1)
    return probs, tokens
