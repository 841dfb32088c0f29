"""Cases for RoPE: both pair conventions, positions that start at 0 and positions that do not
(a decode offset, gaps), large positions with Llama 3's base, the single-pair head d = 2, and q and
k with different leading dimensions (GQA heads, a 2-D k)."""

import numpy as np

from grader.authoring import Case

RULES = {
    "half-split": ["half-split, positions 0 … L−1", "half-split, decode offset"],
    "interleaved": ["interleaved, offset positions", "interleaved, positions with gaps"],
    "positions": ["interleaved, offset positions", "half-split, decode offset", "interleaved, positions with gaps"],
    "large-positions": ["large positions, base 500000"],
    "d-two": ["d = 2"],
    "leading-dims": ["half-split, positions 0 … L−1", "2-D k, 3-D q"],
    "inputs-unchanged": ["half-split, positions 0 … L−1", "interleaved, offset positions"],
}


def _qk(rng, q_shape, k_shape):
    return rng.normal(size=q_shape), rng.normal(size=k_shape)


def visible(rng):
    q, k = _qk(rng, (2, 4, 5, 8), (2, 2, 5, 8))
    q2, k2 = _qk(rng, (1, 2, 3, 6), (1, 2, 3, 6))
    return [
        Case("half-split, positions 0 … L−1", [q, k, np.arange(5)], note="q (2, 4, 5, 8), k (2, 2, 5, 8)"),
        Case("interleaved, offset positions", [q2, k2, np.array([7, 8, 9])], {"interleaved": True},
             note="pairs (0, 1), (2, 3), (4, 5); the tokens sit at positions 7, 8, 9"),
    ]


def hidden(rng):
    q, k = _qk(rng, (2, 3, 4, 16), (2, 3, 4, 16))
    q2, k2 = _qk(rng, (3, 5, 8), (3, 5, 8))
    q3, k3 = _qk(rng, (1, 2, 4, 64), (1, 1, 4, 64))
    q4, k4 = _qk(rng, (2, 6, 2), (2, 6, 2))
    q5, k5 = _qk(rng, (3, 5, 10), (5, 10))
    return [
        Case("half-split, decode offset", [q, k, np.arange(100, 104)]),
        Case("interleaved, positions with gaps", [q2, k2, np.array([0, 3, 4, 9, 20])], {"interleaved": True}),
        Case("large positions, base 500000", [q3, k3, np.array([0, 1, 131071, 300000])], {"base": 500000.0}),
        Case("d = 2", [q4, k4, np.arange(2, 8)]),
        Case("2-D k, 3-D q", [q5, k5, np.array([5, 1, 2, 8, 3])], {"base": 100.0, "interleaved": False}),
    ]
