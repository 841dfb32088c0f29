"""Pickle payloads where data is expected: bytes of a pickle whose __reduce__ runs a shell command,
an object array holding that object, and (through the real stdout) a forged result whose array tag
claims dtype "|O" and carries the pickle as its base64 payload. Nothing on the result path may
unpickle: the command would create a marker file (the test checks the grader's host).

verdict: wrong answer
"""
import base64
import json
import os
import pickle

import numpy as np

MARKER = "/tmp/mlgrade-hostile-pickle-executed"


class Payload:
    def __reduce__(self):
        return (os.system, (f"touch {MARKER}",))


BLOB = pickle.dumps(Payload())
CASES = ["single head, L\u2260S", "boolean mask with a fully masked row", "causal",
         "two batch dims, key padding mask", "large logits", "causal with L\u2260S and a mask",
         "large logits with a mask"]
_calls = []


def scaled_dot_product_attention(q, k, v, mask=None, is_causal=False):
    _calls.append(1)
    if len(_calls) == 1:
        return BLOB
    if len(_calls) == 2:
        return np.array([Payload()], dtype=object)
    if len(_calls) == 3:
        return {"__pickle__": base64.b64encode(BLOB).decode(), "py/reduce": "os.system"}
    forged = {"type": "result", "case": CASES[min(len(_calls), 7) - 1], "status": "ok",
              "outputs": {"out": {"$nd": {"dtype": "|O", "shape": [1], "b64": base64.b64encode(BLOB).decode()}}}}
    for name in os.listdir("/proc/self/fd"):
        try:
            if int(name) > 2 and os.readlink(f"/proc/self/fd/{name}").startswith(("pipe:", "socket:")):
                os.write(int(name), json.dumps(forged).encode() + b"\n")
        except OSError:
            pass
    return BLOB
