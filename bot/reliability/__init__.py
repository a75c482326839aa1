"""Reliability checks shared by ``tests/reliability`` and ``python -m bot reliability``.

Each module injects one kind of fault and measures what survives it:

* :mod:`.crash`     SIGKILL an ingest at many points; the published version keeps serving, loses
                    nothing, and the next ingest publishes (``--rollback`` goes back one version).
* :mod:`.badinputs` 20+ malformed knowledge files; each rejected or sanitised, by name and reason.
* :mod:`.traffic`   questions in flight while the index is re-ingested and reloaded.
* :mod:`.load`      200 concurrent ``/ask`` through a simulated Discord, with event-loop lag.
* :mod:`.damage`    24 kinds of index damage x open, reload, ingest, rebuild and rollback.
* :mod:`.hostile`   hostile model replies and questions under an event-loop lag probe; secrets.
* :mod:`.report`    the ``python -m bot reliability`` command that runs them all and prints figures.

Importing this package is cheap (no chromadb, discord or encoder): the CLI registers it.
"""

from __future__ import annotations

from typing import Any


def register(subparsers: Any) -> None:
    """Add ``reliability`` to the CLI (see :mod:`bot.cli_extra`)."""
    p = subparsers.add_parser(
        "reliability",
        help=(
            "inject faults (SIGKILLed ingests, bad files, reloads under traffic, 200 concurrent /ask) "
            "and print the figures"
        ),
    )
    p.add_argument("--kills", type=int, default=10, help="timed SIGKILLs spread over an ingest run (default 10)")
    p.add_argument("--questions", type=int, default=200, help="concurrent /ask for the load check (default 200)")
    p.add_argument("--json", action="store_true", help="print the figures as JSON")
    p.add_argument("--keep", action="store_true", help="keep the temporary folder (its path is printed)")

    def run(args: Any, settings: Any) -> int:
        from .report import main

        return main(args, settings)

    p.set_defaults(func=run)
