"""Cases for dropout: p = 0.5, 0.2 and 0.8 in training (p ≠ 0.5 separates 1/p from 1/(1 − p)),
eval mode (identity), p = 1 (zeros, no NaN), p = 0, and a 3-D input."""

import numpy as np

from grader.authoring import Case


def _draw(rng, shape, p):
    return rng.normal(size=shape) * 2, rng.random(shape) >= p


def visible(rng):
    x, mask = _draw(rng, (4, 6), 0.5)
    x2, mask2 = _draw(rng, (5, 3), 0.2)
    return [
        Case("training, p = 0.5", [x, mask, 0.5], note="kept values are doubled"),
        Case("training, p = 0.2", [x2, mask2, 0.2]),
        Case("eval mode", [x, mask, 0.5, False], note="x comes back unchanged"),
    ]


def hidden(rng):
    x, mask = _draw(rng, (3, 4, 5), 0.8)
    x1, _ = _draw(rng, (6, 4), 1.0)
    x0, mask0 = _draw(rng, (2, 7), 0.0)
    xe, maske = _draw(rng, (8,), 0.3)
    return [
        Case("training, p = 0.8, 3-D", [x, mask, 0.8]),
        Case("training, p = 1", [x1, np.zeros(x1.shape, dtype=bool), 1.0]),
        Case("training, p = 0", [x0, mask0, 0.0]),
        Case("eval mode, p = 0.3", [xe, maske, 0.3], {"training": False}),
        Case("training, p = 1, mask with kept entries", [x1, rng.random(x1.shape) < 0.5, 1.0],
             note="p = 1 gives zeros whatever the mask"),
        Case("training, p = 0, mask with dropped entries", [x0, rng.random(x0.shape) < 0.7, 0.0],
             note="the mask is used as given: out = x · mask"),
        Case("training, p = 0.5, mask keeps everything", [xe, np.ones(xe.shape, dtype=bool), 0.5],
             note="the mask is used as given: every value is doubled"),
    ]


# The statement's edge rules (README.md, `<!-- rule: … -->`) and the cases that exercise each.
RULES = {
    'p-one': ['training, p = 1', 'training, p = 1, mask with kept entries'],
    'p-zero': ['training, p = 0', 'training, p = 0, mask with dropped entries'],
    'mask-as-given': ['training, p = 0, mask with dropped entries', 'training, p = 0.5, mask keeps everything'],
    'inputs-unchanged': ['training, p = 0.5', 'training, p = 0.2'],
}
