"""Wrong: counts land cells instead of islands."""


class Solution:
    def numIslands(self, grid: list[list[str]]) -> int:
        return sum(row.count("1") for row in grid)
