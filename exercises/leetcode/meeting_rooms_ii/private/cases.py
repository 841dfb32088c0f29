"""Cases for Meeting Rooms II: the LeetCode examples, back-to-back meetings (half-open), meetings
that overlap one long meeting but not each other, heap orders that sorting by end gets wrong,
identical and nested meetings, the empty list, random meetings and n = 100 000."""

import numpy as np

from grader.authoring import Case

LARGE_N = 100_000


def _random(rng: np.random.Generator, n: int, horizon: int, longest: int) -> list[list[int]]:
    """N meetings starting in [0, horizon) with lengths 1 … longest, unsorted."""
    starts = rng.integers(0, horizon, size=n)
    lengths = rng.integers(1, longest + 1, size=n)
    return [[int(s), int(s + length)] for s, length in zip(starts, lengths, strict=True)]


def visible(rng):
    return [
        Case("example", [[[0, 30], [5, 10], [15, 20]]]),
        Case("example 2", [[[7, 10], [2, 4]]]),
        Case("back to back", [[[1, 5], [5, 8]]], note="a meeting ending at 5 frees its room for one starting at 5"),
        Case("overlap one long meeting", [[[1, 10], [2, 4], [6, 9]]]),
        Case("empty list", [[]]),
        Case("random small", [_random(rng, 6, 20, 6)]),
    ]


def hidden(rng):
    cases = [
        Case("chain of back-to-back meetings", [[[3, 6], [0, 3], [6, 9], [9, 12], [1, 3]]]),
        Case("identical meetings", [[[2, 3], [2, 3], [2, 3]]]),
        Case("nested", [[[0, 100], [10, 90], [20, 80], [30, 70]]]),
        Case("end order misleads", [[[1, 6], [4, 9], [9, 11], [8, 13]]]),
        Case("end order misleads again", [[[0, 3], [2, 5], [6, 7], [4, 9]]]),
        Case("staggered", [[[1, 4], [2, 5], [3, 6], [4, 7], [5, 8]]]),
        Case("single meeting", [[[0, 1000000]]]),
        Case("star of short meetings", [[[0, 20], [1, 2], [3, 4], [5, 6], [7, 8], [9, 10]]]),
    ]
    cases += [Case(f"random small {k}", [_random(rng, int(rng.integers(2, 10)), 20, 6)]) for k in range(6)]
    cases += [Case(f"random 300 meetings {k}", [_random(rng, 300, 1000, 60)]) for k in range(2)]
    cases.append(Case("n = 100000", [_random(rng, LARGE_N, 990_000, 10_000)], time_limit=2.0, diagnose=False,
                      note="n = 100000: comparing every pair of meetings, O(n²), cannot finish within the limit"))
    return cases


# The statement's edge rules (README.md, `<!-- rule: … -->`) and the cases that exercise each.
RULES = {
    'half-open': ['back to back', 'chain of back-to-back meetings'],
    'not-pairwise': ['overlap one long meeting', 'star of short meetings'],
    'unsorted-and-repeats': ['identical meetings', 'example 2', 'chain of back-to-back meetings'],
    'empty': ['empty list'],
}
