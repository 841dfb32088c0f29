"""Wrong: returns the two numbers instead of their positions."""


class Solution:
    def twoSum(self, nums: list[int], target: int) -> list[int]:
        seen: set[int] = set()
        for value in nums:
            if target - value in seen:
                return [target - value, value]
            seen.add(value)
        return []
