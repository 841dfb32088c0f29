"""Notebook submissions: assembly rules, `grade notebook`, grading notebooks in the real sandbox, and
clean errors (exit 2, no traceback) for everything that is not a gradable notebook."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import nbformat
import pytest
from support import leftover_containers
from workflow_helpers import EXERCISE_ID, REFERENCE, SOFTMAX, STUB, assert_clean, grade, rows

from grader.notebook import MAX_NOTEBOOK_BYTES, NotebookError, assemble
from grader.workflow import notebook_submission

HELPER, _, FUNCTION = REFERENCE.partition("def softmax")
FUNCTION = "def softmax" + FUNCTION


def notebook(*cells: Any, minor: int = 4) -> Any:
    """A notebook of CELLS: a string is a code cell, (source, [tags]) a tagged one, ("md", text) markdown."""
    made = []
    for cell in cells:
        if isinstance(cell, tuple) and cell[0] == "md":
            made.append(nbformat.v4.new_markdown_cell(cell[1]))
        elif isinstance(cell, tuple):
            made.append(nbformat.v4.new_code_cell(cell[0], metadata={"tags": cell[1]}))
        else:
            made.append(nbformat.v4.new_code_cell(cell))
    book = nbformat.v4.new_notebook(cells=made)
    if minor == 4:
        book.nbformat_minor = 4
        for cell in book.cells:
            cell.pop("id", None)
    return book


def write(path: Path, book: Any) -> Path:
    nbformat.write(book, str(path))
    return path


# --- assembly rules (in-process) ---------------------------------------------------------------------

def test_only_cells_tagged_solution_when_any_is_tagged() -> None:
    assembled = assemble(notebook(("md", "# notes"), "x = 1", (REFERENCE, ["solution"]), "print(softmax)"))
    assert assembled.tagged and assembled.cells == [3]
    assert "x = 1" not in assembled.source and "def softmax" in assembled.source


def test_every_code_cell_in_order_when_none_is_tagged() -> None:
    assembled = assemble(notebook(("md", "# notes"), HELPER, FUNCTION))
    assert not assembled.tagged and assembled.cells == [2, 3]
    assert assembled.source.index("import numpy") < assembled.source.index("def softmax")


def test_magics_and_shell_escapes_are_replaced_and_named_by_cell() -> None:
    assembled = assemble(notebook("%matplotlib inline\nimport numpy as np", "!pip install numpy\nfiles = !ls",
                                  "%%bash\necho hi", "%%time\nx = 1\n", "s = '''\n%d kept in a string\n'''"))
    assert "%matplotlib" not in assembled.source and "!pip" not in assembled.source and "echo hi" not in assembled.source
    assert "x = 1" in assembled.source and "%d kept in a string" in assembled.source
    assert "cell 1: removed %matplotlib inline" in assembled.warning
    assert "cell 2: removed !pip install numpy, removed files = !ls" in assembled.warning
    assert "cell 3: dropped the whole %%bash cell" in assembled.warning and "cell 4: removed %%time" in assembled.warning
    assert "cell 5" not in assembled.warning
    compile(assembled.source, "assembled", "exec")  # the module is valid Python


# --- grading notebooks (real CLI, real sandbox) ------------------------------------------------------

@pytest.mark.docker
def test_a_tagged_notebook_with_magics_is_graded_like_a_file(sandbox_image: str, root: Path, gradebook: Path,
                                                              tmp_path: Path) -> None:
    path = write(tmp_path / "answer.ipynb",
                 notebook(("md", "my answer"), "%load_ext autoreload\nscratch = 1", (f"%matplotlib inline\n{REFERENCE}",
                                                                                      ["solution"]), minor=5))
    completed = grade(EXERCISE_ID, "--root", root, "--submission", path)
    assert completed.returncode == 0, completed.stdout + completed.stderr
    assert "1/1 exercises passed" in completed.stdout
    assert "warning" in completed.stderr and "cell 3: removed %matplotlib inline" in completed.stderr
    assert "cells tagged `solution` (3)" in completed.stderr
    assert rows(gradebook, "SELECT submission, verdict FROM attempts") == [(str(path), "passed")]
    assert leftover_containers() == []


@pytest.mark.docker
def test_an_untagged_notebook_uses_every_code_cell(sandbox_image: str, root: Path, tmp_path: Path) -> None:
    path = write(tmp_path / "answer.ipynb", notebook(HELPER, ("md", "now the function"), FUNCTION))
    completed = grade(EXERCISE_ID, "--root", root, "--submission", path)
    assert completed.returncode == 0, completed.stdout + completed.stderr
    assert "every code cell (1, 3)" in completed.stderr and "warning" not in completed.stderr


@pytest.mark.docker
def test_grade_notebook_writes_the_statement_and_a_tagged_stub_that_grades(sandbox_image: str, root: Path,
                                                                           tmp_path: Path) -> None:
    out = tmp_path / "softmax.ipynb"
    completed = grade("notebook", EXERCISE_ID, "--root", root, "--out", out)
    assert completed.returncode == 0, completed.stderr
    made = nbformat.read(str(out), as_version=4)
    nbformat.validate(made)
    assert made.cells[0].cell_type == "markdown"
    assert made.cells[0].source == (SOFTMAX / "README.md").read_text(encoding="utf-8")
    assert made.cells[1].metadata["tags"] == ["solution"] and made.cells[1].source == STUB
    assert grade(EXERCISE_ID, "--root", root, "--submission", out).returncode == 1  # the stub: not implemented
    made.cells[1].source = REFERENCE
    nbformat.write(made, str(out))
    assert grade(EXERCISE_ID, "--root", root, "--submission", out).returncode == 0
    refused = grade("notebook", EXERCISE_ID, "--root", root, "--out", out)
    assert refused.returncode == 2 and "--force" in refused.stderr


# --- what is not a gradable notebook: exit 2, a clear message, no traceback ---------------------------

def put(folder: Path, name: str, data: bytes | str) -> Path:
    path = folder / name
    path.write_bytes(data if isinstance(data, bytes) else data.encode())
    return path


def test_what_is_not_a_notebook_is_a_clean_usage_error_through_the_cli(root: Path, gradebook: Path,
                                                                       tmp_path: Path) -> None:
    cases = {
        "malformed JSON": (put(tmp_path, "malformed.ipynb", '{"cells": [}'), "is not JSON"),
        "valid JSON, not a notebook": (put(tmp_path, "list.ipynb", "[1, 2, 3]"), "JSON but not a Jupyter notebook"),
        "not JSON at all": (put(tmp_path, "binary.ipynb", b"\x89PNG\r\n\x1a\n\x00\x00\xff\xfe"), "not UTF-8"),
        "too large": (put(tmp_path, "large.ipynb", " " * (MAX_NOTEBOOK_BYTES + 1)), "larger than the 5 MB"),
        "missing": (tmp_path / "missing.ipynb", "does not exist"),
    }
    for case, (path, message) in cases.items():
        completed = grade(EXERCISE_ID, "--root", root, "--submission", path)
        assert completed.returncode == 2, case
        assert message in completed.stderr, (case, completed.stderr)
        assert_clean(completed)
    assert not gradebook.exists()  # nothing was graded, nothing recorded


def test_more_hostile_or_broken_notebooks_are_refused_before_grading(root: Path, tmp_path: Path) -> None:
    valid = json.loads(nbformat.writes(notebook(REFERENCE)))
    no_cells = {k: v for k, v in valid.items() if k != "cells"}
    wrong_type = {**valid, "cells": [{"cell_type": "code", "source": 42, "metadata": {}, "outputs": [],
                                      "execution_count": None}]}
    cases = {
        "text": (put(tmp_path, "text.ipynb", "print('hello')\n"), "is not JSON"),
        "object without cells": (put(tmp_path, "object.ipynb", json.dumps(no_cells)), "JSON but not a Jupyter notebook"),
        "schema-invalid": (put(tmp_path, "invalid.ipynb", json.dumps(wrong_type)), "not a valid Jupyter notebook"),
        "deeply nested": (put(tmp_path, "nested.ipynb", "[" * 200_000 + "]" * 200_000), "nested too deeply"),
        "too much code": (put(tmp_path, "code.ipynb", nbformat.writes(notebook("x = 1\n" * 200_000))),
                          "larger than the 1024 KB"),
        "no code cells": (put(tmp_path, "empty.ipynb", nbformat.writes(notebook(("md", "nothing")))), "no code cells"),
        "a folder": (tmp_path / "folder.ipynb", "not a regular file"),
    }
    (tmp_path / "folder.ipynb").mkdir()
    target = root / "ml_basics" / "softmax"
    for case, (path, message) in cases.items():
        with pytest.raises(NotebookError, match=re.escape(message)):
            notebook_submission(path, target)
        assert case


# --- errors located by cell and line -----------------------------------------------------------------

def test_every_module_line_maps_to_its_cell_and_line() -> None:
    assembled = assemble(notebook(("md", "# notes"), "import numpy as np", ("md", "more"), "def f(x):\n    y = 1\n    return x"))
    module = assembled.source.split("\n")
    assert module[assembled.lines.index((4, 3))] == "    return x"
    assert module[assembled.lines.index((2, 1))] == "import numpy as np"


@pytest.mark.docker
def test_notebook_errors_say_cell_and_line(sandbox_image: str, root: Path, tmp_path: Path) -> None:
    raising = "def softmax(x, axis=-1):\n    shifted = x - x.max(axis=axis, keepdims=True)\n    raise ValueError('boom')\n"
    path = write(tmp_path / "answer.ipynb", notebook(("md", "notes"), "import numpy as np", ("md", "more"), raising))
    results = tmp_path / "results.json"
    completed = grade(EXERCISE_ID, "--root", root, "--submission", path, "--json", results)
    assert completed.returncode == 1, completed.stdout + completed.stderr
    assert "ValueError: boom (cell 4, line 3)" in completed.stdout and "line 7" not in completed.stdout
    case = json.loads(results.read_text())["exercises"][0]["cases"][0]
    assert (case["error"]["file"], case["error"]["line"]) == ("cell 4", 3)
    assert case["error"]["traceback"][-1] | {"code": ""} == {"file": "cell 4", "line": 3, "function": "softmax", "code": ""}
    broken = write(tmp_path / "broken.ipynb", notebook("import numpy as np", "def softmax(x, axis=-1:\n    return x\n"))
    completed = grade(EXERCISE_ID, "--root", root, "--submission", broken)
    assert completed.returncode == 1, completed.stdout + completed.stderr
    assert "SyntaxError: invalid syntax (cell 2, line 1)" in completed.stdout and "solution.py" not in completed.stdout
