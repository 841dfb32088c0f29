"""Cases for Daily Temperatures: the LeetCode examples, equal temperatures (strictly warmer),
days never followed by a warmer one, a single day, decreasing and increasing runs, random
temperatures, and n = 100 000 with half of the days at the maximum."""

import numpy as np

from grader.authoring import Case

LARGE_N = 100_000


def _random(rng: np.random.Generator, n: int, low: int = 30, high: int = 100) -> list[int]:
    return rng.integers(low, high + 1, size=n).tolist()


def _large(rng: np.random.Generator) -> list[int]:
    """Random temperatures with every other day (on average) at 100, which no day beats."""
    temperatures = rng.integers(30, 100, size=LARGE_N)
    temperatures[rng.random(LARGE_N) < 0.5] = 100
    return temperatures.tolist()


def visible(rng):
    return [
        Case("example", [[73, 74, 75, 71, 69, 72, 76, 73]]),
        Case("increasing", [[30, 40, 50, 60]]),
        Case("decreasing", [[90, 60, 30]]),
        Case("equal is not warmer", [[70, 70, 71]], note="the second 70 does not end the first day's wait"),
        Case("random small", [_random(rng, 10, 60, 70)]),
    ]


def hidden(rng):
    cases = [
        Case("single day", [[55]]),
        Case("all equal", [[80, 80, 80, 80]]),
        Case("plateau then warmer", [[50, 50, 49, 50, 51, 30]]),
        Case("valley", [[100, 40, 35, 45, 30, 100]]),
        Case("warmer day far away", [[60] + [59] * 8 + [61]]),
        Case("extremes", [[30, 100, 30, 100, 100]]),
    ]
    cases += [Case(f"random small {k}", [_random(rng, int(rng.integers(2, 15)), 60, 66)]) for k in range(5)]
    cases += [Case(f"random 1000 days {k}", [_random(rng, 1000)]) for k in range(2)]
    cases.append(Case("n = 100000", [_large(rng)], time_limit=2.0, diagnose=False,
                      note="n = 100000 with half of the days at 100: scanning forward from every day, "
                           "O(n²), cannot finish within the limit"))
    return cases


# The statement's edge rules (README.md, `<!-- rule: … -->`) and the cases that exercise each.
RULES = {
    'strictly-warmer': ['equal is not warmer', 'all equal', 'plateau then warmer'],
    'none-is-zero': ['decreasing', 'single day', 'example'],
    'days-not-index': ['example', 'warmer day far away', 'valley'],
}
