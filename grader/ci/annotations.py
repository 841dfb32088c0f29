"""GitHub Actions annotations (workflow commands `::error file=…,line=…,title=…::message`) for a
results document: the candidate's lines of runtime errors, forbidden APIs and limits, and the
protected-file rule of `grade ci`.

Escaping follows GitHub's workflow-command rules (actions/toolkit `command.ts`): in the message
`%`, CR and LF become `%25`, `%0D`, `%0A`; in a property value also `:` and `,` become `%3A`, `%2C`.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..scrub import scrub, shown

MAX_ERRORS = 10  # GitHub shows at most 10 error annotations per step
LINE_VERDICTS = ("runtime error", "forbidden API", "time limit", "memory limit")
PROPERTY_ORDER = ("file", "line", "endLine", "col", "endColumn", "title")


def escape_data(text: str) -> str:
    """A message: % → %25, CR → %0D, LF → %0A (the % first)."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """A property value: as a message, and also : → %3A, , → %2C."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def command(kind: str, message: str, **properties: str | int | None) -> str:
    """One workflow command line, e.g. `::error file=a.py,line=3,title=T::message`. The message passes
    scrub() and property values shown() (grader/scrub.py) before GitHub's escaping."""
    if kind not in ("error", "warning", "notice"):
        raise ValueError(f"not an annotation kind: {kind}")
    ordered = [key for key in PROPERTY_ORDER if key in properties] + sorted(set(properties) - set(PROPERTY_ORDER))
    parts = [f"{key}={escape_property(shown(properties[key], None))}" for key in ordered if properties[key] is not None]
    return f"::{kind}{' ' + ','.join(parts) if parts else ''}::{escape_data(scrub(message))}"


def for_document(document: Mapping[str, Any], candidate_files: Mapping[str, str], limit: int = MAX_ERRORS) -> list[str]:
    """Error annotations for a results document. CANDIDATE_FILES maps an exercise id to its candidate
    file's path relative to the repository root; the document's `ci.protected_files` lists the protected
    files a submission changed (already through scrub.shown()). At most LIMIT errors, the protected-file
    one first; a notice says how many were left out."""
    lines: list[str] = []
    protected: list[str] = (document.get("ci") or {}).get("protected_files") or []
    if protected:
        shown = ", ".join(protected[:20]) + (f" and {len(protected) - 20} more" if len(protected) > 20 else "")
        lines.append(command("error", f"Only the solution files may change; this branch also changed: {shown}. "
                                      "It was graded against the unmodified exercises from the base, and the check fails.",
                             title="mlgrade: submission touched protected files"))
    for exercise in document.get("exercises", []):
        path = candidate_files.get(exercise["id"])
        if path is not None:
            lines.extend(_exercise(exercise, path))
    if len(lines) > limit:
        left = len(lines) - (limit - 1)
        lines = lines[:limit - 1] + [command("notice", f"{left} more mlgrade annotations were left out; "
                                                       "see the job summary or the HTML report",
                                             title="mlgrade: more findings")]
    return lines


def _exercise(exercise: Mapping[str, Any], path: str) -> list[str]:
    """One annotation per (line, verdict) of the exercise, counting the cases that share it."""
    basename = path.rsplit("/", 1)[-1]
    found: dict[tuple[int, str], list[str]] = {}
    for case in exercise["cases"]:
        error = case.get("error")
        if case["verdict"] not in LINE_VERDICTS or not error:
            continue
        if error.get("file") not in (basename, path):
            continue  # not in the candidate's file (the sandbox sends only that one)
        if error.get("type") == "ForbiddenAPI":  # the static scan: the traceback lists every use
            for frame in error.get("traceback") or []:
                if isinstance(frame.get("line"), int):
                    code = (frame.get("code") or "").strip()
                    message = error["message"] if frame["line"] == error.get("line") else "a forbidden API is used here"
                    found.setdefault((frame["line"], case["verdict"]), [f"{message}: {code}" if code else message])
            continue
        if isinstance(error.get("line"), int):
            found.setdefault((error["line"], case["verdict"]), []).append(case["reason"])
    lines = []
    for (line, verdict), reasons in sorted(found.items()):
        count = f" ({len(reasons)} cases)" if len(reasons) > 1 else ""
        lines.append(command("error", reasons[0] + count, file=path, line=line,
                             title=f"mlgrade: {exercise['id']}: {verdict}"))
    return lines
