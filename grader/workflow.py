"""The candidate's workflow, without presentation: finding an exercise by path or id, recording runs in
the gradebook, notebook submissions, restoring a stub, progress per family, and waiting for a save.
The commands that print all this are in grader/cli/workflow.py."""

from __future__ import annotations

import datetime as dt
import difflib
import hashlib
import os
import subprocess
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from .bank import BankError, discover
from .errors import WorkflowError
from .files import cache_home, write_atomically
from .gradebook import Gradebook, GradebookError, Standing, StandingStatus
from .grading import files_digest
from .notebook import assemble, in_cells, read_notebook
from .results import ExerciseResult, RunResult, SandboxKind
from .spec import FAMILIES, ExerciseSpec, SpecError, load_spec

DEFAULT_ROOT = Path("exercises")
STUB_SUFFIX = ".stub"
BACKUPS = ".backups"
KEEP_ASSEMBLED = 50


# --- finding exercises -------------------------------------------------------------------------------

def resolve(name: Path | str, root: Path | None = None) -> Path:
    """An exercise folder (or folder of exercises) named by a path, or by an id / family resolved
    against ROOT (default ./exercises)."""
    path = Path(name)
    if path.exists():
        return path
    base = root or DEFAULT_ROOT
    if (base / path).exists():
        return base / path
    try:
        specs = [load_spec(directory) for directory in discover(base)]
    except (BankError, SpecError):
        specs = []
    for spec in specs:
        if spec.id == str(name):
            return spec.directory
    close = difflib.get_close_matches(str(name), [s.id for s in specs], n=3)
    suggestion = f"; did you mean {', '.join(close)}?" if close else ""
    raise WorkflowError(f"{name} does not exist, and no exercise under {base} has that id "
                        f"(pass --root DIR to look elsewhere){suggestion}")


def resolve_one(name: Path | str, root: Path | None = None) -> ExerciseSpec:
    """The spec of the single exercise NAME designates."""
    try:
        directories = discover(resolve(name, root))
    except BankError as exc:
        raise WorkflowError(str(exc)) from None
    if len(directories) != 1:
        raise WorkflowError(f"{name} holds {len(directories)} exercises: name one of them, e.g. "
                            f"{load_spec(directories[0]).id}")
    return load_spec(directories[0])


# --- notebooks ---------------------------------------------------------------------------------------

@dataclass(frozen=True)
class NotebookSubmission:
    notebook: Path
    module: Path  # the assembled module that is graded (kept, so error line numbers can be looked up)
    cells: list[int]
    tagged: bool
    warning: str
    lines: list[tuple[int, int]]  # per line of the module: (cell position, line in the cell)


def notebook_submission(notebook: Path, target: Path) -> NotebookSubmission:
    """Assemble NOTEBOOK into a module for the single exercise at TARGET (NotebookError, WorkflowError)."""
    directories = discover(target)
    if len(directories) != 1:
        raise WorkflowError("a notebook submission is one exercise's solution: pass a single exercise")
    spec = load_spec(directories[0])
    if spec.entrypoint.kind == "sql":
        raise WorkflowError(f"{spec.id} is a SQL exercise: submit its query as a .sql file, not a notebook")
    assembled = assemble(read_notebook(notebook))
    data = assembled.source.encode()
    folder = cache_home() / "notebooks"
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    module = folder / f"{hashlib.sha256(data).hexdigest()[:16]}.py"
    write_atomically(module, data)
    _prune(folder)
    return NotebookSubmission(notebook, module, assembled.cells, assembled.tagged, assembled.warning, assembled.lines)


def in_notebook_cells(run: RunResult, submission: NotebookSubmission) -> None:
    """Errors in RUN (a grading of SUBMISSION's module) located by notebook cell and line, not module line."""
    for exercise in run.exercises:
        in_cells(exercise, submission.lines, load_spec(Path(exercise.path)).entrypoint.file)


def _prune(folder: Path) -> None:
    """Keep the most recent assembled modules only."""
    modules = sorted(folder.glob("*.py"), key=lambda p: p.stat().st_mtime, reverse=True)
    for old in modules[KEEP_ASSEMBLED:]:
        old.unlink(missing_ok=True)


# --- the gradebook -----------------------------------------------------------------------------------

def record_run(run: RunResult, book: Path | None, *, submission: Path | None = None,
               candidate: str | None = None) -> str | None:
    """Record every exercise of RUN (one transaction each) with the digest of the files it graded (carried in
    the result, never re-read) and SUBMISSION as the label; a warning to print when that failed, else None.
    A recording failure never changes the grading's exit status."""
    try:
        with Gradebook(book) as gradebook:
            for exercise in run.exercises:
                gradebook.record(exercise, files_sha256=exercise.files_sha256,
                                 submission=str(submission) if submission is not None else None, candidate=candidate)
    except (GradebookError, OSError, ValueError) as exc:
        return f"the attempt was not recorded in the gradebook: {exc}"
    except Exception as exc:  # noqa: BLE001 - sqlite3 errors and anything else: grading stands regardless
        return f"the attempt was not recorded in the gradebook: {type(exc).__name__}: {exc}"
    return None


def record_unavailable(target: Path, sandbox: SandboxKind, book: Path | None, note: str) -> str | None:
    """Record an ungradable attempt (no score, not the candidate's failure) for every exercise at TARGET."""
    try:
        specs = [load_spec(directory) for directory in discover(target)]
    except (BankError, SpecError):
        return None  # nothing identifiable to record; the error itself is reported by the caller
    results = [ExerciseResult(id=s.id, title=s.title, family=s.family, path=str(s.directory), cases=[],
                              sandbox=sandbox, memory_limit_mb=s.limits.memory_mb) for s in specs]
    try:
        with Gradebook(book) as gradebook:
            for result in results:
                gradebook.record(result, note=note)
    except Exception as exc:  # noqa: BLE001 - recording is best effort
        return f"the attempt was not recorded in the gradebook: {exc}"
    return None


def standings(book: Path | None, specs: Iterable[ExerciseSpec] = ()) -> dict[str, Standing]:
    """Per exercise id, the user's standing (empty when nothing was recorded; never creates the file). For the
    exercises of SPECS, attempts that graded the untouched stub do not count: it is "not tried" until its
    file differs from the stub."""
    by_id = {spec.id: spec for spec in specs}
    with Gradebook(book, create=False) as gradebook:
        return gradebook.standings(lambda exercise: stub_digest(by_id[exercise]) if exercise in by_id else None)


def stub_digest(spec: ExerciseSpec) -> str | None:
    """The files digest (grading.files_digest) the exercise's pristine stub has when graded, or None without one."""
    try:
        text = find_stub(spec).text
    except WorkflowError:
        return None
    return files_digest({spec.entrypoint.file: text.replace("\r\n", "\n").replace("\r", "\n")})


@dataclass(frozen=True)
class FamilyProgress:
    family: str
    total: int
    passed: int
    failing: int

    @property
    def not_tried(self) -> int:
        return self.total - self.passed - self.failing


def family_progress(specs: Iterable[ExerciseSpec], standing: dict[str, Standing]) -> list[FamilyProgress]:
    """Completion per family, in the families' canonical order."""
    counts: dict[str, list[int]] = {}
    for spec in specs:
        entry = counts.setdefault(spec.family, [0, 0, 0])
        status = standing.get(spec.id)
        entry[0] += 1
        entry[1] += status is not None and status.status == StandingStatus.PASSED
        entry[2] += status is not None and status.status == StandingStatus.FAILING
    order = [f for f in FAMILIES if f in counts] + sorted(set(counts) - set(FAMILIES))
    return [FamilyProgress(family, *counts[family]) for family in order]


# --- reset -------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Stub:
    text: str
    origin: str


def find_stub(spec: ExerciseSpec, rev: str = "HEAD") -> Stub:
    """The pristine stub: `<file>.stub` beside the candidate's file when there is one, else the file as
    committed at REV in the git checkout holding the exercise. WorkflowError when neither exists."""
    file = spec.candidate_file
    pristine = file.with_name(file.name + STUB_SUFFIX)
    if pristine.is_file() and not pristine.is_symlink():
        return Stub(pristine.read_text(encoding="utf-8"), str(pristine))
    if rev.startswith("-") or not rev.strip():
        raise WorkflowError(f"--rev {rev!r} is not a git revision")
    try:
        shown = subprocess.run(["git", "-C", str(file.parent), "show", f"{rev}:./{file.name}"], capture_output=True,
                               timeout=30, env={**os.environ, "GIT_OPTIONAL_LOCKS": "0", "GIT_PAGER": "cat"})
    except FileNotFoundError:
        shown = None
    except subprocess.TimeoutExpired:
        raise WorkflowError("git did not answer within 30 s") from None
    if shown is not None and shown.returncode == 0:
        try:
            return Stub(shown.stdout.decode("utf-8"), f"git {rev}:{file.name}")
        except UnicodeDecodeError:
            raise WorkflowError(f"the committed {file.name} at {rev} is not UTF-8 text") from None
    problem = shown.stderr.decode(errors="replace").strip().splitlines()[-1:] if shown is not None else []
    if shown is None or any("not a git repository" in line for line in problem):
        raise WorkflowError(f"cannot find the stub of {spec.id}: {spec.directory} is not in a git checkout and there "
                            f"is no {pristine.name} beside {file.name}. Keep a pristine copy as {pristine} to make "
                            "`grade reset` work without git.")
    raise WorkflowError(f"cannot read {file.name} at git revision {rev}: {problem[0] if problem else 'git failed'}"
                        f" (commit the stub, pass --rev REV, or keep a pristine copy as {pristine})")


@dataclass(frozen=True)
class ResetOutcome:
    file: Path
    origin: str
    backup: Path | None
    changed: bool


def reset(spec: ExerciseSpec, rev: str = "HEAD") -> ResetOutcome:
    """Back up the candidate's file (timestamped, under `<exercise>/.backups/`) and restore the stub."""
    stub = find_stub(spec, rev)
    file = spec.candidate_file
    if file.is_symlink():
        raise WorkflowError(f"{file} is a symbolic link: not replacing it")
    current = file.read_bytes() if file.exists() else None
    if current is not None and current == stub.text.encode("utf-8"):
        return ResetOutcome(file, stub.origin, None, changed=False)
    backup = None
    if current is not None:
        folder = spec.directory / BACKUPS
        folder.mkdir(exist_ok=True)
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        for attempt in range(1000):
            backup = folder / f"{file.name}.{stamp}{f'-{attempt}' if attempt else ''}.bak"
            try:
                with backup.open("xb") as saved:  # never overwrite an earlier backup
                    saved.write(current)
                break
            except FileExistsError:
                continue
    umask = os.umask(0)
    os.umask(umask)
    mode = (file.stat().st_mode & 0o777) if current is not None else 0o666 & ~umask
    write_atomically(file, stub.text, mode)
    return ResetOutcome(file, stub.origin, backup, changed=True)


# --- watching ----------------------------------------------------------------------------------------

Fingerprint = tuple[int, int, int] | None


def fingerprint(path: Path) -> Fingerprint:
    """What changes when a file is saved (also by editors that write a new file and rename it)."""
    try:
        status = os.stat(path)
    except OSError:
        return None
    return (status.st_mtime_ns, status.st_size, status.st_ino)


def wait_for_change(path: Path, previous: Fingerprint, interval: float = 0.2, debounce: float = 0.3,
                    sleep: Callable[[float], None] = time.sleep) -> Fingerprint:
    """Block until PATH changes and then stays unchanged for DEBOUNCE seconds; return its new fingerprint."""
    while True:
        current = fingerprint(path)
        if current != previous:
            settled_since = time.monotonic()
            while time.monotonic() - settled_since < debounce:
                sleep(interval)
                latest = fingerprint(path)
                if latest != current:
                    current, settled_since = latest, time.monotonic()
            if current is not None:  # a file deleted and not written back is not a save
                return current
            previous = None
        sleep(interval)
