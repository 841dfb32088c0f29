"""Reference: breadth-first search from beginWord over the words of the list, generating each
word's one-letter variants; the first time endWord is dequeued its depth counts the words."""

from collections import deque
from string import ascii_lowercase


class Solution:
    def ladderLength(self, beginWord: str, endWord: str, wordList: list[str]) -> int:
        words = set(wordList)
        if endWord not in words:
            return 0
        queue = deque([(beginWord, 1)])
        seen = {beginWord}
        while queue:
            word, length = queue.popleft()
            if word == endWord:
                return length
            for i in range(len(word)):
                for letter in ascii_lowercase:
                    candidate = word[:i] + letter + word[i + 1:]
                    if candidate in words and candidate not in seen:
                        seen.add(candidate)
                        queue.append((candidate, length + 1))
        return 0
