"""Cases for im2col_conv2d: C > 1 with k > 1 (catch tap-major rows), N > 1 with C_out > 1 (catch
the product reshaped without the transpose), strides dividing H + 2P − K (catch an output size one
short), padding (catch it ignored), pairs, even and 1×1 kernels, no bias, defaults."""

from grader.authoring import Case


def _case(rng, n, c_in, c_out, size, kernel, stride=1, padding=0, bias=True):
    x = rng.normal(size=(n, c_in, *size))
    w = rng.normal(size=(c_out, c_in, *kernel))
    b = rng.normal(size=c_out) if bias else None
    return [x, w, b], {"stride": stride, "padding": padding}


def visible(rng):
    return [
        Case("3×3, stride 1, no padding, batch 2", *_case(rng, 2, 3, 4, (5, 6), (3, 3)),
             note="cols (27, 2·3·4 = 24), out (2, 4, 3, 4)"),
        Case("stride 2, padding 1, batch 2", *_case(rng, 2, 2, 3, (7, 7), (3, 3), 2, 1),
             note="H_out = (7 + 2 − 3) // 2 + 1 = 4"),
        Case("pairs: stride (2, 3), padding (1, 0), 2×3 kernel", *_case(rng, 2, 2, 2, (6, 9), (2, 3), [2, 3], [1, 0])),
    ]


def hidden(rng):
    return [
        Case("stride 2 dividing H − K, no padding", *_case(rng, 3, 2, 3, (9, 9), (3, 3), 2)),
        Case("stride 3 not dividing, padding 1", *_case(rng, 2, 3, 2, (11, 10), (3, 3), 3, 1)),
        Case("1×1 kernel, stride 2, no bias", *_case(rng, 2, 4, 3, (5, 6), (1, 1), 2, bias=False)),
        Case("even 4×4 kernel, padding 2", *_case(rng, 2, 2, 3, (6, 5), (4, 4), 1, 2)),
        Case("single image, one output channel", *_case(rng, 1, 3, 1, (5, 5), (2, 2), 1, 1)),
        Case("larger layer, padding 1", *_case(rng, 4, 4, 8, (10, 10), (3, 3), 1, 1)),
        Case("defaults: stride and padding not passed", _case(rng, 2, 2, 3, (4, 6), (3, 2))[0]),
    ]


# The statement's edge rules (README.md, `<!-- rule: … -->`) and the cases that exercise each.
RULES = {
    "row-order": ["3×3, stride 1, no padding, batch 2", "larger layer, padding 1"],
    "column-order": ["3×3, stride 1, no padding, batch 2", "stride 2 dividing H − K, no padding"],
    "output-size": ["stride 2, padding 1, batch 2", "stride 2 dividing H − K, no padding",
                    "stride 3 not dividing, padding 1"],
    "padding": ["stride 2, padding 1, batch 2", "even 4×4 kernel, padding 2", "larger layer, padding 1"],
    "output-layout": ["3×3, stride 1, no padding, batch 2", "larger layer, padding 1"],
    "no-bias-and-shapes": [
        "pairs: stride (2, 3), padding (1, 0), 2×3 kernel",
        "1×1 kernel, stride 2, no bias",
        "defaults: stride and padding not passed",
    ],
}
