"""Presentation: HTML, JUnit XML, Markdown and Gradescope reports, rendered from results documents only
(docs/results-schema.json: plain dicts, never grader objects)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from .cohort_csv import render_cohort_csv
from .document import DocumentError, load_document, validate_document
from .gradescope import render_gradescope
from .html import render_cohort, render_html, render_similarity
from .junit import render_junit
from .markdown import render_markdown

__all__ = ["DocumentError", "load_document", "render_cohort", "render_cohort_csv", "render_gradescope", "render_html",
           "render_junit", "render_markdown", "render_similarity", "validate_document", "write_reports"]


def write_reports(document: dict[str, Any], html: Path | None = None, junit: Path | None = None,
                  markdown: Path | None = None, candidate: str | None = None, gradescope: Path | None = None,
                  write: Callable[[Path, str], object] = lambda path, text: path.write_text(text, encoding="utf-8"),
                  ) -> list[Path]:
    """Write the requested reports of one results document (the HTML one titled with the CANDIDATE's name when
    given) with WRITE (the caller decides how a file is written, e.g. never through a link); returns the paths
    written."""
    written = []
    renderers: tuple[tuple[Path | None, Callable[[dict[str, Any]], str]], ...] = (
        (html, lambda doc: render_html(doc, candidate)), (junit, render_junit), (markdown, render_markdown),
        (gradescope, render_gradescope))
    for path, render in renderers:
        if path is not None:
            write(path, render(document))
            written.append(path)
    return written
