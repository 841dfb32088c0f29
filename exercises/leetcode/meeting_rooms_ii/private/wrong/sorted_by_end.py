"""Wrong: the min-heap of room end times, but the meetings are taken in order of their end."""

import heapq


class Solution:
    def minMeetingRooms(self, intervals: list[list[int]]) -> int:
        rooms: list[int] = []
        for start, end in sorted(intervals, key=lambda meeting: meeting[1]):
            if rooms and rooms[0] <= start:
                heapq.heapreplace(rooms, end)
            else:
                heapq.heappush(rooms, end)
        return len(rooms)
