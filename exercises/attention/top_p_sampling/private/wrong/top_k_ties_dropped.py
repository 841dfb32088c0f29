"""Wrong: top-k keeps exactly k indices (argsort), dropping tokens tied with the k-th value."""

import numpy as np


def sample_token(logits, u, temperature=1.0, top_k=None, top_p=None):
    batch, vocab = logits.shape
    if temperature == 0:
        probs = np.eye(vocab)[np.argmax(logits, axis=1)]
        return probs, np.argmax(logits, axis=1)
    z = logits / temperature
    if top_k is not None and top_k < vocab:
        top = np.argsort(-z, axis=1, kind="stable")[:, :top_k]
        keep = np.zeros(z.shape, dtype=bool)
        np.put_along_axis(keep, top, True, axis=1)
        z = np.where(keep, z, -np.inf)
    probs = np.exp(z - z.max(axis=1, keepdims=True))
    probs /= probs.sum(axis=1, keepdims=True)
    if top_p is not None:
        order = np.argsort(-probs, axis=1, kind="stable")
        ranked = np.take_along_axis(probs, order, axis=1)
        inside = np.zeros(z.shape, dtype=bool)
        np.put_along_axis(inside, order, np.cumsum(ranked, axis=1) - ranked < top_p, axis=1)
        probs = np.where(inside, probs, 0.0)
        probs /= probs.sum(axis=1, keepdims=True)
    return probs, (np.cumsum(probs, axis=1) <= u[:, None]).sum(axis=1)
