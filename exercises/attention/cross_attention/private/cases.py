"""Cases for cross-attention: L ≠ S (and L = S, where self-attention code reused by mistake still
runs), key padding of different lengths per batch element, a fully padded element, several head
counts with d_model large enough that √d_model ≠ √d_head shows, and large scores."""

import numpy as np

from grader.authoring import Case

RULES = {
    "memory-keys": ["2 heads, L≠S", "4 heads, L = S, padding", "8 heads, L = S"],
    "padding-polarity": ["4 heads, L = S, padding", "3 heads, padding and a fully padded element"],
    "fully-padded": ["3 heads, padding and a fully padded element", "fully padded, L = S"],
    "head-scale": ["2 heads, L≠S", "8 heads, L = S", "4 heads, L = S, padding"],
    "large-scores": ["large scores, padding"],
    "inputs-unchanged": ["2 heads, L≠S"],
}


def _inputs(rng, batch, length, source, d_model, scale=1.0):
    x = rng.normal(size=(batch, length, d_model)) * scale
    memory = rng.normal(size=(batch, source, d_model)) * scale
    weights = [rng.normal(size=(d_model, d_model)) / np.sqrt(d_model) for _ in range(4)]
    return [x, memory, *weights]


def _padding(lengths, source):
    """True at the padded positions: batch element b keeps its first lengths[b] keys."""
    return np.arange(source)[None, :] >= np.array(lengths)[:, None]


def visible(rng):
    return [
        Case("2 heads, L≠S", [*_inputs(rng, 2, 3, 5, 8), 2], note="B=2, L=3 decoder steps, S=5 memory, d_model=8"),
        Case("4 heads, L = S, padding", [*_inputs(rng, 2, 6, 6, 16), 4], {"key_padding_mask": _padding([6, 4], 6)},
             note="batch element 1 keeps its first 4 keys"),
    ]


def hidden(rng):
    return [
        Case("8 heads, L = S", [*_inputs(rng, 1, 5, 5, 32), 8]),
        Case("3 heads, padding and a fully padded element", [*_inputs(rng, 3, 4, 7, 12), 3],
             {"key_padding_mask": _padding([7, 2, 0], 7)}),
        Case("fully padded, L = S", [*_inputs(rng, 2, 4, 4, 8), 1], {"key_padding_mask": _padding([0, 3], 4)}),
        Case("large scores, padding", [*_inputs(rng, 2, 5, 6, 16, scale=30.0), 2],
             {"key_padding_mask": _padding([5, 6], 6)}),
    ]
