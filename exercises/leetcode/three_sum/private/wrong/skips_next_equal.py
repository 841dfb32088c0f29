"""Wrong: skips a first value when the NEXT value is equal, which throws away triplets such as
[-1, -1, 2] that need both copies."""


class Solution:
    def threeSum(self, nums: list[int]) -> list[list[int]]:
        values = sorted(nums)
        n = len(values)
        triplets = []
        for i in range(n):
            if i + 1 < n and values[i] == values[i + 1]:
                continue
            lo, hi = i + 1, n - 1
            while lo < hi:
                total = values[i] + values[lo] + values[hi]
                if total < 0:
                    lo += 1
                elif total > 0:
                    hi -= 1
                else:
                    triplets.append([values[i], values[lo], values[hi]])
                    lo += 1
                    while lo < hi and values[lo] == values[lo - 1]:
                        lo += 1
                    hi -= 1
        return triplets
