"""Telling users what went wrong: private replies to interactions, error texts without internals.

Shared by the client, the cogs and the buttons (it imports neither, so no import cycle). Every
failure a user can meet ends in one of these messages (docs/DISCORD.md, "When something fails").
"""

from __future__ import annotations

import contextlib
import logging

import discord

from bot.errors import EmptyQuestionError

from .i18n import t

log = logging.getLogger(__name__)
NONE = discord.AllowedMentions.none()

#: What a Discord call can raise: an HTTP error (403, 404, 429 after retries, 5xx) or, for a rate
#: limit longer than ``max_ratelimit_timeout``, :class:`discord.RateLimited` (not an HTTPException).
DISCORD_ERRORS: tuple[type[BaseException], ...] = (discord.HTTPException, discord.RateLimited)

#: ``interaction.extras`` key set when a command deferred publicly ("kenri is thinking..." seen by
#: the whole channel), so an error can be sent privately instead of replacing that message.
PUBLIC_DEFER = "kenri_public_defer"


def error_text(lang: str, exc: BaseException) -> str:
    """What the user is told about a failed answer: never the exception's own text, except for
    errors written for users (an empty question); the details go to the log."""
    if isinstance(exc, EmptyQuestionError):
        return t(lang, "empty_question")
    if isinstance(exc, TimeoutError):
        return t(lang, "timeout")
    if isinstance(exc, discord.RateLimited):
        return t(lang, "discord_busy")
    return t(lang, "generic_error")


async def public_defer(interaction: discord.Interaction) -> None:
    """Defer with "thinking..." visible to the channel, remembering that it was public."""
    interaction.extras[PUBLIC_DEFER] = True
    await interaction.response.defer(thinking=True, ephemeral=False)


async def send_private(interaction: discord.Interaction, text: str) -> bool:
    """Reply ephemerally whether or not the interaction was already acknowledged. Returns
    whether the message was sent.

    After a public defer, the first follow-up would replace the public "thinking..." message, so
    that message is first completed, then the private note is sent, then the public message is
    deleted: the channel is left with nothing and only the user sees the error."""
    try:
        if not interaction.response.is_done():
            await interaction.response.send_message(text, ephemeral=True, allowed_mentions=NONE)
            return True
        if interaction.extras.pop(PUBLIC_DEFER, False):
            try:
                await interaction.edit_original_response(content="⚠️", embeds=[], view=None, allowed_mentions=NONE)
            except DISCORD_ERRORS:
                log.info("could not complete the public response of interaction %s", interaction.id)
            await interaction.followup.send(text, ephemeral=True, allowed_mentions=NONE)
            with contextlib.suppress(*DISCORD_ERRORS):
                await interaction.delete_original_response()
            return True
        await interaction.followup.send(text, ephemeral=True, allowed_mentions=NONE)
        return True
    except DISCORD_ERRORS:
        log.warning("could not send an error message for interaction %s", interaction.id, exc_info=True)
        return False
