"""Disk fill: many small files, then big ones, in /tmp (the only writable place) and /dev/shm.

verdict: runtime error
"""
import os


def scaled_dot_product_attention(q, k, v, mask=None, is_causal=False):
    os.makedirs("/tmp/fill", exist_ok=True)
    for i in range(2000):
        with open(f"/tmp/fill/small{i}", "w") as handle:
            handle.write("x" * 1024)
    block = b"\0" * (1 << 20)
    for root in ("/tmp/fill", "/dev/shm"):
        for i in range(10_000):  # OSError: ENOSPC (tmpfs full) or EFBIG (fsize limit)
            with open(f"{root}/big{i}", "wb") as handle:
                for _ in range(64):
                    handle.write(block)
