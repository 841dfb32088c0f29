"""10 GB straight into the runner's real stdout (the protocol channel), found through /proc/self/fd.

verdict: output limit
"""
import os


def _channel_fds():
    fds = []
    for name in os.listdir("/proc/self/fd"):
        try:
            if int(name) > 2 and os.readlink(f"/proc/self/fd/{name}").startswith(("pipe:", "socket:")):
                fds.append(int(name))
        except OSError:
            pass
    return fds


def scaled_dot_product_attention(q, k, v, mask=None, is_causal=False):
    chunk = b"A" * (1 << 20)
    for fd in _channel_fds():
        for _ in range(10 * 1024):
            os.write(fd, chunk)
