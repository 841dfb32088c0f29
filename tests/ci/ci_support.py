"""Helpers of the CI tests: real git repositories in tmp_path, a bank laid out by exercise id, and
the real `grade` CLI run inside a repository."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

from support import EXERCISES, ROOT

ATTENTION = EXERCISES / "attention"
SDPA_ID = "attention/scaled_dot_product"
SDPA_FILE = f"exercises/{SDPA_ID}/solution.py"
SCHEMA = json.loads((ROOT / "docs" / "results-schema.json").read_text(encoding="utf-8"))
# CI variables of a CI run of this test suite must not leak into the grade ci runs under test.
CI_VARIABLES = ("CI", "GITLAB_CI", "GITHUB_ACTIONS", "GITHUB_BASE_REF", "GITHUB_STEP_SUMMARY",
                "CI_MERGE_REQUEST_TARGET_BRANCH_NAME", "MLGRADE_BANK", "GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE")
IDENTITY = {"GIT_AUTHOR_NAME": "Candidate", "GIT_AUTHOR_EMAIL": "candidate@example.invalid",
            "GIT_COMMITTER_NAME": "Candidate", "GIT_COMMITTER_EMAIL": "candidate@example.invalid"}


def clean_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in CI_VARIABLES}
    env["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}"  # the `grade` script
    # `python -m grader` in a repository under tmp_path imports this tree's grader, not another installed copy.
    env["PYTHONPATH"] = str(ROOT)
    return {**env, "COLUMNS": "200", **IDENTITY, **extra}


def grade(*args: str | Path, cwd: Path, env: dict[str, str] | None = None,
          timeout: float = 300) -> subprocess.CompletedProcess[str]:
    """The real `grade` CLI, run in CWD."""
    return subprocess.run([sys.executable, "-m", "grader", *map(str, args)], capture_output=True, text=True,
                          cwd=cwd, env=env or clean_env(), timeout=timeout)


def git(repo: Path, *args: str) -> str:
    done = subprocess.run(["git", "-C", str(repo), *args], capture_output=True, text=True, env=clean_env())
    assert done.returncode == 0, f"git {' '.join(args)}: {done.stderr}"
    return done.stdout.strip()


def make_bank(target: Path, source: Path = ATTENTION, with_specs: bool = True) -> Path:
    """A bank laid out by exercise id: <bank>/<family>/<name>/{exercise.toml, reference.py, cases.py, wrong/}."""
    for spec in sorted(source.rglob("exercise.toml")):
        if "private" in spec.relative_to(source).parts:
            continue
        exercise = spec.parent
        destination = target / exercise.parent.name / exercise.name
        shutil.copytree(exercise / "private", destination)
        if with_specs:
            shutil.copyfile(spec, destination / "exercise.toml")
    return target


def commit_all(repo: Path, message: str) -> None:
    git(repo, "add", "--all")
    git(repo, "commit", "--quiet", "--allow-empty", "-m", message)


def annotation_lines(stdout: str) -> list[str]:
    return [line for line in stdout.splitlines() if line.startswith("::error") or line.startswith("::notice")]


def load_results(out: Path) -> dict[str, Any]:
    document: dict[str, Any] = json.loads((out / "results.json").read_text(encoding="utf-8"))
    return document
