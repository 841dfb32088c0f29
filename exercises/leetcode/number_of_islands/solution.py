"""Number of Islands — see README.md for the full statement."""


class Solution:
    def numIslands(self, grid: list[list[str]]) -> int:
        """The number of 4-connected groups of "1" cells in grid."""
        raise NotImplementedError
