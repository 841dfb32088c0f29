"""Cases for Largest Rectangle in Histogram: the LeetCode examples, increasing heights (the stack
must be emptied at the end), zeros, equal heights, a valley, a single bar, random histograms and
n = 100 000 rising then falling."""

import numpy as np

from grader.authoring import Case

LARGE_N = 100_000


def _random(rng: np.random.Generator, n: int, high: int) -> list[int]:
    return rng.integers(0, high + 1, size=n).tolist()


def _mountain(rng: np.random.Generator) -> list[int]:
    """Heights rising over the first half and falling over the second (with small random steps)."""
    steps = rng.integers(0, 2, size=LARGE_N // 2)
    rise = np.minimum(np.cumsum(steps) // 5 + 1, 10_000)
    return np.concatenate([rise, rise[::-1]]).tolist()


def visible(rng):
    return [
        Case("example", [[2, 1, 5, 6, 2, 3]]),
        Case("example 2", [[2, 4]]),
        Case("increasing", [[1, 2, 3, 4, 5]], note="the best rectangle reaches the last bar"),
        Case("zero splits", [[3, 3, 0, 2, 2, 2]]),
        Case("equal heights", [[4, 4, 4]]),
        Case("random small", [_random(rng, 8, 9)]),
    ]


def hidden(rng):
    cases = [
        Case("single bar", [[7]]),
        Case("single zero", [[0]]),
        Case("decreasing", [[5, 4, 3, 2, 1]]),
        Case("valley", [[6, 7, 1, 7, 6]]),
        Case("tall bar then a wide low block", [[9, 2, 3, 3, 3, 3, 2]]),
        Case("rising to the end after a dip", [[5, 1, 3, 4, 5, 6]]),
        Case("zeros around", [[0, 5, 5, 0, 1, 1, 1, 1, 0]]),
        Case("plateau inside", [[1, 3, 3, 3, 1, 2]]),
    ]
    cases += [Case(f"random small {k}", [_random(rng, int(rng.integers(2, 12)), 6)]) for k in range(6)]
    cases += [Case(f"random 2000 bars {k}", [_random(rng, 2000, 10_000)]) for k in range(2)]
    cases.append(Case("n = 100000, rising then falling", [_mountain(rng)], time_limit=2.0, diagnose=False,
                      note="n = 100000 rising then falling: expanding from every bar, O(n²), cannot finish "
                           "within the limit"))
    return cases


# The statement's edge rules (README.md, `<!-- rule: … -->`) and the cases that exercise each.
RULES = {
    'reaches-the-end': ['increasing', 'rising to the end after a dip'],
    'zero-splits': ['zero splits', 'zeros around'],
    'inner-range': ['example', 'valley', 'tall bar then a wide low block'],
    'equal-heights': ['equal heights', 'plateau inside'],
}
