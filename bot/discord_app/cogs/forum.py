"""Forum auto-answer: every new post in the forum a moderator chose (``/kenri config forum``) gets
an answer in its thread, from the post's title with its tags as context, and a "Solved" button
that applies the forum's solved tag when there is one.

kenri reads the title and tags; the post's first message needs the privileged message-content
intent, which kenri does not request (docs/DISCORD.md).
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

import discord
from discord.ext import commands

from bot.discord_app import posting
from bot.discord_app.answering import answer_and_record
from bot.discord_app.i18n import pick_language, t
from bot.discord_app.replies import DISCORD_ERRORS, error_text
from bot.errors import KenriError

if TYPE_CHECKING:
    from bot.discord_app.client import Bot

log = logging.getLogger(__name__)


class ForumCog(commands.Cog, name="Forum"):
    """Answer new posts in the configured forum channel."""

    def __init__(self, bot: Bot) -> None:
        self.bot = bot
        self._seen = posting.RecentIds()

    @commands.Cog.listener()
    async def on_thread_create(self, thread: discord.Thread) -> None:
        bot = self.bot
        me = bot.user
        if me is None or thread.owner_id == me.id or not isinstance(thread.parent, discord.ForumChannel):
            return
        config = await bot.guild_config(thread.guild)
        if config is None or config.forum_channel_id != thread.parent_id:
            return
        if not self._seen.add(thread.id):
            return
        question = " ".join(thread.name.split())
        tags = [tag.name for tag in thread.applied_tags]
        context = f"{question}\n{' '.join(tags)}" if tags else None
        lang = pick_language(thread.guild.preferred_locale, question)
        asker = thread.owner or thread.guild.get_member(thread.owner_id or 0)
        refusal = bot.gate(thread.owner_id or 0, question, lang)
        if refusal is not None:
            await self._tell(thread, asker, refusal)
            return
        try:
            recorded = await answer_and_record(
                bot,
                question=question,
                engine_question=context,
                jurisdiction=None,
                server_default=bot.default_jurisdiction(thread.guild, config),
                user=asker or discord.Object(id=thread.owner_id or 0),  # type: ignore[arg-type]
                guild=thread.guild,
                channel_id=thread.id,
                via="mention",
                locale=None,
                origin="forum",
            )
        except Exception as exc:
            bot.refund(thread.owner_id or 0)
            if isinstance(exc, (KenriError, TimeoutError)):
                log.warning("could not answer forum post %s: %r", thread.id, exc)
            else:
                log.exception("unexpected error answering forum post %s", thread.id)
            await self._tell(thread, asker, error_text(lang, exc))
            return
        payload = posting.answer_message(bot, recorded, question=question, can_pin=True, solved=True)
        try:
            sent = await thread.send(allowed_mentions=posting.NONE, **payload)
        except DISCORD_ERRORS as exc:
            bot.refund(thread.owner_id or 0)
            log.warning("could not post in forum post %s: %r", thread.id, exc)
            key = "discord_busy" if isinstance(exc, discord.RateLimited) else "cant_post_here"
            await self._tell(thread, asker, t(lang, key))
            return
        await posting.remember(bot, recorded, sent, thread=thread, thread_question=question)

    async def _tell(self, thread: discord.Thread, asker: discord.abc.User | None, text: str) -> None:
        """Tell the asker in their post, else by DM (fetching them if they are not cached)."""
        try:
            await thread.send(text, allowed_mentions=posting.NONE)
            return
        except DISCORD_ERRORS:
            pass
        if asker is None and thread.owner_id:
            try:
                asker = await self.bot.fetch_user(thread.owner_id)
            except DISCORD_ERRORS:
                asker = None
        await posting.tell_user(asker, text)


async def setup(bot: Bot) -> None:
    await bot.add_cog(ForumCog(bot))
