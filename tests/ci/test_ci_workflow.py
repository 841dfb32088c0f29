"""The shipped workflow's `grade ci` step, run as GitHub Actions would run it, in a repository made
by `grade init`: the bank where the workflow checks it out, the variables the runner sets."""

from __future__ import annotations

import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml
from ci_support import ATTENTION, SDPA_FILE, annotation_lines, clean_env, commit_all, git, grade, load_results, make_bank

pytestmark = pytest.mark.docker

RUNTIME_ERROR = "def scaled_dot_product_attention(q, k, v, mask=None, is_causal=False):\n    return q.nope\n"


def _steps(workflow: dict[str, Any]) -> list[dict[str, Any]]:
    return [step for job in workflow["jobs"].values() for step in job["steps"]]


def _variables(workflow: dict[str, Any], step: dict[str, Any]) -> dict[str, str]:
    """Workflow, job and step `env`, without the ${{ }} expressions the runner would fill in."""
    job, = workflow["jobs"].values()
    merged = {**workflow.get("env", {}), **job.get("env", {}), **step.get("env", {})}
    return {k: str(v) for k, v in merged.items() if "${{" not in str(v)}


def test_the_workflow_grade_step_runs_in_an_init_repository(tmp_path: Path, sandbox_image: str) -> None:
    origin = tmp_path / "origin.git"
    assert grade("init", tmp_path / "init", "--from", ATTENTION / "scaled_dot_product", cwd=tmp_path).returncode == 0
    git(tmp_path, "init", "--quiet", "--bare", str(origin))
    git(tmp_path / "init", "push", "--quiet", str(origin), "main")
    repo = tmp_path / "checkout"
    git(tmp_path, "clone", "--quiet", "--no-checkout", str(origin), str(repo))
    git(repo, "checkout", "--quiet", "-b", "solutions", "origin/main")
    (repo / SDPA_FILE).write_text(RUNTIME_ERROR)
    commit_all(repo, "my attempt")
    git(repo, "checkout", "--quiet", "--detach")  # actions/checkout of a pull request's head sha

    workflow = yaml.safe_load((repo / ".github/workflows/mlgrade.yml").read_text())
    bank_checkout, = [s for s in _steps(workflow) if "MLGRADE_BANK_TOKEN" in str(s.get("with", {}).get("token"))]
    make_bank(repo / bank_checkout["with"]["path"], ATTENTION / "scaled_dot_product")  # what that step does
    step, = [s for s in _steps(workflow) if "grade ci" in s.get("run", "")]
    summary = tmp_path / "step-summary.md"
    summary.write_text("earlier step\n")
    env = clean_env(**_variables(workflow, step), GITHUB_ACTIONS="true", GITHUB_BASE_REF="main",
                    GITHUB_STEP_SUMMARY=str(summary), GITHUB_WORKSPACE=str(repo))
    done = subprocess.run(["bash", "--noprofile", "--norc", "-e", "-o", "pipefail", "-c", step["run"]], cwd=repo,
                          env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 1, done.stdout + done.stderr

    assert "base: origin/main — the pull/merge request's target branch ($GITHUB_BASE_REF)" in done.stdout
    lines = done.stdout.splitlines()
    token = lines[0].removeprefix("::stop-commands::")
    assert len(token) == 32 and lines.count(f"::{token}::") == 1
    resumed = lines.index(f"::{token}::")
    found = annotation_lines(done.stdout)
    assert found and all(lines.index(line) > resumed for line in found)  # commands are on again for them
    assert found[0].startswith(f"::error file={SDPA_FILE},line=2,title=mlgrade%3A attention/scaled_dot_product%3A "
                               "runtime error::AttributeError")

    upload, = [s for s in _steps(workflow) if s.get("uses", "").startswith("actions/upload-artifact@")]
    for path in upload["with"]["path"].split():
        assert (repo / path).is_file(), path
    assert load_results(repo / "mlgrade-report")["exercises"][0]["verdict"] == "runtime error"
    text = summary.read_text()
    assert text.startswith("earlier step\n## mlgrade CI check: ❌ failed")
    assert text.count("## mlgrade CI check") == 1
