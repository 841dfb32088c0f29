"""Coin Change — see README.md for the full statement."""


class Solution:
    def coinChange(self, coins: list[int], amount: int) -> int:
        """The fewest coins (each value usable any number of times) adding up to amount, or -1."""
        raise NotImplementedError
