"""Thread bomb: start sleeping threads until the pids limit refuses.

verdict: runtime error
"""
import threading
import time

_threads = []


def scaled_dot_product_attention(q, k, v, mask=None, is_causal=False):
    while True:  # RuntimeError: can't start new thread
        thread = threading.Thread(target=time.sleep, args=(3600,), daemon=True)
        thread.start()
        _threads.append(thread)
