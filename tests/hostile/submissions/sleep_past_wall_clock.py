"""Sleep past the wall clock with SIGALRM blocked, so the runner's own timer cannot interrupt it.

verdict: time limit
budget: 15
"""
import signal
import time


def scaled_dot_product_attention(q, k, v, mask=None, is_causal=False):
    signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM})
    time.sleep(3600)
