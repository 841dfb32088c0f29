"""Reference: count with a dict, then bucket the values by count and read the buckets from the top."""


class Solution:
    def topKFrequent(self, nums: list[int], k: int) -> list[int]:
        counts: dict[int, int] = {}
        for value in nums:
            counts[value] = counts.get(value, 0) + 1
        buckets: list[list[int]] = [[] for _ in range(len(nums) + 1)]
        for value, count in counts.items():
            buckets[count].append(value)
        top: list[int] = []
        for count in range(len(nums), 0, -1):
            top.extend(buckets[count])
            if len(top) >= k:
                return top[:k]
        return top
