"""Cases for Word Break: the LeetCode examples, a word reused many times, splits where the longest
match is a dead end, splits that leave a tail, words erased out of order, random dictionaries,
and len(s) = 2 000 (the classic "aaa…ab", and random words followed by a letter no word has)."""

import numpy as np

from grader.authoring import Case

LARGE_LENGTH = 2_000


def _letters(rng: np.random.Generator, n: int, alphabet: str = "ab") -> str:
    return "".join(rng.choice(list(alphabet), size=n))


def _random(rng: np.random.Generator, words: int, length: int) -> list:
    """A random dictionary over 'ab' (words of 1 … 4 letters) and a random string of LENGTH letters."""
    vocabulary = sorted({_letters(rng, int(rng.integers(1, 5))) for _ in range(words)})
    return [_letters(rng, length), vocabulary]


def _sentence(rng: np.random.Generator) -> list:
    """1 999 letters of random words from a 1 000-word dictionary over 'ab' (1 … 20 letters each),
    then a 'c' that no word contains: False, after exponentially many splits of the prefix."""
    vocabulary = sorted({_letters(rng, int(rng.integers(1, 21))) for _ in range(1_300)})[:1_000]
    picked: list[str] = []
    while sum(map(len, picked)) < LARGE_LENGTH - 1:
        picked.append(vocabulary[int(rng.integers(len(vocabulary)))])
    return ["".join(picked)[:LARGE_LENGTH - 1] + "c", vocabulary]


def visible(rng):
    return [
        Case("example", ["leetcode", ["leet", "code"]]),
        Case("a word reused", ["applepenapple", ["apple", "pen"]]),
        Case("tail left over", ["catsandog", ["cats", "dog", "sand", "and", "cat"]]),
        Case("longest match is a dead end", ["cars", ["car", "ca", "rs"]],
             note="'car' leaves 's'; 'ca' + 'rs' works"),
        Case("random small", _random(rng, 4, 8)),
    ]


def hidden(rng):
    cases = [
        Case("one word many times", ["aaaaaaaa", ["aa"]]),
        Case("prefix trap", ["abcd", ["abc", "ab", "cd"]]),
        Case("reuse needed after a choice", ["abab", ["aba", "ab"]]),
        Case("single letter, no word", ["a", ["b"]]),
        Case("whole string is one word", ["a", ["a"]]),
        Case("word longer than the string", ["ab", ["abc", "a"]]),
        Case("erasing cuts through a split", ["xaby", ["ab", "xa", "by"]]),
        Case("erased pieces join up", ["axyb", ["xy", "ab"]], note="'a' is not a word"),
        Case("most words unused", ["dogdog", ["cat", "dog", "bird", "fish"]]),
    ]
    cases += [Case(f"random small {k}", _random(rng, int(rng.integers(2, 6)), int(rng.integers(3, 12))))
              for k in range(6)]
    cases.append(Case("random 200 letters", _random(rng, 12, 200)))
    cases.append(Case("'aaa…ab', len(s) = 2000", ["a" * (LARGE_LENGTH - 1) + "b", ["a" * n for n in range(1, 21)]],
                      time_limit=2.0, diagnose=False,
                      note="len(s) = 2000, 'aaa…ab' against 'a' … 'aaa…a' (20 letters): a search without "
                           "memoisation cannot finish within the limit"))
    cases.append(Case("random words then a stray letter, len(s) = 2000", _sentence(rng), time_limit=2.0,
                      diagnose=False,
                      note="len(s) = 2000, 1000 words, and the last letter is in no word: a search without "
                           "memoisation cannot finish within the limit"))
    return cases


# The statement's edge rules (README.md, `<!-- rule: … -->`) and the cases that exercise each.
RULES = {
    'reuse': ['a word reused', 'one word many times', 'reuse needed after a choice'],
    'whole-string': ['tail left over', 'single letter, no word', 'erased pieces join up'],
    'choice-matters': ['longest match is a dead end', 'prefix trap'],
    'unused-words': ['most words unused', 'tail left over'],
}
