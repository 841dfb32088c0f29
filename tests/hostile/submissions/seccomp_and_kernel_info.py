"""Reach the host kernel: set up an io_uring (allowed by Docker 20.10's default seccomp profile: its
operations bypass per-syscall filtering), and read the host's kernel command line (/proc/cmdline) and
kernel details. mlgrade's seccomp profile (sandbox/seccomp.json) makes io_uring_setup fail with EPERM,
and the launcher masks those /proc files (empty). Any success returns instead of raising.

verdict: runtime error
"""
import ctypes
import platform

libc = ctypes.CDLL(None, use_errno=True)
libc.syscall.restype = ctypes.c_long
IO_URING_SETUP = 425  # x86_64 and every other architecture since Linux 5.1


def scaled_dot_product_attention(q, k, v, mask=None, is_causal=False):
    failures = []
    params = ctypes.create_string_buffer(120)
    if platform.machine() == "x86_64":
        if libc.syscall(IO_URING_SETUP, 4, params) >= 0:
            return None
        failures.append(f"io_uring_setup: errno {ctypes.get_errno()}")
    for path in ("/proc/cmdline", "/proc/version", "/proc/modules"):
        try:
            with open(path) as handle:
                if handle.read().strip():
                    return None
        except OSError as exc:
            failures.append(f"{path}: {exc.strerror}")
        else:
            failures.append(f"{path}: empty")
    raise PermissionError("; ".join(failures))
