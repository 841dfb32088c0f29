"""Product of Array Except Self — see README.md for the full statement."""


class Solution:
    def productExceptSelf(self, nums: list[int]) -> list[int]:
        """products[i] = the product of all elements of nums except nums[i], without division."""
        raise NotImplementedError
