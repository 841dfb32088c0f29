"""Wrong: counts the values, then takes the first k keys of the count dict (first-seen order)."""

from collections import Counter


class Solution:
    def topKFrequent(self, nums: list[int], k: int) -> list[int]:
        counts = Counter(nums)
        return list(counts)[:k]
