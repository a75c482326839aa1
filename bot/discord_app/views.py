"""Persistent buttons: every custom_id starts with ``kenri:`` and carries what the click needs
(answer id, answer language, page), so the buttons work after a restart without any state in
memory. They are ``DynamicItem`` classes registered in ``Bot.setup_hook``; views have no timeout.

custom_id formats (all under Discord's 100-character limit):
  kenri:src:<lang>:<question id>             Sources & quotes (ephemeral)
  kenri:vote:<up|down>:<lang>:<question id>  👍 / 👎 (one vote per user per answer, changeable)
  kenri:pin:<lang>:<question id>             Pin (moderators only, checked at click time)
  kenri:srcpage:<JUR|ALL>:<page>:<lang>:<p|n>  /sources pagination
"""

from __future__ import annotations

import asyncio
import logging
import re
import sqlite3
from typing import TYPE_CHECKING, Any, cast

import discord
from discord import ui

from . import formatting
from .answering import citations_from_record
from .client import send_private
from .i18n import pick_language, t

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
class SourcesButton(_Guarded, ui.DynamicItem[ui.Button], template=r"kenri:src:(?P<lang>en|ja):(?P<qid>[0-9]{1,19})"):
    """Show the quoted passages of an answer, privately."""

    def __init__(self, question_id: int, lang: str) -> None:
        super().__init__(ui.Button(
            label=t(lang, "btn_sources"), emoji="📚", style=discord.ButtonStyle.secondary,
            custom_id=f"kenri:src:{lang}:{question_id}",
        ))
        self.question_id = question_id
        self.lang = lang

    @classmethod
    async def from_custom_id(cls, interaction: discord.Interaction, item: ui.Button, match: re.Match[str], /) -> Any:
        return cls(int(match["qid"]), match["lang"])

    async def handle(self, interaction: discord.Interaction) -> None:
        bot = _bot(interaction)
        lang = _ui_lang(interaction, self.lang)
        await interaction.response.defer(ephemeral=True, thinking=True)
        row = await bot.db(bot.store.get_question, self.question_id)
        if row is None:
            await interaction.followup.send(t(lang, "answer_missing"), ephemeral=True, allowed_mentions=NONE)
            return
        citations = citations_from_record(row.answer)
        if not citations:
            await interaction.followup.send(t(lang, "no_sources"), ephemeral=True, allowed_mentions=NONE)
            return
        for embeds in formatting.quote_messages(citations, lang=lang):
            await interaction.followup.send(embeds=embeds, ephemeral=True, allowed_mentions=NONE)


class VoteButton(
    _Guarded,
    ui.DynamicItem[ui.Button], template=r"kenri:vote:(?P<vote>up|down):(?P<lang>en|ja):(?P<qid>[0-9]{1,19})"
):
    """Record a 👍 or 👎 for an answer."""

    def __init__(self, question_id: int, lang: str, vote: str) -> None:
        super().__init__(ui.Button(
            emoji="👍" if vote == "up" else "👎", style=discord.ButtonStyle.secondary,
            custom_id=f"kenri:vote:{vote}:{lang}:{question_id}",
        ))
        self.question_id = question_id
        self.lang = lang
        self.vote = vote

    @classmethod
    async def from_custom_id(cls, interaction: discord.Interaction, item: ui.Button, match: re.Match[str], /) -> Any:
        return cls(int(match["qid"]), match["lang"], match["vote"])

    async def handle(self, interaction: discord.Interaction) -> None:
        bot = _bot(interaction)
        lang = _ui_lang(interaction, self.lang)
        value = 1 if self.vote == "up" else -1
        await interaction.response.defer(ephemeral=True, thinking=True)
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


class PinButton(_Guarded, ui.DynamicItem[ui.Button], template=r"kenri:pin:(?P<lang>en|ja):(?P<qid>[0-9]{1,19})"):
    """Pin an answer for the server (moderators only) and remember it as a curated answer."""

    def __init__(self, question_id: int, lang: str) -> None:
        super().__init__(ui.Button(
            label=t(lang, "btn_pin"), emoji="📌", style=discord.ButtonStyle.secondary,
            custom_id=f"kenri:pin:{lang}:{question_id}",
        ))
        self.question_id = question_id
        self.lang = lang

    @classmethod
    async def from_custom_id(cls, interaction: discord.Interaction, item: ui.Button, match: re.Match[str], /) -> Any:
        return cls(int(match["qid"]), match["lang"])

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
        already = message.pinned
        if not already:
            try:
                await message.pin(reason=f"kenri: answer pinned by a moderator ({interaction.user.id})")
            except discord.Forbidden:
                text = bot_missing_text(lang, ["pin_messages"])
                await interaction.followup.send(text, ephemeral=True, allowed_mentions=NONE)
                return
            except discord.HTTPException as exc:
                key = "pin_limit" if exc.code == MAX_PINS_ERROR else "pin_failed"
                text = t(lang, key, error=f"{exc.status} {exc.code}")
                await interaction.followup.send(text, ephemeral=True, allowed_mentions=NONE)
                return
        row = await bot.db(bot.store.get_question, self.question_id)
        if row is not None:
            question = str(row.answer.get("question") or row.question)
            vector = await asyncio.to_thread(bot.engine.embeddings.embed_query_array, question)
            channel = interaction.channel
            parent_id = channel.parent_id if isinstance(channel, discord.Thread) else None
            await bot.db(
                bot.store.add_curated, question_id=row.id, guild_id=interaction.guild.id,
                channel_id=message.channel.id, parent_id=parent_id, message_id=message.id,
                question=row.question, embedding=bot.engine.embeddings.name, vector=vector,
                pinned_by=interaction.user.id,
            )
        log.info("answer %s pinned in guild %s", self.question_id, interaction.guild.id)
        text = t(lang, "already_pinned" if already else "pinned")
        await interaction.followup.send(text, ephemeral=True, allowed_mentions=NONE)


def answer_view(question_id: int, lang: str, *, answered: bool, can_pin: bool) -> ui.View:
    """Buttons for one answer. Sources and Pin only make sense when there is a cited answer."""
    view = ui.View(timeout=None)
    if answered:
        view.add_item(SourcesButton(question_id, lang))
    view.add_item(VoteButton(question_id, lang, "up"))
    view.add_item(VoteButton(question_id, lang, "down"))
    if answered and can_pin:
        view.add_item(PinButton(question_id, lang))
    return view


# ----------------------------------------------------------------------------- /sources pages
class SourcesPageButton(
    _Guarded,
    ui.DynamicItem[ui.Button],
    template=r"kenri:srcpage:(?P<jur>ALL|JP|US|EU|UK|INTL):(?P<page>[0-9]{1,4}):(?P<lang>en|ja):(?P<dir>p|n)",
):
    """Previous/next page of /sources; the page is recomputed from the engine at click time."""

    def __init__(self, jurisdiction: str | None, page: int, lang: str, direction: str, *, disabled: bool = False) -> None:
        super().__init__(ui.Button(
            label=t(lang, "prev" if direction == "p" else "next"),
            emoji="◀️" if direction == "p" else "▶️",
            style=discord.ButtonStyle.secondary,
            disabled=disabled,
            custom_id=f"kenri:srcpage:{jurisdiction or 'ALL'}:{max(0, page)}:{lang}:{direction}",
        ))
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


DYNAMIC_ITEMS = (SourcesButton, VoteButton, PinButton, SourcesPageButton)
