"""Reference: every live hypothesis extended by every token, the candidates sorted by (log-prob
descending, beam rank, token id), the first beam_width kept; those ending in eos finish, the
others form the next beam; the best finished score after the length penalty wins, the earliest
finished on a tie."""

import numpy as np


def beam_search(
    log_probs: np.ndarray, bos: int, eos: int, beam_width: int, max_len: int, length_penalty: float = 1.0
) -> tuple[list[int], float]:
    beam: list[tuple[list[int], float]] = [([], 0.0)]
    finished: list[tuple[list[int], float]] = []
    for _ in range(max_len):
        candidates = []
        for rank, (tokens, total) in enumerate(beam):
            row = log_probs[tokens[-1] if tokens else bos]
            candidates += [(total + float(row[v]), rank, v) for v in range(len(row))]
        candidates.sort(key=lambda candidate: (-candidate[0], candidate[1], candidate[2]))
        extended = [(beam[rank][0] + [v], total) for total, rank, v in candidates[:beam_width]]
        finished += [hypothesis for hypothesis in extended if hypothesis[0][-1] == eos]
        beam = [hypothesis for hypothesis in extended if hypothesis[0][-1] != eos]
        if not beam:
            break
    finished += beam  # max_len reached: the live hypotheses finish as they are
    best_tokens, best_score = [], -np.inf
    for tokens, total in finished:
        score = total / len(tokens) ** length_penalty
        if score > best_score:
            best_tokens, best_score = tokens, score
    return best_tokens, float(best_score)
