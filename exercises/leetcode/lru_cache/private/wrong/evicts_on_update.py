"""Wrong: checks for a full cache before checking whether the key is already present."""


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
        if len(self.cache) == self.capacity:
            del self.cache[next(iter(self.cache))]
        self.cache.pop(key, None)
        self.cache[key] = value
