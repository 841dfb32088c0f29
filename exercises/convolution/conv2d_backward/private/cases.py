"""Cases for conv2d_backward: batch > 1 (catch averaged or single-sample dw/db), asymmetric kernels
(catch the missing flip in dx), strides that leave rows of x unread, padding, overlapping windows,
pairs, even and 1×1 kernels."""

from grader.authoring import Case


def _pair(value):
    return (value, value) if isinstance(value, int) else tuple(value)


def _grad_case(rng, n, c_in, c_out, size, kernel, stride=1, padding=0):
    (sh, sw), (ph, pw) = _pair(stride), _pair(padding)
    h_out = (size[0] + 2 * ph - kernel[0]) // sh + 1
    w_out = (size[1] + 2 * pw - kernel[1]) // sw + 1
    x = rng.normal(size=(n, c_in, *size))
    w = rng.normal(size=(c_out, c_in, *kernel))
    dout = rng.normal(size=(n, c_out, h_out, w_out))
    return [x, w, dout], {"stride": stride, "padding": padding}


def visible(rng):
    return [
        Case("3×3, stride 1, batch 2", *_grad_case(rng, 2, 3, 4, (6, 7), (3, 3)),
             note="x (2, 3, 6, 7), w (4, 3, 3, 3), dout (2, 4, 4, 5)"),
        Case("stride 2, padding 1", *_grad_case(rng, 3, 2, 3, (8, 9), (3, 3), stride=2, padding=1),
             note="x (3, 2, 8, 9), dout (3, 3, 4, 5)"),
        Case("pairs: stride (2, 3), padding (1, 2), even 2×4 kernel",
             *_grad_case(rng, 2, 2, 2, (9, 12), (2, 4), stride=[2, 3], padding=[1, 2])),
    ]


def hidden(rng):
    return [
        Case("stride 2 leaves the last row and column unread", *_grad_case(rng, 2, 2, 3, (10, 11), (3, 3), stride=2)),
        Case("1×1 kernel, stride 2", *_grad_case(rng, 3, 3, 2, (7, 6), (1, 1), stride=2)),
        Case("even 4×4 kernel, stride 3, padding 2, batch 3",
             *_grad_case(rng, 3, 2, 3, (11, 10), (4, 4), stride=3, padding=2)),
        Case("single sample", *_grad_case(rng, 1, 3, 2, (6, 6), (3, 2), padding=1)),
        Case("larger layer with overlapping windows", *_grad_case(rng, 4, 4, 6, (12, 12), (3, 3), padding=1)),
        Case("defaults: stride and padding not passed", _grad_case(rng, 2, 2, 3, (5, 6), (2, 3))[0]),
    ]


# The statement's edge rules (README.md, `<!-- rule: … -->`) and the cases that exercise each.
RULES = {
    'sum-over-batch': ['3×3, stride 1, batch 2', 'even 4×4 kernel, stride 3, padding 2, batch 3'],
    'padding': ['stride 2, padding 1', 'single sample', 'larger layer with overlapping windows'],
    'stride-not-dividing': ['stride 2 leaves the last row and column unread'],
    'overlapping-windows': ['larger layer with overlapping windows', '3×3, stride 1, batch 2'],
    'shapes': [
        'pairs: stride (2, 3), padding (1, 2), even 2×4 kernel',
        '1×1 kernel, stride 2',
        'even 4×4 kernel, stride 3, padding 2, batch 3',
    ],
}
