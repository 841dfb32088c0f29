"""Cases for Number of Islands: islands touching at a corner, a U-shaped island, empty and
all-water grids, single rows and columns, a serpentine, random grids at several densities, and a
700 × 700 grid above the percolation threshold (one island of over 250 000 cells)."""

import numpy as np

from grader.authoring import Case

LARGE_SIDE = 700


def _grid(rows: list[str]) -> list[list[str]]:
    return [list(row) for row in rows]


def _random(rng: np.random.Generator, rows: int, cols: int, density: float) -> list[list[str]]:
    land = rng.random((rows, cols)) < density
    return [["1" if cell else "0" for cell in row] for row in land.tolist()]


def _serpentine(rows: int, cols: int) -> list[list[str]]:
    """One long, thin island: full even rows joined by single cells at alternating ends."""
    grid = [["0"] * cols for _ in range(rows)]
    for r in range(rows):
        if r % 2 == 0:
            grid[r] = ["1"] * cols
        else:
            grid[r][cols - 1 if r % 4 == 1 else 0] = "1"
    return grid


def visible(rng):
    return [
        Case("one island", [_grid(["11110", "11010", "11000", "00000"])]),
        Case("three islands", [_grid(["11000", "11000", "00100", "00011"])]),
        Case("corner touch", [_grid(["10", "01"])], note="diagonal cells are not connected: 2 islands"),
        Case("U shape", [_grid(["101", "111"])], note="the arms join in the bottom row: 1 island"),
        Case("empty grid", [[]]),
        Case("all water", [_grid(["000", "000"])]),
        Case("random 6x8", [_random(rng, 6, 8, 0.5)]),
    ]


def hidden(rng):
    cases = [
        Case("single land cell", [[["1"]]]),
        Case("rows of length 0", [[[], []]]),
        Case("one row", [_grid(["1011011101"])]),
        Case("one column", [[[c] for c in "1101001"]]),
        Case("checkerboard", [[["1" if (r + c) % 2 == 0 else "0" for c in range(7)] for r in range(6)]]),
        Case("W shape joined at the bottom", [_grid(["10101", "10101", "11111"])]),
        Case("serpentine", [_serpentine(21, 9)]),
    ]
    for k, density in enumerate((0.3, 0.5, 0.7)):
        cases.append(Case(f"random 12x15 density {density}", [_random(rng, 12, 15, density)]))
        cases.append(Case(f"random 60x45 density {density} ({k})", [_random(rng, 60, 45, density)]))
    cases.append(Case("700x700", [_random(rng, LARGE_SIDE, LARGE_SIDE, 0.62)], time_limit=10.0,
                      note="700x700 grid: one island has over 250000 cells, too deep for a recursive DFS "
                           "at the default recursion limit"))
    return cases


# The statement's edge rules (README.md, `<!-- rule: … -->`) and the cases that exercise each.
RULES = {
    'no-diagonals': ['corner touch', 'checkerboard'],
    'empty-and-water': ['empty grid', 'rows of length 0', 'all water'],
    'single-cell': ['single land cell'],
    'may-modify': ['one island'],
}
