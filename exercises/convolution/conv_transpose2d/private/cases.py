"""Cases for conv_transpose2d: output_padding > 0 (catch an output size without it), padding > 0
(catch padding added instead of cropped), asymmetric random kernels and C_in ≠ C_out (catch an
unflipped kernel in the "convolution of the dilated input" formulation and a reshaped weight),
strides above and below the kernel size, pairs, 1×1 kernels, no bias, defaults."""

from grader.authoring import Case


def _case(rng, n, c_in, c_out, size, kernel, stride=1, padding=0, output_padding=0, bias=True):
    x = rng.normal(size=(n, c_in, *size))
    w = rng.normal(size=(c_in, c_out, *kernel))
    b = rng.normal(size=c_out) if bias else None
    return [x, w, b], {"stride": stride, "padding": padding, "output_padding": output_padding}


def visible(rng):
    return [
        Case("3×3, stride 1, no padding", *_case(rng, 2, 2, 3, (4, 5), (3, 3)),
             note="x (2, 2, 4, 5), w (2, 3, 3, 3): out (2, 3, 6, 7)"),
        Case("stride 2, padding 1, output_padding 1", *_case(rng, 2, 3, 2, (4, 4), (3, 3), 2, 1, 1),
             note="H_out = (4 − 1)·2 − 2·1 + 3 + 1 = 8"),
        Case("pairs: stride (2, 3), padding (1, 0), output_padding (1, 2), 3×2 kernel",
             *_case(rng, 1, 2, 3, (3, 4), (3, 2), [2, 3], [1, 0], [1, 2]), note="out (1, 3, 6, 13)"),
    ]


def hidden(rng):
    return [
        Case("stride 3 > kernel 2: gaps get only the bias", *_case(rng, 2, 2, 3, (3, 4), (2, 2), 3)),
        Case("4×4 kernel, stride 2, padding 1, no bias", *_case(rng, 2, 3, 2, (5, 4), (4, 4), 2, 1, bias=False),
             note="doubles the size"),
        Case("output_padding 2 > padding 1, stride 3", *_case(rng, 1, 2, 2, (3, 3), (3, 3), 3, 1, 2)),
        Case("1×1 kernel, stride 2, output_padding 1", *_case(rng, 2, 3, 2, (4, 3), (1, 1), 2, 0, 1)),
        Case("padding k − 1 shrinks the output", *_case(rng, 2, 2, 3, (6, 5), (3, 3), 1, 2)),
        Case("larger layer, stride 2, padding 1, output_padding 1",
             *_case(rng, 4, 6, 4, (6, 6), (3, 3), 2, 1, 1)),
        Case("defaults: only x, w and b passed", _case(rng, 2, 3, 2, (3, 5), (2, 3))[0]),
    ]


# The statement's edge rules (README.md, `<!-- rule: … -->`) and the cases that exercise each.
RULES = {
    "output-size": [
        "stride 2, padding 1, output_padding 1",
        "pairs: stride (2, 3), padding (1, 0), output_padding (1, 2), 3×2 kernel",
        "output_padding 2 > padding 1, stride 3",
    ],
    "padding-crops": ["stride 2, padding 1, output_padding 1", "padding k − 1 shrinks the output",
                      "4×4 kernel, stride 2, padding 1, no bias"],
    "scatter": ["3×3, stride 1, no padding", "larger layer, stride 2, padding 1, output_padding 1"],
    "weight-layout": ["3×3, stride 1, no padding", "stride 3 > kernel 2: gaps get only the bias"],
    "overlaps-sum": ["3×3, stride 1, no padding", "4×4 kernel, stride 2, padding 1, no bias"],
    "stride-gaps": ["stride 3 > kernel 2: gaps get only the bias", "1×1 kernel, stride 2, output_padding 1"],
    "no-bias-and-shapes": [
        "4×4 kernel, stride 2, padding 1, no bias",
        "pairs: stride (2, 3), padding (1, 0), output_padding (1, 2), 3×2 kernel",
        "defaults: only x, w and b passed",
    ],
}
