"""Reference: one pass with a dict from value to the first index where it was seen."""


class Solution:
    def twoSum(self, nums: list[int], target: int) -> list[int]:
        seen: dict[int, int] = {}
        for j, value in enumerate(nums):
            i = seen.get(target - value)
            if i is not None:
                return [i, j]
            seen.setdefault(value, j)
        raise ValueError("no pair adds up to target")
