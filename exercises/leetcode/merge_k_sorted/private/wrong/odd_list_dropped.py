"""Wrong: merges the lists in pairs, round after round, but an odd list out is left behind."""


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
    return out + a[i:] + b[j:]


class Solution:
    def mergeKLists(self, lists: list[list[int]]) -> list[int]:
        if not lists:
            return []
        while len(lists) > 1:
            lists = [merge_two(lists[i], lists[i + 1]) for i in range(0, len(lists) - 1, 2)]
        return lists[0]
