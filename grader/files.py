"""Writing files the grader owns: atomically (a reader sees the old file or the whole new one, even if the
process is killed) and in the per-user cache and data folders (XDG base directories)."""

from __future__ import annotations

import os
import stat
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


class UnsafeFolder(OSError):
    """A folder the grader will not write into: a link, or one holding files it did not create."""


class OwnedFolder:
    """A report folder the grader owns (R6): it is created by this process (or by an earlier run, which left
    MARKER in it), each component is opened without following a link from ANCHOR on (ANCHOR: the top of a
    tree someone else controls, such as a candidate's checkout; components above it are trusted), and each
    file is created anew with O_CREAT|O_EXCL|O_NOFOLLOW relative to the folder's descriptor. A link planted
    at the folder or at a file's name is refused or replaced, never written through."""

    MARKER = ".mlgrade-owned"

    def __init__(self, path: Path, names: tuple[str, ...], anchor: Path | None = None) -> None:
        self.path = path
        self._fd = _open_folder(path, anchor)
        try:
            self._claim(names)
        except BaseException:
            os.close(self._fd)
            raise

    def _claim(self, names: tuple[str, ...]) -> None:
        entries = os.listdir(self._fd)
        if not entries:
            os.close(os.open(self.MARKER, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o644,
                             dir_fd=self._fd))
            return
        foreign = sorted(name for name in entries if name not in (self.MARKER, *names)
                         or not _is_regular(name, self._fd))
        if self.MARKER not in entries or foreign:
            shown = ", ".join(repr(name) for name in (foreign or entries)[:5])
            raise UnsafeFolder(f"{self.path} holds files mlgrade did not create ({shown}); pass a new or empty "
                               "folder outside the candidate's checkout")
        for name in entries:
            if name != self.MARKER:
                os.unlink(name, dir_fd=self._fd)  # unlink never follows a link

    def write(self, name: str, data: str | bytes) -> Path:
        """Create NAME in the folder (never through a link, never over an existing file) holding DATA."""
        if "/" in name or name in ("", ".", "..", self.MARKER):
            raise ValueError(f"not a plain file name: {name!r}")
        _create(name, data, self._fd)
        return self.path / name

    def close(self) -> None:
        os.close(self._fd)

    def __enter__(self) -> OwnedFolder:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()


def write_unfollowed(path: Path, data: str | bytes, anchor: Path | None = None) -> Path:
    """Write a report at PATH. Inside a tree someone else controls (ANCHOR, such as a submission folder that
    `--html` points into) it is written anew, never through a link: its folder is opened as OwnedFolder
    opens one (no link followed from ANCHOR down), whatever is at PATH (a file or a link) is unlinked, not
    written through, and the file is created with O_CREAT|O_EXCL|O_NOFOLLOW. Anywhere else the path is the
    operator's own choice and is written as given (`--json /dev/stdout` works)."""
    if anchor is None or not Path(os.path.abspath(path)).is_relative_to(os.path.abspath(anchor)):
        payload = data.encode("utf-8") if isinstance(data, str) else data
        path.write_bytes(payload)
        return path
    fd = _open_folder(path.parent, anchor)
    try:
        try:
            os.unlink(path.name, dir_fd=fd)
        except FileNotFoundError:
            pass
        _create(path.name, data, fd)
    finally:
        os.close(fd)
    return path


def _create(name: str, data: str | bytes, dir_fd: int) -> None:
    payload = data.encode("utf-8") if isinstance(data, str) else data
    fd = os.open(name, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | os.O_CLOEXEC, 0o644, dir_fd=dir_fd)
    with os.fdopen(fd, "wb") as handle:
        handle.write(payload)


def _is_regular(name: str, dir_fd: int) -> bool:
    return stat.S_ISREG(os.stat(name, dir_fd=dir_fd, follow_symlinks=False).st_mode)


def _open_folder(path: Path, anchor: Path | None) -> int:
    """A descriptor of PATH, made if missing (with its parents). From ANCHOR down (when PATH lies under it)
    every component is opened with O_NOFOLLOW, so that no link on the way is followed; the last one always is."""
    path = Path(os.path.abspath(path))
    start = Path(os.path.abspath(anchor)) if anchor is not None else None
    if start is None or not path.is_relative_to(start):
        start = path.parent
        start.mkdir(parents=True, exist_ok=True)
    parts = path.relative_to(start).parts
    fd = os.open(start, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)
    try:
        for part in parts:
            try:
                os.mkdir(part, 0o755, dir_fd=fd)
            except FileExistsError:
                pass
            try:
                child = os.open(part, os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW | os.O_CLOEXEC, dir_fd=fd)
            except OSError as exc:  # ELOOP (a link) or ENOTDIR (a file)
                raise UnsafeFolder(f"{path}: {start / part} is a link or not a folder ({exc.strerror}); mlgrade "
                                   "writes reports only into folders it owns") from None
            os.close(fd)
            fd = child
    except BaseException:
        os.close(fd)
        raise
    return fd
