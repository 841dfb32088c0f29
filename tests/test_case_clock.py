"""What a case is charged is the candidate's time, not the host's: the clock starts once the inputs are all
sent, and the protocol's pipes are wide enough that a large message crosses in a few hops (on a busy host
each 64 KiB hop waits for its reader, and the exercise process waited on the clock). Through the local
sandbox, so that no container start weighs on it; the containers' share is in bench/ and tests/hostile."""

from __future__ import annotations

import fcntl
import threading
import time
from typing import Any

import pytest
from support import EXERCISES

from grader.bank import load_exercise
from grader.grading import candidate_files, grade_exercise
from grader.options import GradeOptions
from sandbox import launcher
from sandbox.runner import wire

SLOW_SEND = 0.4


def test_a_slow_send_is_not_charged_to_the_case(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each message takes the host SLOW_SEND seconds to hand over (a grader busy with other candidates):
    the cases' times stay the answer's own."""
    real = launcher.LocalSession.send

    def slow(self: launcher.LocalSession, message: Any) -> None:
        time.sleep(SLOW_SEND)  # the bytes are late: the exercise process waits for them
        real(self, message)

    monkeypatch.setattr(launcher.LocalSession, "send", slow)
    exercise = load_exercise(EXERCISES / "ml_basics" / "softmax")
    result = grade_exercise(exercise, candidate_files(exercise, exercise.reference_file),
                            GradeOptions(sandbox="local"), threading.Event())
    assert result.passed
    shown = [c.seconds for c in result.cases if c.seconds is not None]
    assert shown and max(shown) < SLOW_SEND / 2, shown


def test_the_protocol_pipes_are_wide() -> None:
    session = launcher.LocalSession(launcher.Limits())
    try:
        for stream in (session.process.stdin, session.process.stdout):
            assert stream is not None
            assert fcntl.fcntl(stream.fileno(), fcntl.F_GETPIPE_SZ) == wire.PIPE_BYTES
    finally:
        session.discard()
