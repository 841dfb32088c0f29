"""Where a verdict is decided. Everything the sandbox says is evidence (rule R4); only this module
turns evidence into a verdict, and only a comparison with the trusted expected outputs gives "passed".

Hidden cases keep their verdict and diagnosis but lose everything that could echo hidden inputs or
expected values: values in mismatch reports, the candidate's printed output, exception messages.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sandbox.launcher import Ending
from sandbox.runner import wire

from .bank import Exercise
from .cases import Case
from .compare import Mismatch
from .expected import compare_outputs
from .forbidden import ForbiddenUse
from .results import CaseResult, ErrorInfo, Misconception, Verdict

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


def from_result(exercise: Exercise, case: Case, message: dict[str, Any], expected: dict[str, Any],
                diagnose: Diagnose) -> CaseResult:
    """Verdict of a case the runner answered."""
    seconds = message.get("seconds") if isinstance(message.get("seconds"), (int, float)) else None
    output = _printed(message.get("output"), case.hidden)
    status = message.get("status")
    if status == "ok":
        try:
            outputs = wire.decode_value(message.get("outputs"), OUTPUT_CAP)
            if not isinstance(outputs, dict):
                raise wire.WireError("outputs must be an object")
        except wire.WireError as exc:
            return _result(case, Verdict.WRONG_ANSWER, f"the answer could not be read: {exc}", output=output,
                           seconds=seconds)
        difference = compare_outputs(exercise, case, expected, outputs)
        if difference is None:
            return _result(case, Verdict.PASSED, "all outputs match", output=output, seconds=seconds)
        name, mismatch = difference
        return _result(case, Verdict.WRONG_ANSWER, _mismatch_reason(name, mismatch, case.hidden),
                       output=output, seconds=seconds, mismatch=_public_mismatch(mismatch, case.hidden),
                       misconception=diagnose(case, outputs))
    verdict = RUNNER_STATUS.get(status if isinstance(status, str) else "", Verdict.RUNTIME_ERROR)
    error = error_info(message.get("error"), case.hidden)
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
    return _result(case, Verdict.RUNTIME_ERROR, f"the sandbox sent malformed data ({problem[:200]})")


def skipped(case: Case, after: CaseResult) -> CaseResult:
    """A case not run because the sandbox kept failing; it inherits the last failure's verdict."""
    return _result(case, after.verdict, f"not run: the sandbox stopped repeatedly (last: {after.verdict.value})")


def ungradable(case: Case, problem: str) -> CaseResult:
    """An infrastructure fault (rule R7): never a pass, never a silent zero."""
    return _result(case, Verdict.UNGRADABLE, problem)


def error_info(error: Any, hidden: bool) -> ErrorInfo | None:
    """Rebuild the runner's error report, defensively (it is candidate-influenced data)."""
    if not isinstance(error, dict):
        return None
    frames = [f for f in error.get("frames", []) if isinstance(f, dict)][-8:] if isinstance(error.get("frames"), list) else []
    last = frames[-1] if frames else {}
    line = last.get("line") if isinstance(last.get("line"), int) else None
    message = "" if hidden else str(error.get("message", ""))[:2000]
    api = error.get("api")
    if isinstance(api, str):
        message = f"{api[:200]} is forbidden in this exercise"
    return ErrorInfo(
        type=str(error.get("type", "Exception"))[:100],
        message=message,
        file=str(last.get("file"))[:200] if last else None,
        line=line,
        traceback=[{k: (str(f.get(k))[:300] if k != "line" else f.get(k)) for k in ("file", "line", "function", "code")}
                   for f in frames] if not hidden else [],
    )


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
    if hidden:
        return f"output `{name}` does not match (hidden case: values are not shown)"
    return f"output `{name}`: {mismatch.reason}"


def _public_mismatch(mismatch: Mismatch, hidden: bool) -> dict[str, Any]:
    data = mismatch.to_dict()
    if hidden:
        keep = ("max_abs_error", "max_rel_error", "fraction_mismatched", "rtol", "atol")  # no values, no maps
        data = {k: (v if k in keep else None) for k, v in data.items()}
        data["reason"] = "values are not shown for hidden cases"
    return data


def _printed(output: Any, hidden: bool) -> str | None:
    if hidden or not isinstance(output, dict) or not isinstance(output.get("text"), str) or not output["text"]:
        return None
    text: str = output["text"][:4096]
    produced = output.get("bytes")
    if isinstance(produced, int) and produced > len(text.encode()):
        text += f"\n… ({produced} bytes in all)"
    return text


def _result(case: Case, verdict: Verdict, reason: str, **evidence: Any) -> CaseResult:
    evidence.setdefault("time_limit", case.time_limit)
    return CaseResult(name=case.name, hidden=case.hidden, verdict=verdict, reason=reason, note=case.note, **evidence)
