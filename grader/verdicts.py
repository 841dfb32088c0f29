"""Where a verdict is decided. Everything the sandbox says is evidence (rule R4, docs/design.md); only this module
turns evidence into a verdict, and only a comparison with the trusted expected outputs gives "passed".

Hidden cases keep their verdict and diagnosis but lose everything that could echo hidden inputs or
expected values: values and error magnitudes in mismatch reports, the candidate's printed output,
exception messages, candidate-made exception names, file and line numbers, exit statuses and times;
the fraction of mismatched values is kept in tenths. What remains is the side channel bounded in
docs/security.md. Every candidate-controlled string goes through grader/scrub.py, trimmed.

Times are the host's (grader/sandbox_run.py CaseClock), never the runner's: a case charged more than
its limit is "time limit" whatever the container says. An answer is checked against the exercise's
declared outputs (names, and numeric data for numeric outputs) before any array in it is decoded.
"""

from __future__ import annotations

import builtins
import dataclasses
from collections.abc import Callable
from typing import Any

from sandbox.launcher import Ending
from sandbox.runner import wire
from sandbox.runner.invoke import INPUTS_DIGEST

from .bank import Exercise
from .cases import Case
from .compare import Mismatch
from .expected import INPUTS_CHANGED, compare_outputs
from .forbidden import ForbiddenUse
from .results import CaseResult, ErrorInfo, Misconception, Verdict
from .scrub import scrub
from .spec import EntrypointKind

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
NUMERIC_COMPARISONS = ("allclose",)  # outputs whose answer must be numbers, numeric lists or arrays
ROW_COMPARISONS = ("rows", "rows_ordered")  # outputs whose answer is {"columns": [...], "rows": [...]}
# Exception names a hidden case may show: Python's own and the runner's, never a class the candidate
# made up (its name could carry hidden inputs).
PUBLIC_ERROR_TYPES = frozenset(
    [name for name, value in vars(builtins).items() if isinstance(value, type) and issubclass(value, BaseException)]
    + ["CaseTimeout", "ForbiddenCall", "WireError", "BadOutput", "LinAlgError", "LoadFailure"]
)
HIDDEN_ERROR_VERDICTS = (Verdict.RUNTIME_ERROR, Verdict.FORBIDDEN_API)  # hidden verdicts that keep an error
HIDDEN_FRACTION_STEP = 0.1  # a hidden wrong answer's mismatched fraction, in tenths (side channel: docs/security.md)


def from_result(exercise: Exercise, case: Case, message: dict[str, Any], expected: dict[str, Any],
                diagnose: Diagnose, seconds: float) -> CaseResult:
    """Verdict of a case the runner answered, SECONDS after its inputs were sent (host-measured)."""
    shown = _seconds(seconds, case.hidden)
    output = _printed(message.get("output"), case.hidden)
    limit = case.time_limit
    if limit is not None and seconds > limit:  # the host's measure decides, whatever the runner says
        where = None if case.hidden else error_info(message.get("error"), False, exercise)  # the line it was on
        return _result(case, Verdict.TIME_LIMIT, _over_limit(seconds, limit, case.hidden), output=output,
                       seconds=shown, error=where)
    status = message.get("status")
    if status == "ok":
        try:
            undeclared = _undeclared(exercise, expected, message.get("outputs"))
            if undeclared:
                raise wire.WireError(undeclared)
            outputs = wire.decode_value(message.get("outputs"), OUTPUT_CAP)
        except wire.WireError as exc:
            detail = "" if case.hidden else f": {_text(exc, 300)}"
            return _result(case, Verdict.WRONG_ANSWER, f"the answer could not be read{detail}", output=output,
                           seconds=shown)
        try:
            difference = compare_outputs(exercise, case, expected, outputs)
        except Exception as exc:  # noqa: BLE001 - data the comparison did not foresee is still a wrong answer
            detail = "" if case.hidden else f" ({type(exc).__name__})"
            return _result(case, Verdict.WRONG_ANSWER, f"the answer could not be compared{detail}", output=output,
                           seconds=shown)
        if difference is None:
            return _result(case, Verdict.PASSED, "all outputs match", output=output, seconds=shown)
        name, mismatch = difference
        return _result(case, Verdict.WRONG_ANSWER, _mismatch_reason(name, mismatch, case.hidden),
                       output=output, seconds=shown, mismatch=_public_mismatch(mismatch, case.hidden),
                       misconception=_diagnosis(diagnose, case, outputs))
    verdict = RUNNER_STATUS.get(status if isinstance(status, str) else "", Verdict.RUNTIME_ERROR)
    if verdict is Verdict.TIME_LIMIT and shown is not None and limit is not None:
        # The runner's CPU timer (tick-sampled) fired at the limit; the host's precise cgroup figure may read a
        # little less. The case ran until the limit: show that, not a time under it.
        shown = max(shown, limit)
    error = error_info(message.get("error"), case.hidden, exercise)
    if case.hidden and verdict not in HIDDEN_ERROR_VERDICTS:
        error = None  # the verdict says it all; an exception name here would be ~6 more bits
    elif case.hidden and verdict is Verdict.FORBIDDEN_API and error is not None:
        error = dataclasses.replace(error, type="ForbiddenCall")
    reason = _error_reason(verdict, error, case)
    if verdict is Verdict.NOT_IMPLEMENTED and exercise.spec.entrypoint.kind is EntrypointKind.SQL:
        reason = f"the query is not written yet (no SELECT in {exercise.spec.entrypoint.file})"
    return _result(case, verdict, reason, output=output, seconds=shown, error=error)


def _undeclared(exercise: Exercise, expected: dict[str, Any], outputs: Any) -> str | None:
    """Why the answer's raw JSON does not fit the exercise's declared outputs, checked before any array
    is decoded: only declared names, only numeric data for numeric outputs, rows as columns and rows."""
    if not isinstance(outputs, dict):
        return "outputs must be an object"
    for name, value in outputs.items():
        if name == INPUTS_DIGEST and exercise.spec.entrypoint.inputs_unchanged:
            if not isinstance(value, str):
                return "the runner's digest of the inputs must be text"
            continue
        if name not in expected or name == INPUTS_DIGEST:
            return f"`{_text(name, 80)}` is not one of the exercise's outputs"
        compare = exercise.spec.output(name).compare
        if compare in NUMERIC_COMPARISONS and not _numeric(value):
            return f"output `{name}` must be numbers or an array"
        if compare in ROW_COMPARISONS and not (isinstance(value, dict) and set(value) == {"columns", "rows"}
                                               and isinstance(value["columns"], list)
                                               and all(isinstance(c, str) for c in value["columns"])
                                               and isinstance(value["rows"], list)):
            return f"output `{name}` must be columns and rows"
    return None


def _numeric(value: Any) -> bool:
    """VALUE (raw JSON) is a number, a bool, null, a tagged array or float, or lists of those."""
    pending = [value]
    while pending:
        item = pending.pop()
        if isinstance(item, list):
            pending.extend(item)
        elif isinstance(item, dict):
            if set(item) not in ({wire.ARRAY_TAG}, {"$float"}):
                return False
        elif item is not None and type(item) not in (bool, int, float):
            return False
    return True


def _over_limit(seconds: float, limit: float, hidden: bool) -> str:
    if hidden:
        return f"ran past the {limit:g} s time limit"
    return f"ran for {seconds:.2f} s, past the {limit:g} s time limit (measured by the grader)"


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


def from_ending(case: Case, ending: Ending | None, timed_out: bool, time_limit: float,
                seconds: float | None = None) -> CaseResult:
    """Verdict of a case during which the runner stopped answering or died (SECONDS: host-measured)."""
    shown = None if seconds is None else _seconds(seconds, case.hidden)
    if ending is not None and ending.output_overflow:
        return _result(case, Verdict.OUTPUT_LIMIT, "the solution wrote more output than the sandbox allows")
    if ending is not None and ending.oom_killed:
        return _result(case, Verdict.MEMORY_LIMIT, "the sandbox ran out of memory and the solution was killed")
    if timed_out:
        return _result(case, Verdict.TIME_LIMIT, f"no answer within the {time_limit:g} s limit: the sandbox was "
                                                 "stopped", time_limit=time_limit, seconds=shown)
    if case.hidden:  # an exit status is a number the candidate chooses
        return _result(case, Verdict.RUNTIME_ERROR, "the solution's process ended without answering")
    code = None if ending is None else ending.exit_code
    return _result(case, Verdict.RUNTIME_ERROR, f"the solution's process ended without answering (exit status {code})",
                   seconds=shown)


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
    case only a Python exception name and the name of one of the exercise's forbidden APIs survive."""
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
        file, line = None, None  # a line number is 13 bits the candidate chooses
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


def _seconds(value: float, hidden: bool) -> float | None:
    """The host-measured time as shown: none for hidden cases (the time limit is their only time bucket)."""
    return None if hidden else round(max(0.0, value), 3)


def _diagnosis(diagnose: Diagnose, case: Case, outputs: dict[str, Any]) -> Misconception | None:
    try:
        return diagnose(case, outputs)
    except Exception:  # noqa: BLE001 - an answer the diagnosis cannot handle just gets no diagnosis
        return None


def _error_reason(verdict: Verdict, error: ErrorInfo | None, case: Case) -> str:
    where = f" (line {error.line})" if error and error.line and f"line {error.line})" not in error.message else ""
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
    return f"output `{name}`: {_text(mismatch.reason, 500)}"


def _public_mismatch(mismatch: Mismatch, hidden: bool) -> dict[str, Any]:
    data = mismatch.to_dict()
    if hidden:  # no values, no maps, no error magnitudes (an all-zero answer would read max|expected|)
        keep = ("fraction_mismatched",)  # not even the tolerances: they follow the dtype the answer chose
        data = {k: (v if k in keep else None) for k, v in data.items()}
        if isinstance(data["fraction_mismatched"], float):
            steps = round(data["fraction_mismatched"] / HIDDEN_FRACTION_STEP)
            data["fraction_mismatched"] = round(steps * HIDDEN_FRACTION_STEP, 1)
        data["reason"] = "values are not shown for hidden cases"
        return data
    for key in ("reason", "expected_value", "actual_value"):  # SQL column names, previews: candidate text
        if not isinstance(data[key], (int, float, type(None))):
            data[key] = _text(data[key], 300)
    if data["rows"] is not None:  # the candidate's column names and cells
        rows = data["rows"]
        data["rows"] = {**rows, "columns": [_text(c, 100) for c in rows["columns"]],
                        "expected": [[_cell(v) for v in row] for row in rows["expected"]],
                        "actual": [[_cell(v) for v in row] for row in rows["actual"]]}
    return data


def _cell(value: Any) -> Any:
    """An SQL cell as shown: numbers and NULL as they are, anything else as trimmed safe text."""
    return value if isinstance(value, (int, float, type(None))) else _text(value, 100)


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
