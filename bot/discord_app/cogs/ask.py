"""/ask and the message context menu "Ask kenri about this message": defer at once, answer off
the event loop, reply with a cited embed and buttons. Errors are private and never show internal
error text (see :mod:`bot.discord_app.replies`); a failed question does not use up the cooldown."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

import discord
from discord import app_commands
from discord.ext import commands

from bot.discord_app import formatting, posting
from bot.discord_app.answering import answer_and_record
from bot.discord_app.i18n import pick_language, t
from bot.discord_app.replies import DISCORD_ERRORS, NONE, error_text, public_defer, send_private
from bot.errors import KenriError

if TYPE_CHECKING:
    from bot.discord_app.client import Bot

log = logging.getLogger(__name__)

JURISDICTION_CHOICES = [
    app_commands.Choice(name="Japan", value="JP"),
    app_commands.Choice(name="United States", value="US"),
    app_commands.Choice(name="European Union", value="EU"),
    app_commands.Choice(name="United Kingdom", value="UK"),
    app_commands.Choice(name="International (platforms and vendors)", value="INTL"),
]
CONTEXT_MENU_NAME = "Ask kenri about this message"


def _log_failure(what: str, exc: BaseException) -> None:
    if isinstance(exc, (KenriError, TimeoutError)):
        log.warning("%s failed: %r", what, exc)
    else:
        log.error("%s failed unexpectedly", what, exc_info=exc)


class AskCog(commands.Cog, name="Ask"):
    """Answer creators' questions about AI, copyright and AI-training opt-outs, with sources."""

    def __init__(self, bot: Bot) -> None:
        self.bot = bot
        self.ask_about_message = app_commands.ContextMenu(name=CONTEXT_MENU_NAME, callback=self._ask_about_message)

    async def cog_load(self) -> None:
        self.bot.tree.add_command(self.ask_about_message)

    async def cog_unload(self) -> None:
        self.bot.tree.remove_command(self.ask_about_message.name, type=self.ask_about_message.type)

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
        private: bool | None = None,
    ) -> None:
        """Ask about AI and copyright or opting out of AI training; answers cite their sources."""
        bot = self.bot
        lang = pick_language(interaction.locale, question)
        refusal = bot.gate(interaction.user.id, question, lang)  # in memory: instant
        if refusal is not None:
            await interaction.response.send_message(refusal, ephemeral=True, allowed_mentions=NONE)
            return
        config = await bot.guild_config(interaction.guild)
        if private is None:
            private = config is not None and config.visibility == "private"
        if private:
            await interaction.response.defer(thinking=True, ephemeral=True)
        else:
            await public_defer(interaction)
        try:
            recorded = await answer_and_record(
                bot,
                question=question,
                jurisdiction=jurisdiction.value if jurisdiction else None,
                server_default=bot.default_jurisdiction(interaction.guild, config),
                user=interaction.user,
                guild=interaction.guild,
                channel_id=interaction.channel_id,
                via="slash",
                locale=interaction.locale,
            )
        except Exception as exc:
            bot.refund(interaction.user.id)
            _log_failure("/ask", exc)
            await send_private(interaction, error_text(lang, exc))
            return
        payload = posting.answer_message(
            bot, recorded, question=question, can_pin=interaction.guild is not None and not private
        )
        try:
            message = await interaction.followup.send(wait=True, allowed_mentions=NONE, **payload)
        except DISCORD_ERRORS as exc:
            bot.refund(interaction.user.id)
            log.warning("could not send the /ask answer: %r", exc)
            await send_private(
                interaction,
                t(lang, "discord_busy" if isinstance(exc, discord.RateLimited) else "generic_error"),
            )
            return
        interaction.extras.pop("kenri_public_defer", None)  # answered: later errors must not remove it
        await posting.remember(bot, recorded, message)

    async def _ask_about_message(self, interaction: discord.Interaction, message: discord.Message) -> None:
        """Answer the text of someone's message in a thread on it (or privately where threads
        are impossible), and tell the invoker where, privately."""
        bot = self.bot
        me = bot.user
        text = message.content or ""
        if me is not None:
            text = text.replace(f"<@{me.id}>", " ").replace(f"<@!{me.id}>", " ")
        question = " ".join(text.split())
        lang = pick_language(interaction.locale, question)
        if not question:
            await send_private(interaction, t(lang, "ctx_no_text"))
            return
        refusal = bot.gate(interaction.user.id, question, lang)
        if refusal is not None:
            await send_private(interaction, refusal)
            return
        await interaction.response.defer(thinking=True, ephemeral=True)
        config = await bot.guild_config(interaction.guild)
        try:
            recorded = await answer_and_record(
                bot,
                question=question,
                jurisdiction=None,
                server_default=bot.default_jurisdiction(interaction.guild, config),
                user=interaction.user,
                guild=interaction.guild,
                channel_id=interaction.channel_id,
                via="slash",
                locale=interaction.locale,
                origin="context",
            )
        except Exception as exc:
            bot.refund(interaction.user.id)
            _log_failure("the message context menu", exc)
            await send_private(interaction, error_text(lang, exc))
            return
        payload = posting.answer_message(bot, recorded, question=question, can_pin=interaction.guild is not None)
        channel = message.channel
        sent: discord.Message | None = None
        thread: discord.Thread | None = None
        opened = False
        try:
            if isinstance(channel, discord.Thread):
                sent = await posting.reply(message, **payload)
            elif interaction.guild is not None:
                thread = message.thread  # a thread already on that message (same id as the message)
                if thread is None:
                    thread = await posting.open_thread(message, question)
                    opened = thread is not None
                if thread is not None:
                    sent = await thread.send(allowed_mentions=NONE, **payload)
        except DISCORD_ERRORS as exc:
            log.warning("could not post a context-menu answer in channel %s: %r", channel.id, exc)
            if opened and thread is not None:
                await posting.delete_thread(thread)
            thread = None
        if sent is None:  # no thread possible: the answer goes to the invoker, privately
            payload["view"] = posting.answer_view(
                recorded.question_id,
                recorded.lang,
                db=bot.store.instance_id,
                answered=recorded.answer.answered,
                can_pin=False,
            )
            try:
                sent = await interaction.followup.send(wait=True, ephemeral=True, allowed_mentions=NONE, **payload)
            except DISCORD_ERRORS:
                bot.refund(interaction.user.id)
                log.warning("could not send a context-menu answer privately either", exc_info=True)
                return
            await posting.remember(bot, recorded, sent)
            return
        await posting.remember(bot, recorded, sent, thread=thread if opened else None, thread_question=question)
        link = sent.jump_url
        try:
            await interaction.followup.send(
                formatting.content(t(lang, "ctx_answered_in", link=link)),
                ephemeral=True,
                allowed_mentions=NONE,
            )
        except DISCORD_ERRORS:
            log.info("could not confirm a context-menu answer to %s", interaction.user.id)


async def setup(bot: Bot) -> None:
    await bot.add_cog(AskCog(bot))
