"""Reference: two lower-bound binary searches per target, for target and for target + 1."""


def _lower_bound(nums: list[int], value: int) -> int:
    """The first index i with nums[i] >= value, or len(nums) if there is none."""
    lo, hi = 0, len(nums)
    while lo < hi:
        mid = (lo + hi) // 2
        if nums[mid] < value:
            lo = mid + 1
        else:
            hi = mid
    return lo


class Solution:
    def searchRanges(self, nums: list[int], targets: list[int]) -> list[list[int]]:
        ranges = []
        for target in targets:
            first = _lower_bound(nums, target)
            if first == len(nums) or nums[first] != target:
                ranges.append([-1, -1])
            else:
                ranges.append([first, _lower_bound(nums, target + 1) - 1])
        return ranges
