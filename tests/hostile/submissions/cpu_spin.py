"""CPU spin: an endless loop in every case.

verdict: time limit
budget: 35
"""


def scaled_dot_product_attention(q, k, v, mask=None, is_causal=False):
    x = 0
    while True:
        x += 1
