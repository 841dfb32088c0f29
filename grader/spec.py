"""Read and check `exercise.toml`. The format is specified in docs/exercise-format.md."""

from __future__ import annotations

import dataclasses
import difflib
import re
import tomllib
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any

from sandbox.launcher import Limits

from .errors import SpecError


class Family(StrEnum):
    """Exercise families, in their display order."""

    ATTENTION = "attention"
    CONVOLUTION = "convolution"
    ML_BASICS = "ml_basics"
    STATISTICS = "statistics"
    LEETCODE = "leetcode"
    SQL = "sql"


class Difficulty(StrEnum):
    EASY = "easy"
    MEDIUM = "medium"
    HARD = "hard"


class EntrypointKind(StrEnum):
    """How a case calls the submission (sandbox/runner/invoke.py implements each; a test keeps the two equal)."""

    FUNCTION = "function"
    METHOD = "method"
    OPS = "ops"
    TORCH_MODULE = "torch_module"
    SQL = "sql"


class Comparison(StrEnum):
    """How an output is compared (grader/compare.py `COMPARATORS`; `checker` is the bank's own)."""

    ALLCLOSE = "allclose"
    EXACT = "exact"
    UNORDERED = "unordered"
    ROWS = "rows"
    ROWS_ORDERED = "rows_ordered"
    CHECKER = "checker"


class NanPolicy(StrEnum):
    FORBID = "forbid"
    MATCH = "match"


class OutputType(StrEnum):
    """The declared type of an output, enforced before the values are compared (grader/compare.py `TYPE_CHECKS`).
    `int`, `float`, `bool`, `str`: a scalar of exactly that kind (a whole float is not an int, 1 is not True);
    `array`: an array (or a nested list of numbers) whose element kind is `kind`; `list`: a (nested) list whose
    leaves are `kind` or None;
    `rows`: an SQL result set; `any`: not checked (the comparison alone decides)."""

    INT = "int"
    FLOAT = "float"
    BOOL = "bool"
    STR = "str"
    ARRAY = "array"
    LIST = "list"
    ROWS = "rows"
    ANY = "any"


class ScalarKind(StrEnum):
    """Element kind of an `array` or `list` output."""

    INT = "int"
    FLOAT = "float"
    BOOL = "bool"
    STR = "str"


# Registries: what each kind of entrypoint defaults to (a new kind is one entry here and one in invoke.py).
DEFAULT_FILE: dict[EntrypointKind, str] = {kind: "solution.py" for kind in EntrypointKind} | {
    EntrypointKind.SQL: "solution.sql"}
DEFAULT_NAME: dict[EntrypointKind, str | None] = {kind: None for kind in EntrypointKind} | {
    EntrypointKind.SQL: "query"}
# The output type a comparison implies when the spec does not declare one.
DEFAULT_TYPE: dict[Comparison, OutputType] = {
    Comparison.ALLCLOSE: OutputType.ANY, Comparison.EXACT: OutputType.ANY, Comparison.UNORDERED: OutputType.LIST,
    Comparison.ROWS: OutputType.ROWS, Comparison.ROWS_ORDERED: OutputType.ROWS, Comparison.CHECKER: OutputType.ANY}

FAMILIES = tuple(Family)
DIFFICULTIES = tuple(Difficulty)
COMPARISONS = tuple(Comparison)
NAN_POLICIES = tuple(NanPolicy)


@dataclass(frozen=True)
class OutputSpec:
    """One named output: its declared type and how it is compared with the reference.

    `float32_rtol`/`float32_atol`: the tolerance a float32 answer gets instead of rtol/atol, only when
    the statement says float32 answers are accepted (no silent widening)."""

    name: str
    compare: Comparison = Comparison.ALLCLOSE
    rtol: float | None = None
    atol: float | None = None
    nan: NanPolicy = NanPolicy.FORBID
    dtype: str | None = None
    strict_dtype: bool = False
    type: OutputType = OutputType.ANY
    kind: ScalarKind | None = None
    float32_rtol: float | None = None
    float32_atol: float | None = None


@dataclass(frozen=True)
class Entrypoint:
    """What the candidate implements and how a case calls it."""

    kind: EntrypointKind
    name: str
    file: str
    inputs_unchanged: bool = False

    def as_wire(self, outputs: tuple[OutputSpec, ...]) -> dict[str, Any]:
        wire: dict[str, Any] = {"kind": str(self.kind), "name": self.name, "file": self.file,
                                "outputs": [o.name for o in outputs if o.name != "*"]}
        if self.inputs_unchanged:
            wire["check_inputs"] = True  # the runner adds a digest of the inputs after the call
        return wire


@dataclass(frozen=True)
class WrongVariant:
    """A known-wrong submission in the private `wrong/` folder and the misconception it shows."""

    file: str
    misconception: str
    explanation: str
    breaks: tuple[str, ...] = ()


@dataclass(frozen=True)
class EquivalentMutant:
    """A mutant of the reference that no correct grader can tell apart from it, and why."""

    mutant: str
    reason: str


@dataclass(frozen=True)
class ExerciseSpec:
    """Everything `exercise.toml` says about one exercise."""

    id: str
    title: str
    family: Family
    difficulty: Difficulty
    directory: Path
    entrypoint: Entrypoint
    outputs: tuple[OutputSpec, ...]
    time_per_case: float
    limits: Limits
    forbidden: tuple[str, ...]
    hints: tuple[str, ...]
    seed: int
    wrong: tuple[WrongVariant, ...]
    equivalent: tuple[EquivalentMutant, ...] = ()
    max_mutants: int | None = None  # mutants graded by `grade validate --mutants` (docs/mutation.md)
    tags: tuple[str, ...] = ()  # topic, source course and skills, lower-case words joined by hyphens
    solve_minutes: int | None = None  # estimated solve time of a prepared candidate
    weights: tuple[tuple[str, float], ...] = ()  # [cases] weights: case name → weight (> 0); unlisted cases weigh 1

    def weight(self, case: str) -> float:
        """The weight of a case in the exercise's score: its `[cases] weights` entry, else 1."""
        return dict(self.weights).get(case, 1.0)

    @property
    def candidate_file(self) -> Path:
        return self.directory / self.entrypoint.file

    def output(self, name: str) -> OutputSpec:
        """The comparison spec of an output; `*` in the spec is the default for unlisted names."""
        for spec in self.outputs:
            if spec.name == name:
                return spec
        for spec in self.outputs:
            if spec.name == "*":
                return dataclasses.replace(spec, name=name)
        raise KeyError(name)


class _Fields:
    """Typed access to a TOML table that reports the dotted field name on error."""

    def __init__(self, path: Path, table: Any, prefix: str = "") -> None:
        if not isinstance(table, dict):
            raise SpecError(path, prefix.rstrip(".") or "<root>", "a table", table)
        self.path, self.table, self.prefix = path, table, prefix

    def _get(self, key: str, kind: type | tuple[type, ...], expected: str, default: Any) -> Any:
        if key not in self.table:
            if default is _REQUIRED:
                raise SpecError(self.path, self.prefix + key, f"{expected} (the field is missing)")
            return default
        value = self.table[key]
        if isinstance(value, bool) and bool not in (kind if isinstance(kind, tuple) else (kind,)):
            raise SpecError(self.path, self.prefix + key, expected, value)
        if not isinstance(value, kind):
            raise SpecError(self.path, self.prefix + key, expected, value)
        return value

    def text(self, key: str, default: Any = None, choices: tuple[str, ...] | None = None) -> Any:
        expected = f"one of {', '.join(choices)}" if choices else "a non-empty string"
        value = self._get(key, str, expected, default)
        if value is not default and (not value.strip() or (choices and value not in choices)):
            raise SpecError(self.path, self.prefix + key, expected, value)
        return value

    def number(self, key: str, default: Any = None, minimum: float = 0.0) -> Any:
        value = self._get(key, (int, float), f"a number ≥ {minimum:g}", default)
        if value is not default and value < minimum:
            raise SpecError(self.path, self.prefix + key, f"a number ≥ {minimum:g}", value)
        return value

    def integer(self, key: str, default: Any = None) -> Any:
        return self._get(key, int, "an integer", default)

    def flag(self, key: str, default: bool) -> bool:
        return bool(self._get(key, bool, "true or false", default))

    def strings(self, key: str) -> tuple[str, ...]:
        value = self._get(key, list, "a list of strings", [])
        if not all(isinstance(item, str) and item for item in value):
            raise SpecError(self.path, self.prefix + key, "a list of non-empty strings", value)
        return tuple(value)

    def weights(self, key: str) -> tuple[tuple[str, float], ...]:
        """A table of names to positive numbers (`[cases] weights`), in the order written."""
        value = self._get(key, dict, "a table of case names to weights", {})
        for name, weight in value.items():
            if isinstance(weight, bool) or not isinstance(weight, (int, float)) or not weight > 0 \
                    or weight == float("inf"):
                raise SpecError(self.path, f'{self.prefix}{key}."{name}"', "a weight > 0 (a number)", weight)
        return tuple((name, float(weight)) for name, weight in value.items())

    def tables(self, key: str, required: bool) -> list[_Fields]:
        value = self._get(key, list, "an array of tables", _REQUIRED if required else [])
        if required and not value:
            raise SpecError(self.path, self.prefix + key, "at least one entry")
        return [_Fields(self.path, item, f"{self.prefix}{key}[{i}].") for i, item in enumerate(value)]

    def only(self, *known: str) -> None:
        """Reject unknown fields (a typo like `rtoll` must not be silently ignored), suggesting the closest one."""
        for key in self.table:
            if key not in known:
                close = difflib.get_close_matches(key, known, n=1, cutoff=0.6)
                hint = f"; did you mean `{close[0]}`?" if close else ""
                raise SpecError(self.path, self.prefix + key, f"a known field here ({', '.join(known)}), not an "
                                                              f"unknown one{hint}")

    def sub(self, key: str, required: bool) -> _Fields:
        return _Fields(self.path, self._get(key, dict, "a table", _REQUIRED if required else {}), f"{self.prefix}{key}.")


_REQUIRED = object()
TAG = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")


def load_spec(directory: Path) -> ExerciseSpec:
    """Parse `DIRECTORY/exercise.toml`; raise SpecError naming the field on any problem."""
    path = directory / "exercise.toml"
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise SpecError(path, "<file>", "an exercise.toml in the exercise folder") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise SpecError(path, "<file>", f"valid TOML ({exc})") from None
    root = _Fields(path, raw)
    root.only("id", "title", "family", "difficulty", "tags", "solve_minutes", "forbidden", "hints", "entrypoint",
              "outputs", "limits", "cases", "wrong", "mutants")
    entry = root.sub("entrypoint", required=True)
    entry.only("kind", "name", "file", "inputs_unchanged")
    kind = EntrypointKind(entry.text("kind", _REQUIRED, tuple(EntrypointKind)))
    default_name = DEFAULT_NAME[kind]
    entrypoint = Entrypoint(kind=kind, name=entry.text("name", _REQUIRED if default_name is None else default_name),
                            file=entry.text("file", DEFAULT_FILE[kind]),
                            inputs_unchanged=entry.flag("inputs_unchanged", False))
    outputs = tuple(_output(fields) for fields in root.tables("outputs", required=True))
    limits = root.sub("limits", required=False)
    limits.only("time_per_case", "memory_mb", "pids")
    cases = root.sub("cases", required=False)
    cases.only("seed", "weights")
    wrong = root.tables("wrong", required=False)
    for fields in wrong:
        fields.only("file", "misconception", "explanation", "breaks")
    mutants = root.sub("mutants", required=False)
    mutants.only("max", "equivalent")
    equivalent = mutants.tables("equivalent", required=False)
    for fields in equivalent:
        fields.only("mutant", "reason")
    defaults = Limits()
    spec = ExerciseSpec(
        id=root.text("id", _REQUIRED),
        title=root.text("title", _REQUIRED),
        family=Family(root.text("family", _REQUIRED, FAMILIES)),
        difficulty=Difficulty(root.text("difficulty", _REQUIRED, DIFFICULTIES)),
        directory=directory,
        entrypoint=entrypoint,
        outputs=outputs,
        time_per_case=float(limits.number("time_per_case", 2.0, minimum=0.01)),
        limits=Limits(memory_mb=int(limits.number("memory_mb", defaults.memory_mb, minimum=64)),
                      pids=int(limits.number("pids", defaults.pids, minimum=8))),
        forbidden=root.strings("forbidden"),
        hints=root.strings("hints"),
        seed=cases.integer("seed", 0),
        wrong=tuple(WrongVariant(file=w.text("file", _REQUIRED), misconception=w.text("misconception", _REQUIRED),
                                 explanation=w.text("explanation", _REQUIRED), breaks=w.strings("breaks"))
                    for w in wrong),
        equivalent=tuple(EquivalentMutant(mutant=e.text("mutant", _REQUIRED), reason=e.text("reason", _REQUIRED))
                         for e in equivalent),
        max_mutants=mutants.integer("max", None),
        tags=root.strings("tags"),
        solve_minutes=root.integer("solve_minutes", None),
        weights=cases.weights("weights"),
    )
    for tag in spec.tags:
        if not TAG.fullmatch(tag):
            raise SpecError(path, "tags", "lower-case words of letters and digits joined by hyphens (\"cs231n\", "
                                          "\"dynamic-programming\")", tag)
    if spec.solve_minutes is not None and not 1 <= spec.solve_minutes <= 240:
        raise SpecError(path, "solve_minutes", "an integer from 1 to 240", spec.solve_minutes)
    if spec.max_mutants is not None and spec.max_mutants < 1:
        raise SpecError(path, "mutants.max", "an integer ≥ 1", spec.max_mutants)
    if Path(spec.entrypoint.file).name != spec.entrypoint.file:
        raise SpecError(path, "entrypoint.file", "a plain file name in the exercise folder", spec.entrypoint.file)
    return spec


def _output(fields: _Fields) -> OutputSpec:
    fields.only("name", "compare", "rtol", "atol", "nan", "dtype", "strict_dtype", "type", "kind", "float32_rtol",
                "float32_atol")
    compare = Comparison(fields.text("compare", "allclose", COMPARISONS))
    declared = OutputType(fields.text("type", DEFAULT_TYPE[compare], tuple(OutputType)))
    kind = fields.text("kind", None, tuple(ScalarKind))
    if kind is not None and declared not in (OutputType.ARRAY, OutputType.LIST):
        raise SpecError(fields.path, fields.prefix + "kind", "only with type = \"array\" or \"list\"", kind)
    spec = OutputSpec(
        name=fields.text("name", _REQUIRED),
        compare=compare,
        rtol=fields.number("rtol"),
        atol=fields.number("atol"),
        nan=NanPolicy(fields.text("nan", "forbid", NAN_POLICIES)),
        dtype=fields.text("dtype"),
        strict_dtype=fields.flag("strict_dtype", False),
        type=declared,
        kind=ScalarKind(kind) if kind is not None else None,
        float32_rtol=fields.number("float32_rtol"),
        float32_atol=fields.number("float32_atol"),
    )
    if (spec.float32_rtol is None) != (spec.float32_atol is None):
        raise SpecError(fields.path, fields.prefix + "float32_atol", "float32_rtol and float32_atol set together")
    return spec
