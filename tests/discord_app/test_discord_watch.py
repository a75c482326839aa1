"""Source freshness on Discord: the /kenri stats field and the KENRI_WATCH_CHANNEL summary."""

from __future__ import annotations

import asyncio
import datetime as dt
from pathlib import Path

import pytest

from bot.discord_app.cogs.watch import WatchCog
from bot.sources.watch import Result, save_report
from tests.discord_app.conftest import message_bodies
from tests.sources.conftest import write_note

pytestmark = pytest.mark.asyncio


def _report(folder: Path, *statuses: str, finished: float | None = None) -> dict:
    results = [Result(id=f"src-{i}", url=f"https://example.org/{i}", status=s) for i, s in enumerate(statuses)]
    end = finished if finished is not None else dt.datetime.now(dt.UTC).timestamp()
    return save_report(folder, results, end - 30, end)


def _posts(world) -> list[dict]:
    return [
        body
        for method, path, body in message_bodies(world.env)
        if method == "POST" and path.endswith(f"/channels/{world.channel.id}/messages")
    ]


async def test_stats_shows_stale_notes_and_the_last_watch(world, tmp_path: Path) -> None:
    knowledge = tmp_path / "knowledge"
    today = dt.date.today()
    write_note(knowledge, "old", "https://example.org/old", verified=(today - dt.timedelta(days=400)).isoformat())
    write_note(knowledge, "fresh", "https://example.org/new", verified=today.isoformat())
    world.bot.settings.knowledge_dir = knowledge
    world.bot.settings.stale_days = 90
    result = await world.admin.slash(world.channel, "kenri stats")
    field = next(f for f in result.response.embeds[0].fields if f.name == "Sources")
    assert "2 notes; 1 verified more than 90 days ago" in field.value
    assert "No watch yet" in field.value
    _report(world.bot.settings.sources_cache_dir, "changed", "unchanged", "gone")
    result = await world.admin.slash(world.channel, "kenri stats")
    field = next(f for f in result.response.embeds[0].fields if f.name == "Sources")
    assert "1 changed, 0 moved, 1 gone, 0 unreachable" in field.value


async def test_summary_is_posted_once_a_week_when_sources_changed(world) -> None:
    settings = world.bot.settings
    settings.watch_channel = world.channel.id
    folder = settings.sources_cache_dir
    runs: list[int] = []
    now = dt.datetime.now(dt.UTC)
    clock = {"now": now}

    def watcher(_settings):
        runs.append(1)
        return _report(folder, "changed", "unchanged", "moved", finished=clock["now"].timestamp())

    cog = WatchCog(world.bot, watcher=watcher)
    assert await cog.tick(now) is True  # no report yet: a watch runs, off the loop, and is posted
    assert runs == [1]
    (post,) = _posts(world)
    text = post["embeds"][0]["description"]
    assert "changed: `src-0`" in text and "moved: `src-2`" in text and "src-1" not in text
    assert post["allowed_mentions"]["parse"] == []
    # Same week: the fresh report is reused and nothing is posted again.
    assert await cog.tick(now + dt.timedelta(days=3)) is False
    assert runs == [1] and len(_posts(world)) == 1
    # A week later: a new watch, a new post.
    clock["now"] = now + dt.timedelta(days=8)
    assert await cog.tick(clock["now"]) is True
    assert runs == [1, 1] and len(_posts(world)) == 2


async def test_nothing_changed_posts_nothing(world) -> None:
    world.bot.settings.watch_channel = world.channel.id
    _report(world.bot.settings.sources_cache_dir, "unchanged", "unchanged")
    cog = WatchCog(world.bot, watcher=lambda s: pytest.fail("a fresh report needs no new watch"))
    assert await cog.tick() is False and _posts(world) == []


async def test_task_survives_errors_and_is_cancelled_on_unload(world, caplog: pytest.LogCaptureFixture) -> None:
    world.bot.settings.watch_channel = world.channel.id

    def broken(_settings):
        raise OSError("disk full")

    cog = WatchCog(world.bot, watcher=broken)
    await cog.weekly.coro(cog)  # one iteration of the loop body: the error is logged, not raised
    assert "source watch summary failed" in caplog.text
    await world.bot.remove_cog("SourceWatch")  # the one setup_hook added, without a channel
    await world.bot.add_cog(cog)
    assert cog.weekly.is_running()
    await world.bot.remove_cog(cog.qualified_name)
    for _ in range(20):  # let the cancellation reach the task
        if not cog.weekly.is_running():
            break
        await asyncio.sleep(0.01)
    assert not cog.weekly.is_running()


async def test_no_channel_no_task(world) -> None:
    cog = world.bot.get_cog("SourceWatch")
    assert cog is not None and not cog.weekly.is_running()
