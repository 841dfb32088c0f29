"""Wrong: in-order traversal that accepts equal neighbours (non-decreasing instead of increasing)."""


class Solution:
    def isValidBST(self, root: list[int | None]) -> bool:
        if not root:
            return True
        left: dict[int, int] = {}
        right: dict[int, int] = {}
        nodes = [0]  # positions in root of the nodes present, in listing order
        child = 1
        for node in nodes:
            for side in (left, right):
                if child < len(root) and root[child] is not None:
                    side[node] = child
                    nodes.append(child)
                child += 1
        previous = None
        stack: list[int] = []
        node: int | None = 0
        while stack or node is not None:
            while node is not None:
                stack.append(node)
                node = left.get(node)
            node = stack.pop()
            if previous is not None and root[node] < previous:
                return False
            previous = root[node]
            node = right.get(node)
        return True
