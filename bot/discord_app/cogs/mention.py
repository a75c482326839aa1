"""Conversations outside slash commands: ``@kenri question`` gets its answer in a new thread; a
mention in a thread, a reply to one of kenri's answers, or (when Discord lets kenri read it) any
message in a thread kenri opened is a follow-up; a DM is a question. "help" and greetings get the
help text, without a thread.

Without the privileged message-content intent Discord gives kenri the text of DMs, of messages
that mention it and of replies to it that ping it; other messages arrive empty. An empty message
in kenri's own thread gets a one-time hint to mention kenri or reply to its answer.
"""

from __future__ import annotations

import contextlib
import logging
import re
from typing import TYPE_CHECKING

import discord
from discord.ext import commands

from bot.discord_app import formatting, posting
from bot.discord_app.answering import answer_and_record
from bot.discord_app.i18n import pick_language, t
from bot.discord_app.replies import DISCORD_ERRORS, error_text
from bot.engine import detect_language
from bot.errors import KenriError

if TYPE_CHECKING:
    from bot.discord_app.client import Bot

log = logging.getLogger(__name__)

#: A whole message that is only a greeting or a request for help (after the mention is removed).
HELP_OR_GREETING = re.compile(
    r"(?:help|/?help me|how do(?:es)? (?:this|it|you) work|what can you do|hi|hello|hey|hiya|yo|gm|"
    r"good (?:morning|afternoon|evening)|"
    r"ヘルプ|助けて|使い方|こんにちは|こんばんは|おはよう(?:ございます)?|はじめまして|やあ)"
    r"[\s!！?？.。、~〜wｗ]*",
    re.IGNORECASE,
)


#: A whole message that only thanks kenri: a short reply, not an answer or the help text.
THANKS = re.compile(
    r"(?:thanks?(?: you)?(?: so much| a lot)?|thx|ty|ありがとう(?:ございます)?|どうも(?:ありがとう)?)"
    r"[\s!！.。~〜]*",
    re.IGNORECASE,
)


def is_help_or_greeting(text: str) -> bool:
    return HELP_OR_GREETING.fullmatch(text.strip()) is not None


class MentionCog(commands.Cog, name="Mentions"):
    """Answer mentions, replies to kenri, follow-ups in kenri's threads and DMs."""

    def __init__(self, bot: Bot) -> None:
        self.bot = bot
        self._seen = posting.RecentIds()
        self._hinted = posting.RecentIds(512)  # channels where the "mention me" hint was already shown

    def _strip_mention(self, content: str) -> tuple[bool, str]:
        """(whether the bot is mentioned by name, the text without its mentions)."""
        me = self.bot.user
        assert me is not None
        pattern = re.compile(rf"<@!?{me.id}>")
        return bool(pattern.search(content)), " ".join(pattern.sub(" ", content).split())

    async def _replied_answer(self, message: discord.Message) -> discord.Message | None:
        """The message of kenri's that ``message`` replies to, if any (from the cache or the
        payload's resolved reference; never an extra request)."""
        ref = message.reference
        if ref is None or ref.message_id is None:
            return None
        resolved = ref.resolved if isinstance(ref.resolved, discord.Message) else ref.cached_message
        if resolved is not None and self.bot.user is not None and resolved.author.id == self.bot.user.id:
            return resolved
        return None

    @commands.Cog.listener()
    async def on_message(self, message: discord.Message) -> None:
        me = self.bot.user
        if me is None or message.author.bot or message.webhook_id is not None or message.author.id == me.id:
            return
        if message.type not in (discord.MessageType.default, discord.MessageType.reply):
            return
        dm = message.guild is None
        channel = message.channel
        mentioned, question = self._strip_mention(message.content or "")
        replied = await self._replied_answer(message)
        own_thread = isinstance(channel, discord.Thread) and channel.owner_id == me.id
        if not (dm or mentioned or replied is not None or own_thread):
            return
        if not self._seen.add(message.id):  # the same gateway event delivered twice
            log.info("ignoring a repeated event for message %s", message.id)
            return
        lang = pick_language(None, question) if question else self.bot.server_language(message.guild)
        name = formatting.echo(me.display_name, 32)

        if not question:
            if dm or mentioned:
                await posting.tell(message, t(lang, "help" if dm else "mention_help", name=name))
            elif self._hinted.add(channel.id):  # a follow-up kenri cannot read: say how, once
                await posting.tell(message, t(lang, "thread_hint", name=name))
            return
        if is_help_or_greeting(question):
            await posting.tell(message, t(lang, "help", name=name))
            return
        if THANKS.fullmatch(question):
            await posting.tell(message, t(lang, "you_are_welcome"))
            return

        config = await self.bot.guild_config(message.guild)
        if mentioned and not own_thread and replied is None and config is not None and config.mention_channels:
            base = channel.parent_id if isinstance(channel, discord.Thread) else channel.id
            if base not in config.mention_channels:
                where = ", ".join(f"<#{c}>" for c in config.mention_channels[:10])
                await posting.tell(message, t(lang, "mentions_elsewhere", channels=where))
                return

        refusal = self.bot.gate(message.author.id, question, lang)
        if refusal is not None:
            await posting.tell(message, refusal)
            return
        await self._answer(message, question, lang, replied=replied, config=config)

    async def _context(self, message: discord.Message, replied: discord.Message | None) -> str | None:
        """The earlier question a follow-up continues: the one answered by the message it replies
        to, else the one that opened this thread."""
        try:
            if replied is not None:
                row = await self.bot.db(self.bot.store.question_for_message, replied.id)
                if row is not None:
                    return row.question
            if isinstance(message.channel, discord.Thread):
                return await self.bot.db(self.bot.store.thread_question, message.channel.id)
        except Exception:  # context is a bonus: answer the question alone
            log.exception("could not read the context of message %s", message.id)
        return None

    async def _answer(
        self,
        message: discord.Message,
        question: str,
        lang: str,
        *,
        replied: discord.Message | None,
        config: object,
    ) -> None:
        bot = self.bot
        channel = message.channel
        context = await self._context(message, replied)
        # A follow-up is answered in its own language: the engine answers in the language of the
        # text it is given, so context in another language is left out.
        if context and detect_language(context) != detect_language(question):
            context = None
        origin = (
            "dm"
            if message.guild is None
            else ("reply" if replied is not None else "thread" if isinstance(channel, discord.Thread) else "mention")
        )
        with contextlib.suppress(DISCORD_ERRORS):
            await channel.typing()
        try:
            recorded = await answer_and_record(
                bot,
                question=question,
                follows=context,
                jurisdiction=None,
                server_default=bot.default_jurisdiction(message.guild, config),  # type: ignore[arg-type]
                user=message.author,
                guild=message.guild,
                channel_id=channel.id,
                via="mention",
                locale=None,
                origin=origin,
            )
        except Exception as exc:  # every failure is told; unexpected ones are logged in full
            bot.refund(message.author.id)
            if isinstance(exc, (KenriError, TimeoutError)):
                log.warning("could not answer message %s: %r", message.id, exc)
            else:
                log.exception("unexpected error answering message %s", message.id)
            await posting.tell(message, error_text(lang, exc))
            return

        payload = posting.answer_message(bot, recorded, question=question, can_pin=message.guild is not None)
        thread = None
        if message.guild is not None and replied is None and not isinstance(channel, discord.Thread):
            thread = await posting.open_thread(message, question)
        sent = None
        failure: BaseException | None = None
        if thread is not None:
            try:
                sent = await thread.send(allowed_mentions=posting.NONE, **payload)
            except DISCORD_ERRORS as exc:
                log.warning("could not post in thread %s I opened (%r); deleting it", thread.id, exc)
                failure = exc
                await posting.delete_thread(thread)
                thread = None
        if sent is None:
            try:
                sent = await posting.reply(message, **payload)
            except DISCORD_ERRORS as exc:
                log.warning("could not post an answer in channel %s: %r", channel.id, exc)
                failure = exc
        if sent is None:
            bot.refund(message.author.id)
            key = "discord_busy" if isinstance(failure, discord.RateLimited) else "cant_post_here"
            await posting.tell(message, t(lang, key))
            return
        await posting.remember(bot, recorded, sent, thread=thread, thread_question=question)


async def setup(bot: Bot) -> None:
    await bot.add_cog(MentionCog(bot))
