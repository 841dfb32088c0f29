"""Cases for Minimum Window Substring: the LeetCode example, repeated letters in t, no window
(missing letter, too few copies, t longer than s), ties between windows of the same length,
upper and lower case, random strings over small alphabets, and m = 100 000 with a long window."""

import numpy as np

from grader.authoring import Case

LARGE_M = 100_000


def _word(rng: np.random.Generator, length: int, letters: str) -> str:
    return "".join(rng.choice(list(letters), size=length).tolist())


def _large(rng: np.random.Generator) -> tuple[str, str]:
    """100 000 random lower-case letters with one 'A' near position 20 000 and one 'B' near
    position 70 000: every window holds both, so the shortest is about 50 000 letters long."""
    letters = list(_word(rng, LARGE_M, "abcdefghijklmnopqrstuvwxyz"))
    letters[20_000 + int(rng.integers(100))] = "A"
    letters[70_000 + int(rng.integers(100))] = "B"
    return "".join(letters), "BqAqq"


def visible(rng):
    return [
        Case("example", ["ADOBECODEBANC", "ABC"]),
        Case("repeated letter in t", ["AXBYA", "AAB"], note="two As are needed"),
        Case("too few copies", ["a", "aa"]),
        Case("two windows of the same length", ["ABxxBA", "AB"], note="the leftmost one"),
        Case("upper and lower case", ["aAbB", "AB"]),
        Case("random", [_word(rng, 12, "ABC"), _word(rng, 2, "ABC")]),
    ]


def hidden(rng):
    cases = [
        Case("a letter of t is missing", ["ABCDEF", "AZ"]),
        Case("t longer than s", ["abc", "abcc"]),
        Case("t equals s", ["kayak", "kayak"]),
        Case("the whole string is the only window", ["BxxxxxA", "AB"]),
        Case("three tied windows", ["CAxBCyyACx", "AC"]),
        Case("ties after a longer window", ["AxxBxABxBA", "AB"]),
        Case("repeated letters, shorter window later", ["AAxxxBxxAAB", "AAB"]),
        Case("many copies needed", ["baabbabaaaabbb", "aaaab"]),
        Case("case matters twice", ["AaBbaAb", "ab"]),
        Case("single letter", ["Q", "Q"]),
    ]
    for k in range(8):
        cases.append(Case(f"random small {k}",
                          [_word(rng, int(rng.integers(1, 16)), "ABC"), _word(rng, int(rng.integers(1, 5)), "ABCa")]))
    cases.append(Case("random medium", [_word(rng, 2_000, "abcdefghij"), _word(rng, 30, "abcdefghij")]))
    cases.append(Case("m = 100000", list(_large(rng)), time_limit=2.0, diagnose=False,
                      note="m = 100000 with a shortest window of about 50000 letters: growing a window "
                           "from every start, O(m²), exceeds the limit"))
    return cases


# The statement's edge rules (README.md, `<!-- rule: … -->`) and the cases that exercise each.
RULES = {
    'multiplicity': ['repeated letter in t', 'repeated letters, shorter window later', 'many copies needed'],
    'no-window': ['too few copies', 'a letter of t is missing', 't longer than s'],
    'leftmost': ['two windows of the same length', 'three tied windows', 'ties after a longer window'],
    'case-sensitive': ['upper and lower case', 'case matters twice'],
}
