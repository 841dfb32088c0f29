"""The references of the LeetCode exercises added in bank part 2 (second set) agree with an
independent, brute-force formulation on random small inputs."""

from __future__ import annotations

import functools
import itertools
import random
from collections.abc import Iterator

import pytest
from support import bank_reference

SEEDS = range(40)
MANY_SEEDS = range(200)  # where a wrong formulation differs only on rarer inputs


reference = functools.partial(bank_reference, "leetcode")


def is_spanning_tree(n: int, edges: list[list[int]]) -> bool:
    """n − 1 edges that reach every node 1 … n from node 1 (breadth-first)."""
    if len(edges) != n - 1:
        return False
    neighbours: dict[int, list[int]] = {node: [] for node in range(1, n + 1)}
    for a, b in edges:
        neighbours[a].append(b)
        neighbours[b].append(a)
    reached, frontier = {1}, [1]
    while frontier:
        frontier = [other for node in frontier for other in neighbours[node] if other not in reached]
        reached.update(frontier)
    return len(reached) == n


@pytest.mark.parametrize("seed", SEEDS)
def test_redundant_connection_is_the_last_removable_edge(seed: int) -> None:
    rand = random.Random(seed)
    n = rand.randint(3, 12)
    edges = [sorted([node, rand.randint(1, node - 1)]) for node in range(2, n + 1)]  # a random tree
    while (extra := sorted(rand.sample(range(1, n + 1), 2))) in edges:
        pass
    edges.insert(rand.randint(0, n - 1), extra)
    rand.shuffle(edges)
    removable = [i for i in range(n) if is_spanning_tree(n, edges[:i] + edges[i + 1:])]
    expected = edges[removable[-1]]
    assert reference("redundant_connection").Solution().findRedundantConnection(edges) == expected


def fewest_coins_by_enumeration(coins: list[int], amount: int) -> int:
    """Fewest coins by trying every multiset of coins of size 0, 1, 2, … (itertools)."""
    for size in range(amount + 1):
        if any(sum(pick) == amount for pick in itertools.combinations_with_replacement(coins, size)):
            return size
    return -1


@pytest.mark.parametrize("seed", SEEDS)
def test_coin_change_matches_enumeration(seed: int) -> None:
    rand = random.Random(seed)
    coins = rand.sample(range(1, 13), rand.randint(1, 4))
    amount = rand.randint(0, 25)
    solution = reference("coin_change").Solution()
    assert solution.coinChange(coins, amount) == fewest_coins_by_enumeration(coins, amount)


def longest_increasing_by_subsets(nums: list[int]) -> int:
    """The largest subset of positions whose values, in order, strictly increase (every subset tried)."""
    return max((size for size in range(len(nums) + 1) for pick in itertools.combinations(nums, size)
                if all(a < b for a, b in itertools.pairwise(pick))), default=0)


@pytest.mark.parametrize("seed", SEEDS)
def test_longest_increasing_subsequence_matches_subsets(seed: int) -> None:
    rand = random.Random(seed)
    nums = [rand.randint(-4, 4) for _ in range(rand.randint(0, 11))]
    assert reference("longest_increasing_subsequence").Solution().lengthOfLIS(nums) == longest_increasing_by_subsets(nums)


def edit_distance_by_search(source: str, target: str, alphabet: str) -> int:
    """Breadth-first search over strings, one insertion, deletion or replacement per step."""
    level, seen, steps = {source}, {source}, 0
    while target not in level:
        following = set()
        for word in level:
            for i in range(len(word) + 1):
                following.update(word[:i] + char + word[i:] for char in alphabet)
                if i < len(word):
                    following.add(word[:i] + word[i + 1:])
                    following.update(word[:i] + char + word[i + 1:] for char in alphabet)
        level = following - seen
        seen |= level
        steps += 1
    return steps


@pytest.mark.parametrize("seed", SEEDS)
def test_edit_distance_matches_search(seed: int) -> None:
    rand = random.Random(seed)
    word1, word2 = ("".join(rand.choices("ab", k=rand.randint(0, 6))) for _ in range(2))
    assert reference("edit_distance").Solution().minDistance(word1, word2) == edit_distance_by_search(word1, word2, "ab")


@pytest.mark.parametrize("seed", SEEDS)
def test_edit_distance_matches_recursion_on_suffixes(seed: int) -> None:
    """Longer words over four letters, against the textbook recursion on suffixes (memoised)."""
    rand = random.Random(seed)
    word1, word2 = ("".join(rand.choices("abcd", k=rand.randint(0, 10))) for _ in range(2))

    @functools.cache
    def distance(i: int, j: int) -> int:
        if i == len(word1) or j == len(word2):
            return len(word1) - i + len(word2) - j
        if word1[i] == word2[j]:
            return distance(i + 1, j + 1)
        return 1 + min(distance(i + 1, j), distance(i, j + 1), distance(i + 1, j + 1))

    assert reference("edit_distance").Solution().minDistance(word1, word2) == distance(0, 0)


def splits_into_words(s: str, words: list[str]) -> bool:
    """Whether some way of cutting s (every subset of the len(s) − 1 gaps tried) leaves only words."""
    for cuts in itertools.product((False, True), repeat=len(s) - 1):
        bounds = [0] + [gap + 1 for gap, cut in enumerate(cuts) if cut] + [len(s)]
        if all(s[start:end] in words for start, end in itertools.pairwise(bounds)):
            return True
    return False


@pytest.mark.parametrize("seed", MANY_SEEDS)
def test_word_break_matches_every_cutting(seed: int) -> None:
    rand = random.Random(seed)
    words = sorted({"".join(rand.choices("ab", k=rand.randint(1, 4))) for _ in range(rand.randint(1, 5))})
    if seed % 2:  # half the strings: random letters
        s = "".join(rand.choices("ab", k=rand.randint(1, 12)))
    else:  # half: dictionary words run together, sometimes with one letter changed
        s = "".join(rand.choices(words, k=rand.randint(1, 5)))[:12]
        if rand.random() < 0.3:
            i = rand.randrange(len(s))
            s = s[:i] + ("b" if s[i] == "a" else "a") + s[i + 1:]
    assert reference("word_break").Solution().wordBreak(s, words) == splits_into_words(s, words)


Tree = tuple[int, "Tree | None", "Tree | None"]


def random_tree(rand: random.Random, size: int) -> Tree | None:
    """A random binary tree shape of SIZE nodes holding small random values (repeats likely)."""
    if size == 0:
        return None
    left = rand.randint(0, size - 1)
    return rand.randint(0, 6), random_tree(rand, left), random_tree(rand, size - 1 - left)


def level_order(root: Tree | None) -> list[int | None]:
    """LeetCode's serialisation, written from the nested tuples."""
    out: list[int | None] = []
    level = [root]
    while any(node is not None for node in level):
        out += [None if node is None else node[0] for node in level]
        level = [child for node in level if node is not None for child in node[1:]]
    while out and out[-1] is None:
        out.pop()
    return out


def subtree_values(node: Tree | None) -> list[int]:
    return [] if node is None else [node[0], *subtree_values(node[1]), *subtree_values(node[2])]


def is_bst_by_definition(node: Tree | None) -> bool:
    """Every value of the left subtree < the node < every value of the right subtree, at every node."""
    if node is None:
        return True
    value, left, right = node
    return (all(v < value for v in subtree_values(left)) and all(v > value for v in subtree_values(right))
            and is_bst_by_definition(left) and is_bst_by_definition(right))


def test_level_order_matches_the_statement_examples() -> None:
    assert level_order((5, (1, None, None), (4, (3, None, None), (6, None, None)))) == [5, 1, 4, None, None, 3, 6]
    assert level_order((3, None, (5, (4, None, None), None))) == [3, None, 5, 4]


@pytest.mark.parametrize("seed", MANY_SEEDS)
def test_validate_bst_matches_definition(seed: int) -> None:
    rand = random.Random(seed)
    tree = random_tree(rand, rand.randint(0, 7))
    if seed % 3:  # two trees in three: increasing values (int extremes included) in in-order: valid
        extremes = [-(2**31), -(2**31) + 1, *range(-3, 4), 2**31 - 2, 2**31 - 1]
        values = sorted(rand.sample(extremes, 7))
        if seed % 3 == 2:  # then one value replaced by another's, shifted by -1, 0 or 1: often invalid
            i, j = rand.randrange(7), rand.randrange(7)
            values[i] = max(-(2**31), min(2**31 - 1, values[j] + rand.choice((-1, 0, 1))))
        tree = relabel_in_order(tree, iter(values))
    valid = reference("validate_bst").Solution().isValidBST(level_order(tree))
    assert valid == is_bst_by_definition(tree)


def relabel_in_order(node: Tree | None, values: Iterator[int]) -> Tree | None:
    """The same shape with VALUES assigned in in-order (increasing values make a valid BST)."""
    if node is None:
        return None
    left = relabel_in_order(node[1], values)
    value = next(values)
    return value, left, relabel_in_order(node[2], values)


@pytest.mark.parametrize("seed", SEEDS)
def test_trie_matches_a_list_of_words(seed: int) -> None:
    rand = random.Random(seed)
    trie = reference("implement_trie").Trie()
    stored: list[str] = []
    for _ in range(60):
        method = rand.choice(["insert", "search", "startsWith"])
        text = "".join(rand.choices("ab", k=rand.randint(0 if method == "startsWith" else 1, 4)))
        if method == "insert":
            trie.insert(text)
            stored.append(text)
        elif method == "search":
            assert trie.search(text) == (text in stored), text
        else:
            assert trie.startsWith(text) == any(word.startswith(text) for word in stored), text


def fewest_rooms_by_assignment(meetings: list[list[int]]) -> int:
    """The smallest k for which some assignment of meetings to k rooms (all k^n tried) puts no two
    meetings whose half-open intervals [start, end) overlap in the same room."""
    def fits(rooms: tuple[int, ...]) -> bool:
        return not any(rooms[i] == rooms[j] and a[0] < b[1] and b[0] < a[1]
                       for (i, a), (j, b) in itertools.combinations(enumerate(meetings), 2))
    return next(k for k in range(len(meetings) + 1)
                if any(fits(rooms) for rooms in itertools.product(range(k), repeat=len(meetings))))


@pytest.mark.parametrize("seed", MANY_SEEDS)
def test_meeting_rooms_matches_assignment(seed: int) -> None:
    rand = random.Random(seed)
    meetings = []
    for _ in range(rand.randint(0, 6)):
        start = rand.randint(0, 9)
        meetings.append([start, start + rand.randint(1, 5)])
    assert reference("meeting_rooms_ii").Solution().minMeetingRooms(meetings) == fewest_rooms_by_assignment(meetings)


@pytest.mark.parametrize("seed", SEEDS)
def test_daily_temperatures_matches_forward_scan(seed: int) -> None:
    rand = random.Random(seed)
    temperatures = [rand.randint(60, 66) for _ in range(rand.randint(1, 30))]
    expected = [next((j - i for j in range(i + 1, len(temperatures)) if temperatures[j] > t), 0)
                for i, t in enumerate(temperatures)]
    assert reference("daily_temperatures").Solution().dailyTemperatures(temperatures) == expected


@pytest.mark.parametrize("seed", SEEDS)
def test_largest_rectangle_matches_every_range(seed: int) -> None:
    rand = random.Random(seed)
    heights = [rand.randint(0, 6) for _ in range(rand.randint(1, 14))]
    expected = max(min(heights[i:j + 1]) * (j - i + 1) for i in range(len(heights)) for j in range(i, len(heights)))
    assert reference("largest_rectangle").Solution().largestRectangleArea(heights) == expected
