"""Cases for depthwise_separable: C > 1 (catch a depthwise stage that mixes channels), depth
multipliers M > 1 with C > 1 (catch channels tiled instead of repeated), a depthwise bias with
and without a pointwise one (catch a dropped b_depth), strides and paddings (catch them applied
to the pointwise stage too), C_out = C with M = 1 (the only shapes where the stages can run in
the wrong order), pairs, even and 1×1 kernels, no biases, defaults."""

from grader.authoring import Case


def _case(rng, n, c, m, c_out, size, kernel, stride=1, padding=0, b_depth=True, b_point=True):
    x = rng.normal(size=(n, c, *size))
    w_depth = rng.normal(size=(c * m, 1, *kernel))
    w_point = rng.normal(size=(c_out, c * m, 1, 1))
    bd = rng.normal(size=c * m) if b_depth else None
    bp = rng.normal(size=c_out) if b_point else None
    return [x, w_depth, bd, w_point, bp], {"stride": stride, "padding": padding}


def visible(rng):
    return [
        Case("3×3, multiplier 1, padding 1", *_case(rng, 2, 3, 1, 4, (5, 6), (3, 3), 1, 1),
             note="x (2, 3, 5, 6), w_depth (3, 1, 3, 3), w_point (4, 3, 1, 1): out (2, 4, 5, 6)"),
        Case("multiplier 2, stride 2, padding 1", *_case(rng, 2, 3, 2, 5, (7, 6), (3, 3), 2, 1),
             note="w_depth (6, 1, 3, 3): depthwise channels 0, 1 read input channel 0"),
        Case("pairs: stride (2, 1), padding (0, 2), 3×2 kernel, multiplier 3",
             *_case(rng, 1, 2, 3, 3, (6, 5), (3, 2), [2, 1], [0, 2])),
    ]


def hidden(rng):
    return [
        Case("no biases, stride 2, padding 1", *_case(rng, 2, 4, 1, 2, (6, 6), (3, 3), 2, 1, False, False)),
        Case("depthwise bias only, multiplier 2", *_case(rng, 2, 3, 2, 3, (5, 5), (3, 3), 1, 0, True, False)),
        Case("1×1 depthwise kernel, stride 2, multiplier 2", *_case(rng, 2, 3, 2, 4, (5, 6), (1, 1), 2)),
        Case("even 4×4 kernel, stride 3, padding 2, not dividing", *_case(rng, 2, 2, 2, 3, (9, 10), (4, 4), 3, 2)),
        Case("one input channel, multiplier 4", *_case(rng, 3, 1, 4, 2, (5, 4), (2, 2), 1, 1)),
        Case("larger layer, multiplier 1, padding 1", *_case(rng, 4, 8, 1, 16, (8, 8), (3, 3), 1, 1)),
        Case("defaults: stride and padding not passed", _case(rng, 2, 3, 2, 2, (5, 6), (3, 3))[0]),
        Case("C_out = C, multiplier 1, stride 2, padding 1", *_case(rng, 2, 4, 1, 4, (7, 6), (3, 3), 2, 1)),
        Case("C_out = C, multiplier 1, 2×2 kernel", *_case(rng, 3, 3, 1, 3, (5, 5), (2, 2))),
    ]


# The statement's edge rules (README.md, `<!-- rule: … -->`) and the cases that exercise each.
RULES = {
    "stages": ["multiplier 2, stride 2, padding 1", "3×3, multiplier 1, padding 1",
               "even 4×4 kernel, stride 3, padding 2, not dividing", "C_out = C, multiplier 1, stride 2, padding 1",
               "C_out = C, multiplier 1, 2×2 kernel"],
    "depthwise-per-channel": ["3×3, multiplier 1, padding 1", "larger layer, multiplier 1, padding 1"],
    "channel-order": ["multiplier 2, stride 2, padding 1",
                      "pairs: stride (2, 1), padding (0, 2), 3×2 kernel, multiplier 3"],
    "two-biases": ["depthwise bias only, multiplier 2", "3×3, multiplier 1, padding 1",
                   "no biases, stride 2, padding 1"],
    "output-size": ["even 4×4 kernel, stride 3, padding 2, not dividing", "multiplier 2, stride 2, padding 1"],
    "shapes": [
        "pairs: stride (2, 1), padding (0, 2), 3×2 kernel, multiplier 3",
        "1×1 depthwise kernel, stride 2, multiplier 2",
        "defaults: stride and padding not passed",
    ],
}
