"""Cases for Longest Substring Without Repeating Characters: "abba" (start must not move back),
"dvdf" (restart after the previous occurrence), "pwwkew" (substring, not subsequence), empty,
single and all-equal strings, case, spaces, non-ASCII, random strings over small and large
alphabets, and 200 000 characters with windows of ~40 000 different characters."""

import numpy as np

from grader.authoring import Case

LARGE_ALPHABET, LARGE_BLOCK, LARGE_BLOCKS = 50_000, 40_000, 5
FIRST_CODE_POINT = 0x100  # 0x100 + 50 000 stays below the surrogate range 0xD800–0xDFFF


def _random(rng: np.random.Generator, n: int, alphabet: str) -> str:
    return "".join(rng.choice(list(alphabet), size=n)) if n else ""


def _large(rng: np.random.Generator) -> str:
    """Five blocks of 40 000 different characters drawn from a 50 000-character alphabet (n = 200 000)."""
    blocks = [rng.choice(LARGE_ALPHABET, size=LARGE_BLOCK, replace=False) for _ in range(LARGE_BLOCKS)]
    codes = np.concatenate(blocks) + FIRST_CODE_POINT
    return "".join(map(chr, codes.tolist()))


def visible(rng):
    return [
        Case("example", ["abcabcbb"]),
        Case("all equal", ["bbbbb"]),
        Case("substring, not subsequence", ["pwwkew"]),
        Case("start must not move back", ["abba"], note="after the second 'a' the window is 'ba', not 'bba'"),
        Case("restart after the previous occurrence", ["dvdf"]),
        Case("empty string", [""]),
        Case("random letters", [_random(rng, 20, "abcdef")]),
    ]


def hidden(rng):
    cases = [
        Case("single character", ["x"]),
        Case("case and spaces", ["aA bB a"]),
        Case("non-ASCII", ["héllo wörld ✓🙂✓"]),
        Case("long tail after a repeat", ["abcdeafghij"]),
        Case("digits and symbols", ["12!@1#$%^&*2"]),
    ]
    for k in range(4):
        cases.append(Case(f"random small alphabet {k}", [_random(rng, int(rng.integers(1, 40)), "abcd")]))
    cases += [Case(f"random letters and digits {k}",
                   [_random(rng, 2000, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 ")])
              for k in range(2)]
    cases.append(Case("len(s) = 200000", [_large(rng)], time_limit=2.0,
                      note="len(s) = 200000 with windows of ~40000 different characters: an O(n · window) "
                           "solution cannot finish within the limit"))
    return cases


# The statement's edge rules (README.md, `<!-- rule: … -->`) and the cases that exercise each.
RULES = {
    'empty-and-single': ['empty string', 'single character'],
    'exact-characters': ['case and spaces', 'non-ASCII', 'digits and symbols'],
    'contiguous': ['substring, not subsequence', 'example'],
}
