"""The similarity view: flagged pairs of candidates' files side by side, the shared code highlighted.

Input is plain data (the pairs of grader/similarity.py as dicts): `exercise`, `first` and `second`
(each `candidate`, `name`, `text`), `first_share`, `second_share`, `copied_characters`, and
`first_spans` / `second_spans`, the shared character ranges [start, end) of each text.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any


def segments(text: str, spans: Sequence[Sequence[int]]) -> list[tuple[str, bool]]:
    """TEXT cut into consecutive pieces, each marked whether it lies in one of the (possibly overlapping) SPANS."""
    pieces: list[tuple[str, bool]] = []

    def add(piece: str, copied: bool) -> None:
        if pieces and pieces[-1][1] == copied:  # overlapping or touching spans make one piece
            pieces[-1] = (pieces[-1][0] + piece, copied)
        elif piece:
            pieces.append((piece, copied))

    position = 0
    for start, end in sorted((max(0, s), min(len(text), e)) for s, e in spans):
        if end <= position:
            continue
        start = max(start, position)
        add(text[position:start], False)
        add(text[start:end], True)
        position = end
    add(text[position:], False)
    return pieces


def similarity_view(pairs: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """What the templates show of each pair: its anchor, names, shares and both files cut into segments."""
    return [{"anchor": f"pair-{number}", "exercise": pair["exercise"],
             "share": min(pair["first_share"], pair["second_share"]),
             "sides": [{"candidate": pair[side]["candidate"], "share": pair[f"{side}_share"],
                        "segments": segments(pair[side]["text"], pair[f"{side}_spans"])}
                       for side in ("first", "second")]}
            for number, pair in enumerate(pairs, start=1)]
