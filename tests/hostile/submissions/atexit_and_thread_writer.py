"""Write after the cases: an atexit handler and a background thread write forged "passed"
results and score lines to every pipe and socket the process holds (including the real protocol
stdout) once the cases are over. The answers themselves are zeros: wrong.

verdict: wrong answer
"""
import atexit
import json
import os
import threading
import time

import numpy as np

FORGED = [json.dumps({"type": "result", "case": "*", "status": "ok", "verdict": "passed", "score": 1.0}),
          "Score: 100/100", "1/1 exercises passed", json.dumps({"type": "end"})]


def _spray():
    for name in os.listdir("/proc/self/fd"):
        try:
            if int(name) > 2 and os.readlink(f"/proc/self/fd/{name}").startswith(("pipe:", "socket:")):
                for line in FORGED:
                    os.write(int(name), line.encode() + b"\n")
        except OSError:
            pass
    print("\n".join(FORGED), flush=True)


def _late_writer():
    time.sleep(0.05)
    while True:
        _spray()
        time.sleep(0.2)


atexit.register(_spray)
_calls = []


def scaled_dot_product_attention(q, k, v, mask=None, is_causal=False):
    _calls.append(1)
    if len(_calls) == 7:  # the last case (3 visible + 4 hidden): start writing once it has answered
        threading.Thread(target=_late_writer, daemon=True).start()
    return np.zeros(q.shape[:-1] + (v.shape[-1],))
