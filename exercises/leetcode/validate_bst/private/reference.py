"""Reference: walk the nodes in the order the serialisation lists them (a queue), each with the
open interval (low, high) its value must lie in; None means unbounded."""

from collections import deque


class Solution:
    def isValidBST(self, root: list[int | None]) -> bool:
        if not root:
            return True
        queue = deque([(root[0], None, None)])
        child = 1  # position in root of the next child to read
        while queue:
            value, low, high = queue.popleft()
            if (low is not None and value <= low) or (high is not None and value >= high):
                return False
            for bounds in ((low, value), (value, high)):
                if child < len(root) and root[child] is not None:
                    queue.append((root[child], *bounds))
                child += 1
        return True
