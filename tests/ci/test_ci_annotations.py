"""GitHub workflow-command formatting: escaping exactly as GitHub's rules say, and the annotations
made from a results document."""

from __future__ import annotations

import re
from typing import Any

import pytest

from grader.ci.annotations import MAX_ERRORS, command, escape_data, escape_property, for_document
from grader.scrub import scrub, shown


def unescape_data(text: str) -> str:
    return text.replace("%0D", "\r").replace("%0A", "\n").replace("%25", "%")


def unescape_property(text: str) -> str:
    return (text.replace("%0D", "\r").replace("%0A", "\n").replace("%3A", ":").replace("%2C", ",")
            .replace("%25", "%"))


def test_escape_data_replaces_percent_cr_lf_only() -> None:
    assert escape_data("50% done\r\nnext: a, b") == "50%25 done%0D%0Anext: a, b"
    assert escape_data("%0A") == "%250A"  # % first: an existing escape is not mistaken for one
    assert escape_data("plain") == "plain"


def test_escape_property_also_replaces_colon_and_comma() -> None:
    assert escape_property("a:b,c%d\re\nf") == "a%3Ab%2Cc%25d%0De%0Af"
    assert escape_property("%3A") == "%253A"


@pytest.mark.parametrize("text", ["", "x", "a%b", "%%0A%3A", "line\nbreak\r\n", "t: a, b", "::error::x", "%2C,"])
def test_escaping_round_trips(text: str) -> None:
    assert unescape_data(escape_data(text)) == text
    assert unescape_property(escape_property(text)) == text
    assert "\n" not in escape_data(text) and "\r" not in escape_data(text)
    assert not set(escape_property(text)) & set(":,\r\n")


def test_command_format() -> None:
    line = command("error", "bad: 1%\nnext", file="ex/a,b.py", line=7, title="mlgrade: x, y")
    assert line == "::error file=ex/a%2Cb.py,line=7,title=mlgrade%3A x%2C y::bad: 1%25%0Anext"
    assert command("warning", "m") == "::warning::m"
    assert command("notice", "m", title="t", file="f") == "::notice file=f,title=t::m"  # GitHub's property order
    assert command("error", "m", line=None, file="f") == "::error file=f::m"
    with pytest.raises(ValueError):
        command("set-output", "x")


def _case(name: str, verdict: str, reason: str, error: dict[str, Any] | None, hidden: bool = False) -> dict[str, Any]:
    return {"name": name, "hidden": hidden, "verdict": verdict, "reason": reason, "output": None, "mismatch": None,
            "misconception": None, "error": error, "seconds": 0.1, "time_limit": 2.0, "note": ""}


def _error(line: int, file: str = "solution.py", kind: str = "ValueError", message: str = "boom",
           traceback: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    return {"type": kind, "message": message, "file": file, "line": line, "traceback": traceback or []}


def _document(*exercises: tuple[str, list[dict[str, Any]]]) -> dict[str, Any]:
    return {"exercises": [{"id": ident, "cases": cases} for ident, cases in exercises]}


PATHS = {"a/x": "exercises/a/x/solution.py", "a/y": "exercises/a/y/solution.py"}


def test_runtime_errors_share_one_annotation_per_line() -> None:
    document = _document(("a/x", [
        _case("c1", "runtime error", "ValueError: boom, really (line 4)", _error(4)),
        _case("c2", "runtime error", "ValueError (line 4)", _error(4, message=""), hidden=True),
        _case("c3", "passed", "all outputs match", None),
        _case("c4", "wrong answer", "output `out` differs", None),
        _case("c5", "runtime error", "KeyError: 'k' (line 9)", _error(9, kind="KeyError")),
        _case("c6", "runtime error", "in a library", _error(3, file="/usr/lib/python3/x.py")),
    ]))
    assert for_document(document, PATHS) == [
        "::error file=exercises/a/x/solution.py,line=4,title=mlgrade%3A a/x%3A runtime error::"
        "ValueError: boom, really (line 4) (2 cases)",
        "::error file=exercises/a/x/solution.py,line=9,title=mlgrade%3A a/x%3A runtime error::KeyError: 'k' (line 9)",
    ]


def test_static_forbidden_scan_annotates_every_use() -> None:
    uses = [{"file": "solution.py", "line": 5, "function": "", "code": "    w = torch.softmax(s, -1)"},
            {"file": "solution.py", "line": 8, "function": "", "code": "F.scaled_dot_product_attention(q, k, v)"}]
    error = _error(5, kind="ForbiddenAPI", message="torch.softmax is forbidden in this exercise", traceback=uses)
    document = _document(("a/y", [_case(f"c{i}", "forbidden API", "uses …", error) for i in range(3)]))
    assert for_document(document, PATHS) == [
        "::error file=exercises/a/y/solution.py,line=5,title=mlgrade%3A a/y%3A forbidden API::"
        "torch.softmax is forbidden in this exercise: w = torch.softmax(s, -1)",
        "::error file=exercises/a/y/solution.py,line=8,title=mlgrade%3A a/y%3A forbidden API::"
        "a forbidden API is used here: F.scaled_dot_product_attention(q, k, v)",
    ]


def test_protected_files_come_first_and_the_count_is_capped() -> None:
    cases = [_case(f"c{i}", "runtime error", f"E{i} (line {i})", _error(i)) for i in range(1, 30)]
    document = {**_document(("a/x", cases)), "ci": {"protected_files": ["README.md", ".github/workflows/x,y.yml"]}}
    lines = for_document(document, PATHS)
    assert len(lines) == MAX_ERRORS
    assert lines[0] == ("::error title=mlgrade%3A submission touched protected files::Only the solution files may "
                        "change; this branch also changed: README.md, .github/workflows/x,y.yml. It was graded "
                        "against the unmodified exercises from the base, and the check fails.")
    assert all(line.startswith("::error file=exercises/a/x/solution.py,line=") for line in lines[1:-1])
    assert lines[-1].startswith("::notice title=mlgrade%3A more findings::21 more mlgrade annotations")


def test_candidate_text_cannot_break_out_of_its_line() -> None:
    reason = "ValueError: x\n::add-mask::secret\r\n%0A (line 2)"
    line, = for_document(_document(("a/x", [_case("c", "runtime error", reason, _error(2))])), PATHS)
    assert "\n" not in line and "\r" not in line
    assert re.fullmatch(r"::error file=[^:,]+,line=2,title=[^:,]+::.*", line)
    assert unescape_data(line.split("::", 2)[2]) == scrub(reason)  # CR is not text: it shows as U+FFFD


def test_control_characters_and_undecodable_names_never_reach_an_annotation_raw() -> None:
    name = "evil\x1b[31m\n::error::x\udce9.txt"  # ESC, a line break and a non-UTF-8 byte (surrogateescape)
    line, = for_document({"exercises": [], "ci": {"protected_files": [shown(name)]}}, PATHS)
    assert "\x1b" not in line and "\n" not in line and "\udce9" not in line
    assert "evil\\x1b[31m\\n::error::x\\xe9.txt" in line
    titled = command("error", "m\x1b[2J", file="a\x07b.py", title="t\udce9")
    assert titled == "::error file=a\\x07b.py,title=t\\xe9::m\ufffd[2J"


def test_unknown_exercises_and_clean_runs_give_nothing() -> None:
    document = _document(("other/z", [_case("c", "runtime error", "E (line 1)", _error(1))]),
                         ("a/x", [_case("c", "passed", "all outputs match", None)]))
    assert for_document(document, PATHS) == []
