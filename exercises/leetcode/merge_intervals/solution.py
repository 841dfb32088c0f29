"""Merge Intervals — see README.md for the full statement."""


class Solution:
    def merge(self, intervals: list[list[int]]) -> list[list[int]]:
        """The union of the closed intervals as disjoint [start, end] lists sorted by start."""
        raise NotImplementedError
