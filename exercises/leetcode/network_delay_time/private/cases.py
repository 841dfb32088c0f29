"""Cases for Network Delay Time: the LeetCode examples, unreachable nodes (isolated, only reachable
against an edge's direction), a multi-hop path beating a direct edge, zero weights, one node,
random graphs, a 10 000-node chain with 40 000 useless edges, and a hub improved 3 000 times with 50 000 edges out."""

import numpy as np

from grader.authoring import Case

HUB_IMPROVEMENTS, HUB_FANOUT = 3_000, 50_000
CHAIN_N, CHAIN_EXTRA = 10_000, 40_000


def _random(rng: np.random.Generator, n: int, edges: int, heaviest: int) -> tuple[list[list[int]], int, int]:
    """A random directed graph: a random spanning arborescence from k (so every node is reached),
    then extra random edges; no pair (u, v) twice, no self-loop."""
    order = (rng.permutation(n) + 1).tolist()
    pairs = {(order[int(rng.integers(i))], order[i]) for i in range(1, n)}
    while len(pairs) < min(edges, n * (n - 1)):
        u, v = (int(x) for x in rng.integers(1, n + 1, size=2))
        if u != v:
            pairs.add((u, v))
    times = [[u, v, int(rng.integers(0, heaviest + 1))] for u, v in sorted(pairs)]
    rng.shuffle(times)
    return times, n, order[0]


def _cut(rng: np.random.Generator, graph: tuple[list[list[int]], int, int]) -> tuple[list[list[int]], int, int]:
    """The same graph with every edge into one random node other than k removed."""
    times, n, k = graph
    lost = k
    while lost == k:
        lost = int(rng.integers(1, n + 1))
    return [edge for edge in times if edge[1] != lost], n, k


def _chain(rng: np.random.Generator) -> tuple[list[list[int]], int, int]:
    """A chain through all 10 000 nodes (weights 0 … 10) that is every node's shortest path, plus
    40 000 edges that never help: forward jumps of d ≤ 999 links weighing 10·d + 1, and backward
    edges (the chain's times never decrease). Labels and edge order are random."""
    label = (rng.permutation(CHAIN_N) + 1).tolist()
    times = [[label[i], label[i + 1], int(rng.integers(0, 11))] for i in range(CHAIN_N - 1)]
    pairs = {(i, i + 1) for i in range(CHAIN_N - 1)}
    while len(pairs) < CHAIN_N - 1 + CHAIN_EXTRA:
        i = int(rng.integers(1, CHAIN_N))
        j = i + int(rng.integers(2, 1_000)) if rng.random() < 0.5 else int(rng.integers(i))
        if j < CHAIN_N and (i, j) not in pairs:
            pairs.add((i, j))
            weight = 10 * (j - i) + 1 if j > i else int(rng.integers(0, 10_001))
            times.append([label[i], label[j], weight])
    rng.shuffle(times)
    return times, CHAIN_N, label[0]


def _hub() -> tuple[list[list[int]], int, int]:
    """Node 1 reaches a_i (nodes 2 … 3001) in time i, and a_i reaches the hub in 2m − 2i: the hub's
    tentative time improves with each a_i settled (2m − 1, 2m − 2, …, m). The hub then sends to
    50 000 leaves in time 1."""
    m = HUB_IMPROVEMENTS
    hub = m + 2
    times = [[1, i + 1, i] for i in range(1, m + 1)]
    times += [[i + 1, hub, 2 * m - 2 * i] for i in range(1, m + 1)]
    times += [[hub, hub + j, 1] for j in range(1, HUB_FANOUT + 1)]
    return times, hub + HUB_FANOUT, 1


def visible(rng):
    return [
        Case("example", [[[2, 1, 1], [2, 3, 1], [3, 4, 1]], 4, 2]),
        Case("one edge", [[[1, 2, 1]], 2, 1]),
        Case("against the edge", [[[1, 2, 1]], 2, 2], note="node 1 never receives the signal"),
        Case("two hops beat one", [[[1, 2, 10], [1, 3, 2], [3, 2, 3]], 3, 1]),
        Case("random", list(_random(rng, 6, 12, 9))),
    ]


def hidden(rng):
    cases = [
        Case("one node", [[], 1, 1]),
        Case("isolated node", [[[1, 2, 4], [2, 3, 5]], 4, 1]),
        Case("only reachable backwards", [[[1, 2, 3], [3, 2, 1], [2, 4, 2]], 4, 1]),
        Case("three hops beat one", [[[1, 4, 100], [1, 2, 1], [2, 3, 1], [3, 4, 1], [4, 5, 1]], 5, 1]),
        Case("zero weights", [[[3, 1, 0], [1, 2, 0], [2, 4, 7], [3, 4, 9]], 4, 3]),
        Case("star", [[[2, 1, 4], [2, 3, 9], [2, 4, 1], [2, 5, 3]], 5, 2]),
        Case("diamond", [[[1, 2, 2], [1, 3, 5], [2, 4, 9], [3, 4, 1], [4, 5, 2]], 5, 1]),
    ]
    for index in range(6):
        graph = _random(rng, int(rng.integers(2, 9)), int(rng.integers(3, 20)), 12)
        cases.append(Case(f"random small {index}", list(_cut(rng, graph) if index % 3 == 2 else graph)))
    cases.append(Case("random medium", list(_random(rng, 300, 2_000, 100))))
    cases.append(Case("chain of 10000 nodes, 50000 edges", list(_chain(rng)), time_limit=4.0, diagnose=False,
                      note="n = 10000, 50000 edges, shortest paths 9999 edges deep: Bellman-Ford, "
                           "O(n·E), exceeds the limit"))
    cases.append(Case("hub improved 3000 times", list(_hub()), time_limit=5.0, diagnose=False,
                      note="a hub with 50000 edges out is pushed 3000 times: expanding it again for "
                           "every stale heap entry exceeds the limit"))
    return cases


# The statement's edge rules (README.md, `<!-- rule: … -->`) and the cases that exercise each.
RULES = {
    'unreachable': ['against the edge', 'isolated node', 'only reachable backwards'],
    'max-not-sum': ['example', 'star', 'diamond'],
    'weighted': ['two hops beat one', 'three hops beat one', 'diamond'],
    'directed': ['against the edge', 'only reachable backwards'],
    'single-node': ['one node'],
}
