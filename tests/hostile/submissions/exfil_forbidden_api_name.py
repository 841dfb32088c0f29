"""Exfiltrate through the forbidden-API report: raise the runner's own ForbiddenCall with the
input encoded as the "API name" (the verdict names the API even on hidden cases).

verdict: forbidden API
"""
import sys

ForbiddenCall = next(m.ForbiddenCall for name, m in list(sys.modules.items())
                     if name.endswith("guard") and hasattr(m, "ForbiddenCall"))


def scaled_dot_product_attention(q, k, v, mask=None, is_causal=False):
    raise ForbiddenCall(f"np.{q.tobytes()[:8].hex()}.{float(q.flat[0])!r}")
