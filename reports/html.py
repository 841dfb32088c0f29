"""The HTML feedback reports: one run (render_html) and a cohort of runs (render_cohort).

Each is one self-contained file: inline CSS, images as data: URIs, no script, and a Content
Security Policy that forbids every network fetch. Templates are autoescaped; candidate text is
never marked safe.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from typing import Any

import jinja2

from . import format as fmt
from .cohort import cohort_view
from .heatmap import cell_color, heatmap_uri
from .heatmap import out_of_tolerance as map_out_of_tolerance
from .window import window_view

LEGEND = (("≤ 0.001", 0.001), ("1 (the tolerance)", 1.0), ("10×", 10.0), ("10⁴×", 1e4), ("≥ 10⁸×", 1e8),
          ("∞", "inf"), ("NaN", "nan"))


def _legend() -> list[tuple[str, str]]:
    return [(label, "rgb({},{},{})".format(*cell_color(value))) for label, value in LEGEND]


def has_detail(case: dict[str, Any]) -> bool:
    """Whether a case row gets a detail row below it (a diagnosis, an error, printed output, a hidden note)."""
    return bool(case["misconception"] or case["mismatch"] or case["error"] or case["output"]
                or (case["hidden"] and case["verdict"] != "passed"))


@cache
def environment() -> jinja2.Environment:
    """The jinja2 environment of the report templates (autoescaped, strict about undefined names)."""
    env = jinja2.Environment(loader=jinja2.PackageLoader("reports", "templates"), autoescape=True,
                             undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    env.filters.update(number=fmt.number, seconds=fmt.seconds, percent=fmt.percent, slug=fmt.slug,
                       shorten=fmt.shorten, clean=fmt.clean)
    env.globals.update(verdict_counts=fmt.verdict_counts, has_detail=has_detail, window_view=window_view,
                       heatmap_uri=heatmap_uri, map_out_of_tolerance=map_out_of_tolerance, legend=_legend(),
                       protected_problem=fmt.protected_problem)
    return env


def render_html(document: dict[str, Any]) -> str:
    """The HTML report of one results document."""
    return environment().get_template("run.html.j2").render(doc=document)


def render_cohort(documents: Sequence[dict[str, Any]], names: Sequence[str] | None = None) -> str:
    """The HTML cohort report of many results documents; names (one per document, e.g. the file stems)
    default to "candidate 1", "candidate 2", …"""
    names = list(names) if names is not None else [f"candidate {i}" for i in range(1, len(documents) + 1)]
    return environment().get_template("cohort.html.j2").render(cohort=cohort_view(documents, names))
