"""Exfiltrate case inputs through feedback: print them (repr of the first values, hex of the raw
bytes) and put them in the exception message. On visible cases this is shown, as it should be
(the inputs are public); on hidden cases none of it may reach the results.

verdict: runtime error
leaks-visible: yes
"""


def _fingerprint(array):
    return f"{float(array.flat[0])!r}|{array.tobytes()[:8].hex()}"


def scaled_dot_product_attention(q, k, v, mask=None, is_causal=False):
    print("q", _fingerprint(q), "k", _fingerprint(k), "v", _fingerprint(v))
    raise ValueError(f"q={_fingerprint(q)} k={_fingerprint(k)} v={_fingerprint(v)}")
