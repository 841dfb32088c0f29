"""Wrong: zeroes the tokens outside the nucleus but does not renormalise the rest."""

import numpy as np


def sample_token(logits, u, temperature=1.0, top_k=None, top_p=None):
    batch, vocab = logits.shape
    if temperature == 0:
        probs = np.eye(vocab)[np.argmax(logits, axis=1)]
        return probs, np.argmax(logits, axis=1)
    z = logits / temperature
    if top_k is not None and top_k < vocab:
        z = np.where(z >= np.sort(z, axis=1)[:, [-top_k]], z, -np.inf)
    probs = np.exp(z - z.max(axis=1, keepdims=True))
    probs /= probs.sum(axis=1, keepdims=True)
    if top_p is not None:
        order = np.argsort(-probs, axis=1, kind="stable")
        ranked = np.take_along_axis(probs, order, axis=1)
        inside = np.zeros(z.shape, dtype=bool)
        np.put_along_axis(inside, order, np.cumsum(ranked, axis=1) - ranked < top_p, axis=1)
        probs = np.where(inside, probs, 0.0)
    cdf = np.cumsum(probs, axis=1)
    last = vocab - 1 - np.argmax(probs[:, ::-1] > 0, axis=1)
    return probs, np.minimum((cdf <= u[:, None]).sum(axis=1), last)
