"""Cases for beam search: a hand-made model where greedy decoding loses, random bigram models with
peaked rows (beams 1 to 12, α = 0, 1, 2), models where eos is rare (max_len decides) or likely, a
uniform model where every candidate and every score ties, and a larger vocabulary."""

import numpy as np

from grader.authoring import Case


def _model(rng, v, peak=2.0, eos=None, eos_bias=0.0):
    logits = rng.normal(size=(v, v)) * peak
    if eos is not None:
        logits[:, eos] += eos_bias
    return logits - np.log(np.exp(logits).sum(axis=1, keepdims=True))


def _garden_path():
    """From bos 0: token 1 is likeliest (0.5) but every continuation of 1 is poor; token 2 (0.4)
    leads to eos 3 with probability 0.9."""
    p = np.array([
        [0.05, 0.50, 0.40, 0.05],
        [0.30, 0.30, 0.30, 0.10],
        [0.04, 0.03, 0.03, 0.90],
        [0.25, 0.25, 0.25, 0.25],
    ])
    return np.log(p)


def _table(p):
    """Log of a table of probabilities, each row renormalised to sum to 1."""
    p = np.maximum(np.asarray(p, dtype=np.float64), 0.01)
    return np.log(p / p.sum(axis=1, keepdims=True))


# Models where an eos among the first beam_width candidates decides the answer: refilling the beam
# with the next candidate instead finds a longer hypothesis of better score.
EARLY_EOS = [
    ([[0.35, 0.44, 0.02, 0.19], [0.94, 0.02, 0.02, 0.02], [0.02, 0.03, 0.83, 0.12], [0.01, 0.0, 0.0, 0.99]],
     0, 1, 2, 3, 1.0),
    ([[0.16, 0.49, 0.08, 0.15, 0.08, 0.05], [0.24, 0.02, 0.03, 0.22, 0.16, 0.34], [0.0, 0.37, 0.03, 0.09, 0.36, 0.16],
      [0.22, 0.04, 0.68, 0.02, 0.02, 0.04], [0.0, 0.47, 0.05, 0.48, 0.01, 0.0], [0.09, 0.27, 0.02, 0.13, 0.06, 0.42]],
     0, 5, 2, 3, 1.0),
    ([[0.68, 0.23, 0.01, 0.0, 0.08], [0.18, 0.06, 0.18, 0.03, 0.55], [0.43, 0.07, 0.28, 0.17, 0.04],
      [0.62, 0.01, 0.02, 0.07, 0.28], [0.03, 0.04, 0.37, 0.56, 0.01]],
     1, 0, 2, 5, 2.0),
]

# Rows that permute the same probabilities: candidates of different hypotheses tie exactly, and
# ranking them by token before hypothesis rank changes the answer.
TIED = [
    ([[0.4, 0.2, 0.2, 0.1, 0.1], [0.2, 0.4, 0.1, 0.2, 0.1], [0.2, 0.2, 0.1, 0.1, 0.4], [0.1, 0.2, 0.2, 0.1, 0.4],
      [0.1, 0.4, 0.2, 0.2, 0.1]], 2, 2, 3, 3, 0.0),
    ([[0.1, 0.4, 0.1, 0.2, 0.2], [0.1, 0.2, 0.4, 0.2, 0.1], [0.1, 0.2, 0.4, 0.1, 0.2], [0.4, 0.1, 0.2, 0.1, 0.2],
      [0.2, 0.2, 0.1, 0.1, 0.4]], 1, 0, 3, 4, 0.0),
]


def visible(rng):
    return [
        Case("greedy decoding loses", [_garden_path(), 0, 3, 2, 5, 1.0], note="beam 2 finds [2, 3]"),
        Case("random model, 6 tokens, beam 3", [_model(rng, 6), 0, 5, 3, 8, 1.0]),
        Case("eos is rare: max_len ends the search", [_model(rng, 5, eos=4, eos_bias=-8.0), 1, 4, 2, 4, 1.0]),
    ]


def hidden(rng):
    m10 = _model(rng, 10, eos=9, eos_bias=1.0)
    return [
        Case("10 tokens, beam 4, α = 0", [m10, 0, 9, 4, 10, 0.0]),
        Case("10 tokens, beam 4, α = 1", [m10, 0, 9, 4, 10, 1.0]),
        Case("10 tokens, beam 4, α = 2", [m10, 0, 9, 4, 10, 2.0]),
        Case("10 tokens, beam 4, α = 0.6", [m10, 3, 9, 4, 12, 0.6]),
        Case("beam 1 is greedy", [m10, 0, 9, 1, 10, 1.0]),
        Case("beam 12 over 5 tokens", [_model(rng, 5, eos=2, eos_bias=0.5), 0, 2, 12, 6, 1.0]),
        Case("eos likely, beam 3", [_model(rng, 7, eos=0, eos_bias=2.5), 1, 0, 3, 8, 1.0]),
        Case("eos rare, beam 5, α = 0", [_model(rng, 6, eos=5, eos_bias=-6.0), 0, 5, 5, 5, 0.0]),
        Case("greedy decoding loses, α = 0", [_garden_path(), 0, 3, 2, 5, 0.0]),
        Case("uniform model: everything ties", [np.full((4, 4), np.log(0.25)), 0, 3, 3, 3, 1.0],
             note="ranking ties go to the earlier hypothesis, then the lower token; final ties to the first finished"),
        Case("uniform model, α = 0", [np.full((5, 5), np.log(0.2)), 2, 4, 4, 4, 0.0]),
        *[Case(f"small model {k}: {v} tokens, beam {beam}, max_len {length}, α = {alpha}",
               [_model(rng, v, eos=v - 1, eos_bias=bias), k % v, v - 1, beam, length, alpha])
          for k, (v, beam, length, alpha, bias) in enumerate([
              (4, 2, 3, 1.0, 0.5), (5, 2, 5, 2.0, 0.0), (6, 3, 6, 2.0, -1.0),
              (4, 2, 4, 1.0, 1.5), (6, 2, 3, 1.0, 0.0), (5, 3, 5, 0.0, 1.0)])],
        *[Case(f"an early eos keeps its beam slot ({k + 1})", [_table(p), bos, eos, beam, length, alpha])
          for k, (p, bos, eos, beam, length, alpha) in enumerate(EARLY_EOS)],
        *[Case(f"ties across hypotheses ({k + 1})", [np.log(np.array(p)), bos, eos, beam, length, alpha])
          for k, (p, bos, eos, beam, length, alpha) in enumerate(TIED)],
        Case("default length penalty", [m10, 4, 9, 3, 9]),
        Case("50 tokens, beam 8, max_len 30", [_model(rng, 50, peak=3.0, eos=7, eos_bias=-2.0), 0, 7, 8, 30, 1.0]),
    ]


# The statement's edge rules (README.md, `<!-- rule: … -->`) and the cases that exercise each.
RULES = {
    "ranking-ties": [
        "uniform model: everything ties",
        "uniform model, α = 0",
        "ties across hypotheses (1)",
        "ties across hypotheses (2)",
    ],
    "eos-finishes": [
        "greedy decoding loses",
        "eos likely, beam 3",
        "an early eos keeps its beam slot (1)",
        "an early eos keeps its beam slot (2)",
        "an early eos keeps its beam slot (3)",
    ],
    "max-len": ["eos is rare: max_len ends the search", "eos rare, beam 5, α = 0"],
    "length-penalty": [
        "10 tokens, beam 4, α = 1",
        "10 tokens, beam 4, α = 2",
        "10 tokens, beam 4, α = 0.6",
        "default length penalty",
    ],
    "final-ties": ["uniform model: everything ties", "uniform model, α = 0"],
    "small-beams": ["beam 1 is greedy", "beam 12 over 5 tokens"],
    "inputs-unchanged": ["greedy decoding loses", "random model, 6 tokens, beam 3"],
}
