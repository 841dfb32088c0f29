"""Cases for sampling: top-p with a temperature (where the order of the steps matters), top-k with
ties at the k-th value, both filters together, a dominant token above p, ties at the top-p boundary,
greedy decoding with tied maxima, no-op filters, and large logits. Several rows per case, each with
its own draw."""

import numpy as np

from grader.authoring import Case

RULES = {
    "order": ["top-p 0.9 at temperature 0.7", "top-k 5 then top-p 0.8 at temperature 1.5"],
    "top-k-ties": ["top-k 3 with ties", "top-k 5 then top-p 0.8 at temperature 1.5", "top-k ≥ V, top-p = 1"],
    "top-p-boundary": ["top-p 0.9 at temperature 0.7", "dominant token above p", "top-k ≥ V, top-p = 1",
                       "equal logits: exact boundaries"],
    "top-p-ties": ["tied probabilities at the top-p boundary", "equal logits: exact boundaries"],
    "renormalise": ["top-p 0.9 at temperature 0.7", "dominant token above p", "tied probabilities at the top-p boundary"],
    "inverse-cdf": ["top-k 3 with ties", "no filters", "top-p 0.9 at temperature 0.7", "equal logits: exact boundaries"],
    "greedy": ["greedy with a tied maximum"],
    "large-logits": ["large logits"],
    "inputs-unchanged": ["top-p 0.9 at temperature 0.7"],
}


def visible(rng):
    ties = np.array([[3.0, 1.0, 2.0, 2.0, 0.0, 2.0, -1.0, 1.0],
                     [0.5, 0.5, 0.5, 0.1, 0.9, 0.9, 0.2, 0.0],
                     [1.0, 4.0, 4.0, 4.0, 4.0, 2.0, 0.0, 3.0]])
    return [
        Case("top-p 0.9 at temperature 0.7", [rng.normal(size=(4, 10)) * 2, rng.random(4)],
             {"temperature": 0.7, "top_p": 0.9}),
        Case("top-k 3 with ties", [ties, rng.random(3)], {"top_k": 3},
             note="row 0 keeps 3.0 and the three 2.0s: four tokens tie at or above the 3rd value"),
    ]


def hidden(rng):
    dominant = rng.normal(size=(3, 9))
    dominant[:, 4] += 6.0  # token 4 alone holds more than p = 0.5
    dominant[2, 4] -= 5.5  # ... except in row 2
    boundary = np.tile(np.array([2.0, 1.0, 1.0, 0.0, -0.5, -3.0]), (3, 1))
    boundary[1] = boundary[1, ::-1]  # the same values in reversed id order
    greedy = np.array([[0.3, 2.0, -1.0, 2.0, 0.0], [5.0, 1.0, 5.0, 5.0, 0.0]])
    return [
        Case("no filters", [rng.normal(size=(5, 12)), rng.random(5)]),
        Case("top-k 5 then top-p 0.8 at temperature 1.5",
             [rng.integers(-3, 4, size=(4, 10)).astype(np.float64), rng.random(4)],
             {"temperature": 1.5, "top_k": 5, "top_p": 0.8}),
        Case("dominant token above p", [dominant, rng.random(3)], {"top_p": 0.5}),
        Case("tied probabilities at the top-p boundary", [boundary, np.array([0.7, 0.95, 0.3])], {"top_p": 0.6},
             note="probabilities ∝ e², e, e, 1, …: the nucleus needs one of the two tied tokens"),
        Case("greedy with a tied maximum", [greedy, np.array([0.99, 0.5])], {"temperature": 0.0, "top_k": 2,
                                                                             "top_p": 0.3}),
        Case("top-k ≥ V, top-p = 1", [rng.normal(size=(3, 8)), rng.random(3)], {"top_k": 20, "top_p": 1.0}),
        Case("large logits", [rng.normal(size=(3, 7)) * 1000.0 + np.array([[0.0], [3000.0], [-3000.0]]), rng.random(3)],
             {"temperature": 2.0, "top_p": 0.95}),
        Case("equal logits: exact boundaries", [np.zeros((3, 4)), np.array([0.5, 0.0, 0.25])], {"top_p": 0.5},
             note="probabilities exactly 0.25: the mass before the third token equals top_p, so two tokens stay; "
                  "u = 0.5 equals the first cumulative sum, so the second token is drawn"),
    ]
