"""Wrong: compares how many brackets of each type open and close, ignoring their order."""


class Solution:
    def isValid(self, s: str) -> bool:
        return all(s.count(left) == s.count(right) for left, right in ("()", "[]", "{}"))
