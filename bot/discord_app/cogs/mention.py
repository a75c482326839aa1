"""Mentions: ``@kenri question`` gets its answer in a new thread; a later mention in that thread
uses the thread's first question as context. Works without the message-content intent, because
a message that mentions the bot carries its content."""

from __future__ import annotations

import logging
import re
from typing import TYPE_CHECKING

import discord
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
THREAD_ARCHIVE_MINUTES = 1440


class MentionCog(commands.Cog, name="Mentions"):
    """Answer a question asked by mentioning the bot, in a thread."""

    def __init__(self, bot: Bot) -> None:
        self.bot = bot

    def _question(self, message: discord.Message) -> str | None:
        """The question in a message that mentions the bot by name (not a reply ping or
        @everyone), with the bot's mention removed; None when the bot was not mentioned."""
        me = self.bot.user
        if me is None:
            return None
        pattern = re.compile(rf"<@!?{me.id}>")
        if not pattern.search(message.content or ""):
            return None
        return " ".join(pattern.sub(" ", message.content).split())

    @commands.Cog.listener()
    async def on_message(self, message: discord.Message) -> None:
        if message.author.bot or message.webhook_id is not None:
            return
        question = self._question(message)
        if question is None:
            return
        lang = pick_language(None, question)
        if not question:
            name = formatting.echo(self.bot.user.display_name if self.bot.user else "kenri", 32)
            await self._reply(message, t(lang, "mention_help", name=name))
            return
        refusal = self.bot.gate(message.author.id, question, lang)
        if refusal is not None:
            await self._reply(message, refusal)
            return

        channel = message.channel
        context: str | None = None
        if isinstance(channel, discord.Thread):
            context = await self.bot.db(self.bot.store.thread_question, channel.id)
            target: discord.abc.Messageable = channel
            thread = channel
        else:
            thread = await self._open_thread(message, question)
            target = thread or channel
        try:
            await target.typing()
        except discord.HTTPException:
            pass
        engine_question = f"{question}\n{context}" if context else None
        try:
            produced = await produce(
                self.bot, question=question, engine_question=engine_question, jurisdiction=None,
                user=message.author, guild=message.guild, channel_id=getattr(target, "id", None),
                via="mention", locale=None,
            )
        except EngineError as exc:
            await self._send(target, message, formatting.content(t(lang, "engine_error", error=exc)))
            return
        except TimeoutError:
            await self._send(target, message, t(lang, "timeout"))
            return
        embeds = formatting.answer_embeds(
            produced.answer, lang=produced.lang, question=question,
            index_version=self.bot.index_version, curated=produced.curated,
        )
        view = answer_view(produced.question_id, produced.lang, answered=produced.answer.answered,
                           can_pin=message.guild is not None)
        sent = await self._send(target, message, None, embeds=embeds, view=view)
        if sent is not None:
            await self.bot.db(self.bot.store.set_message, produced.question_id, sent.channel.id, sent.id)
        if thread is not None and context is None:
            # The first question asked in a thread is the context for later mentions there.
            await self.bot.db(self.bot.store.set_thread, thread.id, produced.question_id, question)

    async def _open_thread(self, message: discord.Message, question: str) -> discord.Thread | None:
        """A public thread on the question, or None where threads are impossible (DMs, missing
        permission, channel types without threads): the answer is then a reply."""
        if message.guild is None or not isinstance(message.channel, discord.TextChannel):
            return None
        try:
            return await message.create_thread(
                name=formatting.thread_name(question), auto_archive_duration=THREAD_ARCHIVE_MINUTES,
            )
        except discord.HTTPException as exc:
            log.info("could not open a thread in channel %s (%s); replying instead", message.channel.id, exc)
            return None

    async def _send(
        self,
        target: discord.abc.Messageable,
        message: discord.Message,
        text: str | None,
        **kwargs: object,
    ) -> discord.Message | None:
        try:
            if target is message.channel and not isinstance(target, discord.Thread):
                return await message.reply(text, mention_author=False, allowed_mentions=NONE, **kwargs)  # type: ignore[arg-type]
            return await target.send(text, allowed_mentions=NONE, **kwargs)  # type: ignore[arg-type]
        except discord.HTTPException:
            log.warning("could not send an answer in channel %s", getattr(target, "id", "?"), exc_info=True)
            return None

    async def _reply(self, message: discord.Message, text: str) -> None:
        try:
            await message.reply(formatting.content(text), mention_author=False, allowed_mentions=NONE)
        except discord.HTTPException:
            log.info("could not reply in channel %s", message.channel.id)
