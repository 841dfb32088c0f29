"""The cohort report over 24 results documents.

The documents are DERIVED from the six real grading runs (reference, no scaling, forbidden API,
time limit, runtime error, injection): candidate i starts from a deep copy of real run i % 6, and
every other candidate also gets a copy of another real run's exercise under a second id
(attention/scaled_dot_product_v2), so that the table has two columns, missing cells and varied
scores. Summaries are recomputed and each document is checked against the results schema.
"""

from __future__ import annotations

import copy
import csv
import io
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from report_helpers import SUBMISSIONS, derive, parse_html, table_rows
from support import EXERCISES, run_cli, run_grade

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
    assert header == ["rank", "candidate", "exercises passed", "score", "time", "attention/scaled_dot_product", SECOND]
    rows = table_rows(matrix)
    by_name = dict(zip(names, documents, strict=True))
    best_first = sorted(names, key=lambda n: (-by_name[n]["summary"]["exercises_passed"], -by_name[n]["summary"]["score"], n))
    assert [row[1] for row in rows] == best_first
    for row in rows:
        document = by_name[row[1]]
        first = document["exercises"][0]
        assert row[2] == f"{document['summary']['exercises_passed']} of {document['summary']['exercises']}"
        assert row[3] == f"{document['summary']['score']:.0%}"
        assert row[5] == f"{first['verdict']} {first['score']:.0%}"
        assert row[6] == (f"{document['exercises'][1]['verdict']} {document['exercises'][1]['score']:.0%}"
                          if len(document["exercises"]) == 2 else "not graded")
    ranks = [int(row[0]) for row in rows]
    assert ranks[0] == 1 and ranks == sorted(ranks)
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
    assert sorted(row[1] for row in rows) == names
    renamed = run_cli(*["report", *map(str, paths[:2]), "--html", str(out), "--name", "Ada",
                                       "--name", "Grace"])
    assert renamed.exit_code == 0, renamed.output
    assert sorted(row[1] for row in table_rows(parse_html(out.read_text()).find_all("table")[0])) == ["Ada", "Grace"]
    folder = run_cli("report", str(tmp_path), "--html", str(tmp_path / "from-folder.html"), "--csv",
                     str(tmp_path / "cohort.csv"))  # a results folder: every *.json in it
    assert folder.exit_code == 0, folder.output
    from_folder = table_rows(parse_html((tmp_path / "from-folder.html").read_text(encoding="utf-8")).find_all("table")[0])
    assert sorted(row[1] for row in from_folder) == names
    exported = list(csv.DictReader(io.StringIO((tmp_path / "cohort.csv").read_text(encoding="utf-8"))))
    assert sorted(r["candidate"] for r in exported) == names
    assert list(exported[0])[-2:] == ["attention/scaled_dot_product", SECOND]
    for option, bad in (("--csv", tmp_path / "missing" / "cohort.csv"), ("--html", tmp_path)):
        refused = run_cli("report", str(tmp_path), option, str(bad))
        assert refused.exit_code == 2 and f"error: {option} " in refused.output, refused.output
    formula = run_cli("report", str(paths[0]), str(paths[1]), "--csv", str(tmp_path / "names.csv"), "--name",
                      "=HYPERLINK(\"http://x\")", "--name", "@SUM(1)")
    assert formula.exit_code == 0, formula.output
    cells = {r["candidate"] for r in csv.DictReader(io.StringIO((tmp_path / "names.csv").read_text()))}
    assert cells == {"'=HYPERLINK(\"http://x\")", "'@SUM(1)"}  # a spreadsheet shows them, never runs them
    empty = tmp_path / "empty"
    empty.mkdir()
    nothing = run_cli("report", str(empty), "--html", str(tmp_path / "x.html"))
    assert nothing.exit_code == 2 and "holds no results documents" in nothing.output


ML_BASICS = EXERCISES / "ml_basics"
THREE = ("softmax", "log_softmax", "layer_norm")
FAILS_FIRST_CASE = '''

_calls = 0


def {name}(*args, **kwargs):
    global _calls
    _calls += 1
    if _calls == 1:
        raise ValueError("wrong on the first case only")
    return _reference(*args, **kwargs)
'''


def fails_first_case(name: str) -> str:
    """The reference of ml_basics/NAME, except that its first call raises: one case fails, the others pass."""
    reference = (ML_BASICS / name / "private" / "reference.py").read_text(encoding="utf-8")
    return reference.replace(f"def {name}(", "def _reference(", 1) + FAILS_FIRST_CASE.format(name=name)


def three_exercise_batch(tmp_path: Path) -> tuple[Path, Path]:
    """Three ml_basics exercises, and three candidates (folders): ada passes all three; bea passes two and
    leaves the third untouched (67 %); cal passes one and fails one case in each of the others, a higher
    score than bea's."""
    exercises = tmp_path / "exercises"
    for name in THREE:
        (exercises / name).mkdir(parents=True)
        for item in ("exercise.toml", "README.md", "solution.py"):
            (exercises / name / item).write_bytes((ML_BASICS / name / item).read_bytes())
        (exercises / name / "private").symlink_to(ML_BASICS / name / "private")
    submissions = tmp_path / "submissions"
    answers = {"ada": {name: None for name in THREE}, "bea": {"softmax": None, "log_softmax": None},
               "cal": {"softmax": None, "log_softmax": "first", "layer_norm": "first"}}
    for candidate, chosen in answers.items():
        for name, variant in chosen.items():
            (submissions / candidate / name).mkdir(parents=True)
            text = (fails_first_case(name) if variant else
                    (ML_BASICS / name / "private" / "reference.py").read_text(encoding="utf-8"))
            (submissions / candidate / name / "solution.py").write_text(text, encoding="utf-8")
    (submissions / "README.md").write_text("# March cohort\n", encoding="utf-8")
    return exercises, submissions


def test_batch_writes_ranked_cohort_report_with_links_and_csv(sandbox_image: str, browser: Any, tmp_path: Path,
                                                             artifacts: Path) -> None:
    exercises, submissions = three_exercise_batch(tmp_path)
    html, table = tmp_path / "html", tmp_path / "cohort.csv"
    done = run_grade("batch", submissions, "--exercise", exercises, "--out", tmp_path / "out", "--html", html,
                     "--csv", table, "-j", "2", env={"MLGRADE_GRADEBOOK": str(tmp_path / "gb.sqlite3")})
    assert done.returncode == 1, done.stderr
    documents = {p.stem: json.loads(p.read_text()) for p in (tmp_path / "out").glob("*.json")}
    assert sorted(documents) == ["ada", "bea", "cal"]  # README.md is not a candidate
    assert documents["cal"]["summary"]["score"] > documents["bea"]["summary"]["score"]  # 1 of 3 scores higher …
    exported = list(csv.DictReader(io.StringIO(table.read_text(encoding="utf-8"))))
    assert [(r["candidate"], r["exercises_passed"]) for r in exported] == [("ada", "3"), ("bea", "2"), ("cal", "1")]
    assert list(exported[0])[-3:] == ["ml_basics/layer_norm", "ml_basics/log_softmax", "ml_basics/softmax"]
    assert [r["ml_basics/layer_norm"] for r in exported][:2] == ["1", "0"]

    page = browser.new_page(viewport={"width": 1200, "height": 700})
    requests: list[str] = []
    problems: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.on("console", lambda message: problems.append(message.text))  # a CSP refusal is logged here
    page.goto((html / "cohort.html").as_uri())
    names = page.locator("td.candidate-name")
    assert names.all_inner_texts() == ["ada", "bea", "cal"]  # … but 2 of 3 ranks above 1 of 3
    assert page.locator("td.exercises-passed").all_inner_texts() == ["3 of 3", "2 of 3", "1 of 3"]
    assert all(text.endswith(" s") for text in page.locator("td.candidate-time").all_inner_texts())
    page.screenshot(path=str(artifacts / "cohort-batch.png"), full_page=True)
    page.get_by_role("button", name="score").click()  # the inline script sorts: ascending score first
    assert names.all_inner_texts() == ["bea", "cal", "ada"]
    assert page.locator("th[aria-sort=ascending]").inner_text().startswith("score")
    page.get_by_role("button", name="score").click()
    assert names.all_inner_texts() == ["ada", "cal", "bea"]
    page.get_by_role("button", name="candidate").click()
    assert names.all_inner_texts() == ["ada", "bea", "cal"]
    page.screenshot(path=str(artifacts / "cohort-batch-sorted.png"), full_page=True)
    assert problems == []
    row = page.locator("tr.candidate", has_text="cal")
    assert row.locator("td.cell.pass").count() == 1 and row.locator("td.cell.fail").count() == 2
    row.locator("td.cell a").nth(1).click()  # cal's log_softmax cell → that section of cal's report
    page.wait_for_load_state()
    assert page.url.endswith("/candidates/cal.html#exercise-2")
    assert page.locator("h1").inner_text() == "mlgrade feedback report: cal"
    assert page.locator("#exercise-2 h2").inner_text().startswith("Numerically stable log-softmax")
    assert all(url.startswith(("file://", "data:")) for url in requests), requests
    page.close()
