"""Cases for two-sample t-test power: small and unequal groups, both one-sided alternatives in
both directions, small effects (the opposite tail counts), zero effect (power = α), n = 2, and
large groups where the normal approximation is close but not within the tolerance."""

from grader.authoring import Case


def visible(rng):
    return [
        Case("d = 0.5, 20 per group", [0.5, 20, 20]),
        Case("greater, unequal groups", [0.8, 8, 12], {"alternative": "greater"}),
        Case("negative effect, α = 0.01", [-0.3, 50, 30], {"alpha": 0.01}),
    ]


def hidden(rng):
    return [
        Case("zero effect", [0.0, 12, 12]),
        Case("zero effect, less", [0.0, 9, 14], {"alternative": "less"}),
        Case("greater with a negative effect", [-0.4, 15, 15], {"alternative": "greater"}),
        Case("less with a negative effect", [-0.6, 10, 6], {"alternative": "less", "alpha": 0.1}),
        Case("small effect, tiny groups", [0.1, 5, 5]),
        Case("n = 2 and n = 3", [1.3, 2, 3]),
        Case("small effect, unequal groups", [0.25, 10, 40], {"alpha": 0.1}),
        Case("large groups", [0.2, 200, 150]),
        Case("random design", [float(rng.uniform(-1.0, 1.0)), int(rng.integers(4, 60)), int(rng.integers(4, 60))],
             {"alpha": float(rng.uniform(0.01, 0.2))}),
    ]


# The statement's edge rules (README.md, `<!-- rule: … -->`) and the cases that exercise each.
RULES = {
    "noncentral-t": ["greater, unequal groups", "n = 2 and n = 3", "large groups"],
    "alpha-split": ["d = 0.5, 20 per group", "negative effect, α = 0.01"],
    "both-tails": ["small effect, tiny groups", "zero effect"],
    "pooled-df": ["greater, unequal groups", "small effect, unequal groups", "d = 0.5, 20 per group"],
    "zero-effect": ["zero effect", "zero effect, less"],
    "direction": ["greater with a negative effect", "less with a negative effect"],
}
