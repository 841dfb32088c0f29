"""Reference: nested dicts from a character to the child node; the key END marks a word's end.
Every node but the root holds a child or END, so a reached node is non-empty exactly when some
word runs through it; the root is empty only while no word is stored."""

END = ""  # never a character of a word


class Trie:
    def __init__(self) -> None:
        self.root: dict = {}

    def insert(self, word: str) -> None:
        node = self.root
        for char in word:
            node = node.setdefault(char, {})
        node[END] = {}

    def _walk(self, text: str) -> dict | None:
        node = self.root
        for char in text:
            node = node.get(char)
            if node is None:
                return None
        return node

    def search(self, word: str) -> bool:
        node = self._walk(word)
        return node is not None and END in node

    def startsWith(self, prefix: str) -> bool:
        return bool(self._walk(prefix))
