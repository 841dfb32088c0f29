class LRUCache:
    def __init__(self, capacity: int) -> None:
        self.capacity = capacity
        self.order: list[int] = []  # least recent first
        self.store: dict[int, int] = {}

    def _touch(self, key: int) -> None:
        self.order.remove(key)
        self.order.append(key)

    def get(self, key: int) -> int:
        if key not in self.store:
            return -1
        self._touch(key)
        return self.store[key]

    def put(self, key: int, value: int) -> None:
        if key in self.store:
            self._touch(key)
        else:
            if len(self.store) == self.capacity:
                del self.store[self.order.pop(0)]
            self.order.append(key)
        self.store[key] = value
