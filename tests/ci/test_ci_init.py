"""`grade init`: a submission repository with the public parts only, committed on main."""

from __future__ import annotations

from pathlib import Path

from ci_support import ATTENTION, git, grade
from support import EXERCISES


def test_init_copies_public_parts_only(tmp_path: Path) -> None:
    target = tmp_path / "submissions"
    done = grade("init", target, "--from", ATTENTION, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    files = set(git(target, "ls-files").splitlines())
    names = ("causal_self_attention", "multi_head", "scaled_dot_product")
    assert files == {".github/workflows/mlgrade.yml", ".gitignore", "README.md"} | {
        f"exercises/attention/{name}/{part}" for name in names for part in ("exercise.toml", "README.md", "solution.py")}
    assert not [p for p in target.rglob("*") if "private" in p.relative_to(target).parts]
    private = {p.read_bytes() for p in ATTENTION.rglob("*") if p.is_file() and "private" in p.parts}
    assert not [p for p in target.rglob("*") if p.is_file() and ".git" not in p.parts and p.read_bytes() in private]
    for name in names:
        for part in ("exercise.toml", "README.md", "solution.py"):
            assert (target / "exercises/attention" / name / part).read_bytes() == (ATTENTION / name / part).read_bytes()
    readme = (target / "README.md").read_text()
    assert "exercises/attention/scaled_dot_product/solution.py" in readme and "protected files" in readme
    assert "mlgrade-report/" in (target / ".gitignore").read_text()
    assert git(target, "symbolic-ref", "--short", "HEAD") == "main"
    assert len(git(target, "rev-list", "HEAD").splitlines()) == 1
    assert git(target, "status", "--porcelain", "--untracked-files=all") == ""
    assert "commit" in done.stdout and "on main" in done.stdout


def test_init_lays_out_every_family_by_id(tmp_path: Path) -> None:
    target = tmp_path / "all"
    done = grade("init", target, "--from", EXERCISES, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    files = set(git(target, "ls-files").splitlines())
    assert "exercises/sql/nth_highest_salary/solution.sql" in files
    stubs = {f for f in files if f.rsplit("/", 1)[-1] in ("solution.py", "solution.sql")}
    specs = [p for p in EXERCISES.rglob("exercise.toml") if "private" not in p.parts]
    assert len(stubs) == len(specs)
    assert not [f for f in files if "/private/" in f]


def test_init_refuses_a_non_empty_directory(tmp_path: Path) -> None:
    target = tmp_path / "taken"
    target.mkdir()
    (target / "notes.txt").write_text("mine")
    done = grade("init", target, "--from", ATTENTION, cwd=tmp_path)
    assert done.returncode == 2
    assert "not empty" in done.stderr and str(target) in done.stderr
    assert sorted(p.name for p in target.iterdir()) == ["notes.txt"]
    empty = tmp_path / "empty"
    empty.mkdir()
    assert grade("init", empty, "--from", ATTENTION / "multi_head", cwd=tmp_path).returncode == 0


def test_init_from_a_folder_without_exercises_is_a_usage_error(tmp_path: Path) -> None:
    done = grade("init", tmp_path / "x", "--from", tmp_path, cwd=tmp_path)
    assert done.returncode == 2 and "no exercise.toml" in done.stderr
    assert not (tmp_path / "x").exists()
