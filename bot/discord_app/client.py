"""The Discord client: ``Bot(engine=..., settings=..., store=...)``.

Dependencies are injected (no globals). ``setup_hook`` adds the cogs, the command translator and
the persistent buttons; it never syncs commands (``python -m bot sync`` does, explicitly).
"""

from __future__ import annotations

import asyncio
import functools
import logging
import math
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any, Protocol, TypeVar, cast

import discord
from discord import app_commands
from discord.ext import commands

from ..engine.models import Answer, NoteMeta
from ..engine.text import clean_question, has_searchable_text
from ..settings import BotSettings
from .i18n import KenriTranslator, pick_language, t
from .ratelimit import Cooldown
from .storage import Store

log = logging.getLogger(__name__)
T = TypeVar("T")

# Exactly what the bot needs (see docs/DISCORD.md); tests check the documented integer.
INVITE_PERMISSIONS = discord.Permissions(
    view_channel=True,
    send_messages=True,
    send_messages_in_threads=True,
    create_public_threads=True,
    embed_links=True,
    read_message_history=True,
    pin_messages=True,
)


def invite_url(client_id: int) -> str:
    """The OAuth2 URL that adds the bot with exactly :data:`INVITE_PERMISSIONS`."""
    return (
        "https://discord.com/oauth2/authorize"
        f"?client_id={int(client_id)}&scope=bot+applications.commands&permissions={INVITE_PERMISSIONS.value}"
    )


def intents() -> discord.Intents:
    """Gateway intents: the defaults, which include no privileged intent (no members,
    presences or message content; a message that mentions the bot still carries its content)."""
    value = discord.Intents.default()
    value.members = False
    value.presences = False
    value.message_content = False
    value.typing = False
    return value


class EngineLike(Protocol):
    """What the front end uses of :class:`bot.engine.Engine` (tests pass a fake)."""

    embeddings: Any

    def answer(self, question: str, jurisdiction: str | None = None) -> Answer: ...

    def sources(self, jurisdiction: str | None = None) -> list[NoteMeta]: ...

    def about(self) -> dict[str, Any]: ...

    def reload(self) -> tuple[str, str]: ...


class _NotLoaded:
    """Stands in for the engine and the store when the bot only syncs its commands."""

    def __init__(self, what: str) -> None:
        self._what = what

    def __getattr__(self, name: str) -> Any:
        raise RuntimeError(f"the {self._what} is not loaded (command-sync mode)")


class KenriTree(app_commands.CommandTree):
    """Command tree with one handler for unexpected errors: log it, apologise privately."""

    async def on_error(self, interaction: discord.Interaction, error: app_commands.AppCommandError) -> None:
        command = interaction.command.qualified_name if interaction.command else "?"
        log.error("unhandled error in /%s", command, exc_info=error)
        await send_private(interaction, t(pick_language(interaction.locale), "generic_error"))


async def send_private(interaction: discord.Interaction, text: str) -> None:
    """Reply ephemerally whether or not the interaction was already acknowledged."""
    try:
        if interaction.response.is_done():
            await interaction.followup.send(text, ephemeral=True, allowed_mentions=discord.AllowedMentions.none())
        else:
            await interaction.response.send_message(
                text, ephemeral=True, allowed_mentions=discord.AllowedMentions.none()
            )
    except discord.HTTPException:
        log.warning("could not send an error message for interaction %s", interaction.id)


class Bot(commands.Bot):
    """kenri on Discord: slash commands, mentions and persistent answer buttons."""

    def __init__(self, *, engine: EngineLike, settings: BotSettings, store: Store) -> None:
        super().__init__(
            command_prefix=commands.when_mentioned,  # unused: no prefix commands (see on_message)
            intents=intents(),
            help_command=None,
            allowed_mentions=discord.AllowedMentions.none(),
            tree_cls=KenriTree,
            owner_ids=set(settings.owner_ids),
            chunk_guilds_at_startup=False,
        )
        self.engine = engine
        self.settings = settings
        self.store = store
        self.cooldown = Cooldown(settings.cooldown_questions, settings.cooldown_seconds)
        self._db_executor: ThreadPoolExecutor | None = None

    @classmethod
    def for_sync(cls, settings: BotSettings) -> Bot:
        """A bot that can log in and sync its command tree without loading the engine."""
        return cls(engine=cast(EngineLike, _NotLoaded("engine")), settings=settings,
                   store=cast(Store, _NotLoaded("database")))

    async def setup_hook(self) -> None:
        from . import views
        from .cogs.admin import AdminCog
        from .cogs.ask import AskCog
        from .cogs.mention import MentionCog
        from .cogs.optout import OptOutCog
        from .cogs.sources import SourcesCog

        # asyncio.to_thread (engine answers, reloads) runs on a small pool: with the default pool
        # (cores + 4 threads) a burst of questions holds the GIL and stalls the event loop for
        # hundreds of ms (measured in docs/RELIABILITY.md).
        threads = self.settings.engine_threads or (8 if getattr(self.settings, "llm", None) else 2)
        asyncio.get_running_loop().set_default_executor(
            ThreadPoolExecutor(max_workers=threads, thread_name_prefix="kenri-engine")
        )
        await self.tree.set_translator(KenriTranslator())
        for cog in (AskCog(self), MentionCog(self), SourcesCog(self), OptOutCog(self), AdminCog(self)):
            await self.add_cog(cog)
        from .cogs.watch import WatchCog  # KENRI_WATCH_CHANNEL summary (off unless set)

        await self.add_cog(WatchCog(self))
        self.add_dynamic_items(*views.DYNAMIC_ITEMS)
        log.info("kenri ready to connect: %d commands in the tree (not synced here)",
                 len(self.tree.get_commands()))

    async def on_message(self, message: discord.Message, /) -> None:
        """No prefix commands: questions arrive through /ask or a mention (see MentionCog)."""

    async def on_ready(self) -> None:
        log.info("logged in as %s (%s) in %d guild(s)", self.user, self.user.id if self.user else "?",
                 len(self.guilds))

    async def close(self) -> None:
        await super().close()
        if self._db_executor is not None:
            self._db_executor.shutdown(wait=False)
            self._db_executor = None

    # ------------------------------------------------------------------ helpers for cogs
    async def db(self, fn: Callable[..., T], /, *args: Any, **kwargs: Any) -> T:
        """Run a storage call on the bot's single database thread (never on the event loop,
        never queued behind engine work in the default pool)."""
        if self._db_executor is None:
            self._db_executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="kenri-db")
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._db_executor, functools.partial(fn, *args, **kwargs))

    def gate(self, user_id: int, question: str, lang: str) -> str | None:
        """Check a question before any work: the length limit, then the per-user cooldown.
        Returns the refusal to show, or None (and counts the question) when it may proceed."""
        limit = self.settings.max_question_chars
        if len(question) > limit:
            return t(lang, "too_long", length=len(question), limit=limit)
        if not has_searchable_text(clean_question(question, limit)[0]):
            return t(lang, "empty_question")
        wait = self.cooldown.hit(user_id)
        if wait > 0:
            return t(lang, "cooldown", seconds=max(1, math.ceil(wait)))
        return None

    def is_moderator(self, interaction: discord.Interaction) -> bool:
        """Pin Messages or Manage Messages in this channel, or a configured moderator role.
        Checked at click time, from the permissions Discord sends with the interaction."""
        if interaction.guild is None:
            return False
        perms = interaction.permissions
        if perms.administrator or perms.pin_messages or perms.manage_messages:
            return True
        roles = {r.id for r in getattr(interaction.user, "roles", [])}
        return bool(roles & set(self.settings.moderator_role_ids))

    async def is_bot_owner(self, user: discord.abc.User) -> bool:
        """KENRI_OWNER_IDS when set, else the application's owner (or team members)."""
        if user.id in self.settings.owner_ids:
            return True
        try:
            return await self.is_owner(user)
        except discord.HTTPException:
            log.warning("could not fetch the application owner", exc_info=True)
            return False

    async def is_maintainer(self, interaction: discord.Interaction) -> bool:
        """The bot owner, or a member with Manage Server in this server."""
        if interaction.guild is not None and interaction.permissions.manage_guild:
            return True
        return await self.is_bot_owner(interaction.user)

    @property
    def index_version(self) -> str | None:
        return getattr(self.engine, "version", None)


async def sync_commands(bot: Bot, guild_id: int | None = None) -> list[app_commands.AppCommand]:
    """Sync the command tree globally, or copy it to one guild and sync there (instant)."""
    if guild_id is not None:
        guild = discord.Object(id=guild_id)
        bot.tree.copy_global_to(guild=guild)
        return await bot.tree.sync(guild=guild)
    return await bot.tree.sync()
