"""Monkeypatch builtins the runner relies on (isinstance, len, abs, round, print, open,
__import__), then return zeros. The runner shares the candidate's interpreter, so this breaks the
runner itself (its JSON encoder trusts isinstance): no answer arrives, which is a runtime error,
never a pass (the verdict is decided on the host, with unpatched builtins).

verdict: runtime error
"""
import builtins

import numpy as np

_real_isinstance = builtins.isinstance
_real_import = builtins.__import__


def _always(obj, kinds):
    return True


def _import(name, *args, **kwargs):
    if name in ("json", "pickle", "base64"):
        raise ImportError(f"{name} is gone")
    return _real_import(name, *args, **kwargs)


builtins.isinstance = _always
builtins.__import__ = _import
builtins.abs = lambda x: 0
builtins.round = lambda x, n=None: 0
builtins.len = lambda x: 0
builtins.print = lambda *args, **kwargs: None
builtins.open = lambda *args, **kwargs: None


def scaled_dot_product_attention(q, k, v, mask=None, is_causal=False):
    return np.zeros(q.shape[:-1] + (v.shape[-1],))
