"""Runtime guard for forbidden APIs inside the sandbox.

Each forbidden name ``pkg.mod.attr`` is replaced, when ``pkg.mod`` is imported (now or later), by
a stub that raises ``ForbiddenCall``. Aliases, ``getattr`` with computed names and ``from … import``
all reach the stub, because they all read the module attribute. The trusted side also scans the
source statically; this guard is the second net.
"""

from __future__ import annotations

import importlib.abc
import importlib.machinery
import sys
from collections.abc import Sequence
from types import ModuleType
from typing import Any


class ForbiddenCall(Exception):
    """Raised when the candidate calls a forbidden API."""

    def __init__(self, api: str) -> None:
        super().__init__(f"{api} is forbidden in this exercise")
        self.api = api


def install(forbidden: Sequence[str]) -> None:
    """Patch already-imported modules now and the rest as soon as they are imported."""
    by_module: dict[str, list[str]] = {}
    for api in forbidden:
        module_name, _, attr = api.rpartition(".")
        by_module.setdefault(module_name, []).append(attr)
    for module_name, attrs in by_module.items():
        if module_name in sys.modules:
            _patch(sys.modules[module_name], module_name, attrs)
    sys.meta_path.insert(0, _PatchingFinder(by_module))


def _patch(module: ModuleType, module_name: str, attrs: list[str]) -> None:
    for attr in attrs:
        if hasattr(module, attr):
            setattr(module, attr, _forbidden_stub(f"{module_name}.{attr}", getattr(module, attr)))


def _forbidden_stub(api: str, original: Any) -> Any:
    """A function that raises, or for a class a subclass whose constructor raises (libraries
    that subclass the forbidden class at import time keep working)."""

    def stub(*_args: Any, **_kwargs: Any) -> Any:
        raise ForbiddenCall(api)

    if isinstance(original, type):
        try:
            return type(original.__name__, (original,), {"__init__": stub, "__module__": original.__module__})
        except TypeError:  # a class that cannot be subclassed: fall back to the function stub
            pass
    stub.__name__ = api.rpartition(".")[2]
    stub.__qualname__ = stub.__name__
    return stub


class _PatchingFinder(importlib.abc.MetaPathFinder):
    """Finds nothing itself; wraps the real loader of watched modules to patch after loading."""

    def __init__(self, by_module: dict[str, list[str]]) -> None:
        self.by_module = by_module

    def find_spec(self, fullname: str, path: Any, target: Any = None) -> importlib.machinery.ModuleSpec | None:
        if fullname not in self.by_module:
            return None
        for finder in sys.meta_path:
            if finder is self or not hasattr(finder, "find_spec"):
                continue
            spec = finder.find_spec(fullname, path, target)
            if spec is not None and spec.loader is not None:
                spec.loader = _PatchingLoader(spec.loader, fullname, self.by_module[fullname])
                return spec
        return None


class _PatchingLoader(importlib.abc.Loader):
    def __init__(self, inner: Any, fullname: str, attrs: list[str]) -> None:
        self.inner, self.fullname, self.attrs = inner, fullname, attrs

    def __getattr__(self, name: str) -> Any:
        return getattr(self.inner, name)  # get_code, get_source, is_package, … of the real loader

    def create_module(self, spec: importlib.machinery.ModuleSpec) -> ModuleType | None:
        return self.inner.create_module(spec)

    def exec_module(self, module: ModuleType) -> None:
        self.inner.exec_module(module)
        _patch(module, self.fullname, self.attrs)
