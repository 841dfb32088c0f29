"""Cases for Find Median from Data Stream: the LeetCode example, one number, even counts with a
.5 median (positive and negative), whole-number medians, repeats, ascending and descending
streams, random streams, and 100 000 additions each followed by a query."""

import numpy as np

from grader.authoring import Case

LARGE_N = 100_000


def _ops(nums: list[int], query_every: int = 1) -> dict:
    """addNum for each number, with a findMedian after every QUERY_EVERY additions."""
    ops, args = ["MedianFinder"], [[]]
    for count, num in enumerate(nums, start=1):
        ops.append("addNum")
        args.append([num])
        if count % query_every == 0:
            ops.append("findMedian")
            args.append([])
    return {"ops": ops, "args": args}


def _random(rng: np.random.Generator, n: int, span: int) -> list[int]:
    return rng.integers(-span, span + 1, size=n).tolist()


def visible(rng):
    return [
        Case("example", [], _ops([1, 2, 3])),
        Case("one number", [], _ops([7])),
        Case("negative half", [], _ops([-3, 0])),
        Case("whole-number median of two", [], _ops([4, 2])),
        Case("random", [], _ops(_random(rng, 8, 20))),
    ]


def hidden(rng):
    cases = [
        Case("repeated numbers", [], _ops([5, 5, 5, 1, 1, 9, 5])),
        Case("descending stream", [], _ops([10, 8, 6, 4, 2, 0, -2, -4])),
        Case("ascending stream", [], _ops([-5, -4, -3, -2, -1, 0, 1, 2, 3])),
        Case("negatives, odd sums", [], _ops([-1, -4, -7, -2, -9, -6])),
        Case("queries every other number", [], _ops([3, -1, 4, 1, -5, 9, 2, -6], 2)),
        Case("extremes", [], _ops([100_000, -100_000, 100_000, -99_999])),
        Case("large first, small later", [], _ops([50, 60, 70, 1, 2, 3, 4, 5])),
    ]
    cases += [Case(f"random small {k}", [], _ops(_random(rng, int(rng.integers(1, 14)), 10))) for k in range(6)]
    cases.append(Case("random medium", [], _ops(_random(rng, 3000, 10**5), 7)))
    cases.append(Case("100000 additions", [], _ops(_random(rng, LARGE_N, 10**5)), time_limit=4.0, diagnose=False,
                      note="100000 addNum calls, each followed by findMedian: sorting the numbers on every query, "
                           "O(n log n) per call, exceeds the limit"))
    return cases


# The statement's edge rules (README.md, `<!-- rule: … -->`) and the cases that exercise each.
RULES = {
    'even-mean': ['example', 'negative half', 'negatives, odd sums'],
    'float-result': ['whole-number median of two', 'one number', 'example'],
    'negatives-repeats': ['repeated numbers', 'negatives, odd sums', 'negative half'],
    'any-order': ['descending stream', 'large first, small later'],
}
