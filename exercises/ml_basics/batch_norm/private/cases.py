"""Cases for batch norm: (N, C) and (N, C, H, W) in training and eval mode, momentum 0.1 and
0.3 (never 0.5, where both momentum conventions agree), N = 2 (unbiased = 2 × biased), a
constant channel, and N = 1 in eval mode. Running statistics are far from the batch ones so
eval-mode mistakes show."""


from grader.authoring import Case


def _setup(rng, shape):
    c = shape[1]
    x = rng.normal(size=shape) * rng.uniform(0.5, 3.0, size=(1, c) + (1,) * (len(shape) - 2)) + 1.5
    gamma, beta = rng.normal(size=c) + 1.0, rng.normal(size=c)
    running_mean, running_var = rng.normal(size=c), rng.uniform(0.2, 4.0, size=c)
    return [x, gamma, beta, running_mean, running_var]


def visible(rng):
    return [
        Case("(N, C), training", _setup(rng, (6, 3)) + [True]),
        Case("(N, C), eval", _setup(rng, (6, 3)) + [False], note="running statistics normalise"),
        Case("(N, C, H, W), training", _setup(rng, (2, 3, 4, 5)) + [True]),
    ]


def hidden(rng):
    constant = _setup(rng, (5, 4))
    constant[0][:, 2] = -0.75
    return [
        Case("(N, C, H, W), eval", _setup(rng, (3, 2, 3, 3)) + [False]),
        Case("momentum 0.3, training", _setup(rng, (8, 5)) + [True], {"momentum": 0.3}),
        Case("N = 2, training", _setup(rng, (2, 4)) + [True]),
        Case("a constant channel, training", constant + [True], {"eps": 1e-3}),
        Case("N = 1, eval", _setup(rng, (1, 3, 2, 2)) + [False], {"momentum": 0.2}),
        Case("N = 1 with H·W > 1, training", _setup(rng, (1, 2, 3, 3)) + [True], {"momentum": 0.25}),
    ]


# The statement's edge rules (README.md, `<!-- rule: … -->`) and the cases that exercise each.
RULES = {
    'momentum-convention': ['momentum 0.3, training', '(N, C), training'],
    'two-variances': ['N = 2, training', '(N, C), training'],
    'eval-mode': ['(N, C), eval', '(N, C, H, W), eval', 'N = 1, eval'],
    'training-n-at-least-two': ['N = 1 with H·W > 1, training', 'N = 2, training'],
    'constant-channel': ['a constant channel, training'],
    'inputs-unchanged': ['(N, C), training', '(N, C), eval'],
}
