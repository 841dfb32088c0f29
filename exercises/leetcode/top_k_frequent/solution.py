"""Top K Frequent Elements — see README.md for the full statement."""


class Solution:
    def topKFrequent(self, nums: list[int], k: int) -> list[int]:
        """The k most frequent distinct values of nums, in any order."""
        raise NotImplementedError
