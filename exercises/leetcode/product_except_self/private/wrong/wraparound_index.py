"""Wrong: inclusive prefix/suffix products read at i - 1 and i + 1; prefix[-1] wraps at i = 0."""


class Solution:
    def productExceptSelf(self, nums: list[int]) -> list[int]:
        n = len(nums)
        prefix, suffix = nums[:], nums[:]
        for i in range(1, n):
            prefix[i] = prefix[i - 1] * nums[i]
        for i in range(n - 2, -1, -1):
            suffix[i] = suffix[i + 1] * nums[i]
        return [prefix[i - 1] * (suffix[i + 1] if i + 1 < n else 1) for i in range(n)]
