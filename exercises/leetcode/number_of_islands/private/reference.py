"""Reference: scan the grid; sink each new island with an explicit-stack DFS over 4 neighbours."""


class Solution:
    def numIslands(self, grid: list[list[str]]) -> int:
        rows = len(grid)
        cols = len(grid[0]) if rows else 0
        count = 0
        for r in range(rows):
            for c in range(cols):
                if grid[r][c] != "1":
                    continue
                count += 1
                grid[r][c] = "0"
                stack = [(r, c)]
                while stack:
                    i, j = stack.pop()
                    for y, x in ((i - 1, j), (i + 1, j), (i, j - 1), (i, j + 1)):
                        if 0 <= y < rows and 0 <= x < cols and grid[y][x] == "1":
                            grid[y][x] = "0"
                            stack.append((y, x))
        return count
