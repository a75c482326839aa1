"""Maintainer and moderator commands, all checked in code at every call (``default_permissions``
only hides a command; a server admin can show it to anyone):

- ``/kenri reload`` (the bot's owners only: the index is shared by every server; with a cooldown)
  and ``/kenri stats`` (the bot's owners, or Manage Server for this server's counts);
- ``/kenri config ...`` (Manage Server): default jurisdiction, answer visibility, the channels
  where mentions are answered, the forum whose posts are answered;

and forgetting curated answers whose message was deleted or unpinned, from the events kenri
receives (message deletes, pins updates, channel and thread deletes).
"""

from __future__ import annotations

import asyncio
import logging
import math
from typing import TYPE_CHECKING

import discord
from discord import app_commands
from discord.ext import commands

from bot.discord_app import formatting
from bot.discord_app.i18n import pick_language, t
from bot.discord_app.ratelimit import Cooldown
from bot.discord_app.replies import DISCORD_ERRORS, NONE, send_private
from bot.errors import KenriError

from .ask import JURISDICTION_CHOICES

if TYPE_CHECKING:
    from bot.discord_app.client import Bot

log = logging.getLogger(__name__)

CONFIG_JURISDICTIONS = [
    app_commands.Choice(name="Automatic (Japan for a Japanese server, else all)", value="auto"),
    app_commands.Choice(name="All jurisdictions", value="ALL"),
    *JURISDICTION_CHOICES,
]
VISIBILITY_CHOICES = [
    app_commands.Choice(name="Everyone in the channel", value="public"),
    app_commands.Choice(name="Only the asker", value="private"),
]
MENTION_ACTIONS = [
    app_commands.Choice(name="Answer mentions in this channel too", value="add"),
    app_commands.Choice(name="Stop answering mentions in this channel", value="remove"),
    app_commands.Choice(name="Answer mentions in every channel", value="all"),
]
FORUM_NEEDS = ("view_channel", "send_messages_in_threads", "read_message_history", "manage_threads")


class AdminCog(commands.Cog, name="Admin"):
    """Maintainer and moderator commands for kenri."""

    kenri = app_commands.Group(
        name="kenri",
        description="Maintainer commands for kenri.",
        default_permissions=discord.Permissions(manage_guild=True),
    )
    config = app_commands.Group(
        name="config",
        description="Show or change kenri's settings for this server (Manage Server).",
        parent=kenri,
    )

    def __init__(self, bot: Bot) -> None:
        self.bot = bot
        self.reload_cooldown = Cooldown(1, bot.settings.reload_cooldown_seconds)

    # ------------------------------------------------------------------ maintainers
    @kenri.command(name="reload", description="Switch to the latest published index without restarting (bot owners).")
    async def reload(self, interaction: discord.Interaction) -> None:
        """Switch to the latest published index without restarting (bot owners)."""
        lang = pick_language(interaction.locale)
        await interaction.response.defer(ephemeral=True, thinking=True)
        if not await self.bot.is_bot_owner(interaction.user):
            await interaction.followup.send(t(lang, "owner_only"), ephemeral=True, allowed_mentions=NONE)
            return
        wait = self.reload_cooldown.hit(0)  # one cooldown for the whole bot: the index is shared
        if wait > 0:
            text = t(lang, "reload_cooldown", seconds=max(1, math.ceil(wait)))
            await interaction.followup.send(text, ephemeral=True, allowed_mentions=NONE)
            return
        before = self.bot.index_version or "?"
        try:
            # Opening the new version reads files: off the loop. Questions in flight keep the
            # old version until they finish (Engine.reload is safe under load).
            old, new = await asyncio.to_thread(self.bot.engine.reload)
        except KenriError as exc:
            self.reload_cooldown.refund(0)
            log.warning("index reload failed: %s", exc)
            # Shown to bot owners only: the reason (a missing index, a model mismatch) is what they need.
            text = t(lang, "reload_failed", version=before, error=exc)
        else:
            log.info("index reload requested by %s: %s -> %s", interaction.user.id, old, new)
            text = t(lang, "reload_same", version=new) if old == new else t(lang, "reload_ok", old=old, new=new)
        optout_cog = self.bot.get_cog("OptOut")
        if optout_cog is not None:  # checklists and the crawler registry are read from knowledge/
            await optout_cog.reload_data()  # type: ignore[attr-defined]
        await interaction.followup.send(formatting.content(text), ephemeral=True, allowed_mentions=NONE)

    @kenri.command(name="stats", description="Show question and feedback counts (maintainers).")
    async def stats(self, interaction: discord.Interaction) -> None:
        """Show question and feedback counts (maintainers)."""
        lang = pick_language(interaction.locale)
        await interaction.response.defer(ephemeral=True, thinking=True)
        if not await self.bot.is_maintainer(interaction):
            await interaction.followup.send(t(lang, "maintainer_only"), ephemeral=True, allowed_mentions=NONE)
            return
        guild_stats = await self.bot.db(self.bot.store.stats, interaction.guild.id) if interaction.guild else None
        all_stats = None
        if interaction.guild is None or await self.bot.is_bot_owner(interaction.user):
            all_stats = await self.bot.db(self.bot.store.stats, None)
        embed = formatting.stats_embed(guild_stats, all_stats, lang=lang)
        from .watch import sources_field  # notes older than KENRI_STALE_DAYS, last source watch

        name, value = await asyncio.to_thread(sources_field, self.bot.settings, lang)
        embed.add_field(name=name, value=value, inline=False)
        await interaction.followup.send(embed=embed, ephemeral=True, allowed_mentions=NONE)

    # ------------------------------------------------------------------ /kenri config
    async def _manager(self, interaction: discord.Interaction) -> str | None:
        """The interface language when the user has Manage Server in this server (checked from the
        permissions Discord sends with this very interaction), else tells them and returns None."""
        lang = pick_language(interaction.locale or (interaction.guild.preferred_locale if interaction.guild else None))
        if interaction.guild is None:
            await send_private(interaction, t(lang, "guild_only"))
            return None
        perms = interaction.permissions
        if not (perms.manage_guild or perms.administrator):
            await send_private(interaction, t(lang, "manage_server_only"))
            return None
        return lang

    async def _show(self, interaction: discord.Interaction, lang: str, config: object, note: str | None = None) -> None:
        embed = formatting.config_embed(
            config, lang=lang, auto_jurisdiction=self.bot.default_jurisdiction(interaction.guild, None)
        )
        await interaction.response.send_message(
            formatting.content(note) if note else None, embed=embed, ephemeral=True, allowed_mentions=NONE
        )

    @config.command(name="show", description="Show kenri's settings for this server.")
    async def config_show(self, interaction: discord.Interaction) -> None:
        """Show kenri's settings for this server."""
        lang = await self._manager(interaction)
        if lang is None:
            return
        await self._show(interaction, lang, await self.bot.db(self.bot.store.guild_settings, interaction.guild.id))

    @config.command(name="jurisdiction", description="Jurisdiction used when a question does not choose one.")
    @app_commands.describe(jurisdiction="Automatic uses Japan in a server whose Discord language is Japanese")
    @app_commands.choices(jurisdiction=CONFIG_JURISDICTIONS)
    async def config_jurisdiction(
        self, interaction: discord.Interaction, jurisdiction: app_commands.Choice[str]
    ) -> None:
        """Jurisdiction used when a question does not choose one."""
        lang = await self._manager(interaction)
        if lang is None:
            return
        value = None if jurisdiction.value == "auto" else jurisdiction.value
        config = await self.bot.db(self.bot.store.update_guild_settings, interaction.guild.id, jurisdiction=value)
        self.bot.remember_config(config)
        await self._show(interaction, lang, config, t(lang, "config_saved"))

    @config.command(name="visibility", description="Who sees /ask answers by default.")
    @app_commands.describe(visibility="/ask's private option still overrides this")
    @app_commands.choices(visibility=VISIBILITY_CHOICES)
    async def config_visibility(self, interaction: discord.Interaction, visibility: app_commands.Choice[str]) -> None:
        """Who sees /ask answers by default."""
        lang = await self._manager(interaction)
        if lang is None:
            return
        config = await self.bot.db(
            self.bot.store.update_guild_settings, interaction.guild.id, visibility=visibility.value
        )
        self.bot.remember_config(config)
        await self._show(interaction, lang, config, t(lang, "config_saved"))

    @config.command(name="mentions", description="Choose the channels where kenri answers mentions.")
    @app_commands.describe(
        action="Add or remove a channel, or answer everywhere", channel="The channel (default: this one)"
    )
    @app_commands.choices(action=MENTION_ACTIONS)
    async def config_mentions(
        self,
        interaction: discord.Interaction,
        action: app_commands.Choice[str],
        channel: discord.TextChannel | None = None,
    ) -> None:
        """Choose the channels where kenri answers mentions."""
        lang = await self._manager(interaction)
        if lang is None:
            return
        store = self.bot.store
        current = set((await self.bot.db(store.guild_settings, interaction.guild.id)).mention_channels)
        target = channel.id if channel is not None else interaction.channel_id
        if action.value == "all":
            current = set()
        elif action.value == "add" and target is not None:
            current.add(target)
        elif target is not None:
            current.discard(target)
        config = await self.bot.db(store.update_guild_settings, interaction.guild.id, mention_channels=sorted(current))
        self.bot.remember_config(config)
        await self._show(interaction, lang, config, t(lang, "config_saved"))

    @config.command(name="forum", description="Answer every new post in a forum channel (leave empty to stop).")
    @app_commands.describe(forum="The forum channel whose new posts kenri answers")
    async def config_forum(self, interaction: discord.Interaction, forum: discord.ForumChannel | None = None) -> None:
        """Answer every new post in a forum channel (leave empty to stop)."""
        lang = await self._manager(interaction)
        if lang is None:
            return
        config = await self.bot.db(
            self.bot.store.update_guild_settings,
            interaction.guild.id,
            forum_channel_id=forum.id if forum is not None else None,
        )
        note = t(lang, "config_saved")
        if forum is not None:
            perms = forum.permissions_for(interaction.guild.me)
            missing = [name for name in FORUM_NEEDS if not getattr(perms, name)]
            if missing:
                names = ", ".join(f"**{name.replace('_', ' ').title()}**" for name in missing)
                note = t(lang, "config_forum_permissions", permissions=names, channel=forum.mention)
        self.bot.remember_config(config)
        await self._show(interaction, lang, config, note)

    # ------------------------------------------------------------------ curated answers that go away
    async def _forget(self, message_ids: list[int], why: str) -> None:
        try:
            removed = await self.bot.db(self.bot.store.remove_curated_messages, message_ids)
        except Exception:
            log.exception("could not forget curated answers %s (%s)", message_ids[:5], why)
            return
        if removed:
            log.info("forgot %d curated answer(s) (%s)", removed, why)

    @commands.Cog.listener()
    async def on_raw_message_delete(self, payload: discord.RawMessageDeleteEvent) -> None:
        """A deleted pinned answer is no longer offered for similar questions."""
        await self._forget([payload.message_id], "deleted")

    @commands.Cog.listener()
    async def on_raw_bulk_message_delete(self, payload: discord.RawBulkMessageDeleteEvent) -> None:
        await self._forget(list(payload.message_ids), "bulk-deleted")

    @commands.Cog.listener()
    async def on_guild_channel_pins_update(
        self, channel: discord.abc.GuildChannel | discord.Thread, _last: object
    ) -> None:
        """Pins changed in a channel: curated answers there that are no longer pinned are forgotten
        (Discord says which channel, not which message, so each is re-checked)."""
        try:
            ids = await self.bot.db(self.bot.store.curated_messages_in, channel.id)
        except Exception:
            log.exception("could not read curated answers of channel %s", channel.id)
            return
        gone = []
        for message_id in ids:
            try:
                message = await channel.fetch_message(message_id)  # type: ignore[union-attr]
            except discord.NotFound:
                gone.append(message_id)
                continue
            except DISCORD_ERRORS:
                continue  # re-checked at use time anyway
            if not message.pinned:
                gone.append(message_id)
        await self._forget(gone, "unpinned")

    @commands.Cog.listener()
    async def on_raw_thread_delete(self, payload: discord.RawThreadDeleteEvent) -> None:
        await self._forget_channel(payload.thread_id)

    @commands.Cog.listener()
    async def on_guild_channel_delete(self, channel: discord.abc.GuildChannel) -> None:
        await self._forget_channel(channel.id)

    async def _forget_channel(self, channel_id: int) -> None:
        try:
            removed = await self.bot.db(self.bot.store.remove_curated_channel, channel_id)
        except Exception:
            log.exception("could not forget curated answers of channel %s", channel_id)
            return
        if removed:
            log.info("forgot %d curated answer(s) of deleted channel %s", removed, channel_id)


async def setup(bot: Bot) -> None:
    await bot.add_cog(AdminCog(bot))
