"""/optout (with autocomplete), /robots and /robots-check over the real checklists and crawler
registry in knowledge/."""

from __future__ import annotations

import pytest

from bot.discord_app import formatting
from bot.discord_app.cogs.optout import ROBOTS_TEXT_INPUT_ID
from tests.discord_app.conftest import assert_no_pings

pytestmark = pytest.mark.asyncio

ROBOTS = b"User-agent: GPTBot\nDisallow: /\n\nUser-agent: *\nAllow: /\n"


def _last(result):
    return (result.followups or [result.response])[-1]


async def test_optout_shows_the_platform_checklist(world) -> None:
    result = await world.alice.slash(world.channel, "optout", platform="chatgpt")
    assert not result.ephemeral
    (embed,) = result.response.embeds
    assert embed.title == "Opt-out checklist: OpenAI (ChatGPT, GPTBot)"
    assert embed.url and embed.url.startswith("https://")
    assert "User-agent: GPTBot" in embed.description and "verified" in embed.description
    formatting.check_embeds([embed])
    private = await world.alice.slash(world.channel, "optout", platform="claude", private=True)
    assert private.ephemeral and "Anthropic" in private.response.embeds[0].title


async def test_optout_autocomplete_offers_matching_platforms(world) -> None:
    choices = await world.alice.autocomplete(world.channel, "optout", "platform", "cla")
    assert [c["value"] for c in choices] == ["anthropic"]
    everything = await world.alice.autocomplete(world.channel, "optout", "platform", "")
    assert 10 <= len(everything) <= 25
    assert all(len(c["name"]) <= 100 for c in everything)


async def test_unknown_platform_is_refused_with_suggestions(world, locale) -> None:
    result = await world.alice.slash(world.channel, "optout", platform="chatgtp @everyone")
    assert result.ephemeral
    text = result.response.content
    assert text.startswith("I have no opt-out checklist for “chatgtp @\u200beveryone”.") and "Available:" in text
    locale["locale"] = "ja"
    ja = await world.alice.slash(world.channel, "optout", platform="zzzz")
    assert ja.response.content.startswith("「zzzz」のオプトアウト手順はありません。")


async def test_robots_generates_a_file_to_download(world, locale) -> None:
    result = await world.alice.slash(world.channel, "robots", block="all-ai")
    assert result.ephemeral
    msg = _last(result)
    assert msg.embeds[0].title == "robots.txt for AI crawlers: all-ai"
    (attachment,) = msg.attachments
    assert attachment.filename == "robots.txt"
    data = world.env.backend.cdn.get(attachment.url)
    assert b"User-agent: GPTBot\n" in data and b"Disallow: /" in data
    formatting.check_embeds(msg.embeds)
    locale["locale"] = "ja"
    ja = _last(await world.alice.slash(world.channel, "robots"))
    assert ja.embeds[0].description.startswith("このファイルは")


async def test_robots_check_with_an_attached_file(world) -> None:
    result = await world.alice.slash(world.channel, "robots-check", file=("robots.txt", ROBOTS), path="/gallery/")
    assert result.ephemeral
    msg = _last(result)
    embed = msg.embeds[0]
    assert embed.title == "robots.txt check"
    assert "Training crawlers: 1 blocked" in embed.description
    formatting.check_embeds(msg.embeds)
    if msg.attachments:  # the full report did not fit the embed
        assert msg.attachments[0].filename == "robots-check.txt"


async def test_robots_check_refuses_a_file_over_the_size_limit(world) -> None:
    world.bot.settings.robots_max_kib = 1
    result = await world.alice.slash(world.channel, "robots-check", file=("robots.txt", b"#" * 2048))
    assert result.ephemeral
    assert result.response.content.startswith("That file is 2,048 bytes; I check files up to 1,024 bytes (1 KiB).")
    assert not any("cdn" in r.path for r in world.env.http_requests)  # refused before downloading


async def test_robots_check_refuses_binary_input_clearly(world) -> None:
    result = await world.alice.slash(world.channel, "robots-check", file=("robots.txt", b"\x89PNG\r\n\x00\x00"))
    assert _last(result).content.startswith("I can't check that file: robots.txt looks like binary data")


async def test_robots_check_with_pasted_text_via_a_modal(world) -> None:
    shown = await world.alice.slash(world.channel, "robots-check")
    assert shown.modal is not None
    submitted = await world.alice.submit_modal(
        shown, {ROBOTS_TEXT_INPUT_ID: "User-agent: GPTBot\nDisallow: /\n```@everyone"}
    )
    assert submitted.ephemeral
    embed = _last(submitted).embeds[0]
    assert "Training crawlers: 1 blocked" in embed.description
    assert embed.description.count("```") == 2  # pasted backticks cannot break the block
    assert assert_no_pings(world.env) >= 1
