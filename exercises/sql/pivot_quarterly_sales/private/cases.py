"""Cases for the quarterly pivot: several sales in a quarter (MAX and COUNT are wrong), quarters
without sales, quarters and stores whose amounts are all NULL, a single store, an empty table and
random sales."""

import numpy as np

from grader.authoring import Case, Table, sql_setup

Sale = tuple[str, str, int | None]  # store, quarter, amount

SALES = Table("Sales", {"sale_id": "INTEGER", "store": "TEXT", "quarter": "TEXT", "amount": "INTEGER"})
STORES = ["Oslo", "Rome", "Lima", "Kyiv", "Baku", "L'Aquila"]
QUARTERS = ["Q1", "Q2", "Q3", "Q4"]


def _case(name: str, sales: list[Sale], note: str = "") -> Case:
    """Sale ids are 1..n in the given order."""
    rows = [(i, *sale) for i, sale in enumerate(sales, start=1)]
    return Case(name, kwargs={"setup": sql_setup((SALES, rows))}, note=note)


def _random(rng: np.random.Generator, stores: int, n: int, null_share: float = 0.0) -> list[Sale]:
    return [(STORES[int(rng.integers(0, stores))], QUARTERS[int(rng.integers(0, 4))],
             None if rng.random() < null_share else int(rng.integers(0, 100))) for _ in range(n)]


def visible(rng: np.random.Generator) -> list[Case]:
    return [
        _case("two stores", [("Oslo", "Q1", 10), ("Rome", "Q2", 4), ("Oslo", "Q3", 7), ("Oslo", "Q1", 5)],
              note="→ ('Oslo', 15, 0, 7, 0, 22), ('Rome', 0, 4, 0, 0, 4)"),
        _case("several sales a quarter", [("Lima", q, a) for q, a in [("Q1", 3), ("Q1", 8), ("Q2", 1), ("Q2", 1),
                                                                      ("Q2", 1), ("Q3", 20), ("Q4", 2), ("Q4", 9)]],
              note="→ ('Lima', 11, 3, 20, 11, 45)"),
    ]


def hidden(rng: np.random.Generator) -> list[Case]:
    return [
        _case("empty table", []),
        _case("one sale", [("Kyiv", "Q4", 12)]),
        _case("NULL amounts", [("Oslo", "Q1", None), ("Oslo", "Q2", 6), ("Oslo", "Q2", None), ("Rome", "Q3", None),
                               ("Rome", "Q3", None), ("Baku", "Q1", 1), ("Baku", "Q4", None)]),
        _case("a store of NULL amounts", [("Kyiv", "Q2", None), ("Lima", "Q2", 3), ("Lima", "Q1", None)]),
        _case("zero amounts", [("Baku", "Q1", 0), ("Baku", "Q2", 0), ("Lima", "Q3", 0), ("Lima", "Q3", 5)]),
        _case("random sales", _random(rng, 3, 20)),
        _case("random sales with NULLs", _random(rng, 6, 80, null_share=0.2)),
        _case("random large sales", _random(rng, 6, 3000, null_share=0.05)),
    ]


# The statement's edge rules (README.md, `<!-- rule: … -->`) and the cases that exercise each.
RULES = {
    "summed": ["several sales a quarter", "two stores"],
    "zero-when-none": ["two stores", "one sale"],
    "null-amounts": ["NULL amounts", "a store of NULL amounts"],
    "one-row-per-store": ["two stores", "several sales a quarter"],
    "order-and-names": ["two stores"],
}
