"""Cases for Search Range: the LeetCode example, absent targets (below, above, between), an empty
list, single occurrences, runs at both ends of the list and filling it, random sorted lists with
repeats, and n = 200 000 with long runs and 10 000 targets."""

import numpy as np

from grader.authoring import Case

LARGE_N, LARGE_Q = 200_000, 10_000


def _sorted(rng: np.random.Generator, n: int, span: int) -> list[int]:
    """N sorted values drawn from [-span, span] (repeats likely when span is small)."""
    return np.sort(rng.integers(-span, span + 1, size=n)).tolist()


def _targets(rng: np.random.Generator, nums: list[int], q: int, span: int) -> list[int]:
    """Q targets: values of nums (60 %) and values drawn from [-span - 2, span + 2]."""
    picks = [nums[int(rng.integers(len(nums)))] if nums and rng.random() < 0.6
             else int(rng.integers(-span - 2, span + 3)) for _ in range(q)]
    return picks


def _large(rng: np.random.Generator) -> tuple[list[int], list[int]]:
    """200 000 values: a run of 50 000 at each end and about 200 shorter runs between them; 10 000
    targets, half of them the values of the two long runs, the rest other values or absent."""
    lengths = rng.integers(1, 1_000, size=400)
    lengths = lengths[np.cumsum(lengths) <= LARGE_N - 100_000]
    values = np.sort(rng.choice(2 * 10**9, size=len(lengths) + 2, replace=False) - 10**9)
    runs = np.concatenate([[50_000], lengths, [LARGE_N - 50_000 - lengths.sum()]])
    nums = np.repeat(values, runs).tolist()
    picks = rng.integers(len(values), size=LARGE_Q)
    picks[rng.random(LARGE_Q) < 0.5] = 0
    picks[rng.random(LARGE_Q) < 0.25] = len(values) - 1
    targets = [int(values[pick]) + int(rng.random() < 0.1) for pick in picks]
    return nums, targets


def visible(rng):
    nums = _sorted(rng, 12, 5)
    return [
        Case("example", [[5, 7, 7, 8, 8, 10], [8, 6]]),
        Case("empty list", [[], [0, 3]]),
        Case("single occurrences", [[-4, 0, 3, 3, 9, 12], [0, 12, -4, 9]]),
        Case("the whole list is one run", [[2, 2, 2], [2, 1, 3]]),
        Case("random with repeats", [nums, _targets(rng, nums, 6, 5)]),
    ]


def hidden(rng):
    cases = [
        Case("runs at both ends", [[1, 1, 2, 3, 3, 3], [1, 3, 2]]),
        Case("absent below, above and between",
             [[-5, -5, 0, 4, 4, 9], [-6, 10, 1, 5, -1, 3]], note="no target occurs"),
        Case("single element", [[7], [7, 6, 8, 7]]),
        Case("two elements", [[-3, 8], [-3, 8, 0, -4]]),
        Case("every value of a list with runs", [[0, 0, 1, 2, 2, 2, 5, 5, 6], [0, 1, 2, 5, 6, 3]]),
        Case("empty list, several targets", [[], [-10**9, 0, 10**9]]),
    ]
    for k in range(6):
        nums = _sorted(rng, int(rng.integers(1, 40)), int(rng.integers(1, 20)))
        cases.append(Case(f"random small {k}", [nums, _targets(rng, nums, 8, 20)]))
    nums = _sorted(rng, 3000, 10**9)
    cases.append(Case("random wide", [nums, _targets(rng, nums, 200, 10**9)]))
    cases.append(Case("n = 200000, q = 10000", list(_large(rng)), time_limit=2.0, diagnose=False,
                      note="n = 200000 with runs of up to 50000 equal values, 10000 targets: an O(n) "
                           "scan per target exceeds the limit"))
    return cases


# The statement's edge rules (README.md, `<!-- rule: … -->`) and the cases that exercise each.
RULES = {
    'absent': ['absent below, above and between', 'example'],
    'empty': ['empty list', 'empty list, several targets'],
    'single-occurrence': ['single occurrences', 'single element'],
    'list-ends': ['runs at both ends', 'the whole list is one run', 'single occurrences'],
}
