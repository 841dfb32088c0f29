"""Cases for Valid Parentheses: empty string, closing before opening, unclosed brackets, type
mismatches, interleaving, random balanced strings with and without one corrupted character, and a
1 000 000-character deeply nested string."""

import numpy as np

from grader.authoring import Case

LARGE_DEPTH = 500_000
OPEN, CLOSE = "([{", ")]}"


def _balanced(rng: np.random.Generator, pairs: int) -> str:
    """A random correctly nested string with PAIRS bracket pairs of random types."""
    out: list[str] = []
    stack: list[int] = []
    opened = 0
    while opened < pairs or stack:
        if opened < pairs and (not stack or rng.random() < 0.55):
            kind = int(rng.integers(3))
            stack.append(kind)
            out.append(OPEN[kind])
            opened += 1
        else:
            out.append(CLOSE[stack.pop()])
    return "".join(out)


def _corrupt(rng: np.random.Generator, s: str) -> str:
    """Replace one character by a different bracket."""
    position = int(rng.integers(len(s)))
    choices = [c for c in OPEN + CLOSE if c != s[position]]
    return s[:position] + choices[int(rng.integers(len(choices)))] + s[position + 1:]


def _large(rng: np.random.Generator) -> str:
    """500 000 nested openers, closed in order except the very last (outermost) closer."""
    kinds = rng.integers(3, size=LARGE_DEPTH)
    opens = "".join(OPEN[k] for k in kinds)
    closes = "".join(CLOSE[k] for k in kinds[::-1])
    return opens + closes[:-1] + CLOSE[(kinds[0] + 1) % 3]


def visible(rng):
    return [
        Case("one pair", ["()"]),
        Case("three types in sequence", ["()[]{}"]),
        Case("nested", ["{[]}"]),
        Case("type mismatch", ["(]"]),
        Case("interleaved", ["([)]"]),
        Case("empty string", [""], note="the empty string is valid"),
        Case("closing before opening", [")("]),
        Case("unclosed", ["(("]),
        Case("random balanced", [_balanced(rng, 8)]),
    ]


def hidden(rng):
    cases = [
        Case("single closer", ["]"]),
        Case("single opener", ["{"]),
        Case("balanced then an extra opener", ["()[]{}("]),
        Case("balanced then an extra closer", ["{()}[]]"]),
        Case("counts balanced, order wrong", ["([{}]){(})"]),
    ]
    for k in range(4):
        s = _balanced(rng, int(rng.integers(1, 40)))
        cases.append(Case(f"random balanced {k}", [s]))
        cases.append(Case(f"random corrupted {k}", [_corrupt(rng, s)]))
    cases.append(Case("random characters", ["".join(rng.choice(list(OPEN + CLOSE), size=30))]))
    cases.append(Case("long balanced", [_balanced(rng, 5000)]))
    cases.append(Case("len(s) = 1000000", [_large(rng)], time_limit=2.0,
                      note="len(s) = 1000000, nested 500000 deep: an O(n²) solution cannot finish within the limit"))
    return cases


# The statement's edge rules (README.md, `<!-- rule: … -->`) and the cases that exercise each.
RULES = {
    'empty-valid': ['empty string'],
    'closer-first': ['closing before opening', 'single closer', 'balanced then an extra closer'],
    'unclosed': ['unclosed', 'single opener', 'balanced then an extra opener'],
    'types-match': ['type mismatch', 'interleaved', 'counts balanced, order wrong'],
}
