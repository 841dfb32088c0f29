"""Cases for a k-means step: blobs, exact ties on integer coordinates (two- and three-way), an
empty cluster (a far-away centroid), duplicate centroids, K = 1, K > N and a larger random
instance. Every tie case has a non-tied point per cluster so a wrong tie rule moves centroids."""

import numpy as np

from grader.authoring import Case


def _blobs(rng, centers, per_blob):
    return np.concatenate([rng.normal(size=(per_blob, centers.shape[1])) * 0.5 + c for c in centers])


def visible(rng):
    centers = np.array([[0.0, 0.0], [5.0, 5.0], [0.0, 6.0]])
    X = _blobs(rng, centers, 5)
    init = X[[0, 5, 10]] + rng.normal(size=(3, 2)) * 0.3
    ties = np.array([[0.0, 0.0], [4.0, 0.0], [2.0, 0.0], [2.0, 3.0], [-1.0, 1.0], [5.0, -1.0]])
    far = np.vstack([init, [[100.0, -100.0]]])
    return [
        Case("three blobs", [X, init]),
        Case("points equidistant from two centroids", [ties, np.array([[0.0, 0.0], [4.0, 0.0]])],
             note="(2, 0) and (2, 3) are as far from centroid 0 as from centroid 1: they go to 0"),
        Case("an empty cluster", [X, far], note="centroid 3 gets no point and stays at (100, −100)"),
    ]


def hidden(rng):
    grid = np.array([[x, y] for x in range(-2, 3) for y in range(-2, 3)], dtype=np.float64)
    three_way = np.array([[0.0, 2.0], [-2.0, -1.0], [2.0, -1.0]])
    big = rng.normal(size=(200, 5)) * 2
    X = _blobs(rng, np.array([[0.0, 0.0], [6.0, 1.0]]), 6)
    return [
        Case("integer grid, symmetric centroids", [grid, three_way]),
        Case("integer grid, two centroids on an axis", [grid, np.array([[-1.0, 0.0], [1.0, 0.0]])]),
        Case("duplicate centroids", [X, np.array([[1.0, 0.0], [1.0, 0.0], [6.0, 1.0]])]),
        Case("K = 1", [X, np.array([[3.0, 3.0]])]),
        Case("K > N", [X[:3], rng.normal(size=(5, 2)) * 4]),
        Case("200 points, 5 dims, 6 centroids", [big, big[:6] + rng.normal(size=(6, 5)) * 0.1]),
    ]


# The statement's edge rules (README.md, `<!-- rule: … -->`) and the cases that exercise each.
RULES = {
    'ties-lowest-index': [
        'points equidistant from two centroids',
        'integer grid, symmetric centroids',
        'integer grid, two centroids on an axis',
    ],
    'empty-cluster': ['an empty cluster', 'K > N'],
    'duplicate-centroids': ['duplicate centroids'],
    'inputs-unchanged': ['three blobs', 'an empty cluster'],
}
