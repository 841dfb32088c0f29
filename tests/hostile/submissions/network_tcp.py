"""Network (TCP): connect out to exfiltrate. If any connection works the function returns instead
of raising, and the verdict changes.

verdict: runtime error
"""
import socket


def scaled_dot_product_attention(q, k, v, mask=None, is_causal=False):
    errors = []
    for host, port in (("1.1.1.1", 443), ("8.8.8.8", 53), ("172.17.0.1", 2375), ("172.17.0.1", 22),
                       ("169.254.169.254", 80), ("127.0.0.1", 22)):
        try:
            socket.create_connection((host, port), timeout=0.3).close()
        except OSError as exc:
            errors.append(f"{host}:{port} {exc.errno}")
            continue
        return q  # reached the network: the verdict would no longer be a runtime error
    raise ConnectionError("no TCP route out: " + "; ".join(errors))
