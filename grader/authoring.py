"""The API for exercise authors: the names a bank file (`private/cases.py`) may import.

Bank files import from this module only, never from the rest of grader/, so the grader's inside
can change without touching the exercises. Everything here is declared in `__all__`:

- `Case` — one call of the candidate's entrypoint (docs/exercise-format.md, "cases.py");
- `Table` and `sql_setup` — write the setup script of an SQL case: CREATE TABLE statements and
  INSERT rows, with every value quoted here and nowhere else.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from numbers import Integral, Real

from .cases import Case

__all__ = ["Case", "Table", "sql_setup"]

SqlValue = int | float | str | None


@dataclass(frozen=True)
class Table:
    """A table of an SQL case: its name and its columns in order, each mapped to its SQL type."""

    name: str
    columns: Mapping[str, str]

    def create(self) -> str:
        columns = ", ".join(f"{column} {kind}" for column, kind in self.columns.items())
        return f"CREATE TABLE {self.name} ({columns});"

    def insert(self, rows: Sequence[Sequence[SqlValue]]) -> str:
        """One INSERT statement holding every row; rows must have one value per column."""
        for row in rows:
            if len(row) != len(self.columns):
                raise ValueError(f"table {self.name} has {len(self.columns)} columns, got row {tuple(row)!r}")
        values = ", ".join("(" + ", ".join(_literal(value) for value in row) + ")" for row in rows)
        return f"INSERT INTO {self.name} VALUES {values};"


def sql_setup(*tables: tuple[Table, Sequence[Sequence[SqlValue]]]) -> str:
    """The setup script of a case: CREATE every table in order, then INSERT the rows of each table
    that has rows (a table given no rows stays empty), statements separated by one space."""
    creates = [table.create() for table, _ in tables]
    inserts = [table.insert(rows) for table, rows in tables if rows]
    return " ".join(creates + inserts)


def _literal(value: SqlValue) -> str:
    """An SQL literal: NULL, an integer, a float written so that it reads back equal, or a string
    in single quotes with quotes doubled."""
    if value is None:
        return "NULL"
    if isinstance(value, str):
        return "'" + value.replace("'", "''") + "'"
    if isinstance(value, bool):
        raise TypeError(f"SQL value {value!r}: write booleans as 0 or 1")
    if isinstance(value, Integral):
        return str(int(value))
    if isinstance(value, Real) and math.isfinite(value):
        return repr(float(value))
    raise TypeError(f"SQL value {value!r} has no literal (None, int, finite float or str)")
