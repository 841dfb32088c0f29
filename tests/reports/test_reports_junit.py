"""JUnit XML from real grading runs: parsed with junitparser, validated against the Jenkins JUnit XSD."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import xmlschema
from junitparser import Error, Failure, JUnitXml
from report_helpers import MESSAGE, PRINTED, derive

from reports import render_junit

pytestmark = pytest.mark.docker
Graded = Callable[[str], dict[str, Any]]
XSD = Path(__file__).resolve().parents[1] / "data" / "junit-10.xsd"


@pytest.fixture(scope="module")
def schema() -> xmlschema.XMLSchema:
    return xmlschema.XMLSchema(XSD)


def parse(xml: str, tmp_path: Path) -> JUnitXml:
    path = tmp_path / "junit.xml"
    path.write_text(xml, encoding="utf-8")
    return JUnitXml.fromfile(str(path))


@pytest.mark.parametrize("name", ["reference", "no_scaling", "forbidden", "loop", "runtime_error", "injection"])
def test_valid_against_the_junit_schema(graded: Graded, schema: xmlschema.XMLSchema, name: str) -> None:
    schema.validate(render_junit(graded(name)))


def test_one_suite_per_exercise_one_case_per_case(graded: Graded, tmp_path: Path) -> None:
    document = graded("no_scaling")
    xml = parse(render_junit(document), tmp_path)
    suites = list(xml)
    exercise = document["exercises"][0]
    assert [s.name for s in suites] == [exercise["id"]]
    suite = suites[0]
    assert (suite.tests, suite.failures, suite.errors) == (7, 5, 0)
    cases = list(suite)
    assert [c.name for c in cases] == [c["name"] for c in exercise["cases"]]
    assert {c.classname for c in cases} == {exercise["id"]}
    for case, source in zip(cases, exercise["cases"], strict=True):
        if source["verdict"] == "passed":
            assert case.is_passed and not case.result
            continue
        [failure] = case.result
        assert isinstance(failure, Failure)
        assert failure.type == "wrong answer"
        assert failure.message == f"wrong answer: {source['reason']}"
        assert "misconception: no 1/√d scaling" in failure.text
    assert "worst at [1, 0]" in cases[0].result[0].text
    assert "hidden case" in cases[3].result[0].text and "worst at" not in cases[3].result[0].text


def test_forbidden_api_and_time_limit_verdicts_are_failure_types(graded: Graded, tmp_path: Path) -> None:
    [forbidden] = list(parse(render_junit(graded("forbidden")), tmp_path))
    assert {case.result[0].type for case in forbidden} == {"forbidden API"}
    assert "return F.scaled_dot_product_attention(q, k, v)" in next(iter(forbidden)).result[0].text
    [loop] = list(parse(render_junit(graded("loop")), tmp_path))
    first = next(iter(loop))
    assert first.result[0].type == "time limit" and first.time == pytest.approx(2.0, abs=0.1)
    assert (loop.tests, loop.failures) == (7, 1)


def test_ungradable_is_an_error(graded: Graded, schema: xmlschema.XMLSchema, tmp_path: Path) -> None:
    def infrastructure_fault(document: dict[str, Any]) -> None:
        # derived: the last case as the grader records an infrastructure fault (rule R7, docs/design.md)
        case = document["exercises"][0]["cases"][-1]
        case.update(verdict="ungradable", reason="the Docker engine stopped answering", mismatch=None,
                    misconception=None, error=None, output=None, seconds=None)

    xml = render_junit(derive(graded("reference"), infrastructure_fault))
    schema.validate(xml)
    [suite] = list(parse(xml, tmp_path))
    assert (suite.tests, suite.failures, suite.errors) == (7, 0, 1)
    [error] = list(suite)[-1].result
    assert isinstance(error, Error) and error.type == "ungradable"
    assert error.message == "ungradable: the Docker engine stopped answering"


def test_candidate_text_is_escaped_and_round_trips(graded: Graded, schema: xmlschema.XMLSchema,
                                                   tmp_path: Path) -> None:
    document = graded("injection")
    xml = render_junit(document)
    assert "<script" not in xml and "<img" not in xml and "<b>" not in xml
    assert "&lt;script&gt;" in xml
    cases = list(next(iter(parse(xml, tmp_path))))
    assert cases[0].system_out.strip() == PRINTED
    assert MESSAGE in cases[0].result[0].message
    hidden = [c for c, source in zip(cases, document["exercises"][0]["cases"], strict=True) if source["hidden"]]
    assert hidden and all(c.system_out is None for c in hidden)
    assert all(MESSAGE not in c.result[0].message for c in hidden)

    def control_characters(doc: dict[str, Any]) -> None:  # derived: output no XML 1.0 document may contain
        doc["exercises"][0]["cases"][0]["output"] = "nul\x00 escape\x1b[31m bell\x07 ]]> end"

    xml = render_junit(derive(document, control_characters))
    schema.validate(xml)
    assert next(iter(next(iter(parse(xml, tmp_path))))).system_out == "nul\ufffd escape\ufffd[31m bell\ufffd ]]> end"
