"""Wrong: bisect_right in the tails, which finds the longest non-decreasing subsequence."""

from bisect import bisect_right


class Solution:
    def lengthOfLIS(self, nums: list[int]) -> int:
        tails: list[int] = []
        for value in nums:
            position = bisect_right(tails, value)
            if position == len(tails):
                tails.append(value)
            else:
                tails[position] = value
        return len(tails)
