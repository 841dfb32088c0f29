"""`grade init DIR`: a new submission repository for candidates, made from the bank's public parts.

It holds, per exercise, `exercises/<id>/` with exercise.toml, README.md and the stub (as `grade reset`
finds it: never the working tree's solution) — never `private/` — plus the GitHub Actions workflow
(.github/workflows/mlgrade.yml), a README for candidates and a .gitignore, committed on `main` and ready
to push.
"""

from __future__ import annotations

import json
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

from ..bank import BankError
from ..errors import InitError, WorkflowError
from ..spec import ExerciseSpec, SpecError
from . import git
from .bank_paths import exercises_under

TEMPLATES = Path(__file__).parent / "templates"  # links to the top-level ci/*.yml, copied into wheels as files
WORKFLOW_PATH = Path(".github") / "workflows" / "mlgrade.yml"
PUBLIC_FILES = ("exercise.toml", "README.md")
_REPOSITORY = re.compile(r"^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+$")

GITIGNORE = """\
# caches of Python, Jupyter and editors
__pycache__/
*.py[cod]
.venv/
.ipynb_checkpoints/
.DS_Store
# written by mlgrade: `grade reset` backups, `grade ci` reports (marked .mlgrade-owned), CI folders
.backups/
.mlgrade-owned
mlgrade-report/
*-mlgrade-report/
.mlgrade-bank/
"""


@dataclass(frozen=True)
class Created:
    directory: Path
    exercises: list[ExerciseSpec]
    commit: str


def template(name: str) -> str:
    """A shipped CI template (ci/github-workflow.yml, ci/gitlab-ci.yml)."""
    path = TEMPLATES / name
    if not path.is_file():
        raise InitError(f"the CI template {name} is missing from this installation ({path})")
    return path.read_text(encoding="utf-8")


def workflow(bank_repository: str | None = None, package: str | None = None) -> str:
    """The GitHub workflow template, with the bank repository and the mlgrade package filled in."""
    text = template("github-workflow.yml")
    if bank_repository is not None:
        if not _REPOSITORY.match(bank_repository):
            raise InitError(f"--bank-repo {bank_repository!r}: expected OWNER/NAME")
        text = _set_env(text, "MLGRADE_BANK_REPOSITORY", bank_repository)
    if package is not None:
        if not package.strip() or any(c in package for c in "\r\n"):
            raise InitError("--package: expected one line, a pip requirement such as "
                            "'mlgrade[bank] @ git+https://github.com/ORG/mlgrade@v0.1.0'")
        text = _set_env(text, "MLGRADE_PACKAGE", package)
    return text


def _set_env(text: str, key: str, value: str) -> str:
    pattern = re.compile(rf"^(  {key}: ).*$", re.MULTILINE)
    if not pattern.search(text):
        raise InitError(f"the workflow template has no `{key}:` setting")
    return pattern.sub(lambda m: m.group(1) + json.dumps(value), text, count=1)  # JSON strings are YAML scalars


def _public_exercises(source: Path) -> list[ExerciseSpec]:
    try:
        specs = exercises_under(source)
    except (BankError, SpecError) as exc:
        raise InitError(str(exc)) from None
    for spec in specs:
        stub = Path(spec.entrypoint.file)
        if stub.is_absolute() or ".." in stub.parts or "private" in stub.parts:
            raise InitError(f"{spec.directory}: entrypoint.file {spec.entrypoint.file!r} must be a file in the "
                            "exercise folder, outside private/")
        for name in PUBLIC_FILES:
            if not (spec.directory / name).is_file():
                raise InitError(f"{spec.directory}: the public file {name} is missing")
    return specs


def stubs(specs: list[ExerciseSpec]) -> dict[str, str]:
    """Exercise id → the stub to ship, found as `grade reset` finds it (a pristine `<file>.stub`, else the file
    as committed at HEAD) — never the working tree's file, which may hold the operator's solution."""
    from ..workflow import find_stub

    found: dict[str, str] = {}
    for spec in specs:
        try:
            found[spec.id] = find_stub(spec).text
        except WorkflowError as exc:
            raise InitError(f"grade init ships stubs only, and {exc}") from None
    return found


def candidate_readme(specs: list[ExerciseSpec]) -> str:
    rows = "\n".join(f"| {spec.title} (`{spec.id}`) | {spec.difficulty} | "
                     f"[exercises/{spec.id}/{spec.entrypoint.file}](exercises/{spec.id}/{spec.entrypoint.file}) |"
                     for spec in specs)
    return f"""\
# Interview exercises

Each folder under `exercises/` is one exercise. Read its `README.md` (the statement: inputs,
outputs, edge rules, what is not allowed), then implement the function or query in its solution
file.

| exercise | difficulty | your file |
| --- | --- | --- |
{rows}

## How to submit

1. Fork this repository (you can read it, not push to it) and clone your fork.
2. Create a branch in your fork: `git switch -c solutions`.
3. Edit **only the solution files** listed above. Commit, push the branch to your fork and open a
   pull request against `main` of this repository.
4. The **mlgrade** check grades every exercise whose solution file you changed, in a locked-down
   container without network, on the visible cases and on hidden ones. The job summary shows a table
   per exercise (case, verdict, reason); the full HTML report is attached to the run as the
   `mlgrade-report` artifact. Push again to your branch to be graded again.

Verdicts: passed · wrong answer · runtime error · time limit · memory limit · output limit ·
forbidden API · not implemented · ungradable (an infrastructure fault, not your fault: re-run).

## Rules

- Change only the solution files. Changing anything else — a statement, an `exercise.toml`,
  `.github/`, or adding files (mlgrade's own `.backups/` and reports are ignored) — fails the check
  ("submission touched protected files"); the exercises are still graded, against their original
  versions.
- The APIs a statement forbids (for example a library's ready-made attention or softmax) are
  detected; using one fails the exercise.
- Hidden cases report their verdict, never their inputs or expected values.
"""


def create(directory: Path, source: Path, bank_repository: str | None = None, package: str | None = None) -> Created:
    """Make DIRECTORY a new submission repository from the exercises at or under SOURCE."""
    if directory.exists() and (not directory.is_dir() or any(directory.iterdir())):
        raise InitError(f"{directory} is not empty: grade init creates a new repository; pass a new or empty folder")
    specs = _public_exercises(source)
    shipped = stubs(specs)
    text = workflow(bank_repository, package)
    directory.mkdir(parents=True, exist_ok=True)
    for spec in specs:
        target = directory / "exercises" / spec.id
        target.mkdir(parents=True, exist_ok=True)
        for name in PUBLIC_FILES:
            shutil.copyfile(spec.directory / name, target / name)
        (target / spec.entrypoint.file).parent.mkdir(parents=True, exist_ok=True)
        (target / spec.entrypoint.file).write_text(shipped[spec.id], encoding="utf-8")
    (directory / WORKFLOW_PATH).parent.mkdir(parents=True, exist_ok=True)
    (directory / WORKFLOW_PATH).write_text(text, encoding="utf-8")
    (directory / "README.md").write_text(candidate_readme(specs), encoding="utf-8")
    (directory / ".gitignore").write_text(GITIGNORE, encoding="utf-8")
    try:
        commit = git.init_repository(directory, f"Exercises for candidates ({len(specs)}), made by `grade init`")
    except git.GitError as exc:
        raise InitError(f"the files are in {directory}, but the repository could not be made: {exc}") from None
    return Created(directory, specs, commit)
