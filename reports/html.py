"""The HTML feedback reports: one run (render_html) and a cohort of runs (render_cohort).

Each is one self-contained file: inline CSS, images as data: URIs, and a Content Security Policy that
forbids every network fetch. The run report has no script; the cohort report has one small inline
script (sortable columns) that the policy allows by its sha256 and nothing else. Templates are
autoescaped; candidate text is never marked safe.
"""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Sequence
from functools import cache
from typing import Any

import jinja2

from . import format as fmt
from .cohort import cohort_view, duration
from .heatmap import cell_color, heatmap_uri
from .heatmap import out_of_tolerance as map_out_of_tolerance
from .similarity import similarity_view
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
                       shorten=fmt.shorten, clean=fmt.clean, duration=duration)
    env.globals.update(points=fmt.points)
    env.globals.update(verdict_counts=fmt.verdict_counts, has_detail=has_detail, window_view=window_view,
                       heatmap_uri=heatmap_uri, map_out_of_tolerance=map_out_of_tolerance, legend=_legend(),
                       protected_problem=fmt.protected_problem)
    return env


def render_html(document: dict[str, Any], candidate: str | None = None) -> str:
    """The HTML report of one results document, titled with the CANDIDATE's name when given."""
    return environment().get_template("run.html.j2").render(doc=document, candidate=candidate)


def script_hash(template: str) -> str:
    """The CSP source ('sha256-…') that allows exactly the inline script TEMPLATE renders to."""
    text = environment().get_template(template).render()
    return "sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode()


def render_cohort(documents: Sequence[dict[str, Any]], names: Sequence[str] | None = None,
                  links: Sequence[str | None] | None = None, similar: Sequence[dict[str, Any]] | None = None,
                  similarity_link: str | None = None) -> str:
    """The HTML cohort report of many results documents; names (one per document, e.g. the file stems)
    default to "candidate 1", "candidate 2", …; LINKS (one per document) are the relative addresses of
    the candidates' own reports. With SIMILAR (flagged pairs, see reports/similarity.py; an empty list when
    checked and none found) the report has a section listing them, linked to SIMILARITY_LINK's side-by-side view."""
    names = list(names) if names is not None else [f"candidate {i}" for i in range(1, len(documents) + 1)]
    return environment().get_template("cohort.html.j2").render(
        cohort=cohort_view(documents, names, links), script_hash=script_hash("cohort-sort.js"),
        similar=None if similar is None else similarity_view(similar), similarity_link=similarity_link)


def render_similarity(pairs: Sequence[dict[str, Any]]) -> str:
    """The side-by-side view of flagged pairs, shared code highlighted."""
    return environment().get_template("similarity.html.j2").render(pairs=similarity_view(pairs))
