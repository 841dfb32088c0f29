"""Cases for Merge k Sorted Lists: the LeetCode example, no lists, empty lists (some, all, first,
last), one list, an odd number of lists, uneven lengths, repeated values, random lists, and
k = 10 000 lists holding N = 100 000 integers."""

import numpy as np

from grader.authoring import Case

LARGE_K, LARGE_N = 10_000, 100_000


def _random(rng: np.random.Generator, k: int, longest: int, span: int) -> list[list[int]]:
    return [np.sort(rng.integers(-span, span + 1, size=int(rng.integers(0, longest + 1)))).tolist()
            for _ in range(k)]


def _large(rng: np.random.Generator) -> list[list[int]]:
    """10 000 sorted lists of random lengths (some empty) holding 100 000 integers in all."""
    values = rng.integers(-10**9, 10**9 + 1, size=LARGE_N)
    cuts = np.sort(rng.integers(0, LARGE_N + 1, size=LARGE_K - 1))
    return [np.sort(part).tolist() for part in np.split(values, cuts)]


def visible(rng):
    return [
        Case("example", [[[1, 4, 5], [1, 3, 4], [2, 6]]]),
        Case("no lists", [[]]),
        Case("one empty list", [[[]]]),
        Case("empty lists among others", [[[], [2, 3], [], [1, 4], []]]),
        Case("random", [_random(rng, 4, 5, 9)]),
    ]


def hidden(rng):
    cases = [
        Case("every list empty", [[[], [], []]]),
        Case("one list", [[[-3, 0, 0, 7]]]),
        Case("repeated values", [[[1, 1], [1], [1, 2, 2]]]),
        Case("five lists", [[[5, 9], [1, 2], [3], [0, 4, 8], [6, 7]]], note="an odd number of lists"),
        Case("one long list, short others", [[[1, 2, 3, 4, 5, 6, 7, 8], [0], [9], [4]]]),
        Case("first list ends last", [[[10, 20, 30, 40], [1, 2], [3]]]),
        Case("negatives", [[[-9, -4, -1], [-8, -8], [-10, 0]]]),
    ]
    cases += [Case(f"random small {k}", [_random(rng, int(rng.integers(1, 8)), 6, 10)]) for k in range(6)]
    cases.append(Case("random medium", [_random(rng, 37, 40, 10**9)]))
    cases.append(Case("k = 10000, N = 100000", [_large(rng)], time_limit=4.0, diagnose=False,
                      note="k = 10000 lists, N = 100000 integers: an O(N·k) merge exceeds the limit"))
    return cases


# The statement's edge rules (README.md, `<!-- rule: … -->`) and the cases that exercise each.
RULES = {
    'empty-lists': ['one empty list', 'empty lists among others', 'every list empty'],
    'no-lists': ['no lists'],
    'duplicates-kept': ['example', 'repeated values'],
    'every-list': ['five lists', 'one long list, short others', 'first list ends last'],
}
