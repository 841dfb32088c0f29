class LRUCache:
    """Python dicts keep insertion order: re-inserting a key makes it the most recent one."""

    def __init__(self, capacity: int) -> None:
        self.capacity = capacity
        self.data: dict[int, int] = {}

    def get(self, key: int) -> int:
        if key not in self.data:
            return -1
        self.data[key] = self.data.pop(key)
        return self.data[key]

    def put(self, key: int, value: int) -> None:
        if key in self.data:
            self.data.pop(key)
        elif len(self.data) >= self.capacity:
            self.data.pop(next(iter(self.data)))
        self.data[key] = value
