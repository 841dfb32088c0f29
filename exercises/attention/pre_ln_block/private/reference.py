"""Reference: a pre-LN transformer block, x + MHA(LN(x)) then h + MLP(LN(h)), exact (erf) GELU."""

import numpy as np
from scipy.special import erf


def layer_norm(x, weight, bias):
    """Over the last axis, biased variance, eps = 1e-5 inside the square root."""
    centred = x - x.mean(axis=-1, keepdims=True)
    return centred / np.sqrt((centred**2).mean(axis=-1, keepdims=True) + 1e-5) * weight + bias


def _heads(x, num_heads):
    batch, length, width = x.shape
    return x.reshape(batch, length, num_heads, width // num_heads).transpose(0, 2, 1, 3)


def self_attention(x, p, num_heads, is_causal):
    q, k, v = (_heads(x @ p[f"w_{n}"] + p[f"b_{n}"], num_heads) for n in "qkv")
    scores = q @ k.transpose(0, 1, 3, 2) / np.sqrt(q.shape[3])
    if is_causal:
        scores = np.where(np.tril(np.ones((x.shape[1], x.shape[1]), dtype=bool)), scores, -np.inf)
    weights = np.exp(scores - scores.max(axis=3, keepdims=True))
    heads = weights / weights.sum(axis=3, keepdims=True) @ v
    return heads.transpose(0, 2, 1, 3).reshape(x.shape) @ p["w_o"] + p["b_o"]


def pre_ln_block(x, params, num_heads, is_causal=False):
    h = x + self_attention(layer_norm(x, params["ln1_weight"], params["ln1_bias"]), params, num_heads, is_causal)
    hidden = layer_norm(h, params["ln2_weight"], params["ln2_bias"]) @ params["w_1"] + params["b_1"]
    return h + (hidden * (1 + erf(hidden / np.sqrt(2))) / 2) @ params["w_2"] + params["b_2"]
