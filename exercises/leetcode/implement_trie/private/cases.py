"""Cases for Implement Trie: the LeetCode example, prefixes that are not words, words inside
stored words, the empty prefix before and after the first insert, repeated inserts, random
sequences over a small alphabet, and 100 000 operations (30 000 inserts)."""

import numpy as np

from grader.authoring import Case

LARGE_WORDS, LARGE_QUERIES = 30_000, 69_999  # with the constructor: 100 000 operations


def _ops(calls: list[tuple[str, str]]) -> dict:
    """LeetCode's design-problem format: the constructor first, then (method, argument) calls."""
    return {"ops": ["Trie"] + [method for method, _ in calls], "args": [[]] + [[text] for _, text in calls]}


def _word(rng: np.random.Generator, low: int, high: int, alphabet: str = "abc") -> str:
    return "".join(rng.choice(list(alphabet), size=int(rng.integers(low, high + 1))))


def _random(rng: np.random.Generator, count: int) -> dict:
    """COUNT random operations on short words over 'abc' (inserts 40 %), so prefixes are shared."""
    calls = []
    for _ in range(count):
        pick = rng.random()
        method = "insert" if pick < 0.4 else "search" if pick < 0.7 else "startsWith"
        calls.append((method, _word(rng, 0 if method == "startsWith" else 1, 4)))
    return _ops(calls)


def _large(rng: np.random.Generator) -> dict:
    """30 000 inserts of 5 … 15 letters over 'abcdef', then 69 999 searches and prefix queries:
    half of them cut from stored words, half random."""
    words = [_word(rng, 5, 15, "abcdef") for _ in range(LARGE_WORDS)]
    calls = [("insert", word) for word in words]
    for k in range(LARGE_QUERIES):
        method = "search" if k % 2 else "startsWith"
        if rng.random() < 0.5:
            word = words[int(rng.integers(LARGE_WORDS))]
            text = word[:int(rng.integers(1, len(word) + 1))]
        else:
            text = _word(rng, 1, 15, "abcdef")
        calls.append((method, text))
    return _ops(calls)


def visible(rng):
    return [
        Case("example", [], _ops([("insert", "apple"), ("search", "apple"), ("search", "app"), ("startsWith", "app"),
                              ("insert", "app"), ("search", "app")])),
        Case("prefix is not a word", [], _ops([("insert", "tree"), ("search", "tr"), ("search", "tre"),
                                           ("startsWith", "tre"), ("search", "trees")])),
        Case("word inside a stored word", [], _ops([("insert", "apple"), ("insert", "app"), ("search", "app"),
                                                ("search", "appl")])),
        Case("empty prefix", [], _ops([("startsWith", ""), ("insert", "a"), ("startsWith", "")]),
             note="no word starts with '' while the trie is empty"),
        Case("random small", [], _random(rng, 12)),
    ]


def hidden(rng):
    cases = [
        Case("word is its own prefix", [], _ops([("insert", "car"), ("startsWith", "car"), ("startsWith", "cart"),
                                             ("search", "car")])),
        Case("prefixes of two words", [], _ops([("insert", "bat"), ("insert", "bad"), ("startsWith", "ba"),
                                            ("search", "ba"), ("startsWith", "bat"), ("search", "bad"),
                                            ("insert", "ba"), ("search", "ba"), ("search", "b")])),
        Case("nested words inserted longest first", [], _ops([("insert", "abcd"), ("insert", "abc"), ("insert", "ab"),
                                                          ("insert", "a"), ("search", "a"), ("search", "abc"),
                                                          ("search", "abcde")])),
        Case("repeated insert", [], _ops([("insert", "go"), ("insert", "go"), ("search", "go"), ("startsWith", "g"),
                                      ("search", "g")])),
        Case("queries on an empty trie", [], _ops([("search", "a"), ("startsWith", "a"), ("startsWith", "")])),
        Case("empty prefix after inserts", [], _ops([("insert", "xyz"), ("startsWith", ""), ("search", "x"),
                                                 ("startsWith", "xy")])),
        Case("single letters", [], _ops([("insert", "a"), ("search", "a"), ("startsWith", "a"), ("search", "b"),
                                     ("startsWith", "ab")])),
    ]
    cases += [Case(f"random {k}", [], _random(rng, 40)) for k in range(4)]
    cases.append(Case("random 2000 operations", [], _random(rng, 2000)))
    cases.append(Case("100000 operations", [], _large(rng), time_limit=4.0, diagnose=False,
                      note="100000 operations, 30000 of them inserts: scanning the stored words for each "
                           "query cannot finish within the limit"))
    return cases


# The statement's edge rules (README.md, `<!-- rule: … -->`) and the cases that exercise each.
RULES = {
    'search-whole-word': ['example', 'prefix is not a word', 'prefixes of two words'],
    'prefix-not-word': ['example', 'prefix is not a word', 'prefixes of two words'],
    'word-inside-word': ['word inside a stored word', 'nested words inserted longest first'],
    'empty-prefix': ['empty prefix', 'queries on an empty trie', 'empty prefix after inserts'],
    'repeated-insert': ['repeated insert'],
}
