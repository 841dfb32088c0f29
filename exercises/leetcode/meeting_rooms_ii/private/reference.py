"""Reference: sweep the sorted start times against the sorted end times. A meeting reuses a room
when the earliest end not yet used is ≤ its start (half-open intervals); every other meeting
needs a new room."""


class Solution:
    def minMeetingRooms(self, intervals: list[list[int]]) -> int:
        ends = sorted(end for _, end in intervals)
        reused = 0
        for start in sorted(start for start, _ in intervals):
            if ends[reused] <= start:
                reused += 1
        return len(intervals) - reused
