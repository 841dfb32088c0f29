"""`grade validate`: prove an exercise before candidates see it (the Kattis `verifyproblem` idea).

Every check grades real submissions through the sandbox: the reference must pass every case, the
stub must fail, and every known-wrong variant must fail *and* be diagnosed with its own name.
"""

from __future__ import annotations

import ast
import copy
import dataclasses
import gc
import re
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any

from . import authoring
from .bank import Exercise, load_exercise
from .cases import Case, fingerprint, generate_cases
from .expected import BankCodeError
from .grading import candidate_files, grade_exercise
from .options import GradeOptions
from .results import ExerciseResult, Verdict

LIBRARY_FAMILIES = ("attention", "convolution", "ml_basics", "statistics")
MIN_WRONG = 2
CPU_SHARE = 0.2  # the reference may use at most this share of a case's time limit (in CPU time)
REPEATS = 3  # runs of a case whose first figure is near the limit share; the least counts
MUTANT_FLOOR = 0.95  # default share of non-equivalent mutants the cases must kill (`--mutant-floor`)


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
    family: str = ""
    checks: list[Check] = field(default_factory=list)
    mutation: dict[str, Any] | None = None  # with --mutants: score, counts, survivors

    @property
    def ok(self) -> bool:
        return all(check.ok for check in self.checks)

    def add(self, name: str, ok: bool, detail: str = "") -> bool:
        self.checks.append(Check(name, ok, detail))
        return ok


def validate_exercise(directory: Path, options: GradeOptions, progress: Callable[[str], None],
                      cancel: threading.Event, mutant_floor: float | None = None) -> Report:
    """Run every check on one exercise folder; a check that cannot run is reported as failed. With
    MUTANT_FLOOR, also grade the reference's mutants and require that share of them killed."""
    report = Report(path=str(directory))
    try:
        exercise = load_exercise(directory, options.bank)
    except Exception as exc:  # noqa: BLE001 - a broken exercise is a failed check, not a crash
        report.add("spec parses", False, str(exc))
        return report
    spec = exercise.spec
    report.id, report.family = spec.id, str(spec.family)
    report.add("spec parses", True)
    _check_id(exercise, report)
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
    report.add("cases deterministic", fingerprint(first) == fingerprint(second), _determinism(first, second))
    for case in first:
        case.time_limit = case.time_limit or spec.time_per_case
    report.add("visible and hidden cases", visible > 0 and visible < len(first),
               f"{visible} visible, {len(first) - visible} hidden")
    tied = _check_rules(exercise, first, report)
    if spec.weights:
        names = {c.name for c in first}
        unknown = [f"no case named “{name}”" for name, _weight in spec.weights if name not in names]
        report.add("case weights name cases", not unknown, "; ".join(unknown)
                   or f"{len(spec.weights)} weighted case(s), the others weigh 1")

    def grade(path: Path, label: str) -> ExerciseResult | None:
        progress(f"{spec.id}: {label}")
        try:
            return grade_exercise(exercise, candidate_files(exercise, path), options, cancel)
        except BankCodeError as exc:
            report.add(label, False, str(exc))
            return None

    _check_reference_time(exercise, first, report)
    reference = grade(exercise.reference_file, "reference passes")
    if reference is not None:
        failing = [f"{c.name}: {c.verdict.value} ({c.reason})" for c in reference.cases if c.verdict is not Verdict.PASSED]
        report.add("reference passes", not failing, "; ".join(failing[:3]) or f"{len(reference.cases)} cases")
    stub = grade(spec.candidate_file, "stub fails")
    if stub is not None:
        report.add("stub fails", not stub.passed and stub.verdict is not Verdict.UNGRADABLE, stub.verdict.value)
    for wrong in spec.wrong:
        label = f"wrong/{wrong.file} fails as “{wrong.misconception}”"
        if not exercise.wrong_file(wrong.file).is_file():
            report.add(label, False, f"file not found: {exercise.wrong_file(wrong.file)} (exercise.toml [[wrong]] "
                                     f"file = \"{wrong.file}\")")
            continue
        graded = grade(exercise.wrong_file(wrong.file), label)
        if graded is None:
            continue
        named = [c.misconception.name for c in graded.cases if c.misconception is not None]
        caught = not graded.passed and graded.verdict is not Verdict.UNGRADABLE
        detail = (f"{sum(c.verdict is not Verdict.PASSED for c in graded.cases)}/{len(graded.cases)} cases fail; "
                  f"diagnosed as: {', '.join(sorted(set(named))) or 'nothing'}")
        report.add(label, caught and wrong.misconception in named, detail)
        for rule in wrong.breaks:
            broken = sorted({c.name for c in graded.cases if c.verdict is not Verdict.PASSED} & set(tied.get(rule, ())))
            report.add(f"wrong/{wrong.file} fails a case of rule `{rule}`", bool(broken),
                       ", ".join(broken) or f"passes every case tied to `{rule}`")
    if mutant_floor is not None and not cancel.is_set():
        _check_mutants(exercise, options, progress, mutant_floor, report)
    return report


def _check_id(exercise: Exercise, report: Report) -> None:
    """The id is `family/name`: its family part is the spec's family, and its name the exercise's folder."""
    spec = exercise.spec
    family, _, name = spec.id.partition("/")
    problems = []
    if family != spec.family:
        problems.append(f"the id's family part “{family}” is not family = “{spec.family}”")
    if name != spec.directory.name:
        problems.append(f"the id's name “{name}” is not the exercise's folder “{spec.directory.name}”")
    report.add("id is family/folder", not problems, "; ".join(problems) or spec.id)


def _determinism(first: list[Case], second: list[Case]) -> str:
    """What the determinism check saw: the first case whose inputs differ between two runs with one seed."""
    if len(first) != len(second):
        return f"same seed → {len(first)} cases, then {len(second)}"
    for one, other in zip(first, second, strict=True):
        if fingerprint([one]) != fingerprint([other]):
            return f"case “{one.name}” has different inputs in two generations with the same seed"
    return "same seed → same inputs"


RULE_TAG = re.compile(r"<!--\s*rule:\s*([a-z0-9_-]+)\s*-->")


def statement_rules(text: str) -> list[tuple[str | None, str]]:
    """The rules of a statement: each top-level bullet of its edge-rules section (the section whose heading
    contains "Edge"), as (its `<!-- rule: TAG -->` tag or None, its first line)."""
    rules: list[tuple[str | None, str]] = []
    level = 0
    bullet: list[str] = []

    def close() -> None:
        if bullet:
            tag = RULE_TAG.search(" ".join(bullet))
            rules.append((tag.group(1) if tag else None, RULE_TAG.sub("", bullet[0]).strip()))
            bullet.clear()

    for line in text.splitlines():
        heading = re.match(r"^(#+)\s", line)
        if heading:
            close()
            if level and len(heading.group(1)) <= level:
                level = 0
            if "edge" in line.lower():
                level = len(heading.group(1))
            continue
        if not level:
            continue
        if line.startswith("- "):
            close()
            bullet.append(line)
        elif bullet and (line.startswith(" ") and line.strip()):
            bullet.append(line)
        else:
            close()
    close()
    return rules


def _check_rules(exercise: Exercise, cases: list[Case], report: Report) -> dict[str, list[str]]:
    """Every rule of the statement has a tag, and the case file ties each tag to at least one case
    (`RULES = {tag: [case names]}` in cases.py). Returns the ties."""
    from .cases import load_module

    statement = exercise.spec.directory / "README.md"
    rules = statement_rules(statement.read_text(encoding="utf-8")) if statement.is_file() else []
    module = load_module(exercise.cases_file, f"_mlgrade_rules_{abs(hash(exercise.cases_file))}")
    ties = getattr(module, "RULES", {})
    problems = []
    if not isinstance(ties, dict) or not all(isinstance(v, (list, tuple)) for v in ties.values()):
        report.add("every rule tied to a case", False, "cases.py: RULES must be a dict of tag → list of case names")
        return {}
    names = {c.name for c in cases}
    tags = [tag for tag, _line in rules if tag]
    problems += [f"untagged rule “{line[2:60]}…”" for tag, line in rules if tag is None]
    problems += [f"`{tag}` tagged twice" for tag in sorted({t for t in tags if tags.count(t) > 1})]
    problems += [f"`{tag}` tied to no case" for tag in tags if not ties.get(tag)]
    problems += [f"`{tag}` in RULES is not a rule of the statement" for tag in ties if tag not in tags]
    problems += [f"`{tag}`: no case named “{name}”" for tag, listed in ties.items() for name in listed
                 if name not in names]
    report.add("every rule tied to a case", bool(rules) and not problems,
               "; ".join(problems) or f"{len(rules)} rules, each tied to at least one case")
    return {tag: list(listed) for tag, listed in ties.items()}


def _check_reference_time(exercise: Exercise, cases: list[Case], report: Report) -> None:
    """The reference's CPU time on each case (the call alone, inputs copied beforehand), on the trusted
    side, must be at most CPU_SHARE of the case's limit: statements promise limits of at least 5× the
    reference's CPU time, so a correct answer a few times slower than the reference still fits."""
    from .expected import load_code, run_code

    try:
        reference = load_code(exercise, exercise.reference_file)
    except BankCodeError as exc:
        report.add("reference within 1/5 of each time limit", False, str(exc))
        return
    worst: tuple[float, str, float] = (0.0, "", 0.0)
    try:  # once untimed: first-call set-up (torch's, say) is not the reference's work, and the runner warms up too
        run_code(exercise, reference, cases[0])
    except Exception:  # noqa: BLE001 - reported by "reference passes"
        pass
    for case in cases:
        limit = case.time_limit or exercise.spec.time_per_case
        used = _cpu_seconds(exercise, reference, case)
        # The least of a few runs: a loaded machine (caches, frequency) inflates a single figure, never shrinks it.
        for _ in range(REPEATS - 1):
            if used is None or used <= CPU_SHARE * limit / 2:
                break
            again = _cpu_seconds(exercise, reference, case)
            used = used if again is None else min(used, again)
        if used is not None and used / limit > worst[0]:
            worst = (used / limit, case.name, limit)
    share, name, limit = worst
    detail = f"largest: {share:.1%} of the {limit:g} s limit ({name})" if name else "no case measured"
    report.add("reference within 1/5 of each time limit", share <= CPU_SHARE, detail)


def _cpu_seconds(exercise: Exercise, reference: ModuleType | str, case: Case) -> float | None:
    """CPU seconds of this thread for one call of the reference on a copy of CASE's inputs; None when it fails."""
    from .expected import run_code

    private = dataclasses.replace(case, args=copy.deepcopy(case.args), kwargs=copy.deepcopy(case.kwargs))
    gc.collect()
    gc.disable()  # a collection of this process's other data (cached cases of other exercises) is not the call's
    started = time.thread_time()  # this thread only: background threads (container removal) do not count
    try:
        run_code(exercise, reference, private, copied=True)
    except Exception:  # noqa: BLE001 - reported by "reference passes"
        return None
    finally:
        gc.enable()
    return time.thread_time() - started


def _check_mutants(exercise: Exercise, options: GradeOptions, progress: Callable[[str], None], floor: float,
                   report: Report) -> None:
    from .mutation import mutation_report

    mutation = mutation_report(exercise, options.bank, progress)
    scored = len(mutation.killed) + len(mutation.survived)
    report.mutation = {"score": mutation.score, "killed": len(mutation.killed), "survived": mutation.survived,
                       "equivalent": len(mutation.equivalent), "graded": mutation.total,
                       "generated": mutation.generated, "stale": mutation.stale}
    detail = (f"{mutation.score:.1%} killed ({len(mutation.killed)}/{scored}; {len(mutation.equivalent)} equivalent; "
              f"{mutation.total} of {mutation.generated} generated graded)")
    if mutation.survived:
        detail += "; survivors: " + ", ".join(mutation.survived)
    if mutation.stale:
        detail += "; listed as equivalent but not: " + ", ".join(mutation.stale)
    report.add(f"mutants killed ≥ {floor:.0%}", mutation.score >= floor and not mutation.stale, detail)


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


def family_scores(reports: list[Report]) -> list[dict[str, Any]]:
    """Per family: exercises, mutants killed / survived / equivalent, the pooled score and the lowest one."""
    rows: dict[str, dict[str, Any]] = {}
    for report in reports:
        if report.mutation is None:
            continue
        row = rows.setdefault(report.family, {"family": report.family, "exercises": 0, "killed": 0, "survived": 0,
                                              "equivalent": 0, "lowest": 1.0, "weakest": ""})
        row["exercises"] += 1
        row["killed"] += report.mutation["killed"]
        row["survived"] += len(report.mutation["survived"])
        row["equivalent"] += report.mutation["equivalent"]
        if report.mutation["score"] <= row["lowest"]:
            row["lowest"], row["weakest"] = report.mutation["score"], report.id
    for row in rows.values():
        scored = row["killed"] + row["survived"]
        row["score"] = row["killed"] / scored if scored else 1.0
    return list(rows.values())


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
