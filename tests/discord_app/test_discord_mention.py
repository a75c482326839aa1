"""Mentions: a question to @kenri gets its answer in a new thread; later mentions in that thread
use its first question as context. No message-content intent is requested."""

from __future__ import annotations

import discord
import pytest

from tests.discord_app.conftest import assert_no_pings, custom_ids

pytestmark = pytest.mark.asyncio


def _mention(world) -> str:
    return f"<@{world.bot.user.id}>"


async def test_mention_gets_a_thread_reply_and_a_followup_in_the_thread_uses_context(world) -> None:
    assert not world.bot.intents.message_content
    asked = await world.alice.send(world.channel, f"{_mention(world)} How do I stop GPTBot from crawling my site?")

    (thread,) = world.channel.threads
    assert thread.name == "How do I stop GPTBot from crawling my site?"
    answer = thread.last_message
    assert answer.author.id == world.bot.user.id
    assert answer.embeds[0].title == "❓ How do I stop GPTBot from crawling my site?"
    assert "[1]" in answer.embeds[0].description
    assert custom_ids(answer)[0] == world.cid("kenri:src:en", 1)
    assert world.engine.questions[-1] == ("How do I stop GPTBot from crawling my site?", None)
    row = world.store.get_question(1)
    assert row.via == "mention" and row.channel_id == thread.id and row.message_id == answer.id
    assert asked.content.startswith(_mention(world))  # content arrived without the intent

    await world.bob.send(thread, f"{_mention(world)} what about Japan?")
    followup = thread.last_message
    assert followup.author.id == world.bot.user.id
    assert followup.embeds[0].title == "❓ what about Japan?"
    engine_question, _ = world.engine.questions[-1]
    assert engine_question.startswith("what about Japan?")
    assert "How do I stop GPTBot from crawling my site?" in engine_question
    assert len(world.channel.threads) == 1  # no new thread from inside a thread
    assert assert_no_pings(world.env) >= 2


async def test_context_survives_a_restart(world, engine, bot_settings, store) -> None:
    from bot.discord_app.client import Bot

    await world.alice.send(world.channel, f"{_mention(world)} Can I copyright AI images?")
    (thread,) = world.channel.threads
    await world.env.restart_bot(Bot(engine=engine, settings=bot_settings, store=store))
    await world.alice.send(thread, f"{_mention(world)} and in the US?")
    assert "Can I copyright AI images?" in world.engine.questions[-1][0]


async def test_messages_without_a_mention_are_ignored(world) -> None:
    await world.alice.send(world.channel, "How do I stop GPTBot?")
    await world.alice.send(world.channel, "@everyone how do I stop GPTBot?")
    assert world.engine.questions == []
    assert world.channel.threads == []


async def test_a_bare_mention_gets_help(world) -> None:
    await world.alice.send(world.channel, _mention(world))
    reply = world.channel.last_message
    assert reply.author.id == world.bot.user.id
    assert reply.content.startswith("Ask me a question after the mention")
    assert world.engine.questions == []


async def test_mention_cooldown_and_length_limit_answer_clearly(world) -> None:
    too_long = "why " * 300
    await world.alice.send(world.channel, f"{_mention(world)} {too_long}")
    assert world.channel.last_message.content.startswith("Your question is 1,199 characters long; the limit is 1,000.")
    for i in range(3):
        await world.alice.send(world.channel, f"{_mention(world)} question {i}")
    await world.alice.send(world.channel, f"{_mention(world)} one too many")
    assert world.channel.last_message.content.startswith("You're asking quickly.")
    assert len(world.engine.questions) == 3


async def test_japanese_mention_gets_japanese_interface(world) -> None:
    await world.alice.send(world.channel, f"{_mention(world)} AI学習を拒否するには？")
    (thread,) = world.channel.threads
    assert thread.last_message.embeds[0].footer.text.startswith("法的助言ではありません")


async def test_without_thread_permission_the_answer_is_a_reply(world) -> None:
    channel = world.guild.create_text_channel(
        "no-threads",
        overwrites={world.guild.roles["TestBot"]: discord.PermissionOverwrite(create_public_threads=False)},
    )
    asked = await world.alice.send(channel, f"{_mention(world)} How do I stop GPTBot?")
    assert channel.threads == []
    reply = channel.last_message
    assert reply.author.id == world.bot.user.id and reply.reference.message_id == asked.id
    assert reply.embeds[0].title == "❓ How do I stop GPTBot?"
    assert not reply.mentions  # the reply does not ping the asker
