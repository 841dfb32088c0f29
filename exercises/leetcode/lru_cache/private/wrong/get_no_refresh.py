"""Wrong: get reads the value without making the key the most recently used."""


class LRUCache:
    def __init__(self, capacity: int) -> None:
        self.capacity = capacity
        self.cache: dict[int, int] = {}  # insertion order = recency order, oldest first

    def get(self, key: int) -> int:
        return self.cache.get(key, -1)

    def put(self, key: int, value: int) -> None:
        if key in self.cache:
            del self.cache[key]
        elif len(self.cache) == self.capacity:
            del self.cache[next(iter(self.cache))]
        self.cache[key] = value
