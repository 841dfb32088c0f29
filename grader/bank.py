"""Find exercises under a path and the private parts (reference, cases, wrong variants) of each.

Private parts live in `<exercise>/private/` or, so that a candidate's repository need not hold
them, in a separate bank directory laid out by exercise id: `<bank>/<id>/` (`--bank DIR` or the
MLGRADE_BANK environment variable). When the bank holds an `exercise.toml` for the id, that copy
is authoritative: a candidate cannot loosen tolerances by editing their own.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from pathlib import Path

from .errors import BankError
from .spec import ExerciseSpec, SpecError, load_spec

BANK_ENV = "MLGRADE_BANK"


@dataclass(frozen=True)
class Exercise:
    """A loaded exercise: its spec and where its private parts are."""

    spec: ExerciseSpec
    private: Path

    @property
    def reference_file(self) -> Path:
        return self.private / ("reference.sql" if self.spec.entrypoint.kind == "sql" else "reference.py")

    @property
    def cases_file(self) -> Path:
        return self.private / "cases.py"

    @property
    def checker_file(self) -> Path:
        return self.private / "checker.py"

    def wrong_file(self, name: str) -> Path:
        return self.private / "wrong" / name


def discover(path: Path) -> list[Path]:
    """Exercise folders at or under PATH (folders holding an exercise.toml), sorted."""
    if not path.exists():
        raise BankError(f"{path} does not exist")
    if (path / "exercise.toml").is_file():
        return [path]
    found = sorted(p.parent for p in path.rglob("exercise.toml") if "private" not in p.relative_to(path).parts)
    if not found:
        raise BankError(f"no exercise.toml under {path}: pass an exercise folder or a folder of exercises")
    return found


def load_specs(path: Path) -> tuple[list[ExerciseSpec], list[SpecError]]:
    """The specs of the exercises at or under PATH, and the error of each one that does not load,
    so that one broken exercise.toml does not hide the rest of a bank."""
    specs: list[ExerciseSpec] = []
    broken: list[SpecError] = []
    for directory in discover(path):
        try:
            specs.append(load_spec(directory))
        except SpecError as exc:
            broken.append(exc)
    return specs, broken


def select(specs: Sequence[ExerciseSpec], families: Collection[str] | None = None,
           difficulties: Collection[str] | None = None, tags: Collection[str] | None = None) -> list[ExerciseSpec]:
    """The SPECS of one of FAMILIES and one of DIFFICULTIES (any when none is given) that carry every tag of TAGS:
    the filters of `grade list` and `grade interview`."""
    return [s for s in specs if (not families or s.family in families)
            and (not difficulties or s.difficulty in difficulties) and set(tags or ()) <= set(s.tags)]


def bank_from_env(bank: Path | None) -> Path | None:
    """The bank directory: the explicit option first, then the environment variable."""
    if bank is not None:
        return bank
    value = os.environ.get(BANK_ENV)
    return Path(value) if value else None


def load_exercise(directory: Path, bank: Path | None = None) -> Exercise:
    """Load the spec (the bank's copy when there is one) and locate the private parts."""
    spec = load_spec(directory)
    if bank is None:
        return _checked(Exercise(spec=spec, private=directory / "private"))
    private = bank / spec.id
    if (private / "exercise.toml").is_file():
        banked = load_spec(private)
        if banked.id != spec.id:
            raise SpecError(private / "exercise.toml", "id", f"{spec.id!r} (the id of {directory})", banked.id)
        spec = dataclasses.replace(banked, directory=directory)
    return _checked(Exercise(spec=spec, private=private))


def _checked(exercise: Exercise) -> Exercise:
    missing = [p for p in (exercise.reference_file, exercise.cases_file) if not p.is_file()]
    if missing:
        raise BankError(f"exercise {exercise.spec.id}: private part {missing[0]} is missing "
                        f"(pass --bank DIR or set {BANK_ENV} if the bank lives elsewhere)")
    return exercise
