"""The gradebook: every graded attempt and the hints seen, in one SQLite file (stdlib sqlite3).

Location: `--gradebook FILE`, else `$MLGRADE_GRADEBOOK`, else `$XDG_DATA_HOME/mlgrade/gradebook.sqlite3`
(default ~/.local/share/mlgrade/gradebook.sqlite3). The file is in WAL mode with a busy timeout, so
several `grade` processes can record at once; each attempt is one transaction, so a process killed
mid-write loses at most the attempt it was writing and never corrupts the file. The schema version is
`PRAGMA user_version`; the missing MIGRATIONS are applied in order in one transaction (docs/workflow.md).
"""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

from .errors import GradebookError
from .files import data_home
from .results import ExerciseResult, SandboxKind, Verdict

GRADEBOOK_ENV = "MLGRADE_GRADEBOOK"
BUSY_TIMEOUT_MS = 30_000

# Each entry upgrades the schema by one version; never edit an entry that has shipped, append one.
MIGRATIONS: tuple[tuple[str, ...], ...] = (
    (  # 1: attempts, their cases, hints seen
        """CREATE TABLE attempts (
             id INTEGER PRIMARY KEY,
             exercise TEXT NOT NULL,
             time TEXT NOT NULL,
             score REAL NOT NULL,
             verdict TEXT NOT NULL,
             passed INTEGER NOT NULL,
             ungradable INTEGER NOT NULL,
             files_sha256 TEXT,
             sandbox TEXT NOT NULL,
             submission TEXT,
             note TEXT NOT NULL DEFAULT '')""",
        "CREATE INDEX attempts_by_exercise ON attempts (exercise, time)",
        """CREATE TABLE cases (
             attempt INTEGER NOT NULL REFERENCES attempts (id) ON DELETE CASCADE,
             position INTEGER NOT NULL,
             name TEXT NOT NULL,
             hidden INTEGER NOT NULL,
             verdict TEXT NOT NULL,
             misconception TEXT,
             PRIMARY KEY (attempt, position))""",
        """CREATE TABLE hints (
             exercise TEXT PRIMARY KEY,
             seen INTEGER NOT NULL,
             updated TEXT NOT NULL)""",
    ),
    (  # 2: `grade batch` records other candidates' attempts under their names (NULL: the user's own)
        "ALTER TABLE attempts ADD COLUMN candidate TEXT",
        "CREATE INDEX attempts_by_candidate ON attempts (candidate, exercise)",
    ),
)
SCHEMA_VERSION = len(MIGRATIONS)


@dataclass(frozen=True)
class CaseRow:
    name: str
    hidden: bool
    verdict: str
    misconception: str | None


@dataclass(frozen=True)
class Attempt:
    """One recorded attempt at one exercise."""

    id: int
    exercise: str
    time: str
    score: float
    verdict: str
    passed: bool
    ungradable: bool
    files_sha256: str | None
    sandbox: SandboxKind
    submission: str | None
    note: str
    candidate: str | None
    cases: list[CaseRow] = field(default_factory=list)

    @property
    def misconceptions(self) -> list[str]:
        """The distinct misconceptions named in this attempt, in case order."""
        return list(dict.fromkeys(c.misconception for c in self.cases if c.misconception))

    def as_json(self) -> dict[str, object]:
        return {"id": self.id, "exercise": self.exercise, "time": self.time, "score": self.score,
                "verdict": self.verdict, "passed": self.passed, "ungradable": self.ungradable,
                "files_sha256": self.files_sha256, "sandbox": self.sandbox, "submission": self.submission,
                "note": self.note, "candidate": self.candidate, "misconceptions": self.misconceptions,
                "cases": [{"name": c.name, "hidden": c.hidden, "verdict": c.verdict, "misconception": c.misconception}
                          for c in self.cases]}


class StandingStatus(StrEnum):
    """Where the user stands on an exercise: never graded, graded but never passed, or passed once."""

    NOT_TRIED = "not tried"
    FAILING = "failing"
    PASSED = "passed"


@dataclass(frozen=True)
class Standing:
    """An exercise's status from the gradebook, its best score and how many attempts count."""

    status: StandingStatus
    best_score: float | None
    attempts: int


NOT_TRIED = Standing(StandingStatus.NOT_TRIED, None, 0)


def default_path() -> Path:
    """`$MLGRADE_GRADEBOOK`, else `$XDG_DATA_HOME/mlgrade/gradebook.sqlite3` (~/.local/share by default)."""
    if os.environ.get(GRADEBOOK_ENV):
        return Path(os.environ[GRADEBOOK_ENV]).expanduser()
    return data_home() / "gradebook.sqlite3"


def now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="milliseconds")


class Gradebook:
    """A connection to the gradebook, used as a context manager. `create=False` for read-only commands:
    when the file does not exist yet, nothing is created and every query answers empty."""

    def __init__(self, path: Path | None = None, create: bool = True) -> None:
        self.path = path or default_path()
        self.connection: sqlite3.Connection | None = None
        if not create and not self.path.exists():
            return  # nothing recorded yet: every query answers empty, and no file is created
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            self.connection = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
            self.connection.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            self._wal()
            self.connection.execute("PRAGMA synchronous = FULL")
            self.connection.execute("PRAGMA foreign_keys = ON")
            self._migrate()
        except (sqlite3.Error, OSError) as exc:
            self.close()
            raise GradebookError(f"cannot use the gradebook {self.path}: {exc}") from None

    def __enter__(self) -> Gradebook:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def close(self) -> None:
        if self.connection is not None:
            self.connection.close()
            self.connection = None

    def _wal(self) -> None:
        assert self.connection is not None
        mode = self.connection.execute("PRAGMA journal_mode").fetchone()[0]
        if str(mode).lower() != "wal":
            # Needs a moment of exclusive access; the busy timeout covers a concurrent first use.
            self.connection.execute("PRAGMA journal_mode = WAL")

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        """BEGIN IMMEDIATE … COMMIT: takes the write lock up front (waiting up to the busy timeout)."""
        assert self.connection is not None
        self.connection.execute("BEGIN IMMEDIATE")
        try:
            yield self.connection
        except BaseException:
            self.connection.execute("ROLLBACK")
            raise
        self.connection.execute("COMMIT")

    def version(self) -> int:
        assert self.connection is not None
        return int(self.connection.execute("PRAGMA user_version").fetchone()[0])

    def _migrate(self, target: int = SCHEMA_VERSION) -> None:
        if self.version() >= target:
            if self.version() > SCHEMA_VERSION:
                raise GradebookError(f"the gradebook {self.path} has schema version {self.version()}, newer than "
                                     f"this mlgrade understands ({SCHEMA_VERSION}): upgrade mlgrade")
            return
        with self._transaction() as connection:
            current = self.version()  # re-read under the lock: another process may have migrated meanwhile
            for number in range(current + 1, target + 1):
                for statement in MIGRATIONS[number - 1]:
                    connection.execute(statement)
                connection.execute(f"PRAGMA user_version = {number}")

    # --- writing -------------------------------------------------------------------------------------

    def record(self, exercise: ExerciseResult, *, time: str | None = None, files_sha256: str | None = None,
               submission: str | None = None, candidate: str | None = None, note: str = "") -> int:
        """Record one attempt (one transaction); returns its id."""
        ungradable = exercise.verdict is Verdict.UNGRADABLE
        with self._transaction() as connection:
            cursor = connection.execute(
                "INSERT INTO attempts (exercise, time, score, verdict, passed, ungradable, files_sha256, sandbox, "
                "submission, note, candidate) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (exercise.id, time or now(), 0.0 if ungradable else exercise.score, exercise.verdict.value,
                 int(exercise.passed), int(ungradable), files_sha256, exercise.sandbox, submission, note, candidate))
            attempt = int(cursor.lastrowid or 0)
            connection.executemany(
                "INSERT INTO cases (attempt, position, name, hidden, verdict, misconception) VALUES (?, ?, ?, ?, ?, ?)",
                [(attempt, position, case.name, int(case.hidden), case.verdict.value,
                  case.misconception.name if case.misconception else None)
                 for position, case in enumerate(exercise.cases)])
        return attempt

    def reveal_hint(self, exercise: str, total: int) -> int | None:
        """Count one more hint seen for EXERCISE and return its number (1-based), or None when all TOTAL
        were already seen. Atomic: two processes never reveal the same hint twice."""
        with self._transaction() as connection:
            row = connection.execute("SELECT seen FROM hints WHERE exercise = ?", (exercise,)).fetchone()
            seen = int(row[0]) if row else 0
            if seen >= total:
                return None
            connection.execute("INSERT INTO hints (exercise, seen, updated) VALUES (?, ?, ?) ON CONFLICT (exercise) "
                                "DO UPDATE SET seen = excluded.seen, updated = excluded.updated",
                                (exercise, seen + 1, now()))
        return seen + 1

    # --- reading -------------------------------------------------------------------------------------

    def hints_seen(self, exercise: str) -> int:
        if self.connection is None:
            return 0
        row = self.connection.execute("SELECT seen FROM hints WHERE exercise = ?", (exercise,)).fetchone()
        return int(row[0]) if row else 0

    def attempts(self, exercise: str | None = None, candidate: str | None = None, everyone: bool = False,
                 limit: int | None = None) -> list[Attempt]:
        """Attempts, newest first: the user's own (candidate NULL) unless CANDIDATE or EVERYONE is given."""
        if self.connection is None:
            return []
        where, parameters = [], []
        if exercise is not None:
            where.append("exercise = ?")
            parameters.append(exercise)
        if candidate is not None:
            where.append("candidate = ?")
            parameters.append(candidate)
        elif not everyone:
            where.append("candidate IS NULL")
        query = ("SELECT id, exercise, time, score, verdict, passed, ungradable, files_sha256, sandbox, submission, "
                 "note, candidate FROM attempts" + (" WHERE " + " AND ".join(where) if where else "")
                 + " ORDER BY time DESC, id DESC" + (f" LIMIT {int(limit)}" if limit else ""))
        attempts = [Attempt(id=r[0], exercise=r[1], time=r[2], score=r[3], verdict=r[4], passed=bool(r[5]),
                            ungradable=bool(r[6]), files_sha256=r[7], sandbox=SandboxKind(r[8]), submission=r[9], note=r[10],
                            candidate=r[11])
                    for r in self.connection.execute(query, parameters)]
        for attempt in attempts:
            attempt.cases.extend(CaseRow(name, bool(hidden), verdict, misconception) for name, hidden, verdict, misconception
                                 in self.connection.execute("SELECT name, hidden, verdict, misconception FROM cases "
                                                            "WHERE attempt = ? ORDER BY position", (attempt.id,)))
        return attempts

    def standings(self, stub_digest: Callable[[str], str | None] = lambda _exercise: None) -> dict[str, Standing]:
        """Per exercise id, the user's standing: passed when any attempt passed, failing when graded but never
        passed. Ungradable attempts (infrastructure faults) do not count: they are not the candidate's failures;
        nor do attempts that graded the untouched stub (files_sha256 equal to STUB_DIGEST(exercise id))."""
        if self.connection is None:
            return {}
        rows = self.connection.execute(
            "SELECT exercise, files_sha256, MAX(passed), MAX(score), COUNT(*) FROM attempts "
            "WHERE candidate IS NULL AND ungradable = 0 GROUP BY exercise, files_sha256")
        tallies: dict[str, tuple[bool, float, int]] = {}
        stubs: dict[str, str | None] = {}
        for exercise, digest, passed, best, count in rows:
            if exercise not in stubs:
                stubs[exercise] = stub_digest(exercise)
            if digest is not None and digest == stubs[exercise]:
                continue
            before = tallies.get(exercise, (False, 0.0, 0))
            tallies[exercise] = (before[0] or bool(passed), max(before[1], float(best)), before[2] + int(count))
        return {exercise: Standing(StandingStatus.PASSED if passed else StandingStatus.FAILING, best, count)
                for exercise, (passed, best, count) in tallies.items()}
