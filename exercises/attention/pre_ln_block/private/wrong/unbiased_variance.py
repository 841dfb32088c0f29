"""Wrong: LayerNorm divides by the unbiased (n − 1) standard deviation."""

import numpy as np
from scipy.special import erf


def _layer_norm(z, weight, bias, eps=1e-5):
    mu = z.mean(axis=-1, keepdims=True)
    var = z.var(axis=-1, keepdims=True, ddof=1)
    return (z - mu) / np.sqrt(var + eps) * weight + bias


def _gelu(z):
    return 0.5 * z * (1.0 + erf(z / np.sqrt(2.0)))


def _attention(z, p, num_heads, is_causal):
    batch, length, width = z.shape
    d_head = width // num_heads

    def split(t):
        return t.reshape(batch, length, num_heads, d_head).transpose(0, 2, 1, 3)

    q, k, v = split(z @ p["w_q"] + p["b_q"]), split(z @ p["w_k"] + p["b_k"]), split(z @ p["w_v"] + p["b_v"])
    s = q @ k.transpose(0, 1, 3, 2) / np.sqrt(d_head)
    if is_causal:
        s = np.where(np.tril(np.ones((length, length), dtype=bool)), s, -np.inf)
    a = np.exp(s - s.max(axis=-1, keepdims=True))
    a /= a.sum(axis=-1, keepdims=True)
    return (a @ v).transpose(0, 2, 1, 3).reshape(batch, length, width) @ p["w_o"] + p["b_o"]


def _mlp(z, p):
    return _gelu(z @ p["w_1"] + p["b_1"]) @ p["w_2"] + p["b_2"]


def pre_ln_block(x, params, num_heads, is_causal=False):
    p = params
    h = x + _attention(_layer_norm(x, p["ln1_weight"], p["ln1_bias"]), p, num_heads, is_causal)
    return h + _mlp(_layer_norm(h, p["ln2_weight"], p["ln2_bias"]), p)
