"""Cases for conv1d: asymmetric kernels (catch flipping), strides that do not divide the input
(catch ceil), dilation 1 and > 1 (catch the cs231n convention), padding, even and length-1
kernels, batch > 1, no bias."""

from grader.authoring import Case


def _conv(rng, n, c_in, c_out, length, kernel, bias=True):
    x = rng.normal(size=(n, c_in, length))
    w = rng.normal(size=(c_out, c_in, kernel))
    return x, w, (rng.normal(size=c_out) if bias else None)


def visible(rng):
    x1, w1, b1 = _conv(rng, 2, 3, 4, 10, 3)
    x2, w2, b2 = _conv(rng, 1, 2, 3, 12, 3)
    x3, w3, _ = _conv(rng, 2, 2, 2, 15, 3, bias=False)
    return [
        Case("K=3, stride 1, bias", [x1, w1, b1], note="x (2, 3, 10), w (4, 3, 3)"),
        Case("stride 2 not dividing, padding 1", [x2, w2, b2], {"stride": 2, "padding": 1},
             note="L_out = (12 + 2 − 3) // 2 + 1 = 6"),
        Case("dilation 2, no bias", [x3, w3], {"dilation": 2}, note="taps at offsets 0, 2, 4"),
    ]


def hidden(rng):
    x4, w4, b4 = _conv(rng, 3, 2, 3, 11, 4)
    x5, w5, b5 = _conv(rng, 2, 4, 5, 9, 1)
    x6, w6, b6 = _conv(rng, 2, 3, 2, 23, 3)
    x7, w7, b7 = _conv(rng, 4, 8, 16, 64, 5)
    return [
        Case("even kernel 4, stride 3, padding 2, batch 3", [x4, w4, b4], {"stride": 3, "padding": 2}),
        Case("K=1, stride 2", [x5, w5, b5], {"stride": 2}),
        Case("dilation 3, stride 2, padding 3", [x6, w6, b6], {"stride": 2, "padding": 3, "dilation": 3}),
        Case("larger layer, padding 2", [x7, w7, b7], {"padding": 2}),
    ]


# The statement's edge rules (README.md, `<!-- rule: … -->`) and the cases that exercise each.
RULES = {
    'cross-correlation': ['K=3, stride 1, bias', 'larger layer, padding 2'],
    'padding': ['stride 2 not dividing, padding 1', 'even kernel 4, stride 3, padding 2, batch 3'],
    'output-rounds-down': ['stride 2 not dividing, padding 1', 'even kernel 4, stride 3, padding 2, batch 3'],
    'dilation': ['dilation 2, no bias', 'dilation 3, stride 2, padding 3'],
    'no-bias-and-shapes': ['dilation 2, no bias', 'even kernel 4, stride 3, padding 2, batch 3', 'K=1, stride 2'],
}
