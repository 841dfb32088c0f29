"""Wrong: a hash-set pass that deduplicates by the sorted triple but returns each triplet in the
order its values were met."""


class Solution:
    def threeSum(self, nums: list[int]) -> list[list[int]]:
        found: dict[tuple[int, ...], list[int]] = {}
        for i in range(len(nums)):
            seen: set[int] = set()
            for j in range(i + 1, len(nums)):
                need = -nums[i] - nums[j]
                if need in seen:
                    key = tuple(sorted((nums[i], need, nums[j])))
                    found.setdefault(key, [nums[i], need, nums[j]])
                seen.add(nums[j])
        return list(found.values())
