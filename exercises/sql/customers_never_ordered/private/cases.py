"""Cases for customers who never ordered: the LeetCode example, a guest order with a NULL
customerId (NOT IN returns nothing), orders of unknown customers, namesakes, empty tables and
random shops."""

import numpy as np

from grader.authoring import Case, Table, sql_setup

CUSTOMERS = Table("Customers", {"id": "INTEGER", "name": "TEXT"})
ORDERS = Table("Orders", {"id": "INTEGER", "customerId": "INTEGER"})
NAMES = ["Joe", "Henry", "Sam", "Max", "Ann", "Bo", "Cy", "Di", "O'Brien"]


def _case(name: str, customers: list[str], buyers: list[int | None], note: str = "") -> Case:
    """Customer ids are 1..n in the given order; order ids are 1..m in the given order."""
    setup = sql_setup((CUSTOMERS, list(enumerate(customers, start=1))),
                      (ORDERS, list(enumerate(buyers, start=1))))
    return Case(name, kwargs={"setup": setup}, note=note)


def _random(rng: np.random.Generator, customers: int, orders: int, null_share: float) -> tuple[list[str], list[int | None]]:
    names = [NAMES[int(rng.integers(0, len(NAMES)))] for _ in range(customers)]
    buyers: list[int | None] = []
    for _ in range(orders):
        buyers.append(None if rng.random() < null_share else int(rng.integers(1, customers + 4)))
    return names, buyers


def visible(rng: np.random.Generator) -> list[Case]:
    return [
        _case("LeetCode example", ["Joe", "Henry", "Sam", "Max"], [3, 1], note="→ Henry, Max"),
        _case("a guest order", ["Joe", "Henry", "Sam"], [2, None, 2],
              note="order 2 has no customer → Joe, Sam"),
    ]


def hidden(rng: np.random.Generator) -> list[Case]:
    return [
        _case("no customers", [], [1, None]),
        _case("no orders", ["Ann", "Bo", "Ann"], []),
        _case("everybody ordered", ["Ann", "Bo"], [2, 1, 1]),
        _case("only guest orders", ["Ann", "Bo"], [None, None]),
        _case("orders of unknown customers", ["Ann", "Bo", "Cy"], [7, 2, 9]),
        _case("namesakes", ["Ann", "Ann", "Bo", "Bo", "Cy"], [1, 5]),
        _case("random shop", *_random(rng, 10, 8, 0.0)),
        _case("random shop with guests", *_random(rng, 40, 50, 0.1)),
        _case("random large shop", *_random(rng, 1500, 1500, 0.02)),
    ]


# The statement's edge rules (README.md, `<!-- rule: … -->`) and the cases that exercise each.
RULES = {
    "null-customer-id": ["a guest order", "only guest orders"],
    "unknown-customer": ["orders of unknown customers"],
    "one-row-per-customer": ["namesakes", "no orders"],
    "empty-tables": ["no customers", "no orders"],
    "column-names": ["LeetCode example"],
}
