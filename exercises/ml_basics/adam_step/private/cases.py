"""Cases for an Adam step: the first step (t = 1, zero moments), later steps with non-zero
moments (t = 2, 5, 50), tiny and zero gradients (v̂ ≪ eps breaks eps inside the sqrt), custom
hyper-parameters and a 2-D parameter. Steps stay small so the bias correction matters."""

import numpy as np

from grader.authoring import Case


def _state(rng, shape, t, beta1=0.9, beta2=0.999, scale=1.0):
    """Moments as they would be after t − 1 steps with gradients of the given scale."""
    m, v = np.zeros(shape), np.zeros(shape)
    for _ in range(t - 1):
        g = rng.normal(size=shape) * scale
        m, v = beta1 * m + (1 - beta1) * g, beta2 * v + (1 - beta2) * g**2
    return [rng.normal(size=shape), rng.normal(size=shape) * scale, m, v]


def visible(rng):
    param, grad, m, v = _state(rng, (5,), 1)
    return [
        Case("first step", [param, grad, m, v, 1], note="m = v = 0, t = 1"),
        Case("step 2", _state(rng, (5,), 2) + [2]),
    ]


def hidden(rng):
    tiny = _state(rng, (6,), 3, scale=1e-6)
    tiny[1][[1, 4]] = 0.0
    zero_first = _state(rng, (4,), 1, scale=1e-6)
    zero_first[1][2] = 0.0
    return [
        Case("step 5, 2-D parameter", _state(rng, (3, 4), 5) + [5]),
        Case("step 50", _state(rng, (7,), 50) + [50]),
        Case("tiny gradients", tiny + [3], note="v̂ ≪ eps"),
        Case("first step, tiny and zero gradients", zero_first + [1]),
        Case("custom hyper-parameters", _state(rng, (6,), 4, beta1=0.8, beta2=0.99) + [4],
             {"lr": 0.05, "beta1": 0.8, "beta2": 0.99, "eps": 1e-6}),
    ]


# The statement's edge rules (README.md, `<!-- rule: … -->`) and the cases that exercise each.
RULES = {
    't-starts-at-one': ['first step', 'first step, tiny and zero gradients'],
    'eps-outside-sqrt': ['tiny gradients', 'first step, tiny and zero gradients'],
    'raw-moments': ['step 2', 'step 5, 2-D parameter', 'step 50'],
    'inputs-unchanged': ['first step', 'step 2', 'step 5, 2-D parameter'],
}
