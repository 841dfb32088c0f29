"""Fixtures of the workflow tests: a private gradebook per test (never the real home directory) and a
copy of an exercise to edit."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from support import EXERCISES


@pytest.fixture(autouse=True)
def gradebook(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The gradebook of this test: MLGRADE_GRADEBOOK (inherited by every `grade` subprocess), and
    XDG_DATA_HOME too, so that nothing can reach ~/.local/share."""
    path = tmp_path / "book" / "gradebook.sqlite3"
    monkeypatch.setenv("MLGRADE_GRADEBOOK", str(path))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    return path


@pytest.fixture()
def root(tmp_path: Path) -> Path:
    """A bank root holding a copy of ml_basics/softmax (quick to grade: NumPy only)."""
    target = tmp_path / "exercises"
    shutil.copytree(EXERCISES / "ml_basics" / "softmax", target / "ml_basics" / "softmax",
                    ignore=shutil.ignore_patterns("__pycache__"))
    return target
