"""Cases for batch_norm_backward: H·W > 1 (catch statistics over N only), small per-channel counts
(catch the unbiased variance), a large eps (catch eps outside the square root), random upstream
gradients and a per-channel constant one (catch dx without the mean or variance paths), a
constant channel, N = 1, 1×1 images, a large offset."""

import numpy as np

from grader.authoring import Case


def _x(rng, shape, scale=2.0, offset=1.0):
    c = shape[1]
    return rng.normal(size=shape) * rng.uniform(0.5, scale, size=(1, c, 1, 1)) + offset


def _case(rng, shape, **kwargs):
    x = _x(rng, shape)
    gamma = rng.normal(size=shape[1]) + 1.0
    return [x, gamma, rng.normal(size=shape)], kwargs


def visible(rng):
    return [
        Case("(4, 3, 5, 6)", *_case(rng, (4, 3, 5, 6)), note="statistics per channel over 4·5·6 = 120 values"),
        Case("N = 2, 2×3 images", *_case(rng, (2, 2, 2, 3))),
        Case("eps = 0.1", *_case(rng, (3, 2, 2, 2), eps=0.1), note="eps is added to the variance, inside the root"),
    ]


def hidden(rng):
    constant = _case(rng, (3, 3, 2, 3), eps=1e-3)
    constant[0][0][:, 1] = -0.75
    shape = (3, 4, 3, 3)
    uniform = [_x(rng, shape), rng.normal(size=4) + 1.0, np.broadcast_to(rng.normal(size=(1, 4, 1, 1)), shape).copy()]
    large = [_x(rng, (4, 2, 3, 4), scale=50.0, offset=1000.0), rng.normal(size=2) + 1.0, rng.normal(size=(4, 2, 3, 4))]
    return [
        Case("N = 1, 4×5 image", *_case(rng, (1, 3, 4, 5))),
        Case("1×1 images, N = 6", *_case(rng, (6, 3, 1, 1))),
        Case("a constant channel, eps = 1e-3", *constant),
        Case("upstream gradient constant per channel", uniform),
        Case("large offset and scale", large),
        Case("eps = 0.5, N = 2", *_case(rng, (2, 3, 3, 2), eps=0.5)),
        Case("larger layer", *_case(rng, (8, 16, 8, 8))),
    ]


# The statement's edge rules (README.md, `<!-- rule: … -->`) and the cases that exercise each.
RULES = {
    "stats-axes": ["(4, 3, 5, 6)", "N = 1, 4×5 image", "larger layer"],
    "biased-variance": ["N = 2, 2×3 images", "eps = 0.1", "eps = 0.5, N = 2"],
    "eps-inside-sqrt": ["eps = 0.1", "eps = 0.5, N = 2"],
    "full-gradient": ["(4, 3, 5, 6)", "upstream gradient constant per channel", "large offset and scale"],
    "parameter-sums": ["(4, 3, 5, 6)", "larger layer"],
    "constant-channel": ["a constant channel, eps = 1e-3"],
    "shapes": ["N = 1, 4×5 image", "1×1 images, N = 6"],
}
