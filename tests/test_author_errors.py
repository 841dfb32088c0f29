"""An exercise author's mistakes, as `grade validate` reports them through the real CLI: a `[[wrong]]` entry naming
a missing file, an id whose family part or name does not match the family and the folder, cases that change
from one generation to the next (named), and a mistyped field (with a did-you-mean)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from support import EXERCISES, run_cli

SOFTMAX = EXERCISES / "ml_basics" / "softmax"


def _checks(output: str) -> dict[str, tuple[bool, str]]:
    [report] = json.loads(output)
    return {check["name"]: (check["ok"], check["detail"]) for check in report["checks"]}


@pytest.mark.docker
def test_validate_names_a_missing_wrong_file_a_mismatched_id_and_the_case_that_is_not_deterministic(
        sandbox_image: str, tmp_path: Path) -> None:
    exercise = tmp_path / "ml_basics" / "softmax_copy"
    shutil.copytree(SOFTMAX, exercise, ignore=shutil.ignore_patterns("__pycache__"))
    spec = exercise / "exercise.toml"
    text = spec.read_text().replace('id = "ml_basics/softmax"', 'id = "statistics/softmax"')
    spec.write_text(text + '\n[[wrong]]\nfile = "missing.py"\nmisconception = "m"\nexplanation = "e"\n')
    cases = exercise / "private" / "cases.py"
    cases.write_text(cases.read_text().replace('Case("1-D vector", [rng.normal(size=6)])',
                                               'Case("1-D vector", [np.random.default_rng().normal(size=6)])'))
    done = run_cli("validate", exercise, "--json")
    assert done.exit_code == 1, done.output
    checks = _checks(done.output[done.output.index("["):])
    ok, detail = checks["wrong/missing.py fails as “m”"]
    assert not ok and detail.startswith("file not found:") and "missing.py" in detail
    ok, detail = checks["id is family/folder"]
    assert not ok and "“statistics” is not family = “ml_basics”" in detail
    assert "“softmax” is not the exercise's folder “softmax_copy”" in detail
    ok, detail = checks["cases deterministic"]
    assert not ok and "“1-D vector”" in detail
    assert checks["reference passes"][0] and checks["stub fails"][0]  # the rest still ran
    assert all(ok for name, (ok, _) in checks.items() if name.startswith("wrong/global_max_shift"))


def test_a_mistyped_field_gets_a_did_you_mean(tmp_path: Path) -> None:
    exercise = tmp_path / "ml_basics" / "softmax"
    shutil.copytree(SOFTMAX, exercise, ignore=shutil.ignore_patterns("__pycache__"))
    spec = exercise / "exercise.toml"
    spec.write_text(spec.read_text().replace("[limits]\n", "[limits]\ntime_per_cas = 1.0\n", 1))
    assert "time_per_cas" in spec.read_text()
    done = run_cli("validate", exercise, "--json", "--sandbox", "local")
    assert done.exit_code == 1, done.output
    ok, detail = _checks(done.output[done.output.index("["):])["spec parses"]
    assert not ok and "`limits.time_per_cas`" in detail and "did you mean `time_per_case`?" in detail
    listed = run_cli("show", exercise)  # every command that loads the spec says the same
    assert listed.exit_code == 2 and "did you mean `time_per_case`?" in listed.output
