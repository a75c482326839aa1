"""/ask: defer at once, answer off the event loop, reply with a cited embed and buttons."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

import discord
from discord import app_commands
from discord.ext import commands

from ...engine.errors import EngineError
from .. import formatting
from ..answering import produce
from ..i18n import pick_language, t
from ..views import answer_view

if TYPE_CHECKING:
    from ..client import Bot

log = logging.getLogger(__name__)
NONE = discord.AllowedMentions.none()

JURISDICTION_CHOICES = [
    app_commands.Choice(name="Japan", value="JP"),
    app_commands.Choice(name="United States", value="US"),
    app_commands.Choice(name="European Union", value="EU"),
    app_commands.Choice(name="United Kingdom", value="UK"),
    app_commands.Choice(name="International (platforms and vendors)", value="INTL"),
]


class AskCog(commands.Cog, name="Ask"):
    """Answer creators' questions about AI, copyright and AI-training opt-outs, with sources."""

    def __init__(self, bot: Bot) -> None:
        self.bot = bot

    @app_commands.command(
        name="ask",
        description="Ask about AI and copyright or opting out of AI training; answers cite their sources.",
    )
    @app_commands.describe(
        question="Your question, in English or Japanese",
        jurisdiction="Only use sources for this place (plus platform policies)",
        private="Show the answer only to you",
    )
    @app_commands.choices(jurisdiction=JURISDICTION_CHOICES)
    async def ask(
        self,
        interaction: discord.Interaction,
        question: str,
        jurisdiction: app_commands.Choice[str] | None = None,
        private: bool = False,
    ) -> None:
        """Ask about AI and copyright or opting out of AI training; answers cite their sources."""
        bot = self.bot
        lang = pick_language(interaction.locale, question)
        refusal = bot.gate(interaction.user.id, question, lang)  # in memory: instant
        if refusal is not None:
            await interaction.response.send_message(refusal, ephemeral=True, allowed_mentions=NONE)
            return
        await interaction.response.defer(thinking=True, ephemeral=private)
        try:
            produced = await produce(
                bot, question=question, jurisdiction=jurisdiction.value if jurisdiction else None,
                user=interaction.user, guild=interaction.guild, channel_id=interaction.channel_id,
                via="slash", locale=interaction.locale,
            )
        except EngineError as exc:
            await interaction.followup.send(
                formatting.content(t(lang, "engine_error", error=exc)), ephemeral=True, allowed_mentions=NONE
            )
            return
        except TimeoutError:
            log.warning("answer timed out after %ss", bot.settings.answer_timeout_seconds)
            await interaction.followup.send(t(lang, "timeout"), ephemeral=True, allowed_mentions=NONE)
            return
        embeds = formatting.answer_embeds(
            produced.answer, lang=produced.lang, question=question,
            index_version=bot.index_version, curated=produced.curated,
        )
        view = answer_view(
            produced.question_id, produced.lang, answered=produced.answer.answered,
            can_pin=interaction.guild is not None and not private,
        )
        message = await interaction.followup.send(embeds=embeds, view=view, wait=True, allowed_mentions=NONE)
        await bot.db(bot.store.set_message, produced.question_id, interaction.channel_id, message.id)
