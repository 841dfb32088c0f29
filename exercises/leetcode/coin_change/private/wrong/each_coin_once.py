"""Wrong: 0/1-knapsack loop order (amounts downwards inside the coin loop): each coin used at most once."""


class Solution:
    def coinChange(self, coins: list[int], amount: int) -> int:
        inf = float("inf")
        dp = [0] + [inf] * amount
        for coin in coins:
            for total in range(amount, coin - 1, -1):
                dp[total] = min(dp[total], dp[total - coin] + 1)
        return -1 if dp[amount] == inf else int(dp[amount])
