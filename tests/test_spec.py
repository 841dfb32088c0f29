"""exercise.toml parsing: every malformed spec names the file, the field and what is expected."""

from __future__ import annotations

from pathlib import Path

import pytest
from support import EXERCISES, SDPA, run_grade

from grader.bank import BankError, discover, load_exercise
from grader.spec import SpecError, load_spec


def write_spec(folder: Path, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "exercise.toml").write_text(text, encoding="utf-8")
    return folder


VALID = """
id = "attention/x"
title = "X"
family = "attention"
difficulty = "easy"
[entrypoint]
kind = "function"
name = "f"
[[outputs]]
name = "out"
"""


def test_every_bank_exercise_parses() -> None:
    specs = [load_spec(folder) for folder in discover(EXERCISES)]
    assert {"attention/scaled_dot_product", "attention/multi_head", "attention/causal_self_attention"} <= {
        s.id for s in specs
    }


def test_defaults(tmp_path: Path) -> None:
    spec = load_spec(write_spec(tmp_path / "x", VALID))
    assert spec.entrypoint.file == "solution.py"
    assert spec.time_per_case == 2.0 and spec.limits.memory_mb == 1024
    assert spec.outputs[0].compare == "allclose" and spec.outputs[0].nan == "forbid"
    assert spec.outputs[0].type == "any" and spec.outputs[0].float32_rtol is None
    assert not spec.entrypoint.inputs_unchanged and spec.equivalent == ()


def test_typed_outputs_and_in_place_rule(tmp_path: Path) -> None:
    text = VALID.replace('name = "f"', 'name = "f"\ninputs_unchanged = true') + 'type = "array"\nkind = "int"\n'
    spec = load_spec(write_spec(tmp_path / "x", text))
    assert spec.entrypoint.inputs_unchanged and spec.entrypoint.as_wire(spec.outputs)["check_inputs"] is True
    assert (spec.outputs[0].type, spec.outputs[0].kind) == ("array", "int")


@pytest.mark.parametrize(
    ("edit", "field", "expected"),
    [
        (lambda t: t.replace('family = "attention"', 'family = "vision"'), "family", "one of attention"),
        (lambda t: t.replace('title = "X"\n', ""), "title", "the field is missing"),
        (lambda t: t + "rtol = 'tight'\n", "outputs[0].rtol", "a number"),
        (lambda t: t + "compare = 'fuzzy'\n", "outputs[0].compare", "one of allclose"),
        (lambda t: t.replace('kind = "function"', 'kind = "lambda"'), "entrypoint.kind", "one of function"),
        (lambda t: t + "[limits]\ntime_per_case = -1\n", "limits.time_per_case", "a number ≥ 0.01"),
        (lambda t: t + "[[wrong]]\nfile = 'w.py'\n", "wrong[0].misconception", "the field is missing"),
        (lambda t: t.replace('name = "f"', 'name = "f"\nfile = "../escape.py"'), "entrypoint.file", "a plain file"),
        (lambda t: t + "hints = 'read the docs'\n", "outputs[0].hints", "a known field here"),
        (lambda t: 'hints = "read the docs"\n' + t, "hints", "a list of strings"),
        (lambda t: t + "type = 'number'\n", "outputs[0].type", "one of int, float, bool"),
        (lambda t: t + "type = 'int'\nkind = 'int'\n", "outputs[0].kind", "only with type"),
        (lambda t: t + "float32_rtol = 1e-6\n", "outputs[0].float32_atol", "set together"),
        (lambda t: t + "[mutants]\n[[mutants.equivalent]]\nmutant = 'x'\n", "mutants.equivalent[0].reason",
         "the field is missing"),
        (lambda t: t + "[mutants]\nmax = 0\n", "mutants.max", "an integer ≥ 1"),
        (lambda t: t + "[cases]\nweights = { \"n = 10\" = 0 }\n", 'cases.weights."n = 10"', "a weight > 0"),
        (lambda t: t + "[cases]\nweights = { a = \"heavy\" }\n", 'cases.weights."a"', "a weight > 0"),
        (lambda t: t + "[cases]\nweights = 3\n", "cases.weights", "a table of case names to weights"),
    ],
)
def test_malformed_spec_names_the_field(tmp_path: Path, edit, field: str, expected: str) -> None:  # type: ignore[no-untyped-def]
    folder = write_spec(tmp_path / "x", edit(VALID))
    with pytest.raises(SpecError) as error:
        load_spec(folder)
    message = str(error.value)
    assert str(folder / "exercise.toml") in message
    assert f"`{field}`" in message and expected in message


def test_case_weights_default_to_one(tmp_path: Path) -> None:
    spec = load_spec(write_spec(tmp_path / "x", VALID + '[cases]\nweights = { "n = 10" = 2.5 }\n'))
    assert spec.weights == (("n = 10", 2.5),) and spec.weight("n = 10") == 2.5 and spec.weight("other") == 1.0


def test_invalid_toml_and_missing_file(tmp_path: Path) -> None:
    with pytest.raises(SpecError, match="valid TOML"):
        load_spec(write_spec(tmp_path / "broken", "id = [unclosed"))
    with pytest.raises(SpecError, match="an exercise.toml"):
        load_spec(tmp_path)


def test_missing_private_parts_say_how_to_fix(tmp_path: Path) -> None:
    folder = write_spec(tmp_path / "x", VALID)
    with pytest.raises(BankError, match="--bank DIR"):
        load_exercise(folder)


def test_bank_directory_supplies_private_parts_and_spec(tmp_path: Path, exercise_copy) -> None:  # type: ignore[no-untyped-def]
    public = exercise_copy(SDPA)
    bank = tmp_path / "bank" / "attention" / "scaled_dot_product"
    (public / "private").rename(bank.parent.mkdir(parents=True) or bank)
    (bank / "exercise.toml").write_text((public / "exercise.toml").read_text())
    # The candidate loosens the tolerance in their copy; the bank's copy wins.
    (public / "exercise.toml").write_text((public / "exercise.toml").read_text().replace("rtol = 1e-7", "rtol = 1e3"))
    exercise = load_exercise(public, bank=tmp_path / "bank")
    assert exercise.private == bank
    assert exercise.spec.outputs[0].rtol == 1e-7
    assert exercise.spec.directory == public


def test_cli_reports_malformed_spec_with_exit_2(tmp_path: Path) -> None:
    folder = write_spec(tmp_path / "x", VALID.replace('difficulty = "easy"', "difficulty = 3"))
    completed = run_grade(folder, "--sandbox", "local")
    assert completed.returncode == 2
    assert "field `difficulty`" in completed.stderr and "Traceback" not in completed.stderr


def test_vocabularies_match_their_registries() -> None:
    """A new comparison, output type or entrypoint kind is one edit: each registry covers its vocabulary."""
    from grader import compare, spec
    from sandbox.runner.invoke import KINDS

    assert set(spec.EntrypointKind) == set(KINDS)
    assert set(spec.DEFAULT_FILE) == set(spec.DEFAULT_NAME) == set(spec.EntrypointKind)
    assert set(compare.COMPARATORS) == set(spec.Comparison) - {spec.Comparison.CHECKER}
    assert set(spec.DEFAULT_TYPE) == set(spec.Comparison)
    assert set(compare.TYPE_CHECKS) == set(spec.OutputType)
    assert set(compare.SCALAR_CHECKS) == set(compare.DTYPE_KINDS) == set(spec.ScalarKind)
