"""/optout, /robots and /robots-check: thin commands over :mod:`bot.knowledge.checklists` and
:mod:`bot.optout` (checklists and the crawler registry come from ``knowledge/``)."""

from __future__ import annotations

import asyncio
import datetime as dt
import io
import logging
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import discord
from discord import app_commands, ui
from discord.ext import commands

from bot import knowledge, optout
from bot.knowledge import Registry, RegistryError, load_registry_or_raise

from .. import formatting
from ..i18n import pick_language, t
from ..replies import send_private

if TYPE_CHECKING:
    from ..client import Bot

log = logging.getLogger(__name__)
NONE = discord.AllowedMentions.none()

POLICY_CHOICES = [
    app_commands.Choice(name="AI training crawlers (default)", value="training"),
    app_commands.Choice(name="AI training and AI search crawlers", value="training+search"),
    app_commands.Choice(name="Every AI crawler", value="all-ai"),
]
ROBOTS_TEXT_INPUT_ID = "kenri:robots:text"
TEXT_INPUT_MAX = 4000  # Discord's limit for a modal text input


@dataclass
class _Data:
    """Checklists and crawler registry, loaded once (in a worker thread) and on /kenri reload."""

    checklists: list[knowledge.Checklist] | None = None
    registry: Registry | None = None


_CACHE: dict[Path, tuple[tuple[Any, ...], _Data]] = {}
_CACHE_LOCK = threading.Lock()


def _signature(knowledge_dir: Path) -> tuple[Any, ...]:
    """What the loaded data depends on: every file's size and mtime, and today's date (checks
    refuse dates in the future)."""
    files = []
    for path in sorted(knowledge_dir.rglob("*")):
        try:
            st = path.stat()
        except OSError:
            continue
        files.append((str(path), st.st_size, st.st_mtime_ns))
    return (dt.date.today(), tuple(files))


def _load(knowledge_dir: Path) -> _Data:
    """Load (or reuse, when no file changed) the checklists and the crawler registry."""
    signature = _signature(knowledge_dir)
    with _CACHE_LOCK:
        cached = _CACHE.get(knowledge_dir)
        if cached is not None and cached[0] == signature:
            return cached[1]
    data = _load_now(knowledge_dir)
    with _CACHE_LOCK:
        _CACHE[knowledge_dir] = (signature, data)
    return data


def _load_now(knowledge_dir: Path) -> _Data:
    data = _Data()
    try:
        data.checklists = knowledge.load_checklists_or_raise(knowledge_dir)
    except knowledge.ChecklistError as exc:
        log.error("opt-out checklists unavailable: %s", exc)
    try:
        data.registry = load_registry_or_raise(knowledge_dir)
    except RegistryError as exc:
        log.error("crawler registry unavailable: %s", exc)
    return data


def _split_title(markdown: str) -> tuple[str | None, str]:
    """Use a leading ``**bold line**`` as the embed title."""
    first, _, rest = markdown.partition("\n")
    if first.startswith("**") and first.endswith("**") and len(first) > 4:
        return first[2:-2], rest.strip()
    return None, markdown


def _code_block(text: str, limit: int) -> tuple[str, bool]:
    """``text`` in a code block of at most ``limit`` units; True when it had to be cut."""
    body = text.replace("```", "ˋˋˋ")  # nothing can close the block early
    wrapper = "```text\n\n```"
    fits = formatting.dlen(body) + formatting.dlen(wrapper) <= limit
    if not fits:
        body = formatting.truncate(body, limit - formatting.dlen(wrapper))
    return f"```text\n{body}\n```", not fits


class RobotsPasteModal(ui.Modal):
    """A paragraph field for pasting a robots.txt (slash options lose line breaks)."""

    def __init__(self, cog: OptOutCog, lang: str, path: str | None) -> None:
        super().__init__(title=t(lang, "robots_modal_title"), timeout=900)
        self.cog = cog
        self.lang = lang
        self.path = path
        self.text: ui.TextInput[RobotsPasteModal] = ui.TextInput(
            label=t(lang, "robots_modal_label"),
            style=discord.TextStyle.paragraph,
            max_length=TEXT_INPUT_MAX,
            placeholder="User-agent: GPTBot\nDisallow: /",
            custom_id=ROBOTS_TEXT_INPUT_ID,
        )
        self.add_item(self.text)

    async def on_submit(self, interaction: discord.Interaction) -> None:
        await self.cog.check_and_reply(interaction, self.text.value, self.path, self.lang)

    async def on_error(self, interaction: discord.Interaction, error: Exception) -> None:
        """Modals are not covered by the command tree's error handler: log, apologise privately."""
        log.error("unhandled error in the robots.txt form", exc_info=error)
        await send_private(interaction, t(self.lang, "generic_error"))


class OptOutCog(commands.Cog, name="OptOut"):
    """Per-platform opt-out checklists and robots.txt tools."""

    def __init__(self, bot: Bot) -> None:
        self.bot = bot
        self.data = _Data()

    async def cog_load(self) -> None:
        await self.reload_data()

    async def reload_data(self) -> None:
        """Read the checklists and the crawler registry again (off the event loop)."""
        self.data = await asyncio.to_thread(_load, Path(self.bot.settings.knowledge_dir))

    # ------------------------------------------------------------------ /optout
    @app_commands.command(
        name="optout",
        description="Show the opt-out checklist for a platform (ChatGPT, Claude, Instagram, X, ...).",
    )
    @app_commands.describe(platform="Platform, product or service name", private="Show the answer only to you")
    async def optout_command(self, interaction: discord.Interaction, platform: str, private: bool = False) -> None:
        """Show the opt-out checklist for a platform (ChatGPT, Claude, Instagram, X, ...)."""
        lang = pick_language(interaction.locale, platform)
        checklists = self.data.checklists
        if checklists is None:
            await interaction.response.send_message(
                t(lang, "optout_unavailable"), ephemeral=True, allowed_mentions=NONE
            )
            return
        try:
            checklist = knowledge.find_checklist(platform, checklists)
        except knowledge.PlatformNotFoundError as exc:
            text = t(lang, "optout_not_found", query=formatting.echo(platform, 80))
            if exc.suggestions:
                text += t(lang, "optout_suggest", names=", ".join(exc.suggestions))
            text += t(lang, "optout_available", names=", ".join(exc.available))
            await interaction.response.send_message(formatting.content(text), ephemeral=True, allowed_mentions=NONE)
            return
        title, body = _split_title(optout.render(checklist, lang))
        embed = discord.Embed(
            title=formatting.inline(title or checklist.names.get(lang), formatting.EMBED_TITLE_MAX),
            url=formatting.safe_url(checklist.primary_url),
            description=formatting.truncate(formatting.neutralise(body), formatting.EMBED_DESCRIPTION_MAX),
            color=formatting.COLOR_INFO,
        )
        await interaction.response.send_message(embed=embed, ephemeral=private, allowed_mentions=NONE)

    @optout_command.autocomplete("platform")
    async def platform_autocomplete(
        self, interaction: discord.Interaction, current: str
    ) -> list[app_commands.Choice[str]]:
        lang = pick_language(interaction.locale, current)
        query = knowledge.normalise_platform(current)
        ranked: list[tuple[int, str, Any]] = []
        for cl in self.data.checklists or []:
            keys = {knowledge.normalise_platform(k) for k in (cl.platform, cl.names.en, cl.names.ja, *cl.aliases)}
            keys.discard("")
            if not query:
                rank = 1
            elif any(k.startswith(query) for k in keys):
                rank = 0
            elif any(query in k for k in keys):
                rank = 1
            else:
                continue
            ranked.append((rank, cl.names.get(lang).casefold(), cl))
        ranked.sort(key=lambda r: (r[0], r[1]))
        return [
            app_commands.Choice(name=formatting.truncate(one_name, formatting.CHOICE_NAME_MAX), value=cl.platform)
            for _, _, cl in ranked[: formatting.CHOICES_MAX]
            for one_name in [formatting.one_line(cl.names.get(lang))]
        ]

    # ------------------------------------------------------------------ /robots
    @app_commands.command(name="robots", description="Make a robots.txt that blocks AI crawlers.")
    @app_commands.describe(block="Which crawlers to block")
    @app_commands.choices(block=POLICY_CHOICES)
    async def robots_command(
        self, interaction: discord.Interaction, block: app_commands.Choice[str] | None = None
    ) -> None:
        """Make a robots.txt that blocks AI crawlers."""
        lang = pick_language(interaction.locale)
        registry = self.data.registry
        if registry is None:
            await interaction.response.send_message(
                t(lang, "robots_unavailable"), ephemeral=True, allowed_mentions=NONE
            )
            return
        policy = block.value if block else optout.DEFAULT_POLICY
        await interaction.response.defer(ephemeral=True, thinking=True)
        text = await asyncio.to_thread(optout.generate, policy, registry, lang=lang)
        intro = t(lang, "robots_intro", policy_text=optout.POLICY_TEXT[policy].get(lang))
        block_text, cut = _code_block(text, formatting.EMBED_DESCRIPTION_MAX - formatting.dlen(intro) - 2)
        embed = discord.Embed(
            title=formatting.truncate(t(lang, "robots_title", policy=policy), formatting.EMBED_TITLE_MAX),
            description=intro if cut else f"{intro}\n\n{block_text}",
            color=formatting.COLOR_INFO,
        )
        file = discord.File(io.BytesIO(text.encode("utf-8")), filename="robots.txt")
        await interaction.followup.send(embed=embed, file=file, ephemeral=True, allowed_mentions=NONE)

    # ------------------------------------------------------------------ /robots-check
    @app_commands.command(
        name="robots-check",
        description="Check a robots.txt against AI crawlers (attach the file, or paste it).",
    )
    @app_commands.describe(
        file="Your robots.txt file (leave empty to paste the text instead)",
        path="Also check this path, for example /gallery/",
    )
    async def robots_check_command(
        self,
        interaction: discord.Interaction,
        file: discord.Attachment | None = None,
        path: str | None = None,
    ) -> None:
        """Check a robots.txt against AI crawlers (attach the file, or paste it)."""
        lang = pick_language(interaction.locale)
        if self.data.registry is None:
            await interaction.response.send_message(
                t(lang, "robots_unavailable"), ephemeral=True, allowed_mentions=NONE
            )
            return
        if file is None:
            await interaction.response.send_modal(RobotsPasteModal(self, lang, path))
            return
        limit = self.bot.settings.robots_max_kib * 1024
        if file.size > limit:  # refused from Discord's metadata, before downloading anything
            await interaction.response.send_message(
                t(lang, "robots_too_big", size=file.size, limit=limit, kib=self.bot.settings.robots_max_kib),
                ephemeral=True,
                allowed_mentions=NONE,
            )
            return
        await interaction.response.defer(ephemeral=True, thinking=True)
        try:
            data = await file.read()
        except discord.HTTPException as exc:
            await interaction.followup.send(
                t(lang, "robots_bad_input", error=f"download failed ({exc.status})"),
                ephemeral=True,
                allowed_mentions=NONE,
            )
            return
        await self.check_and_reply(interaction, data, path, lang)

    async def check_and_reply(
        self, interaction: discord.Interaction, data: str | bytes, path: str | None, lang: str
    ) -> None:
        """Check a robots.txt in a worker thread and reply privately with the report."""
        if not interaction.response.is_done():
            await interaction.response.defer(ephemeral=True, thinking=True)
        registry = self.data.registry
        if registry is None:
            await interaction.followup.send(t(lang, "robots_unavailable"), ephemeral=True, allowed_mentions=NONE)
            return
        try:
            report = await asyncio.to_thread(optout.check, data, registry, path=path)
        except optout.RobotsInputError as exc:
            error = exc.message(lang)  # the user's language
            await interaction.followup.send(
                formatting.content(t(lang, "robots_bad_input", error=error)),
                ephemeral=True,
                allowed_mentions=NONE,
            )
            return
        text = report.to_text(lang)
        note = t(lang, "robots_full_report")
        block, cut = _code_block(text, formatting.EMBED_DESCRIPTION_MAX - formatting.dlen(note) - 2)
        embed = discord.Embed(title=t(lang, "robots_check_title"), description=block, color=formatting.COLOR_INFO)
        kwargs: dict[str, Any] = {}
        if cut:
            embed.description = f"{block}\n{note}"
            kwargs["file"] = discord.File(io.BytesIO(text.encode("utf-8")), filename="robots-check.txt")
        await interaction.followup.send(embed=embed, ephemeral=True, allowed_mentions=NONE, **kwargs)


async def setup(bot: Bot) -> None:
    await bot.add_cog(OptOutCog(bot))
