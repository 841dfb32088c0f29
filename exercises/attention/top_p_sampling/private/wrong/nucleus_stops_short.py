"""Wrong: keeps tokens whose inclusive cumulative probability is ≤ top_p (plus the top one)."""

import numpy as np


def sample_token(logits, u, temperature=1.0, top_k=None, top_p=None):
    batch, vocab = logits.shape
    probs = np.zeros((batch, vocab))
    tokens = np.zeros(batch, dtype=np.int64)
    for b in range(batch):
        if temperature == 0:
            p = np.zeros(vocab)
            p[np.argmax(logits[b])] = 1.0
        else:
            z = logits[b] / temperature
            if top_k is not None and top_k < vocab:
                z = np.where(z >= np.sort(z)[-top_k], z, -np.inf)
            p = np.exp(z - z.max())
            p /= p.sum()
            if top_p is not None:
                order = np.argsort(-p, kind="stable")
                keep = np.cumsum(p[order]) <= top_p
                keep[0] = True
                mask = np.zeros(vocab, dtype=bool)
                mask[order[keep]] = True
                p = np.where(mask, p, 0.0)
                p /= p.sum()
        probs[b] = p
        tokens[b] = int(np.searchsorted(np.cumsum(p), u[b], side="right"))
    return probs, tokens
