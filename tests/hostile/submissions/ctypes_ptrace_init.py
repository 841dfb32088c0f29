"""ctypes: ptrace-attach to the container's init (PID 1) and to the runner's parent. At most this
stops the container's own init, which holds nothing of the grader's; the case still ends in a
recorded verdict and the container is removed. If the runner survives it raises.

verdict: runtime error
"""
import ctypes
import os

libc = ctypes.CDLL(None, use_errno=True)
PTRACE_ATTACH = 16


def scaled_dot_product_attention(q, k, v, mask=None, is_causal=False):
    results = [(pid, libc.ptrace(PTRACE_ATTACH, pid, None, None), ctypes.get_errno()) for pid in (1, os.getppid())]
    raise RuntimeError(f"still running after {results}")
