"""Wrong: the last position is the upper bound (the index after the run), not the run's last index."""


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
            if first == len(nums) or nums[first] != target:
                ranges.append([-1, -1])
                continue
            lo, hi = first, len(nums)
            while lo < hi:
                mid = (lo + hi) // 2
                if nums[mid] <= target:
                    lo = mid + 1
                else:
                    hi = mid
            ranges.append([first, lo])
        return ranges
