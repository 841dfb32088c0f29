"""The HTML run report, rendered from real grading runs and opened in headless Chromium."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from report_helpers import derive, parse_html

from reports import render_html
from reports.format import VERDICTS

pytestmark = pytest.mark.docker
Graded = Callable[[str], dict[str, Any]]


class Opened:
    """A report open in the browser, with every request it made and every console message."""

    def __init__(self, page: Any, requests: list[str], console: list[str]) -> None:
        self.page, self.requests, self.console = page, requests, console


@pytest.fixture()
def open_report(browser: Any, tmp_path: Path, artifacts: Path) -> Iterator[Callable[[str, str], Opened]]:
    """open_report(html, name): write the HTML to a file, open it, screenshot it to artifacts/reports/."""
    contexts = []

    def open_(html: str, name: str) -> Opened:
        path = tmp_path / f"{name}.html"
        path.write_text(html, encoding="utf-8")
        context = browser.new_context(viewport={"width": 1200, "height": 900})
        contexts.append(context)
        page = context.new_page()
        requests: list[str] = []
        console: list[str] = []
        page.on("request", lambda request: requests.append(request.url))
        page.on("console", lambda message: console.append(f"{message.type}: {message.text}"))
        page.goto(path.as_uri())
        page.wait_for_load_state("load")
        page.screenshot(path=str(artifacts / f"{name}.png"), full_page=True)
        return Opened(page, requests, console)

    yield open_
    for context in contexts:
        context.close()


def assert_offline(opened: Opened) -> None:
    """Only the report file itself and data: URIs were requested; nothing was blocked either."""
    assert opened.requests, "the page load itself should be recorded"
    assert all(url.startswith(("file://", "data:")) for url in opened.requests), opened.requests
    assert not [m for m in opened.console if m.startswith("error")], opened.console


def test_wrong_answer_report_in_the_browser(graded: Graded, open_report: Callable[[str, str], Opened]) -> None:
    document = graded("no_scaling")
    opened = open_report(render_html(document), "wrong_answer")
    page = opened.page
    assert_offline(opened)
    assert page.locator("#summary").is_visible()
    assert page.locator("#score").inner_text() == "29%"
    rows = page.locator("tr.case")
    assert rows.count() == len(document["exercises"][0]["cases"]) == 7
    for i in range(rows.count()):
        verdict = rows.nth(i).locator(".badge.verdict")
        assert verdict.is_visible() and verdict.inner_text() in VERDICTS
    names = page.locator(".misconception-name")
    assert names.first.is_visible() and names.first.inner_text() == "no 1/√d scaling"
    heatmaps = page.locator("img.heatmap")
    assert heatmaps.count() == 3  # the three visible wrong cases; hidden cases have no map
    for i in range(heatmaps.count()):
        assert heatmaps.nth(i).evaluate("img => img.complete && img.naturalWidth > 0")
        assert heatmaps.nth(i).get_attribute("src").startswith("data:image/png;base64,")
    first = document["exercises"][0]["cases"][0]["mismatch"]
    worst = page.locator("#e1-c1-detail .window-actual td.worst")
    assert worst.count() == 1 and worst.is_visible()
    assert float(worst.inner_text()) == pytest.approx(first["actual_value"], rel=1e-5)
    expected_worst = page.locator("#e1-c1-detail .window-expected td.worst")
    assert float(expected_worst.inner_text()) == pytest.approx(first["expected_value"], rel=1e-5)
    facts = page.locator("#e1-c1-detail .mismatch").inner_text()
    assert "max abs error 0.512" in facts and "rtol=1e-07" in facts and "atol=1e-09" in facts
    assert "worst at index [1, 0]" in facts


def test_hidden_cases_are_labelled_and_show_no_values(graded: Graded, open_report: Callable[[str, str], Opened]) -> None:
    document = graded("no_scaling")
    page = open_report(render_html(document), "hidden_cases").page
    hidden = [i for i, c in enumerate(document["exercises"][0]["cases"], 1) if c["hidden"]]
    assert len(hidden) == 4
    for index in hidden:
        row = page.locator(f"#e1-c{index}")
        assert row.locator(".badge.hidden-case").inner_text() == "hidden"
        detail = page.locator(f"#e1-c{index}-detail")
        if detail.count():
            assert detail.locator("table.grid, img.heatmap, .worst-element, pre.output").count() == 0
            assert "not shown" in detail.inner_text()


def test_forbidden_api_highlights_the_candidates_line(graded: Graded,
                                                      open_report: Callable[[str, str], Opened]) -> None:
    opened = open_report(render_html(graded("forbidden")), "forbidden_api")
    assert_offline(opened)
    detail = opened.page.locator("#e1-c1-detail")
    assert "torch.nn.functional.scaled_dot_product_attention is forbidden" in detail.inner_text()
    mark = detail.locator("li.candidate-line mark")
    assert mark.is_visible() and mark.inner_text() == "return F.scaled_dot_product_attention(q, k, v)"
    assert "solution.py, line 5" in detail.locator("li.candidate-line").inner_text()


def test_time_limit_and_runtime_error(graded: Graded, open_report: Callable[[str, str], Opened]) -> None:
    loop = open_report(render_html(graded("loop")), "time_limit").page
    row = loop.locator("#e1-c1")
    assert row.locator(".badge.verdict").inner_text() == "time limit"
    assert re.fullmatch(r"2\.0\d s.*", row.locator("td.time").inner_text())
    assert loop.locator("#e1-c1-detail mark").inner_text() == "while True:"
    assert loop.locator("tr.case .badge.verdict", has_text="passed").count() == 6

    crash = open_report(render_html(graded("runtime_error")), "runtime_error").page
    detail = crash.locator("#e1-c1-detail")
    assert detail.locator(".error-message").inner_text().startswith("IndexError:")
    frames = detail.locator("ol.traceback li")
    assert frames.count() == 2
    assert "in scaled_dot_product_attention" in frames.nth(0).inner_text()
    assert frames.nth(1).locator("mark").inner_text() == "return scores / scores.sum(axis=-1)[5]"


def test_candidate_html_is_inert_in_the_browser(graded: Graded, open_report: Callable[[str, str], Opened]) -> None:
    from report_helpers import MESSAGE, PRINTED

    html = render_html(graded("injection"))
    assert "<script" not in html and "<img src=x" not in html and "<b>" not in html
    opened = open_report(html, "injection")
    page = opened.page
    assert_offline(opened)
    assert page.evaluate("typeof window.pwned") == "undefined"
    assert page.evaluate("document.querySelectorAll('script, b, img:not(.heatmap)').length") == 0
    assert page.locator("#e1-c1-detail pre.output").inner_text().strip() == PRINTED
    assert MESSAGE in page.locator("#e1-c1-detail .error-message").inner_text()
    assert MESSAGE in page.locator("#e1-c1 td.reason").inner_text()


def test_passing_run_and_a_local_sandbox_warning(graded: Graded, open_report: Callable[[str, str], Opened]) -> None:
    document = graded("reference")
    passing = open_report(render_html(document), "passed").page
    assert passing.locator("#score").inner_text() == "100%"
    assert passing.locator("#verdict-counts").inner_text().split() == ["passed", "×", "7"]
    assert passing.locator("#sandbox-warning").count() == 0

    def locally(doc: dict[str, Any]) -> None:  # derived: the same run, labelled as a local-sandbox run
        doc["sandbox"] = "local"
        doc["exercises"][0]["sandbox"] = "local"

    local = open_report(render_html(derive(document, locally)), "local_sandbox").page
    warning = local.locator("#sandbox-warning")
    assert warning.is_visible() and "weaker than the Docker sandbox" in warning.inner_text()


def test_the_report_is_self_contained(graded: Graded) -> None:
    for name in ("no_scaling", "forbidden", "injection"):
        root = parse_html(render_html(graded(name)))
        links = [(node.tag, attr, value) for tag in ("img", "link", "script", "a", "iframe", "object", "embed")
                 for node in root.find_all(tag) for attr, value in node.attrs.items() if attr in ("src", "href", "data")]
        assert all(str(value).startswith("data:") for _, _, value in links), links
        policy = [m.attrs["content"] for m in root.find_all("meta") if m.attrs.get("http-equiv")]
        assert policy and "default-src 'none'" in str(policy[0])
