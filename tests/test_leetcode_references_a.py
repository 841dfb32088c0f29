"""The references of the LeetCode exercises added by bank issue #16 (part A) agree with an
independent formulation (a brute force, or the standard library's bisect/heapq) on random seeded
small inputs."""

from __future__ import annotations

import bisect
import functools
import heapq
import statistics

import networkx
import numpy as np
import pytest
from support import bank_reference

reference = functools.partial(bank_reference, "leetcode")


@pytest.mark.parametrize("seed", range(5))
def test_search_range_matches_a_scan_and_bisect(seed: int) -> None:
    rng = np.random.default_rng(seed)
    solve = reference("search_range").Solution().searchRanges
    for _ in range(200):
        nums = sorted(rng.integers(-6, 7, size=int(rng.integers(0, 15))).tolist())
        targets = rng.integers(-8, 9, size=5).tolist()
        scanned = []
        for target in targets:
            where = [i for i, value in enumerate(nums) if value == target]
            scanned.append([where[0], where[-1]] if where else [-1, -1])
        by_bisect = [[bisect.bisect_left(nums, t), bisect.bisect_right(nums, t) - 1] if t in nums else [-1, -1]
                     for t in targets]
        assert solve(nums, targets) == scanned == by_bisect


def covers(window: str, t: str) -> bool:
    return all(window.count(letter) >= t.count(letter) for letter in set(t))


@pytest.mark.parametrize("seed", range(5))
def test_min_window_matches_every_substring(seed: int) -> None:
    """Brute force: the first substring, by length then start, that covers t with multiplicity."""
    rng = np.random.default_rng(seed)
    solve = reference("min_window_substring").Solution().minWindow
    for _ in range(150):
        s = "".join(rng.choice(list("ABCa"), size=int(rng.integers(1, 14))).tolist())
        t = "".join(rng.choice(list("ABCa"), size=int(rng.integers(1, 5))).tolist())
        windows = (s[start:start + size] for size in range(1, len(s) + 1) for start in range(len(s) - size + 1))
        assert solve(s, t) == next((w for w in windows if covers(w, t)), "")


@pytest.mark.parametrize("seed", range(5))
def test_three_sum_matches_every_triple_of_positions(seed: int) -> None:
    rng = np.random.default_rng(seed)
    solve = reference("three_sum").Solution().threeSum
    for _ in range(150):
        nums = rng.integers(-5, 6, size=int(rng.integers(0, 12))).tolist()
        brute = {tuple(sorted((nums[i], nums[j], nums[k])))
                 for i in range(len(nums)) for j in range(i + 1, len(nums)) for k in range(j + 1, len(nums))
                 if nums[i] + nums[j] + nums[k] == 0}
        got = solve(nums)
        assert len(got) == len(brute)
        assert {tuple(triplet) for triplet in got} == brute


@pytest.mark.parametrize("seed", range(5))
def test_container_most_water_matches_every_pair(seed: int) -> None:
    rng = np.random.default_rng(seed)
    solve = reference("container_most_water").Solution().maxArea
    for _ in range(300):
        height = rng.integers(0, 9, size=int(rng.integers(2, 14))).tolist()
        pairs = [(j - i) * min(height[i], height[j]) for i in range(len(height)) for j in range(i + 1, len(height))]
        assert solve(height) == max(pairs)


@pytest.mark.parametrize("seed", range(5))
def test_merge_k_sorted_matches_sorting_and_heapq_merge(seed: int) -> None:
    rng = np.random.default_rng(seed)
    solve = reference("merge_k_sorted").Solution().mergeKLists
    for _ in range(200):
        lists = [sorted(rng.integers(-5, 6, size=int(rng.integers(0, 6))).tolist())
                 for _ in range(int(rng.integers(0, 7)))]
        merged = solve(lists)
        assert merged == sorted(value for values in lists for value in values) == list(heapq.merge(*lists))


@pytest.mark.parametrize("seed", range(5))
def test_median_finder_matches_statistics_median(seed: int) -> None:
    rng = np.random.default_rng(seed)
    finder_class = reference("median_finder").MedianFinder
    for _ in range(100):
        finder, seen = finder_class(), []
        for num in rng.integers(-6, 7, size=int(rng.integers(1, 20))).tolist():
            finder.addNum(num)
            seen.append(num)
            median = finder.findMedian()
            assert type(median) is float
            assert median == statistics.median(seen)


@pytest.mark.parametrize("seed", range(5))
def test_network_delay_time_matches_floyd_warshall(seed: int) -> None:
    """All-pairs shortest times by Floyd–Warshall, a different algorithm from the reference's Dijkstra."""
    rng = np.random.default_rng(seed)
    solve = reference("network_delay_time").Solution().networkDelayTime
    for _ in range(150):
        n = int(rng.integers(1, 8))
        pairs = {(int(u), int(v)) for u, v in rng.integers(1, n + 1, size=(int(rng.integers(0, 16)), 2)) if u != v}
        times = [[u, v, int(rng.integers(0, 10))] for u, v in sorted(pairs)]
        far = float("inf")
        dist = [[0.0 if i == j else far for j in range(n + 1)] for i in range(n + 1)]
        for u, v, w in times:
            dist[u][v] = w
        for middle in range(1, n + 1):
            for i in range(1, n + 1):
                for j in range(1, n + 1):
                    dist[i][j] = min(dist[i][j], dist[i][middle] + dist[middle][j])
        k = int(rng.integers(1, n + 1))
        last = max(dist[k][1:])
        assert solve(times, n, k) == (-1 if last == far else int(last))


@pytest.mark.parametrize("seed", range(5))
def test_word_ladder_matches_networkx(seed: int) -> None:
    """networkx's shortest path on the graph built by comparing every pair of words."""
    rng = np.random.default_rng(seed)
    solve = reference("word_ladder").Solution().ladderLength
    for _ in range(150):
        length = int(rng.integers(1, 4))
        pool = sorted({"".join(rng.choice(list("abc"), size=length).tolist()) for _ in range(12)})
        begin, end = rng.choice(pool, size=2, replace=len(pool) < 2).tolist()
        if begin == end:
            continue
        word_list = [word for word in pool if rng.random() < 0.7]  # beginWord may be in the list
        graph = networkx.Graph()
        graph.add_nodes_from([begin, *word_list])
        nodes = [begin, *(word for word in word_list if word != begin)]
        graph.add_edges_from((a, b) for a in nodes for b in nodes if sum(x != y for x, y in zip(a, b, strict=True)) == 1)
        try:
            expected = networkx.shortest_path_length(graph, begin, end) + 1 if end in word_list else 0
        except networkx.NetworkXNoPath:
            expected = 0
        assert solve(begin, end, word_list) == expected
