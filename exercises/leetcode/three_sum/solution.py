"""3Sum — see README.md for the full statement."""


class Solution:
    def threeSum(self, nums: list[int]) -> list[list[int]]:
        """Every distinct triplet [a, b, c] (a <= b <= c) of values at different positions summing to 0."""
        raise NotImplementedError
