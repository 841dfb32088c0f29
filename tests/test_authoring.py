"""The exercise authors' API: the SQL setup builder, and bank files importing declared names only."""

import ast
from pathlib import Path

import pytest

from grader import authoring
from grader.authoring import Table, sql_setup

ROOT = Path(__file__).resolve().parent.parent
EMPLOYEE = Table("Employee", {"id": "INTEGER", "name": "TEXT", "salary": "REAL"})
DEPARTMENT = Table("Department", {"id": "INTEGER"})


def test_creates_come_first_then_inserts_of_tables_with_rows() -> None:
    script = sql_setup((DEPARTMENT, []), (EMPLOYEE, [(1, "Ann", 2.5), (2, None, None)]))
    assert script == ("CREATE TABLE Department (id INTEGER); "
                      "CREATE TABLE Employee (id INTEGER, name TEXT, salary REAL); "
                      "INSERT INTO Employee VALUES (1, 'Ann', 2.5), (2, NULL, NULL);")


def test_quotes_are_doubled_once() -> None:
    assert sql_setup((DEPARTMENT, [("R'n'D",)])).endswith("VALUES ('R''n''D');")


@pytest.mark.parametrize("value", [True, float("nan"), float("inf"), b"x"])
def test_values_without_an_sql_literal_are_refused(value: object) -> None:
    with pytest.raises(TypeError):
        sql_setup((DEPARTMENT, [(value,)]))  # type: ignore[list-item]


def test_a_row_of_the_wrong_width_is_refused() -> None:
    with pytest.raises(ValueError, match="Employee has 3 columns"):
        sql_setup((EMPLOYEE, [(1, "Ann")]))


def test_the_sql_setup_runs_in_sqlite() -> None:
    import sqlite3
    connection = sqlite3.connect(":memory:")
    connection.executescript(sql_setup((EMPLOYEE, [(1, "O'Neil", 1e-7), (2, "Bo", 3.0)])))
    assert connection.execute("SELECT name, salary FROM Employee ORDER BY id").fetchall() == [
        ("O'Neil", 1e-7), ("Bo", 3.0)]


def _grader_imports(path: Path) -> list[tuple[str, list[str]]]:
    imports: list[tuple[str, list[str]]] = []
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] == "grader":
            imports.append((node.module or "", [alias.name for alias in node.names]))
        elif isinstance(node, ast.Import):
            imports += [(alias.name, []) for alias in node.names if alias.name.split(".")[0] == "grader"]
    return imports


def test_bank_files_import_only_declared_names() -> None:
    bank_files = sorted(ROOT.glob("exercises/*/*/private/**/*.py"))
    assert bank_files
    for path in bank_files:
        for module, names in _grader_imports(path):
            assert module == "grader.authoring", f"{path} imports {module}"
            assert set(names) <= set(authoring.__all__), f"{path} imports {names}"
