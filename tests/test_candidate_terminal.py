"""The candidate's terminal: `grade PATH` at an 80-column terminal (a pseudo-terminal), through the real CLI and
the real Docker sandbox. Quiet by default (failing cases grouped by reason, each misconception once, an
untouched exercise on one line, a summary table for several exercises); `--verbose` keeps a row per case;
the JSON and HTML keep everything."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from support import EXERCISES, SDPA, run_in_terminal

pytestmark = pytest.mark.docker

WIDTH = 80
SOFTMAX_QUERY_AXIS = SDPA / "private" / "wrong" / "softmax_query_axis.py"
RUNNING_TOTAL = EXERCISES / "sql" / "running_total"
SECOND_HIGHEST = EXERCISES / "sql" / "second_highest_salary"


def _lines(text: str) -> list[str]:
    return [line for line in text.splitlines() if "grading" not in line]  # the spinner's last frame


def test_a_wrong_answer_says_its_misconception_once_and_shows_visible_notes(sandbox_image: str, tmp_path: Path) -> None:
    results = tmp_path / "results.json"
    done = run_in_terminal("attention/scaled_dot_product", "--submission", SOFTMAX_QUERY_AXIS, "--json", results)
    assert done.exit_code == 1, done.output
    lines = _lines(done.output)
    assert all(len(line) <= WIDTH for line in lines), done.output
    assert done.output.count("softmax over the query axis") == 1, done.output
    cases = json.loads(results.read_text())["exercises"][0]["cases"]
    visible = [c for c in cases if not c["hidden"]]
    hidden = [c for c in cases if c["hidden"]]
    for case in visible:  # every visible case by name, with its note and its worst element
        assert case["name"] in done.output and case["verdict"] == "wrong answer"
        if case["note"]:
            assert " ".join(case["note"].split()) in " ".join(done.output.split())
    assert done.output.count("worst at") == len(visible)
    # Hidden cases with one reason share one line, and it says that values are withheld.
    assert f"✗ {len(hidden)} hidden cases: wrong answer" in done.output
    assert "values are not shown" in done.output
    assert len(lines) < 25, done.output  # was ~70 lines: a table row per case, the misconception on each
    verbose = run_in_terminal("attention/scaled_dot_product", "--submission", SOFTMAX_QUERY_AXIS, "--verbose")
    assert verbose.exit_code == 1
    assert all(case["name"][:12] in verbose.output for case in cases)  # a row per case (names may wrap)
    assert verbose.output.count("misconception:") == len(cases)  # on every row


def test_a_syntax_error_is_reported_once_and_cleanly(sandbox_image: str, tmp_path: Path) -> None:
    broken = tmp_path / "solution.py"
    broken.write_text("import numpy as np\ndef scaled_dot_product_attention(q, k, v, mask=None:\n    pass\n")
    done = run_in_terminal("attention/scaled_dot_product", "--submission", broken)
    assert done.exit_code == 1, done.output
    text = " ".join(done.output.split())
    assert text.count("SyntaxError") == 1, done.output
    assert "the solution does not import: SyntaxError: invalid syntax (solution.py, line 2)" in text
    assert "(line 2) (line 2)" not in text and "line 2) (line 2)" not in text
    assert "all 7 cases" in text or "cases:" in text


def test_untouched_stubs_are_one_line_each_and_a_summary_table_ends_the_run(sandbox_image: str, tmp_path: Path) -> None:
    root = tmp_path / "exercises"
    shutil.copytree(EXERCISES / "sql", root / "sql")
    shutil.copytree(SDPA, root / "attention" / "scaled_dot_product")
    ids = sorted(f"sql/{p.name}" for p in (EXERCISES / "sql").iterdir()) + ["attention/scaled_dot_product"]
    done = run_in_terminal(root)
    assert done.exit_code == 1, done.output
    lines = _lines(done.output)
    assert all(len(line) <= WIDTH for line in lines), done.output
    for exercise in ids:  # one "not implemented" line per exercise, then its row in the summary table
        own = [line for line in lines if line.startswith(f"○ {exercise}: not implemented")]
        assert len(own) == 1, done.output
        assert any(exercise in line and "○ not implemented" in line and "0%" in line for line in lines), done.output
    sql = [line for line in lines if line.startswith("○ sql/")]
    assert not any("NotImplementedError" in line for line in sql)  # a SQL stub is a comment, not a raise
    assert "the query is not written yet" in done.output
    assert "○ attention/scaled_dot_product: not implemented — the stub still raises" in done.output  # Python
    assert all(line.startswith(("○", "┏", "┃", "┡", "│", "└", "Summary", "0/")) for line in lines), done.output
    assert "Summary" in done.output and f"0/{len(ids)} exercises passed" in done.output
    assert len(lines) < 3 * len(ids) + 12, done.output


def test_sql_wrong_rows_show_the_first_differing_rows(sandbox_image: str, tmp_path: Path) -> None:
    ordered = RUNNING_TOTAL / "private" / "wrong" / "no_partition.sql"
    html = tmp_path / "report.html"
    done = run_in_terminal("sql/running_total", "--submission", ordered, "--html", html)
    assert done.exit_code == 1, done.output
    assert all(len(line) <= WIDTH for line in _lines(done.output)), done.output
    text = " ".join(done.output.split())
    # The reference's rows beside the answer's, from the first row that differs.
    assert "expected got" in text and "(1, '2024-02-01', 4, 8) (1, '2024-02-01', 4, 9)" in text
    page = html.read_text()
    assert "Rows differ" in page and "Numeric mismatch" not in page
    assert "yours, from row 1" in page
    unordered = SECOND_HIGHEST / "private" / "wrong" / "no_null_row.sql"
    html = tmp_path / "second.html"
    done = run_in_terminal("sql/second_highest_salary", "--submission", unordered, "--html", html)
    text = " ".join(done.output.split())
    assert "0 row(s), expected 1" in text and "expected, missing from yours" in text and "(NULL)" in text
    page = html.read_text()
    assert "expected rows missing from yours" in page and "Numeric mismatch" not in page
    assert "—" not in page.split("<main", 1)[-1].replace("— Second", "")  # hidden cases: no placeholders
    assert "not shown for hidden cases" in page
