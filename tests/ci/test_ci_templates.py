"""The shipped CI templates parse and carry what each CI requires, and `grade init` installs the
GitHub one."""

from __future__ import annotations

import filecmp
import re
import subprocess
from pathlib import Path
from typing import Any

import yaml
from ci_support import ATTENTION, clean_env, git, grade
from support import ROOT

GITHUB = ROOT / "ci" / "github-workflow.yml"
GITLAB = ROOT / "ci" / "gitlab-ci.yml"


def github() -> dict[Any, Any]:
    loaded: dict[Any, Any] = yaml.safe_load(GITHUB.read_text(encoding="utf-8"))
    return loaded


def steps(workflow: dict[Any, Any]) -> list[dict[str, Any]]:
    return [step for job in workflow["jobs"].values() for step in job["steps"]]


def step_using(workflow: dict[Any, Any], action: str, **inputs: Any) -> dict[str, Any]:
    found = [s for s in steps(workflow) if s.get("uses", "").split("@")[0] == action
             and all(s.get("with", {}).get(k) == v for k, v in inputs.items())]
    assert found, f"no step uses {action} with {inputs}"
    return found[0]


def grade_step(workflow: dict[Any, Any]) -> dict[str, Any]:
    found = [s for s in steps(workflow) if "grade ci" in s.get("run", "")]
    assert len(found) == 1
    return found[0]


def test_github_workflow_has_the_required_fields() -> None:
    workflow = github()
    trigger = workflow.get("on", workflow.get(True))  # YAML 1.1 reads a bare `on` key as True
    assert trigger and "pull_request_target" in trigger
    assert workflow["permissions"] == {"contents": "read"}
    assert workflow["jobs"]
    for job in workflow["jobs"].values():
        assert job["runs-on"]
        assert job["steps"]
        for step in job["steps"]:
            assert ("uses" in step) != ("run" in step), step
            assert re.fullmatch(r"[\w./-]+@v\d+", step.get("uses", "x@v1")), step["uses"]


def test_github_workflow_steps() -> None:
    workflow = github()
    checkout = step_using(workflow, "actions/checkout", **{"fetch-depth": 0})
    assert checkout["with"]["ref"] == "${{ github.event.pull_request.head.sha }}"
    assert checkout["with"]["persist-credentials"] is False
    assert checkout["with"]["path"] == "submission"
    assert step_using(workflow, "actions/setup-python")["with"]["python-version"] == "3.11"
    cache = step_using(workflow, "actions/cache")
    assert "steps.image.outputs.hash" in cache["with"]["key"]
    ensure, = [s for s in steps(workflow) if "grade sandbox ensure" in s.get("run", "")]
    assert f"--archive {cache['with']['path']}/sandbox.tar" in ensure["run"]
    bank = step_using(workflow, "actions/checkout", token="${{ secrets.MLGRADE_BANK_TOKEN }}")
    assert bank["with"]["repository"] == "${{ env.MLGRADE_BANK_REPOSITORY }}"
    assert bank["with"]["persist-credentials"] is False
    command = grade_step(workflow)["run"]
    assert f'--bank "$GITHUB_WORKSPACE/{bank["with"]["path"]}"' in command
    assert '--repo "$GITHUB_WORKSPACE/submission"' in command and "--base-branch main" in command
    out = re.search(r'--out "\$RUNNER_TEMP/([^"]+)"', command)
    assert out is not None
    upload = step_using(workflow, "actions/upload-artifact")
    paths = upload["with"]["path"].splitlines()
    assert paths and all(p.startswith(f"${{{{ runner.temp }}}}/{out.group(1)}/") for p in paths)
    assert upload["if"] == "${{ !cancelled() }}"
    delete, = [s for s in steps(workflow) if "rm -rf" in s.get("run", "")]
    assert delete["if"] == "${{ always() }}" and f'"$GITHUB_WORKSPACE/{bank["with"]["path"]}"' in delete["run"]
    assert workflow["env"]["MLGRADE_PACKAGE"].startswith("mlgrade[bank] @ ")


def test_github_workflow_never_executes_the_checkout() -> None:
    """Static rules behind the attack tests: every step runs outside the checkout with an isolated Python,
    and the bank token is given to the bank checkout only, in a job bound to a protected environment."""
    workflow = github()
    assert workflow["env"]["PYTHONSAFEPATH"] == "1"
    trigger = workflow.get("on", workflow.get(True))
    assert list(trigger) == ["pull_request_target"] and trigger["pull_request_target"]["branches"] == ["main"]
    job, = workflow["jobs"].values()
    assert job["environment"] == "mlgrade"
    for step in steps(workflow):
        if "run" in step:
            assert step["working-directory"] == "${{ runner.temp }}", step["name"]
            for call in re.findall(r"\S*\bpython3? [^\n|;&]*", step["run"]):
                assert call.startswith("python -I "), call
            assert "python -c" not in step["run"] and "python -" + " <<" not in step["run"]
        text = yaml.safe_dump(step)
        if "secrets." in text:
            assert step.get("uses", "").startswith("actions/checkout@") and "repository" in step["with"], step
    assert "secrets." not in yaml.safe_dump({k: v for k, v in job.items() if k != "steps"})
    assert "secrets." not in yaml.safe_dump(workflow["env"])


def test_github_image_key_step_runs(tmp_path: Path) -> None:
    """The step that computes the cache key works with the installed mlgrade."""
    step, = [s for s in steps(github()) if s.get("id") == "image"]
    output = tmp_path / "output"
    done = subprocess.run(["bash", "-e", "-c", step["run"]], capture_output=True, text=True,
                          env=clean_env(GITHUB_OUTPUT=str(output)))
    assert done.returncode == 0, done.stderr
    from sandbox import image

    tag = image.image_tag()
    assert output.read_text().splitlines() == [f"tag={tag}", f"hash={tag.split(':')[1]}"]


def test_gitlab_job_has_the_required_fields() -> None:
    config = yaml.safe_load(GITLAB.read_text(encoding="utf-8"))
    jobs = {name: job for name, job in config.items() if isinstance(job, dict) and "script" in job}
    assert list(jobs) == ["mlgrade"]
    job = jobs["mlgrade"]
    assert job["stage"] in config["stages"]
    command, = [line for line in job["script"] if "grade ci" in line]
    out = re.search(r"--out (\S+)", command)
    assert out is not None and "--bank mlgrade-bank" in command and "--repo submission" in command
    assert '--base-branch "$MLGRADE_BASE_BRANCH"' in command and config["variables"]["MLGRADE_BASE_BRANCH"] == "main"
    assert job["artifacts"]["reports"]["junit"] == f"{out.group(1)}/junit.xml"
    assert job["artifacts"]["paths"] == [f"{out.group(1)}/"]
    assert job["artifacts"]["when"] == "always"


def test_gitlab_job_never_executes_the_checkout() -> None:
    config = yaml.safe_load(GITLAB.read_text(encoding="utf-8"))
    job = config["mlgrade"]
    assert job["variables"]["GIT_STRATEGY"] == "none" and config["variables"]["PYTHONSAFEPATH"] == "1"
    assert [rule["if"] for rule in job["rules"]] == [
        '$CI_PIPELINE_SOURCE == "merge_request_event" && $CI_MERGE_REQUEST_TARGET_BRANCH_NAME == $MLGRADE_BASE_BRANCH']
    lines = [*job["before_script"], *job["script"], *job["after_script"]]
    for line in lines:
        for call in re.findall(r"\S*\bpython3? [^\n|;&]*", line):
            assert re.match(r"(\.mlgrade-venv/bin/)?python -I ", call), call
        assert "python -c" not in line and "<<" not in line
    token = [line for line in lines if "MLGRADE_BANK_TOKEN" in line]
    assert len(token) == 1 and "git clone" in token[0] and token[0].endswith(" mlgrade-bank")
    assert any("rm -rf mlgrade-bank" in line for line in job["after_script"])


def test_packaged_templates_are_the_shipped_ones() -> None:
    packaged = ROOT / "grader" / "ci" / "templates"
    for name in ("github-workflow.yml", "gitlab-ci.yml"):
        assert filecmp.cmp(packaged / name, ROOT / "ci" / name, shallow=False)


def test_init_installs_the_workflow(tmp_path: Path) -> None:
    done = grade("init", tmp_path / "plain", "--from", ATTENTION / "scaled_dot_product", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "plain" / ".github/workflows/mlgrade.yml").read_text() == GITHUB.read_text()
    done = grade("init", tmp_path / "filled", "--from", ATTENTION / "scaled_dot_product", "--bank-repo", "acme/bank",
                 "--package", "mlgrade[bank] @ git+https://example.invalid/acme/mlgrade@v1", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    filled = yaml.safe_load((tmp_path / "filled" / ".github/workflows/mlgrade.yml").read_text())
    assert filled["env"]["MLGRADE_BANK_REPOSITORY"] == "acme/bank"
    assert filled["env"]["MLGRADE_PACKAGE"] == "mlgrade[bank] @ git+https://example.invalid/acme/mlgrade@v1"
    assert filled["jobs"] == github()["jobs"]
    assert git(tmp_path / "filled", "status", "--porcelain") == ""
    bad = grade("init", tmp_path / "bad", "--from", ATTENTION, "--bank-repo", "not a repo", cwd=tmp_path)
    assert bad.returncode == 2 and "OWNER/NAME" in bad.stderr
