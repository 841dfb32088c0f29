"""Wrong: finds the first position and returns it for both ends."""


class Solution:
    def searchRanges(self, nums: list[int], targets: list[int]) -> list[list[int]]:
        ranges = []
        for target in targets:
            lo, hi = 0, len(nums) - 1
            found = -1
            while lo <= hi:
                mid = (lo + hi) // 2
                if nums[mid] < target:
                    lo = mid + 1
                else:
                    if nums[mid] == target:
                        found = mid
                    hi = mid - 1
            ranges.append([found, found])
        return ranges
