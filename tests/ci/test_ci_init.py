"""`grade init`: a submission repository with the public parts only, committed on main."""

from __future__ import annotations

import shutil
from pathlib import Path

from ci_support import ATTENTION, commit_all, git, grade
from support import EXERCISES


def test_init_copies_public_parts_only(tmp_path: Path) -> None:
    target = tmp_path / "submissions"
    done = grade("init", target, "--from", ATTENTION, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    files = set(git(target, "ls-files").splitlines())
    names = sorted(p.parent.name for p in ATTENTION.glob("*/exercise.toml"))
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
    assert {"mlgrade-report/", ".backups/"} <= set((target / ".gitignore").read_text().splitlines())
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


def test_init_ships_stubs_never_a_solved_working_tree(tmp_path: Path) -> None:
    """Issue #12, class 6: the operator's checkout holds a solution; the candidates' first commit must not."""
    sdpa = ATTENTION / "scaled_dot_product"
    stub, solution = (sdpa / "solution.py").read_bytes(), (sdpa / "private" / "reference.py").read_bytes()
    operator = tmp_path / "operator"
    exercise = operator / "exercises" / "attention" / "scaled_dot_product"
    shutil.copytree(sdpa, exercise)
    git(operator, "init", "--quiet")
    commit_all(operator, "exercises with their stubs")
    (exercise / "solution.py").write_bytes(solution)  # solved, not committed
    done = grade("init", tmp_path / "from-head", "--from", operator / "exercises", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    shipped = tmp_path / "from-head" / "exercises" / "attention" / "scaled_dot_product" / "solution.py"
    assert shipped.read_bytes() == stub
    assert not [f for f in (tmp_path / "from-head").rglob("*") if f.is_file() and solution in f.read_bytes()]

    commit_all(operator, "solved and committed")  # HEAD now holds the solution: a pristine .stub wins
    (exercise / "solution.py.stub").write_bytes(stub)
    done = grade("init", tmp_path / "from-stub", "--from", operator / "exercises", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "from-stub" / "exercises" / "attention" / "scaled_dot_product" / "solution.py").read_bytes() == stub

    plain = tmp_path / "plain" / "scaled_dot_product"  # no git, no .stub: refused, nothing created
    shutil.copytree(sdpa, plain)
    (plain / "solution.py").write_bytes(solution)
    done = grade("init", tmp_path / "refused", "--from", plain, cwd=tmp_path)
    assert done.returncode == 2 and "grade init ships stubs only" in done.stderr and "not in a git checkout" in done.stderr
    assert not (tmp_path / "refused").exists()


def test_init_gitignore_covers_what_mlgrade_writes(tmp_path: Path) -> None:
    target = tmp_path / "repo"
    assert grade("init", target, "--from", ATTENTION / "multi_head", cwd=tmp_path).returncode == 0
    solution = target / "exercises" / "attention" / "multi_head" / "solution.py"
    solution.write_text("x = 1\n")
    done = grade("reset", "attention/multi_head", "--root", target / "exercises", cwd=target)
    assert done.returncode == 0, done.stderr
    assert list((solution.parent / ".backups").iterdir())  # grade reset kept a backup...
    (target / "mlgrade-report").mkdir()
    (target / "mlgrade-report" / ".mlgrade-owned").write_text("")
    assert git(target, "status", "--porcelain", "--untracked-files=all") == ""  # ...that no commit picks up


def test_bank_export_writes_the_bank_by_id(tmp_path: Path) -> None:
    done = grade("bank", "export", tmp_path / "bank", "--from", ATTENTION, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    for name in ("causal_self_attention", "multi_head", "scaled_dot_product"):
        exported = tmp_path / "bank" / "attention" / name
        private = ATTENTION / name / "private"
        assert (exported / "exercise.toml").read_bytes() == (ATTENTION / name / "exercise.toml").read_bytes()
        expected = {p.relative_to(private) for p in private.rglob("*") if "__pycache__" not in p.parts}
        assert {p.relative_to(exported) for p in exported.rglob("*")} == expected | {Path("exercise.toml")}
    again = grade("bank", "export", tmp_path / "bank", "--from", ATTENTION, cwd=tmp_path)
    assert again.returncode == 2 and "is not empty" in again.stderr
    traversal = tmp_path / "evil" / "x"
    shutil.copytree(ATTENTION / "multi_head", traversal)
    spec = traversal / "exercise.toml"
    spec.write_text(spec.read_text().replace('id = "attention/multi_head"', 'id = "../../outside"'))
    done = grade("bank", "export", tmp_path / "bank2", "--from", tmp_path / "evil", cwd=tmp_path)
    assert done.returncode == 2 and "is not `family/name`" in done.stderr and not (tmp_path / "outside").exists()
