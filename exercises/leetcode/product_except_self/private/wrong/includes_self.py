"""Wrong: the left products include nums[i] itself."""


class Solution:
    def productExceptSelf(self, nums: list[int]) -> list[int]:
        n = len(nums)
        products = [1] * n
        left = 1
        for i in range(n):
            left *= nums[i]
            products[i] = left
        right = 1
        for i in range(n - 1, -1, -1):
            products[i] *= right
            right *= nums[i]
        return products
