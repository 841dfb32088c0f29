"""Property-based fuzzing of the result channel: the strict codec (sandbox.runner.wire) and the one
place verdicts are decided (grader.verdicts.from_result), with random, mutated and truncated frames.

The codec may only ever return plain data or raise WireError; from_result may only ever return a
CaseResult, and "passed" only when the decoded answer really is within tolerance of the expected
one. Hidden cases never echo anything the candidate sent. No Docker needed.
"""

from __future__ import annotations

import base64
import json
import math
import re
from functools import cache
from typing import Any

import numpy as np
import pytest
from hostile_support import SDPA
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from grader.bank import Exercise, load_exercise
from grader.cases import Case, generate_cases
from grader.diagnose import Diagnoser
from grader.expected import expected_outputs
from grader.results import CaseResult, Verdict
from grader.verdicts import from_result
from sandbox.runner import wire

CAP = 1 << 16
SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
ANY_CHAR = st.characters() | st.sampled_from(["\ud800", "\udfff", "\x1b", "\x00", "\r", "\x9b", "\u202e"])  # hostile ones too
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")

scalars = (st.none() | st.booleans() | st.integers() | st.integers(min_value=-(10**400), max_value=10**400)
           | st.floats(allow_nan=False, allow_infinity=False) | st.text(ANY_CHAR, max_size=12))
dtypes = st.sampled_from(sorted(wire.ALLOWED_DTYPES) + ["|O", "<U3", "|V8", ">f8", "<c16", "f8", "", "<M8[s]"])
shapes = st.lists(st.integers(min_value=-2, max_value=4), max_size=9) | st.lists(st.integers(), max_size=3)
payloads = st.binary(max_size=80).map(lambda raw: base64.b64encode(raw).decode()) | st.text(max_size=24)


def array_tag(children: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    spec = st.fixed_dictionaries({"dtype": dtypes | children, "shape": shapes | children, "b64": payloads | children},
                                 optional={"extra": children})
    return st.builds(lambda s: {"$nd": s}, spec | children)


def float_tag(children: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    return st.builds(lambda t: {"$float": t}, st.sampled_from(["nan", "inf", "-inf", "1e400", "NaN", ""]) | children)


json_data = st.recursive(
    scalars,
    lambda children: (st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=6), children, max_size=4)
                      | array_tag(children) | float_tag(children)),
    max_leaves=25,
)


def valid_array(draw: st.DrawFn) -> np.ndarray:
    dtype = np.dtype(draw(st.sampled_from(sorted(wire.ALLOWED_DTYPES))))
    shape = tuple(draw(st.lists(st.integers(min_value=0, max_value=3), max_size=3)))
    raw = draw(st.binary(min_size=math.prod(shape) * dtype.itemsize, max_size=math.prod(shape) * dtype.itemsize))
    return np.frombuffer(raw, dtype=dtype).reshape(shape)


def check_plain(value: Any, cap: int) -> None:
    """What decode_value returns is plain data: exact ndarrays of allowed dtypes within the cap."""
    if isinstance(value, np.ndarray):
        assert type(value) is np.ndarray and value.dtype.str in wire.ALLOWED_DTYPES and value.nbytes <= cap
        assert value.flags.owndata or value.base is None or isinstance(value.base, np.ndarray)
    elif isinstance(value, dict):
        assert all(type(k) is str for k in value)
        for item in value.values():
            check_plain(item, cap)
    elif isinstance(value, list):
        for item in value:
            check_plain(item, cap)
    else:
        assert value is None or type(value) in (bool, int, float, str)


@SETTINGS
@given(json_data)
def test_decode_value_returns_plain_data_or_raises_wire_error(data: Any) -> None:
    try:
        value = wire.decode_value(data, CAP)
    except wire.WireError:
        return
    check_plain(value, CAP)


@SETTINGS
@given(st.data())
def test_valid_arrays_round_trip_exactly(data: st.DataObject) -> None:
    array = data.draw(st.composite(valid_array)())
    decoded = wire.decode_value(wire.loads(wire.dumps({"type": "x", "v": wire.encode_value(array)}), CAP)["v"], CAP)
    assert type(decoded) is np.ndarray and decoded.dtype.str == array.dtype.str
    assert decoded.shape == array.shape and decoded.tobytes() == array.tobytes()


@SETTINGS
@given(st.binary(max_size=300) | json_data.map(lambda d: json.dumps(d).encode()))
def test_loads_takes_any_bytes(line: bytes) -> None:
    try:
        message = wire.loads(line, CAP)
    except wire.WireError:
        return
    assert type(message) is dict and type(message["type"]) is str


def test_loads_caps_size_before_parsing() -> None:
    with pytest.raises(wire.WireError, match="exceeds"):
        wire.loads(b'{"type":"result","x":"' + b"a" * CAP + b'"}', CAP)
    with pytest.raises(wire.WireError):
        wire.loads(b"[" * 100_000 + b"]" * 100_000, 1 << 20)  # nesting bomb: no RecursionError escapes
    with pytest.raises(wire.WireError):
        wire.loads(b'{"type":"result","v":NaN}', CAP)


# --- from_result ---------------------------------------------------------------------------------


@cache
def _setting() -> tuple[Exercise, list[Case], dict[str, dict[str, Any]], Diagnoser]:
    exercise = load_exercise(SDPA)
    cases = generate_cases(exercise.cases_file, exercise.spec.seed)
    expected = expected_outputs(exercise, cases)
    return exercise, cases, expected, Diagnoser(exercise, expected)


def _judge(message: dict[str, Any], hidden: bool) -> tuple[CaseResult, Case, dict[str, Any]]:
    exercise, cases, expected, diagnose = _setting()
    case = next(c for c in cases if c.hidden is hidden)
    result = from_result(exercise, case, message, expected[case.name], diagnose, 0.01)
    assert isinstance(result, CaseResult) and isinstance(result.verdict, Verdict)
    assert result.verdict is not Verdict.UNGRADABLE
    for text in _texts(result):
        assert not CONTROL.search(text.replace("\n", "").replace("\t", "")), repr(text)
    if hidden:
        assert result.output is None
        if result.error is not None:
            assert result.error.traceback == [] and (result.error.message == ""
                                                    or result.verdict is Verdict.FORBIDDEN_API)
    return result, case, expected[case.name]


def _texts(result: CaseResult) -> list[str]:
    texts = [result.reason, result.output or ""]
    if result.error is not None:
        texts += [result.error.type, result.error.message, str(result.error.file or "")]
        texts += [str(v) for frame in result.error.traceback for v in frame.values()]
    return texts


def _justified_pass(message: dict[str, Any], want: dict[str, Any]) -> bool:
    """A pass is justified only by an ok status and an answer within the exercise's tolerance."""
    if message.get("status") != "ok":
        return False
    outputs = wire.decode_value(message["outputs"], 8 << 20)
    got = np.asarray(outputs["out"], dtype=np.float64)
    return got.shape == want["out"].shape and bool(np.allclose(got, want["out"], rtol=1e-5, atol=1e-5))


messages = st.fixed_dictionaries(
    {"type": st.just("result")},
    optional={"case": st.text(max_size=5), "status": st.sampled_from(["ok", "error", "timeout", "memory", "passed",
                                                                       "forbidden", "bad_output", "output_limit", ""])
              | json_data,
              "outputs": json_data | st.dictionaries(st.just("out"), json_data | array_tag(json_data)),
              "error": json_data | st.fixed_dictionaries({}, optional={"type": json_data, "message": json_data,
                                                                        "frames": json_data, "api": json_data}),
              "output": json_data | st.fixed_dictionaries({}, optional={"text": json_data, "bytes": json_data}),
              "seconds": json_data | st.just(float("inf")) | st.just(10**400),
              "verdict": st.just("passed"), "score": st.just(1.0)},
)


@SETTINGS
@given(messages, st.booleans())
def test_from_result_never_crashes_and_never_passes_garbage(message: dict[str, Any], hidden: bool) -> None:
    result, _case, want = _judge(message, hidden)
    if result.verdict is Verdict.PASSED:
        assert _justified_pass(message, want)


def _passing_message(hidden: bool) -> dict[str, Any]:
    _exercise, cases, expected, _diagnose = _setting()
    case = next(c for c in cases if c.hidden is hidden)
    return {"type": "result", "case": case.name, "status": "ok", "seconds": 0.01,
            "outputs": {"out": wire.encode_value(expected[case.name]["out"])}, "output": {"text": "", "bytes": 0}}


@pytest.mark.parametrize("hidden", [False, True])
def test_the_true_answer_passes(hidden: bool) -> None:
    result, _case, _want = _judge(_passing_message(hidden), hidden)
    assert result.verdict is Verdict.PASSED


@SETTINGS
@given(st.booleans(), st.data())
def test_truncated_frames_raise_wire_error(hidden: bool, data: st.DataObject) -> None:
    line = wire.dumps(_passing_message(hidden))
    cut = data.draw(st.integers(min_value=0, max_value=len(line) - 2))
    with pytest.raises(wire.WireError):
        wire.loads(line[:cut], CAP)


@SETTINGS
@given(st.booleans(), st.data())
def test_mutated_frames_never_pass_unjustified(hidden: bool, data: st.DataObject) -> None:
    line = bytearray(wire.dumps(_passing_message(hidden)))
    for _ in range(data.draw(st.integers(min_value=1, max_value=4))):
        position = data.draw(st.integers(min_value=0, max_value=len(line) - 2))
        line[position] = data.draw(st.integers(min_value=0, max_value=255))
    try:
        message = wire.loads(bytes(line), 8 << 20)
    except wire.WireError:
        return
    assume(message.get("type") == "result")
    result, _case, want = _judge(message, hidden)
    if result.verdict is Verdict.PASSED:
        assert _justified_pass(message, want)


NASTY = "\x1b[2J\x1b[32m passed\r\x00\x9b\ud800\udfff"


@pytest.mark.parametrize("hidden", [False, True])
def test_hostile_strings_and_numbers_are_made_inert(hidden: bool) -> None:
    """Lone surrogates, terminal escapes and NUL in every candidate string; absurd numbers."""
    message = {"type": "result", "status": "error", "seconds": 10**400,
               "output": {"text": NASTY * 10, "bytes": 10**400},
               "error": {"type": "Evil" + NASTY, "message": NASTY, "api": NASTY,
                         "frames": [{"file": NASTY, "line": "12", "function": NASTY, "code": NASTY},
                                    {"file": "solution.py", "line": 10**30, "function": [NASTY], "code": None}]}}
    result, _case, _want = _judge(message, hidden)
    assert result.verdict is Verdict.RUNTIME_ERROR and result.seconds == (None if hidden else 0.01)  # the host's time
    assert result.error is not None and result.error.line is None
    json.dumps(result.reason)
    if hidden:
        assert result.error.type == "Exception" and result.error.file is None and result.error.message == ""
