"""The references of the LeetCode exercises added by bank issue #16 (part A) agree with an
independent formulation (a brute force, or the standard library's bisect/heapq) on random seeded
small inputs."""

from __future__ import annotations

import bisect
from pathlib import Path
from types import ModuleType

import numpy as np
import pytest

from grader.cases import load_module

LEETCODE = Path(__file__).resolve().parent.parent / "exercises" / "leetcode"


def reference(name: str) -> ModuleType:
    return load_module(LEETCODE / name / "private" / "reference.py", f"_reference_{name}")


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
