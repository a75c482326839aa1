"""Run the bot: ``python -m bot`` (or ``python -m bot run``) with KENRI_DISCORD_TOKEN set."""

from __future__ import annotations

import asyncio
import contextlib
import gc
import logging
import signal
import sys

import aiohttp
import discord

from ..settings import BotSettings
from .client import Bot, sync_commands
from .storage import BotDatabase, StorageError

log = logging.getLogger(__name__)


def _setup_logging() -> None:
    """Show kenri's and discord.py's INFO logs through the root handler set up by the CLI."""
    if not logging.getLogger().handlers:
        discord.utils.setup_logging(level=logging.INFO, root=True)
    for name in ("bot", "discord"):
        logging.getLogger(name).setLevel(logging.INFO)
    logging.getLogger("discord.http").setLevel(logging.WARNING)
    _no_voice_warnings()


def _no_voice_warnings() -> None:
    """kenri has no voice features: skip discord.py's "voice will NOT be supported" warnings."""
    discord.VoiceClient.warn_nacl = False
    discord.VoiceClient.warn_dave = False


def _token(settings: BotSettings) -> str | None:
    """The Discord token, or None after telling the user it is not set."""
    token = settings.discord_token.get_secret_value() if settings.discord_token else None
    if not token:
        print("KENRI_DISCORD_TOKEN is not set", file=sys.stderr)  # noqa: T201
    return token


async def _serve(bot: Bot, token: str) -> None:
    loop = asyncio.get_running_loop()
    with contextlib.suppress(NotImplementedError):  # not on Windows
        loop.add_signal_handler(signal.SIGTERM, lambda: asyncio.ensure_future(bot.close()))
    async with bot:
        await bot.start(token)


def run_bot(settings: BotSettings) -> int:
    """Build the engine once, open the database, connect to Discord. Returns an exit code."""
    from ..engine import Engine

    token = _token(settings)
    if not token:
        return 2
    _setup_logging()
    try:
        store = BotDatabase.open(settings.database_path)
    except (StorageError, OSError) as exc:
        print(f"cannot open the database: {exc}", file=sys.stderr)  # noqa: T201
        return 2
    engine = None
    try:
        log.info("loading the answer engine (%s) ...", settings.embedding_model)
        engine = Engine.from_settings(settings)  # KenriError (no index, model mismatch) -> exit 1 via cli
        log.info("serving index %s", engine.version)
        bot = Bot(engine=engine, settings=settings, store=store)
        # Everything loaded so far (models, index, libraries) lives until exit: keep it out of the
        # garbage collector's full passes, which otherwise pause the event loop for ~50-100 ms.
        gc.collect()
        gc.freeze()
        asyncio.run(_serve(bot, token))
    except KeyboardInterrupt:
        pass
    except discord.LoginFailure:
        print("Discord rejected KENRI_DISCORD_TOKEN (log in failed); check the token.", file=sys.stderr)  # noqa: T201
        return 2
    except discord.PrivilegedIntentsRequired:  # gateway close code 4014
        if settings.discord_message_content:
            print(  # noqa: T201
                "Discord refused the Message Content intent that KENRI_DISCORD_MESSAGE_CONTENT=true requests: "
                "switch it on in the Developer Portal (your application -> Bot -> Privileged Gateway Intents -> "
                "Message Content Intent), or unset KENRI_DISCORD_MESSAGE_CONTENT (kenri needs no intent without it).",
                file=sys.stderr,
            )
        else:  # pragma: no cover - kenri requests no privileged intent then
            print("Discord refused a privileged intent; kenri requests none.", file=sys.stderr)  # noqa: T201
        return 2
    except (aiohttp.ClientError, OSError) as exc:
        print(f"cannot reach Discord: {exc}", file=sys.stderr)  # noqa: T201
        return 1
    finally:
        if engine is not None:
            engine.close()
        store.close()
    return 0


async def _sync(settings: BotSettings, token: str, guild_id: int | None) -> list[str]:
    bot = Bot.for_sync(settings)
    async with bot:
        await bot.login(token)  # runs setup_hook: cogs and translator, no gateway connection
        synced = await sync_commands(bot, guild_id)
    return sorted(c.name for c in synced)


def sync(settings: BotSettings, guild_id: int | None) -> int:
    """Log in, sync the command tree globally or to one guild, and exit."""
    token = _token(settings)
    if not token:
        return 2
    _no_voice_warnings()
    try:
        names = asyncio.run(_sync(settings, token, guild_id))
    except discord.LoginFailure:
        print("Discord rejected KENRI_DISCORD_TOKEN (log in failed); check the token.", file=sys.stderr)  # noqa: T201
        return 2
    except discord.HTTPException as exc:
        print(f"sync failed: {exc.status} {exc.text}", file=sys.stderr)  # noqa: T201
        return 1
    except (aiohttp.ClientError, OSError) as exc:
        print(f"cannot reach Discord: {exc}", file=sys.stderr)  # noqa: T201
        return 1
    where = f"to guild {guild_id} (available now)" if guild_id else "globally (may take a few minutes to appear)"
    print(f"synced {len(names)} command(s) {where}: {', '.join('/' + n for n in names)}")  # noqa: T201
    return 0
