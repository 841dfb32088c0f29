"""Mutation testing of an exercise: grade every mutant of its reference (grader/mutants.py) against its
cases and report the share the cases kill (docs/mutation.md).

Mutants are trusted code (derived from the bank's reference, like the wrong variants) and run on the
trusted side, in a worker process of their own so that a mutant that hangs, crashes or exhausts memory
is killed and costs only itself: the worker is restarted for the mutants that remain. A mutant is
killed when, on some case, it does not load, raises, runs past the case's time limit, or its outputs
fail the exercise's own comparison (grader/expected.py `compare_outputs`, the in-place rule included).
"""

from __future__ import annotations

import multiprocessing
import signal
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from pathlib import Path
from types import FrameType
from typing import Any

from .bank import Exercise
from .mutants import Mutant, capped, mutants
from .spec import EntrypointKind

LOAD_BUDGET = 60.0  # seconds for a worker to load the exercise (cases, expected outputs, torch)
DEFAULT_MAX_MUTANTS = 80  # per exercise unless its spec says otherwise: keeps `--mutants` within CI time


@dataclass
class MutationReport:
    """What the cases did to the mutants of one exercise."""

    total: int = 0
    killed: dict[str, str] = field(default_factory=dict)  # mutant id → how (case and reason)
    survived: list[str] = field(default_factory=list)
    equivalent: list[str] = field(default_factory=list)  # listed as equivalent, and indeed survived
    stale: list[str] = field(default_factory=list)  # listed as equivalent but killed, or no such mutant
    generated: int = 0  # before the per-exercise cap

    @property
    def score(self) -> float:
        """Killed ÷ non-equivalent mutants (1.0 when there are none)."""
        scored = len(self.killed) + len(self.survived)
        return len(self.killed) / scored if scored else 1.0


def exercise_mutants(exercise: Exercise) -> tuple[list[Mutant], list[Mutant]]:
    """The mutants graded for EXERCISE (capped), and all those generated."""
    sql = exercise.spec.entrypoint.kind is EntrypointKind.SQL
    found = mutants(exercise.reference_file.read_text(encoding="utf-8"), sql)
    limit = exercise.spec.max_mutants if exercise.spec.max_mutants is not None else DEFAULT_MAX_MUTANTS
    return capped(found, limit), found


def mutation_report(exercise: Exercise, bank: Path | None, progress: Callable[[str], None]) -> MutationReport:
    """Grade every mutant of EXERCISE's reference against its cases."""
    chosen, generated = exercise_mutants(exercise)
    report = MutationReport(total=len(chosen), generated=len(generated))
    outcomes = _run(exercise, bank, chosen, progress)
    listed = {e.mutant for e in exercise.spec.equivalent}
    known = {m.id for m in generated}
    for mutant in chosen:
        how = outcomes.get(mutant.id)
        if mutant.id in listed:
            if how is None:
                report.equivalent.append(mutant.id)
            else:
                report.stale.append(f"{mutant.id} (killed: {how})")
        elif how is None:
            report.survived.append(mutant.id)
        else:
            report.killed[mutant.id] = how
    report.stale.extend(f"{m} (no such mutant)" for m in sorted(listed - known))
    return report


def _run(exercise: Exercise, bank: Path | None, chosen: list[Mutant],
         progress: Callable[[str], None]) -> dict[str, str | None]:
    """Mutant id → how it was killed, or None when it survived."""
    from .grading import prepared

    cases, _expected = prepared(exercise)  # builds and caches expected outputs once, before the workers
    budget = sum(float(c.time_limit or exercise.spec.time_per_case) for c in cases) + 5.0
    outcomes: dict[str, str | None] = {}
    pending = list(chosen)
    context = multiprocessing.get_context("spawn")
    while pending:
        parent, child = context.Pipe()
        worker = context.Process(target=_worker, args=(str(exercise.spec.directory), str(bank) if bank else None, child),
                                 daemon=True)
        worker.start()
        child.close()
        try:
            if not parent.poll(LOAD_BUDGET) or parent.recv() != "ready":
                for mutant in pending:
                    outcomes[mutant.id] = "the mutation worker did not start"
                return outcomes
            while pending:
                mutant = pending[0]
                progress(f"{exercise.spec.id}: mutant {len(chosen) - len(pending) + 1}/{len(chosen)}")
                parent.send((mutant.id, mutant.source))
                if not parent.poll(budget):
                    outcomes[mutant.id] = "hangs (past the cases' total time limit)"
                    pending.pop(0)
                    break
                mutant_id, how = parent.recv()
                outcomes[mutant_id] = how
                pending.pop(0)
        except EOFError:
            outcomes[pending.pop(0).id] = "crashes the process"
        finally:
            worker.kill()
            worker.join()
            parent.close()
    return outcomes


class _CaseTimeout(Exception):
    pass


def _on_alarm(_signum: int, _frame: FrameType | None) -> None:
    raise _CaseTimeout


def _worker(directory: str, bank: str | None, connection: Connection) -> None:
    """Worker process: load the exercise once, then grade each mutant sent until the pipe closes."""
    from .bank import load_exercise
    from .grading import prepared

    exercise = load_exercise(Path(directory), Path(bank) if bank else None)
    cases, expected = prepared(exercise)
    signal.signal(signal.SIGPROF, _on_alarm)
    connection.send("ready")
    with tempfile.TemporaryDirectory(prefix="mlgrade-mutants-") as scratch:
        while True:
            try:
                mutant_id, source = connection.recv()
            except EOFError:
                return
            connection.send((mutant_id, _grade(exercise, cases, expected, Path(scratch), mutant_id, source)))


def _grade(exercise: Exercise, cases: list[Any], expected: dict[str, dict[str, Any]], scratch: Path,
           mutant_id: str, source: str) -> str | None:
    """How the cases kill one mutant, or None when it survives them all."""
    from .errors import BankCodeError
    from .expected import compare_outputs, load_code, run_code

    suffix = ".sql" if exercise.spec.entrypoint.kind is EntrypointKind.SQL else ".py"
    path = scratch / f"m{abs(hash(mutant_id))}_{len(list(scratch.iterdir()))}{suffix}"
    path.write_text(source, encoding="utf-8")
    try:
        target = load_code(exercise, path)
    except BankCodeError:
        return "does not load"
    for case in cases:
        limit = float(case.time_limit or exercise.spec.time_per_case)
        try:
            signal.setitimer(signal.ITIMER_PROF, limit)
            try:
                outputs = run_code(exercise, target, case)
            finally:
                signal.setitimer(signal.ITIMER_PROF, 0)
        except _CaseTimeout:
            return f"{case.name}: past the {limit:g} s limit"
        except Exception as exc:  # noqa: BLE001 - a mutant that raises is killed by that case
            return f"{case.name}: raises {type(exc).__name__}"
        difference = compare_outputs(exercise, case, expected[case.name], outputs)
        if difference is not None:
            return f"{case.name}: output `{difference[0]}` differs"
    return None
