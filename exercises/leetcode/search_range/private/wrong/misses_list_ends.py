"""Wrong: the binary search stops while two candidates remain, so it never looks at index 0 or n − 1."""


class Solution:
    def searchRanges(self, nums: list[int], targets: list[int]) -> list[list[int]]:
        ranges = []
        for target in targets:
            first = last = -1
            lo, hi = 0, len(nums) - 1
            while lo + 1 < hi:
                mid = (lo + hi) // 2
                if nums[mid] < target:
                    lo = mid
                else:
                    if nums[mid] == target:
                        first = mid
                    hi = mid
            lo, hi = 0, len(nums) - 1
            while lo + 1 < hi:
                mid = (lo + hi) // 2
                if nums[mid] > target:
                    hi = mid
                else:
                    if nums[mid] == target:
                        last = mid
                    lo = mid
            ranges.append([first, last])
        return ranges
