"""Validate Binary Search Tree — see README.md for the full statement."""


class Solution:
    def isValidBST(self, root: list[int | None]) -> bool:
        """True when the tree (LeetCode level-order list) is a strict binary search tree."""
        raise NotImplementedError
