"""Parallel vocabularies stay equal: the verdicts of grader/results.py, of the results schema and
of the renderers in reports/; the sandbox kinds; the exit statuses; the gradebook standings."""

import json
import re
from pathlib import Path

from grader.cli.workflow import STATUS_STYLES
from grader.errors import ExitStatus
from grader.gradebook import StandingStatus
from grader.results import SandboxKind, Verdict
from reports import format as fmt
from reports import markdown

ROOT = Path(__file__).resolve().parent.parent
SCHEMA = json.loads((ROOT / "docs" / "results-schema.json").read_text(encoding="utf-8"))
VERDICTS = [verdict.value for verdict in Verdict]


def test_the_schema_and_the_renderers_list_the_verdicts_of_results_in_the_same_order() -> None:
    assert SCHEMA["$defs"]["verdict"]["enum"] == VERDICTS
    assert list(fmt.VERDICTS) == VERDICTS


def test_every_verdict_the_renderers_name_is_a_verdict() -> None:
    named: set[str] = set(markdown.MARKS)
    for path in [*(ROOT / "reports").glob("*.py"), *(ROOT / "reports" / "templates").glob("*.j2")]:
        text = path.read_text(encoding="utf-8")
        named |= set(re.findall(r"""verdict['"\]]*\s*[!=]=\s*["']([^"']+)["']""", text))
        named |= {word for group in re.findall(r"""verdict['"\]]*\s+(?:not )?in\s+\(([^)]*)\)""", text)
                  for word in re.findall(r"""["']([^"']+)["']""", group)}
    assert named, "the pattern no longer finds the verdicts the renderers name"
    assert named <= set(VERDICTS), named - set(VERDICTS)


def test_every_verdict_style_of_the_html_report_is_a_verdict() -> None:
    css = (ROOT / "reports" / "templates" / "report.css").read_text(encoding="utf-8")
    styled = set(re.findall(r"\.v-([a-z0-9-]+)", css))
    assert styled and styled <= {fmt.slug(verdict) for verdict in VERDICTS}, styled


def test_the_schema_lists_the_sandbox_kinds() -> None:
    kinds = [kind.value for kind in SandboxKind]
    assert SCHEMA["properties"]["sandbox"]["enum"] == kinds
    assert SCHEMA["$defs"]["exercise"]["properties"]["sandbox"]["enum"] == kinds


def test_every_standing_has_a_style() -> None:
    assert set(STATUS_STYLES) == set(StandingStatus)


def test_the_exit_statuses_of_documents_are_exit_statuses_and_the_html_report_names_each() -> None:
    statuses = SCHEMA["properties"]["exit_status"]["enum"]
    assert set(statuses) <= {int(status) for status in ExitStatus} - {ExitStatus.INTERNAL_ERROR}
    template = (ROOT / "reports" / "templates" / "run.html.j2").read_text(encoding="utf-8")
    labels = re.search(r"\{\{ \{([^}]*)\}\[doc\.exit_status\]", template)
    assert labels is not None, "run.html.j2 no longer labels the exit status"
    assert [int(key) for key in re.findall(r"(\d+):", labels.group(1))] == statuses
