"""Cases for the SRM check: a healthy even split, a borderline one, three and four arms with
uneven weights on several scales, a broken split with p < 1e-28 (two and three arms), an empty
arm, a small experiment, custom thresholds, and an exact split (p = 1) at threshold 1."""

import numpy as np

from grader.authoring import Case


def srm(counts, weights, **kwargs):
    return [np.array(counts, dtype=np.int64), np.array(weights, dtype=float)], kwargs


def visible(rng):
    return [
        Case("healthy even split", *srm([10032, 9968], [1, 1])),
        Case("three arms, 50/25/25", *srm([5120, 2390, 2490], [0.5, 0.25, 0.25])),
        Case("broken split", *srm([52000, 48000], [50, 50]), note="p-value below 1e-30"),
    ]


def hidden(rng):
    return [
        Case("borderline even split", *srm([50500, 49500], [0.5, 0.5])),
        Case("90/10 as percentages", *srm([18110, 1890], [90, 10])),
        Case("four arms", *srm([2530, 2470, 2400, 2600], [1, 1, 1, 1])),
        Case("2:1:1 flagged", *srm([20400, 9800, 9800], [2, 1, 1])),
        Case("broken three-arm split", *srm([10000, 11500, 10100], [1, 1, 1])),
        Case("empty arm", *srm([0, 12, 9], [1, 1, 1])),
        Case("small experiment", *srm([7, 3], [0.5, 0.5])),
        Case("custom threshold", *srm([1040, 960], [1, 1], threshold=0.1), note="p ≈ 0.074"),
        Case("exact split, threshold 1", *srm([500, 500], [1, 1], threshold=1.0), note="p = 1 is not < 1"),
        Case("custom threshold, not flagged", *srm([5120, 2390, 2490], [2, 1, 1], threshold=0.01)),
    ]


# The statement's edge rules (README.md, `<!-- rule: … -->`) and the cases that exercise each.
RULES = {
    "weights-normalised": ["healthy even split", "90/10 as percentages", "four arms"],
    "k-minus-one": ["three arms, 50/25/25", "four arms", "healthy even split"],
    "no-yates": ["small experiment", "healthy even split", "borderline even split"],
    "tiny-p": ["broken split", "broken three-arm split"],
    "threshold": ["custom threshold", "2:1:1 flagged", "custom threshold, not flagged", "exact split, threshold 1"],
    "empty-arm": ["empty arm"],
}
