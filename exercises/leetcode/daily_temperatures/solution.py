"""Daily Temperatures — see README.md for the full statement."""


class Solution:
    def dailyTemperatures(self, temperatures: list[int]) -> list[int]:
        """For each day, the number of days until a strictly warmer one (0 if none)."""
        raise NotImplementedError
