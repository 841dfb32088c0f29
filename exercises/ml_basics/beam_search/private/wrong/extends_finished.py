"""Wrong: hypotheses that produced eos stay in the beam and keep being extended; only the
hypotheses alive at max_len are scored (cut after their first eos)."""

import numpy as np


def beam_search(log_probs, bos, eos, beam_width, max_len, length_penalty=1.0):
    V = log_probs.shape[0]
    beams = [([], 0.0)]
    for _ in range(max_len):
        cands = []
        for r, (seq, lp) in enumerate(beams):
            last = seq[-1] if seq else bos
            for v in range(V):
                cands.append((lp + log_probs[last, v], r, v))
        cands.sort(key=lambda t: (-t[0], t[1], t[2]))
        beams = [(beams[r][0] + [v], lp) for lp, r, v in cands[:beam_width]]
    best, best_score = None, -np.inf
    for seq, lp in beams:
        if eos in seq:
            seq = seq[: seq.index(eos) + 1]
        s = lp / len(seq) ** length_penalty
        if s > best_score:
            best, best_score = seq, s
    return best, float(best_score)
