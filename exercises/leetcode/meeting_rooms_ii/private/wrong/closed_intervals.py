"""Wrong: a min-heap of room end times where a room is free only strictly after its meeting ended."""

import heapq


class Solution:
    def minMeetingRooms(self, intervals: list[list[int]]) -> int:
        rooms: list[int] = []
        for start, end in sorted(intervals):
            if rooms and rooms[0] < start:
                heapq.heapreplace(rooms, end)
            else:
                heapq.heappush(rooms, end)
        return len(rooms)
