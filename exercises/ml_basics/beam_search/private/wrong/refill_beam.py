"""Wrong: walks down the ranking until beam_width unfinished candidates are found, so a finished
hypothesis does not take a beam slot (the beam is refilled)."""

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
        cands.sort(key=lambda t: (-t[0], t[1], t[2]))
        new = []
        for lp, r, v in cands:
            seq = beams[r][0] + [v]
            if v == eos:
                done.append((seq, lp))
            else:
                new.append((seq, lp))
            if len(new) == beam_width:
                break
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
