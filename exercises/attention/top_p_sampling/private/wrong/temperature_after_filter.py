"""Wrong: chooses the top-k / top-p set on the untempered distribution, then applies the temperature."""

import numpy as np


def sample_token(logits, u, temperature=1.0, top_k=None, top_p=None):
    vocab = logits.shape[1]
    if temperature == 0:
        probs = np.eye(vocab)[np.argmax(logits, axis=1)]
        return probs, np.argmax(probs, axis=1)
    keep = np.ones(logits.shape, dtype=bool)
    if top_k is not None and top_k < vocab:
        keep &= logits >= np.sort(logits, axis=1)[:, [-top_k]]
    base = np.where(keep, np.exp(logits - logits.max(axis=1, keepdims=True)), 0.0)
    base /= base.sum(axis=1, keepdims=True)
    if top_p is not None:
        order = np.argsort(-base, axis=1, kind="stable")
        ranked = np.take_along_axis(base, order, axis=1)
        inside = np.zeros_like(keep)
        np.put_along_axis(inside, order, np.cumsum(ranked, axis=1) - ranked < top_p, axis=1)
        keep &= inside
    scaled = np.where(keep, logits / temperature, -np.inf)
    probs = np.exp(scaled - scaled.max(axis=1, keepdims=True))
    probs /= probs.sum(axis=1, keepdims=True)
    tokens = (np.cumsum(probs, axis=1) <= u[:, None]).sum(axis=1)
    return probs, tokens
