"""bench/peers.py (P6) without the peers: the submissions it makes, the check every peer runs, the verdict
comparison that fails the bench, and the P6 line scripts read. Nothing here installs a package."""

from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def peers():
    spec = importlib.util.spec_from_file_location("bench_peers", ROOT / "bench" / "peers.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["bench_peers"] = module  # dataclasses resolve their annotations through sys.modules
    spec.loader.exec_module(module)
    yield module
    del sys.modules["bench_peers"]


def test_submissions_are_deterministic_and_mix_correct_and_wrong(peers):
    submissions = peers.make_submissions(16)
    assert submissions == peers.make_submissions(16)
    assert [s.source for s in submissions[::2]] == ["reference"] * 8
    assert {s.source for s in submissions[1::2]} == {
        "inverted_mask", "mask_after_softmax", "masked_rows_uniform", "no_max_shift", "no_scaling",
        "softmax_query_axis", "stub"}
    assert len({s.name for s in submissions}) == len({s.code for s in submissions}) == 16


def test_the_peers_check_passes_the_reference_and_fails_each_wrong_variant(peers, tmp_path, monkeypatch):
    cases = peers.write_cases(tmp_path)
    monkeypatch.chdir(tmp_path)
    namespace: dict = {}
    exec(peers.CHECK, namespace)

    def passed(code):
        module: dict = {}
        exec(code, module)
        results = []
        for index in range(len(cases)):
            try:
                namespace["check_case"](module["scaled_dot_product_attention"], index)
            except (AssertionError, NotImplementedError):
                results.append(False)
            else:
                results.append(True)
        return results

    by_source = {s.source: s.code for s in peers.make_submissions(16)}
    assert passed(by_source.pop("reference")) == [True] * len(cases)
    for source, code in by_source.items():
        assert not all(passed(code)), source
    assert passed(by_source["masked_rows_uniform"]) == [
        name not in {"boolean mask with a fully masked row", "causal with L≠S and a mask", "large logits with a mask"}
        for name in cases]


def test_a_peer_that_disagrees_is_reported_per_candidate_and_case(peers):
    cases = ["a", "b"]
    mlgrade = {"alice": (True, True), "bob": (True, False)}
    assert peers.disagreements(mlgrade, dict(mlgrade), cases) == []
    lines = peers.disagreements(mlgrade, {"alice": (True, False), "carol": (True, True)}, cases)
    assert lines == ["alice: b (mlgrade pass)", "bob: no verdict", "carol: graded but not submitted"]


def test_the_p6_line_reads_like_p1_to_p4(peers, capsys):
    runs = [peers.ToolRun("mlgrade", 10.0, {"alice": (True,)}, "container"),
            peers.ToolRun("otter run", 180.0, {"alice": (True,)}, "none"),
            peers.ToolRun("nbgrader autograde", 86.0, {"alice": (False,)}, "none")]
    mismatches = {"otter run": [], "nbgrader autograde": ["alice: a (mlgrade pass)"]}
    peers.report(1, runs, {}, mismatches, (0.0, 0.0))
    out = capsys.readouterr().out
    assert "MISMATCH nbgrader autograde vs mlgrade: alice: a (mlgrade pass)" in out
    (line,) = [line for line in out.splitlines() if line.startswith("P6")]
    assert line == "P6 mlgrade 8.6× faster than the fastest peer (nbgrader autograde, 86.0 s vs 10.0 s)"
    assert re.search(r"(\d+(\.\d+)?)× faster", line)
    assert not peers.P6Result(runs, {}, mismatches).ok

    peers.report(1, runs[:1], {"otter-grader": "could not be installed", "nbgrader": "could not be installed"}, {},
                 (0.0, 0.0))
    assert "P6 skipped: no peer could be installed (otter-grader, nbgrader)" in capsys.readouterr().out
