"""Wrong: checks each node only against its own two children."""


class Solution:
    def isValidBST(self, root: list[int | None]) -> bool:
        if not root:
            return True
        nodes = [root[0]]
        child = 1
        for value in nodes:
            for is_left in (True, False):
                if child < len(root) and root[child] is not None:
                    below = root[child]
                    if (is_left and below >= value) or (not is_left and below <= value):
                        return False
                    nodes.append(below)
                child += 1
        return True
