"""Longest Substring Without Repeating Characters — see README.md for the full statement."""


class Solution:
    def lengthOfLongestSubstring(self, s: str) -> int:
        """Length of the longest contiguous substring of s with no repeated character."""
        raise NotImplementedError
