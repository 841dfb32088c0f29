"""Wrong: one plus the largest number of meetings that overlap a single meeting."""


class Solution:
    def minMeetingRooms(self, intervals: list[list[int]]) -> int:
        best = 0
        for i, (start, end) in enumerate(intervals):
            overlapping = sum(1 for j, (s, e) in enumerate(intervals) if j != i and s < end and start < e)
            best = max(best, overlapping + 1)
        return best
