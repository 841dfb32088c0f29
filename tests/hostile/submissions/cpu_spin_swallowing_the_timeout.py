"""CPU spin that catches every exception, including the runner's time-out, and keeps spinning.

verdict: time limit
budget: 35
"""


def scaled_dot_product_attention(q, k, v, mask=None, is_causal=False):
    while True:
        try:
            while True:
                pass
        except BaseException:  # noqa: BLE001 - the attack: swallow the runner's CaseTimeout
            continue
