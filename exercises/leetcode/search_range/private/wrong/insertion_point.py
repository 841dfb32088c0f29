"""Wrong: an absent target gets its insertion point instead of [-1, -1]."""


class Solution:
    def searchRanges(self, nums: list[int], targets: list[int]) -> list[list[int]]:
        ranges = []
        for target in targets:
            lo, hi = 0, len(nums)
            while lo < hi:
                mid = (lo + hi) // 2
                if nums[mid] < target:
                    lo = mid + 1
                else:
                    hi = mid
            first = lo
            lo, hi = first, len(nums)
            while lo < hi:
                mid = (lo + hi) // 2
                if nums[mid] <= target:
                    lo = mid + 1
                else:
                    hi = mid
            ranges.append([first, max(first, lo - 1)])
        return ranges
