"""Cases for one LSTM step: random parameters of PyTorch's initial scale and larger, a zero state,
both biases different, pre-activations up to about ±800, cell states of both signs, sizes of 1
and a larger batch."""

import numpy as np

from grader.authoring import Case


def _params(rng, i, h, scale=None):
    scale = 1 / np.sqrt(h) if scale is None else scale
    return [rng.uniform(-scale, scale, size=shape) for shape in ((4 * h, i), (4 * h, h), (4 * h,), (4 * h,))]


def _state(rng, b, i, h, scale=1.0):
    return [rng.normal(size=(b, i)) * scale, rng.normal(size=(b, h)) * 0.5, rng.normal(size=(b, h)) * 2]


def visible(rng):
    return [
        Case("batch 2, input 3, hidden 4", _state(rng, 2, 3, 4) + _params(rng, 3, 4, 0.8)),
        Case("zero initial state", [rng.normal(size=(3, 2)), np.zeros((3, 5)), np.zeros((3, 5))] + _params(rng, 2, 5, 1.0)),
        Case("one unit, one input, one sample", _state(rng, 1, 1, 1) + _params(rng, 1, 1, 1.5)),
    ]


def hidden(rng):
    big_W = _params(rng, 4, 3, 1.0)
    big_W[0] = big_W[0] * 60.0
    big_W[2] = np.concatenate([np.full(3, 400.0), np.full(3, -300.0), np.zeros(3), np.full(3, 350.0)])
    x_big = np.vstack([np.full(4, 3.0), np.full(4, -3.0), rng.normal(size=4) * 3])
    zero_ih = _params(rng, 3, 4)
    zero_ih[2] = np.zeros(16)
    zero_ih[3] = rng.normal(size=16) * 2
    return [
        Case("batch 5, input 7, hidden 6", _state(rng, 5, 7, 6) + _params(rng, 7, 6, 1.0)),
        Case("PyTorch's initial scale 1/√H", _state(rng, 4, 8, 16) + _params(rng, 8, 16)),
        Case("only b_hh is nonzero", _state(rng, 3, 3, 4) + zero_ih),
        Case("pre-activations up to about ±800", [x_big, rng.normal(size=(3, 3)), rng.normal(size=(3, 3)) * 3] + big_W,
             note="e^z overflows for z > 709: the gates saturate to exactly 0 or 1"),
        Case("large pre-activations, batch 1", [x_big[1:2] * 1.2, np.ones((1, 3)), -np.ones((1, 3))] + big_W),
        Case("input size 1, hidden 8", _state(rng, 6, 1, 8) + _params(rng, 1, 8, 1.2)),
        Case("batch 64, input 128, hidden 256", _state(rng, 64, 128, 256) + _params(rng, 128, 256)),
    ]


# The statement's edge rules (README.md, `<!-- rule: … -->`) and the cases that exercise each.
RULES = {
    "gate-order": ["batch 2, input 3, hidden 4", "batch 5, input 7, hidden 6"],
    "tanh-candidate": ["batch 2, input 3, hidden 4", "zero initial state"],
    "tanh-cell-output": ["batch 2, input 3, hidden 4", "PyTorch's initial scale 1/√H"],
    "both-biases": ["only b_hh is nonzero", "batch 5, input 7, hidden 6"],
    "large-preactivations": ["pre-activations up to about ±800", "large pre-activations, batch 1"],
    "sizes-one": ["one unit, one input, one sample", "input size 1, hidden 8"],
    "inputs-unchanged": ["batch 2, input 3, hidden 4", "zero initial state"],
}
