"""Build the sandbox image, with or without a container registry.

Without a registry (the default): debootstrap a minimal Debian bookworm with python3, import it
as the base image, download a wheelhouse on the host, and install it offline in the image.
With a registry: pass a normal base such as ``python:3.11-slim``.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from .launcher import SandboxError, docker_client

SANDBOX_DIR = Path(__file__).parent
DEBOOTSTRAP_BASE = "mlgrade-base:bookworm"
DEFAULT_MIRROR = "http://deb.debian.org/debian"

Progress = Callable[[str], None]


def image_tag() -> str:
    """The image name for the current Dockerfile and requirements (changes when they change)."""
    digest = hashlib.sha256()
    for name in ("Dockerfile", "requirements.txt"):
        digest.update((SANDBOX_DIR / name).read_bytes())
    return f"mlgrade-sandbox:{digest.hexdigest()[:12]}"


def _client() -> Any:
    """A client for image work: the engine must answer a short ping; builds may then take long."""
    import docker

    docker_client()  # fails fast (SandboxError) when no engine answers
    return docker.from_env(timeout=600)


def image_exists(tag: str | None = None) -> bool:
    """True when the sandbox image is present in the local engine."""
    import docker.errors

    try:
        _client().images.get(tag or image_tag())
        return True
    except docker.errors.ImageNotFound:
        return False


def build_image(cache: Path, base: str | None = None, progress: Progress = print) -> str:
    """Build the sandbox image and return its tag. ``base=None`` means the debootstrap base; downloaded
    wheels are kept in CACHE/wheels."""
    client = _client()
    tag = image_tag()
    if base is None:
        base = ensure_debootstrap_base(progress)
    with tempfile.TemporaryDirectory(prefix="mlgrade-build-") as context_dir:
        context = Path(context_dir)
        shutil.copy(SANDBOX_DIR / "Dockerfile", context / "Dockerfile")
        shutil.copy(SANDBOX_DIR / "requirements.txt", context / "requirements.txt")
        download_wheels(context / "wheels", cache / "wheels", progress)
        progress(f"building {tag} from {base}")
        log: list[str] = []
        for chunk in client.api.build(path=str(context), tag=tag, buildargs={"BASE": base}, rm=True,
                                      forcerm=True, decode=True):
            if "error" in chunk:
                tail = "\n".join(log[-15:])
                raise SandboxError(f"the sandbox image build failed: {chunk['error'].strip()}\n{tail}")
            line = chunk.get("stream", "").strip()
            log.append(line)
            if line.startswith("Step "):
                progress(line)
    return tag


def download_wheels(target: Path, cache: Path, progress: Progress) -> None:
    """Fetch the image's wheels on the host (cached), so the image build needs no network."""
    cache.mkdir(parents=True, exist_ok=True)
    progress("downloading the sandbox wheelhouse")
    # -I and a working directory of our own: a `pip/` package or `.pth` file in the directory this was
    # started from (a candidate's checkout in CI) is never imported.
    command = [sys.executable, "-I", "-m", "pip", "download", "--quiet", "--only-binary=:all:",
               "--python-version", "3.11", "--platform", "manylinux_2_28_x86_64",
               "--dest", str(cache), "-r", str(SANDBOX_DIR / "requirements.txt")]
    with tempfile.TemporaryDirectory(prefix="mlgrade-pip-") as cwd:
        _run(command, "pip download of the sandbox wheels", cwd=Path(cwd))
    shutil.copytree(cache, target)


def ensure_debootstrap_base(progress: Progress) -> str:
    """Make the registry-free base image (Debian bookworm minbase + python3) if it is missing."""
    import docker.errors

    client = _client()
    try:
        client.images.get(DEBOOTSTRAP_BASE)
        return DEBOOTSTRAP_BASE
    except docker.errors.ImageNotFound:
        pass
    if shutil.which("debootstrap") is None:
        raise SandboxError("building without a registry needs debootstrap (`apt-get install debootstrap`), "
                           "or pass `--base python:3.11-slim` where a registry is reachable")
    mirror = os.environ.get("MLGRADE_DEBIAN_MIRROR", DEFAULT_MIRROR)
    with tempfile.TemporaryDirectory(prefix="mlgrade-rootfs-") as work:
        rootfs, archive = Path(work) / "rootfs", Path(work) / "rootfs.tar"
        progress(f"debootstrap bookworm from {mirror} (about a minute)")
        _run(["debootstrap", "--variant=minbase", "--include=python3,python3-venv", "bookworm", str(rootfs), mirror],
             "debootstrap")
        for cache in ("var/cache/apt/archives", "var/lib/apt/lists"):
            shutil.rmtree(rootfs / cache, ignore_errors=True)
        _run(["tar", "-C", str(rootfs), "--numeric-owner", "-cf", str(archive), "."], "tar of the rootfs")
        progress(f"importing {DEBOOTSTRAP_BASE}")
        repository, _, tag = DEBOOTSTRAP_BASE.partition(":")
        client.api.import_image_from_file(str(archive), repository=repository, tag=tag)
    return DEBOOTSTRAP_BASE


def _run(command: list[str], what: str, cwd: Path | None = None) -> None:
    completed = subprocess.run(command, capture_output=True, text=True, cwd=cwd)
    if completed.returncode != 0:
        tail = (completed.stderr or completed.stdout).strip()[-800:]
        raise SandboxError(f"{what} failed (exit {completed.returncode}): {tail}")
