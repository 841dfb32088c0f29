"""An assignment file (docs/assignment.md): a take-home's title and the exercises it grades, each worth
some points. `grade PATH`, `grade batch` and `grade ci` take one with `--assignment FILE`: only its exercises
are graded, and the run's score becomes Σ points × exercise score / Σ points.

Every problem with the file (not TOML, an unknown field, points that are not a positive number, an exercise
that is not there) is a usage error naming the file and the field.
"""

from __future__ import annotations

import math
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol, TypeVar

from .errors import UsageError
from .results import RunResult
from .spec import ExerciseSpec, SpecError, load_spec


class _HasSpec(Protocol):
    @property
    def spec(self) -> ExerciseSpec: ...


E = TypeVar("E", bound=_HasSpec)


@dataclass(frozen=True)
class Item:
    """One exercise of the assignment, by id, and its points; FIELD names its entry for error messages."""

    id: str
    points: float
    field: str


@dataclass(frozen=True)
class Assignment:
    """A take-home: its title and its exercises with their points, in the order the file lists them."""

    path: Path
    title: str
    items: tuple[Item, ...]

    @property
    def max_points(self) -> float:
        return sum(item.points for item in self.items)

    def select(self, exercises: Sequence[E], where: str) -> list[E]:
        """The assignment's exercises among EXERCISES (found at WHERE), in the assignment's order; a listed
        exercise that is not among them is a usage error naming the field."""
        by_id = {exercise.spec.id: exercise for exercise in exercises}
        for item in self.items:
            if item.id not in by_id:
                raise self.error(item.field, f"an exercise at or under {where}", item.id)
        return [by_id[item.id] for item in self.items]

    def apply(self, run: RunResult) -> None:
        """Record in RUN the assignment's title and each graded exercise's points."""
        points = {item.id: item.points for item in self.items}
        run.assignment = self.title
        for exercise in run.exercises:
            exercise.points = points[exercise.id]

    def error(self, field: str, expected: str, got: Any = None) -> UsageError:
        detail = f", got {got!r}" if got is not None else ""
        return UsageError(f"--assignment {self.path}: field `{field}`: expected {expected}{detail}")


def load_assignment(path: Path) -> Assignment:
    """Read and check an assignment file. An entry names its exercise by `id` or by `path` (an exercise
    folder, relative to the assignment file), never both."""
    empty = Assignment(path, "", ())
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise UsageError(f"--assignment {path} does not exist") from None
    except IsADirectoryError:
        raise UsageError(f"--assignment {path} is a folder: name an assignment file (assignment.toml)") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise empty.error("<file>", f"valid TOML ({exc})") from None
    _only(empty, raw, "", ("title", "exercises"))
    title = raw.get("title")
    if not isinstance(title, str) or not title.strip():
        raise empty.error("title", "a non-empty string" + ("" if "title" in raw else " (the field is missing)"),
                          title)
    entries = raw.get("exercises")
    if not isinstance(entries, list) or not entries:
        raise empty.error("exercises", "at least one [[exercises]] entry", entries)
    items, seen = [], set()
    for index, entry in enumerate(entries):
        prefix = f"exercises[{index}]."
        if not isinstance(entry, dict):
            raise empty.error(prefix.rstrip("."), "a table", entry)
        _only(empty, entry, prefix, ("id", "path", "points"))
        points = entry.get("points")
        if isinstance(points, bool) or not isinstance(points, (int, float)) or not 0 < points < math.inf:
            raise empty.error(prefix + "points", "a number > 0" + ("" if "points" in entry else
                                                                  " (the field is missing)"), points)
        field, exercise_id = _exercise_id(empty, entry, prefix, path.parent)
        if exercise_id in seen:
            raise empty.error(field, "each exercise listed once", exercise_id)
        seen.add(exercise_id)
        items.append(Item(exercise_id, float(points), field))
    return Assignment(path, title, tuple(items))


def _exercise_id(empty: Assignment, entry: dict[str, Any], prefix: str, folder: Path) -> tuple[str, str]:
    """The field naming the entry's exercise and the exercise's id."""
    if ("id" in entry) == ("path" in entry):
        raise empty.error(prefix + "id", "either `id` (an exercise id) or `path` (an exercise folder), not both")
    key = "id" if "id" in entry else "path"
    value = entry[key]
    if not isinstance(value, str) or not value.strip():
        raise empty.error(prefix + key, "a non-empty string", value)
    if key == "id":
        return prefix + key, value
    try:
        return prefix + key, load_spec(folder / value).id
    except SpecError:
        raise empty.error(prefix + key, "an exercise folder (holding exercise.toml), relative to the assignment "
                                        "file", value) from None


def _only(empty: Assignment, table: dict[str, Any], prefix: str, known: tuple[str, ...]) -> None:
    for key in table:
        if key not in known:
            raise empty.error(prefix + key, f"a known field here ({', '.join(known)})", "unknown")
