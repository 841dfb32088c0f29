"""Implement Trie (Prefix Tree) — see README.md for the full statement."""


class Trie:
    def __init__(self) -> None:
        """An empty trie."""
        raise NotImplementedError

    def insert(self, word: str) -> None:
        """Add word to the trie."""
        raise NotImplementedError

    def search(self, word: str) -> bool:
        """True when word itself was inserted before."""
        raise NotImplementedError

    def startsWith(self, prefix: str) -> bool:
        """True when some inserted word starts with prefix."""
        raise NotImplementedError
