"""Reference: sort, then for each first value (once per distinct value) two pointers over the rest;
a left value equal to the one before it (other than the first value's own position) is skipped."""


class Solution:
    def threeSum(self, nums: list[int]) -> list[list[int]]:
        values = sorted(nums)
        n = len(values)
        triplets = []
        for i in range(n):
            if i > 0 and values[i] == values[i - 1]:
                continue
            lo, hi = i + 1, n - 1
            while lo < hi:
                total = values[i] + values[lo] + values[hi]
                if total < 0 or (lo > i + 1 and values[lo] == values[lo - 1]):
                    lo += 1
                elif total > 0:
                    hi -= 1
                else:
                    triplets.append([values[i], values[lo], values[hi]])
                    lo += 1
        return triplets
