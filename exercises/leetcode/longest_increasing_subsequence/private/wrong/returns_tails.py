"""Wrong: returns the tails array itself instead of its length."""

from bisect import bisect_left


class Solution:
    def lengthOfLIS(self, nums: list[int]) -> list[int]:
        tails: list[int] = []
        for value in nums:
            position = bisect_left(tails, value)
            if position == len(tails):
                tails.append(value)
            else:
                tails[position] = value
        return tails
