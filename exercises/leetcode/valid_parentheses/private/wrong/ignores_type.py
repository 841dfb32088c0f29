"""Wrong: one depth counter for all bracket types, so '(]' counts as closed."""


class Solution:
    def isValid(self, s: str) -> bool:
        depth = 0
        for char in s:
            depth += 1 if char in "([{" else -1
            if depth < 0:
                return False
        return depth == 0
