"""Maintainer commands: /kenri reload and /kenri stats (permissions checked in code), and
forgetting curated answers whose message was deleted."""

from __future__ import annotations

import asyncio
import logging
from typing import TYPE_CHECKING

import discord
from discord import app_commands
from discord.ext import commands

from ...engine.errors import EngineError
from .. import formatting
from ..i18n import pick_language, t

if TYPE_CHECKING:
    from ..client import Bot

log = logging.getLogger(__name__)
NONE = discord.AllowedMentions.none()


class AdminCog(commands.Cog, name="Admin"):
    """Maintainer commands for kenri."""

    # default_permissions only hides the group from members by default; server admins can
    # override it, so every command checks permissions again in code.
    kenri = app_commands.Group(
        name="kenri",
        description="Maintainer commands for kenri.",
        default_permissions=discord.Permissions(manage_guild=True),
    )

    def __init__(self, bot: Bot) -> None:
        self.bot = bot

    @kenri.command(name="reload", description="Switch to the latest published index without restarting (maintainers).")
    async def reload(self, interaction: discord.Interaction) -> None:
        """Switch to the latest published index without restarting (maintainers)."""
        lang = pick_language(interaction.locale)
        await interaction.response.defer(ephemeral=True, thinking=True)
        if not await self.bot.is_maintainer(interaction):
            await interaction.followup.send(t(lang, "maintainer_only"), ephemeral=True, allowed_mentions=NONE)
            return
        before = self.bot.index_version or "?"
        try:
            # Opening the new version reads files: off the loop. Questions in flight keep the
            # old version until they finish (Engine.reload is safe under load).
            old, new = await asyncio.to_thread(self.bot.engine.reload)
        except EngineError as exc:
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

    @commands.Cog.listener()
    async def on_raw_message_delete(self, payload: discord.RawMessageDeleteEvent) -> None:
        """A deleted pinned answer is no longer offered for similar questions."""
        removed = await self.bot.db(self.bot.store.remove_curated_message, payload.message_id)
        if removed:
            log.info("forgot curated answer message %s (deleted)", payload.message_id)
