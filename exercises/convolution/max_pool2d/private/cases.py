"""Cases for max_pool2d: integer-valued and constant inputs (many ties: catch every tie rule but
the first maximum), overlapping windows (catch overwritten gradients), negative windows (catch a
running maximum started at 0), windows not dividing the input, pairs, 1×1 windows, batch > 1."""

import numpy as np

from grader.authoring import Case


def _pool_case(rng, x, kernel_size, stride=None):
    kh, kw = (kernel_size, kernel_size) if isinstance(kernel_size, int) else kernel_size
    step = kernel_size if stride is None else stride
    sh, sw = (step, step) if isinstance(step, int) else step
    dout = rng.normal(size=x.shape[:2] + ((x.shape[2] - kh) // sh + 1, (x.shape[3] - kw) // sw + 1))
    return [x, dout], {"kernel_size": kernel_size, "stride": stride}


def _ties(rng, shape):
    return rng.integers(0, 3, size=shape).astype(np.float64)


def visible(rng):
    return [
        Case("2×2 windows, default stride", *_pool_case(rng, rng.normal(size=(2, 3, 6, 6)), 2),
             note="stride=None means stride 2; some windows are all negative"),
        Case("ties: integer-valued input, 2×2, stride 2", *_pool_case(rng, _ties(rng, (2, 2, 6, 8)), 2, 2),
             note="values in {0, 1, 2}: the gradient goes to the first maximum of each window"),
        Case("overlapping 3×3 windows, stride 1", *_pool_case(rng, rng.normal(size=(1, 2, 6, 7)), 3, 1)),
    ]


def hidden(rng):
    negative = -np.abs(rng.normal(size=(2, 2, 10, 11))) - 0.1
    return [
        Case("3×3 windows, stride 2, not dividing, with ties", *_pool_case(rng, _ties(rng, (1, 2, 7, 8)), 3, 2)),
        Case("pairs: kernel (2, 3), stride (1, 2), with ties",
             *_pool_case(rng, _ties(rng, (2, 2, 7, 9)), [2, 3], [1, 2])),
        Case("constant input, overlapping 2×2", *_pool_case(rng, np.full((1, 1, 5, 5), 0.5), 2, 1)),
        Case("1×1 window, stride 2", *_pool_case(rng, rng.normal(size=(2, 2, 5, 6)), 1, 2)),
        Case("all-negative input, 3×3, default stride, not dividing", *_pool_case(rng, negative, 3)),
        Case("larger batch, 2×2", *_pool_case(rng, rng.normal(size=(8, 4, 16, 16)), 2)),
    ]


# The statement's edge rules (README.md, `<!-- rule: … -->`) and the cases that exercise each.
RULES = {
    'ties': [
        'ties: integer-valued input, 2×2, stride 2',
        '3×3 windows, stride 2, not dividing, with ties',
        'constant input, overlapping 2×2',
    ],
    'overlapping-windows': ['overlapping 3×3 windows, stride 1', 'constant input, overlapping 2×2'],
    'not-dividing': [
        '3×3 windows, stride 2, not dividing, with ties',
        'all-negative input, 3×3, default stride, not dividing',
    ],
    'negative-values': ['2×2 windows, default stride', 'all-negative input, 3×3, default stride, not dividing'],
    'shapes': ['pairs: kernel (2, 3), stride (1, 2), with ties', '1×1 window, stride 2', 'larger batch, 2×2'],
}
