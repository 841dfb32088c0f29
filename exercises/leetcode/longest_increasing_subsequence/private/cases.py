"""Cases for Longest Increasing Subsequence: the LeetCode examples, repeated values (strict vs
non-decreasing), non-contiguous answers, an early large value that a greedy scan keeps, empty and
single lists, decreasing lists, random lists with and without repeats, and n = 100 000 with an
answer thousands long."""

import numpy as np

from grader.authoring import Case

LARGE_N = 100_000


def _random(rng: np.random.Generator, n: int, low: int, high: int) -> list[int]:
    return rng.integers(low, high + 1, size=n).tolist()


def _large(rng: np.random.Generator) -> list[int]:
    """An upward trend plus wide noise and some repeats: the answer is thousands long."""
    trend = np.arange(LARGE_N) * 10_000
    noise = rng.integers(0, 2_000_000, size=LARGE_N)
    values = (trend + noise - 10**9 // 2) // 7
    return values.tolist()


def visible(rng):
    return [
        Case("example", [[10, 9, 2, 5, 3, 7, 101, 18]]),
        Case("not contiguous", [[0, 1, 0, 3, 2, 3]]),
        Case("all equal", [[7, 7, 7, 7, 7, 7, 7]], note="strictly increasing: equal values do not count twice"),
        Case("empty list", [[]]),
        Case("random small", [_random(rng, 10, -5, 5)]),
    ]


def hidden(rng):
    cases = [
        Case("single element", [[-4]]),
        Case("repeats inside", [[1, 3, 3, 5, 5, 6]]),
        Case("large first value", [[100, 1, 2, 3, 4, 0, 5]]),
        Case("decreasing", [[9, 8, 7, 6, 5, 4]]),
        Case("plateau then rise", [[2, 2, 2, 3, 3, 4, 1, 1]]),
        Case("negatives", [[-1, -3, -2, -2, 0, -5, 4]]),
        Case("increasing", [list(range(-20, 20, 3))]),
        Case("zigzag", [[1, 5, 2, 6, 3, 7, 4, 8]]),
    ]
    cases += [Case(f"random small with repeats {k}", [_random(rng, int(rng.integers(2, 16)), 0, 4)]) for k in range(4)]
    cases += [Case(f"random wide {k}", [_random(rng, 200, -10**9, 10**9)]) for k in range(2)]
    cases.append(Case("random 2000 with repeats", [_random(rng, 2000, 0, 300)]))
    cases.append(Case("n = 100000", [_large(rng)], time_limit=1.0, diagnose=False,
                      note="n = 100000 with an answer thousands long: an O(n²) solution (or a linear scan of "
                           "the tails) cannot finish within the limit"))
    return cases


# The statement's edge rules (README.md, `<!-- rule: … -->`) and the cases that exercise each.
RULES = {
    'strict': ['all equal', 'repeats inside', 'plateau then rise'],
    'not-contiguous': ['not contiguous', 'example', 'zigzag'],
    'empty-and-single': ['empty list', 'single element'],
    'length-returned': ['example', 'increasing'],
}
