"""Wrong: sort and two pointers, but equal values are not skipped, so a triplet is found once per position."""


class Solution:
    def threeSum(self, nums: list[int]) -> list[list[int]]:
        values = sorted(nums)
        triplets = []
        for i in range(len(values)):
            lo, hi = i + 1, len(values) - 1
            while lo < hi:
                total = values[i] + values[lo] + values[hi]
                if total < 0:
                    lo += 1
                elif total > 0:
                    hi -= 1
                else:
                    triplets.append([values[i], values[lo], values[hi]])
                    lo += 1
                    hi -= 1
        return triplets
