"""Near-identical solutions across a cohort, found with copydetect's winnowed fingerprints.

copydetect tokenizes each file with Pygments, writes every variable, function and class name as one
letter and drops comments and layout, then compares winnowed k-gram fingerprints: renaming
variables or reformatting does not hide a copy. The exercise's stub is boilerplate (every candidate
starts from it), so only what candidates wrote counts. A pair is flagged when each side's copied
share reaches the threshold and the copied code is long enough to mean something: two correct
three-line answers to a short exercise are alike by necessity, not by copying.
"""

from __future__ import annotations

import io
import itertools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
from copydetect import CodeFingerprint, compare_files

NOISE_CHARACTERS = 25  # copydetect's defaults: k-grams shorter than this are noise,
GUARANTEE_CHARACTERS = 30  # matches this long are always found
DEFAULT_THRESHOLD = 0.9
DEFAULT_MIN_CHARACTERS = 200  # filtered characters (one per name) copied, at the least


@dataclass(frozen=True)
class Source:
    """One candidate's file for one exercise; NAME gives the language by its extension."""

    candidate: str
    exercise: str
    name: str
    text: str


@dataclass(frozen=True)
class SimilarPair:
    """Two candidates' files for one exercise and how much of each the other shares; SPANS are the shared
    character ranges [start, end) of each file's text, for highlighting."""

    exercise: str
    first: Source
    second: Source
    first_share: float
    second_share: float
    copied_characters: int
    first_spans: tuple[tuple[int, int], ...]
    second_spans: tuple[tuple[int, int], ...]

    @property
    def share(self) -> float:
        """The smaller of the two shares: a short file wholly inside a long one is not a near-identical pair."""
        return min(self.first_share, self.second_share)


def similar_pairs(sources: Sequence[Source], stubs: Mapping[str, Source], threshold: float = DEFAULT_THRESHOLD,
                  min_characters: int = DEFAULT_MIN_CHARACTERS) -> list[SimilarPair]:
    """The pairs of candidates whose files for one exercise are near-identical, most similar first; STUBS maps
    an exercise id to its stub, whose fingerprints are ignored."""
    pairs = []
    for exercise, group in itertools.groupby(sorted(sources, key=lambda s: (s.exercise, s.candidate)),
                                             key=lambda s: s.exercise):
        stub = stubs.get(exercise)
        boilerplate = np.array(sorted(_fingerprint(stub, window=1).hashes)) if stub is not None else None  # all k-grams
        prints = [(source, _fingerprint(source, GUARANTEE_CHARACTERS - NOISE_CHARACTERS + 1, boilerplate))
                  for source in group]
        for (first, a), (second, b) in itertools.combinations(prints, 2):
            copied, (first_share, second_share), (first_slices, second_slices) = compare_files(a, b)
            if min(first_share, second_share) >= threshold and copied >= min_characters:
                pairs.append(SimilarPair(exercise, first, second, float(first_share), float(second_share),
                                         int(copied), _spans(first_slices), _spans(second_slices)))
    return sorted(pairs, key=lambda p: (-p.share, p.exercise, p.first.candidate, p.second.candidate))


def _fingerprint(source: Source, window: int, boilerplate: np.ndarray | None = None) -> CodeFingerprint:
    return CodeFingerprint(source.name, NOISE_CHARACTERS, window, boilerplate=boilerplate, fp=io.StringIO(source.text))


def _spans(slices: np.ndarray) -> tuple[tuple[int, int], ...]:
    if slices.size == 0:  # no overlap: copydetect gives an empty array, not an empty 2 × 0 one
        return ()
    return tuple((int(start), int(end)) for start, end in zip(slices[0], slices[1], strict=True))
