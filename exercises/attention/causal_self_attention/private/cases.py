"""Cases for the causal self-attention module: random float64 weights loaded by name, an input
and an upstream gradient; several head counts, L = 1, and d_head = 1."""

import numpy as np

from grader.authoring import Case

PROJECTIONS = ("q_proj", "k_proj", "v_proj", "o_proj")


def _case(rng, name, batch, length, d_model, num_heads, scale=1.0, note=""):
    state = {}
    for projection in PROJECTIONS:
        state[f"{projection}.weight"] = rng.normal(size=(d_model, d_model)) / np.sqrt(d_model) * scale
        state[f"{projection}.bias"] = rng.normal(size=d_model) * 0.1
    return Case(name, kwargs={
        "init": {"d_model": d_model, "num_heads": num_heads},
        "state": state,
        "inputs": {"x": rng.normal(size=(batch, length, d_model))},
        "grad_output": rng.normal(size=(batch, length, d_model)),
    }, note=note)


def visible(rng):
    return [
        _case(rng, "2 heads", 2, 5, 8, 2, note="B=2, L=5, d_model=8"),
        _case(rng, "single query", 1, 1, 4, 2, note="L=1: attends to itself only"),
    ]


def hidden(rng):
    return [
        _case(rng, "4 heads", 2, 7, 16, 4),
        _case(rng, "d_head = 1", 1, 6, 6, 6),
        _case(rng, "single head, larger scores", 3, 4, 12, 1, scale=3.0),
        _case(rng, "huge scores", 2, 5, 8, 2, scale=40.0, note="scores in the thousands: exp overflows unshifted"),
    ]


# The statement's edge rules (README.md, `<!-- rule: … -->`) and the cases that exercise each.
RULES = {
    'single-query': ['single query'],
    'head-counts': ['d_head = 1', 'single head, larger scores'],
    'stable-softmax': ['huge scores'],
}
