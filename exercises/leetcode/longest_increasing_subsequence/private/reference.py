"""Reference: patience sorting. tails[k] is the smallest value that ends a strictly increasing
subsequence of length k + 1; each value replaces the first tail that is ≥ it (bisect_left)."""

from bisect import bisect_left


class Solution:
    def lengthOfLIS(self, nums: list[int]) -> int:
        tails: list[int] = []
        for value in nums:
            position = bisect_left(tails, value)
            if position == len(tails):
                tails.append(value)
            else:
                tails[position] = value
        return len(tails)
