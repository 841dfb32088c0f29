"""Cases for max_pool2d_backward: integer-valued and constant inputs (many ties: catch every tie
rule but the first maximum), overlapping windows from stride < kernel and from dilation (catch
overwritten gradients), negative values next to the padding (catch zero padding), windows not
dividing the input, pairs, 1×1 windows, default stride, batch > 1."""

import numpy as np

from grader.authoring import Case


def _pair(value):
    return (value, value) if isinstance(value, int) else tuple(value)


def _case(rng, x, kernel_size, stride=None, padding=0, dilation=1):
    (kh, kw), (ph, pw), (dh, dw) = _pair(kernel_size), _pair(padding), _pair(dilation)
    sh, sw = _pair(kernel_size if stride is None else stride)
    h_out = (x.shape[2] + 2 * ph - dh * (kh - 1) - 1) // sh + 1
    w_out = (x.shape[3] + 2 * pw - dw * (kw - 1) - 1) // sw + 1
    dout = rng.normal(size=x.shape[:2] + (h_out, w_out))
    return [x, dout], {"kernel_size": kernel_size, "stride": stride, "padding": padding, "dilation": dilation}


def _ties(rng, shape):
    return rng.integers(0, 3, size=shape).astype(np.float64)


def _negative(rng, shape):
    return -np.abs(rng.normal(size=shape)) - 0.1


def visible(rng):
    return [
        Case("2×2 windows, default stride", *_case(rng, rng.normal(size=(2, 3, 6, 6)), 2),
             note="stride=None means stride 2"),
        Case("ties: integer-valued input, 3×3, stride 2, padding 1", *_case(rng, _ties(rng, (2, 2, 7, 8)), 3, 2, 1),
             note="values in {0, 1, 2}: the gradient goes to the first maximum of each window"),
        Case("dilation 2, 2×2 windows, stride 1", *_case(rng, rng.normal(size=(1, 2, 6, 7)), 2, 1, 0, 2),
             note="taps (0, 0), (0, 2), (2, 0), (2, 2) of each window; windows overlap"),
    ]


def hidden(rng):
    return [
        Case("all-negative input, 3×3, stride 1, padding 1", *_case(rng, _negative(rng, (2, 2, 5, 6)), 3, 1, 1)),
        Case("all-negative input, pairs: kernel (3, 4), stride (2, 3), padding (1, 2)",
             *_case(rng, _negative(rng, (1, 3, 7, 9)), [3, 4], [2, 3], [1, 2])),
        Case("ties, pairs: kernel (2, 3), stride (1, 2), padding (1, 1), dilation (2, 1)",
             *_case(rng, _ties(rng, (2, 2, 7, 9)), [2, 3], [1, 2], [1, 1], [2, 1])),
        Case("constant input, overlapping 3×3, stride 1, padding 1", *_case(rng, np.full((1, 2, 5, 5), 0.5), 3, 1, 1)),
        Case("3×3 windows, stride 2, not dividing, with ties", *_case(rng, _ties(rng, (2, 2, 8, 9)), 3, 2)),
        Case("ties, dilation 3, 2×2 windows, stride 2, padding 1", *_case(rng, _ties(rng, (2, 2, 9, 8)), 2, 2, 1, 3)),
        Case("1×1 window, stride 2", *_case(rng, rng.normal(size=(2, 2, 5, 6)), 1, 2)),
        Case("larger batch, 2×2", *_case(rng, rng.normal(size=(8, 4, 16, 16)), 2)),
        Case("defaults: only kernel_size passed", _case(rng, rng.normal(size=(2, 2, 7, 6)), 3)[0], {"kernel_size": 3}),
    ]


# The statement's edge rules (README.md, `<!-- rule: … -->`) and the cases that exercise each.
RULES = {
    "ties": [
        "ties: integer-valued input, 3×3, stride 2, padding 1",
        "constant input, overlapping 3×3, stride 1, padding 1",
        "ties, pairs: kernel (2, 3), stride (1, 2), padding (1, 1), dilation (2, 1)",
    ],
    "overlapping-windows": [
        "dilation 2, 2×2 windows, stride 1",
        "constant input, overlapping 3×3, stride 1, padding 1",
        "all-negative input, 3×3, stride 1, padding 1",
    ],
    "padding": [
        "all-negative input, 3×3, stride 1, padding 1",
        "all-negative input, pairs: kernel (3, 4), stride (2, 3), padding (1, 2)",
    ],
    "dilation": ["dilation 2, 2×2 windows, stride 1", "ties, dilation 3, 2×2 windows, stride 2, padding 1"],
    "not-dividing": ["3×3 windows, stride 2, not dividing, with ties",
                     "all-negative input, pairs: kernel (3, 4), stride (2, 3), padding (1, 2)"],
    "shapes": ["2×2 windows, default stride", "1×1 window, stride 2", "larger batch, 2×2",
               "defaults: only kernel_size passed"],
}
