"""Cases for Two Sum: the self-pairing trap (target = 2·x with x once), duplicates, negatives,
zeros, unsorted input, random lists with exactly one valid pair, and n = 100 000."""

import numpy as np

from grader.authoring import Case

LARGE_N = 100_000


def _pair_count(nums: list[int], target: int) -> int:
    """Number of position pairs i < j with nums[i] + nums[j] == target."""
    counts: dict[int, int] = {}
    pairs = 0
    for value in nums:
        pairs += counts.get(target - value, 0)
        counts[value] = counts.get(value, 0) + 1
    return pairs


def _random(rng: np.random.Generator, n: int, low: int, high: int) -> tuple[list[int], int]:
    """A random list and a target reached by exactly one pair of positions."""
    while True:
        nums = rng.integers(low, high + 1, size=n).tolist()
        i, j = rng.choice(n, size=2, replace=False).tolist()
        target = nums[i] + nums[j]
        if _pair_count(nums, target) == 1:
            return nums, target


def _large(rng: np.random.Generator) -> tuple[list[int], int]:
    """Distinct even values plus one odd value: with an odd target the pair is unique.
    The pair sits in the last 50 positions, so a double loop scans ~n²/2 pairs."""
    evens = (rng.choice(10**9, size=LARGE_N - 1, replace=False) * 2 - 10**9).tolist()
    odd = int(rng.integers(-(10**8), 10**8)) * 2 + 1
    position = LARGE_N - int(rng.integers(2, 50))
    nums = evens[:position] + [odd] + evens[position:]
    return nums, odd + nums[-1]


def visible(rng):
    return [
        Case("example", [[2, 7, 11, 15], 9]),
        Case("target is twice an unpaired value", [[3, 2, 4], 6],
             note="3 + 3 = 6 but 3 occurs once: the answer is [1, 2]"),
        Case("equal values at two positions", [[3, 3], 6]),
        Case("negatives and zero", [[-3, 4, 3, 90], 0]),
        Case("two zeros", [[0, 4, 3, 0], 0]),
        Case("random small", list(_random(rng, 8, -10, 10))),
    ]


def hidden(rng):
    cases = [
        Case("negative target twice an unpaired value", [[-4, 7, -1, -7, 5], -8]),
        Case("pair not at the front", [[5, 1, 8, 3, 9, -2], 1]),
    ]
    cases += [Case(f"random small {k}", list(_random(rng, int(rng.integers(2, 12)), -10, 10))) for k in range(6)]
    cases += [Case(f"random wide {k}", list(_random(rng, 300, -10**9, 10**9))) for k in range(3)]
    cases.append(Case("n = 100000", list(_large(rng)), time_limit=2.0,
                      note="n = 100000: an O(n²) solution cannot finish within the limit"))
    return cases


# The statement's edge rules (README.md, `<!-- rule: … -->`) and the cases that exercise each.
RULES = {
    'different-positions': ['target is twice an unpaired value', 'negative target twice an unpaired value'],
    'negatives-repeats': ['equal values at two positions', 'negatives and zero', 'two zeros'],
    'original-indices': ['pair not at the front', 'example'],
}
