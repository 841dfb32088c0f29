"""Ignore SIGTERM, SIGINT, SIGHUP, SIGALRM and SIGXCPU, then spin: only SIGKILL stops it.

verdict: time limit
budget: 35
"""
import signal


def scaled_dot_product_attention(q, k, v, mask=None, is_causal=False):
    for name in ("SIGTERM", "SIGINT", "SIGHUP", "SIGALRM", "SIGXCPU", "SIGUSR1"):
        signal.signal(getattr(signal, name), signal.SIG_IGN)
    while True:
        pass
