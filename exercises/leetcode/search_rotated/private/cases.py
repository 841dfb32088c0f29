"""Cases for Search in Rotated Sorted Array: targets on both sides of the rotation, absent targets
(below, above, between), n = 1 and n = 2, no rotation, rotation by n − 1, every position of a
small list, random rotated lists, and n = 100 000."""

import numpy as np

from grader.authoring import Case

LARGE_N = 100_000


def _rotated(rng: np.random.Generator, n: int, span: int) -> list[int]:
    """N distinct sorted values in [-span, span], rotated at a random index."""
    values = np.sort(rng.choice(2 * span + 1, size=n, replace=False) - span).tolist()
    k = int(rng.integers(n))
    return values[k:] + values[:k]


def _target(rng: np.random.Generator, nums: list[int]) -> int:
    """A value of nums (70 %) or a value next to one that is absent."""
    value = nums[int(rng.integers(len(nums)))]
    if rng.random() < 0.7:
        return value
    absent = [v for v in (value - 1, value + 1) if v not in nums]
    return absent[0] if absent else value


def visible(rng):
    nums = _rotated(rng, 9, 50)
    return [
        Case("example", [[4, 5, 6, 7, 0, 1, 2], 0]),
        Case("absent", [[4, 5, 6, 7, 0, 1, 2], 3]),
        Case("single element", [[1], 1]),
        Case("two elements, target last", [[3, 1], 1], note="lo == mid when two elements are left"),
        Case("not rotated", [[-5, -2, 0, 3, 8, 13], 8]),
        Case("random", [nums, _target(rng, nums)]),
    ]


def hidden(rng):
    cases = [
        Case("single element, absent", [[1], 0]),
        Case("two elements, target first", [[3, 1], 3]),
        Case("rotated by n - 1", [[9, 1, 2, 3, 4, 5, 6], 6]),
        Case("rotated by 1", [[2, 3, 4, 5, 6, 7, 1], 1]),
        Case("minimum last of the final two", [[14, 17, 20, -7, -4, -1, 2, 5, 8, 11], -7]),
        Case("below the minimum", [[30, 40, 50, 10, 20], 5]),
        Case("above the maximum", [[30, 40, 50, 10, 20], 55]),
        Case("absent, between two values of the rotated part",
             [[-2, 7, 8, 18, 26, -29, -17, -16, -15, -5, -4, -3], -25]),
    ]
    small = [6, 7, 8, 9, 1, 2, 3, 4, 5]
    cases += [Case(f"every position, target {t}", [small, t]) for t in small]
    for k in range(6):
        nums = _rotated(rng, int(rng.integers(1, 40)), 100)
        cases.append(Case(f"random {k}", [nums, _target(rng, nums)]))
    large = _rotated(rng, LARGE_N, 10**9)
    cases.append(Case("n = 100000", [large, large[int(rng.integers(LARGE_N))]], time_limit=2.0,
                      note="n = 100000"))
    return cases


# The statement's edge rules (README.md, `<!-- rule: … -->`) and the cases that exercise each.
RULES = {
    'n-one': ['single element', 'single element, absent'],
    'rotation-extremes': ['not rotated', 'rotated by n - 1'],
    'target-outside': ['below the minimum', 'above the maximum', 'absent, between two values of the rotated part'],
    'index-as-given': ['example', 'every position, target 1'],
}
