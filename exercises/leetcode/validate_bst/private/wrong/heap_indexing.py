"""Wrong: reads the list as a heap array, the children of position i at 2i + 1 and 2i + 2."""


class Solution:
    def isValidBST(self, root: list[int | None]) -> bool:
        def valid(i: int, low: float, high: float) -> bool:
            if i >= len(root) or root[i] is None:
                return True
            value = root[i]
            return low < value < high and valid(2 * i + 1, low, value) and valid(2 * i + 2, value, high)

        return valid(0, float("-inf"), float("inf"))
