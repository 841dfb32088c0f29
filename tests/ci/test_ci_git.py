"""`grade ci` plumbing without the sandbox: base detection, usage errors, change classification,
reading committed files and materializing the base revision."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from ci_support import ATTENTION, SDPA_FILE, SDPA_ID, clean_env, commit_all, git, grade, make_bank
from support import SDPA

from grader.bank import load_exercise
from grader.ci import git as ci
from grader.grading import MAX_SOURCE_BYTES, Unreadable, candidate_files, source_files


@pytest.fixture()
def repo(tmp_path: Path) -> Path:
    done = grade("init", tmp_path / "repo", "--from", ATTENTION / "scaled_dot_product", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    return tmp_path / "repo"


def test_classify_allows_only_candidate_files() -> None:
    changes = ci.classify(["b/solution.py", "b/README.md", ".github/workflows/x.yml", "a/solution.py", "a/solution.py"],
                          ["a/solution.py", "b/solution.py", "c/solution.sql"])
    assert changes.candidate == ["a/solution.py", "b/solution.py"]
    assert changes.protected == [".github/workflows/x.yml", "b/README.md"]


def test_default_base_order(repo: Path) -> None:
    env: dict[str, str] = {}
    assert ci.find_base(repo, None, env).ref == "main"
    git(repo, "branch", "-m", "main", "master")
    base = ci.find_base(repo, None, env)
    assert (base.ref, base.sha) == ("master", ci.head(repo))
    assert "`master`" in base.source
    git(repo, "update-ref", "refs/remotes/origin/trunk", "HEAD")
    git(repo, "symbolic-ref", "refs/remotes/origin/HEAD", "refs/remotes/origin/trunk")
    assert ci.find_base(repo, None, env).ref == "origin/trunk"
    assert "origin/HEAD" in ci.find_base(repo, None, env).source
    git(repo, "update-ref", "refs/remotes/origin/review", "HEAD")
    pr = ci.find_base(repo, None, {"GITHUB_BASE_REF": "review"})
    assert pr.ref == "origin/review" and "$GITHUB_BASE_REF" in pr.source
    assert ci.find_base(repo, "master", {"GITHUB_BASE_REF": "review"}).source == "--base"
    with pytest.raises(ci.GitError, match="names no commit"):
        ci.find_base(repo, "--upload-pack=touch /tmp/x", env)


def test_no_change_passes_and_says_which_base(repo: Path, tmp_path: Path) -> None:
    git(repo, "switch", "--quiet", "-c", "idle")
    commit_all(repo, "nothing")
    done = grade("ci", "--out", tmp_path / "out", cwd=repo)
    assert done.returncode == 0, done.stderr
    assert "base: main — the default branch: no usable origin/HEAD, `main` exists" in done.stdout
    assert "nothing to grade" in done.stdout
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [".mlgrade-owned", "junit.xml", "report.html",
                                                                    "results.json", "summary.md"]


def test_usage_errors_exit_2(repo: Path, tmp_path: Path) -> None:
    plain = tmp_path / "plain"
    plain.mkdir()
    done = grade("ci", cwd=plain)
    assert done.returncode == 2 and "not inside a git checkout" in done.stderr
    done = grade("ci", "--base", "no-such-branch", cwd=repo)
    assert done.returncode == 2 and "no-such-branch" in done.stderr
    git(repo, "branch", "-m", "main", "trunk")
    done = grade("ci", cwd=repo)
    assert done.returncode == 2 and "pass --base REF" in done.stderr
    done = grade("ci", "--base", "trunk", "--bank", tmp_path / "missing", cwd=repo)
    assert done.returncode == 2 and "is not a directory" in done.stderr


def test_usage_error_is_an_annotation_in_github_actions(repo: Path, tmp_path: Path) -> None:
    summary = tmp_path / "summary.md"
    done = grade("ci", "--base", "nope", cwd=repo, env=clean_env(GITHUB_ACTIONS="true", GITHUB_STEP_SUMMARY=str(summary)))
    assert done.returncode == 2
    assert summary.read_text().startswith("## mlgrade CI check: ⚠️ could not run (exit status 2)")
    lines = done.stdout.splitlines()
    token = lines[0].removeprefix("::stop-commands::")
    assert len(token) == 32 and lines[1] == f"::{token}::"
    assert lines[2].startswith(
        "::error title=mlgrade%3A the check could not run::--base 'nope': in CI the base is the protected branch 'main'")


def test_a_repository_without_exercises_is_a_usage_error(tmp_path: Path) -> None:
    repo = tmp_path / "empty"
    repo.mkdir()
    git(repo, "init", "--quiet")
    git(repo, "symbolic-ref", "HEAD", "refs/heads/main")
    (repo / "notes.txt").write_text("x")
    commit_all(repo, "no exercises")
    done = grade("ci", cwd=repo)
    assert done.returncode == 2 and "holds no exercise" in done.stderr


def test_shallow_clone_is_refused_with_a_hint(repo: Path, tmp_path: Path) -> None:
    git(repo, "switch", "--quiet", "-c", "work")
    (repo / SDPA_FILE).write_text("x = 1\n")
    commit_all(repo, "attempt")
    git(repo, "switch", "--quiet", "main")
    shallow = tmp_path / "shallow"
    git(tmp_path, "clone", "--quiet", "--depth", "1", "--branch", "work", f"file://{repo}", str(shallow))
    done = grade("ci", cwd=shallow)
    assert done.returncode == 2
    assert "shallow" in done.stderr and "fetch-depth: 0" in done.stderr


def test_the_branch_under_test_is_never_its_own_base(repo: Path, tmp_path: Path) -> None:
    git(repo, "switch", "--quiet", "-c", "work")
    commit_all(repo, "attempt")
    clone = tmp_path / "clone"
    git(tmp_path, "clone", "--quiet", "--branch", "work", f"file://{repo}", str(clone))
    assert git(clone, "symbolic-ref", "--short", "refs/remotes/origin/HEAD") == "origin/work"  # the remote's HEAD
    base = ci.find_base(clone, None, {})
    assert base.ref == "origin/main"
    git(clone, "switch", "--quiet", "-c", "main", "origin/main")
    assert ci.find_base(clone, None, {}).ref == "origin/work"  # on main, origin/HEAD is taken as it is


def test_missing_bank_part_of_a_changed_exercise_is_a_usage_error(repo: Path, tmp_path: Path) -> None:
    bank = make_bank(tmp_path / "bank", ATTENTION / "multi_head")  # no scaled_dot_product in it
    git(repo, "switch", "--quiet", "-c", "work")
    (repo / SDPA_FILE).write_text("x = 1\n")
    commit_all(repo, "attempt")
    done = grade("ci", "--bank", bank, "--sandbox", "local", cwd=repo)
    assert done.returncode == 2
    assert f"holds no exercise.toml for {SDPA_ID}" in done.stderr
    make_bank(bank, ATTENTION / "scaled_dot_product")
    (bank / SDPA_ID / "reference.py").unlink()
    done = grade("ci", "--bank", bank, "--sandbox", "local", cwd=repo)
    assert done.returncode == 2
    assert "private part" in done.stderr and "reference.py is missing" in done.stderr


def test_read_file_does_not_follow_links(repo: Path, tmp_path: Path) -> None:
    secret = tmp_path / "secret.py"
    secret.write_text("SECRET = 1\n")
    os.remove(repo / SDPA_FILE)
    os.symlink(secret, repo / SDPA_FILE)
    commit_all(repo, "link")
    blob = ci.read_file(repo, ci.head(repo), SDPA_FILE, MAX_SOURCE_BYTES)
    assert blob.data is None and "symbolic link" in blob.problem and not blob.missing
    assert ci.read_file(repo, ci.head(repo), "exercises/nope.py", MAX_SOURCE_BYTES).missing
    (repo / "big.py").write_bytes(b"#" * (MAX_SOURCE_BYTES + 1))
    commit_all(repo, "a big file")
    assert "larger than the 1024 KB" in ci.read_file(repo, ci.head(repo), "big.py", MAX_SOURCE_BYTES).problem


def test_committed_and_local_files_follow_the_same_source_rules(repo: Path, tmp_path: Path) -> None:
    """The size cap, UTF-8 and line-end rules are grading.source_files for a commit as for a file on disk."""
    exercise = load_exercise(SDPA)
    files = {"crlf.py": b"x = 1\r\ny = 2\r", "latin1.py": b"x = '\xe9'\n", "big.py": b"#" * (MAX_SOURCE_BYTES + 1)}
    for name, data in files.items():
        (repo / name).write_bytes(data)
        (tmp_path / name).write_bytes(data)
    commit_all(repo, "odd files")
    for name in ("crlf.py", "latin1.py", "big.py"):
        blob = ci.read_file(repo, ci.head(repo), name, MAX_SOURCE_BYTES)
        committed = source_files(exercise, blob.data, name) if blob.data is not None else Unreadable(blob.problem, False)
        local = candidate_files(exercise, tmp_path / name)
        if isinstance(local, Unreadable):
            assert isinstance(committed, Unreadable)
            assert committed.problem.split(" is ", 1)[1] == local.problem.split(" is ", 1)[1]
        else:
            assert committed == local == {"solution.py": "x = 1\ny = 2\n"}


def test_export_tree_writes_the_commit_not_the_working_tree(repo: Path, tmp_path: Path) -> None:
    first = ci.head(repo)
    (repo / SDPA_FILE).write_text("changed = True\n")
    commit_all(repo, "change")
    (repo / "untracked.txt").write_text("x")
    ci.export_tree(repo, first, tmp_path / "base")
    assert (tmp_path / "base" / SDPA_FILE).read_bytes() == (ATTENTION / "scaled_dot_product/solution.py").read_bytes()
    assert not (tmp_path / "base" / "untracked.txt").exists()
    assert ci.changed_paths(repo, first, ci.head(repo)) == [SDPA_FILE]
