"""Word Ladder — see README.md for the full statement."""


class Solution:
    def ladderLength(self, beginWord: str, endWord: str, wordList: list[str]) -> int:
        """The number of words in the shortest transformation sequence, or 0 if there is none."""
        raise NotImplementedError
