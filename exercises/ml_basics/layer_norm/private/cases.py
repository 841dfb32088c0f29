"""Cases for layer norm: (N, D) and (B, T, D) inputs, forward only (dout=None), samples with a
variance far below eps (break eps outside the sqrt), a constant sample, D = 1, a custom eps and
non-trivial gamma/beta. N ≠ D and samples with different statistics make the batch axis show."""


from grader.authoring import Case


def _params(rng, d):
    return rng.normal(size=d) + 1.0, rng.normal(size=d)


def visible(rng):
    x = rng.normal(size=(4, 6)) * 2 + rng.normal(size=(4, 1)) * 3
    gamma, beta = _params(rng, 6)
    return [
        Case("forward only", [x, gamma, beta], note="dout=None: return (out, None, None, None)"),
        Case("forward and backward, (N, D)", [x, gamma, beta], {"dout": rng.normal(size=(4, 6))}),
    ]


def hidden(rng):
    x3 = rng.normal(size=(2, 5, 8)) * 1.5 + 0.5
    gamma3, beta3 = _params(rng, 8)
    small = rng.normal(size=(5, 7)) * 1e-3 + rng.normal(size=(5, 1))
    gamma7, beta7 = _params(rng, 7)
    constant = rng.normal(size=(3, 4))
    constant[1] = 2.5
    gamma4, beta4 = _params(rng, 4)
    gamma1, beta1 = _params(rng, 1)
    return [
        Case("3-D input", [x3, gamma3, beta3], {"dout": rng.normal(size=x3.shape)}),
        Case("variance far below eps", [small, gamma7, beta7], {"dout": rng.normal(size=small.shape)}),
        Case("a constant sample", [constant, gamma4, beta4], {"dout": rng.normal(size=constant.shape)}),
        Case("D = 1", [rng.normal(size=(3, 1)), gamma1, beta1], {"dout": rng.normal(size=(3, 1))}),
        Case("custom eps", [x3 * 0.05, gamma3, beta3], {"eps": 1e-3, "dout": rng.normal(size=x3.shape)}),
    ]


# The statement's edge rules (README.md, `<!-- rule: … -->`) and the cases that exercise each.
RULES = {
    'forward-only': ['forward only'],
    'small-variance': ['variance far below eps'],
    'constant-samples': ['a constant sample', 'D = 1'],
    'inputs-unchanged': ['forward and backward, (N, D)', '3-D input'],
}
