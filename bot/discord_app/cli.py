"""Discord subcommands for the local CLI: ``sync`` and ``report``.

Registered through :data:`bot.cli_extra.REGISTRARS`. Cheap to import: discord.py is imported only
inside the ``sync`` handler, and ``report`` needs only the standard library's sqlite3.

  sync [--guild ID | --dev]             push the slash commands to Discord (explicit; never on start)
  report [--days N] [--limit N] [--json] unanswered questions and thumbs-down answers
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any


def register(subparsers: Any) -> None:
    p = subparsers.add_parser("sync", help="sync the Discord slash commands (needs KENRI_DISCORD_TOKEN)")
    where = p.add_mutually_exclusive_group()
    where.add_argument(
        "--guild", type=int, metavar="ID", help="sync to this guild only (appears at once); default: globally"
    )
    where.add_argument("--dev", action="store_true", help="sync to KENRI_DEV_GUILD_ID")
    p.set_defaults(func=cmd_sync)

    p = subparsers.add_parser("report", help="unanswered questions and thumbs-down answers from the bot's database")
    p.add_argument("--days", type=float, default=30, help="look back this many days (default 30)")
    p.add_argument("--limit", type=int, default=50, help="rows per section (default 50)")
    p.add_argument("--json", action="store_true", help="print JSON instead of text")
    p.set_defaults(func=cmd_report)


def cmd_sync(args: argparse.Namespace, settings: Any) -> int:
    guild_id = args.guild
    if args.dev:
        if settings.dev_guild_id is None:
            print("--dev needs KENRI_DEV_GUILD_ID", file=sys.stderr)  # noqa: T201
            return 2
        guild_id = settings.dev_guild_id
    from .runner import sync

    return sync(settings, guild_id)


def cmd_report(args: argparse.Namespace, settings: Any) -> int:
    from . import report
    from .storage import StorageError, Store

    path = settings.database_path
    if not path.exists():
        print(f"no database at {path} yet (the bot creates it when it first answers)", file=sys.stderr)  # noqa: T201
        return 1
    try:
        store = Store.open(path)
    except StorageError as exc:
        print(f"error: {exc}", file=sys.stderr)  # noqa: T201
        return 1
    try:
        data = report.collect(store, days=args.days, limit=args.limit)
    finally:
        store.close()
    if args.json:
        print(json.dumps(data, ensure_ascii=False, indent=1))  # noqa: T201
    else:
        print(report.render(data))  # noqa: T201
    return 0
