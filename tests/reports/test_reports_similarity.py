"""Similarity across a cohort (grader/similarity.py on copydetect): a planted copy with renamed names,
comments and a new layout is flagged; independent solutions and the stub are not; `grade similarity`
and `grade batch --html` show the flagged pair side by side, shared code highlighted, in a real browser."""

from __future__ import annotations

import csv
import io
import shutil
from pathlib import Path
from typing import Any

import pytest
from support import EXERCISES, ROOT, run_cli, run_grade

from grader.notebook import stub_notebook, write_notebook
from grader.similarity import Source, similar_pairs
from reports.similarity import segments

LRU = EXERCISES / "leetcode" / "lru_cache"
CANDIDATES = ROOT / "tests" / "data" / "lru_candidates"  # bob.py: alice.py with every name changed, commented
STUB = Source("stub", "leetcode/lru_cache", "solution.py", (LRU / "solution.py").read_text())


def sources(*names: str) -> list[Source]:
    return [Source(name, STUB.exercise, "solution.py", (CANDIDATES / f"{name}.py").read_text()) for name in names]


def test_a_renamed_and_reformatted_copy_is_flagged_and_independent_solutions_are_not() -> None:
    pairs = similar_pairs(sources("alice", "bob", "carol", "dave", "erin", "ivy"), {STUB.exercise: STUB})
    assert [(p.first.candidate, p.second.candidate) for p in pairs] == [("alice", "bob")]
    pair = pairs[0]
    assert pair.share >= 0.9 and pair.first_spans and pair.second_spans
    copied = "".join(pair.second.text[start:end] for start, end in pair.second_spans)
    assert "victim" in copied and "_push" in copied  # bob's renamed code is what is highlighted


def test_the_stub_alone_is_never_a_match() -> None:
    stub_copies = [Source(name, STUB.exercise, "solution.py", STUB.text) for name in ("a", "b")]
    assert similar_pairs(stub_copies, {STUB.exercise: STUB}, threshold=0.0, min_characters=1) == []
    assert similar_pairs(stub_copies, {}, threshold=0.5, min_characters=1)  # … the stub is what they share


def test_pairs_are_per_exercise() -> None:
    alice, bob = sources("alice", "bob")
    other = Source("bob", "leetcode/other", "solution.py", bob.text)
    assert similar_pairs([alice, other], {STUB.exercise: STUB}) == []


@pytest.mark.parametrize("spans, expected", [
    ([], [("abcdef", False)]),
    ([(1, 3)], [("a", False), ("bc", True), ("def", False)]),
    ([(0, 2), (1, 4), (5, 9)], [("abcd", True), ("e", False), ("f", True)]),  # overlapping, past the end
    ([(4, 6), (0, 1)], [("a", True), ("bcd", False), ("ef", True)]),  # unsorted
])
def test_segments_cut_the_text_at_the_spans(spans: list[tuple[int, int]], expected: list[tuple[str, bool]]) -> None:
    assert segments("abcdef", spans) == expected


def cohort(folder: Path) -> Path:
    """Ten candidates in every form `grade batch` takes, two of them the planted pair (alice, bob), a stray README."""
    submissions = folder / "submissions"
    submissions.mkdir()
    for name in ("alice", "bob", "carol", "ivy"):
        shutil.copy(CANDIDATES / f"{name}.py", submissions / f"{name}.py")
    (submissions / "dave").mkdir()
    shutil.copy(CANDIDATES / "dave.py", submissions / "dave" / "solution.py")
    write_notebook(stub_notebook("LRU Cache", "# LRU Cache", (CANDIDATES / "erin.py").read_text(), "grade …"),
                   submissions / "erin.ipynb")
    shutil.copy(LRU / "solution.py", submissions / "frank.py")  # the untouched stub
    (submissions / "gina.py").write_text("class LRUCache:\n    def get(self, key)\n        return -1\n")
    shutil.copy(LRU / "private" / "wrong" / "evicts_most_recent.py", submissions / "hank.py")
    (submissions / "jack").mkdir()
    shutil.copy(LRU / "private" / "wrong" / "get_no_refresh.py", submissions / "jack" / "solution.py")
    (submissions / "README.txt").write_text("March cohort\n")
    return submissions


@pytest.mark.docker
def test_a_mixed_batch_flags_exactly_the_planted_pair(sandbox_image: str, browser: Any, tmp_path: Path,
                                                      artifacts: Path) -> None:
    submissions = cohort(tmp_path)
    html, table = tmp_path / "html", tmp_path / "cohort.csv"
    done = run_grade("batch", submissions, "--exercise", LRU, "--out", tmp_path / "out", "--html", html, "--csv",
                     table, "-j", "2", env={"MLGRADE_GRADEBOOK": str(tmp_path / "gb.sqlite3")})
    assert done.returncode == 1, done.stderr
    assert "skipped README.txt" in done.stderr
    assert "Candidates, ranked" in done.stdout
    exported = list(csv.DictReader(io.StringIO(table.read_text(encoding="utf-8"))))
    assert len(exported) == 10
    assert {"alice", "bob"} <= {r["candidate"] for r in exported if r["exercises_passed"] == "1"}

    page = browser.new_page(viewport={"width": 1200, "height": 800})
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto((html / "cohort.html").as_uri())
    assert page.locator("tr.candidate").count() == 10
    assert page.locator("td.candidate-name a").count() == 10  # every candidate's report is linked
    flagged = page.locator("#similarity tr.similar-pair")
    assert flagged.count() == 1 and "alice and bob" in flagged.inner_text()
    flagged.locator("a").click()
    page.wait_for_load_state()
    assert page.url.endswith("/similarity.html#pair-1")
    sides = page.locator("#pair-1 .side")
    assert sides.count() == 2
    assert sides.nth(0).locator(".candidate").inner_text() == "alice"
    assert sides.nth(1).locator("mark").count() >= 1 and "victim" in sides.nth(1).locator("pre").inner_text()
    page.screenshot(path=str(artifacts / "similarity.png"), full_page=True)
    assert all(url.startswith(("file://", "data:")) for url in requests), requests
    page.close()


def test_grade_similarity_reports_the_pair_and_exits_1(tmp_path: Path) -> None:
    submissions = cohort(tmp_path)
    view = tmp_path / "similar.html"
    done = run_cli("similarity", submissions, "--exercise", LRU, "--html", view)
    assert done.exit_code == 1, done.output
    assert "1 similar pair(s) among 10 candidates" in done.output and "alice and bob" in done.output
    assert view.read_text().count('class="card similar-pair"') == 1
    (submissions / "bob.py").unlink()
    done = run_cli("similarity", submissions, "--exercise", LRU)
    assert done.exit_code == 0 and "no similar pairs among 9 candidates" in done.output
