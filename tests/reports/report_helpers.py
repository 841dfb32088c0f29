"""Helpers of the report tests: the candidate submissions graded for real, derived documents, and
small HTML inspection tools."""

from __future__ import annotations

import copy
from collections.abc import Callable
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from support import SDPA

from reports import validate_document

REFERENCE = SDPA / "private" / "reference.py"
NO_SCALING = SDPA / "private" / "wrong" / "no_scaling.py"

FORBIDDEN = '''import torch.nn.functional as F


def scaled_dot_product_attention(q, k, v, mask=None, is_causal=False):
    return F.scaled_dot_product_attention(q, k, v)
'''

# The first call loops forever (the first case hits the 2 s time limit); the other cases get the
# reference's answer, so the run stays short and the document mixes verdicts.
LOOP_ONCE = '''

_calls = 0


def scaled_dot_product_attention(q, k, v, mask=None, is_causal=False):
    global _calls
    _calls += 1
    if _calls == 1:
        while True:
            pass
    return _reference(q, k, v, mask, is_causal)
'''

RUNTIME_ERROR = '''import numpy as np


def normalise(scores):
    return scores / scores.sum(axis=-1)[5]


def scaled_dot_product_attention(q, k, v, mask=None, is_causal=False):
    scores = q @ np.swapaxes(k, -1, -2)
    return normalise(scores) @ v
'''

PRINTED = "<script>window.pwned=1</script><b>bold</b>"
MESSAGE = "<img src=x onerror=alert(1)> | `tick` *em*"
INJECTION = f'''def scaled_dot_product_attention(q, k, v, mask=None, is_causal=False):
    print({PRINTED!r})
    raise ValueError({MESSAGE!r})
'''


def _read(path: Path) -> Callable[[], str]:
    return lambda: path.read_text(encoding="utf-8")


def _loop_once() -> str:
    return REFERENCE.read_text(encoding="utf-8").replace("def scaled_dot_product_attention(", "def _reference(") + LOOP_ONCE


SUBMISSIONS: dict[str, Callable[[], str]] = {
    "reference": _read(REFERENCE),
    "no_scaling": _read(NO_SCALING),
    "forbidden": lambda: FORBIDDEN,
    "loop": _loop_once,
    "runtime_error": lambda: RUNTIME_ERROR,
    "injection": lambda: INJECTION,
}


def resummarize(document: dict[str, Any]) -> dict[str, Any]:
    """A derived document made consistent again (exercise and run summaries, exit status) and checked
    against the results schema."""
    for exercise in document["exercises"]:
        cases = exercise["cases"]
        exercise["passed"] = bool(cases) and all(c["verdict"] == "passed" for c in cases)
        exercise["score"] = sum(c["verdict"] == "passed" for c in cases) / len(cases) if cases else 0.0
        exercise["verdict"] = next((c["verdict"] for c in cases if c["verdict"] != "passed"), "passed")
    counts: dict[str, int] = {}
    for exercise in document["exercises"]:
        for case in exercise["cases"]:
            counts[case["verdict"]] = counts.get(case["verdict"], 0) + 1
    exercises = document["exercises"]
    document["summary"] = {"exercises": len(exercises), "exercises_passed": sum(e["passed"] for e in exercises),
                           "cases": sum(len(e["cases"]) for e in exercises), "verdicts": counts,
                           "score": sum(e["score"] for e in exercises) / len(exercises) if exercises else 0.0}
    ungradable = any(e["verdict"] == "ungradable" for e in exercises)
    document["exit_status"] = 2 if ungradable else 0 if all(e["passed"] for e in exercises) else 1
    return validate_document(document)


def derive(document: dict[str, Any], edit: Callable[[dict[str, Any]], None]) -> dict[str, Any]:
    """A deep copy of a real document, edited, re-summarized and schema-checked."""
    copied = copy.deepcopy(document)
    edit(copied)
    return resummarize(copied)


@dataclass
class Node:
    """An element of parsed HTML: its tag, attributes, text and children."""

    tag: str
    attrs: dict[str, str | None]
    children: list[Node] = field(default_factory=list)
    text: str = ""

    def find_all(self, tag: str) -> list[Node]:
        found = [child for child in self.children if child.tag == tag]
        for child in self.children:
            found.extend(child.find_all(tag))
        return found

    def all_text(self) -> str:
        return self.text + "".join(child.all_text() for child in self.children)


VOID = {"br", "hr", "img", "meta", "link", "input", "col", "area", "base", "source", "wbr"}


class _TreeBuilder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("#root", {})
        self.stack = [self.root]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        node = Node(tag, dict(attrs))
        self.stack[-1].children.append(node)
        if tag not in VOID:
            self.stack.append(node)

    def handle_endtag(self, tag: str) -> None:
        for i in range(len(self.stack) - 1, 0, -1):
            if self.stack[i].tag == tag:
                del self.stack[i:]
                break

    def handle_data(self, data: str) -> None:
        self.stack[-1].children.append(Node("#text", {}, text=data))


def parse_html(text: str) -> Node:
    """A forgiving HTML tree (stdlib parser) for structural checks."""
    builder = _TreeBuilder()
    builder.feed(text)
    builder.close()
    return builder.root


def table_rows(table: Node) -> list[list[str]]:
    """The text of each body row's cells."""
    return [[cell.all_text().strip() for cell in row.children if cell.tag in ("td", "th")]
            for body in table.find_all("tbody") for row in body.children if row.tag == "tr"]
