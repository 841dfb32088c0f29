"""Wrong: put on an existing key changes the value but leaves the key where it was in the order."""


class LRUCache:
    def __init__(self, capacity: int) -> None:
        self.capacity = capacity
        self.cache: dict[int, int] = {}  # insertion order = recency order, oldest first

    def get(self, key: int) -> int:
        if key not in self.cache:
            return -1
        self.cache[key] = self.cache.pop(key)
        return self.cache[key]

    def put(self, key: int, value: int) -> None:
        if key not in self.cache and len(self.cache) == self.capacity:
            del self.cache[next(iter(self.cache))]
        self.cache[key] = value
