"""Source freshness on Discord: a field in ``/kenri stats`` and, when ``KENRI_WATCH_CHANNEL`` is
set, a summary posted when watched sources changed (at most once a week).

The weekly task reads the last ``kenri sources watch`` report (``.kenri/sources/last-watch.json``,
written by cron/CI or by this task). When that report is older than a week it runs a watch
itself, on its own thread (never on the event loop or the engine's pool). It posts when the
report lists changed, moved or gone sources, and never more than once per :data:`WEEK`. Errors
are logged and retried at the next tick; the task is cancelled when the cog unloads.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import json
import logging
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING, Any

import discord
from discord.ext import commands, tasks

from bot.knowledge import Messages, Text, lookup
from bot.settings import BotSettings

if TYPE_CHECKING:
    from bot.discord_app.client import Bot

log = logging.getLogger(__name__)
WEEK = dt.timedelta(days=7)
POSTED = "watch-posted.json"
NOTEWORTHY = ("changed", "moved", "gone")

TEXT: Messages = {
    "field": Text(en="Sources", ja="出典"),
    "notes": Text(
        en="{notes} notes; {stale} verified more than {days} days ago",
        ja="ノート{notes}件、うち{stale}件は確認から{days}日超",
    ),
    "watch": Text(
        en="Last watch {when}: {changed} changed, {moved} moved, {gone} gone, {unreachable} unreachable",
        ja="前回の監視 {when}: 変更{changed}件、移転{moved}件、消滅{gone}件、取得不可{unreachable}件",
    ),
    "never": Text(en="No watch yet (`kenri sources watch`)", ja="監視の記録なし: `kenri sources watch`"),
    "error": Text(en="Source status unavailable: {error}", ja="出典の状態を取得できません: {error}"),
    "post_title": Text(en="kenri: sources changed", ja="kenri: 出典が変わりました"),
    "post_line": Text(en="{status}: `{id}` {url}", ja="{status}: `{id}` {url}"),
    "post_next": Text(
        en="Update the notes, then `kenri sources accept ID`.",
        ja="ノートを更新してから `kenri sources accept ID` を実行してください。",
    ),
}


def _t(lang: str, key: str, **kw: object) -> str:
    return lookup(TEXT, key, lang, **kw)


def sources_field(settings: BotSettings, lang: str, today: dt.date | None = None) -> tuple[str, str]:
    """(name, value) of the ``/kenri stats`` field. Reads files: call it off the event loop."""
    from bot.sources import load_notes, load_report

    today = today or dt.date.today()
    try:
        notes, _ = load_notes(settings.knowledge_dir, today=today)
        stale = sum(n.age_days(today) > settings.stale_days for n in notes)
        lines = [_t(lang, "notes", notes=len(notes), stale=stale, days=settings.stale_days)]
        report = load_report(settings.sources_cache_dir)
        if report is None:
            lines.append(_t(lang, "never"))
        else:
            c = report["counts"]
            lines.append(
                _t(
                    lang,
                    "watch",
                    when=str(report.get("finished", "?"))[:10],
                    **{k: c.get(k, 0) for k in ("changed", "moved", "gone", "unreachable")},
                )
            )
    except Exception as exc:  # a broken note or report must not break /kenri stats
        log.warning("source status for /kenri stats failed", exc_info=True)
        return _t(lang, "field"), _t(lang, "error", error=type(exc).__name__)
    return _t(lang, "field"), "\n".join(lines)


def summary_embed(report: dict[str, Any], lang: str = "en", limit: int = 15) -> discord.Embed | None:
    """The channel post for a report, or None when nothing changed, moved or went away."""
    rows = [r for r in report.get("results", []) if r.get("status") in NOTEWORTHY]
    if not rows:
        return None
    lines = [_t(lang, "post_line", status=r["status"], id=r["id"], url=r.get("url", "")) for r in rows[:limit]]
    if len(rows) > limit:
        lines.append(f"… +{len(rows) - limit}")
    lines.append("")
    lines.append(_t(lang, "post_next"))
    return discord.Embed(title=_t(lang, "post_title"), description="\n".join(lines)[:4000], color=0xE67E22)


def _parse_time(value: object) -> dt.datetime | None:
    try:
        return dt.datetime.fromisoformat(str(value))
    except ValueError:
        return None


def run_watch(settings: BotSettings) -> dict[str, Any]:
    """One full watch (blocking, network): the same as ``kenri sources watch``."""
    from bot.sources import (
        PoliteFetcher,
        fingerprints_path,
        load_fingerprints,
        load_notes,
        now,
        save_report,
        watch_sources,
    )

    notes, _ = load_notes(settings.knowledge_dir)
    store = load_fingerprints(fingerprints_path(settings.knowledge_dir))
    started = now()
    with PoliteFetcher(max_bytes=int(settings.max_file_mb * 1024 * 1024)) as fetcher:
        results = watch_sources(notes, store, fetcher, settings.sources_cache_dir)
    return save_report(settings.sources_cache_dir, results, started, now())


class WatchCog(commands.Cog, name="SourceWatch"):
    """Posts a weekly summary of changed sources to KENRI_WATCH_CHANNEL."""

    def __init__(self, bot: Bot, *, watcher: Any = run_watch) -> None:
        self.bot = bot
        self._watcher = watcher  # tests pass one that uses a local site

    async def cog_load(self) -> None:
        if self.bot.settings.watch_channel:
            self.weekly.start()

    async def cog_unload(self) -> None:
        self.weekly.cancel()

    @tasks.loop(hours=6)
    async def weekly(self) -> None:
        try:
            await self.tick()
        except asyncio.CancelledError:
            raise
        except Exception:  # log and try again at the next tick; the task keeps running
            log.exception("source watch summary failed")

    @weekly.before_loop
    async def _ready(self) -> None:
        await self.bot.wait_until_ready()

    async def tick(self, now: dt.datetime | None = None) -> bool:
        """Run a watch if the last report is over a week old; post it if it has changes and
        nothing was posted this week. Returns True when a summary was posted."""
        now = now or dt.datetime.now(dt.UTC)
        folder = self.bot.settings.sources_cache_dir
        from bot.sources import load_report

        report = await asyncio.to_thread(load_report, folder)
        finished = _parse_time(report.get("finished")) if report else None
        if report is None or finished is None or now - finished > WEEK:
            with ThreadPoolExecutor(max_workers=1, thread_name_prefix="kenri-watch") as pool:
                report = await asyncio.get_running_loop().run_in_executor(pool, self._watcher, self.bot.settings)
        posted = _read_posted(folder)
        last_post = _parse_time(posted.get("posted")) if posted else None
        if posted.get("report") == report.get("finished") or (last_post and now - last_post < WEEK):
            return False
        embed = summary_embed(report)
        if embed is None:
            return False
        channel_id = self.bot.settings.watch_channel
        channel = self.bot.get_channel(channel_id) or await self.bot.fetch_channel(channel_id)  # type: ignore[arg-type]
        if not isinstance(channel, discord.abc.Messageable):
            log.warning("KENRI_WATCH_CHANNEL %s is not a text channel", channel_id)
            return False
        await channel.send(embed=embed, allowed_mentions=discord.AllowedMentions.none())
        _write_posted(folder, {"report": report.get("finished"), "posted": now.isoformat(timespec="seconds")})
        return True


def _read_posted(folder: Path) -> dict[str, Any]:
    try:
        data = json.loads((folder / POSTED).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _write_posted(folder: Path, data: dict[str, Any]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / POSTED).write_text(json.dumps(data), encoding="utf-8")


async def setup(bot: Bot) -> None:
    """Load as an extension (``bot.load_extension("bot.discord_app.cogs.watch")``)."""
    await bot.add_cog(WatchCog(bot))
