"""Cases for avg_pool2d: padding with count_include_pad both True and False (catch either rule
being ignored), default stride (catch stride 1), pairs, windows not dividing the input, 1×1
windows, even windows, batch > 1."""

import numpy as np

from grader.authoring import Case


def _args(x, kernel_size, stride=None, padding=0, count_include_pad=True):
    return [x, kernel_size], {"stride": stride, "padding": padding, "count_include_pad": count_include_pad}


def visible(rng):
    return [
        Case("2×2, default stride, no padding", *_args(rng.normal(size=(2, 3, 6, 6)), 2),
             note="stride=None means stride 2"),
        Case("3×3, stride 1, padding 1, count_include_pad=True", *_args(rng.normal(size=(1, 2, 5, 7)), 3, 1, 1),
             note="border windows divide by 9"),
        Case("3×3, stride 2, padding 1, count_include_pad=False", *_args(rng.normal(size=(2, 2, 7, 8)), 3, 2, 1, False),
             note="a corner window covers 4 real elements and divides by 4"),
    ]


def hidden(rng):
    return [
        Case("pairs: kernel (2, 3), stride (2, 1), padding (1, 1), exclude pad",
             *_args(rng.normal(size=(2, 2, 7, 9)), [2, 3], [2, 1], [1, 1], False)),
        Case("1×1 window, stride 2", *_args(rng.normal(size=(2, 2, 5, 6)), 1, 2)),
        Case("even 4×4 window, stride 3, padding 2, exclude pad",
             *_args(rng.normal(size=(1, 2, 11, 10)), 4, 3, 2, False)),
        Case("even 4×4 window, stride 3, padding 2, include pad",
             *_args(rng.normal(size=(1, 2, 11, 10)), 4, 3, 2, True)),
        Case("padding (0, 1), kernel (3, 2), default stride",
             *_args(rng.normal(size=(2, 2, 7, 6)), [3, 2], None, [0, 1])),
        Case("larger batch, 3×3, stride 2, padding 1, exclude pad",
             *_args(rng.normal(size=(8, 4, 15, 16)), 3, 2, 1, False)),
        Case("exact zeros, padding (1, 2), exclude pad",
             *_args(np.maximum(rng.normal(size=(2, 2, 6, 7)), 0.0), 3, 1, [1, 2], False),
             note="ReLU-like input with many exact zeros: real zeros count, only padding does not"),
        Case("no padding, exclude pad", *_args(rng.normal(size=(1, 3, 7, 7)), 3, 2, 0, False)),
        Case("defaults: stride, padding and count_include_pad not passed", [rng.normal(size=(2, 1, 6, 8)), [3, 2]]),
        Case("padding 1, count_include_pad not passed (True)", [rng.normal(size=(1, 2, 5, 5)), 3], {"padding": 1}),
    ]


# The statement's edge rules (README.md, `<!-- rule: … -->`) and the cases that exercise each.
RULES = {
    'padding': ['3×3, stride 1, padding 1, count_include_pad=True', 'padding (0, 1), kernel (3, 2), default stride'],
    'include-pad': [
        '3×3, stride 1, padding 1, count_include_pad=True',
        'even 4×4 window, stride 3, padding 2, include pad',
    ],
    'exclude-pad': [
        '3×3, stride 2, padding 1, count_include_pad=False',
        'exact zeros, padding (1, 2), exclude pad',
        'pairs: kernel (2, 3), stride (2, 1), padding (1, 1), exclude pad',
    ],
    'no-padding-agree': ['no padding, exclude pad', '2×2, default stride, no padding'],
    'output-rounds-down': [
        'even 4×4 window, stride 3, padding 2, exclude pad',
        'padding (0, 1), kernel (3, 2), default stride',
    ],
    'shapes': [
        'pairs: kernel (2, 3), stride (2, 1), padding (1, 1), exclude pad',
        '1×1 window, stride 2',
        'larger batch, 3×3, stride 2, padding 1, exclude pad',
    ],
}
