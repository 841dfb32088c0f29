"""Fixtures of the report tests: results documents of REAL grading runs (the Docker sandbox, one run
per submission per test session) and a headless Chromium driven by Playwright."""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Iterator
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from report_helpers import SUBMISSIONS
from support import SDPA

from grader.grading import grade_path
from grader.options import GradeOptions
from grader.results import to_document

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]


@pytest.fixture(scope="session")
def graded(sandbox_image: str, tmp_path_factory: pytest.TempPathFactory) -> Callable[[str], dict[str, Any]]:
    """graded(name) → the results document of grading SUBMISSIONS[name] on scaled_dot_product_attention
    in the real Docker sandbox; each submission is graded at most once per session. Every run includes
    the exercise's hidden cases."""
    folder = tmp_path_factory.mktemp("submissions")

    @cache
    def grade(name: str) -> dict[str, Any]:
        path = folder / f"{name}.py"
        path.write_text(SUBMISSIONS[name](), encoding="utf-8")
        options = GradeOptions(sandbox="docker", image=sandbox_image, submission=path)
        run = grade_path(SDPA, options, lambda _m: None, threading.Event())
        return to_document(run)

    return grade


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """Debian's headless Chromium (scripts/setup installs it); missing fails in CI, skips elsewhere."""
    if not CHROMIUM.exists():
        if os.environ.get("CI"):
            pytest.fail(f"CI must run the browser tests: {CHROMIUM} is missing (run scripts/setup)")
        pytest.skip(f"{CHROMIUM} is missing (run scripts/setup)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def artifacts() -> Path:
    """Where screenshots go (gitignored): artifacts/reports/ at the repository root."""
    folder = Path(__file__).resolve().parents[2] / "artifacts" / "reports"
    folder.mkdir(parents=True, exist_ok=True)
    return folder
