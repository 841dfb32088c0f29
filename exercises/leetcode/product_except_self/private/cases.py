"""Cases for Product of Array Except Self: one zero, two zeros, a zero at index 0, n = 2,
negatives, ±1 runs, random lists whose prefix and suffix products fit in 32 bits, and n = 100 000."""

import numpy as np

from grader.authoring import Case

LARGE_N = 100_000
INT32_MAX = 2**31 - 1


def _random(rng: np.random.Generator, n: int, zeros: int) -> list[int]:
    """Values in [-30, 30] (ZEROS of them 0), redrawn until every prefix/suffix product fits in 32 bits."""
    while True:
        nums = rng.integers(-6, 7, size=n)
        nums[nums == 0] = 1
        nums[rng.choice(n, size=zeros, replace=False)] = 0
        big = rng.random(n) < 0.1
        nums[big] = rng.integers(-30, 31, size=int(big.sum()))
        values = nums.tolist()
        if all(abs(_product(values[:k])) <= INT32_MAX and abs(_product(values[k:])) <= INT32_MAX
               for k in range(n + 1)):
            return values


def _product(values: list[int]) -> int:
    result = 1
    for value in values:
        result *= value
    return result


def _large(rng: np.random.Generator) -> list[int]:
    """±1 everywhere except 18 factors of ±2 or ±3 (|product| ≤ 2^10 · 3^8 < 2^31)."""
    nums = rng.choice([-1, 1], size=LARGE_N)
    spots = rng.choice(LARGE_N, size=18, replace=False)
    nums[spots] = np.array([2] * 10 + [3] * 8) * rng.choice([-1, 1], size=18)
    return nums.tolist()


def visible(rng):
    return [
        Case("example", [[1, 2, 3, 4]]),
        Case("one zero", [[-1, 1, 0, -3, 3]], note="only the zero's own position gets a non-zero product"),
        Case("two zeros", [[0, 4, 0]]),
        Case("n = 2", [[5, -7]]),
        Case("zero first", [[0, 2, 3]]),
        Case("random", [_random(rng, 8, 0)]),
    ]


def hidden(rng):
    cases = [
        Case("negatives", [[-2, -3, -4, 5]]),
        Case("all ones", [[1, 1, 1, 1, 1]]),
        Case("zero last", [[2, -5, 3, 0]]),
        Case("bounds", [[-30, 30, -30, 30]]),
    ]
    for k in range(3):
        cases.append(Case(f"random {k}", [_random(rng, int(rng.integers(2, 15)), 0)]))
        cases.append(Case(f"random with one zero {k}", [_random(rng, int(rng.integers(2, 15)), 1)]))
    cases.append(Case("random with three zeros", [_random(rng, 12, 3)]))
    cases.append(Case("n = 100000", [_large(rng)], time_limit=2.0,
                      note="n = 100000: an O(n²) solution cannot finish within the limit"))
    return cases


# The statement's edge rules (README.md, `<!-- rule: … -->`) and the cases that exercise each.
RULES = {
    'zeros': ['one zero', 'two zeros', 'zero first', 'zero last', 'random with three zeros'],
    'empty-product': ['n = 2'],
    'negatives': ['negatives', 'bounds'],
}
