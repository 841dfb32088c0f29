"""Cases for the percent of the region's total: several regions (a share of the grand total is
wrong), shares like 1/3 that integer division and rounding the fraction get wrong, products with
only NULL amounts, a region whose revenue is 0, an empty table and random sales. Random amounts
are drawn again when a share would fall exactly halfway between two rounded values (tests check
that no case has such a tie)."""

from collections import defaultdict
from fractions import Fraction

import numpy as np

from grader.authoring import Case, Table, sql_setup

Sale = tuple[str, str, int | None]  # region, product, amount

SALES = Table("Sales", {"sale_id": "INTEGER", "region": "TEXT", "product": "TEXT", "amount": "INTEGER"})
REGIONS = ["North", "South", "East", "West", "Côte d'Azur"]
PRODUCTS = ["A", "B", "C", "D", "E", "F", "G", "H"]


def _case(name: str, sales: list[Sale], note: str = "") -> Case:
    """Sale ids are 1..n in the given order."""
    rows = [(i, *sale) for i, sale in enumerate(sales, start=1)]
    return Case(name, kwargs={"setup": sql_setup((SALES, rows))}, note=note)


def _has_tie(sales: list[Sale]) -> bool:
    """Whether some share in percent is exactly halfway between two 2-decimal values."""
    pair: dict[tuple[str, str], int] = defaultdict(int)
    region: dict[str, int] = defaultdict(int)
    for where, product, amount in sales:
        pair[where, product] += amount or 0
        region[where] += amount or 0
    return any(region[where] and Fraction(10_000 * revenue, region[where]) % 1 == Fraction(1, 2)
               for (where, _), revenue in pair.items())


def _random(rng: np.random.Generator, regions: int, products: int, n: int, null_share: float = 0.0) -> list[Sale]:
    while True:
        sales: list[Sale] = []
        for _ in range(n):
            amount = None if rng.random() < null_share else int(rng.integers(0, 1000))
            sales.append((REGIONS[int(rng.integers(0, regions))], PRODUCTS[int(rng.integers(0, products))], amount))
        if not _has_tie(sales):
            return sales


def visible(rng: np.random.Generator) -> list[Case]:
    return [
        _case("two regions", [("North", "A", 10), ("North", "A", 20), ("North", "B", 60), ("South", "A", 5)],
              note="→ ('North', 'A', 30, 33.33), ('North', 'B', 60, 66.67), ('South', 'A', 5, 100.0)"),
        _case("thirds and sevenths", [("East", "A", 1), ("East", "B", 1), ("East", "C", 1),
                                      ("West", "A", 1), ("West", "B", 6)],
              note="East: 33.33 each; West: 14.29 and 85.71"),
    ]


def hidden(rng: np.random.Generator) -> list[Case]:
    return [
        _case("empty table", []),
        _case("single sale", [("North", "A", 42)]),
        _case("NULL amounts", [("North", "A", None), ("North", "B", 30), ("North", "C", None), ("North", "C", 70),
                               ("South", "A", None), ("South", "D", 9)]),
        _case("region with zero revenue", [("West", "A", 0), ("West", "B", None), ("East", "A", 3), ("East", "B", 0)]),
        _case("one product in every region", [("North", "A", 7), ("South", "A", 3), ("East", "A", 11),
                                              ("East", "B", 2)]),
        _case("random sales", _random(rng, 3, 4, 30)),
        _case("random sales with NULLs", _random(rng, 5, 8, 120, null_share=0.2)),
        _case("random large sales", _random(rng, 5, 8, 2000)),
    ]


# The statement's edge rules (README.md, `<!-- rule: … -->`) and the cases that exercise each.
RULES = {
    "per-region": ["two regions", "one product in every region"],
    "rounding": ["two regions", "thirds and sevenths"],
    "null-amounts": ["NULL amounts"],
    "zero-region": ["region with zero revenue"],
    "column-names": ["two regions"],
}
