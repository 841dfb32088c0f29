"""Cases for PCA: rotated anisotropic Gaussians with distinct variances and a non-zero mean
(so skipping the centering shows), k = 1, k = D (the full order), N = 2 (rank 1), N < D
(rank-deficient covariance) and a large offset. The components' largest entries are clear of
the others (checked when the cases were written), so the sign convention is well defined."""

import numpy as np

from grader.authoring import Case


def _data(rng, n, scales, offset):
    d = len(scales)
    rotation, _ = np.linalg.qr(rng.normal(size=(d, d)))
    return rng.normal(size=(n, d)) * np.asarray(scales) @ rotation.T + offset * rng.normal(size=d)


def visible(rng):
    return [
        Case("40 samples, 3 features, k = 2", [_data(rng, 40, [4.0, 2.0, 0.5], 3.0), 2]),
        Case("30 samples, 4 features, k = 1", [_data(rng, 30, [3.0, 1.5, 1.0, 0.3], 2.0), 1]),
    ]


def hidden(rng):
    return [
        Case("k = D", [_data(rng, 60, [5.0, 3.0, 2.0, 1.0, 0.4], 1.0), 5]),
        Case("N = 2", [_data(rng, 2, [2.0, 1.0, 0.5], 4.0), 1]),
        Case("N < D", [_data(rng, 4, [6.0, 4.0, 2.5, 1.5, 1.0, 0.5], 2.0), 3]),
        Case("large offset", [_data(rng, 50, [2.0, 1.0, 0.5, 0.2], 1000.0), 2]),
        Case("500 samples, 8 features, k = 3", [_data(rng, 500, [8, 6, 4.5, 3, 2, 1.5, 1, 0.5], 5.0), 3]),
    ]


# The statement's edge rules (README.md, `<!-- rule: … -->`) and the cases that exercise each.
RULES = {
    'centering': ['large offset', '40 samples, 3 features, k = 2'],
    'order': ['30 samples, 4 features, k = 1', '500 samples, 8 features, k = 3'],
    'sign-convention': ['40 samples, 3 features, k = 2', 'k = D'],
    'unbiased-variance': ['N = 2', '40 samples, 3 features, k = 2'],
    'distinct-eigenvalues': ['k = D', 'N < D'],
    'inputs-unchanged': ['40 samples, 3 features, k = 2', 'N < D'],
}
