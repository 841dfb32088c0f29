"""Plain-text formatting shared by the renderers: numbers, durations, verdict order and labels."""

from __future__ import annotations

import math
import re
from typing import Any

VERDICTS = ("passed", "wrong answer", "runtime error", "time limit", "memory limit", "output limit",
            "forbidden API", "not implemented", "ungradable")

_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


def as_float(value: Any) -> float | None:
    """A number_or_text value (number, 'nan', 'inf', '-inf' or null) as a float, or None."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, (int, float)):
        return float(value)
    if isinstance(value, str) and value.strip().lower() in ("nan", "inf", "-inf", "+inf"):
        return float(value)
    return None


def number(value: Any, digits: int = 6) -> str:
    """A compact number for people: 6 significant digits, 'NaN' / '∞' for non-finite ones."""
    x = as_float(value)
    if x is None:
        return "—" if value is None else str(value)
    if math.isnan(x):
        return "NaN"
    if math.isinf(x):
        return "∞" if x > 0 else "−∞"
    return f"{x:.{digits}g}"


def seconds(value: Any) -> str:
    """A duration: '0.27 ms', '1.53 s'."""
    x = as_float(value)
    if x is None or not math.isfinite(x):
        return "—"
    return f"{x * 1000:.2f} ms" if x < 0.1 else f"{x:.2f} s"


def percent(value: Any) -> str:
    """A 0–1 fraction as a whole percentage."""
    x = as_float(value)
    return "—" if x is None or not math.isfinite(x) else f"{x:.0%}"


def points(earned: Any, worth: Any) -> str:
    """Points earned of points possible, e.g. '34.5/50'."""
    return f"{float(earned):.4g}/{float(worth):.4g}"


def slug(verdict: str) -> str:
    """A verdict as a CSS class / identifier: 'wrong answer' → 'wrong-answer'."""
    return re.sub(r"[^a-z0-9]+", "-", verdict.lower()).strip("-")


def verdict_counts(counts: dict[str, int]) -> list[tuple[str, int]]:
    """Verdict counts in the canonical verdict order, zeros dropped."""
    return [(v, counts[v]) for v in VERDICTS if counts.get(v)]


def clean(text: str) -> str:
    """Text without characters XML 1.0 cannot carry or terminals misrender (each becomes U+FFFD)."""
    return _NOT_XML.sub("\N{REPLACEMENT CHARACTER}", text)


def shorten(text: str, limit: int) -> str:
    """Text cut to `limit` characters, with an ellipsis when cut."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


PROTECTED_TITLE = "submission touched protected files"
OUTCOMES = {0: "passed", 1: "failed", 2: "ungradable"}


def listed(names: list[str], limit: int) -> str:
    """Names joined by commas, at most LIMIT of them, then 'and N more'."""
    more = f" and {len(names) - limit} more" if len(names) > limit else ""
    return ", ".join(names[:limit]) + more


def protected_problem(ci: dict[str, Any]) -> str:
    """The one sentence every renderer shows for a `ci` block whose protected_files is not empty."""
    return (f"{PROTECTED_TITLE}: {listed(ci['protected_files'], 20)}. Only the solution files may change; the "
            f"exercises were graded against their unmodified versions from {ci['merge_base'][:12]} (the merge-base "
            f"with {ci['base']}), and the CI check fails.")
