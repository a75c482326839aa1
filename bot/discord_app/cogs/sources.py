"""/sources (paginated, with verified dates) and /about (corpus version, last ingest, counts)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import discord
from discord import app_commands
from discord.ext import commands

from .. import formatting
from ..i18n import pick_language
from ..views import sources_view
from .ask import JURISDICTION_CHOICES

if TYPE_CHECKING:
    from ..client import Bot

NONE = discord.AllowedMentions.none()


class SourcesCog(commands.Cog, name="Sources"):
    """Show what kenri answers from."""

    def __init__(self, bot: Bot) -> None:
        self.bot = bot

    @app_commands.command(
        name="sources", description="List the sources kenri answers from, with the date each was verified."
    )
    @app_commands.describe(jurisdiction="Only list sources for this jurisdiction")
    @app_commands.choices(jurisdiction=JURISDICTION_CHOICES)
    async def sources(
        self, interaction: discord.Interaction, jurisdiction: app_commands.Choice[str] | None = None
    ) -> None:
        """List the sources kenri answers from, with the date each was verified."""
        lang = pick_language(interaction.locale)
        code = jurisdiction.value if jurisdiction else None
        metas = self.bot.engine.sources(code)  # in-memory list of the open index: no I/O
        embed, page, pages = formatting.sources_page(metas, 0, lang=lang, jurisdiction=code)
        await interaction.response.send_message(
            embed=embed, view=sources_view(code, page, pages, lang), ephemeral=True, allowed_mentions=NONE
        )

    @app_commands.command(name="about", description="Show kenri's corpus version, last ingest and counts.")
    async def about(self, interaction: discord.Interaction) -> None:
        """Show kenri's corpus version, last ingest and counts."""
        lang = pick_language(interaction.locale)
        info = self.bot.engine.about()  # reads the open index's manifest: no I/O
        embed = formatting.about_embed(info, lang=lang)
        config = await self.bot.guild_config(interaction.guild)
        if config is not None:
            auto = self.bot.default_jurisdiction(interaction.guild, None)
            formatting.add_server_settings(embed, config, lang=lang, auto_jurisdiction=auto)
        await interaction.response.send_message(embed=embed, ephemeral=True, allowed_mentions=NONE)


async def setup(bot: Bot) -> None:
    await bot.add_cog(SourcesCog(bot))
