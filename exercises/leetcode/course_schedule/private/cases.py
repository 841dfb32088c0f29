"""Cases for Course Schedule: shared prerequisites (a DAG that is not a tree), a two-course cycle,
a three-course cycle, a self-requirement, repeated pairs, isolated courses, random DAGs, random
graphs with a planted cycle, and 100 000 courses with a 100 000-long chain."""

import numpy as np

from grader.authoring import Case

LARGE_COURSES, LARGE_EXTRA = 100_000, 100_000


def _dag(rng: np.random.Generator, courses: int, pairs: int, order: np.ndarray | None = None) -> list[list[int]]:
    """Random pairs [a, b] where b comes before a in ORDER (random if not given), so no cycle."""
    order = rng.permutation(courses) if order is None else order
    ranks = np.sort(rng.integers(0, courses, size=(pairs, 2)), axis=1)
    keep = ranks[:, 0] < ranks[:, 1]
    return [[int(order[late]), int(order[early])] for early, late in ranks[keep]]


def _with_cycle(rng: np.random.Generator, courses: int, pairs: int, length: int) -> list[list[int]]:
    """A random DAG plus a planted cycle through LENGTH courses, in shuffled pair order."""
    ring = rng.choice(courses, size=length, replace=False).tolist()
    edges = _dag(rng, courses, pairs) + [[ring[i], ring[(i + 1) % length]] for i in range(length)]
    return [edges[i] for i in rng.permutation(len(edges))]


def _large(rng: np.random.Generator) -> list[list[int]]:
    """A chain through all courses in a random order plus random pairs that respect that order."""
    order = rng.permutation(LARGE_COURSES)
    chain = [[int(order[i + 1]), int(order[i])] for i in range(LARGE_COURSES - 1)]
    edges = chain + _dag(rng, LARGE_COURSES, LARGE_EXTRA * 2, order)[:LARGE_EXTRA]
    return [edges[i] for i in rng.permutation(len(edges))]


def visible(rng):
    return [
        Case("one prerequisite", [2, [[1, 0]]]),
        Case("two-course cycle", [2, [[1, 0], [0, 1]]]),
        Case("shared prerequisite", [3, [[1, 0], [2, 0], [2, 1]]],
             note="take 0, then 1, then 2: reaching 0 twice is not a cycle"),
        Case("three-course cycle", [3, [[0, 1], [1, 2], [2, 0]]]),
        Case("self requirement", [1, [[0, 0]]]),
        Case("no prerequisites", [3, []]),
        Case("random DAG", [8, _dag(rng, 8, 10)]),
    ]


def hidden(rng):
    cases = [
        Case("repeated pair", [2, [[1, 0], [1, 0]]]),
        Case("chain against label order", [4, [[0, 1], [1, 2], [2, 3]]]),
        Case("diamond", [4, [[1, 0], [2, 0], [3, 1], [3, 2]]]),
        Case("cycle among isolated courses", [6, [[4, 5], [5, 3], [3, 4]]]),
        Case("ring of 50", [50, [[i, (i + 1) % 50] for i in range(50)]]),
    ]
    for k in range(3):
        cases.append(Case(f"random DAG {k}", [30, _dag(rng, 30, 60)]))
        cases.append(Case(f"random with a cycle of {k + 2}", [30, _with_cycle(rng, 30, 40, k + 2)]))
    cases.append(Case("random DAG, 2000 courses", [2000, _dag(rng, 2000, 6000)]))
    cases.append(Case("random with a long cycle, 2000 courses", [2000, _with_cycle(rng, 2000, 6000, 40)]))
    cases.append(Case("100000 courses", [LARGE_COURSES, _large(rng)], time_limit=8.0,
                      note="100000 courses, 200000 pairs: an O(numCourses · pairs) solution cannot finish "
                           "within the limit"))
    return cases


# The statement's edge rules (README.md, `<!-- rule: … -->`) and the cases that exercise each.
RULES = {
    'directed': ['shared prerequisite', 'chain against label order'],
    'shared-prerequisite-not-cycle': ['shared prerequisite', 'diamond'],
    'self-requirement': ['self requirement'],
    'repeated-pairs': ['repeated pair'],
    'no-prerequisites': ['no prerequisites', 'cycle among isolated courses'],
}
