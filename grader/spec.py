"""Read and check `exercise.toml`. The format is specified in docs/exercise-format.md."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sandbox.launcher import Limits
from sandbox.runner.invoke import KINDS

from .errors import SpecError

FAMILIES = ("attention", "convolution", "ml_basics", "statistics", "leetcode", "sql")
DIFFICULTIES = ("easy", "medium", "hard")
COMPARISONS = ("allclose", "exact", "unordered", "rows", "rows_ordered", "checker")
NAN_POLICIES = ("forbid", "match")


@dataclass(frozen=True)
class OutputSpec:
    """One named output and how it is compared with the reference."""

    name: str
    compare: str = "allclose"
    rtol: float | None = None
    atol: float | None = None
    nan: str = "forbid"
    dtype: str | None = None
    strict_dtype: bool = False


@dataclass(frozen=True)
class Entrypoint:
    """What the candidate implements and how a case calls it."""

    kind: str
    name: str
    file: str

    def as_wire(self, outputs: tuple[OutputSpec, ...]) -> dict[str, Any]:
        return {"kind": self.kind, "name": self.name, "file": self.file,
                "outputs": [o.name for o in outputs if o.name != "*"]}


@dataclass(frozen=True)
class WrongVariant:
    """A known-wrong submission in the private `wrong/` folder and the misconception it shows."""

    file: str
    misconception: str
    explanation: str


@dataclass(frozen=True)
class ExerciseSpec:
    """Everything `exercise.toml` says about one exercise."""

    id: str
    title: str
    family: str
    difficulty: str
    directory: Path
    entrypoint: Entrypoint
    outputs: tuple[OutputSpec, ...]
    time_per_case: float
    limits: Limits
    forbidden: tuple[str, ...]
    hints: tuple[str, ...]
    seed: int
    wrong: tuple[WrongVariant, ...]

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
                return OutputSpec(name=name, compare=spec.compare, rtol=spec.rtol, atol=spec.atol, nan=spec.nan,
                                  dtype=spec.dtype, strict_dtype=spec.strict_dtype)
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

    def tables(self, key: str, required: bool) -> list[_Fields]:
        value = self._get(key, list, "an array of tables", _REQUIRED if required else [])
        if required and not value:
            raise SpecError(self.path, self.prefix + key, "at least one entry")
        return [_Fields(self.path, item, f"{self.prefix}{key}[{i}].") for i, item in enumerate(value)]

    def only(self, *known: str) -> None:
        """Reject unknown fields (a typo like `rtoll` must not be silently ignored)."""
        for key in self.table:
            if key not in known:
                raise SpecError(self.path, self.prefix + key, f"a known field here ({', '.join(known)})", "unknown")

    def sub(self, key: str, required: bool) -> _Fields:
        return _Fields(self.path, self._get(key, dict, "a table", _REQUIRED if required else {}), f"{self.prefix}{key}.")


_REQUIRED = object()


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
    root.only("id", "title", "family", "difficulty", "forbidden", "hints", "entrypoint", "outputs", "limits",
              "cases", "wrong")
    entry = root.sub("entrypoint", required=True)
    entry.only("kind", "name", "file")
    kind = entry.text("kind", _REQUIRED, KINDS)
    default_file = "solution.sql" if kind == "sql" else "solution.py"
    entrypoint = Entrypoint(kind=kind, name=entry.text("name", "query" if kind == "sql" else _REQUIRED),
                            file=entry.text("file", default_file))
    outputs = tuple(_output(fields) for fields in root.tables("outputs", required=True))
    limits = root.sub("limits", required=False)
    limits.only("time_per_case", "memory_mb", "pids")
    cases = root.sub("cases", required=False)
    cases.only("seed")
    wrong = root.tables("wrong", required=False)
    for fields in wrong:
        fields.only("file", "misconception", "explanation")
    defaults = Limits()
    spec = ExerciseSpec(
        id=root.text("id", _REQUIRED),
        title=root.text("title", _REQUIRED),
        family=root.text("family", _REQUIRED, FAMILIES),
        difficulty=root.text("difficulty", _REQUIRED, DIFFICULTIES),
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
                                 explanation=w.text("explanation", _REQUIRED))
                    for w in wrong),
    )
    if Path(spec.entrypoint.file).name != spec.entrypoint.file:
        raise SpecError(path, "entrypoint.file", "a plain file name in the exercise folder", spec.entrypoint.file)
    return spec


def _output(fields: _Fields) -> OutputSpec:
    fields.only("name", "compare", "rtol", "atol", "nan", "dtype", "strict_dtype")
    return OutputSpec(
        name=fields.text("name", _REQUIRED),
        compare=fields.text("compare", "allclose", COMPARISONS),
        rtol=fields.number("rtol"),
        atol=fields.number("atol"),
        nan=fields.text("nan", "forbid", NAN_POLICIES),
        dtype=fields.text("dtype"),
        strict_dtype=fields.flag("strict_dtype", False),
    )
