"""Cases for the warm-up + cosine schedule: typical lengths, min_lr 0 and > 0, no warm-up, warm-up
only, a single warm-up step, T = 1, a cosine phase of one step, min_lr = base_lr and a long run."""

from grader.authoring import Case


def visible(rng):
    return [
        Case("warm-up 5, 20 steps, min_lr 1e-4", [0.01, 1e-4, 5, 20]),
        Case("no warm-up", [1.0, 0.1, 0, 8], note="step 0 has base_lr"),
        Case("warm-up only", [0.5, 0.05, 4, 4], note="0.125, 0.25, 0.375, 0.5"),
    ]


def hidden(rng):
    return [
        Case("warm-up 10, 100 steps, min_lr 0", [3e-4, 0.0, 10, 100]),
        Case("one warm-up step", [0.2, 0.02, 1, 12]),
        Case("one step, no warm-up", [0.1, 0.01, 0, 1]),
        Case("one cosine step after the warm-up", [0.3, 0.1, 3, 4]),
        Case("min_lr equal to base_lr", [0.05, 0.05, 2, 9]),
        Case("long run", [6e-4, 6e-5, 200, 2000]),
    ]


# The statement's edge rules (README.md, `<!-- rule: … -->`) and the cases that exercise each.
RULES = {
    "warmup-from-one": ["warm-up 5, 20 steps, min_lr 1e-4", "warm-up only", "one warm-up step"],
    "cosine-after-warmup": ["warm-up 5, 20 steps, min_lr 1e-4", "warm-up 10, 100 steps, min_lr 0", "long run"],
    "decay-to-min-lr": ["warm-up 5, 20 steps, min_lr 1e-4", "no warm-up", "long run"],
    "degenerate-lengths": ["no warm-up", "warm-up only", "one step, no warm-up", "one cosine step after the warm-up"],
}
