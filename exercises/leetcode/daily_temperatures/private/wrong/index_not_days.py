"""Wrong: stores the position of the warmer day instead of the number of days to wait."""


class Solution:
    def dailyTemperatures(self, temperatures: list[int]) -> list[int]:
        answer = [0] * len(temperatures)
        stack: list[int] = []
        for day, temperature in enumerate(temperatures):
            while stack and temperatures[stack[-1]] < temperature:
                answer[stack.pop()] = day
            stack.append(day)
        return answer
