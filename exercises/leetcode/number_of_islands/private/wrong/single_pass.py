"""Wrong: one scan that starts a new island whenever the upper and left neighbours are water."""


class Solution:
    def numIslands(self, grid: list[list[str]]) -> int:
        count = 0
        for r, row in enumerate(grid):
            for c, cell in enumerate(row):
                if cell != "1":
                    continue
                up = r > 0 and grid[r - 1][c] == "1"
                left = c > 0 and row[c - 1] == "1"
                if not up and not left:
                    count += 1
        return count
