"""Cases for Redundant Connection: the LeetCode examples, cycles whose last edge in input order is
not their first, cycles walked against the label order, a triangle, a cycle through every node,
random trees plus one edge, and n = 100 000."""

import numpy as np

from grader.authoring import Case

LARGE_N = 100_000


def _tree_plus_edge(rng: np.random.Generator, n: int, last: bool = False) -> list[list[int]]:
    """A random tree on 1 … n (each node hangs under an earlier one, labels shuffled) plus one
    edge between two nodes not yet joined, in shuffled order; with LAST the extra edge comes last."""
    labels = rng.permutation(n) + 1
    parents = [int(rng.integers(0, i)) for i in range(1, n)]
    tree = {(int(min(labels[i], labels[p])), int(max(labels[i], labels[p]))) for i, p in enumerate(parents, 1)}
    while True:
        a, b = sorted(int(x) for x in rng.choice(n, size=2, replace=False) + 1)
        if (a, b) not in tree:
            break
    edges = [list(edge) for edge in tree]
    edges = [edges[i] for i in rng.permutation(len(edges))]
    edges.insert(len(edges) if last else int(rng.integers(0, len(edges) + 1)), [a, b])
    return edges


def visible(rng):
    return [
        Case("example", [[[1, 2], [1, 3], [2, 3]]]),
        Case("example with a tail", [[[1, 2], [2, 3], [3, 4], [1, 4], [1, 5]]]),
        Case("last cycle edge is not the extra one", [[[2, 3], [1, 3], [1, 2], [3, 4]]],
             note="the cycle is 1-2-3; its last edge in the input is [1, 2]"),
        Case("cycle against the label order", [[[1, 4], [3, 4], [1, 2], [2, 3], [4, 5]]]),
        Case("random n = 8", [_tree_plus_edge(rng, 8)]),
    ]


def hidden(rng):
    cases = [
        Case("triangle at the end", [[[1, 2], [2, 4], [3, 4], [4, 5], [3, 5]]]),
        Case("cycle through every node", [[[3, 4], [1, 6], [2, 5], [4, 6], [1, 2], [3, 5]]]),
        Case("cycle edges spread out", [[[4, 7], [1, 2], [5, 6], [2, 7], [3, 6], [1, 4], [6, 7], [2, 8]]]),
        Case("star plus an edge between leaves", [[[1, 5], [2, 5], [3, 5], [4, 5], [5, 6], [2, 4], [5, 7]]]),
        Case("path plus its closing edge", [[[i, i + 1] for i in range(1, 10)] + [[1, 10]]]),
    ]
    cases += [Case(f"random n = {n}", [_tree_plus_edge(rng, n)]) for n in (5, 6, 9, 12, 20, 40)]
    cases += [Case(f"random n = 500 ({k})", [_tree_plus_edge(rng, 500)]) for k in range(2)]
    cases.append(Case("n = 2000, extra edge last", [_tree_plus_edge(rng, 2000, last=True)]))
    cases.append(Case("n = 100000", [_tree_plus_edge(rng, LARGE_N)], time_limit=2.0, diagnose=False,
                      note="n = 100000: searching the graph before adding each edge, O(n²), cannot finish "
                           "within the limit"))
    return cases


# The statement's edge rules (README.md, `<!-- rule: … -->`) and the cases that exercise each.
RULES = {
    'last-in-input': ['last cycle edge is not the extra one', 'cycle edges spread out', 'cycle through every node'],
    'undirected': ['cycle against the label order', 'cycle through every node'],
    'one-based': ['example', 'path plus its closing edge'],
}
