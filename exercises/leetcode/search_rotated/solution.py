"""Search in Rotated Sorted Array — see README.md for the full statement."""


class Solution:
    def search(self, nums: list[int], target: int) -> int:
        """The index of target in the rotated ascending list nums, or -1."""
        raise NotImplementedError
