"""The Markdown summary of real grading runs, rendered by markdown-it-py (CommonMark + GFM tables)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from markdown_it import MarkdownIt
from report_helpers import MESSAGE, Node, derive, parse_html, table_rows

from reports import render_markdown

pytestmark = pytest.mark.docker
Graded = Callable[[str], dict[str, Any]]
ALLOWED_TAGS = {"#root", "#text", "h2", "h3", "p", "strong", "em", "table", "thead", "tbody", "tr", "th", "td", "ul", "li",
                "blockquote"}


def rendered(document: dict[str, Any]) -> Node:
    return parse_html(MarkdownIt("commonmark").enable("table").render(render_markdown(document)))


def tags(node: Node) -> set[str]:
    return {node.tag} | {tag for child in node.children for tag in tags(child)}


def test_a_table_per_exercise_with_a_row_per_case(graded: Graded) -> None:
    document = graded("no_scaling")
    root = rendered(document)
    [table] = root.find_all("table")
    header = [cell.all_text() for cell in table.find_all("th")]
    assert header == ["case", "verdict", "reason"]
    rows = table_rows(table)
    cases = document["exercises"][0]["cases"]
    assert len(rows) == len(cases) and all(len(row) == 3 for row in rows)
    for row, case in zip(rows, cases, strict=True):
        assert row[0].startswith(case["name"])
        assert row[0].endswith("(hidden)") == case["hidden"]
        assert row[1].endswith(case["verdict"])
        assert row[2].startswith(case["reason"])
    assert "worst at [1, 0]: expected 0.231026, got 0.716965" in rows[0][2]
    assert "worst at" not in rows[3][2]  # hidden: no values
    [heading] = root.find_all("h3")
    assert "attention/scaled_dot_product" in heading.all_text() and "2 of 7 cases passed" in heading.all_text()
    items = [li.all_text() for li in root.find_all("li")]
    assert any(item.startswith("no 1/√d scaling (5 cases)") for item in items)
    assert tags(root) <= ALLOWED_TAGS


def test_candidate_text_cannot_inject_html_or_break_the_table(graded: Graded) -> None:
    markdown = render_markdown(graded("injection"))
    assert "<img" not in markdown and "<script" not in markdown
    root = rendered(graded("injection"))
    assert tags(root) <= ALLOWED_TAGS, tags(root) - ALLOWED_TAGS
    [table] = root.find_all("table")
    rows = table_rows(table)
    assert all(len(row) == 3 for row in rows)
    assert MESSAGE in rows[0][2]  # the |, the backticks and the asterisks stayed text in one cell
    assert not root.find_all("code") and not [e for e in root.find_all("em") if "em" in e.all_text()]


def test_hostile_case_names_and_a_local_sandbox(graded: Graded) -> None:
    def hostile(document: dict[str, Any]) -> None:
        # derived: a case name and reason with Markdown and HTML syntax, and a local-sandbox run
        document["sandbox"] = "local"
        case = document["exercises"][0]["cases"][0]
        case["name"] = "a | b <i>x</i> `c` [link](https://example.invalid) ![img](x.png)"
        case["reason"] = "line one\nline two | # not a heading\r\n> not a quote"

    root = rendered(derive(graded("reference"), hostile))
    assert tags(root) <= ALLOWED_TAGS, tags(root) - ALLOWED_TAGS
    rows = table_rows(root.find_all("table")[0])
    assert "https:\u200b//" in rows[0][0]  # a zero-width space keeps the bare link inert (and invisible)
    assert [cell.replace("\u200b", "") for cell in rows[0]] == [
        "a | b <i>x</i> `c` [link](https://example.invalid) ![img](x.png)", "✅ passed",
        "line one line two | # not a heading > not a quote"]
    assert "Sandbox: local" in root.find_all("blockquote")[0].all_text()


def test_problems_are_a_quote_above_a_table_that_still_renders(graded: Graded) -> None:
    document = derive(graded("no_scaling"), lambda d: d["exercises"][0]["problems"].append("touched <protected> files"))
    root = rendered(document)
    [quote] = root.find_all("blockquote")
    assert "touched <protected> files" in quote.all_text() and not quote.find_all("table")
    assert len(root.find_all("table")) == 1
