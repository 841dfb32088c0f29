"""Wrong: -1 for a day that never sees a warmer one."""


class Solution:
    def dailyTemperatures(self, temperatures: list[int]) -> list[int]:
        answer = [-1] * len(temperatures)
        stack: list[int] = []
        for day, temperature in enumerate(temperatures):
            while stack and temperatures[stack[-1]] < temperature:
                earlier = stack.pop()
                answer[earlier] = day - earlier
            stack.append(day)
        return answer
