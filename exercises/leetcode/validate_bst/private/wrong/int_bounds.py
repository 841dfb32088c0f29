"""Wrong: the root's bounds start at the 32-bit int range, exclusive, instead of unbounded."""


class Solution:
    def isValidBST(self, root: list[int | None]) -> bool:
        if not root:
            return True
        nodes = [(root[0], -(2**31), 2**31 - 1)]
        child = 1
        for value, low, high in nodes:
            if not low < value < high:
                return False
            for bounds in ((low, value), (value, high)):
                if child < len(root) and root[child] is not None:
                    nodes.append((root[child], *bounds))
                child += 1
        return True
