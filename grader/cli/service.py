"""`grade sandbox build|clean` and `grade serve`: the sandbox image and the warm grade server."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from .. import serve
from ..errors import InfrastructureError
from ..files import cache_home
from .app import app, sandbox_app
from .common import console, ensure_image, errors


@sandbox_app.command("build", help="Build the sandbox image (no registry needed by default).")
def sandbox_build(
    base: Annotated[str | None, typer.Option(help="Base image with python3, e.g. python:3.11-slim where a "
                                                "registry is reachable. Default: a debootstrap Debian base.")] = None,
) -> None:
    from sandbox import oci, rootfs
    from sandbox.image import build_image
    from sandbox.launcher import SandboxError

    try:
        tag = build_image(cache_home(), base=base, progress=lambda message: errors.print(message, markup=False))
        if oci.unavailable() is None:  # crun will start the containers: unpack the image's files for it now
            errors.print("unpacking the image's files for crun (sandbox/oci.py)", markup=False)
            rootfs.exported(tag)
    except SandboxError as exc:
        raise InfrastructureError(str(exc)) from None
    console.print(f"built {tag}")


@sandbox_app.command("clean", help="Remove sandbox containers left behind by a killed grader.")
def sandbox_clean(
    everything: Annotated[bool, typer.Option("--all", help="Also remove containers of graders still running.")] = False,
) -> None:
    from docker.errors import DockerException

    from sandbox.launcher import SandboxError, remove_leftover_containers

    try:
        removed = remove_leftover_containers(everything)
    except (SandboxError, DockerException) as exc:
        raise InfrastructureError(f"the Docker engine does not answer: {exc}") from None
    console.print(f"removed {removed} container(s)")


@app.command("serve", help="Keep a warm pool of sandbox containers and grade for `grade PATH` on a local "
                           "socket (until Ctrl-C). Isolation is the same: one fresh container per submission.")
def serve_command(
    prewarm: Annotated[Path | None, typer.Option(help="Start containers for the exercises under this folder "
                                                 "right away.")] = None,
    per_key: Annotated[int, typer.Option(help="Warm containers kept per kind (limits, runtime).")] = 2,
    memory_budget_mb: Annotated[int, typer.Option(help="Never hold more warm containers than this memory "
                                                  "(by their limits).")] = 4096,
    idle_seconds: Annotated[float, typer.Option(help="Discard warm containers unused for this long.")] = 300.0,
) -> None:
    image = ensure_image()
    stopped = serve.serve(image, prewarm, per_key, memory_budget_mb, idle_seconds, ready=console.print)
    console.print(f"grade server stopped; {stopped}", markup=False)


@sandbox_app.command("tag", help="Print the sandbox image tag of this installation (a hash of the sandbox "
                                 "Dockerfile and requirements): a CI cache key.")
def sandbox_tag() -> None:
    from ..ci.image_cache import image_tag

    console.print(image_tag(), markup=False)


@sandbox_app.command("ensure", help="Make the sandbox image present: keep it, else load it from --archive (a "
                                    "`docker save` file), else build it and write --archive for the next CI job.")
def sandbox_ensure(
    archive: Annotated[Path, typer.Option(help="The cached image archive (outside any candidate's checkout).")],
    base: Annotated[str | None, typer.Option(help="Base image for a build, e.g. python:3.11-slim.")] = None,
) -> None:
    from ..ci.image_cache import ensure_image

    console.print(ensure_image(archive, base, lambda message: errors.print(message, markup=False)), markup=False)
