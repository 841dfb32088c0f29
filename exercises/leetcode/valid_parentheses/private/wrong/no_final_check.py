"""Wrong: a correct stack scan that forgets to check for unclosed brackets at the end."""

PAIRS = {")": "(", "]": "[", "}": "{"}


class Solution:
    def isValid(self, s: str) -> bool:
        stack: list[str] = []
        for char in s:
            if char in PAIRS:
                if not stack or stack.pop() != PAIRS[char]:
                    return False
            else:
                stack.append(char)
        return True
