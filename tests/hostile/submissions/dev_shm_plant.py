"""First half of the /dev/shm leak: plant files in every writable shared place (/dev/shm, /tmp,
/dev/mqueue, an abstract unix socket name) for a later run to find. Returns zeros.

verdict: wrong answer
"""
import os

import numpy as np

SECRET = b"mlgrade-hostile-shm-smuggle"


def scaled_dot_product_attention(q, k, v, mask=None, is_causal=False):
    for folder in ("/dev/shm", "/tmp", "/dev/mqueue", "/run/lock", "/var/tmp"):
        try:
            with open(os.path.join(folder, "mlgrade-smuggle"), "wb") as handle:
                handle.write(SECRET + q.tobytes()[:64])
        except OSError:
            pass
    return np.zeros(q.shape[:-1] + (v.shape[-1],))
