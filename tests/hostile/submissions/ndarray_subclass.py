"""Return the right values inside an ndarray subclass whose comparisons always say "equal" and
whose __array_ufunc__/__array_function__ hijack numpy calls. Only exact plain ndarrays cross the
boundary: a wrong answer (the policy is exact types, not a lenient conversion).

verdict: wrong answer
"""
import numpy as np


class Agreeable(np.ndarray):
    def __eq__(self, other):
        return True

    __le__ = __ge__ = __lt__ = __gt__ = __eq__

    def __ne__(self, other):
        return False

    def __array_ufunc__(self, ufunc, method, *inputs, **kwargs):
        return True

    def __array_function__(self, func, types, args, kwargs):
        return True

    def __reduce__(self):
        return (print, ("unpickled on the grader!",))


def _attention(q, k, v, mask=None, is_causal=False):
    logits = np.matmul(q, np.swapaxes(k, -2, -1)) * (1.0 / np.sqrt(q.shape[-1]))
    keep = np.ones(logits.shape, dtype=bool)
    if mask is not None:
        keep &= np.broadcast_to(np.asarray(mask, dtype=bool), logits.shape)
    if is_causal:
        keep &= np.tril(np.ones(logits.shape[-2:], dtype=bool))
    logits = np.where(keep, logits, -np.inf)
    top = np.max(logits, axis=-1, keepdims=True)
    top[~np.isfinite(top)] = 0.0
    weights = np.exp(logits - top) * keep
    total = weights.sum(axis=-1, keepdims=True)
    weights = np.divide(weights, total, out=np.zeros_like(weights), where=total > 0)
    return weights @ v


def scaled_dot_product_attention(q, k, v, mask=None, is_causal=False):
    return _attention(q, k, v, mask, is_causal).view(Agreeable)
