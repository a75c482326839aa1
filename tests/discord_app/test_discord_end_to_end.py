"""The real Engine behind the real bot, over a tiny index built in tmp_path (hashing encoder)."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.discord_app import formatting
from bot.discord_app.client import Bot
from bot.engine import Engine
from tests.conftest import build
from tests.discord_app.conftest import answer_message, assert_no_pings

pytestmark = [pytest.mark.asyncio, pytest.mark.slow]

NEW_NOTE = """---
id: fx-new-note
title: "A note added after the bot started"
publisher: Example Office
url: https://example.org/new-note
jurisdiction: UK
type: guidance
published: 2026-01
verified: 2026-11-20
lang: en
---

The new note explains text and data mining in the United Kingdom.

## What is new?

A brand-new note about zebra licensing was published.
"""


@pytest.fixture()
def index_dir(tmp_path: Path, knowledge: Path, hashing_embeddings) -> Path:
    index = tmp_path / "index"
    assert build(knowledge, index, hashing_embeddings).published
    return index


@pytest.fixture()
def real_engine(index_dir: Path, hashing_embeddings):
    engine = Engine(index_dir=index_dir, embeddings=hashing_embeddings)
    yield engine
    engine.close()


@pytest.fixture()
def engine(real_engine):  # the `world` fixture records it as world.engine
    return real_engine


@pytest.fixture()
def simcord_bot(real_engine, bot_settings, store) -> Bot:
    return Bot(engine=real_engine, settings=bot_settings, store=store)


async def test_real_answer_with_working_citation_links_and_quotes(world, real_engine) -> None:
    result = await world.alice.slash(world.channel, "ask", question="How do I stop OpenAI from training on my website?")
    msg = answer_message(result)
    formatting.check_embeds(msg.embeds)
    embed = msg.embeds[0]
    assert "GPTBot" in embed.description and "[1]" in embed.description
    first = embed.fields[0]
    assert first.name == "[1] Overview of OpenAI Crawlers"
    assert "OpenAI · International (vendor/platform policy) · verified 2026-11-25" in first.value
    assert "(https://developers.openai.com/api/docs/bots)" in first.value
    assert embed.footer.text.endswith(f"index {real_engine.version}")

    quotes = await world.bob.click(msg, custom_id=world.cid("kenri:src:en", 1))
    q = quotes.response.embeds[0]
    assert q.url == "https://developers.openai.com/api/docs/bots"
    assert "User-agent: GPTBot" in q.description
    assert assert_no_pings(world.env) >= 2


async def test_real_japanese_question_and_mention_thread(world) -> None:
    msg = answer_message(
        await world.alice.slash(world.channel, "ask", question="AI学習に自分の絵を使われるのは日本で合法？")
    )
    assert msg.embeds[0].footer.text.startswith("法的助言ではありません")
    await world.bob.send(world.channel, f"<@{world.bot.user.id}> How do I block GPTBot?")
    (thread,) = world.channel.threads
    assert "GPTBot" in thread.last_message.embeds[0].description


async def test_reload_switches_to_a_newly_published_index(
    world, knowledge, index_dir, hashing_embeddings, real_engine
) -> None:
    before = real_engine.version
    about = (await world.alice.slash(world.channel, "about")).response.embeds[0]
    assert {f.name: f.value for f in about.fields}["Sources"] == "5 (1 in Japanese)"

    (knowledge / "en" / "fx-new-note.md").write_text(NEW_NOTE, encoding="utf-8")
    report = build(knowledge, index_dir, hashing_embeddings)
    assert report.published and report.version != before

    refused = await world.alice.slash(world.channel, "ask", question="What about zebra licensing?")
    assert "zebra" not in (answer_message(refused).embeds[0].description or "").lower()
    world.bot.settings.owner_ids = [world.admin.id]  # reload is for the bot's owners
    result = await world.admin.slash(world.channel, "kenri reload")
    assert result.response.content.startswith(f"Switched the index {before} → {report.version}.")
    about = (await world.alice.slash(world.channel, "about")).response.embeds[0]
    fields = {f.name: f.value for f in about.fields}
    assert fields["Corpus version"] == report.version and fields["Sources"] == "6 (1 in Japanese)"
    answer = answer_message(await world.bob.slash(world.channel, "ask", question="What about zebra licensing?"))
    assert "zebra" in answer.embeds[0].description.lower()
    assert "example.org/new-note" in answer.embeds[0].fields[0].value


async def test_pin_then_similar_question_links_the_pinned_answer(world) -> None:
    pinned = answer_message(await world.alice.slash(world.channel, "ask", question="How do I block GPTBot?"))
    assert (await world.mod.click(pinned, custom_id=world.cid("kenri:pin:en", 1))).response.content.startswith(
        "📌 Pinned."
    )
    fresh = answer_message(await world.bob.slash(world.channel, "ask", question="how can I block GPTBot"))
    assert len(fresh.embeds) == 2 and fresh.embeds[1].url.endswith(f"/{pinned.id}")
