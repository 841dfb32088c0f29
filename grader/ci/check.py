"""`grade ci`: grade the exercises a submission branch changed, against the unmodified exercises of
its base, and write every CI artifact in one run.

1. base ref → merge-base of HEAD and the base (grader/ci/git.py);
2. the merge-base's tree is materialized in a temporary folder: its exercises (specs, statements and,
   when no bank is given, private parts) are the ones graded against — never the branch's own copies;
3. changed paths are split into candidate files (each exercise's `entrypoint.file`) and protected
   files (everything else): touching a protected file fails the check;
4. the candidate files are read from the HEAD commit (not the working tree, never through a link),
   graded, and the results document, JUnit XML, HTML report and Markdown summary are written.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .. import __version__
from ..bank import BankError, Exercise, discover, load_exercise
from ..errors import BankFault, UsageError
from ..grading import MAX_SOURCE_BYTES, Files, Unreadable, grade_exercises, source_files
from ..options import GradeOptions
from ..results import RunResult, to_document
from ..scrub import shown
from ..spec import ExerciseSpec, SpecError, load_spec
from . import git

REPORT_FILES = {"json": "results.json", "junit": "junit.xml", "html": "report.html", "markdown": "summary.md"}
PROTECTED_TITLE = "submission touched protected files"
CI_SUITE = "mlgrade ci"


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
         env: Mapping[str, str]) -> CiPlan:
    """Compare HEAD with its base, materialize the base tree in BASE_TREE and choose the exercises.
    Raises git.GitError, BankError or SpecError (usage errors)."""
    chosen = git.find_base(root, base, env)
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
    uncommitted = sorted(set(git.modified_tracked(root)) & {e.candidate_path for e in exercises})
    return CiPlan(root=root, base=chosen, merge_base=common, head=head, changed=changed, changes=changes,
                  exercises=exercises, selected=selected, graded_all=graded_all, uncommitted=uncommitted)


def _exercise(directory: Path, base_tree: Path, bank: Path | None) -> CiExercise:
    spec = load_spec(directory)
    if bank is not None and (bank / spec.id / "exercise.toml").is_file():
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
    return RunResult(exercises=results, started=started, finished=_now(), sandbox=options.sandbox,
                     tool_version=__version__)


def exit_status(plan_: CiPlan, run: RunResult) -> int:
    """The check's status: the run's (0/1/2), and at least 1 when protected files changed."""
    return max(run.exit_status, 1 if plan_.protected else 0)


def protected_problem(plan_: CiPlan) -> str:
    listed = ", ".join(plan_.protected[:20]) + (f" and {len(plan_.protected) - 20} more" if len(plan_.protected) > 20
                                                else "")
    return (f"{PROTECTED_TITLE}: {listed}. Only the solution files may change; this exercise was graded against "
            f"its unmodified version from {plan_.merge_base[:12]} (the merge-base with {plan_.base.ref}), and the "
            "CI check fails.")


def document(plan_: CiPlan, run: RunResult) -> dict[str, Any]:
    """The results document of the run, with the CI context (`ci`) and the protected-file problem."""
    data = to_document(run)
    if plan_.protected:
        for exercise in data["exercises"]:
            exercise["problems"].append(protected_problem(plan_))
    data["exit_status"] = exit_status(plan_, run)
    data["ci"] = {
        "base": plan_.base.ref,
        "base_source": plan_.base.source,
        "merge_base": plan_.merge_base,
        "head": plan_.head,
        "graded": "all" if plan_.graded_all else "changed",
        "changed_exercises": [e.spec.id for e in plan_.exercises if e.candidate_path in set(plan_.changes.candidate)],
        "protected_files": list(plan_.protected),
    }
    return data


def candidate_files(plan_: CiPlan) -> dict[str, str]:
    """Exercise id → its candidate file's path relative to the repository root."""
    return {e.spec.id: e.candidate_path for e in plan_.exercises}


_MD_SPECIAL = re.compile(r"[&<>\\`*_\[\]|~#!]")
_MD_ENTITIES = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}
def md(text: str) -> str:
    """Text as inert Markdown on one line."""
    return _MD_SPECIAL.sub(lambda m: _MD_ENTITIES.get(m.group(), "\\" + m.group()), shown(text))


def markdown_header(plan_: CiPlan, status: int) -> str:
    """The CI part of the Markdown summary: the outcome, what was compared, the protected files."""
    outcome = {0: "✅ passed", 1: "❌ failed", 2: "⚠️ ungradable"}[status]
    if plan_.protected:
        outcome += f" — {PROTECTED_TITLE}"
    lines = [f"## mlgrade CI check: {outcome}", "",
             f"Base **{md(plan_.base.ref)}** ({md(plan_.base.source)}) · merge-base {plan_.merge_base[:12]} · "
             f"HEAD {plan_.head[:12]}", ""]
    if plan_.graded_all:
        lines += [f"Graded every exercise ({len(plan_.selected)}), as asked (`--all`).", ""]
    elif plan_.selected:
        lines += ["Graded the exercises whose solution file changed since the merge-base: "
                  + ", ".join(md(e.spec.id) for e in plan_.selected) + ".", ""]
    else:
        lines += ["No exercise's solution file changed since the merge-base: nothing was graded.", ""]
    if plan_.protected:
        lines += ["> [!CAUTION]",
                  f"> **Submission touched protected files.** Only the solution files may change. The exercises were "
                  f"graded against their unmodified versions from the merge-base, and this check fails whatever the "
                  f"results. Changed protected files ({len(plan_.protected)}):"]
        lines += [f"> - {md(path)}" for path in plan_.protected[:50]]
        if len(plan_.protected) > 50:
            lines.append(f"> - … and {len(plan_.protected) - 50} more")
        lines.append("")
    return "\n".join(lines) + "\n"


def write_artifacts(plan_: CiPlan, data: dict[str, Any], out: Path, env: Mapping[str, str]) -> list[Path]:
    """results.json, junit.xml, report.html and summary.md in OUT; the summary is also appended to
    $GITHUB_STEP_SUMMARY when it is set. The document is validated against the schema first."""
    from reports import render_markdown, validate_document, write_reports

    validate_document(data, "the CI results document")
    out.mkdir(parents=True, exist_ok=True)
    paths = {key: out / name for key, name in REPORT_FILES.items()}
    paths["json"].write_text(json.dumps(data, indent=2, allow_nan=False) + "\n", encoding="utf-8")
    write_reports(data, html=paths["html"], junit=paths["junit"])
    if plan_.protected:
        paths["junit"].write_text(with_protected_suite(paths["junit"].read_text(encoding="utf-8"), plan_,
                                                       data["started"]), encoding="utf-8")
    # The header states the protected-file problem once; do not repeat it above every exercise's table.
    plain = {**data, "exercises": [{**e, "problems": [p for p in e["problems"] if not p.startswith(PROTECTED_TITLE)]}
                                   for e in data["exercises"]]}
    summary = markdown_header(plan_, data["exit_status"]) + "\n" + render_markdown(plain)
    paths["markdown"].write_text(summary, encoding="utf-8")
    written = list(paths.values())
    step_summary = env.get("GITHUB_STEP_SUMMARY")
    if step_summary:
        with open(step_summary, "a", encoding="utf-8") as handle:
            handle.write(summary + "\n")
        written.append(Path(step_summary))
    return written


def with_protected_suite(junit: str, plan_: CiPlan, timestamp: str) -> str:
    """The JUnit XML with one more suite, `mlgrade ci`, whose one case fails for the protected files
    (so that CI test reports show why the check failed even when every exercise passed)."""
    import xml.etree.ElementTree as ET

    root = ET.fromstring(junit)
    suite = ET.SubElement(root, "testsuite", {"name": CI_SUITE, "tests": "1", "failures": "1", "errors": "0",
                                              "skipped": "0", "timestamp": timestamp, "time": "0.000"})
    case = ET.SubElement(suite, "testcase", {"classname": CI_SUITE, "name": "only solution files changed",
                                             "time": "0.000"})
    failure = ET.SubElement(case, "failure", {"type": PROTECTED_TITLE, "message": protected_problem(plan_)[:1000]})
    failure.text = "\n".join(shown(path) for path in plan_.protected)
    for key in ("tests", "failures"):
        root.set(key, str(int(root.get(key, "0")) + 1))
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
