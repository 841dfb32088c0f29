"""`grade ci` end to end, with real git and the real Docker sandbox: a submission repository made by
`grade init`, pushed to a bare origin and cloned; one worktree per candidate branch."""

from __future__ import annotations

import re
import shutil
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import xmlschema
from ci_support import (
    ATTENTION,
    SCHEMA,
    SDPA_FILE,
    SDPA_ID,
    annotation_lines,
    commit_all,
    git,
    grade,
    load_results,
    make_bank,
)
from markdown_it import MarkdownIt
from support import ROOT, leftover_containers

pytestmark = pytest.mark.docker

SDPA = ATTENTION / "scaled_dot_product"
RUNTIME_ERROR = '''\
import numpy as np


def scaled_dot_product_attention(q, k, v, mask=None, is_causal=False):
    raise ValueError("bad: 50% done,\\nsecond line")
'''
FORBIDDEN = '''\
import numpy as np
import torch


def scaled_dot_product_attention(q, k, v, mask=None, is_causal=False):
    scores = torch.from_numpy(q) @ torch.from_numpy(k).transpose(-1, -2)
    return torch.softmax(scores, dim=-1).numpy() @ v
'''
JUNIT_SCHEMA = xmlschema.XMLSchema(ROOT / "tests" / "data" / "junit-10.xsd")  # the Jenkins xunit schema
ANNOTATION = re.compile(r"::error file=(?P<file>[^,:%\s]+),line=(?P<line>\d+),title=(?P<title>[^,:]+)::(?P<message>.*)")


@dataclass
class Scenario:
    base: Path
    bank: Path
    bank_private_only: Path
    work: Path

    def tree(self, branch: str) -> Path:
        return self.base / "trees" / branch

    def ci(self, branch: str, *args: str | Path, bank: Path | None = None) -> tuple[Any, Path]:
        out = self.base / "out" / branch / "-".join(str(a).strip("-") for a in args)
        done = grade("ci", "--bank", bank or self.bank, "--out", out, *args, cwd=self.tree(branch))
        return done, out


def _branch(scenario: Scenario, name: str, edit: Any) -> None:
    tree = scenario.tree(name)
    git(scenario.work, "worktree", "add", "--quiet", "-b", name, str(tree), "origin/main")
    edit(tree)
    commit_all(tree, name)


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def _protected(tree: Path) -> None:
    shutil.copyfile(SDPA / "private" / "reference.py", tree / SDPA_FILE)
    statement = tree / "exercises" / SDPA_ID / "README.md"
    statement.write_text(statement.read_text() + "\nEasier: any answer is fine.\n")
    _write(tree / "exercises" / SDPA_ID / "private" / "cases.py", "def visible(rng):\n    return []\n")
    workflow = tree / ".github" / "workflows" / "mlgrade.yml"
    workflow.write_text(workflow.read_text().replace("grade ci", "true || grade ci"))


def _loosened(tree: Path) -> None:
    shutil.copyfile(SDPA / "private" / "wrong" / "no_scaling.py", tree / SDPA_FILE)
    spec = tree / "exercises" / SDPA_ID / "exercise.toml"
    text = spec.read_text()
    assert "rtol = 1e-7\natol = 1e-9" in text
    spec.write_text(text.replace("rtol = 1e-7\natol = 1e-9", "rtol = 1e9\natol = 1e9"))


def _symlink(tree: Path) -> None:
    (tree / SDPA_FILE).unlink()
    (tree / SDPA_FILE).symlink_to(SDPA / "private" / "reference.py")  # the bank's reference on this machine


BRANCHES = {
    "correct": lambda t: shutil.copyfile(SDPA / "private" / "reference.py", t / SDPA_FILE),
    "wrong": lambda t: shutil.copyfile(SDPA / "private" / "wrong" / "no_scaling.py", t / SDPA_FILE),
    "runtime": lambda t: _write(t / SDPA_FILE, RUNTIME_ERROR),
    "forbidden": lambda t: _write(t / SDPA_FILE, FORBIDDEN),
    "protected": _protected,
    "loosened": _loosened,
    "symlink": _symlink,
    "unchanged": lambda t: None,
    "workflow": lambda t: _write(t / ".github" / "workflows" / "mlgrade.yml", "on: push\njobs: {}\n"),
}


@pytest.fixture(scope="module")
def scenario(tmp_path_factory: pytest.TempPathFactory, sandbox_image: str) -> Iterator[Scenario]:
    base = tmp_path_factory.mktemp("ci")
    init = grade("init", base / "init", "--from", ATTENTION, cwd=base)
    assert init.returncode == 0, init.stderr
    origin = base / "origin.git"
    git(base, "init", "--quiet", "--bare", str(origin))
    git(origin, "symbolic-ref", "HEAD", "refs/heads/main")
    git(base / "init", "push", "--quiet", str(origin), "main")
    git(base, "clone", "--quiet", str(origin), str(base / "work"))
    scenario = Scenario(base=base, bank=make_bank(base / "bank"),
                        bank_private_only=make_bank(base / "bank-private-only", with_specs=False), work=base / "work")
    for name, edit in BRANCHES.items():
        _branch(scenario, name, edit)
    yield scenario
    assert leftover_containers() == []


def check_artifacts(out: Path) -> dict[str, Any]:
    """Every artifact is there and well-formed; returns the results document."""
    document = load_results(out)
    jsonschema.Draft202012Validator(SCHEMA).validate(document)
    junit = (out / "junit.xml").read_text(encoding="utf-8")
    JUNIT_SCHEMA.validate(junit)
    suites = ET.fromstring(junit)
    assert suites.tag == "testsuites"
    extra = ["mlgrade ci"] if document["ci"]["protected_files"] else []
    assert [s.get("name") for s in suites.iter("testsuite")] == [e["id"] for e in document["exercises"]] + extra
    assert int(suites.get("tests", "-1")) == sum(len(e["cases"]) for e in document["exercises"]) + len(extra)
    html = (out / "report.html").read_text(encoding="utf-8")
    assert html.lstrip().lower().startswith("<!doctype html") and "Content-Security-Policy" in html
    summary = (out / "summary.md").read_text(encoding="utf-8")
    assert summary.startswith("## mlgrade CI check: ")
    rendered = MarkdownIt("commonmark").enable("table").render(summary)
    assert rendered.count("<table>") == len(document["exercises"])  # every exercise's table renders as one
    return document


def test_correct_solution_passes(scenario: Scenario) -> None:
    done, out = scenario.ci("correct")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "base: origin/main — the repository's default branch (origin/HEAD)" in done.stdout
    assert f"grading 1 changed exercise(s): {SDPA_ID}" in done.stdout
    document = check_artifacts(out)
    assert [e["id"] for e in document["exercises"]] == [SDPA_ID]  # only the changed exercise
    assert document["exercises"][0]["passed"] and document["exercises"][0]["path"] == f"exercises/{SDPA_ID}"
    assert document["exit_status"] == 0
    ci = document["ci"]
    assert (ci["base"], ci["graded"], ci["changed_exercises"], ci["protected_files"]) == ("origin/main", "changed",
                                                                                          [SDPA_ID], [])
    assert ci["merge_base"] == git(scenario.work, "rev-parse", "origin/main")
    assert ci["head"] == git(scenario.tree("correct"), "rev-parse", "HEAD")
    suite = ET.parse(out / "junit.xml").getroot().find("testsuite")
    assert suite is not None and suite.get("failures") == "0" and suite.get("tests") == "7"
    assert annotation_lines(done.stdout) == []
    assert "## mlgrade CI check: ✅ passed" in (out / "summary.md").read_text()


def test_wrong_solution_fails_with_its_misconception(scenario: Scenario) -> None:
    done, out = scenario.ci("wrong")
    assert done.returncode == 1, done.stdout + done.stderr
    document = check_artifacts(out)
    exercise, = document["exercises"]
    assert exercise["verdict"] == "wrong answer" and not exercise["passed"]
    assert {c["misconception"]["name"] for c in exercise["cases"] if c["misconception"]} == {"no 1/√d scaling"}
    suite = ET.parse(out / "junit.xml").getroot().find("testsuite")
    assert suite is not None and int(suite.get("failures", "0")) > 0
    assert annotation_lines(done.stdout) == []  # a wrong answer has no line to point at
    assert "❌ failed" in (out / "summary.md").read_text()


def test_runtime_error_is_annotated_at_the_candidates_line(scenario: Scenario) -> None:
    done, out = scenario.ci("runtime")
    assert done.returncode == 1, done.stdout + done.stderr
    document = check_artifacts(out)
    lines = annotation_lines(done.stdout)
    assert len(lines) == 1
    match = ANNOTATION.fullmatch(lines[0])
    assert match is not None, lines[0]
    assert match["file"] == SDPA_FILE and match["line"] == "5"
    assert (scenario.tree("runtime") / SDPA_FILE).read_text().splitlines()[4].strip().startswith("raise ValueError")
    assert match["title"] == f"mlgrade%3A {SDPA_ID}%3A runtime error"
    first = document["exercises"][0]["cases"][0]
    assert first["error"]["message"] == "bad: 50% done,\nsecond line"
    located = [c for c in document["exercises"][0]["cases"] if c["error"] and c["error"]["line"] == 5]
    assert len(located) == 3 and not any(c["hidden"] for c in located)  # hidden cases carry no line (side channel)
    expected = first["reason"].replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A") + " (3 cases)"
    assert match["message"] == expected and "%25" in expected and "%0A" in expected


def test_forbidden_api_is_annotated(scenario: Scenario) -> None:
    done, out = scenario.ci("forbidden")
    assert done.returncode == 1, done.stdout + done.stderr
    check_artifacts(out)
    assert annotation_lines(done.stdout) == [
        f"::error file={SDPA_FILE},line=7,title=mlgrade%3A {SDPA_ID}%3A forbidden API::"
        "torch.softmax is forbidden in this exercise: return torch.softmax(scores, dim=-1).numpy() @ v"]


def test_protected_files_fail_the_check_even_when_every_case_passes(scenario: Scenario) -> None:
    done, out = scenario.ci("protected")
    assert done.returncode == 1, done.stdout + done.stderr
    protected = [".github/workflows/mlgrade.yml", f"exercises/{SDPA_ID}/README.md",
                 f"exercises/{SDPA_ID}/private/cases.py"]
    document = check_artifacts(out)
    exercise, = document["exercises"]
    assert exercise["passed"] and exercise["verdict"] == "passed"
    assert len(exercise["cases"]) == 7  # the base's hidden cases, not the branch's private/cases.py
    assert document["exit_status"] == 1
    assert document["ci"]["protected_files"] == protected
    assert exercise["problems"] == []  # the `ci` block carries it; each renderer shows it once
    assert "submission touched protected files (3)" in done.stdout
    assert all(f"  - {path}" in done.stdout for path in protected)
    assert "check failed (exit status 1)" in done.stdout
    first, = [line for line in annotation_lines(done.stdout) if "protected" in line]
    assert first.startswith("::error title=mlgrade%3A submission touched protected files::Only the solution files")
    summary = (out / "summary.md").read_text()
    assert "❌ failed — submission touched protected files" in summary
    assert "**Submission touched protected files.**" in summary
    assert "exercises/attention/scaled\\_dot\\_product/private/cases.py" in summary
    html = (out / "report.html").read_text()
    assert html.count("submission touched protected files: " + ", ".join(protected)) == 1
    assert summary.count("Submission touched protected files") == 1
    ci_suite = ET.parse(out / "junit.xml").getroot().findall("testsuite")[-1]
    failure = ci_suite.find("testcase/failure")
    assert failure is not None and failure.get("type") == "submission touched protected files"
    assert (failure.text or "").split("\n") == protected


def test_graded_against_the_base_not_the_branchs_spec(scenario: Scenario) -> None:
    # Control: the branch's own loosened spec would let the wrong answer pass...
    tree = scenario.tree("loosened")
    own = grade("run", tree / "exercises" / SDPA_ID, "--bank", scenario.bank_private_only, cwd=tree)
    assert own.returncode == 0, own.stdout + own.stderr
    # ...grade ci grades against the bank's own spec and reports the edit; a bank without its own spec is refused.
    refused, _ = scenario.ci("loosened", bank=scenario.bank_private_only)
    assert refused.returncode == 2 and f"holds no exercise.toml for {SDPA_ID}" in refused.stderr
    done, out = scenario.ci("loosened")
    assert done.returncode == 1, done.stdout + done.stderr
    document = check_artifacts(out)
    assert document["exercises"][0]["verdict"] == "wrong answer"
    assert document["ci"]["protected_files"] == [f"exercises/{SDPA_ID}/exercise.toml"]


def test_a_linked_solution_is_not_followed(scenario: Scenario) -> None:
    done, out = scenario.ci("symlink")
    assert done.returncode == 1, done.stdout + done.stderr
    exercise, = check_artifacts(out)["exercises"]
    assert {c["verdict"] for c in exercise["cases"]} == {"runtime error"}
    assert "is a symbolic link in commit" in exercise["cases"][0]["reason"]


def test_no_change_is_a_pass_without_grading(scenario: Scenario) -> None:
    done, out = scenario.ci("unchanged")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "no exercise's solution file changed since the merge-base: nothing to grade" in done.stdout
    document = check_artifacts(out)
    assert document["exercises"] == [] and document["ci"]["changed_exercises"] == []
    assert "nothing was graded" in (out / "summary.md").read_text()


def test_ci_config_change_alone_fails(scenario: Scenario) -> None:
    done, out = scenario.ci("workflow")
    assert done.returncode == 1, done.stdout + done.stderr
    document = check_artifacts(out)
    assert document["exercises"] == [] and document["exit_status"] == 1
    assert document["ci"]["protected_files"] == [".github/workflows/mlgrade.yml"]
    assert "submission touched protected files (1)" in done.stdout


def test_all_grades_every_exercise(scenario: Scenario) -> None:
    done, out = scenario.ci("unchanged", "--all")
    assert done.returncode == 1, done.stdout + done.stderr  # untouched stubs: not implemented
    document = check_artifacts(out)
    assert [e["id"] for e in document["exercises"]] == sorted(f"attention/{p.parent.name}"
                                                              for p in ATTENTION.glob("*/exercise.toml"))
    assert {e["verdict"] for e in document["exercises"]} == {"not implemented"}
    assert document["ci"]["graded"] == "all" and document["ci"]["changed_exercises"] == []


def test_an_assignment_grades_all_its_exercises_and_scores_their_points(scenario: Scenario) -> None:
    assignment = scenario.base / "take-home.toml"
    assignment.write_text('title = "Attention take-home"\n[[exercises]]\nid = "attention/scaled_dot_product"\n'
                          'points = 30\n[[exercises]]\nid = "attention/multi_head"\npoints = 10\n', encoding="utf-8")
    done, out = scenario.ci("correct", "--assignment", assignment)
    assert done.returncode == 1, done.stdout + done.stderr  # multi_head, unchanged, is still the stub
    assert "grading the 2 exercise(s) of the assignment “Attention take-home” (--assignment)" in done.stdout
    document = check_artifacts(out)
    assert document["ci"]["graded"] == "assignment"
    assert [(e["id"], e["points"], e["passed"]) for e in document["exercises"]] == [
        (SDPA_ID, 30, True), ("attention/multi_head", 10, False)]
    assert (document["summary"]["points"], document["summary"]["max_points"]) == (30, 40)
    assignment.write_text(assignment.read_text().replace("multi_head", "multihead"), encoding="utf-8")
    broken, _out = scenario.ci("correct", "--assignment", assignment)
    assert broken.returncode == 2
    assert "field `exercises[1].id`: expected an exercise at or under the base revision" in broken.stderr
    for inside in (scenario.tree("correct") / "take-home.toml", scenario.tree("correct") / "linked.toml"):
        if inside.name == "linked.toml":
            inside.symlink_to(assignment)  # a link in the checkout to a file outside it is still the candidate's
        else:
            inside.write_text(assignment.read_text().replace("multihead", "multi_head"), encoding="utf-8")
        refused, _out = scenario.ci("correct", "--assignment", inside)
        assert refused.returncode == 2 and "lies in the checkout" in refused.stderr, refused.stderr
