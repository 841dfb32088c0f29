"""Reference: a stack of the closing brackets still expected."""

CLOSING = {"(": ")", "[": "]", "{": "}"}


class Solution:
    def isValid(self, s: str) -> bool:
        expected: list[str] = []
        for char in s:
            if char in CLOSING:
                expected.append(CLOSING[char])
            elif not expected or expected.pop() != char:
                return False
        return not expected
