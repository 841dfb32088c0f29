"""Meeting Rooms II — see README.md for the full statement."""


class Solution:
    def minMeetingRooms(self, intervals: list[list[int]]) -> int:
        """The fewest rooms holding the half-open meetings [start, end) without overlap."""
        raise NotImplementedError
