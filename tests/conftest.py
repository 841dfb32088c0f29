"""Fixtures shared by every test folder: the real Docker sandbox and exercise copies."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from support import SDPA, docker_problem


@pytest.fixture(scope="session", autouse=True)
def private_gradebook(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Every grading run records an attempt: keep the tests' attempts out of the user's gradebook
    (subprocesses inherit the variable)."""
    path = tmp_path_factory.mktemp("gradebook") / "gradebook.sqlite3"
    os.environ["MLGRADE_GRADEBOOK"] = str(path)
    return path


@pytest.fixture(scope="session")
def sandbox_image() -> str:
    """The sandbox image tag. Missing Docker fails the test in CI and skips it elsewhere."""
    problem = docker_problem()
    if problem is not None:
        if os.environ.get("CI"):
            pytest.fail(f"CI must run the Docker tests: {problem}")
        pytest.skip(problem)
    from sandbox import image, oci, rootfs

    if oci.unavailable() is None:  # crun starts the containers: its copy of the image's files, before any timing
        rootfs.exported(image.image_tag())
    return image.image_tag()


@pytest.fixture()
def exercise_copy(tmp_path: Path) -> Callable[..., Path]:
    """Copy an exercise folder (public and private parts) into tmp_path to edit it freely."""

    def copy(source: Path = SDPA) -> Path:
        target = tmp_path / source.name
        shutil.copytree(source, target)
        return target

    return copy
