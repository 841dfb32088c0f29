"""Cases for the sinusoidal encoding: positions from 0 and from an offset, unsorted and repeated
positions, odd widths, another base, and large positions."""

import numpy as np

from grader.authoring import Case

RULES = {
    "layout": ["positions 0 … 5, d_model 8", "offset positions, d_model 16"],
    "frequencies": ["positions 0 … 5, d_model 8", "offset positions, d_model 16", "unsorted positions, base 100"],
    "position-zero": ["positions 0 … 5, d_model 8", "odd width 7"],
    "positions": ["offset positions, d_model 16", "unsorted positions, base 100", "large positions, d_model 64"],
    "odd-width": ["odd width 7", "width 1"],
    "large-positions": ["large positions, d_model 64"],
    "inputs-unchanged": ["positions 0 … 5, d_model 8"],
}


def visible(rng):
    return [
        Case("positions 0 … 5, d_model 8", [np.arange(6), 8], note="row 0 is 0, 1, 0, 1, 0, 1, 0, 1"),
        Case("offset positions, d_model 16", [np.arange(40, 44), 16], note="a chunk decoded after 40 tokens"),
    ]


def hidden(rng):
    return [
        Case("odd width 7", [np.arange(5), 7]),
        Case("unsorted positions, base 100", [np.array([9, 2, 2, 30, 0, 5]), 10], {"base": 100.0}),
        Case("large positions, d_model 64", [rng.integers(0, 300_000, size=5), 64]),
        Case("width 1", [np.array([0, 1, 2, 7]), 1]),
    ]
