"""10 GB to stdout through print().

verdict: output limit
"""


def scaled_dot_product_attention(q, k, v, mask=None, is_causal=False):
    chunk = "x" * (1 << 20)
    for _ in range(10 * 1024):
        print(chunk)
