"""Wrong: builds the whole value → index map first, then lets an element pair with itself."""


class Solution:
    def twoSum(self, nums: list[int], target: int) -> list[int]:
        where = {value: index for index, value in enumerate(nums)}
        for i, value in enumerate(nums):
            if target - value in where:
                return [i, where[target - value]]
        return []
