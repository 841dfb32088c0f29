"""Hang at import time (before any case): an endless loop with every signal ignored. The load
deadline of the grader (shortened in the test) ends it.

verdict: runtime error
load-timeout: 3
budget: 15
"""
import signal

for _name in ("SIGTERM", "SIGINT", "SIGALRM"):
    signal.signal(getattr(signal, _name), signal.SIG_IGN)
while True:
    pass


def scaled_dot_product_attention(q, k, v, mask=None, is_causal=False):
    return q
