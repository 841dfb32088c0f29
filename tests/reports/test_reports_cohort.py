"""The cohort report over 24 results documents.

The documents are DERIVED from the six real grading runs (reference, no scaling, forbidden API,
time limit, runtime error, injection): candidate i starts from a deep copy of real run i % 6, and
every other candidate also gets a copy of another real run's exercise under a second id
(attention/scaled_dot_product_v2), so that the table has two columns, missing cells and varied
scores. Summaries are recomputed and each document is checked against the results schema.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from report_helpers import SUBMISSIONS, derive, parse_html, table_rows
from support import run_cli

from reports import render_cohort

pytestmark = pytest.mark.docker
Graded = Callable[[str], dict[str, Any]]
SECOND = "attention/scaled_dot_product_v2"
RUNS = list(SUBMISSIONS)


def cohort(graded: Graded, size: int = 24) -> tuple[list[str], list[dict[str, Any]]]:
    names, documents = [], []
    for i in range(size):
        base = graded(RUNS[i % len(RUNS)])
        other = graded(RUNS[(i // 2 + 1) % len(RUNS)])

        def add_second(document: dict[str, Any], other: dict[str, Any] = other) -> None:
            exercise = copy.deepcopy(other["exercises"][0])
            exercise.update(id=SECOND, title="Scaled dot-product attention (second sitting)")
            document["exercises"].append(exercise)

        documents.append(derive(base, add_second if i % 2 else lambda _document: None))
        names.append(f"cand{i:02d}-{RUNS[i % len(RUNS)]}")
    return names, documents


def expected_histogram(scores: list[float]) -> list[int]:
    counts = [0] * 10
    for score in scores:
        counts[min(int(score * 10), 9)] += 1
    return counts


def test_cohort_table_pass_rates_misconceptions_and_histogram(graded: Graded) -> None:
    names, documents = cohort(graded)
    root = parse_html(render_cohort(documents, names))
    [matrix, rates] = root.find_all("table")
    header = [th.all_text() for th in matrix.find_all("th")]
    assert header == ["candidate", "score", "attention/scaled_dot_product", SECOND]
    rows = table_rows(matrix)
    assert [row[0] for row in rows] == names
    for row, document in zip(rows, documents, strict=True):
        first = document["exercises"][0]
        assert row[2] == f"{first['verdict']} {first['score']:.0%}"
        assert row[3] == (f"{document['exercises'][1]['verdict']} {document['exercises'][1]['score']:.0%}"
                          if len(document["exercises"]) == 2 else "not graded")
        assert row[1] == f"{document['summary']['score']:.0%}"
    rate_rows = table_rows(rates)
    for row, exercise_id in zip(rate_rows, ["attention/scaled_dot_product", SECOND], strict=True):
        graded_here = [e for d in documents for e in d["exercises"] if e["id"] == exercise_id]
        passed = sum(e["passed"] for e in graded_here)
        assert row[0] == exercise_id
        assert row[2] == f"{passed} of {len(graded_here)}"
        assert row[3] == f"{passed / len(graded_here):.0%}"
    items = [li for li in root.find_all("li") if "misconception-item" in str(li.attrs.get("class"))]
    with_no_scaling = sum(any(c["misconception"] and c["misconception"]["name"] == "no 1/√d scaling"
                              for e in d["exercises"] for c in e["cases"]) for d in documents)
    assert with_no_scaling > 0
    assert items and items[0].all_text().startswith("no 1/√d scaling")
    assert f"{with_no_scaling} candidates" in items[0].all_text()
    bins = [g for g in root.find_all("g") if g.attrs.get("class") == "bin"]
    counts = [int(str(g.attrs["data-count"])) for g in bins]
    assert counts == expected_histogram([d["summary"]["score"] for d in documents])
    assert sum(counts) == len(documents) == 24
    heights = [float(str(g.find_all("rect")[0].attrs["height"])) for g in bins]
    assert heights[counts.index(max(counts))] == max(heights) > 0
    assert all((h == 0) == (c == 0) for h, c in zip(heights, counts, strict=True))


def test_cohort_in_the_browser(graded: Graded, browser: Any, tmp_path: Path, artifacts: Path) -> None:
    names, documents = cohort(graded)
    path = tmp_path / "cohort.html"
    path.write_text(render_cohort(documents, names), encoding="utf-8")
    page = browser.new_page(viewport={"width": 1200, "height": 900})
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(path.as_uri())
    page.screenshot(path=str(artifacts / "cohort.png"), full_page=True)
    assert all(url.startswith(("file://", "data:")) for url in requests), requests
    assert page.locator("#candidate-count").inner_text() == "24"
    assert page.locator("tr.candidate").count() == 24
    assert page.locator("#histogram svg rect.bar").count() == 10
    assert page.locator("#histogram svg").bounding_box()["width"] > 100
    page.close()


def test_grade_report_with_several_documents_names_candidates_by_file_stem(graded: Graded, tmp_path: Path) -> None:
    names, documents = cohort(graded, size=20)
    paths = []
    for name, document in zip(names, documents, strict=True):
        paths.append(tmp_path / f"{name}.json")
        paths[-1].write_text(json.dumps(document), encoding="utf-8")
    out = tmp_path / "cohort.html"
    result = run_cli(*["report", *map(str, paths), "--html", str(out)])
    assert result.exit_code == 0, result.output
    rows = table_rows(parse_html(out.read_text(encoding="utf-8")).find_all("table")[0])
    assert [row[0] for row in rows] == names
    renamed = run_cli(*["report", *map(str, paths[:2]), "--html", str(out), "--name", "Ada",
                                       "--name", "Grace"])
    assert renamed.exit_code == 0, renamed.output
    assert [row[0] for row in table_rows(parse_html(out.read_text()).find_all("table")[0])] == ["Ada", "Grace"]
