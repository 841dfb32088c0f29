"""Two-proportion z-test — see README.md for the full statement."""


def two_proportion_z_test(
    successes_a: int, n_a: int, successes_b: int, n_b: int, alternative: str = "two-sided"
) -> tuple[float, float]:
    """Return (z, p_value) of the pooled two-proportion z-test of rate A vs rate B."""
    raise NotImplementedError
