"""Wrong: maps the draw u through the cumulative sum of the probabilities sorted largest first."""

import numpy as np


def sample_token(logits, u, temperature=1.0, top_k=None, top_p=None):
    vocab = logits.shape[1]
    if temperature == 0:
        probs = np.eye(vocab)[np.argmax(logits, axis=1)]
        return probs, np.argmax(logits, axis=1)
    z = logits / temperature
    if top_k is not None and top_k < vocab:
        z = np.where(z >= np.sort(z, axis=1)[:, [-top_k]], z, -np.inf)
    probs = np.exp(z - z.max(axis=1, keepdims=True))
    probs /= probs.sum(axis=1, keepdims=True)
    order = np.argsort(-probs, axis=1, kind="stable")
    ranked = np.take_along_axis(probs, order, axis=1)
    if top_p is not None:
        ranked = np.where(np.cumsum(ranked, axis=1) - ranked < top_p, ranked, 0.0)
        ranked /= ranked.sum(axis=1, keepdims=True)
        probs = np.zeros_like(probs)
        np.put_along_axis(probs, order, ranked, axis=1)
    picked = (np.cumsum(ranked, axis=1) <= u[:, None]).sum(axis=1)
    return probs, np.take_along_axis(order, picked[:, None], axis=1)[:, 0]
