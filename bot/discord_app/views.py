"""Persistent buttons: every custom_id starts with ``kenri:`` and carries what the click needs
(answer id, answer language, page), so the buttons work after a restart without any state in
memory. They are ``DynamicItem`` classes registered in ``Bot.setup_hook``; views have no timeout.

custom_id formats (all under Discord's 100-character limit):
  kenri:src:<lang>:<db>:<question id>             Sources & quotes (ephemeral)
  kenri:vote:<up|down>:<lang>:<db>:<question id>  👍 / 👎 (one vote per user per answer, changeable)
  kenri:pin:<lang>:<db>:<question id>             Pin (moderators only, checked at click time)
  kenri:solved:<lang>                             Solved, in a forum post (the asker or a moderator)
  kenri:srcpage:<JUR|ALL>:<page>:<lang>:<p|n>     /sources pagination

``<db>`` is the database's random ``instance_id`` (8 hex digits): question ids restart at 1 when
the database is reset, so a button is honoured only by the database that made it. Buttons made
before schema 2 have no ``<db>``; they are honoured only on the very message whose answer they
belong to (``questions.message_id``).
"""

from __future__ import annotations

import asyncio
import logging
import re
import sqlite3
from typing import TYPE_CHECKING, Any, ClassVar, cast

import discord
from discord import ui

from . import formatting
from .answering import citations_from_record
from .i18n import pick_language, t
from .replies import DISCORD_ERRORS, send_private
from .storage import QuestionRow

if TYPE_CHECKING:
    from .client import Bot

log = logging.getLogger(__name__)
NONE = discord.AllowedMentions.none()
MAX_PINS_ERROR = 30003  # "Maximum number of pins reached (250)"


PIN_NEEDS = ("view_channel", "read_message_history", "pin_messages")


def missing_pin_permissions(app_permissions: discord.Permissions) -> list[str]:
    """What the bot lacks to pin in this channel (Pin Messages: Manage Messages no longer pins)."""
    return [name for name in PIN_NEEDS if not getattr(app_permissions, name)]


def bot_missing_text(lang: str, missing: list[str]) -> str:
    names = t(lang, "and").join(t(lang, f"perm_{m}") for m in missing)
    return t(lang, "pin_bot_missing", permissions=names, plural="s" if len(missing) > 1 else "")


def _bot(interaction: discord.Interaction) -> Bot:
    return cast("Bot", interaction.client)


def _ui_lang(interaction: discord.Interaction, answer_lang: str) -> str:
    return "ja" if answer_lang == "ja" else pick_language(interaction.locale)


_QID = r"(?:(?P<db>[0-9a-f]{8}):)?(?P<qid>[0-9]{1,19})"


async def bound_question(interaction: discord.Interaction, question_id: int, db: str | None) -> QuestionRow | None:
    """The stored question a button belongs to, or None when this database did not make the
    button (a reset or another database) or no longer has the answer."""
    bot = _bot(interaction)
    if db is not None and db != bot.store.instance_id:
        return None
    row = await bot.db(bot.store.get_question, question_id)
    if row is None:
        return None
    if db is None:  # a button from before schema 2: trust it only on the answer's own message
        message = interaction.message
        if message is None or row.message_id != message.id:
            return None
    return row


class _Guarded:
    """On an unexpected error, apologise privately, then let discord.py log it (View.on_error)."""

    async def handle(self, interaction: discord.Interaction) -> None:  # pragma: no cover - overridden
        raise NotImplementedError

    async def callback(self, interaction: discord.Interaction) -> None:
        try:
            await self.handle(interaction)
        except Exception:
            await send_private(interaction, t(pick_language(interaction.locale), "generic_error"))
            raise


# ----------------------------------------------------------------------------- answer buttons
def _answer_template(kind: str) -> str:
    return rf"kenri:{kind}:(?P<lang>en|ja):{_QID}"


class _AnswerButton(_Guarded, ui.DynamicItem[ui.Button], template=_answer_template("(?:src|pin)")):
    """A button on one answer: ``kenri:<kind>:<lang>:<db>:<question id>``. Each subclass names its
    ``kind``, label and emoji and passes its own ``template`` (discord.py routes clicks by it);
    this base is never registered."""

    kind: ClassVar[str]
    label_key: ClassVar[str]
    emoji: ClassVar[str]

    def __init__(self, question_id: int, lang: str, db: str | None) -> None:
        super().__init__(
            ui.Button(
                label=t(lang, self.label_key),
                emoji=self.emoji,
                style=discord.ButtonStyle.secondary,
                custom_id=f"kenri:{self.kind}:{lang}:{db + ':' if db else ''}{question_id}",
            )
        )
        self.question_id = question_id
        self.lang = lang
        self.db = db

    @classmethod
    async def from_custom_id(cls, interaction: discord.Interaction, item: ui.Button, match: re.Match[str], /) -> Any:
        return cls(int(match["qid"]), match["lang"], match["db"])


class SourcesButton(_AnswerButton, template=_answer_template("src")):
    """Show the quoted passages of an answer, privately."""

    kind = "src"
    label_key = "btn_sources"
    emoji = "📚"

    async def handle(self, interaction: discord.Interaction) -> None:
        lang = _ui_lang(interaction, self.lang)
        await interaction.response.defer(ephemeral=True, thinking=True)
        row = await bound_question(interaction, self.question_id, self.db)
        if row is None:
            await interaction.followup.send(t(lang, "answer_missing"), ephemeral=True, allowed_mentions=NONE)
            return
        citations = citations_from_record(row.answer)
        if not citations:
            await interaction.followup.send(t(lang, "no_sources"), ephemeral=True, allowed_mentions=NONE)
            return
        for embeds in formatting.quote_messages(citations, lang=lang):
            await interaction.followup.send(embeds=embeds, ephemeral=True, allowed_mentions=NONE)


class VoteButton(_Guarded, ui.DynamicItem[ui.Button], template=rf"kenri:vote:(?P<vote>up|down):(?P<lang>en|ja):{_QID}"):
    """Record a 👍 or 👎 for an answer."""

    def __init__(self, question_id: int, lang: str, vote: str, db: str | None) -> None:
        super().__init__(
            ui.Button(
                emoji="👍" if vote == "up" else "👎",
                style=discord.ButtonStyle.secondary,
                custom_id=f"kenri:vote:{vote}:{lang}:{db + ':' if db else ''}{question_id}",
            )
        )
        self.question_id = question_id
        self.lang = lang
        self.vote = vote
        self.db = db

    @classmethod
    async def from_custom_id(cls, interaction: discord.Interaction, item: ui.Button, match: re.Match[str], /) -> Any:
        return cls(int(match["qid"]), match["lang"], match["vote"], match["db"])

    async def handle(self, interaction: discord.Interaction) -> None:
        bot = _bot(interaction)
        lang = _ui_lang(interaction, self.lang)
        value = 1 if self.vote == "up" else -1
        await interaction.response.defer(ephemeral=True, thinking=True)
        if await bound_question(interaction, self.question_id, self.db) is None:
            await interaction.followup.send(t(lang, "answer_missing"), ephemeral=True, allowed_mentions=NONE)
            return
        try:
            previous = await bot.db(bot.store.vote, self.question_id, interaction.user.id, value)
        except sqlite3.IntegrityError:  # the answer is not in the database (e.g. a reset database)
            await interaction.followup.send(t(lang, "answer_missing"), ephemeral=True, allowed_mentions=NONE)
            return
        if previous is None:
            text = t(lang, "vote_up" if value == 1 else "vote_down")
        elif previous == value:
            text = t(lang, "vote_same")
        else:
            text = t(lang, "vote_changed", vote="👍" if value == 1 else "👎")
        await interaction.followup.send(text, ephemeral=True, allowed_mentions=NONE)


class PinButton(_AnswerButton, template=_answer_template("pin")):
    """Pin an answer for the server (moderators only) and remember it as a curated answer."""

    kind = "pin"
    label_key = "btn_pin"
    emoji = "📌"

    async def handle(self, interaction: discord.Interaction) -> None:
        bot = _bot(interaction)
        lang = _ui_lang(interaction, self.lang)
        message = interaction.message
        if interaction.guild is None or message is None or message.flags.ephemeral:
            await send_private(interaction, t(lang, "pin_unavailable"))
            return
        # Permissions come with the interaction, so they are checked now, at click time.
        if not bot.is_moderator(interaction):
            await send_private(interaction, t(lang, "pin_not_moderator"))
            return
        missing = missing_pin_permissions(interaction.app_permissions)
        if missing:
            await send_private(interaction, bot_missing_text(lang, missing))
            return
        await interaction.response.defer(ephemeral=True, thinking=True)
        row = await bound_question(interaction, self.question_id, self.db)
        if row is None:
            await interaction.followup.send(t(lang, "answer_missing"), ephemeral=True, allowed_mentions=NONE)
            return
        already = message.pinned
        if not already:
            try:
                await message.pin(reason=f"kenri: answer pinned by a moderator ({interaction.user.id})")
            except discord.RateLimited:
                text = t(lang, "discord_busy")
                await interaction.followup.send(text, ephemeral=True, allowed_mentions=NONE)
                return
            except discord.Forbidden:
                text = bot_missing_text(lang, ["pin_messages"])
                await interaction.followup.send(text, ephemeral=True, allowed_mentions=NONE)
                return
            except discord.HTTPException as exc:
                key = "pin_limit" if exc.code == MAX_PINS_ERROR else "pin_failed"
                text = t(lang, key, error=f"{exc.status} {exc.code}")
                await interaction.followup.send(text, ephemeral=True, allowed_mentions=NONE)
                return
        question = str(row.answer.get("question") or row.question)
        vector = await asyncio.to_thread(bot.engine.embeddings.embed_query_array, question)
        channel = interaction.channel
        parent_id = channel.parent_id if isinstance(channel, discord.Thread) else None
        await bot.db(
            bot.store.add_curated,
            question_id=row.id,
            guild_id=interaction.guild.id,
            channel_id=message.channel.id,
            parent_id=parent_id,
            message_id=message.id,
            question=row.question,
            embedding=bot.engine.embeddings.name,
            vector=vector,
            pinned_by=interaction.user.id,
        )
        log.info("answer %s pinned in guild %s", self.question_id, interaction.guild.id)
        text = t(lang, "already_pinned" if already else "pinned")
        await interaction.followup.send(text, ephemeral=True, allowed_mentions=NONE)


def answer_view(
    question_id: int | None, lang: str, *, db: str, answered: bool, can_pin: bool, solved: bool = False
) -> ui.View:
    """Buttons for one answer, bound to database ``db`` (``BotDatabase.instance_id``). Sources and Pin
    only make sense when there is a cited answer; none but Solved without a recorded question."""
    view = ui.View(timeout=None)
    if question_id is not None:
        if answered:
            view.add_item(SourcesButton(question_id, lang, db))
        view.add_item(VoteButton(question_id, lang, "up", db))
        view.add_item(VoteButton(question_id, lang, "down", db))
        if answered and can_pin:
            view.add_item(PinButton(question_id, lang, db))
    if solved:
        view.add_item(SolvedButton(lang))
    return view


# ----------------------------------------------------------------------------- forum posts
SOLVED_TAG_NAMES = ("solved", "resolved", "answered", "解決済み", "解決")


def solved_tag(forum: discord.ForumChannel) -> discord.ForumTag | None:
    """The forum's "solved" tag: the first whose name, without emoji or punctuation, is one of
    :data:`SOLVED_TAG_NAMES` (case-insensitive)."""
    for tag in forum.available_tags:
        name = re.sub(r"[^\w]+", "", tag.name.casefold())
        if name in SOLVED_TAG_NAMES:
            return tag
    return None


class SolvedButton(_Guarded, ui.DynamicItem[ui.Button], template=r"kenri:solved:(?P<lang>en|ja)"):
    """Mark a forum post solved: the asker (the post's owner) or a moderator; applies the forum's
    "solved" tag when it has one (the bot needs Manage Threads for that)."""

    def __init__(self, lang: str) -> None:
        super().__init__(
            ui.Button(
                label=t(lang, "btn_solved"),
                emoji="✅",
                style=discord.ButtonStyle.success,
                custom_id=f"kenri:solved:{lang}",
            )
        )
        self.lang = lang

    @classmethod
    async def from_custom_id(cls, interaction: discord.Interaction, item: ui.Button, match: re.Match[str], /) -> Any:
        return cls(match["lang"])

    async def handle(self, interaction: discord.Interaction) -> None:
        bot = _bot(interaction)
        lang = _ui_lang(interaction, self.lang)
        thread = interaction.channel
        if not isinstance(thread, discord.Thread) or not isinstance(thread.parent, discord.ForumChannel):
            await send_private(interaction, t(lang, "solved_unavailable"))
            return
        perms = interaction.permissions
        moderator = bot.is_moderator(interaction) or perms.manage_threads
        if interaction.user.id != thread.owner_id and not moderator:
            await send_private(interaction, t(lang, "solved_not_asker"))
            return
        tag = solved_tag(thread.parent)
        if tag is None:
            await send_private(interaction, t(lang, "solved_no_tag"))
            return
        if any(applied.id == tag.id for applied in thread.applied_tags):
            await send_private(interaction, t(lang, "solved_already", tag=formatting.inline(tag.name, 50)))
            return
        await interaction.response.defer(ephemeral=True, thinking=True)
        keep = [applied for applied in thread.applied_tags if applied.id != tag.id][:4]  # at most 5 tags
        try:
            reason = f"kenri: marked solved by {interaction.user.id}"
            await thread.edit(applied_tags=[*keep, tag], reason=reason)
        except DISCORD_ERRORS:
            log.info("could not tag forum post %s as solved", thread.id, exc_info=True)
            text = t(lang, "solved_failed", tag=formatting.inline(tag.name, 50))
        else:
            text = t(lang, "solved_tagged", tag=formatting.inline(tag.name, 50))
        await interaction.followup.send(text, ephemeral=True, allowed_mentions=NONE)


# ----------------------------------------------------------------------------- /sources pages
class SourcesPageButton(
    _Guarded,
    ui.DynamicItem[ui.Button],
    template=r"kenri:srcpage:(?P<jur>ALL|JP|US|EU|UK|INTL):(?P<page>[0-9]{1,4}):(?P<lang>en|ja):(?P<dir>p|n)",
):
    """Previous/next page of /sources; the page is recomputed from the engine at click time."""

    def __init__(
        self, jurisdiction: str | None, page: int, lang: str, direction: str, *, disabled: bool = False
    ) -> None:
        super().__init__(
            ui.Button(
                label=t(lang, "prev" if direction == "p" else "next"),
                emoji="◀️" if direction == "p" else "▶️",
                style=discord.ButtonStyle.secondary,
                disabled=disabled,
                custom_id=f"kenri:srcpage:{jurisdiction or 'ALL'}:{max(0, page)}:{lang}:{direction}",
            )
        )
        self.jurisdiction = jurisdiction
        self.page = max(0, page)
        self.lang = lang

    @classmethod
    async def from_custom_id(cls, interaction: discord.Interaction, item: ui.Button, match: re.Match[str], /) -> Any:
        jur = None if match["jur"] == "ALL" else match["jur"]
        return cls(jur, int(match["page"]), match["lang"], match["dir"])

    async def handle(self, interaction: discord.Interaction) -> None:
        bot = _bot(interaction)
        metas = bot.engine.sources(self.jurisdiction)  # in-memory list; no I/O
        embed, page, pages = formatting.sources_page(metas, self.page, lang=self.lang, jurisdiction=self.jurisdiction)
        await interaction.response.edit_message(
            embed=embed, view=sources_view(self.jurisdiction, page, pages, self.lang), allowed_mentions=NONE
        )


def sources_view(jurisdiction: str | None, page: int, pages: int, lang: str) -> ui.View:
    view = ui.View(timeout=None)
    if pages > 1:
        view.add_item(SourcesPageButton(jurisdiction, page - 1, lang, "p", disabled=page <= 0))
        view.add_item(SourcesPageButton(jurisdiction, page + 1, lang, "n", disabled=page >= pages - 1))
    return view


DYNAMIC_ITEMS = (SourcesButton, VoteButton, PinButton, SolvedButton, SourcesPageButton)
