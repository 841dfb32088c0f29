"""Wrong: sorts the distinct values by count ascending, so it takes the k least frequent."""

from collections import Counter


class Solution:
    def topKFrequent(self, nums: list[int], k: int) -> list[int]:
        counts = Counter(nums)
        return sorted(counts, key=counts.get)[:k]
