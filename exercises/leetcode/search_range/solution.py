"""Find First and Last Position of Element in Sorted Array — see README.md for the full statement."""


class Solution:
    def searchRanges(self, nums: list[int], targets: list[int]) -> list[list[int]]:
        """For each target, [first, last] index of it in the sorted nums, or [-1, -1] if absent."""
        raise NotImplementedError
