"""Wrong: explores all eight neighbours, so islands touching at a corner merge."""


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
                    for y in (i - 1, i, i + 1):
                        for x in (j - 1, j, j + 1):
                            if 0 <= y < rows and 0 <= x < cols and grid[y][x] == "1":
                                grid[y][x] = "0"
                                stack.append((y, x))
        return count
