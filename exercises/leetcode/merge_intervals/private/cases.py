"""Cases for Merge Intervals: touching, nested, duplicate, single-point and negative intervals,
unsorted input, the empty list, random shuffled intervals and n = 100 000."""

import numpy as np

from grader.authoring import Case

LARGE_N = 100_000


def _random(rng: np.random.Generator, n: int, span: int, longest: int) -> list[list[int]]:
    """N random intervals with starts in [-span, span] and lengths in [0, longest], unsorted."""
    starts = rng.integers(-span, span + 1, size=n)
    lengths = rng.integers(0, longest + 1, size=n)
    return [[int(s), int(s + length)] for s, length in zip(starts, lengths, strict=True)]


def _large(rng: np.random.Generator) -> list[list[int]]:
    """Shuffled intervals, about two per group, with gaps between groups: ~50 000 merged."""
    gaps = rng.integers(1, 20, size=LARGE_N)
    lengths = rng.integers(0, 10, size=LARGE_N)
    starts = np.cumsum(gaps + lengths) - 10**9
    joins = rng.random(LARGE_N) < 0.5  # this interval starts inside (or at the end of) the previous one
    starts[1:] = np.where(joins[1:], starts[:-1] + lengths[:-1] // 2, starts[1:])
    intervals = [[int(s), int(s + length)] for s, length in zip(starts, lengths, strict=True)]
    return [intervals[i] for i in rng.permutation(LARGE_N)]


def visible(rng):
    return [
        Case("example", [[[1, 3], [2, 6], [8, 10], [15, 18]]]),
        Case("touching", [[[1, 2], [2, 3]]], note="closed intervals that touch merge into [1, 3]"),
        Case("gap stays", [[[1, 2], [3, 4]]]),
        Case("nested", [[[1, 10], [2, 3], [4, 5]]]),
        Case("unsorted", [[[8, 10], [1, 3], [2, 6], [15, 18]]]),
        Case("empty list", [[]]),
        Case("single interval", [[[-5, -5]]]),
        Case("random small", [_random(rng, 8, 20, 6)]),
    ]


def hidden(rng):
    cases = [
        Case("duplicates", [[[2, 4], [2, 4], [2, 4]]]),
        Case("single points touching", [[[5, 5], [3, 5], [7, 7], [5, 6]]]),
        Case("negative, unsorted, touching", [[[-3, -1], [-10, -5], [-5, -4], [0, 2], [-1, 0]]]),
        Case("chain reached through a nested interval", [[[1, 10], [2, 3], [9, 12], [12, 12], [13, 14]]]),
        Case("reverse order", [[[9, 10], [7, 8], [5, 6], [3, 4], [1, 2]]]),
    ]
    cases += [Case(f"random small {k}", [_random(rng, int(rng.integers(1, 15)), 25, 8)]) for k in range(6)]
    cases += [Case(f"random wide {k}", [_random(rng, 500, 10**6, 5000)]) for k in range(2)]
    cases.append(Case("n = 100000", [_large(rng)], time_limit=8.0,
                      note="n = 100000: an O(n²) solution cannot finish within the limit"))
    return cases


# The statement's edge rules (README.md, `<!-- rule: … -->`) and the cases that exercise each.
RULES = {
    'touching-merge': ['touching', 'single points touching', 'negative, unsorted, touching'],
    'single-point': ['single points touching'],
    'nested': ['nested', 'chain reached through a nested interval'],
    'empty': ['empty list'],
    'lists-returned': ['example'],
}
