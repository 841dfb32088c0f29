"""Merge k Sorted Lists — see README.md for the full statement."""


class Solution:
    def mergeKLists(self, lists: list[list[int]]) -> list[int]:
        """Every integer of the k sorted lists, in one non-decreasing list."""
        raise NotImplementedError
