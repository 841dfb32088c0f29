"""Mock interviews (`grade interview`), without presentation: picking exercises for a time budget, the session
(saved after every change so that `--resume` can continue it) and its report.

Invariants: the session clock counts only while a session runs (a paused session's clock stands still until
`--resume`); every second of it is charged to the exercise that was current then (its *focus* time); an attempt
is stamped with the session time at which it was asked for. Time comes from a clock passed in (seconds, any
origin), never read here, so that tests use a fake one. The prompt loop that prints is grader/cli/interview.py.
"""

from __future__ import annotations

import datetime as dt
import json
import random
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from .errors import UsageError
from .files import data_home, write_atomically
from .gradebook import NOT_TRIED, Standing, StandingStatus
from .results import ExerciseResult
from .spec import DIFFICULTIES, Difficulty, ExerciseSpec

SESSION_VERSION = 1
# Used for an exercise whose exercise.toml has no solve_minutes.
DEFAULT_MINUTES = {Difficulty.EASY: 10, Difficulty.MEDIUM: 20, Difficulty.HARD: 30}


def sessions_folder() -> Path:
    """`$XDG_DATA_HOME/mlgrade/interviews` (beside the gradebook)."""
    return data_home() / "interviews"


def solve_minutes(spec: ExerciseSpec) -> int:
    """The exercise's estimated solve time, or its difficulty's default."""
    return spec.solve_minutes or DEFAULT_MINUTES[spec.difficulty]


# --- the plan ----------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Plan:
    """The exercises picked, and whether they had to come from the failing ones (nothing unseen fitted)."""

    specs: list[ExerciseSpec]
    fallback: bool


def pick(specs: Iterable[ExerciseSpec], standings: dict[str, Standing], minutes: int, seed: int) -> Plan:
    """Exercises never tried (else, when none fits, ones tried but never passed) whose solve times fit in
    MINUTES: shuffled by SEED, taken while they fit, then ordered from easy to hard. UsageError when none fits."""
    specs = list(specs)
    for status, fallback in ((StandingStatus.NOT_TRIED, False), (StandingStatus.FAILING, True)):
        pool = [s for s in specs if standings.get(s.id, NOT_TRIED).status is status]
        random.Random(seed).shuffle(pool)
        chosen, left = [], minutes
        for spec in pool:
            if solve_minutes(spec) <= left:
                chosen.append(spec)
                left -= solve_minutes(spec)
        if chosen:
            chosen.sort(key=lambda s: DIFFICULTIES.index(s.difficulty))  # stable: the shuffle breaks ties
            return Plan(chosen, fallback)
    unseen = [s for s in specs if standings.get(s.id, NOT_TRIED).status is not StandingStatus.PASSED]
    if not unseen:
        raise UsageError(f"no exercise to interview on: every one of the {len(specs)} exercise(s) that match is "
                         "passed already (widen --family / --difficulty, or pass another PATH)")
    shortest = min(solve_minutes(s) for s in unseen)
    raise UsageError(f"no unseen exercise fits in {minutes} minutes: the shortest of the {len(unseen)} not yet passed "
                     f"takes {shortest} (pass --minutes {shortest} or more, or widen --family / --difficulty)")


# --- the session -------------------------------------------------------------------------------------

@dataclass
class Planned:
    """One exercise of a session: what the plan showed, where it lives, and how it went."""

    id: str
    title: str
    difficulty: str
    minutes: int  # the estimated solve time, its share of the budget
    path: str  # the exercise folder, absolute
    file: str  # the file the candidate edits, absolute
    focus: float = 0.0  # session seconds spent while this exercise was the current one
    hints: int = 0  # hints revealed during the session
    attempts: list[dict[str, Any]] = field(default_factory=list)  # {"at", "verdict", "score", "passed"}

    @property
    def first_pass(self) -> float | None:
        """Session seconds at the first passing attempt."""
        return next((a["at"] for a in self.attempts if a["passed"]), None)

    @property
    def last_attempt(self) -> float | None:
        return self.attempts[-1]["at"] if self.attempts else None

    @property
    def verdict(self) -> str:
        """The latest attempt's verdict, "passed" once any attempt passed, "not attempted" without attempts."""
        if self.first_pass is not None:
            return "passed"
        return self.attempts[-1]["verdict"] if self.attempts else "not attempted"

    @property
    def best_score(self) -> float | None:
        return max((a["score"] for a in self.attempts), default=None)


@dataclass
class Session:
    """A mock interview, saved as JSON in sessions_folder() after every change."""

    id: str
    created: str  # wall-clock start, UTC ISO 8601
    budget: float  # seconds
    seed: int
    exercises: list[Planned]
    fallback: bool = False  # the exercises were picked among the failing ones
    elapsed: float = 0.0  # session seconds so far (the clock stands still while the session is paused)
    current: int = 0  # index of the exercise being worked on
    ended: str | None = None  # None while it may be resumed, else "finished" or "time is up"
    version: int = SESSION_VERSION
    _mark: float | None = field(default=None, repr=False, compare=False)  # clock reading of the last tick

    # --- time ------------------------------------------------------------------------------------

    def start_clock(self, now: float) -> None:
        """Start (or restart, after a pause) the session clock at the clock reading NOW."""
        self._mark = now

    def tick(self, now: float) -> None:
        """Charge the time since the last tick to the session and to the current exercise."""
        if self._mark is None:
            raise RuntimeError("the session clock was not started")
        delta = max(0.0, now - self._mark)
        self._mark = now
        self.elapsed += delta
        self.exercises[self.current].focus += delta

    @property
    def left(self) -> float:
        return max(0.0, self.budget - self.elapsed)

    @property
    def time_is_up(self) -> bool:
        return self.elapsed >= self.budget

    # --- what the candidate does -----------------------------------------------------------------

    def focus_on(self, index: int, now: float) -> None:
        """Make exercise INDEX the current one (time so far is charged to the previous one)."""
        self.tick(now)
        self.current = index

    def record(self, index: int, at: float, result: ExerciseResult) -> None:
        """An attempt at exercise INDEX asked for at session time AT."""
        self.exercises[index].attempts.append({"at": round(at, 3), "verdict": result.verdict.value,
                                               "score": result.score, "passed": result.passed})

    def finish(self, now: float, reason: str) -> None:
        self.tick(now)
        self.ended = reason

    # --- files -----------------------------------------------------------------------------------

    @property
    def file(self) -> Path:
        return sessions_folder() / f"{self.id}.json"

    @property
    def report_file(self) -> Path:
        return sessions_folder() / f"{self.id}.md"

    def save(self) -> None:
        """Write the session file atomically (a killed process leaves the previous state)."""
        self.file.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        data = {k: v for k, v in asdict(self).items() if not k.startswith("_")}
        write_atomically(self.file, json.dumps(data, indent=2) + "\n")

    def report(self) -> dict[str, Any]:
        """The report as data: per exercise the time spent, time to first pass, attempts, verdict, best score."""
        rows = [{"id": e.id, "title": e.title, "difficulty": e.difficulty, "estimate_minutes": e.minutes,
                 "time_spent": round(e.focus, 1), "first_pass_at": e.first_pass, "last_attempt_at": e.last_attempt,
                 "attempts": len(e.attempts), "hints": e.hints, "verdict": e.verdict, "best_score": e.best_score}
                for e in self.exercises]
        return {"session": self.id, "created": self.created, "budget_minutes": self.budget / 60,
                "elapsed": round(self.elapsed, 1), "ended": self.ended, "seed": self.seed, "fallback": self.fallback,
                "passed": sum(e.verdict == "passed" for e in self.exercises), "exercises": rows}


def new_session(plan: Plan, minutes: int, seed: int, created: dt.datetime) -> Session:
    """A session over PLAN's exercises, named after its creation time."""
    stamp = created.astimezone(dt.UTC)
    exercises = [Planned(id=s.id, title=s.title, difficulty=s.difficulty, minutes=solve_minutes(s),
                         path=str(s.directory.resolve()), file=str(s.candidate_file.resolve())) for s in plan.specs]
    return Session(id=stamp.strftime("%Y%m%d-%H%M%S-%f"), created=stamp.isoformat(timespec="seconds"),
                   budget=minutes * 60.0, seed=seed, exercises=exercises, fallback=plan.fallback)


def load_session(path: Path) -> Session:
    """A saved session; UsageError naming the file when it is not one."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if data.get("version") != SESSION_VERSION:
            raise ValueError(f"version {data.get('version')!r}, expected {SESSION_VERSION}")
        data["exercises"] = [Planned(**e) for e in data["exercises"]]
        session = Session(**data)
        if not session.exercises or not 0 <= session.current < len(session.exercises):
            raise ValueError("no exercises, or the current one is out of range")
        return session
    except (OSError, ValueError, TypeError, KeyError, AttributeError) as exc:
        raise UsageError(f"{path} is not a readable interview session: {exc}") from None


def unfinished_session() -> Session:
    """The newest session that was paused (Ctrl-C, end of input) and not finished; UsageError when none."""
    folder = sessions_folder()
    files = sorted(folder.glob("*.json"), reverse=True) if folder.is_dir() else []
    for file in files:  # names start with the creation time: newest first
        session = load_session(file)
        if session.ended is None:
            return session
    raise UsageError(f"no unfinished interview to resume in {folder}: start one with `grade interview`")


def format_time(seconds: float | None) -> str:
    """M:SS (or H:MM:SS) for a duration in seconds; "–" for None."""
    if seconds is None:
        return "–"
    whole = int(round(seconds))
    hours, rest = divmod(whole, 3600)
    return f"{hours}:{rest // 60:02d}:{rest % 60:02d}" if hours else f"{rest // 60}:{rest % 60:02d}"


def markdown_report(report: dict[str, Any]) -> str:
    """The report as a Markdown document (ids and titles come from the bank, verdicts from a closed vocabulary)."""
    lines = [f"# Mock interview {report['session']}", "",
             f"Started {report['created']} · budget {report['budget_minutes']:g} min · used "
             f"{format_time(report['elapsed'])} · {report['ended'] or 'paused'} · seed {report['seed']}", "",
             f"**{report['passed']}/{len(report['exercises'])} exercises passed.**", ""]
    if report["fallback"]:
        lines += ["Every matching exercise had been tried already: these are ones you had not passed yet.", ""]
    lines += ["| exercise | level | estimate | time spent | first pass at | last attempt at | attempts | hints | verdict "
              "| best |", "|---|---|---|---|---|---|---|---|---|---|"]
    for row in report["exercises"]:
        best = "–" if row["best_score"] is None else f"{row['best_score']:.0%}"
        lines.append(f"| {row['id']} | {row['difficulty']} | {row['estimate_minutes']} min | "
                     f"{format_time(row['time_spent'])} | {format_time(row['first_pass_at'])} | "
                     f"{format_time(row['last_attempt_at'])} | {row['attempts']} | {row['hints']} | {row['verdict']} | {best} |")
    lines += ["", "Times are on the session clock (it stands still while a session is paused); time spent is the "
              "time each exercise was the current one."]
    return "\n".join(lines) + "\n"


def write_report(session: Session) -> Path:
    """Write the Markdown report beside the session file; its path."""
    session.report_file.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    write_atomically(session.report_file, markdown_report(session.report()))
    return session.report_file
