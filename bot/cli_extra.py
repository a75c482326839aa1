"""Registry of subcommands contributed by other modules.

Each registrar takes the argparse sub-parsers object and adds its commands, setting
``func(args, settings) -> int`` as the default. Modules listed here must be cheap to import.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from . import bench, cli_eval, cli_optout, reliability

REGISTRARS: list[Callable[[Any], None]] = [
    cli_eval.register,
    cli_optout.register,
    bench.register,
    reliability.register,
]


def _discord_commands(subparsers: Any) -> None:
    """``sync`` and ``report`` (see :mod:`bot.discord_app.cli`)."""
    from .discord_app.cli import register

    register(subparsers)


REGISTRARS.append(_discord_commands)
