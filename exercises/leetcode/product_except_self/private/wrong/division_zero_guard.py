"""Wrong: divides the total product by each element, writing 0 where the element is 0."""

import math


class Solution:
    def productExceptSelf(self, nums: list[int]) -> list[int]:
        total = math.prod(nums)
        return [total // value if value != 0 else 0 for value in nums]
