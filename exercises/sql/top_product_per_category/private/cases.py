"""Cases for the top-selling product per category: ties at the top, a small category beside a big
one, many small sales against one big sale, categories and products that never sold, sales of
unknown products, empty tables and random shops."""

import numpy as np

from grader.authoring import Case, Table, sql_setup

PRODUCT = Table("Product", {"product_id": "INTEGER", "name": "TEXT", "category": "TEXT"})
SALE = Table("Sale", {"sale_id": "INTEGER", "product_id": "INTEGER", "quantity": "INTEGER"})
CATEGORIES = ["Books", "Toys", "Garden", "Food", "Kids' corner"]


def _case(name: str, products: list[tuple[str, str]], sales: list[tuple[int, int]], note: str = "") -> Case:
    """Products (name, category) get ids 1..n in order; sales (product_id, quantity) get ids 1..m."""
    setup = sql_setup((PRODUCT, [(i, *product) for i, product in enumerate(products, start=1)]),
                      (SALE, [(i, *sale) for i, sale in enumerate(sales, start=1)]))
    return Case(name, kwargs={"setup": setup}, note=note)


def _random(rng: np.random.Generator, categories: int, products: int, n: int,
            most: int) -> tuple[list[tuple[str, str]], list[tuple[int, int]]]:
    """PRODUCTS products over CATEGORIES categories, N sales of 1..MOST units (a few of unknown products)."""
    catalogue = [(f"P{i:03d}", CATEGORIES[int(rng.integers(0, categories))]) for i in range(1, products + 1)]
    sales = [(int(rng.integers(1, products + 3)), int(rng.integers(1, most + 1))) for _ in range(n)]
    return catalogue, sales


def visible(rng: np.random.Generator) -> list[Case]:
    return [
        _case("tie at the top", [("A", "Books"), ("B", "Books"), ("C", "Toys"), ("D", "Toys")],
              [(1, 3), (2, 7), (1, 4), (3, 2), (4, 1)],
              note="→ ('Books', 'A', 7), ('Books', 'B', 7), ('Toys', 'C', 2)"),
        _case("many small sales beat one big sale", [("Rake", "Garden"), ("Hose", "Garden"), ("Jam", "Food")],
              [(1, 10), (2, 4), (2, 4), (2, 3), (3, 1)],
              note="Hose sold 11 units in three sales, Rake 10 in one → ('Food', 'Jam', 1), ('Garden', 'Hose', 11)"),
    ]


def hidden(rng: np.random.Generator) -> list[Case]:
    return [
        _case("no sales", [("A", "Books"), ("B", "Toys")], []),
        _case("no products", [], [(1, 5)]),
        _case("a category that never sold", [("A", "Books"), ("B", "Toys"), ("C", "Toys"), ("D", "Books")],
              [(1, 2), (4, 1), (9, 50)]),
        _case("three-way tie and a big category", [("X", "Food"), ("Y", "Food"), ("Z", "Food"), ("Q", "Toys")],
              [(1, 5), (2, 2), (2, 3), (3, 1), (3, 1), (3, 3), (4, 100)]),
        _case("sales counted against units", [("A", "Books"), ("B", "Books")], [(1, 1), (1, 1), (1, 1), (2, 9)]),
        _case("random shop", *_random(rng, 3, 12, 40, 5)),
        _case("random shop with ties", *_random(rng, 5, 30, 200, 2)),
        _case("random large shop", *_random(rng, 5, 200, 3000, 9)),
    ]


# The statement's edge rules (README.md, `<!-- rule: … -->`) and the cases that exercise each.
RULES = {
    "ties-all": ["tie at the top", "three-way tie and a big category"],
    "per-category": ["many small sales beat one big sale", "three-way tie and a big category"],
    "units-summed": ["many small sales beat one big sale", "sales counted against units"],
    "unsold-category": ["a category that never sold", "no sales"],
    "order": ["tie at the top", "three-way tie and a big category"],
    "column-names": ["tie at the top"],
}
