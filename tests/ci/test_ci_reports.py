"""The CI block of a results document as each renderer shows it: once, from the document, escaped."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from typing import Any

import jsonschema
from ci_support import SCHEMA
from markdown_it import MarkdownIt

from grader.results import RunResult, to_document
from grader.scrub import shown
from reports import render_html, render_junit, render_markdown
from reports.markdown import escape

NAMES = ["README.md", shown("evil\x1b[31m\n::x\udce9.txt", None), "@octocat www.evil.example https://x.invalid $x$"]


def ci_document(protected: list[str], status: int = 1) -> dict[str, Any]:
    document = to_document(RunResult(exercises=[], started="2026-01-01T00:00:00+00:00",
                                     finished="2026-01-01T00:00:01+00:00", sandbox="docker", tool_version="0"))
    document["exit_status"] = status
    document["ci"] = {"base": "origin/main", "base_source": "the protected branch (--base-branch main, CI)",
                      "merge_base": "a" * 40, "head": "b" * 40, "graded": "changed", "changed_exercises": [],
                      "protected_files": protected}
    jsonschema.Draft202012Validator(SCHEMA).validate(document)
    return document


def test_markdown_header_comes_from_the_ci_block() -> None:
    summary = render_markdown(ci_document(NAMES))
    assert summary.startswith("## mlgrade CI check: ❌ failed — submission touched protected files\n")
    assert summary.count("Submission touched protected files") == 1
    assert "\x1b" not in summary and "evil\\\\x1b\\[31m\\\\n::x\\\\xe9.txt" in summary
    assert "@\u200boctocat" in summary and "www\u200b.evil" in summary and "https:\u200b//x" in summary
    assert "&#36;x&#36;" in summary
    assert "<a " not in MarkdownIt("commonmark").render(summary)
    clean = render_markdown(ci_document([], 0))
    assert clean.startswith("## mlgrade CI check: ✅ passed\n") and "CAUTION" not in clean
    plain = ci_document([], 0)
    del plain["ci"]
    assert render_markdown(plain).startswith("## mlgrade: ")


def test_junit_gets_the_ci_suite_only_with_protected_files() -> None:
    root = ET.fromstring(render_junit(ci_document(NAMES)))
    suite, = root.findall("testsuite")
    assert suite.get("name") == "mlgrade ci" and root.get("failures") == "1" and root.get("tests") == "1"
    failure = suite.find("testcase/failure")
    assert failure is not None and failure.get("type") == "submission touched protected files"
    assert (failure.text or "").split("\n") == NAMES
    assert ET.fromstring(render_junit(ci_document([], 0))).findall("testsuite") == []


def test_html_shows_the_problem_once() -> None:
    html = render_html(ci_document(NAMES))
    assert html.count("submission touched protected files: README.md") == 1
    assert "\x1b" not in html and "<b>" not in html
    assert "protected files" not in render_html(ci_document([], 0))


def test_markdown_escape_is_inert() -> None:
    assert escape("@a b@c.d www.x.y ftp://h $1 <i>") == "@\u200ba b@\u200bc.d www\u200b.x.y ftp:\u200b//h &#36;1 &lt;i&gt;"
