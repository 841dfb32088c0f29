"""Cases for Validate Binary Search Tree: the LeetCode examples, a violation two levels down,
duplicates, the int extremes, serialisations with None before later nodes (not a heap array),
empty and single-node trees, random BSTs with and without a planted violation, and 100 000
nodes with depth 10 000."""

import numpy as np

from grader.authoring import Case

INT_MIN, INT_MAX = -(2**31), 2**31 - 1
SPINE, BLOCK = 10_000, 10  # the large tree: a right spine of 10 000 nodes, each over a 9-node subtree


class _Tree:
    """A binary tree as parallel lists: value, left child and right child per node (-1: none)."""

    def __init__(self) -> None:
        self.value: list[int] = []
        self.left: list[int] = []
        self.right: list[int] = []

    def add(self, value: int) -> int:
        self.value.append(value)
        self.left.append(-1)
        self.right.append(-1)
        return len(self.value) - 1

    def insert(self, value: int) -> None:
        """Binary-search-tree insertion (node 0 is the root)."""
        if not self.value:
            self.add(value)
            return
        node = 0
        while True:
            side = self.left if value < self.value[node] else self.right
            if side[node] < 0:
                side[node] = self.add(value)
                return
            node = side[node]

    def balanced(self, values: list[int]) -> int:
        """Add the sorted VALUES as a balanced subtree; its root node (-1 when empty)."""
        if not values:
            return -1
        middle = len(values) // 2
        node = self.add(values[middle])
        self.left[node] = self.balanced(values[:middle])
        self.right[node] = self.balanced(values[middle + 1:])
        return node

    def serialise(self, root: int = 0) -> list[int | None]:
        """LeetCode's level order: each present node's two children, None for a missing one,
        trailing Nones dropped."""
        if not self.value:
            return []
        out: list[int | None] = [self.value[root]]
        queue = [root]
        for node in queue:
            for child in (self.left[node], self.right[node]):
                out.append(self.value[child] if child >= 0 else None)
                if child >= 0:
                    queue.append(child)
        while out and out[-1] is None:
            out.pop()
        return out


def _random_bst(rng: np.random.Generator, n: int, span: int) -> _Tree:
    tree = _Tree()
    for value in rng.choice(2 * span + 1, size=n, replace=False) - span:
        tree.insert(int(value))
    return tree


def _valid(rng: np.random.Generator, n: int) -> list[int | None]:
    return _random_bst(rng, n, 10 * n).serialise()


def _deep_violation(rng: np.random.Generator, n: int) -> list[int | None]:
    """A random BST where an inner leaf (the right child of a left child, or the mirror) gets a
    value that fits its parent but not its grandparent (equal to it, or beyond it)."""
    inner: list[int] = []
    while not inner:
        tree = _random_bst(rng, n, 10 * n)
        parents = {child: node for node in range(n) for child in (tree.left[node], tree.right[node]) if child >= 0}
        inner = [node for node in range(n) if tree.left[node] < 0 and tree.right[node] < 0 and node in parents
                 and parents[node] in parents
                 and (tree.right[parents[node]] == node) == (tree.left[parents[parents[node]]] == parents[node])]
    node = inner[int(rng.integers(len(inner)))]
    grand = parents[parents[node]]
    tree.value[node] = tree.value[grand] + (1 if tree.right[parents[node]] == node else -1) * int(rng.integers(0, 3))
    return tree.serialise()


def _large() -> list[int | None]:
    tree = _Tree()
    spine = [tree.add(BLOCK * k + BLOCK - 1) for k in range(SPINE)]
    for k, node in enumerate(spine):
        tree.left[node] = tree.balanced(list(range(BLOCK * k, BLOCK * k + BLOCK - 1)))
        tree.right[node] = spine[k + 1] if k + 1 < SPINE else -1
    return tree.serialise(spine[0])


def visible(rng):
    return [
        Case("example", [[2, 1, 3]]),
        Case("example 2", [[5, 1, 4, None, None, 3, 6]]),
        Case("violation below the children", [[5, 4, 6, None, None, 3, 7]],
             note="3 is in the right subtree of 5"),
        Case("duplicates", [[2, 2, 2]]),
        Case("largest int alone", [[INT_MAX]]),
        Case("empty tree", [[]]),
        Case("random BST", [_valid(rng, 8)]),
    ]


def hidden(rng):
    cases = [
        Case("single node", [[-7]]),
        Case("duplicate left child", [[1, 1]]),
        Case("duplicate right child", [[1, None, 1]]),
        Case("int extremes", [[INT_MIN, None, INT_MAX]]),
        Case("smallest int below zero", [[0, INT_MIN, INT_MAX]]),
        Case("smallest int as a left leaf", [[-5, INT_MIN, 3, None, -2147483647]]),
        Case("None before later nodes", [[3, None, 5, 4, 6]]),
        Case("None before a bad node", [[5, None, 8, 9, 6]], note="9 is the left child of 8"),
        Case("deep left violation", [[10, 5, 15, 1, 12]], note="12 is in the left subtree of 10"),
        Case("equal to an ancestor", [[10, 5, 15, None, 10]]),
    ]
    for k in range(4):
        cases.append(Case(f"random BST {k}", [_valid(rng, int(rng.integers(5, 40)))]))
        cases.append(Case(f"random with a deep violation {k}", [_deep_violation(rng, int(rng.integers(6, 40)))]))
    cases.append(Case("random BST, 2000 nodes", [_valid(rng, 2000)]))
    cases.append(Case("100000 nodes, depth 10000", [_large()], time_limit=2.0, diagnose=False,
                      note="100000 nodes, depth 10000: recomputing subtree bounds for every node, "
                           "O(n · depth), cannot finish within the limit"))
    return cases


# The statement's edge rules (README.md, `<!-- rule: … -->`) and the cases that exercise each.
RULES = {
    'whole-subtree': ['violation below the children', 'deep left violation', 'equal to an ancestor'],
    'strict': ['duplicates', 'duplicate left child', 'duplicate right child', 'equal to an ancestor'],
    'extreme-values': ['largest int alone', 'int extremes', 'smallest int below zero'],
    'level-order-format': ['None before a bad node', 'None before later nodes'],
    'empty-and-single': ['empty tree', 'single node'],
}
