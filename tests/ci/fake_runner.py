"""Run the shipped CI templates the way GitHub Actions and GitLab CI run them, on this machine.

The YAML is parsed with pyyaml and every `run:` step (GitHub) or script line (GitLab) is executed with
bash as the runner executes it: the same shell flags, working directory, environment and ordering rules
(`if: always()` / `!cancelled()` after a failure). What cannot run here is replaced by a stated fake:

- `actions/checkout` of the pull request's head: a fetch of the test's origin repository (all branches
  as origin/*, and the head as refs/pull/N/head) into the step's `path`, with HEAD detached at the head;
- `actions/checkout` of the bank: a copy of the test's bank folder into the step's `path`;
- `actions/setup-python`: a virtualenv over this machine's Python (it sees the installed dependencies;
  there is no network) put first on PATH; `pip install "$MLGRADE_PACKAGE"` installs a wheel of this tree;
- `actions/cache`: nothing (the sandbox image is already in the local engine);
- `actions/upload-artifact`: records the paths it would upload;
- GitLab: `apt-get` is a no-op (git is installed), the bank URL is redirected to a local bare repository
  with git's `url.<base>.insteadOf`, and the job image's `python -m venv` sees this machine's packages.

`${{ … }}` expressions are filled from a fixed table; an unknown one fails the test, so that a template
cannot use anything this runner does not model.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import stat
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from ci_support import IDENTITY, git
from support import ROOT

GITHUB = ROOT / "ci" / "github-workflow.yml"
GITLAB = ROOT / "ci" / "gitlab-ci.yml"
EXPRESSION = re.compile(r"\$\{\{\s*(.*?)\s*\}\}")
PASSTHROUGH = ("PATH", "LANG", "LC_ALL", "DOCKER_HOST", "DOCKER_CONFIG", "TMPDIR", "MLGRADE_GRADEBOOK",
               "MLGRADE_CACHE_DIR", "XDG_CACHE_HOME")


def build_wheel(target: Path) -> Path:
    """A wheel of this working tree (what `pip install "$MLGRADE_PACKAGE"` installs in the fake runs)."""
    source = target / "source"
    ignore = shutil.ignore_patterns(".git", "__pycache__", "*.egg-info", "build", "dist", "tests", ".venv")
    for name in ("grader", "sandbox", "reports", "ci", "docs"):
        shutil.copytree(ROOT / name, source / name, ignore=ignore)
    for name in ("pyproject.toml", "README.md"):
        shutil.copyfile(ROOT / name, source / name)
    # Build with this environment's setuptools when it can make wheels by itself (70.1 and later), which
    # needs no index; else in pip's isolated build environment.
    isolation = ["--no-build-isolation"] if _setuptools_builds_wheels() else []
    subprocess.run([sys.executable, "-I", "-m", "pip", "wheel", "--quiet", "--no-deps", *isolation,
                    "-w", str(target / "dist"), str(source)], check=True, cwd=target, capture_output=True)
    wheel, = (target / "dist").glob("mlgrade-*.whl")
    return wheel


def _setuptools_builds_wheels() -> bool:
    try:
        from setuptools.command import bdist_wheel  # noqa: F401 - present from setuptools 70.1 on
    except ImportError:
        return False
    return True


def python_venv(target: Path) -> Path:
    """A virtualenv over this machine's Python and packages (the runner's setup-python); returns its bin."""
    subprocess.run([sys.executable, "-I", "-m", "venv", "--system-site-packages", str(target)], check=True,
                   capture_output=True)
    return target / "bin"


def snapshot(top: Path, skip: tuple[Path, ...] = ()) -> dict[str, str]:
    """Every path under TOP with its kind and content digest (links by target, never followed)."""
    found: dict[str, str] = {}
    if not top.exists():
        return found
    for dirpath, dirnames, filenames in os.walk(top):
        here = Path(dirpath)
        dirnames[:] = [d for d in dirnames if here / d not in skip]
        for name in [*dirnames, *filenames]:
            path = here / name
            mode = path.lstat().st_mode
            if stat.S_ISLNK(mode):
                found[str(path)] = "link:" + os.readlink(path)
            elif stat.S_ISREG(mode):
                found[str(path)] = "file:" + hashlib.sha256(path.read_bytes()).hexdigest()
            else:
                found[str(path)] = "dir"
    return found


@dataclass
class StepRun:
    name: str
    kind: str  # "run", an action name, or "skipped"
    returncode: int = 0
    stdout: str = ""
    stderr: str = ""


@dataclass
class GithubRun:
    workspace: Path
    temp: Path
    steps: list[StepRun] = field(default_factory=list)
    uploaded: list[Path] = field(default_factory=list)
    triggered: bool = True
    snapshots: dict[str, dict[str, str]] = field(default_factory=dict)

    def step(self, words: str) -> StepRun:
        found = [s for s in self.steps if words in s.name]
        assert len(found) == 1, (words, [s.name for s in self.steps])
        return found[0]


@dataclass
class PullRequest:
    """What the runner knows of the event: the origin repository, the pull request's number, head and base."""

    origin: Path
    number: int
    head: str
    base: str = "main"


def github_trigger_matches(workflow: dict[str, Any], base: str) -> bool:
    """Whether `on: pull_request_target` (with its `branches` filter) fires for a pull request into BASE."""
    trigger = workflow.get("on", workflow.get(True))  # YAML 1.1 reads a bare `on` key as True
    target = trigger.get("pull_request_target") if isinstance(trigger, dict) else None
    if target is None and not (isinstance(trigger, list) and "pull_request_target" in trigger):
        return False
    branches = (target or {}).get("branches")
    return branches is None or base in branches


def run_github(home: Path, pr: PullRequest, bank: Path, python_bin: Path, wheel: Path,
               watch: Callable[[GithubRun, str], None] | None = None, force: bool = False) -> GithubRun:
    """Run the GitHub workflow for PR in a fresh runner under HOME. FORCE runs the job even when the
    trigger would not fire (to test what mlgrade itself does then)."""
    workflow: dict[str, Any] = yaml.safe_load(GITHUB.read_text(encoding="utf-8"))
    workspace, temp = home / "work" / "repo" / "repo", home / "work" / "_temp"
    workspace.mkdir(parents=True)
    temp.mkdir(parents=True)
    run = GithubRun(workspace, temp, triggered=github_trigger_matches(workflow, pr.base))
    if not run.triggered and not force:
        return run
    job, = workflow["jobs"].values()
    outputs: dict[str, dict[str, str]] = {}
    summary = temp / "step_summary"
    path = f"{python_bin}{os.pathsep}{os.environ['PATH']}"
    failed = False
    for number, step in enumerate(job["steps"]):
        name = step.get("name", step.get("uses", step.get("run", "")))
        condition = step.get("if")
        if failed and condition not in ("${{ always() }}", "${{ !cancelled() }}"):
            run.steps.append(StepRun(name, "skipped"))
            continue
        context = {"runner.temp": str(temp), "runner.os": "Linux", "github.workspace": str(workspace),
                   "github.event.pull_request.head.sha": pr.head,
                   "github.event.pull_request.number": str(pr.number),
                   "secrets.MLGRADE_BANK_TOKEN": "fake-bank-token", "always()": "true", "!cancelled()": "true"}
        context.update({f"env.{k}": str(v) for k, v in workflow.get("env", {}).items()})
        context.update({f"steps.{sid}.outputs.{k}": v for sid, values in outputs.items() for k, v in values.items()})

        def fill(value: Any, context: dict[str, str] = context) -> Any:
            if not isinstance(value, str):
                return value
            return EXPRESSION.sub(lambda m: context[m.group(1)], value)  # KeyError: an unmodelled expression

        if condition is not None:
            assert fill(condition) == "true"
        inputs = {k: fill(v) for k, v in step.get("with", {}).items()}
        if "uses" in step:
            action = step["uses"].split("@")[0]
            if action == "actions/checkout" and "repository" in inputs:
                assert inputs["token"] == "fake-bank-token" and inputs["persist-credentials"] is False
                shutil.copytree(bank, workspace / inputs["path"])
            elif action == "actions/checkout":
                assert inputs["ref"] == pr.head and inputs["fetch-depth"] == 0
                _checkout(workspace / inputs.get("path", ""), pr)
            elif action == "actions/upload-artifact":
                run.uploaded = [Path(p) for p in inputs["path"].split()]
            else:
                assert action in ("actions/setup-python", "actions/cache"), action
            run.steps.append(StepRun(name, action))
        else:
            output = temp / f"output-{number}"
            output.touch()
            env = {k: os.environ[k] for k in PASSTHROUGH if k in os.environ}
            env.update({k: str(fill(v)) for scope in (workflow, job, step) for k, v in scope.get("env", {}).items()})
            env.update(PATH=path, HOME=str(home), GITHUB_ACTIONS="true", CI="true", GITHUB_WORKSPACE=str(workspace),
                       RUNNER_TEMP=str(temp), RUNNER_OS="Linux", GITHUB_OUTPUT=str(output),
                       GITHUB_STEP_SUMMARY=str(summary), GITHUB_EVENT_NAME="pull_request_target",
                       GITHUB_BASE_REF=pr.base, GITHUB_HEAD_REF="candidate", COLUMNS="200",
                       MLGRADE_PACKAGE=str(wheel), PIP_NO_INDEX="1", PIP_NO_DEPS="1", **IDENTITY)
            cwd = Path(fill(step.get("working-directory", str(workspace))))
            done = subprocess.run(["bash", "--noprofile", "--norc", "-e", "-o", "pipefail", "-c", fill(step["run"])],
                                  cwd=cwd, env=env, capture_output=True, text=True, timeout=600)
            run.steps.append(StepRun(name, "run", done.returncode, done.stdout, done.stderr))
            failed = failed or done.returncode != 0
            if "id" in step:
                outputs[step["id"]] = dict(line.split("=", 1) for line in output.read_text().splitlines() if "=" in line)
        run.snapshots[name] = snapshot(home)
        if watch is not None:
            watch(run, name)
    return run


def _checkout(target: Path, pr: PullRequest) -> None:
    """actions/checkout with fetch-depth 0 of a pull request's head: no local branches, HEAD detached."""
    target.mkdir(parents=True, exist_ok=True)
    git(target, "init", "--quiet")
    git(target, "remote", "add", "origin", f"file://{pr.origin}")
    git(target, "fetch", "--quiet", "origin", "+refs/heads/*:refs/remotes/origin/*",
        f"+refs/pull/{pr.number}/head:refs/remotes/pull/{pr.number}/head")
    git(target, "-c", "advice.detachedHead=false", "checkout", "--quiet", "--detach", pr.head)


@dataclass
class GitlabRun:
    project: Path
    returncode: int
    after_returncode: int
    stdout: str
    stderr: str
    job: dict[str, Any]


def run_gitlab(builds: Path, pr: PullRequest, bank_repo: Path, wheel: Path, stale: Callable[[Path], None]) -> GitlabRun:
    """Run the GitLab job for merge request PR (iid = pr.number) with CI_PROJECT_DIR under BUILDS; STALE
    fills the project folder first (GIT_STRATEGY: none leaves whatever an earlier job left there)."""
    config: dict[str, Any] = yaml.safe_load(GITLAB.read_text(encoding="utf-8"))
    job = config["mlgrade"]
    project = builds / "group" / "submissions"
    project.mkdir(parents=True)
    stale(project)
    tools = builds.parent / "job-image-bin"
    tools.mkdir()
    (tools / "apt-get").write_text("#!/bin/sh\nexit 0\n")
    (tools / "python").write_text(
        "#!/bin/sh\n# the job image's python; its virtualenvs see this machine's packages (no network here)\n"
        'if [ "$1" = "-I" ] && [ "$2" = "-m" ] && [ "$3" = "venv" ]; then shift 3; '
        f'exec {sys.executable} -I -m venv --system-site-packages "$@"; fi\nexec {sys.executable} "$@"\n')
    for tool in tools.iterdir():
        tool.chmod(0o755)
    variables = {k: str(v) for k, v in {**config.get("variables", {}), **job.get("variables", {})}.items()}
    assert variables.pop("GIT_STRATEGY") == "none"
    for name in ("DOCKER_HOST", "DOCKER_TLS_CERTDIR", "DOCKER_TLS_VERIFY", "DOCKER_CERT_PATH"):
        variables.pop(name)  # the dind service's; this machine's engine is local
    bank_url = variables["MLGRADE_BANK_URL"].replace("https://", "https://oauth2:fake-bank-token@")
    env = {k: os.environ[k] for k in PASSTHROUGH if k in os.environ}
    env.update(variables)
    env.update(PATH=f"{tools}{os.pathsep}{os.environ['PATH']}", HOME=str(builds.parent / "home"), CI="true",
               GITLAB_CI="true", CI_PROJECT_DIR=str(project), CI_BUILDS_DIR=str(builds),
               CI_REPOSITORY_URL=f"file://{pr.origin}", CI_MERGE_REQUEST_IID=str(pr.number),
               CI_PIPELINE_SOURCE="merge_request_event", CI_MERGE_REQUEST_TARGET_BRANCH_NAME=pr.base,
               MLGRADE_BANK_TOKEN="fake-bank-token", MLGRADE_PACKAGE=str(wheel), PIP_NO_INDEX="1", PIP_NO_DEPS="1",
               GIT_CONFIG_COUNT="1", GIT_CONFIG_KEY_0=f"url.file://{bank_repo}.insteadOf", GIT_CONFIG_VALUE_0=bank_url,
               COLUMNS="200", **IDENTITY)
    (builds.parent / "home").mkdir(exist_ok=True)
    script = "\n".join([*job["before_script"], *job["script"]])
    done = subprocess.run(["bash", "--noprofile", "--norc", "-e", "-o", "pipefail", "-c", script], cwd=project,
                          env=env, capture_output=True, text=True, timeout=600)
    after = subprocess.run(["bash", "--noprofile", "--norc", "-e", "-c", "\n".join(job["after_script"])], cwd=project,
                           env=env, capture_output=True, text=True, timeout=60)
    return GitlabRun(project, done.returncode, after.returncode, done.stdout, done.stderr, job)
