"""Read root-only files (/etc/shadow, /etc/gshadow, /root, /proc/kcore) and write to /proc/sys,
/sys and /etc.

verdict: runtime error
"""


def scaled_dot_product_attention(q, k, v, mask=None, is_causal=False):
    failures = []
    for path in ("/etc/shadow", "/etc/gshadow", "/root/.bash_history", "/proc/kcore"):
        try:
            with open(path, "rb") as handle:
                handle.read(64)
        except OSError as exc:
            failures.append(f"{path}: {exc.strerror}")
            continue
        return None
    for path in ("/proc/sys/kernel/hostname", "/sys/kernel/mm/transparent_hugepage/enabled", "/etc/passwd"):
        try:
            with open(path, "w") as handle:
                handle.write("pwned")
        except OSError as exc:
            failures.append(f"{path}: {exc.strerror}")
            continue
        return None
    raise PermissionError("; ".join(failures))
