"""Redundant Connection — see README.md for the full statement."""


class Solution:
    def findRedundantConnection(self, edges: list[list[int]]) -> list[int]:
        """The last edge in `edges` whose removal leaves a tree on the nodes 1 … n."""
        raise NotImplementedError
