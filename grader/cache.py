"""On-disk cache of expected outputs, keyed by everything they depend on.

The key hashes the tool version, the numeric libraries' versions, the exercise's spec, every
private file (reference, cases, checker, wrong variants) and the generated case inputs, so an
entry can never be stale: any change gives a new key. Entries are wire-format JSON (no pickle).
"""

from __future__ import annotations

import hashlib
import json
from importlib import metadata
from pathlib import Path
from typing import Any

from sandbox.runner import wire

from . import __version__
from .bank import Exercise
from .cases import Case, fingerprint
from .files import cache_home, write_atomically

LIBRARIES = ("numpy", "scipy", "torch", "statsmodels")
MAX_ENTRY_BYTES = 256 * 1024 * 1024


def content_key(exercise: Exercise, cases: list[Case]) -> str:
    """The hash of everything the expected outputs depend on."""
    digest = hashlib.sha256(f"mlgrade-expected/{__version__}".encode())
    for library in LIBRARIES:
        try:
            digest.update(f"{library}={metadata.version(library)};".encode())
        except metadata.PackageNotFoundError:
            digest.update(f"{library}=none;".encode())
    for path in bank_files(exercise):
        digest.update(str(path).encode() + b"\0" + path.read_bytes() + b"\0")
    digest.update(fingerprint(cases).encode())
    return digest.hexdigest()


def bank_files(exercise: Exercise) -> list[Path]:
    """The files an exercise's cases and expected outputs come from: its spec and every private file."""
    private = sorted(p for p in exercise.private.rglob("*") if p.is_file() and "__pycache__" not in p.parts)
    return [exercise.spec.directory / "exercise.toml", *private]


def file_signature(exercise: Exercise) -> tuple[tuple[str, int, int], ...]:
    """Path, size and modification time of every bank file: changes whenever one is edited."""
    return tuple((str(p), (stat := p.stat()).st_size, stat.st_mtime_ns) for p in bank_files(exercise))


def load(key: str) -> dict[str, dict[str, Any]] | None:
    """The cached expected outputs for KEY, or None (missing or unreadable entries are misses)."""
    path = cache_home() / "expected" / f"{key}.json"
    try:
        data = path.read_bytes()
        if len(data) > MAX_ENTRY_BYTES:
            return None
        decoded = wire.decode_value(json.loads(data), MAX_ENTRY_BYTES)
    except (OSError, ValueError):
        return None
    return decoded if isinstance(decoded, dict) else None


def store(key: str, expected: dict[str, dict[str, Any]]) -> None:
    """Write an entry atomically; values the wire format cannot hold are simply not cached."""
    try:
        payload = json.dumps(wire.encode_value(expected), allow_nan=False).encode()
    except (wire.WireError, ValueError):
        return
    folder = cache_home() / "expected"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        write_atomically(folder / f"{key}.json", payload)
    except OSError:
        pass  # a read-only or full cache directory only costs speed
