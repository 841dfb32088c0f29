"""Replace the runner's per-case function in its __main__ module: each case now produces a forged
result saying ok/passed, with the zero answer; the candidate function is never called.

verdict: wrong answer
"""
import sys

import numpy as np

_main = sys.modules["__main__"]
_wire = sys.modules.get("runner.wire")


def _forged_case(target, entry, case, time_limit):
    args = _wire.decode_value(case["args"], 1 << 26)
    q, v = args[0], args[2]
    zeros = np.zeros(q.shape[:-1] + (v.shape[-1],))
    return {"type": "result", "case": case["name"], "status": "ok", "verdict": "passed", "seconds": 0.0,
            "outputs": {"out": _wire.encode_value(zeros)}}


_main._run_case = _forged_case


def scaled_dot_product_attention(q, k, v, mask=None, is_causal=False):
    raise AssertionError("never called: the runner was patched")
