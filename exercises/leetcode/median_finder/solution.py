"""Find Median from Data Stream — see README.md for the full statement."""


class MedianFinder:
    def __init__(self) -> None:
        """An empty collection of numbers."""
        raise NotImplementedError

    def addNum(self, num: int) -> None:
        """Add num to the collection."""
        raise NotImplementedError

    def findMedian(self) -> float:
        """The median of every number added so far, as a float."""
        raise NotImplementedError
