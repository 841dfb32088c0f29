"""Every stated rule is exercised: `grade validate` ties each edge rule of a statement to its cases."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from support import EXERCISES, run_cli

from grader.bank import discover
from grader.validate import statement_rules

STATEMENT = """# X

## Edge rules
- **Zeros** count as real elements. <!-- rule: zeros -->
  A second line of the same rule.
- Clicks are not capped.
  <!-- rule: not-capped -->
- An untagged rule.

## Not allowed
- Not a rule.
"""


def test_statement_rules_are_the_edge_section_bullets() -> None:
    assert statement_rules(STATEMENT) == [
        ("zeros", "- **Zeros** count as real elements."),
        ("not-capped", "- Clicks are not capped."),
        (None, "- An untagged rule."),
    ]


def test_every_bank_statement_rule_is_tagged() -> None:
    untagged = {str(d): [line for tag, line in statement_rules((d / "README.md").read_text()) if tag is None]
                for d in discover(EXERCISES)}
    assert untagged == {d: [] for d in untagged}


def _rules_check(exercise: Path) -> dict:  # type: ignore[type-arg]
    done = run_cli("validate", exercise, "--sandbox", "local", "--json")
    return next(c for c in json.loads(done.output)[0]["checks"] if c["name"] == "every rule tied to a case")


def test_validate_requires_each_rule_tied_to_an_existing_case(exercise_copy: Callable[..., Path]) -> None:
    exercise = exercise_copy(EXERCISES / "convolution" / "avg_pool2d")
    assert _rules_check(exercise)["ok"]
    statement = exercise / "README.md"
    statement.write_text(statement.read_text().replace(" <!-- rule: no-padding-agree -->", ""))
    cases = exercise / "private" / "cases.py"
    text = cases.read_text()
    cases.write_text(text.replace("        'exact zeros, padding (1, 2), exclude pad',\n", "        'no such case',\n", 1))
    check = _rules_check(exercise)
    assert not check["ok"]
    assert "untagged rule “Without padding the two settings agree.…”" in check["detail"]
    assert "`no-padding-agree` in RULES is not a rule of the statement" in check["detail"]
    assert "`exclude-pad`: no case named “no such case”" in check["detail"]
