"""Cases for k-NN: float blobs (no ties), hand-made distance and vote ties, integer grids where
ties are everywhere, non-contiguous labels, k = 1, k = N, duplicated training points and a larger
instance. Tie cases use small integer coordinates so every distance is exact."""

import numpy as np

from grader.authoring import Case


def _blobs(rng, centers, per_blob, labels):
    X = np.concatenate([rng.normal(size=(per_blob, centers.shape[1])) + c for c in centers])
    y = np.repeat(np.asarray(labels, dtype=np.int64), per_blob)
    order = rng.permutation(len(X))
    return X[order], y[order]


def _grid(rng, n, d, radius, n_labels):
    X = rng.integers(-radius, radius + 1, size=(n, d)).astype(np.float64)
    return X, rng.integers(0, n_labels, size=n).astype(np.int64)


def visible(rng):
    X, y = _blobs(rng, np.array([[0.0, 0.0], [4.0, 4.0]]), 6, [0, 1])
    test = rng.normal(size=(6, 2)) * 2 + 2
    ties_X = np.array([[1.0, 0.0], [0.0, 1.0], [-1.0, 0.0], [0.0, -1.0], [3.0, 3.0]])
    ties_y = np.array([0, 1, 1, 1, 1], dtype=np.int64)
    vote_X = np.array([[0.0, 0.0], [1.0, 0.0], [5.0, 0.0], [6.0, 0.0]])
    vote_y = np.array([3, 1, 1, 3], dtype=np.int64)
    return [
        Case("two blobs, k = 3", [X, y, test, 3]),
        Case("four training points at the same distance, k = 2",
             [ties_X, ties_y, np.array([[0.0, 0.0], [0.5, 0.0], [1.0, 1.0], [0.0, 0.0]]), 2],
             note="from (0, 0) the four unit points tie: indices 0 and 1 vote (labels 0, 1: label 0 wins), "
                  "not 2 and 3 (labels 1, 1)"),
        Case("vote tie, k = 2", [vote_X, vote_y, np.array([[0.2, 0.0], [0.8, 0.0], [5.9, 0.0], [5.2, 0.0]]), 2],
             note="each test point has one label-1 and one label-3 neighbour: label 1 wins even when 3 is nearer"),
    ]


def hidden(rng):
    X3, y3 = _blobs(rng, np.array([[0.0, 0.0, 0.0], [3.0, 0.0, 1.0], [0.0, 3.0, -1.0]]), 30, [0, 1, 2])
    grid_X, grid_y = _grid(rng, 40, 2, 2, 4)
    grid_test = rng.integers(-2, 3, size=(25, 2)).astype(np.float64)
    grid3_X, grid3_y = _grid(rng, 60, 3, 1, 3)
    grid3_test = rng.integers(-1, 2, size=(20, 3)).astype(np.float64)
    Xl, yl = _blobs(rng, np.array([[0.0, 0.0], [2.0, 2.0], [-2.0, 2.0]]), 8, [9, 2, 5])
    dup_X = np.repeat(rng.integers(-3, 4, size=(6, 2)).astype(np.float64), 2, axis=0)
    dup_y = rng.permutation(np.tile(np.array([0, 1], dtype=np.int64), 6))
    even_X, even_y = _grid(rng, 12, 2, 3, 3)
    even_y[:] = np.repeat(np.array([4, 1, 7], dtype=np.int64), 4)
    big_X, big_y = _blobs(rng, rng.normal(size=(5, 8)) * 2, 100, [0, 1, 2, 3, 4])
    return [
        Case("3 classes, 90 points, k = 5", [X3, y3, rng.normal(size=(30, 3)) * 2, 5]),
        Case("integer grid with many distance ties, k = 4", [grid_X, grid_y, grid_test, 4]),
        Case("integer 3-D grid, 60 points, k = 7", [grid3_X, grid3_y, grid3_test, 7]),
        Case("labels {2, 5, 9}, k = 3", [Xl, yl, rng.normal(size=(12, 2)) * 2 + 1, 3]),
        Case("k = 1", [X3, y3, rng.normal(size=(10, 3)) * 2, 1]),
        Case("duplicated training points with different labels, k = 1",
             [dup_X, dup_y, rng.integers(-3, 4, size=(15, 2)).astype(np.float64), 1],
             note="every training point appears twice in a row: the first copy is the nearest"),
        Case("k = N, four votes each for labels 4, 1, 7", [even_X, even_y, rng.normal(size=(5, 2)), 12],
             note="every training point votes: a three-way tie won by label 1"),
        Case("k = N − 1 on integer points", [even_X, even_y, grid_test[:8], 11]),
        Case("500 points, 8 dims, k = 9", [big_X, big_y, rng.normal(size=(200, 8)) * 2, 9]),
    ]


# The statement's edge rules (README.md, `<!-- rule: … -->`) and the cases that exercise each.
RULES = {
    "distance-ties-lower-index": [
        "four training points at the same distance, k = 2",
        "integer grid with many distance ties, k = 4",
        "integer 3-D grid, 60 points, k = 7",
        "duplicated training points with different labels, k = 1",
    ],
    "vote-ties-smallest-label": [
        "vote tie, k = 2",
        "integer grid with many distance ties, k = 4",
        "k = N, four votes each for labels 4, 1, 7",
    ],
    "exactly-k": ["two blobs, k = 3", "3 classes, 90 points, k = 5", "k = N, four votes each for labels 4, 1, 7"],
    "labels-as-given": ["labels {2, 5, 9}, k = 3", "vote tie, k = 2"],
    "inputs-unchanged": ["two blobs, k = 3", "vote tie, k = 2"],
}
