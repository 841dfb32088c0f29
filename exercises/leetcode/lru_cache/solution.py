"""LRU Cache — see README.md for the full statement."""


class LRUCache:
    def __init__(self, capacity: int) -> None:
        """An empty cache holding at most `capacity` keys."""
        raise NotImplementedError

    def get(self, key: int) -> int:
        """The value of key (which becomes the most recently used), or -1 if absent."""
        raise NotImplementedError

    def put(self, key: int, value: int) -> None:
        """Store value for key; a new key in a full cache first evicts the least recently used."""
        raise NotImplementedError
