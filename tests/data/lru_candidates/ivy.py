import itertools


class LRUCache:
    def __init__(self, capacity):
        self.cap = capacity
        self.values = {}
        self.used = {}
        self.clock = itertools.count()

    def get(self, key):
        if key in self.values:
            self.used[key] = next(self.clock)
            return self.values[key]
        return -1

    def put(self, key, value):
        if key not in self.values and len(self.values) == self.cap:
            stale = min(self.used, key=self.used.get)
            del self.values[stale], self.used[stale]
        self.values[key] = value
        self.used[key] = next(self.clock)
