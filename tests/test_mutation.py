"""Mutation testing (`grade validate --mutants`): the operators, and the check through the real CLI."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from support import EXERCISES, run_cli

from grader.mutants import capped, mutants

PYTHON = '''"""Docstring 1 + 1."""
import numpy as np


def f(x: np.ndarray, n: int = 2) -> np.ndarray:
    """Docstring."""
    if n >= 1 and x.size:
        return np.max(x[:n] - 1, axis=0, keepdims=True) / -x.sum()
    return x
'''


def test_python_operators() -> None:
    found = mutants(PYTHON, sql=False)
    labels = {m.id.split(" ", 1)[1] for m in found}
    assert {"-→+", "/→*", ">=→>", "and→or", "-x→x", "1→2", "1→0", "2→3", "axis= dropped", "keepdims= dropped",
            "True→False", "max→min", "sum→mean", "slice upper+1", "slice upper-1"} <= labels
    assert len({m.id for m in found}) == len(found)  # ids are unique
    for mutant in found:  # each mutant is valid Python and differs from the reference
        compile(mutant.source, "mutant", "exec")
    sources = "\n".join(m.source for m in found)
    assert "Docstring 1 + 1" in sources and "Docstring 2" not in sources  # docstrings are never mutated
    assert all("n: int = 2" not in m.source or "-> np.ndarray" in m.source for m in found)  # nor annotations


def test_sql_operators_leave_strings_alone() -> None:
    query = ("SELECT d.name, MAX(e.salary) FROM Department AS d LEFT JOIN Employee AS e ON e.dept = d.id\n"
             "WHERE e.note <> 'DESC 1' ORDER BY d.name DESC LIMIT 1;")
    found = mutants(query, sql=True)
    labels = [m.id.split(" ", 1)[1] for m in found]
    assert {"DESC→ASC", "LEFT JOIN→JOIN", "MAX→MIN", "<>→=", "1→2", "1→0", "WHERE→WHERE NOT"} <= set(labels)
    assert labels.count("DESC→ASC") == 1  # not the DESC inside the string literal
    assert all("'DESC 1'" in m.source for m in found)


def test_cap_is_deterministic_and_keeps_source_order() -> None:
    found = mutants(PYTHON, sql=False)
    first, second = capped(found, 5), capped(list(found), 5)
    assert [m.id for m in first] == [m.id for m in second] and len(first) == 5
    order = [m.id for m in found]
    assert [order.index(m.id) for m in first] == sorted(order.index(m.id) for m in first)


def _mutation_check(output: str) -> tuple[dict, dict]:  # type: ignore[type-arg]
    report = json.loads(output)[0]
    check = next(c for c in report["checks"] if c["name"].startswith("mutants killed"))
    return report, check


def test_validate_mutants_kills_every_mutant_of_a_bank_exercise() -> None:
    done = run_cli("validate", EXERCISES / "sql" / "running_total", "--sandbox", "local", "--mutants", "--json")
    assert done.exit_code == 0, done.output[-2000:]
    report, check = _mutation_check(done.output)
    assert check["ok"] and report["mutation"]["score"] == 1.0 and report["mutation"]["killed"] >= 5


def test_a_case_removed_lets_mutants_survive_and_fails_the_floor(exercise_copy: Callable[..., Path]) -> None:
    exercise = exercise_copy(EXERCISES / "sql" / "running_total")
    cases = exercise / "private" / "cases.py"
    # Only two cases, without NULL amounts: COALESCE(amount, 0) → amount survives.
    cases.write_text(cases.read_text() + '''

def hidden(rng):
    return [_case("single payment", [(1, 3, "2024-12-31", 42)])]


def visible(rng):
    return [_case("two payments", [(1, 1, "2024-03-01", 5), (2, 1, "2024-03-02", 7)])]
''')
    spec = exercise / "exercise.toml"
    spec.write_text(spec.read_text() + '\n[[mutants.equivalent]]\nmutant = "L2:7 SUM→AVG"\nreason = "wrongly listed"\n')
    done = run_cli("validate", exercise, "--sandbox", "local", "--mutants", "--json")
    assert done.exit_code == 1
    report, check = _mutation_check(done.output)
    assert not check["ok"]
    assert "L2:11 COALESCE(x, y)→x" in report["mutation"]["survived"]
    assert any(s.startswith("L2:7 SUM→AVG (killed:") for s in report["mutation"]["stale"])
