"""Cases for skip-gram negative sampling: distinct negatives, repeated negatives, the outside word
drawn as a negative, K = 1, and vectors scaled so dot products reach about ±25 (σ near 0 and 1
but never exactly). Vocabulary rows not involved must get a zero gradient."""

import numpy as np

from grader.authoring import Case


def _pair(rng, vocab, dim, negatives, outside=0, scale=1.0):
    center = rng.normal(size=dim) * scale
    vectors = rng.normal(size=(vocab, dim)) * scale
    return [center, outside, vectors, np.array(negatives, dtype=np.int64)]


def visible(rng):
    return [
        Case("5 distinct negatives", _pair(rng, 10, 4, [1, 3, 5, 7, 9], outside=2)),
        Case("a negative drawn three times", _pair(rng, 8, 3, [4, 1, 4, 6, 4], outside=0),
             note="word 4 counts three times"),
        Case("the outside word drawn as a negative", _pair(rng, 6, 5, [3, 2, 5], outside=3)),
    ]


def hidden(rng):
    return [
        Case("one negative", _pair(rng, 5, 6, [1], outside=4)),
        Case("twenty negatives from a small vocabulary", _pair(rng, 7, 8, rng.integers(0, 7, size=20), outside=5)),
        Case("outside word drawn twice, other repeats", _pair(rng, 9, 4, [2, 7, 2, 7, 1, 7], outside=7)),
        Case("large dot products", _pair(rng, 12, 10, [0, 5, 5, 9, 11], outside=3, scale=1.6)),
        Case("50-dimensional vectors", _pair(rng, 30, 50, rng.integers(0, 30, size=10), outside=17, scale=0.3)),
    ]


# The statement's edge rules (README.md, `<!-- rule: … -->`) and the cases that exercise each.
RULES = {
    "repeated-negatives": ["a negative drawn three times", "twenty negatives from a small vocabulary",
                           "outside word drawn twice, other repeats"],
    "outside-among-negatives": ["the outside word drawn as a negative", "outside word drawn twice, other repeats"],
    "negative-sign": ["5 distinct negatives", "one negative"],
    "moderate-scores": ["large dot products", "one negative"],
    "inputs-unchanged": ["5 distinct negatives", "a negative drawn three times"],
}
