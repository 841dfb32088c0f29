"""Two Sum — see README.md for the full statement."""


class Solution:
    def twoSum(self, nums: list[int], target: int) -> list[int]:
        """The two different positions i, j with nums[i] + nums[j] == target, in any order."""
        raise NotImplementedError
