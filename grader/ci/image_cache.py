"""The sandbox image in CI: its tag (which keys the CI cache) and `grade sandbox ensure`, which loads the
image from a cached `docker save` archive or builds it and writes the archive. These replace the inline
`python -c` / `python - <<PY` of earlier templates, which ran with the candidate's checkout on sys.path."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from ..errors import InfrastructureError
from ..files import cache_home


def image_tag() -> str:
    """The sandbox image tag of this installation (a hash of the sandbox Dockerfile and requirements)."""
    from sandbox.image import image_tag as tag

    return tag()


def ensure_image(archive: Path, base: str | None, progress: Callable[[str], None]) -> str:
    """Make the sandbox image present: already there, else loaded from ARCHIVE, else built (from BASE) and
    saved to ARCHIVE for the next job. Returns what was done, in words."""
    import docker
    from docker.errors import DockerException

    from sandbox.image import build_image, image_exists
    from sandbox.launcher import SandboxError

    tag = image_tag()
    try:
        if image_exists(tag):
            return f"{tag} is present"
        if archive.is_file():
            with archive.open("rb") as saved:
                docker.from_env(timeout=600).images.load(saved)
            if image_exists(tag):
                return f"loaded {tag} from {archive}"
            progress(f"{archive} does not hold {tag}: building it")
        build_image(cache_home(), base=base, progress=progress)
        archive.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("wb", dir=archive.parent, suffix=".tmp", delete=False) as handle:
            try:
                for chunk in docker.from_env(timeout=600).images.get(tag).save(named=True):
                    handle.write(chunk)
            except BaseException:
                os.unlink(handle.name)
                raise
        os.replace(handle.name, archive)
        return f"built {tag} and saved it to {archive}"
    except (SandboxError, DockerException) as exc:
        raise InfrastructureError(f"the sandbox image: {exc}") from None
