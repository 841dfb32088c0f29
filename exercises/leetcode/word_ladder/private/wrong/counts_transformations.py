"""Wrong: breadth-first search that counts the transformations (edges) instead of the words."""

from collections import deque
from string import ascii_lowercase


class Solution:
    def ladderLength(self, beginWord: str, endWord: str, wordList: list[str]) -> int:
        words = set(wordList)
        if endWord not in words:
            return 0
        queue = deque([(beginWord, 0)])
        seen = {beginWord}
        while queue:
            word, steps = queue.popleft()
            if word == endWord:
                return steps
            for i in range(len(word)):
                for letter in ascii_lowercase:
                    candidate = word[:i] + letter + word[i + 1:]
                    if candidate in words and candidate not in seen:
                        seen.add(candidate)
                        queue.append((candidate, steps + 1))
        return 0
