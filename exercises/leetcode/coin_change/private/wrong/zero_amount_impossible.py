"""Wrong: breadth-first search from the single coins, which never reaches an amount of 0."""


class Solution:
    def coinChange(self, coins: list[int], amount: int) -> int:
        seen = set()
        level = [coin for coin in coins if coin <= amount]
        steps = 1
        while level:
            if amount in level:
                return steps
            seen.update(level)
            level = list({total + coin for total in level for coin in coins
                          if total + coin <= amount and total + coin not in seen})
            steps += 1
        return -1
