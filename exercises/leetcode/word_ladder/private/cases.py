"""Cases for Word Ladder: the LeetCode examples, one step, endWord missing from the list (also one
letter from beginWord), beginWord in the list, unreachable endWord, an empty list, a short path
hidden behind a long one, random small dictionaries, and 8 000 words of length 6."""

from collections import deque

import numpy as np

from grader.authoring import Case

LARGE_WORDS, LARGE_LENGTH, LARGE_LETTERS = 8_000, 6, "abcdef"


def _farthest(begin: str, words: set[str]) -> str:
    """The word of WORDS that breadth-first search from BEGIN reaches last."""
    queue, seen, last = deque([begin]), {begin}, begin
    while queue:
        last = queue.popleft()
        for i in range(len(last)):
            for letter in LARGE_LETTERS:
                candidate = last[:i] + letter + last[i + 1:]
                if candidate in words and candidate not in seen:
                    seen.add(candidate)
                    queue.append(candidate)
    return last


def _dictionary(rng: np.random.Generator, count: int, length: int, letters: str) -> list[str]:
    """COUNT distinct random words of LENGTH letters drawn from LETTERS, in random order."""
    words: set[str] = set()
    while len(words) < count:
        words.add("".join(rng.choice(list(letters), size=length).tolist()))
    return sorted(words, key=lambda _: rng.random())


def _random(rng: np.random.Generator, count: int, length: int, letters: str) -> list:
    """A random dictionary; endWord is a list word (the farthest from beginWord half the time)."""
    words = _dictionary(rng, count + 1, length, letters)
    begin, rest = words[0], words[1:]
    end = _farthest(begin, set(rest)) if rng.random() < 0.5 else rest[int(rng.integers(len(rest)))]
    if end == begin:
        end = rest[0]
    return [begin, end, rest]


def _large(rng: np.random.Generator) -> list:
    """8 000 distinct words over a-f of length 6 (17 % of all such words); endWord is the word that
    breadth-first search from beginWord reaches last, so the search visits its whole component."""
    words = _dictionary(rng, LARGE_WORDS + 1, LARGE_LENGTH, LARGE_LETTERS)
    begin, rest = words[0], words[1:]
    return [begin, _farthest(begin, set(rest)), rest]


def visible(rng):
    return [
        Case("example", ["hit", "cog", ["hot", "dot", "dog", "lot", "log", "cog"]]),
        Case("endWord not in the list", ["hit", "cog", ["hot", "dot", "dog", "lot", "log"]]),
        Case("one step", ["hit", "hot", ["hot"]]),
        Case("one letter away but not in the list", ["cat", "cot", ["cut", "cog"]]),
        Case("random", _random(rng, 12, 3, "abc")),
    ]


def hidden(rng):
    cases = [
        Case("beginWord in the list", ["hot", "dog", ["hot", "dog", "dot"]]),
        Case("unreachable", ["abc", "xyz", ["abd", "abz", "xyz", "xyc"]]),
        Case("empty list", ["a", "b", []]),
        Case("single letters", ["a", "c", ["a", "b", "c"]]),
        Case("short path behind a long one",
             ["aaa", "ccc", ["baa", "bba", "bbb", "cbb", "ccb", "caa", "cca", "ccc"]],
             note="aaa → caa → cca → ccc"),
        Case("long chain", ["aaaa", "dddd", ["baaa", "bbaa", "bbba", "bbbb", "cbbb", "ccbb", "cccb", "cccc",
                                            "dccc", "ddcc", "dddc", "dddd"]]),
    ]
    for k in range(6):
        cases.append(Case(f"random small {k}", _random(rng, int(rng.integers(4, 30)), 3, "abcd")))
    cases.append(Case("random medium", _random(rng, 400, 4, "abcdef")))
    cases.append(Case("8000 words", _large(rng), time_limit=5.0, diagnose=False,
                      note="8000 words of length 6: comparing each word with every word of the list, "
                           "O(N²·L), exceeds the limit"))
    return cases


# The statement's edge rules (README.md, `<!-- rule: … -->`) and the cases that exercise each.
RULES = {
    'counts-words': ['one step', 'example', 'single letters'],
    'end-in-list': ['endWord not in the list', 'one letter away but not in the list'],
    'begin-optional': ['beginWord in the list'],
    'unreachable': ['unreachable', 'empty list'],
    'shortest': ['short path behind a long one', 'example'],
}
