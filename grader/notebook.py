"""Notebook submissions (nbformat): a candidate's .ipynb assembled into the module that is graded, and a
notebook version of an exercise's stub.

Rules (docs/workflow.md): the code cells tagged `solution` when any cell carries that tag, else every
code cell, in order. A cell that is valid Python is kept as it is; in one that is not, IPython line
magics (`%…`), shell escapes (`!…`, `x = !…`) are replaced by `pass` (line numbers stay put), and a
cell magic (`%%…`) drops the cell unless it only times or captures Python (`%%time`, `%%timeit`,
`%%capture`, `%%prun`). Every such change is reported, naming the cell. The notebook (5 MB) and the
assembled module (the 1 MB a solution may have) are size-capped before anything is parsed.
"""

from __future__ import annotations

import ast
import json
import os
import re
import stat
import warnings
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import NotebookError
from .grading import MAX_SOURCE_BYTES
from .results import ExerciseResult

MAX_NOTEBOOK_BYTES = 5 * 1024 * 1024
SOLUTION_TAG = "solution"
PYTHON_CELL_MAGICS = ("time", "timeit", "capture", "prun")
MAGIC_LINE = re.compile(r"^(\s*)(%|!)")
MAGIC_ASSIGNMENT = re.compile(r"^(\s*)[\w.\[\], ]+=\s*(%|!)")


@dataclass
class Assembled:
    """The module built from a notebook and what was changed on the way."""

    source: str
    cells: list[int]  # 1-based positions (among all cells) of the code cells used
    tagged: bool
    changes: list[tuple[int, str]] = field(default_factory=list)  # (cell position, "removed %matplotlib inline")
    lines: list[tuple[int, int]] = field(default_factory=list)  # per module line: (cell position, line in the cell)

    @property
    def warning(self) -> str:
        """One line naming each changed cell and what was removed from it, or ''."""
        if not self.changes:
            return ""
        by_cell: dict[int, list[str]] = {}
        for cell, change in self.changes:
            by_cell.setdefault(cell, []).append(change)
        return "IPython magics / shell escapes removed: " + "; ".join(
            f"cell {cell}: {', '.join(changes)}" for cell, changes in sorted(by_cell.items()))


def is_notebook_path(path: Path) -> bool:
    return path.suffix.lower() == ".ipynb"


def read_notebook(path: Path) -> Any:
    """The validated notebook (nbformat v4) at PATH, or NotebookError saying what is wrong."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
    except OSError as exc:
        raise NotebookError(f"{path} cannot be read: {exc.strerror}") from None
    if not stat.S_ISREG(os.fstat(fd).st_mode):
        os.close(fd)
        raise NotebookError(f"{path} is not a regular file")
    with os.fdopen(fd, "rb") as handle:
        data = handle.read(MAX_NOTEBOOK_BYTES + 1)
    if len(data) > MAX_NOTEBOOK_BYTES:
        raise NotebookError(f"{path} is larger than the {MAX_NOTEBOOK_BYTES >> 20} MB a notebook submission may have "
                            "(clear its outputs: Cell → All Output → Clear)")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise NotebookError(f"{path} is not a notebook: it is not UTF-8 text") from None
    try:
        raw = json.loads(text)
    except json.JSONDecodeError as exc:
        raise NotebookError(f"{path} is not a notebook: it is not JSON ({exc.msg} at line {exc.lineno}, "
                            f"column {exc.colno})") from None
    except RecursionError:
        raise NotebookError(f"{path} is not a notebook: its JSON is nested too deeply") from None
    if not isinstance(raw, dict) or "nbformat" not in raw or ("cells" not in raw and "worksheets" not in raw):
        raise NotebookError(f"{path} is JSON but not a Jupyter notebook (no `nbformat` and `cells`)")
    import nbformat  # imported here: it is slow to import and only notebooks need it

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # e.g. missing cell ids: normalised, not the candidate's concern
            # reader + convert, not nbformat.reads: that one logs validation errors to stderr before we can
            notebook = nbformat.convert(nbformat.reader.reads(text), 4)
            if notebook.nbformat_minor < 5 and any("id" in cell for cell in notebook.cells):
                notebook.nbformat_minor = 5  # cell ids came with 4.5 (editors add them without bumping)
            nbformat.validate(notebook)
    except nbformat.ValidationError as exc:
        raise NotebookError(f"{path} is not a valid Jupyter notebook: {_first_line(exc.message)}") from None
    except RecursionError:
        raise NotebookError(f"{path} is not a notebook: its JSON is nested too deeply") from None
    except (KeyError, AttributeError, TypeError, IndexError):  # nbformat's converters on an odd structure
        raise NotebookError(f"{path} is not a valid Jupyter notebook: its nbformat version or structure is not one "
                            "Jupyter can read") from None
    except Exception as exc:  # noqa: BLE001 - nbformat's readers raise many kinds on malformed input
        raise NotebookError(f"{path} is not a valid Jupyter notebook: {_first_line(str(exc)) or type(exc).__name__}") from None
    return notebook


def assemble(notebook: Any, limit: int = MAX_SOURCE_BYTES) -> Assembled:
    """The module from the notebook's code cells (see the module docstring for the rules)."""
    cells = list(notebook.cells)
    code = [(position, cell) for position, cell in enumerate(cells, 1) if cell.cell_type == "code"]
    tagged = [(p, c) for p, c in code if SOLUTION_TAG in (c.get("metadata", {}).get("tags") or [])]
    chosen = tagged or code
    if not chosen:
        raise NotebookError("the notebook has no code cells")
    size = sum(len(cell.source) for _, cell in chosen)
    if size > limit:  # checked before any parsing
        raise NotebookError(f"the notebook's code is larger than the {limit >> 10} KB a solution may have")
    parts: list[str] = []
    changes: list[tuple[int, str]] = []
    lines: list[tuple[int, int]] = []
    for position, cell in chosen:
        source = _clean_cell(position, cell.source, changes)
        if source is not None:
            body = source.rstrip()
            count = body.count("\n") + 1
            if parts:
                lines.append(lines[-1])  # the blank line between two cells: the previous cell's end
            lines += [(position, 0)] + [(position, number) for number in range(1, count + 1)]  # 0: the header
            parts.append(f"# ---- notebook cell {position} ----\n{body}\n")
    return Assembled(source="\n".join(parts), cells=[p for p, _ in chosen], tagged=bool(tagged), changes=changes,
                     lines=lines)


MODULE_LINE = re.compile(r"\((?:(?P<file>[\w.-]+), )?line (?P<line>\d+)\)")


def in_cells(exercise: ExerciseResult, lines: list[tuple[int, int]], file: str) -> None:
    """Say where an error is in the notebook ("cell 3, line 8") instead of the line of the module assembled from it
    (LINES: assembled.lines): in the reasons, the error (its message, file and line) and the traceback frames of
    FILE, the assembled module as graded."""

    def cell_of(line: int | None) -> tuple[int, int] | None:
        return lines[line - 1] if line is not None and 1 <= line <= len(lines) else None

    def relabel(text: str) -> str:
        def replace(match: re.Match[str]) -> str:
            where = cell_of(int(match["line"]))
            if where is None or match["file"] not in (None, file):
                return match.group(0)
            return f"(cell {where[0]}, line {where[1]})"
        return MODULE_LINE.sub(replace, text)

    for case in exercise.cases:
        case.reason = relabel(case.reason)
        error = case.error
        if error is None:
            continue
        error.message = relabel(error.message)
        where = cell_of(error.line) if error.file == file else None
        if where is not None:
            error.file, error.line = f"cell {where[0]}", where[1]
        for frame in error.traceback:
            where = cell_of(frame.get("line")) if frame.get("file") == file else None
            if where is not None:
                frame["file"], frame["line"] = f"cell {where[0]}", where[1]


def _clean_cell(position: int, source: str, changes: list[tuple[int, str]]) -> str | None:
    """The cell's Python: unchanged when it parses; else with magics and shell escapes replaced."""
    if _parses(source):
        return source
    lines = source.split("\n")
    first = next((i for i, line in enumerate(lines) if line.strip()), None)
    if first is not None and lines[first].lstrip().startswith("%%"):
        magic = lines[first].strip()
        name = magic[2:].split(maxsplit=1)[0] if len(magic) > 2 else ""
        if name not in PYTHON_CELL_MAGICS:
            changes.append((position, f"dropped the whole {_show(magic)} cell (not Python)"))
            return None
        changes.append((position, f"removed {_show(magic)}"))
        lines[first] = ""
    for number, line in enumerate(lines):
        match = MAGIC_LINE.match(line) or MAGIC_ASSIGNMENT.match(line)
        if match:
            changes.append((position, f"removed {_show(line.strip())}"))
            lines[number] = match.group(1) + "pass"
    return "\n".join(lines)


def _parses(source: str) -> bool:
    try:
        ast.parse(source)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return False
    return True


def _show(text: str) -> str:
    """A magic as the warning shows it: one line, at most 60 characters, control characters removed."""
    text = "".join(ch if ch.isprintable() else "?" for ch in text)
    return text if len(text) <= 60 else text[:57] + "…"


def _first_line(text: str) -> str:
    return text.strip().splitlines()[0][:300] if text.strip() else ""


def stub_notebook(title: str, statement: str, stub: str, grade_command: str) -> Any:
    """A notebook version of an exercise: the statement, the stub in a cell tagged `solution`, a scratch cell."""
    import nbformat

    notebook = nbformat.v4.new_notebook()
    notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    notebook.metadata["language_info"] = {"name": "python"}
    notebook.cells = [
        nbformat.v4.new_markdown_cell(statement),
        nbformat.v4.new_code_cell(stub.rstrip() + "\n", metadata={"tags": [SOLUTION_TAG]}),
        nbformat.v4.new_markdown_cell(
            f"Only cells tagged `{SOLUTION_TAG}` are graded. Grade this notebook with:\n\n"
            f"```sh\n{grade_command}\n```"),
        nbformat.v4.new_code_cell("# Scratch space: try your function here (untagged cells are not graded).\n"),
    ]
    for cell in notebook.cells:
        cell.pop("id", None)  # nbformat 4.5 ids are random: leave them out so the file is reproducible
    notebook.nbformat_minor = 4
    nbformat.validate(notebook)
    return notebook


def write_notebook(notebook: Any, path: Path) -> None:
    import nbformat

    path.write_text(nbformat.writes(notebook) + "\n", encoding="utf-8")
