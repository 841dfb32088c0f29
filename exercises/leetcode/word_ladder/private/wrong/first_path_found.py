"""Wrong: depth-first search that returns the length of the first sequence it finds."""

from string import ascii_lowercase


class Solution:
    def ladderLength(self, beginWord: str, endWord: str, wordList: list[str]) -> int:
        words = set(wordList)
        if endWord not in words:
            return 0
        seen = {beginWord}
        stack = [(beginWord, 1, 0)]  # word, its position in the sequence, next variant to try
        while stack:
            word, length, tried = stack.pop()
            if word == endWord:
                return length
            for index in range(tried, len(word) * 26):
                i, letter = divmod(index, 26)
                candidate = word[:i] + ascii_lowercase[letter] + word[i + 1:]
                if candidate in words and candidate not in seen:
                    seen.add(candidate)
                    stack.append((word, length, index + 1))
                    stack.append((candidate, length + 1, 0))
                    break
        return 0
