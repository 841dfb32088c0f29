"""Reference: Wagner–Fischer with two rows. previous[j] is the distance from word1[:i − 1] to
word2[:j]; the first column of row i is i (delete every character of word1[:i])."""


class Solution:
    def minDistance(self, word1: str, word2: str) -> int:
        previous = list(range(len(word2) + 1))
        for i, a in enumerate(word1, 1):
            current = [i]
            for j, b in enumerate(word2, 1):
                current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a != b)))
            previous = current
        return previous[-1]
