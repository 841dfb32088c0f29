"""Cases for 3Sum: the LeetCode example, repeated values (two and three copies), no triplet,
fewer than three values, many duplicates, unsorted input, random lists with repeats, and
n = 1 500."""

import numpy as np

from grader.authoring import Case

LARGE_N = 1_500


def _random(rng: np.random.Generator, n: int, span: int) -> list[int]:
    return rng.integers(-span, span + 1, size=n).tolist()


def visible(rng):
    return [
        Case("example", [[-1, 0, 1, 2, -1, -4]]),
        Case("three zeros", [[0, 0, 0]]),
        Case("no triplet", [[0, 1, 1]]),
        Case("two values", [[1, -1]]),
        Case("random", [_random(rng, 10, 5)]),
    ]


def hidden(rng):
    cases = [
        Case("empty", [[]]),
        Case("many zeros", [[0, 0, 0, 0, 0]], note="one triplet"),
        Case("two copies needed", [[4, -2, 1, -2, 3, 0]]),
        Case("copies on both sides", [[2, -4, 2, -1, -1, 2, -4, 1]]),
        Case("all positive", [[3, 1, 4, 1, 5, 9, 2, 6]]),
        Case("descending input", [[5, 3, 1, 0, -1, -3, -4, -6]]),
        Case("heavy duplicates", [[-1, -1, -1, -1, 0, 0, 0, 1, 1, 1, 2, 2, -2, -2]]),
    ]
    cases += [Case(f"random small {k}", [_random(rng, int(rng.integers(3, 15)), 6)]) for k in range(6)]
    cases.append(Case("random medium", [_random(rng, 200, 50)]))
    cases.append(Case("n = 1500", [_random(rng, LARGE_N, 10**5)], time_limit=3.0, diagnose=False,
                      note="n = 1500: trying every triple, O(n³), exceeds the limit"))
    return cases


# The statement's edge rules (README.md, `<!-- rule: … -->`) and the cases that exercise each.
RULES = {
    'unique': ['example', 'many zeros', 'heavy duplicates'],
    'repeated-values': ['three zeros', 'two copies needed', 'copies on both sides'],
    'sorted-triplets': ['descending input', 'example'],
    'none': ['no triplet', 'two values', 'empty', 'all positive'],
}
