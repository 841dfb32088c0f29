"""Wrong: merges the lists in pairs, but the two-list merge keeps only the first list's leftover tail."""


def merge_two(a: list[int], b: list[int]) -> list[int]:
    out = []
    i = j = 0
    while i < len(a) and j < len(b):
        if a[i] <= b[j]:
            out.append(a[i])
            i += 1
        else:
            out.append(b[j])
            j += 1
    return out + a[i:]


class Solution:
    def mergeKLists(self, lists: list[list[int]]) -> list[int]:
        if not lists:
            return []
        while len(lists) > 1:
            merged = [merge_two(lists[i], lists[i + 1]) for i in range(0, len(lists) - 1, 2)]
            if len(lists) % 2:
                merged.append(lists[-1])
            lists = merged
        return lists[0]
