"""Network Delay Time — see README.md for the full statement."""


class Solution:
    def networkDelayTime(self, times: list[list[int]], n: int, k: int) -> int:
        """The time the last node receives a signal sent from k, or -1 if some node never does."""
        raise NotImplementedError
