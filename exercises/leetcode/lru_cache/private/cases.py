"""Cases for LRU Cache: the LeetCode example, sequences that separate "get refreshes", "put
refreshes", "evict the least recent" and "no eviction on update", capacity 1, misses, random
sequences, and 200 000 operations on a full cache of capacity 100 000."""

import numpy as np

from grader.authoring import Case

LARGE_CAPACITY, LARGE_MIXED, LARGE_KEYS = 100_000, 100_000, 130_000


def _ops(capacity: int, calls: list[tuple]) -> dict:
    """LeetCode's design-problem format: the constructor first, then (method, *args) calls."""
    return {"ops": ["LRUCache"] + [call[0] for call in calls],
            "args": [[capacity]] + [list(call[1:]) for call in calls]}


def _random(rng: np.random.Generator, count: int, capacity: int, keys: int) -> dict:
    """COUNT random gets and puts on keys below KEYS (gets 40 %)."""
    calls = []
    for _ in range(count):
        key = int(rng.integers(keys))
        calls.append(("get", key) if rng.random() < 0.4 else ("put", key, int(rng.integers(1_000_001))))
    return _ops(capacity, calls)


def _gets(*keys: int) -> list[tuple[str, int]]:
    return [("get", key) for key in keys]


def _large(rng: np.random.Generator) -> dict:
    """Fill a 100 000-key cache with distinct keys, then 100 000 random gets and puts on a pool of
    130 000 keys: every later operation meets a full cache."""
    keys = rng.choice(1_000_001, size=LARGE_KEYS, replace=False).tolist()
    values = rng.integers(1_000_001, size=LARGE_CAPACITY + LARGE_MIXED).tolist()
    calls: list[tuple] = [("put", key, value) for key, value in zip(keys[:LARGE_CAPACITY], values[:LARGE_CAPACITY], strict=True)]
    picks = rng.integers(LARGE_KEYS, size=LARGE_MIXED).tolist()
    is_get = (rng.random(LARGE_MIXED) < 0.5).tolist()
    for pick, get, value in zip(picks, is_get, values[LARGE_CAPACITY:], strict=True):
        calls.append(("get", keys[pick]) if get else ("put", keys[pick], value))
    return _ops(LARGE_CAPACITY, calls)


def visible(rng):
    example = [("put", 1, 1), ("put", 2, 2), ("get", 1), ("put", 3, 3), ("get", 2), ("put", 4, 4),
               *_gets(1, 3, 4)]
    get_refresh = [("put", 1, 1), ("put", 2, 2), ("put", 3, 3), ("get", 1), ("get", 3), ("put", 4, 4),
                   *_gets(1, 2, 3, 4)]
    put_refresh = [("put", 1, 1), ("put", 2, 2), ("put", 3, 3), ("put", 2, 20), ("put", 4, 4), ("put", 5, 5),
                   *_gets(1, 2, 3, 4, 5)]
    update_full = [("put", 1, 1), ("put", 2, 2), ("put", 2, 20), *_gets(1, 2)]
    return [
        Case("example", [], _ops(2, example)),
        Case("get refreshes recency", [], _ops(3, get_refresh),
             note="get(1) and get(3) use those keys, so put(4) evicts key 2"),
        Case("put on an existing key refreshes recency", [], _ops(3, put_refresh),
             note="put(2, 20) uses key 2: put(4) evicts 1, put(5) evicts 3"),
        Case("update in a full cache evicts nothing", [], _ops(2, update_full)),
        Case("random small", [], _random(rng, 20, 3, 6)),
    ]


def hidden(rng):
    capacity_one = [("put", 1, 1), ("put", 2, 2), *_gets(1, 2), ("put", 2, 3), ("get", 2), ("put", 1, 5),
                    *_gets(2, 1)]
    misses = [("get", 7), ("put", 7, 0), ("get", 7), ("get", 8), ("put", 8, 8), ("put", 9, 9), *_gets(7, 8, 9)]
    cases = [
        Case("capacity 1", [], _ops(1, capacity_one)),
        Case("misses and a zero value", [], _ops(2, misses)),
    ]
    cases += [Case(f"random small {k}", [], _random(rng, 40, int(rng.integers(1, 5)), 8)) for k in range(6)]
    cases += [Case(f"random medium {k}", [], _random(rng, 2000, int(rng.integers(10, 100)), 200)) for k in range(2)]
    cases.append(Case("200000 operations", [], _large(rng), time_limit=6.0,
                      note="200000 operations on a full cache of capacity 100000: an O(capacity) step per "
                           "operation cannot finish within the limit"))
    return cases


# The statement's edge rules (README.md, `<!-- rule: … -->`) and the cases that exercise each.
RULES = {
    'recency': ['get refreshes recency', 'put on an existing key refreshes recency'],
    'put-existing': ['put on an existing key refreshes recency', 'update in a full cache evicts nothing'],
    'evict-lru': ['example', 'get refreshes recency'],
    'capacity-one': ['capacity 1'],
}
