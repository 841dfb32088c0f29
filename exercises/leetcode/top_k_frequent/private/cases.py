"""Cases for Top K Frequent Elements: the most frequent value seen last, the least frequent seen
first, negatives and zero, k equal to the number of distinct values, a single element, random
lists with a unique cut-off, and n = 100 000 with ~50 000 distinct values."""

import numpy as np

from grader.authoring import Case

LARGE_TOP = 25


def _cutoffs(nums: list[int]) -> list[int]:
    """Every k whose answer is unique: the k-th largest count beats the (k+1)-th (or k = distinct)."""
    counts = sorted(np.unique(nums, return_counts=True)[1].tolist(), reverse=True)
    return [k for k in range(1, len(counts) + 1) if k == len(counts) or counts[k - 1] > counts[k]]


def _random(rng: np.random.Generator, n: int, low: int, high: int) -> list:
    """A random list (values skewed so counts differ) and a k with a unique answer."""
    weights = rng.random(high - low + 1) ** 3
    nums = (rng.choice(np.arange(low, high + 1), size=n, p=weights / weights.sum())).tolist()
    choices = _cutoffs(nums)
    return [nums, choices[int(rng.integers(len(choices)))]]


def _large(rng: np.random.Generator) -> list:
    """25 values with distinct counts in [40, 400], then ~48 000 values seen 1 to 3 times, shuffled."""
    values = rng.choice(np.arange(-100_000, 100_001), size=60_000, replace=False)
    top_counts = rng.choice(np.arange(40, 401), size=LARGE_TOP, replace=False)
    rest = 100_000 - int(top_counts.sum())
    rest_counts = rng.integers(1, 4, size=rest // 2)
    rest_counts = rest_counts[np.cumsum(rest_counts) <= rest]
    counts = np.concatenate([top_counts, rest_counts])
    nums = np.repeat(values[: len(counts)], counts)
    return [rng.permutation(nums).tolist(), LARGE_TOP]


def visible(rng):
    return [
        Case("example", [[1, 1, 1, 2, 2, 3], 2]),
        Case("most frequent seen last", [[4, 5, 6, 6, 6, 5], 1]),
        Case("least frequent seen last", [[7, 7, 7, -2, -2, 9], 1]),
        Case("negatives and zero", [[0, -1, -1, 0, -1, 5], 2]),
        Case("single element", [[7], 1]),
        Case("k equals the number of distinct values", [[3, 1, 3, 2], 3]),
        Case("random small", _random(rng, 12, -5, 5)),
    ]


def hidden(rng):
    cases = [
        Case("all values equal", [[-4, -4, -4], 1]),
        Case("values look like counts", [[2, 2, 2, 3, 3, 1, 1, 1, 1, 9], 2],
             note="counts 3, 2, 4, 1: the answer is [1, 2]"),
    ]
    cases += [Case(f"random small {k}", _random(rng, int(rng.integers(1, 25)), -6, 6)) for k in range(6)]
    cases += [Case(f"random medium {k}", _random(rng, 3000, -10**5, 10**5)) for k in range(2)]
    cases.append(Case("n = 100000", _large(rng), time_limit=2.0,
                      note="n = 100000 with ~50000 distinct values: an O(n · distinct) solution cannot "
                           "finish within the limit"))
    return cases


# The statement's edge rules (README.md, `<!-- rule: … -->`) and the cases that exercise each.
RULES = {
    'k-all-distinct': ['k equals the number of distinct values'],
    'values-not-counts': ['negatives and zero', 'values look like counts'],
    'single-element': ['single element'],
}
