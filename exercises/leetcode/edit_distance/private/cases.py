"""Cases for Edit Distance: the LeetCode examples, empty words, one replacement, case, a swap,
words where the longest common subsequence misleads, non-ASCII text, random words over small
alphabets and two words of 500 characters."""

import numpy as np

from grader.authoring import Case

LARGE_LENGTH = 500


def _random(rng: np.random.Generator, n: int, alphabet: str) -> str:
    return "".join(rng.choice(list(alphabet), size=n)) if n else ""


def _mutated(rng: np.random.Generator, word: str, edits: int, alphabet: str) -> str:
    """WORD after EDITS random insertions, deletions and replacements."""
    chars = list(word)
    for _ in range(edits):
        kind, where = int(rng.integers(3)), int(rng.integers(len(chars) + 1))
        if kind == 0 or not chars:
            chars.insert(where, str(rng.choice(list(alphabet))))
        elif kind == 1:
            del chars[min(where, len(chars) - 1)]
        else:
            chars[min(where, len(chars) - 1)] = str(rng.choice(list(alphabet)))
    return "".join(chars)


def visible(rng):
    return [
        Case("example", ["horse", "ros"]),
        Case("example 2", ["intention", "execution"]),
        Case("one replacement", ["a", "b"], note="a replacement costs 1"),
        Case("empty to word", ["", "abc"]),
        Case("random small", [_random(rng, 6, "abc"), _random(rng, 5, "abc")]),
    ]


def hidden(rng):
    cases = [
        Case("both empty", ["", ""]),
        Case("word to empty", ["kitten", ""]),
        Case("case matters", ["Abc", "abC"]),
        Case("swap", ["ab", "ba"]),
        Case("equal words", ["same", "same"]),
        Case("replacements only", ["abcdef", "azcyex"]),
        Case("shift by one", ["abcdefg", "bcdefgh"]),
        Case("non-ASCII", ["naïve café", "naive cafe!"]),
        Case("sitting", ["kitten", "sitting"]),
    ]
    for k in range(5):
        cases.append(Case(f"random small {k}", [_random(rng, int(rng.integers(0, 9)), "ab"),
                                                _random(rng, int(rng.integers(0, 9)), "ab")]))
    base = _random(rng, 60, "acgt")
    cases.append(Case("random 60 letters, 15 edits", [base, _mutated(rng, base, 15, "acgt")]))
    first = _random(rng, LARGE_LENGTH, "abcdefghij")
    cases.append(Case("two words of 500 characters", [first, _mutated(rng, first, 150, "abcdefghij")[:LARGE_LENGTH]],
                      time_limit=2.0, diagnose=False,
                      note="two words of 500 characters: a recursion without memoisation cannot finish "
                           "within the limit"))
    return cases


# The statement's edge rules (README.md, `<!-- rule: … -->`) and the cases that exercise each.
RULES = {
    'replace-costs-one': ['one replacement', 'replacements only', 'example'],
    'empty-words': ['empty to word', 'word to empty', 'both empty'],
    'exact-characters': ['case matters', 'non-ASCII'],
    'no-transposition': ['swap'],
}
