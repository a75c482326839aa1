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


def cmd_sync(args: argparse.Namespace, settings: Any) -> int:
    guild_id = args.guild
    if args.dev:
        if settings.dev_guild_id is None:
            print("--dev needs KENRI_DEV_GUILD_ID", file=sys.stderr)
            return 2
        guild_id = settings.dev_guild_id
    from bot.discord_app.runner import sync

    return sync(settings, guild_id)


def cmd_report(args: argparse.Namespace, settings: Any) -> int:
    from bot.discord_app import report
    from bot.discord_app.storage import BotDatabase, StorageError

    path = settings.database_path
    if not path.exists():
        print(f"no database at {path} yet (the bot creates it when it first answers)", file=sys.stderr)
        return 1
    try:
        store = BotDatabase.open(path)
    except StorageError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    try:
        data = report.collect(store, days=args.days, limit=args.limit)
    finally:
        store.close()
    if args.json:
        print(json.dumps(data, ensure_ascii=False, indent=1))
    else:
        print(report.render(data))
    return 0
