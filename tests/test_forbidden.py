"""Static scan for forbidden APIs: aliases, from-imports, attribute chains, spelled-out strings."""

from __future__ import annotations

import pytest

from grader.forbidden import Unscannable, imports_module, scan

FORBIDDEN = ("torch.nn.functional.scaled_dot_product_attention", "scipy.special.softmax", "torch.nn.MultiheadAttention")


def apis(source: str) -> list[tuple[str, int]]:
    return [(use.api, use.line) for use in scan(source, FORBIDDEN)]


def test_plain_attribute_chain() -> None:
    assert apis("import torch\nout = torch.nn.functional.scaled_dot_product_attention(q, k, v)\n") == [
        ("torch.nn.functional.scaled_dot_product_attention", 2)
    ]


def test_module_alias() -> None:
    source = "import torch.nn.functional as F\n\n\ndef f(q, k, v):\n    return F.scaled_dot_product_attention(q, k, v)\n"
    assert apis(source) == [("torch.nn.functional.scaled_dot_product_attention", 5)]


def test_from_import_with_alias() -> None:
    source = "from scipy.special import softmax as sm\nx = sm([1, 2])\n"
    assert ("scipy.special.softmax", 1) in apis(source)


def test_from_package_import_module() -> None:
    source = "from torch import nn\nlayer = nn.MultiheadAttention(8, 2)\n"
    assert apis(source) == [("torch.nn.MultiheadAttention", 2)]


def test_spelled_out_string() -> None:
    source = "import importlib\nf = eval('scipy.special.softmax')\n"
    assert apis(source) == [("scipy.special.softmax", 2)]


def test_allowed_code_and_syntax_errors_report_nothing() -> None:
    assert apis("import numpy as np\nsoftmax = np.exp\nx = softmax(1)\n") == []
    assert apis("def broken(:\n") == []


@pytest.mark.parametrize("source", ["x = " + "-" * 100_000 + "1\n", "x = a" + ".b" * 300_000 + "\n"],
                         ids=["100 000 unary minus signs", "300 000-long attribute chain"])
def test_source_that_defeats_the_parser_is_unscannable_not_a_crash(source: str) -> None:
    with pytest.raises(Unscannable, match="cannot be checked for forbidden APIs"):
        scan(source, ("torch.softmax",))
    assert imports_module(source, "torch") is False
