"""Longest Increasing Subsequence — see README.md for the full statement."""


class Solution:
    def lengthOfLIS(self, nums: list[int]) -> int:
        """The length of the longest strictly increasing subsequence of nums."""
        raise NotImplementedError
