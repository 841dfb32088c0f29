"""Cases for Coin Change: the LeetCode examples, amount 0, unreachable amounts, coins where the
largest-first greedy is wrong or gets stuck, coins that must be reused, coins larger than the
amount, random small coin sets and amount = 10 000 with 12 coins."""

import numpy as np

from grader.authoring import Case

LARGE_AMOUNT = 10_000


def _random(rng: np.random.Generator, count: int, largest: int, amount: int) -> list:
    """COUNT distinct coins from 1 … LARGEST, in random order, and AMOUNT."""
    return [(rng.choice(largest, size=count, replace=False) + 1).tolist(), amount]


def visible(rng):
    return [
        Case("example", [[1, 2, 5], 11]),
        Case("unreachable", [[2], 3]),
        Case("amount 0", [[1], 0]),
        Case("greedy is not fewest", [[1, 3, 4], 6], note="3 + 3: two coins, where 4 + 1 + 1 takes three"),
        Case("one coin reused", [[2], 6]),
        Case("random small", _random(rng, 3, 9, 23)),
    ]


def hidden(rng):
    cases = [
        Case("greedy gets stuck", [[5, 3], 6]),
        Case("greedy gets stuck, larger", [[7, 5, 2], 24]),
        Case("unreachable by two coins", [[3, 7], 11]),
        Case("only coins larger than the amount", [[10, 20], 5]),
        Case("amount 0, large coins", [[7, 2147483647], 0]),
        Case("a coin far larger than the amount", [[2, 1000000], 6]),
        Case("odd amount, even coins", [[4, 6, 10], 101]),
        Case("classic", [[186, 419, 83, 408], 6249]),
        Case("unsorted mix", [[2, 5, 10, 1], 27]),
    ]
    for k in range(6):
        cases.append(Case(f"random small {k}", _random(rng, int(rng.integers(1, 5)), 12, int(rng.integers(1, 40)))))
    cases.append(Case("random 8 coins, amount 3000", _random(rng, 8, 400, 3000)))
    cases.append(Case("amount = 10000", [[371, 467, 503, 619, 733, 811, 977, 1009, 1013, 1499, 2003, 2999],
                                        LARGE_AMOUNT], time_limit=2.0, diagnose=False,
                      note="amount = 10000 with 12 coins: a recursion without memoisation cannot finish "
                           "within the limit"))
    return cases


# The statement's edge rules (README.md, `<!-- rule: … -->`) and the cases that exercise each.
RULES = {
    'amount-zero': ['amount 0', 'amount 0, large coins'],
    'impossible': ['unreachable', 'unreachable by two coins', 'only coins larger than the amount',
                   'odd amount, even coins'],
    'unlimited-reuse': ['one coin reused', 'example'],
    'not-greedy': ['greedy is not fewest', 'greedy gets stuck', 'greedy gets stuck, larger'],
    'large-coins': ['a coin far larger than the amount', 'amount 0, large coins', 'only coins larger than the amount'],
}
