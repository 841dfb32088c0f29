"""Wrong: greedily keeps every element larger than the last one kept, starting from the first."""


class Solution:
    def lengthOfLIS(self, nums: list[int]) -> int:
        if not nums:
            return 0
        kept, last = 1, nums[0]
        for value in nums[1:]:
            if value > last:
                kept += 1
                last = value
        return kept
