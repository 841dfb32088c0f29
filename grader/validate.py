"""`grade validate`: prove an exercise before candidates see it (the Kattis `verifyproblem` idea).

Every check grades real submissions through the sandbox: the reference must pass every case, the
stub must fail, and every known-wrong variant must fail *and* be diagnosed with its own name.
"""

from __future__ import annotations

import ast
import re
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from . import authoring
from .bank import Exercise, load_exercise
from .cases import fingerprint, generate_cases
from .expected import BankCodeError
from .grading import candidate_files, grade_exercise
from .options import GradeOptions
from .results import ExerciseResult, Verdict

LIBRARY_FAMILIES = ("attention", "convolution", "ml_basics", "statistics")
MIN_WRONG = 2


@dataclass
class Check:
    """One named check and what it found."""

    name: str
    ok: bool
    detail: str = ""


@dataclass
class Report:
    """All checks of one exercise."""

    path: str
    id: str = ""
    checks: list[Check] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return all(check.ok for check in self.checks)

    def add(self, name: str, ok: bool, detail: str = "") -> bool:
        self.checks.append(Check(name, ok, detail))
        return ok


def validate_exercise(directory: Path, options: GradeOptions, progress: Callable[[str], None],
                      cancel: threading.Event) -> Report:
    """Run every check on one exercise folder; a check that cannot run is reported as failed."""
    report = Report(path=str(directory))
    try:
        exercise = load_exercise(directory, options.bank)
    except Exception as exc:  # noqa: BLE001 - a broken exercise is a failed check, not a crash
        report.add("spec parses", False, str(exc))
        return report
    spec = exercise.spec
    report.id = spec.id
    report.add("spec parses", True)
    _check_statement(exercise, report)
    report.add("hints", bool(spec.hints), f"{len(spec.hints)} hint(s)")
    if spec.family in LIBRARY_FAMILIES:
        report.add("forbidden APIs listed", bool(spec.forbidden), ", ".join(spec.forbidden) or "none listed")
    report.add("wrong variants", len(spec.wrong) >= MIN_WRONG, f"{len(spec.wrong)} (at least {MIN_WRONG})")
    _check_bank_imports(exercise, report)
    try:
        first, second = generate_cases(exercise.cases_file, spec.seed), generate_cases(exercise.cases_file, spec.seed)
    except Exception as exc:  # noqa: BLE001 - a failing generator is a failed check
        report.add("cases generate", False, f"{type(exc).__name__}: {exc}")
        return report
    visible = sum(not c.hidden for c in first)
    report.add("cases deterministic", fingerprint(first) == fingerprint(second), "same seed → same inputs")
    report.add("visible and hidden cases", visible > 0 and visible < len(first),
               f"{visible} visible, {len(first) - visible} hidden")

    def grade(path: Path, label: str) -> ExerciseResult | None:
        progress(f"{spec.id}: {label}")
        try:
            return grade_exercise(exercise, candidate_files(exercise, path), options, cancel)
        except BankCodeError as exc:
            report.add(label, False, str(exc))
            return None

    reference = grade(exercise.reference_file, "reference passes")
    if reference is not None:
        failing = [f"{c.name}: {c.verdict.value} ({c.reason})" for c in reference.cases if c.verdict is not Verdict.PASSED]
        report.add("reference passes", not failing, "; ".join(failing[:3]) or f"{len(reference.cases)} cases")
    stub = grade(spec.candidate_file, "stub fails")
    if stub is not None:
        report.add("stub fails", not stub.passed and stub.verdict is not Verdict.UNGRADABLE, stub.verdict.value)
    for wrong in spec.wrong:
        label = f"wrong/{wrong.file} fails as “{wrong.misconception}”"
        graded = grade(exercise.wrong_file(wrong.file), label)
        if graded is None:
            continue
        named = [c.misconception.name for c in graded.cases if c.misconception is not None]
        caught = not graded.passed and graded.verdict is not Verdict.UNGRADABLE
        detail = (f"{sum(c.verdict is not Verdict.PASSED for c in graded.cases)}/{len(graded.cases)} cases fail; "
                  f"diagnosed as: {', '.join(sorted(set(named))) or 'nothing'}")
        report.add(label, caught and wrong.misconception in named, detail)
    return report


def _check_statement(exercise: Exercise, report: Report) -> None:
    statement = exercise.spec.directory / "README.md"
    if not statement.is_file():
        report.add("statement", False, f"{statement} is missing")
        return
    text = statement.read_text(encoding="utf-8")
    names = [o.name for o in exercise.spec.outputs if o.name != "*"]
    unnamed = [n for n in names if n not in text]
    has_edges = re.search(r"^#+ .*edge", text, flags=re.IGNORECASE | re.MULTILINE) is not None
    problems = [f"does not name output(s) {', '.join(unnamed)}"] if unnamed else []
    if not has_edges:
        problems.append("has no 'Edge …' section stating the edge rules")
    report.add("statement", not problems, "; ".join(problems) or "names every output and has an edge-rules section")


def _check_bank_imports(exercise: Exercise, report: Report) -> None:
    problems = [f"{path.relative_to(exercise.private)}: {problem}" for path in sorted(exercise.private.rglob("*.py"))
                for problem in undeclared_imports(path)]
    report.add("bank imports", not problems, "; ".join(problems[:3]) or "from grader, only grader.authoring's names")


def undeclared_imports(path: Path) -> list[str]:
    """What a bank file imports from grader/ beyond the names grader.authoring declares (`__all__`)."""
    try:
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    except (OSError, UnicodeDecodeError, SyntaxError, ValueError) as exc:
        return [f"cannot be read: {type(exc).__name__}"]
    problems: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            problems += [f"imports {alias.name}" for alias in node.names if alias.name.split(".")[0] == "grader"]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and (node.module or "").split(".")[0] == "grader":
            if node.module != "grader.authoring":
                problems.append(f"imports from {node.module}")
            else:
                problems += [f"imports {alias.name} from grader.authoring" for alias in node.names
                             if alias.name not in authoring.__all__]
    return problems
