"""Reference: fewest[t] = 1 + min over coins c ≤ t of fewest[t − c], for t = 0 … amount."""

import math


class Solution:
    def coinChange(self, coins: list[int], amount: int) -> int:
        fewest = [0] + [math.inf] * amount
        for total in range(amount + 1):
            for coin in coins:
                if coin <= total:
                    fewest[total] = min(fewest[total], fewest[total - coin] + 1)
        return -1 if fewest[amount] == math.inf else int(fewest[amount])
