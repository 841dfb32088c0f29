"""Cases for Container With Most Water: the LeetCode example, two lines, zeros, a tall pair far
apart versus close together, traps for moving the taller line, random heights, and n = 100 000."""

import numpy as np

from grader.authoring import Case

LARGE_N = 100_000


def _random(rng: np.random.Generator, n: int, top: int) -> list[int]:
    return rng.integers(0, top + 1, size=n).tolist()


def visible(rng):
    return [
        Case("example", [[1, 8, 6, 2, 5, 4, 8, 3, 7]]),
        Case("two lines", [[1, 1]]),
        Case("all zeros", [[0, 0, 0]]),
        Case("a short line at the end", [[1, 5, 6, 2, 1]], note="the best pair is 5 and 2"),
        Case("random", [_random(rng, 10, 10)]),
    ]


def hidden(rng):
    cases = [
        Case("two lines, one of height 0", [[0, 7]]),
        Case("zeros and one tall line", [[0, 9, 0, 0]]),
        Case("tall lines in the middle", [[1, 2, 9, 9, 2, 1]]),
        Case("the tallest line is not in the best pair", [[2, 3, 10, 5, 7, 8, 9]]),
        Case("short line first", [[1, 100, 100, 1, 1, 1, 1]]),
        Case("ascending", [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10]]),
        Case("descending", [[10, 9, 8, 7, 6, 5, 4, 3, 2, 1]]),
        Case("equal heights", [[4, 4, 4, 4, 4]]),
    ]
    cases += [Case(f"random small {k}", [_random(rng, int(rng.integers(2, 15)), 12)]) for k in range(6)]
    cases.append(Case("random medium", [_random(rng, 1000, 10**4)]))
    cases.append(Case("n = 100000", [_random(rng, LARGE_N, 10**4)], time_limit=2.0, diagnose=False,
                      note="n = 100000: trying every pair of lines, O(n²), exceeds the limit"))
    return cases


# The statement's edge rules (README.md, `<!-- rule: … -->`) and the cases that exercise each.
RULES = {
    'width': ['two lines', 'example', 'equal heights'],
    'shorter-line': ['a short line at the end', 'the tallest line is not in the best pair', 'short line first'],
    'zeros': ['all zeros', 'two lines, one of height 0'],
    'two-lines': ['two lines', 'two lines, one of height 0'],
}
