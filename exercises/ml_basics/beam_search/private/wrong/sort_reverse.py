"""Wrong: sorts the (log-prob, rank, token) tuples with reverse=True, so ties go to the later hypothesis and the higher token."""

import numpy as np


def beam_search(log_probs, bos, eos, beam_width, max_len, length_penalty=1.0):
    V = log_probs.shape[0]
    beams = [([], 0.0)]
    done = []
    for _ in range(max_len):
        cands = []
        for r, (seq, lp) in enumerate(beams):
            last = seq[-1] if seq else bos
            for v in range(V):
                cands.append((lp + log_probs[last, v], r, v))
        cands.sort(reverse=True)
        new = []
        for lp, r, v in cands[:beam_width]:
            seq = beams[r][0] + [v]
            if v == eos:
                done.append((seq, lp))
            else:
                new.append((seq, lp))
        beams = new
        if not beams:
            break
    done += beams
    best, best_score = None, -np.inf
    for seq, lp in done:
        s = lp / len(seq) ** length_penalty
        if s > best_score:
            best, best_score = seq, s
    return best, float(best_score)
