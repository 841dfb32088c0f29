"""Wrong: t is turned into a set, so a letter repeated in t is needed only once."""


class Solution:
    def minWindow(self, s: str, t: str) -> str:
        need = set(t)
        have: dict[str, int] = {}
        formed = 0
        best = ""
        left = 0
        for right, letter in enumerate(s):
            if letter in need:
                have[letter] = have.get(letter, 0) + 1
                if have[letter] == 1:
                    formed += 1
            while formed == len(need):
                if not best or right - left + 1 < len(best):
                    best = s[left:right + 1]
                out = s[left]
                if out in need:
                    have[out] -= 1
                    if have[out] == 0:
                        formed -= 1
                left += 1
        return best
