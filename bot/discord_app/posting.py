"""Posting an answer into a channel or thread (mentions, DMs, forum posts, the message context
menu), with the clean-up and fallbacks that keep a user from being left in silence:

- a thread kenri opened is deleted again when nothing could be posted in it;
- when the answer cannot be posted, the asker is told where they asked, else by DM.
"""

from __future__ import annotations

import contextlib
import logging
from collections import OrderedDict
from typing import TYPE_CHECKING, Any

import discord

from . import formatting
from .answering import RecordedAnswer
from .replies import DISCORD_ERRORS, NONE
from .views import answer_view

if TYPE_CHECKING:
    from .client import Bot

log = logging.getLogger(__name__)
THREAD_ARCHIVE_MINUTES = 1440


class RecentIds:
    """A bounded set of recently seen ids, oldest forgotten first: a gateway event Discord delivers
    twice (a resumed session replays events) is handled once."""

    def __init__(self, size: int = 2048) -> None:
        self._ids: OrderedDict[int, None] = OrderedDict()
        self._size = size

    def add(self, key: int) -> bool:
        """Remember ``key``; False when it was already there."""
        if key in self._ids:
            return False
        self._ids[key] = None
        while len(self._ids) > self._size:
            self._ids.popitem(last=False)
        return True


def answer_message(
    bot: Bot, recorded: RecordedAnswer, *, question: str, can_pin: bool, solved: bool = False
) -> dict[str, Any]:
    """``embeds`` and ``view`` for one answer (pass them to ``send``/``reply``)."""
    embeds = formatting.answer_embeds(
        recorded.answer,
        lang=recorded.lang,
        question=question,
        index_version=bot.index_version,
        curated=recorded.curated,
    )
    view = answer_view(
        recorded.question_id,
        recorded.lang,
        db=bot.store.instance_id,
        answered=recorded.answer.answered,
        can_pin=can_pin,
        solved=solved,
    )
    return {"embeds": embeds, "view": view}


async def remember(
    bot: Bot,
    recorded: RecordedAnswer,
    message: discord.Message,
    *,
    thread_question: str | None = None,
    thread: discord.Thread | None = None,
) -> None:
    """Record where an answer was posted (and a new thread's first question). A database error
    is logged: the answer is already in front of the user."""
    if recorded.question_id is None:
        return
    try:
        await bot.db(bot.store.set_message, recorded.question_id, message.channel.id, message.id)
        if thread is not None and thread_question is not None:
            await bot.db(bot.store.set_thread, thread.id, recorded.question_id, thread_question)
    except Exception:
        log.exception("could not record the message of question %s", recorded.question_id)


def can_open_thread(channel: Any) -> bool:
    """Whether kenri may open a public thread in ``channel`` and post in it."""
    if not isinstance(channel, discord.TextChannel):
        return False
    perms = channel.permissions_for(channel.guild.me)
    return perms.create_public_threads and perms.send_messages_in_threads and perms.read_message_history


async def open_thread(message: discord.Message, question: str) -> discord.Thread | None:
    """A public thread on ``message``, or None when it cannot be opened (the caller replies in
    place instead). Never waits out a long rate limit (``max_ratelimit_timeout``)."""
    if not can_open_thread(message.channel):
        return None
    try:
        return await message.create_thread(
            name=formatting.thread_name(question),
            auto_archive_duration=THREAD_ARCHIVE_MINUTES,
        )
    except DISCORD_ERRORS as exc:
        log.info("could not open a thread in channel %s (%r); replying instead", message.channel.id, exc)
        return None


async def delete_thread(thread: discord.Thread) -> None:
    """Remove a thread kenri opened but could not post in (needs Manage Threads)."""
    try:
        await thread.delete(reason="kenri: could not post the answer in the thread it opened")
    except DISCORD_ERRORS:
        log.warning("could not delete empty thread %s", thread.id, exc_info=True)


async def reply(message: discord.Message, text: str | None = None, **kwargs: Any) -> discord.Message:
    """Reply to ``message`` without pinging its author. Raises DISCORD_ERRORS."""
    return await message.reply(text, mention_author=False, allowed_mentions=NONE, **kwargs)


async def tell(message: discord.Message, text: str, *, where: discord.abc.Messageable | None = None) -> bool:
    """Tell the author of ``message`` something went wrong: in ``where`` (a thread), else as a
    reply, else by DM. Returns whether any of them worked."""
    body = formatting.content(text)
    if where is not None:
        try:
            await where.send(body, allowed_mentions=NONE)
            return True
        except DISCORD_ERRORS:
            pass
    try:
        await reply(message, body)
        return True
    except DISCORD_ERRORS:
        pass
    return await tell_user(message.author, body)


async def tell_user(user: discord.abc.User | None, text: str) -> bool:
    """A DM to ``user`` (who may have DMs from server members closed). Returns whether it worked."""
    if user is None:
        return False
    with contextlib.suppress(*DISCORD_ERRORS):
        await user.send(formatting.content(text), allowed_mentions=NONE)
        return True
    log.warning("could not tell user %s about a failure anywhere", user.id)
    return False
