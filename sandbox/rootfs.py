"""The sandbox image's files as a folder on the host: the root filesystem of containers that the OCI
runtime starts directly (sandbox/oci.py). Exported once per image (about 20 s, 1.3 GB), then shared
read-only by every container, as the engine shares the image's layers."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import threading
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .launcher import SandboxError, docker_client

DIRECTORY_ENV = "MLGRADE_ROOTFS_DIR"
DEFAULT_DIRECTORY = Path("/var/lib/mlgrade/rootfs")


@dataclass(frozen=True)
class Rootfs:
    """An exported image: its files and the environment its configuration sets (PATH)."""

    path: Path
    env: dict[str, str]


_EXPORTED: dict[str, Rootfs] = {}
_LOCK = threading.Lock()


def directory() -> Path:
    """Where exported images are kept ($MLGRADE_ROOTFS_DIR, else /var/lib/mlgrade/rootfs)."""
    return Path(os.environ.get(DIRECTORY_ENV) or DEFAULT_DIRECTORY)


def exported(image: str) -> Rootfs:
    """IMAGE's files on the host, exported from the engine the first time (then found by the image's id)."""
    with _LOCK:
        if image not in _EXPORTED:
            _EXPORTED[image] = _find_or_export(image)
        return _EXPORTED[image]


def _find_or_export(image: str) -> Rootfs:
    import docker.errors

    client = docker_client()
    try:
        attributes = client.api.inspect_image(image)
    except docker.errors.ImageNotFound:
        raise SandboxError(f"the sandbox image {image} is missing: run `grade sandbox build`") from None
    folder = directory() / attributes["Id"].removeprefix("sha256:")[:16]
    if not (folder / "env.json").is_file():
        _export(client, image, attributes, folder)
    return Rootfs(path=folder / "rootfs", env=json.loads((folder / "env.json").read_text(encoding="utf-8")))


def _export(client: Any, image: str, attributes: dict[str, Any], folder: Path) -> None:
    """Unpack `docker export` of a container of IMAGE into FOLDER/rootfs; write FOLDER/env.json last, so a
    folder with env.json is complete. Made under a temporary name and renamed: concurrent graders agree."""
    folder.parent.mkdir(parents=True, exist_ok=True, mode=0o755)
    staging = folder.parent / f".{folder.name}-{uuid.uuid4().hex[:8]}"
    (staging / "rootfs").mkdir(parents=True, mode=0o755)
    container = client.containers.create(image, command=["/bin/true"])
    try:
        tar = subprocess.Popen(["tar", "-x", "--numeric-owner", "-C", str(staging / "rootfs")],
                               stdin=subprocess.PIPE, stderr=subprocess.PIPE)
        assert tar.stdin is not None
        with tar.stdin:
            for chunk in container.export():
                tar.stdin.write(chunk)
        if tar.wait() != 0:
            raise SandboxError(f"could not unpack the sandbox image into {staging}: "
                               f"{tar.stderr.read().decode(errors='replace')[-300:] if tar.stderr else ''}")
        config = attributes.get("Config") or {}
        env = dict(item.split("=", 1) for item in (config.get("Env") or []) if "=" in item)
        (staging / "env.json").write_text(json.dumps(env), encoding="utf-8")
        try:
            staging.rename(folder)
        except OSError:  # another grader exported it meanwhile
            if not (folder / "env.json").is_file():
                raise
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    finally:
        container.remove(force=True)
    shutil.rmtree(staging, ignore_errors=True)

