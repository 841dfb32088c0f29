# my LRU implementation
class _Link:
    __slots__ = ("k", "v", "before", "after")

    def __init__(self, k: int = 0, v: int = 0) -> None:
        self.k, self.v = k, v
        self.before: _Link | None = None   # previous link
        self.after: _Link | None = None    # following link


class LRUCache:
    def __init__(self, capacity: int) -> None:
        self.size = capacity
        self.table: dict[int, _Link] = {}
        self.first, self.last = _Link(), _Link()
        self.first.after, self.last.before = self.last, self.first

    def _remove(self, link: _Link) -> None:
        link.before.after, link.after.before = link.after, link.before

    def _push(self, link: _Link) -> None:
        end = self.last.before
        end.after, link.before, link.after, self.last.before = link, end, self.last, link

    def get(self, key: int) -> int:
        link = self.table.get(key)
        if link is None:
            return -1
        self._remove(link)
        self._push(link)
        return link.v

    def put(self, key: int, value: int) -> None:
        link = self.table.get(key)
        if link is not None:
            link.v = value
            self._remove(link)
            self._push(link)
            return
        if len(self.table) == self.size:
            victim = self.first.after
            self._remove(victim)
            del self.table[victim.k]
        link = _Link(key, value)
        self.table[key] = link
        self._push(link)
