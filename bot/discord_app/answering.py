"""The one path from a Discord question to a recorded answer, shared by /ask and mentions.

The engine runs in a worker thread (``asyncio.to_thread``); the curated-answer lookup runs in
the same thread, with the engine's own encoder (normalised vectors: cosine = dot product).
"""

from __future__ import annotations

import asyncio
import dataclasses
import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import discord
import numpy as np

from bot import optout
from bot.engine import Answer, Citation

from .formatting import CuratedLink
from .i18n import pick_language
from .storage import BotDatabase, CuratedRow

if TYPE_CHECKING:
    from .client import Bot, EngineLike

log = logging.getLogger(__name__)

_CITATION_FIELDS = {f.name for f in dataclasses.fields(Citation)}


@dataclass
class RecordedAnswer:
    answer: Answer
    question_id: int | None  # None when the database could not record it (the answer is still shown)
    curated: CuratedLink | None
    lang: str  # interface language


def answer_record(answer: Answer) -> dict[str, Any]:
    """What is stored for an answer: its JSON contract, with every citation field kept."""
    data = answer.to_json()
    data["citations"] = [dataclasses.asdict(c) for c in answer.citations]
    data["notice"] = answer.notice
    return data


def citations_from_record(record: dict[str, Any]) -> list[Citation]:
    out = []
    for c in record.get("citations") or []:
        try:
            out.append(Citation(**{k: v for k, v in c.items() if k in _CITATION_FIELDS}))
        except TypeError:
            log.warning("skipping a malformed stored citation: %r", c)
    return out


def _answer_and_match(
    engine: EngineLike,
    store: BotDatabase,
    question: str,
    jurisdiction: str | None,
    server_default: str | None,
    guild_id: int | None,
    threshold: float,
    follows: str | None = None,
) -> tuple[Answer, list[tuple[float, CuratedRow]], str]:
    """Worker-thread part: the engine's answer (to ``question`` as a follow-up to ``follows``, the
    question it continues, when given), pinned answers close to the question, and the text the
    engine searched."""
    if follows:
        question = engine.follow_up(question, follows)
    answer = engine.answer(question, jurisdiction, default_jurisdiction=server_default)
    matches: list[tuple[float, CuratedRow]] = []
    if guild_id is not None:
        emb = engine.embeddings
        try:
            rows = store.curated_for_guild(guild_id, emb.name, emb.dim)
        except Exception:  # pinned answers are extra: never lose the answer over them
            log.exception("could not read curated answers of guild %s", guild_id)
            rows = []
        if rows:
            qv = np.asarray(emb.embed_query_array(answer.question), dtype=np.float32)
            for row in rows:
                if row.vector.shape == qv.shape:
                    sim = float(np.dot(qv, row.vector))
                    if sim >= threshold:
                        matches.append((sim, row))
            matches.sort(key=lambda m: -m[0])
    return answer, matches, question


def can_see(guild: discord.Guild | None, member: discord.abc.User, channel_id: int) -> bool:
    """Whether ``member`` can read ``channel_id`` (a thread counts as its parent channel)."""
    if guild is None or not isinstance(member, discord.Member):
        return False
    channel = guild.get_channel_or_thread(channel_id)
    if isinstance(channel, discord.Thread):
        channel = channel.parent
    if channel is None:
        return False
    perms = channel.permissions_for(member)
    return perms.view_channel and perms.read_message_history


async def answer_and_record(
    bot: Bot,
    *,
    question: str,
    engine_question: str | None = None,
    follows: str | None = None,
    jurisdiction: str | None,
    server_default: str | None = None,
    user: discord.abc.User,
    guild: discord.Guild | None,
    channel_id: int | None,
    via: str,
    locale: discord.Locale | str | None,
    origin: str | None = None,
) -> RecordedAnswer:
    """Answer ``question`` off the event loop, find a pinned answer to a similar question the user
    can see, and record both. ``engine_question`` (a forum post's title plus its tags) is what the
    engine searches, or, given ``follows`` (the earlier question a reply or thread message
    continues), the engine's follow-up text (:meth:`bot.engine.Engine.follow_up`); ``question`` is
    what the user typed. ``jurisdiction`` is the asker's own
    choice; ``server_default`` the server's, kept only for a question that names no place.
    Raises KenriError and TimeoutError."""
    asked = engine_question or question
    answer, matches, searched = await asyncio.wait_for(
        asyncio.to_thread(
            _answer_and_match,
            bot.engine,
            bot.store,
            asked,
            jurisdiction,
            server_default,
            guild.id if guild else None,
            bot.settings.curated_min_similarity,
            follows,
        ),
        timeout=bot.settings.answer_timeout_seconds,
    )
    registry = getattr(getattr(bot.get_cog("OptOut"), "data", None), "registry", None)
    pasted = optout.pasted_robots(question) if registry is not None else ""
    if pasted:
        # "does this block AI?" under a pasted robots.txt: the checker's verdict leads the answer
        answer.robots_check = await asyncio.to_thread(optout.check_pasted, pasted, registry, answer.language)
    curated = None
    for _sim, row in matches:
        if can_see(guild, user, row.parent_id) and await still_pinned(bot, guild, row):
            curated = CuratedLink(question=row.question, jump_url=row.jump_url())
            break
    lang = "ja" if answer.language == "ja" else pick_language(locale, question)
    try:
        question_id: int | None = await bot.db(
            bot.store.record_question,
            user_id=user.id,
            guild_id=guild.id if guild else None,
            channel_id=channel_id,
            via=via,
            question=question,
            context=searched if searched != question else None,
            jurisdiction=jurisdiction or server_default,
            language=answer.language,
            answered=answer.answered,
            citations=len(answer.citations),
            index_version=bot.index_version,
            elapsed_ms=answer.elapsed_ms,
            answer=answer_record(answer),
            origin=origin,
        )
    except Exception:
        # The answer is still worth showing; without a record it just has no buttons.
        log.exception("could not record question (%s); answering without buttons", via)
        question_id = None
    return RecordedAnswer(answer=answer, question_id=question_id, curated=curated, lang=lang)


async def still_pinned(bot: Bot, guild: discord.Guild | None, row: CuratedRow) -> bool:
    """Re-check a curated answer at use time: its message must still exist and be pinned. One that
    is gone or unpinned is forgotten; on any other error it is kept but not shown this time."""
    channel = guild.get_channel_or_thread(row.channel_id) if guild is not None else None
    if channel is None or not hasattr(channel, "fetch_message"):
        return False
    try:
        message = await channel.fetch_message(row.message_id)
    except discord.NotFound:
        message = None
    except (discord.HTTPException, discord.RateLimited):
        log.info("could not re-check curated answer %s; not showing it this time", row.message_id)
        return False
    if message is not None and message.pinned:
        return True
    try:
        await bot.db(bot.store.remove_curated_message, row.message_id)
        log.info("forgot curated answer %s (%s)", row.message_id, "unpinned" if message else "deleted")
    except Exception:
        log.exception("could not forget curated answer %s", row.message_id)
    return False
