"""Where a verdict is decided. Everything the sandbox says is evidence (rule R4, docs/design.md); only this module
turns evidence into a verdict, and only a comparison with the trusted expected outputs gives "passed".

Hidden cases keep their verdict and diagnosis but lose everything that could echo hidden inputs or
expected values: values and error magnitudes in mismatch reports, the candidate's printed output,
exception messages, candidate-made exception names and file names, fine-grained times. Every
candidate-controlled string is trimmed and stripped of control characters and lone surrogates.
"""

from __future__ import annotations

import builtins
from collections.abc import Callable
from typing import Any

from sandbox.launcher import Ending
from sandbox.runner import wire

from .bank import Exercise
from .cases import Case
from .compare import Mismatch
from .expected import INPUTS_CHANGED, compare_outputs
from .forbidden import ForbiddenUse
from .results import CaseResult, ErrorInfo, Misconception, Verdict
from .scrub import scrub

Diagnose = Callable[[Case, dict[str, Any]], Misconception | None]

RUNNER_STATUS = {
    "not_implemented": Verdict.NOT_IMPLEMENTED,
    "forbidden": Verdict.FORBIDDEN_API,
    "timeout": Verdict.TIME_LIMIT,
    "memory": Verdict.MEMORY_LIMIT,
    "output_limit": Verdict.OUTPUT_LIMIT,
    "error": Verdict.RUNTIME_ERROR,
    "bad_output": Verdict.WRONG_ANSWER,
}
OUTPUT_CAP = 8 * 1024 * 1024
# Exception names a hidden case may show: Python's own and the runner's, never a class the candidate
# made up (its name could carry hidden inputs).
PUBLIC_ERROR_TYPES = frozenset(
    [name for name, value in vars(builtins).items() if isinstance(value, type) and issubclass(value, BaseException)]
    + ["CaseTimeout", "ForbiddenCall", "WireError", "BadOutput", "LinAlgError", "LoadFailure"]
)
HIDDEN_MAX_LINE = 9999  # a hidden case's error line: within any real solution file, not a 64-bit number
HIDDEN_TIME_STEP = 0.1  # hidden cases report time in tenths of a second (timing side channel: docs/security.md)


def from_result(exercise: Exercise, case: Case, message: dict[str, Any], expected: dict[str, Any],
                diagnose: Diagnose) -> CaseResult:
    """Verdict of a case the runner answered."""
    seconds = _seconds(message.get("seconds"), case.hidden)
    output = _printed(message.get("output"), case.hidden)
    status = message.get("status")
    if status == "ok":
        try:
            outputs = wire.decode_value(message.get("outputs"), OUTPUT_CAP)
            if not isinstance(outputs, dict):
                raise wire.WireError("outputs must be an object")
        except wire.WireError as exc:
            detail = "" if case.hidden else f": {_text(exc, 300)}"
            return _result(case, Verdict.WRONG_ANSWER, f"the answer could not be read{detail}", output=output,
                           seconds=seconds)
        try:
            difference = compare_outputs(exercise, case, expected, outputs)
        except Exception as exc:  # noqa: BLE001 - data the comparison did not foresee is still a wrong answer
            detail = "" if case.hidden else f" ({type(exc).__name__})"
            return _result(case, Verdict.WRONG_ANSWER, f"the answer could not be compared{detail}", output=output,
                           seconds=seconds)
        if difference is None:
            return _result(case, Verdict.PASSED, "all outputs match", output=output, seconds=seconds)
        name, mismatch = difference
        return _result(case, Verdict.WRONG_ANSWER, _mismatch_reason(name, mismatch, case.hidden),
                       output=output, seconds=seconds, mismatch=_public_mismatch(mismatch, case.hidden),
                       misconception=_diagnosis(diagnose, case, outputs))
    verdict = RUNNER_STATUS.get(status if isinstance(status, str) else "", Verdict.RUNTIME_ERROR)
    error = error_info(message.get("error"), case.hidden, exercise)
    return _result(case, verdict, _error_reason(verdict, error, case), output=output, seconds=seconds, error=error)


def from_load_error(case: Case, error: dict[str, Any] | None) -> CaseResult:
    """Every case's verdict when the candidate's module does not even import."""
    info = error_info(error, hidden=False)
    verdict = Verdict.RUNTIME_ERROR
    if info and info.type == "NotImplementedError":
        verdict = Verdict.NOT_IMPLEMENTED
    elif info and info.type == "ForbiddenCall":
        verdict = Verdict.FORBIDDEN_API
    reason = "the solution does not import: " + _error_reason(verdict, info, case)
    return _result(case, verdict, reason, error=info)


def from_forbidden(case: Case, uses: list[ForbiddenUse], file: str) -> CaseResult:
    """Every case's verdict when the static scan finds a forbidden API (the code is not run)."""
    first = uses[0]
    names = ", ".join(sorted({u.api for u in uses}))
    error = ErrorInfo(type="ForbiddenAPI", message=f"{first.api} is forbidden in this exercise", file=file,
                      line=first.line, traceback=[{"file": file, "line": u.line, "function": "", "code": u.code}
                                                  for u in uses])
    return _result(case, Verdict.FORBIDDEN_API, f"uses {names} ({file} line {first.line})", error=error)


def from_ending(case: Case, ending: Ending | None, timed_out: bool, time_limit: float) -> CaseResult:
    """Verdict of a case during which the runner stopped answering or died."""
    if ending is not None and ending.output_overflow:
        return _result(case, Verdict.OUTPUT_LIMIT, "the solution wrote more output than the sandbox allows")
    if ending is not None and ending.oom_killed:
        return _result(case, Verdict.MEMORY_LIMIT, "the sandbox ran out of memory and the solution was killed")
    if timed_out:
        return _result(case, Verdict.TIME_LIMIT, f"no answer within the {time_limit:g} s limit: the sandbox was "
                                                 "stopped", time_limit=time_limit)
    code = None if ending is None else ending.exit_code
    return _result(case, Verdict.RUNTIME_ERROR, f"the solution's process ended without answering (exit status {code})")


def unreadable(case: Case, problem: str, missing: bool) -> CaseResult:
    """Verdict when the candidate's file is missing (not implemented) or not readable text."""
    return _result(case, Verdict.NOT_IMPLEMENTED if missing else Verdict.RUNTIME_ERROR, problem)


def from_malformed(case: Case, problem: str) -> CaseResult:
    """Verdict of a case whose answer was not a readable protocol message."""
    if case.hidden:  # the problem quotes candidate-sent data
        return _result(case, Verdict.RUNTIME_ERROR, "the sandbox sent malformed data")
    return _result(case, Verdict.RUNTIME_ERROR, f"the sandbox sent malformed data ({_text(problem, 200)})")


def skipped(case: Case, after: CaseResult) -> CaseResult:
    """A case not run because the sandbox kept failing; it inherits the last failure's verdict."""
    return _result(case, after.verdict, f"not run: the sandbox stopped repeatedly (last: {after.verdict.value})")


def ungradable(case: Case, problem: str) -> CaseResult:
    """An infrastructure fault (rule R7): never a pass, never a silent zero."""
    return _result(case, Verdict.UNGRADABLE, problem)


def error_info(error: Any, hidden: bool, exercise: Exercise | None = None) -> ErrorInfo | None:
    """Rebuild the runner's error report, defensively (it is candidate-influenced data). For a hidden
    case only what cannot carry hidden inputs survives: a Python exception name, the line in the
    solution file, the name of one of the exercise's forbidden APIs."""
    if not isinstance(error, dict):
        return None
    frames = [f for f in error.get("frames", []) if isinstance(f, dict)][-8:] if isinstance(error.get("frames"), list) else []
    last = frames[-1] if frames else {}
    line = _line(last.get("line"))
    file = _text(last.get("file"), 200) if last else None
    kind = _text(error.get("type", "Exception"), 100)
    message = "" if hidden else _text(error.get("message", ""), 2000)
    api = error.get("api")
    if hidden:
        kind = kind if kind in PUBLIC_ERROR_TYPES else "Exception"
        entry_file = exercise.spec.entrypoint.file if exercise is not None else None
        file = file if file == entry_file else None
        line = line if file is not None and line is not None and line <= HIDDEN_MAX_LINE else None
        if exercise is None or api not in exercise.spec.forbidden:
            api = None
    if isinstance(api, str):
        message = f"{_text(api, 200)} is forbidden in this exercise"
    return ErrorInfo(
        type=kind,
        message=message,
        file=file,
        line=line,
        traceback=[{k: (_text(f.get(k), 300) if k != "line" else _line(f.get(k))) for k in ("file", "line", "function", "code")}
                   for f in frames] if not hidden else [],
    )


def _line(value: Any) -> int | None:
    return value if type(value) is int and 0 <= value < 1 << 31 else None


def _text(value: Any, limit: int) -> str:
    """Candidate-controlled text made safe for every renderer (terminal, HTML, JUnit XML, Markdown):
    trimmed, control characters (escape sequences, carriage returns, NUL) and lone surrogates replaced."""
    return scrub(str(value)[:limit])


def _seconds(value: Any, hidden: bool) -> float | None:
    if type(value) not in (int, float) or not 0 <= value < 1e9:  # also rejects NaN and inf
        return None
    return round(round(float(value) / HIDDEN_TIME_STEP) * HIDDEN_TIME_STEP, 1) if hidden else float(value)


def _diagnosis(diagnose: Diagnose, case: Case, outputs: dict[str, Any]) -> Misconception | None:
    try:
        return diagnose(case, outputs)
    except Exception:  # noqa: BLE001 - an answer the diagnosis cannot handle just gets no diagnosis
        return None


def _error_reason(verdict: Verdict, error: ErrorInfo | None, case: Case) -> str:
    where = f" (line {error.line})" if error and error.line else ""
    if verdict is Verdict.NOT_IMPLEMENTED:
        return "the stub still raises NotImplementedError" + where
    if verdict is Verdict.TIME_LIMIT:
        return "ran past the per-case time limit" + where
    if verdict is Verdict.MEMORY_LIMIT:
        return "MemoryError: the solution ran out of memory" + where
    if verdict is Verdict.OUTPUT_LIMIT:
        return "the solution printed more than the sandbox's output limit" + where
    if error is None:
        return verdict.value
    text = f"{error.type}: {error.message}" if error.message else error.type
    return text[:500] + where


def _mismatch_reason(name: str, mismatch: Mismatch, hidden: bool) -> str:
    if name == INPUTS_CHANGED:  # the in-place rule (grader/expected.py): the reason shows no values
        return mismatch.reason
    if hidden:
        return f"output `{name}` does not match (hidden case: values are not shown)"
    return f"output `{name}`: {mismatch.reason}"


def _public_mismatch(mismatch: Mismatch, hidden: bool) -> dict[str, Any]:
    data = mismatch.to_dict()
    if hidden:  # no values, no maps, no error magnitudes (an all-zero answer would read max|expected|)
        keep = ("fraction_mismatched", "rtol", "atol")
        data = {k: (v if k in keep else None) for k, v in data.items()}
        if isinstance(data["fraction_mismatched"], float):
            data["fraction_mismatched"] = round(data["fraction_mismatched"], 2)
        data["reason"] = "values are not shown for hidden cases"
    return data


def _printed(output: Any, hidden: bool) -> str | None:
    if hidden or not isinstance(output, dict) or not isinstance(output.get("text"), str) or not output["text"]:
        return None
    text = _text(output["text"], 4096)
    produced = output.get("bytes")
    if type(produced) is int and produced > len(text.encode()):
        text += f"\n… ({produced} bytes in all)"
    return text


def _result(case: Case, verdict: Verdict, reason: str, **evidence: Any) -> CaseResult:
    evidence.setdefault("time_limit", case.time_limit)
    if verdict is Verdict.TIME_LIMIT and case.note:
        reason = f"{reason} — {case.note}"  # e.g. "n = 100000: an O(n²) solution cannot finish within the limit"
    return CaseResult(name=case.name, hidden=case.hidden, verdict=verdict, reason=reason, note=case.note, **evidence)
