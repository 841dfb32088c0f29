"""Wrong: finds the rotation, searches the virtual sorted order, returns the virtual position."""


class Solution:
    def search(self, nums: list[int], target: int) -> int:
        n = len(nums)
        lo, hi = 0, n - 1
        while lo < hi:  # index of the minimum = rotation
            mid = (lo + hi) // 2
            if nums[mid] > nums[hi]:
                lo = mid + 1
            else:
                hi = mid
        rotation = lo
        lo, hi = 0, n - 1
        while lo <= hi:
            mid = (lo + hi) // 2
            value = nums[(mid + rotation) % n]
            if value == target:
                return mid
            if value < target:
                lo = mid + 1
            else:
                hi = mid - 1
        return -1
