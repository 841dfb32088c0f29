"""Sample size per group for two proportions — see README.md for the full statement."""


def sample_size_two_proportions(p1: float, p2: float, alpha: float = 0.05, power: float = 0.8) -> int:
    """Return n per group (an int) for a two-sided two-proportion test, via Cohen's h."""
    raise NotImplementedError
