"""Cases for conv2d: asymmetric kernels (catch flipping), strides that do not divide the input
(catch ceil), dilation 1 and 2 (catch the cs231n convention), groups with C_out/groups > 1 (catch
round-robin groups), pairs for every parameter, even and 1×1 kernels, batch > 1, no bias."""

from grader.authoring import Case


def _conv(rng, n, c_in, c_out, groups, size, kernel, bias=True):
    x = rng.normal(size=(n, c_in, *size))
    w = rng.normal(size=(c_out, c_in // groups, *kernel))
    return x, w, (rng.normal(size=c_out) if bias else None)


def visible(rng):
    x1, w1, b1 = _conv(rng, 2, 3, 4, 1, (6, 7), (3, 3))
    x2, w2, b2 = _conv(rng, 1, 2, 3, 1, (8, 9), (3, 3))
    x3, w3, _ = _conv(rng, 2, 4, 4, 2, (5, 5), (3, 2), bias=False)
    return [
        Case("3×3, stride 1, bias", [x1, w1, b1], note="x (2, 3, 6, 7), w (4, 3, 3, 3)"),
        Case("stride 2 not dividing, padding 1", [x2, w2, b2], {"stride": 2, "padding": 1},
             note="x (1, 2, 8, 9): H_out = (8 + 2 − 3) // 2 + 1 = 4"),
        Case("groups=2, no bias", [x3, w3], {"groups": 2}, note="x (2, 4, 5, 5), w (4, 2, 3, 2)"),
    ]


def hidden(rng):
    x4, w4, b4 = _conv(rng, 2, 3, 2, 1, (9, 12), (2, 4))
    x5, w5, b5 = _conv(rng, 3, 3, 3, 3, (7, 6), (1, 1))
    x6, w6, b6 = _conv(rng, 3, 2, 5, 1, (11, 10), (4, 4))
    x7, w7, _ = _conv(rng, 2, 2, 6, 2, (8, 7), (2, 3), bias=False)
    x8, w8, b8 = _conv(rng, 4, 8, 16, 4, (16, 16), (3, 3))
    return [
        Case("pairs: stride (2, 1), padding (1, 2), dilation (2, 1), even non-square kernel", [x4, w4, b4],
             {"stride": [2, 1], "padding": [1, 2], "dilation": [2, 1]}),
        Case("1×1 depthwise, stride 2", [x5, w5, b5], {"stride": 2, "groups": 3}),
        Case("even 4×4 kernel, stride 3, padding 2, batch 3", [x6, w6, b6], {"stride": 3, "padding": 2}),
        Case("grouped with channel multiplier 3, dilation 2", [x7, w7],
             {"groups": 2, "dilation": 2, "padding": [2, 1]}),
        Case("larger grouped layer", [x8, w8, b8], {"padding": 1, "groups": 4}),
    ]


# The statement's edge rules (README.md, `<!-- rule: … -->`) and the cases that exercise each.
RULES = {
    'cross-correlation': ['3×3, stride 1, bias', 'larger grouped layer'],
    'padding': [
        'stride 2 not dividing, padding 1',
        'pairs: stride (2, 1), padding (1, 2), dilation (2, 1), even non-square kernel',
    ],
    'output-rounds-down': ['stride 2 not dividing, padding 1', 'even 4×4 kernel, stride 3, padding 2, batch 3'],
    'dilation': [
        'pairs: stride (2, 1), padding (1, 2), dilation (2, 1), even non-square kernel',
        'grouped with channel multiplier 3, dilation 2',
    ],
    'groups': [
        'groups=2, no bias',
        'grouped with channel multiplier 3, dilation 2',
        'larger grouped layer',
        '1×1 depthwise, stride 2',
    ],
    'no-bias-and-shapes': [
        'groups=2, no bias',
        'even 4×4 kernel, stride 3, padding 2, batch 3',
        '1×1 depthwise, stride 2',
    ],
}
