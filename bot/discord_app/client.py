"""The Discord client: ``Bot(engine=..., settings=..., store=...)``.

Dependencies are injected (no globals). ``setup_hook`` loads the cogs as extensions by module
name (:data:`EXTENSIONS`, each with ``async def setup(bot)``), the command translator and the
persistent buttons; it never syncs commands (``python -m bot sync`` does, explicitly). The cogs
import this module only for type checking, so there is no import cycle.
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

from bot.engine import Answer, clean_question, has_searchable_text
from bot.knowledge import NoteMeta

from ..settings import BotSettings
from . import views
from .i18n import KenriTranslator, pick_language, t
from .ratelimit import Cooldown
from .replies import send_private
from .storage import BotDatabase, GuildSettings

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
    manage_threads=True,  # apply a forum's "solved" tag; delete a thread kenri opened but could not post in
)

#: The cogs, loaded by module name in this order (each module has ``async def setup(bot)``).
EXTENSIONS = tuple(
    f"{__package__}.cogs.{name}" for name in ("ask", "mention", "forum", "sources", "optout", "admin", "watch")
)


def invite_url(client_id: int) -> str:
    """The OAuth2 URL that adds the bot with exactly :data:`INVITE_PERMISSIONS`."""
    return (
        "https://discord.com/oauth2/authorize"
        f"?client_id={int(client_id)}&scope=bot+applications.commands&permissions={INVITE_PERMISSIONS.value}"
    )


def intents(message_content: bool = False) -> discord.Intents:
    """Gateway intents: the defaults, which include no privileged intent (no members, presences
    or message content; DMs, mentions and replies that ping the bot still carry their text).
    ``message_content`` (KENRI_DISCORD_MESSAGE_CONTENT) asks for the privileged Message Content
    intent, which the application must also have enabled in the Developer Portal."""
    value = discord.Intents.default()
    value.members = False
    value.presences = False
    value.message_content = message_content
    value.typing = False
    return value


class EngineLike(Protocol):
    """What the front end uses of :class:`bot.engine.Engine` (tests pass a fake)."""

    embeddings: Any

    def answer(
        self, question: str, jurisdiction: str | None = None, *, default_jurisdiction: str | None = None
    ) -> Answer: ...

    def follow_up(self, question: str, earlier: str) -> str: ...

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
    """The one handler for app-command errors: a refused check or a cooldown is explained; anything
    else is logged and the user gets a private apology without internal details."""

    async def on_error(self, interaction: discord.Interaction, error: app_commands.AppCommandError) -> None:
        lang = pick_language(interaction.locale)
        if isinstance(error, app_commands.CommandOnCooldown):
            await send_private(interaction, t(lang, "cooldown", seconds=max(1, math.ceil(error.retry_after))))
            return
        if isinstance(error, app_commands.NoPrivateMessage):
            await send_private(interaction, t(lang, "guild_only"))
            return
        command = interaction.command.qualified_name if interaction.command else "?"
        log.error("unhandled error in /%s", command, exc_info=error)
        await send_private(interaction, t(lang, "generic_error"))


class Bot(commands.Bot):
    """kenri on Discord: slash commands, mentions and persistent answer buttons."""

    def __init__(self, *, engine: EngineLike, settings: BotSettings, store: BotDatabase) -> None:
        super().__init__(
            command_prefix=commands.when_mentioned,  # unused: no prefix commands (see on_message)
            intents=intents(settings.discord_message_content),
            help_command=None,
            allowed_mentions=discord.AllowedMentions.none(),
            tree_cls=KenriTree,
            owner_ids=set(settings.owner_ids),
            chunk_guilds_at_startup=False,
            # A rate limit longer than this raises discord.RateLimited at once (handled: the user is
            # told) instead of making a thread creation or a reply wait silently for minutes.
            max_ratelimit_timeout=settings.discord_max_ratelimit_seconds,
        )
        self.engine = engine
        self.settings = settings
        self.store = store
        self.cooldown = Cooldown(settings.cooldown_questions, settings.cooldown_seconds)
        self._db_executor: ThreadPoolExecutor | None = None
        self._configs: dict[int, GuildSettings] = {}  # last settings read per guild (see guild_config)

    @classmethod
    def for_sync(cls, settings: BotSettings) -> Bot:
        """A bot that can log in and sync its command tree without loading the engine."""
        return cls(
            engine=cast(EngineLike, _NotLoaded("engine")),
            settings=settings,
            store=cast(BotDatabase, _NotLoaded("database")),
        )

    async def setup_hook(self) -> None:
        # asyncio.to_thread (engine answers, reloads) runs on a small pool: with the default pool
        # (cores + 4 threads) a burst of questions holds the GIL and stalls the event loop for
        # hundreds of ms (measured in docs/RELIABILITY.md).
        threads = self.settings.engine_threads or (8 if getattr(self.settings, "llm", None) else 2)
        asyncio.get_running_loop().set_default_executor(
            ThreadPoolExecutor(max_workers=threads, thread_name_prefix="kenri-engine")
        )
        await self.tree.set_translator(KenriTranslator())
        for name in EXTENSIONS:
            await self.load_extension(name)
        self.add_dynamic_items(*views.DYNAMIC_ITEMS)
        log.info("kenri ready to connect: %d commands in the tree (not synced here)", len(self.tree.get_commands()))

    async def on_message(self, message: discord.Message, /) -> None:
        """No prefix commands: questions arrive through /ask or a mention (see MentionCog)."""

    async def on_ready(self) -> None:
        log.info(
            "logged in as %s (%s) in %d guild(s)",
            self.user,
            self.user.id if self.user else "?",
            len(self.guilds),
        )

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

    def refund(self, user_id: int) -> None:
        """A question that failed does not use up the asker's cooldown."""
        self.cooldown.refund(user_id)

    async def guild_config(self, guild: discord.Guild | None) -> GuildSettings | None:
        """A server's /kenri config (None outside servers): from memory once read, since every
        change goes through /kenri config in this process (:meth:`remember_config`), so /ask can
        defer within Discord's 3 s without waiting on the database. On a database error the
        defaults are used and the error is logged: settings never stop an answer."""
        if guild is None:
            return None
        cached = self._configs.get(guild.id)
        if cached is not None:
            return cached
        try:
            config = await self.db(self.store.guild_settings, guild.id)
        except Exception:
            log.exception("could not read the settings of guild %s; using the defaults", guild.id)
            return GuildSettings(guild_id=guild.id)
        self.remember_config(config)
        return config

    def remember_config(self, config: GuildSettings) -> None:
        """Keep the latest settings of a server in memory (after a read or a change)."""
        self._configs[config.guild_id] = config

    @staticmethod
    def server_language(guild: discord.Guild | None) -> str:
        """A server whose Discord language is Japanese gets the Japanese interface by default."""
        return pick_language(guild.preferred_locale) if guild is not None else "en"

    @staticmethod
    def default_jurisdiction(guild: discord.Guild | None, config: GuildSettings | None) -> str | None:
        """The server's default jurisdiction: the configured one; else JP for a Japanese server;
        else None (all). A default applies only to questions that name no place (see
        :meth:`bot.engine.Engine.answer`'s ``default_jurisdiction``)."""
        if config is not None and config.jurisdiction:
            return None if config.jurisdiction == "ALL" else config.jurisdiction
        if guild is not None and Bot.server_language(guild) == "ja":
            return "JP"
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
