"""`grade worker`: a grading host taking candidate jobs from the broker of `grade batch --broker` (docs/scale.md)."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Annotated

import typer

from ..results import SandboxKind
from .app import app
from .common import BankOption, errors, grading_options

BrokerOption = Annotated[str, typer.Option("--broker", metavar="URL", envvar="MLGRADE_BROKER",
                                           help="The Redis broker, e.g. redis://:PASSWORD@host:6379/0 or rediss:// "
                                                "for TLS (default $MLGRADE_BROKER).")]


@app.command("worker", help="Take candidate jobs from the broker and grade them, with the same code path, warm pool "
                            "and sandbox as `grade batch`; each results document goes back to the `grade batch "
                            "--broker` that sent the job. The worker serves the exercises at --exercises with its own "
                            "bank (--bank) and takes only jobs of that bank's digest; a job for another digest stays "
                            "queued for a worker that has it. Stop it with Ctrl-C or SIGTERM (running jobs finish); a "
                            "worker that dies mid-job loses nothing: its job goes to another worker after "
                            "--redeliver-after seconds.")
def worker_command(
    broker: BrokerOption,
    exercises: Annotated[Path, typer.Option("--exercises", "--bank-path", metavar="PATH",
                                            help="The exercise (or folder of exercises) this worker grades.")],
    concurrency: Annotated[int, typer.Option("--concurrency", "-c", min=1, help="Jobs graded at once.")] = 2,
    redeliver_after: Annotated[int, typer.Option("--redeliver-after", metavar="SECONDS", min=5,
                                                 help="A job left unacknowledged this long (its worker died) is "
                                                      "handed to another worker; keep it above the longest job.")]
    = 900,
    bank: BankOption = None,
    sandbox: Annotated[SandboxKind, typer.Option(help="docker (default) or local.")] = SandboxKind.DOCKER,
) -> None:
    from ..scale.worker import load_served, serve

    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(message)s")
    with grading_options(sandbox, bank, warm_per_key=concurrency) as options:
        served = load_served(exercises, options)
        errors.print(f"grading {len(served.exercises)} exercise(s) from {exercises}, bank digest "
                     f"{served.digest[:16]}", markup=False, soft_wrap=True)
        serve(broker, served, concurrency, redeliver_after)
