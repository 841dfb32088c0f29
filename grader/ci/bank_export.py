"""`grade bank export DIR`: the private bank of CI mode, made from an exercises folder.

`<DIR>/<id>/` receives the exercise's `exercise.toml` (authoritative in CI) and the files of its
`private/` folder (reference, cases, checker, wrong variants), laid out by exercise id. Ids are checked
(grader/ci/bank_paths.py); links are refused rather than copied, so that the bank holds its own files.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from ..errors import UsageError
from .bank_paths import exercises_under

SKIPPED = ("__pycache__", "*.pyc", ".backups")


def export_bank(source: Path, target: Path) -> list[str]:
    """Write the bank of every exercise at or under SOURCE into TARGET (new or empty); returns the ids."""
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        raise UsageError(f"{target} is not empty: grade bank export writes a new bank; pass a new or empty folder")
    specs = exercises_under(source)
    for spec in specs:
        private = spec.directory / "private"
        if not private.is_dir() or private.is_symlink():
            raise UsageError(f"{spec.directory} has no private/ folder: nothing to put in the bank for {spec.id}")
        links = [path for path in private.rglob("*") if path.is_symlink()]
        if links:
            raise UsageError(f"{links[0]} is a link: a bank holds its own files; copy the file there instead")
    for spec in specs:
        destination = target / spec.id
        shutil.copytree(spec.directory / "private", destination, ignore=shutil.ignore_patterns(*SKIPPED))
        shutil.copyfile(spec.directory / "exercise.toml", destination / "exercise.toml")
    return [spec.id for spec in specs]
