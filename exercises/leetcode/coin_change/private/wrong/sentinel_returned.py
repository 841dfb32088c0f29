"""Wrong: fills the table with amount + 1 for "unreachable" and returns it as it is."""


class Solution:
    def coinChange(self, coins: list[int], amount: int) -> int:
        dp = [0] + [amount + 1] * amount
        for total in range(1, amount + 1):
            for coin in coins:
                if coin <= total:
                    dp[total] = min(dp[total], dp[total - coin] + 1)
        return dp[amount]
