"""Wrong: insert marks the end of a word only when it had to create nodes, so a word that is a
prefix of a stored word never becomes a word."""


class _Node:
    def __init__(self) -> None:
        self.children: dict[str, _Node] = {}
        self.is_word = False


class Trie:
    def __init__(self) -> None:
        self.root = _Node()

    def insert(self, word: str) -> None:
        node, created = self.root, False
        for char in word:
            if char not in node.children:
                node.children[char] = _Node()
                created = True
            node = node.children[char]
        if created:
            node.is_word = True

    def _find(self, text: str) -> _Node | None:
        node = self.root
        for char in text:
            if char not in node.children:
                return None
            node = node.children[char]
        return node

    def search(self, word: str) -> bool:
        node = self._find(word)
        return node is not None and node.is_word

    def startsWith(self, prefix: str) -> bool:
        return self._find(prefix) is not None and (prefix != "" or bool(self.root.children))
