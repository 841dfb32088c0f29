"""The exercise authors' API: the SQL setup builder, and bank files importing declared names only."""

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from support import EXERCISES, run_cli

from grader.authoring import Table, sql_setup
from grader.validate import undeclared_imports

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


def test_bank_files_import_only_declared_names() -> None:
    bank_files = sorted(ROOT.glob("exercises/*/*/private/**/*.py"))
    assert bank_files
    assert {str(path): undeclared_imports(path) for path in bank_files} == {str(path): [] for path in bank_files}


def test_validate_refuses_a_bank_file_that_imports_grader_internals(exercise_copy: Callable[..., Path]) -> None:
    exercise = exercise_copy(EXERCISES / "sql" / "second_highest_salary")
    cases = exercise / "private" / "cases.py"
    cases.write_text(cases.read_text().replace("from grader.authoring import Case, Table, sql_setup",
                                               "from grader.authoring import Case, Table, sql_setup\n"
                                               "from grader.cases import fingerprint\nimport grader.spec"))
    done = run_cli("validate", exercise, "--sandbox", "local", "--json")
    assert done.exit_code == 1, done.output
    checks = {check["name"]: check for check in json.loads(done.output)[0]["checks"]}
    assert not checks["bank imports"]["ok"]
    assert checks["bank imports"]["detail"] == "cases.py: imports from grader.cases; cases.py: imports grader.spec"
    assert all(check["ok"] for name, check in checks.items() if name != "bank imports")
