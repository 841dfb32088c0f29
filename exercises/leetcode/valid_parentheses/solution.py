"""Valid Parentheses — see README.md for the full statement."""


class Solution:
    def isValid(self, s: str) -> bool:
        """True when every bracket in s is closed by the same type, in the right order."""
        raise NotImplementedError
