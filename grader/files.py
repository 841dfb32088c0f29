"""Writing files the grader owns: atomically (a reader sees the old file or the whole new one, even if the
process is killed) and in the per-user cache and data folders (XDG base directories)."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

CACHE_ENV = "MLGRADE_CACHE_DIR"


def write_atomically(path: Path, data: str | bytes, mode: int | None = None) -> None:
    """Write PATH so that it is either absent (or its old self) or complete; MODE sets its permissions."""
    payload = data.encode("utf-8") if isinstance(data, str) else data
    with tempfile.NamedTemporaryFile("wb", dir=path.parent, delete=False, suffix=".tmp") as handle:
        try:
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        except BaseException:
            os.unlink(handle.name)
            raise
    if mode is not None:
        os.chmod(handle.name, mode)
    os.replace(handle.name, path)


def cache_home() -> Path:
    """`$MLGRADE_CACHE_DIR`, else `$XDG_CACHE_HOME/mlgrade` (default ~/.cache/mlgrade)."""
    explicit = os.environ.get(CACHE_ENV)
    if explicit:
        return Path(explicit)
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "mlgrade"


def data_home() -> Path:
    """`$XDG_DATA_HOME/mlgrade` (default ~/.local/share/mlgrade)."""
    return Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share") / "mlgrade"
