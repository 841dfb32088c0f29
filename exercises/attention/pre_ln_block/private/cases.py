"""Cases for the pre-LN block: several widths and head counts, causal and not, LayerNorm weights and
biases away from 1 and 0, a residual stream with a large scale and offset (where normalising the
residual shows), MLP pre-activations spread enough for the GELU form to matter, and
attention scores in the thousands."""

import numpy as np

from grader.authoring import Case

RULES = {
    "pre-ln": ["D 8, 2 heads", "D 16, 4 heads, causal", "large residual stream"],
    "residual": ["D 8, 2 heads", "large residual stream"],
    "layer-norm": ["D 8, 2 heads", "D 16, 4 heads, causal", "D 12, 3 heads, wide MLP"],
    "gelu": ["D 8, 2 heads", "D 12, 3 heads, wide MLP"],
    "heads": ["D 16, 4 heads, causal", "D 12, 3 heads, wide MLP"],
    "causal": ["D 16, 4 heads, causal", "one position, causal", "large attention scores, causal"],
    "large-scores": ["large attention scores", "large attention scores, causal"],
    "inputs-unchanged": ["D 8, 2 heads"],
}


def _params(rng, width, hidden):
    def matrix(rows, cols):
        return rng.normal(size=(rows, cols)) / np.sqrt(rows)

    params = {f"w_{n}": matrix(width, width) for n in "qkvo"}
    params |= {f"b_{n}": rng.normal(size=width) * 0.1 for n in "qkvo"}
    params |= {"ln1_weight": 1 + 0.3 * rng.normal(size=width), "ln1_bias": 0.2 * rng.normal(size=width),
               "ln2_weight": 1 + 0.3 * rng.normal(size=width), "ln2_bias": 0.2 * rng.normal(size=width),
               "w_1": matrix(width, hidden) * 2, "b_1": rng.normal(size=hidden) * 0.5,
               "w_2": matrix(hidden, width), "b_2": rng.normal(size=width) * 0.1}
    return params


def _large_scores(params):
    """Query and key projections 40× larger: scores in the thousands."""
    return params | {"w_q": params["w_q"] * 40, "w_k": params["w_k"] * 40}


def visible(rng):
    return [
        Case("D 8, 2 heads", [rng.normal(size=(2, 4, 8)), _params(rng, 8, 32), 2], note="B=2, L=4, F=32"),
        Case("D 16, 4 heads, causal", [rng.normal(size=(1, 5, 16)), _params(rng, 16, 64), 4], {"is_causal": True}),
    ]


def hidden(rng):
    return [
        Case("D 12, 3 heads, wide MLP", [rng.normal(size=(2, 6, 12)), _params(rng, 12, 96), 3]),
        Case("large residual stream", [rng.normal(size=(2, 3, 8)) * 20 + 5, _params(rng, 8, 16), 1]),
        Case("one position, causal", [rng.normal(size=(3, 1, 8)), _params(rng, 8, 32), 4], {"is_causal": True}),
        Case("large attention scores", [rng.normal(size=(2, 6, 8)), _large_scores(_params(rng, 8, 16)), 2]),
        Case("large attention scores, causal", [rng.normal(size=(1, 7, 8)), _large_scores(_params(rng, 8, 16)), 1],
             {"is_causal": True}),
    ]
