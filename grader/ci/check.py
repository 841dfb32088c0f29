"""`grade ci`: grade the exercises a submission branch changed, against the unmodified exercises of
its base, and write every CI artifact in one run.

1. base ref (in CI only the protected branch) → merge-base of HEAD and the base (grader/ci/git.py);
2. the merge-base's tree is materialized in a temporary folder: its exercises (specs, statements and,
   when no bank is given, private parts) are the ones graded against — never the branch's own copies;
3. changed paths are split into candidate files (each exercise's `entrypoint.file`) and protected
   files (everything else): touching a protected file fails the check;
4. the candidate files are read from the HEAD commit (not the working tree, never through a link),
   graded, and the results document is written with its JUnit XML, HTML report and Markdown summary
   (each rendered once by reports/ from the document) into a folder mlgrade owns (grader/files.py).

Exercise ids are checked and every bank path must stay inside the bank (grader/ci/bank_paths.py);
names from the branch enter the document through scrub.shown().
"""

from __future__ import annotations

import datetime as dt
import json
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .. import __version__
from ..bank import BankError, Exercise, discover, load_exercise
from ..errors import BankFault, UsageError
from ..files import OwnedFolder
from ..grading import MAX_SOURCE_BYTES, Files, Unreadable, grade_exercises, source_files
from ..options import GradeOptions
from ..results import RunResult, to_document
from ..scrub import shown
from ..spec import ExerciseSpec, SpecError, load_spec
from . import git
from .bank_paths import bank_folder, check_id, check_inside

REPORT_FILES = {"json": "results.json", "junit": "junit.xml", "html": "report.html", "markdown": "summary.md"}


@dataclass(frozen=True)
class CiExercise:
    """An exercise of the base revision and where its candidate file is in the repository."""

    spec: ExerciseSpec
    directory: Path  # in the materialized base tree
    relative: str  # the exercise folder, relative to the repository root (POSIX)

    @property
    def candidate_path(self) -> str:
        return f"{self.relative}/{self.spec.entrypoint.file}" if self.relative else self.spec.entrypoint.file


@dataclass
class CiPlan:
    """What `grade ci` compares and grades."""

    root: Path
    base: git.Base
    merge_base: str
    head: str
    changed: list[str]
    changes: git.Changes
    exercises: list[CiExercise]
    selected: list[CiExercise]
    graded_all: bool
    uncommitted: list[str] = field(default_factory=list)

    @property
    def protected(self) -> list[str]:
        return self.changes.protected


def plan(root: Path, base_tree: Path, base: str | None, graded_all: bool, bank: Path | None,
         env: Mapping[str, str], protected_branch: str = "main") -> CiPlan:
    """Compare HEAD with its base (in CI: PROTECTED_BRANCH only), materialize the base tree in BASE_TREE and
    choose the exercises. Raises GitError, BankError, SpecError or BankFault."""
    chosen = git.find_base(root, base, env, protected_branch)
    head = git.head(root)
    common = git.merge_base(root, head, chosen.sha)
    changed = git.changed_paths(root, common, head)
    git.export_tree(root, common, base_tree)
    try:
        directories = discover(base_tree)
    except BankError:
        raise UsageError(f"the base revision {common[:12]} (merge-base with {chosen.ref}) holds no exercise "
                         "(no exercise.toml): is this a submission repository made by `grade init`?") from None
    try:
        exercises = [_exercise(directory, base_tree, bank) for directory in directories]
    except SpecError as exc:  # name the file by revision, not by the temporary folder
        raise BankFault(str(exc).replace(f"{base_tree}/", f"{common[:12]}:")) from None
    changes = git.classify(changed, [e.candidate_path for e in exercises])
    touched = set(changes.candidate)
    selected = exercises if graded_all else [e for e in exercises if e.candidate_path in touched]
    missing = [e.spec.id for e in selected if bank is not None and not (bank / e.spec.id / "exercise.toml").is_file()]
    if missing:
        raise BankFault(f"the bank {bank} holds no exercise.toml for {', '.join(missing)}: in CI the bank's own spec "
                        "is the one graded against (`grade bank export` writes it)")
    uncommitted = sorted(set(git.modified_tracked(root)) & {e.candidate_path for e in exercises})
    return CiPlan(root=root, base=chosen, merge_base=common, head=head, changed=changed, changes=changes,
                  exercises=exercises, selected=selected, graded_all=graded_all, uncommitted=uncommitted)


def _exercise(directory: Path, base_tree: Path, bank: Path | None) -> CiExercise:
    spec = load_spec(directory)
    check_id(spec.id, f"{directory.relative_to(base_tree).as_posix()}/exercise.toml")
    if bank is not None and (bank_folder(bank, spec.id) / "exercise.toml").is_file():
        spec = load_spec(bank / spec.id)  # the bank's copy decides the entrypoint, as when grading
    entry = Path(spec.entrypoint.file)
    if entry.is_absolute() or ".." in entry.parts or "private" in entry.parts:
        raise BankFault(f"exercise {spec.id}: entrypoint.file {spec.entrypoint.file!r} must be a file in the "
                         "exercise folder, outside private/")
    relative = directory.relative_to(base_tree).as_posix()
    return CiExercise(spec=spec, directory=directory, relative="" if relative == "." else relative)


Progress = Callable[[str], None]


def grade(plan_: CiPlan, options: GradeOptions, progress: Progress, cancel: threading.Event) -> RunResult:
    """Grade the selected exercises of the base tree with the candidate's files from HEAD. Every exercise is
    loaded first, so that a broken spec or a missing private part is reported before anything runs."""
    started = _now()
    exercises = [load_exercise(item.directory, options.bank) for item in plan_.selected]
    if options.bank is not None:
        for exercise in exercises:
            check_inside(options.bank, exercise.private)
    paths = {exercise.spec.id: item.candidate_path for exercise, item in zip(exercises, plan_.selected, strict=True)}

    def files_for(exercise: Exercise) -> Files:
        path = paths[exercise.spec.id]
        blob = git.read_file(plan_.root, plan_.head, path, MAX_SOURCE_BYTES)
        if blob.data is None:
            return Unreadable(blob.problem, missing=blob.missing)
        return source_files(exercise, blob.data, f"{path} in commit {plan_.head[:12]}")

    results = grade_exercises(exercises, files_for, options, progress, cancel)
    for result, item in zip(results, plan_.selected, strict=True):
        result.path = item.relative or "."
    run = RunResult(exercises=results, started=started, finished=_now(), sandbox=options.sandbox,
                    tool_version=__version__)
    if options.assignment is not None:
        options.assignment.apply(run)
    return run


def exit_status(plan_: CiPlan, run: RunResult) -> int:
    """The check's status: the run's (0/1/2), and at least 1 when protected files changed."""
    return max(run.exit_status, 1 if plan_.protected else 0)


def document(plan_: CiPlan, run: RunResult) -> dict[str, Any]:
    """The results document of the run, with the CI context (`ci`); names from the branch pass shown()."""
    data = to_document(run)
    data["exit_status"] = exit_status(plan_, run)
    data["ci"] = {
        "base": shown(plan_.base.ref),
        "base_source": plan_.base.source,
        "merge_base": plan_.merge_base,
        "head": plan_.head,
        "graded": "assignment" if run.assignment is not None else "all" if plan_.graded_all else "changed",
        "changed_exercises": [e.spec.id for e in plan_.exercises if e.candidate_path in set(plan_.changes.candidate)],
        "protected_files": [shown(path, None) for path in plan_.protected],
    }
    return data


def candidate_files(plan_: CiPlan) -> dict[str, str]:
    """Exercise id → its candidate file's path relative to the repository root."""
    return {e.spec.id: e.candidate_path for e in plan_.exercises}


def default_out(root: Path) -> Path:
    """Where the reports go without --out: beside the checkout, never inside it."""
    return root.parent / f"{root.name}-mlgrade-report"


def report_folder(out: Path, root: Path) -> OwnedFolder:
    """OUT opened as a folder mlgrade owns (grader/files.py), before anything is graded: refused when it is a
    link, holds files mlgrade did not make, or (inside the checkout) lies behind a link."""
    return OwnedFolder(out, tuple(REPORT_FILES.values()), anchor=root)


def write_artifacts(data: dict[str, Any], folder: OwnedFolder, env: Mapping[str, str]) -> list[Path]:
    """results.json, junit.xml, report.html and summary.md in FOLDER, each rendered once from the document;
    the summary is also appended to $GITHUB_STEP_SUMMARY when it is set. The document is validated first."""
    from reports import render_html, render_junit, render_markdown, validate_document

    validate_document(data, "the CI results document")
    summary = render_markdown(data)
    written = [folder.write(REPORT_FILES["json"], json.dumps(data, indent=2, allow_nan=False) + "\n"),
               folder.write(REPORT_FILES["junit"], render_junit(data)),
               folder.write(REPORT_FILES["html"], render_html(data)),
               folder.write(REPORT_FILES["markdown"], summary)]
    step_summary = env.get("GITHUB_STEP_SUMMARY")
    if step_summary:
        with open(step_summary, "a", encoding="utf-8") as handle:
            handle.write(summary + "\n")
        written.append(Path(step_summary))
    return written


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
