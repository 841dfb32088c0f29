"""Wilson and Agresti–Coull intervals for a proportion — see README.md for the full statement."""


def proportion_interval(x: int, n: int, confidence: float = 0.95, method: str = "wilson") -> tuple[float, float]:
    """Return (low, high), the Wilson score or Agresti–Coull interval of the proportion x/n."""
    raise NotImplementedError
