"""Minimum Window Substring — see README.md for the full statement."""


class Solution:
    def minWindow(self, s: str, t: str) -> str:
        """The leftmost shortest substring of s containing t's letters with multiplicity, or ""."""
        raise NotImplementedError
