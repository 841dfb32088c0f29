"""Reference: left products in one pass, then multiply in the right products in a second pass."""


class Solution:
    def productExceptSelf(self, nums: list[int]) -> list[int]:
        products = [1] * len(nums)
        left = 1
        for i, value in enumerate(nums):
            products[i] = left
            left *= value
        right = 1
        for i in range(len(nums) - 1, -1, -1):
            products[i] *= right
            right *= nums[i]
        return products
