"""Power of the two-sample t-test — see README.md for the full statement."""


def t_test_power(
    effect_size: float, n1: int, n2: int, alpha: float = 0.05, alternative: str = "two-sided"
) -> float:
    """Return the power of the pooled two-sample t-test at standardized effect EFFECT_SIZE."""
    raise NotImplementedError
