"""Issue 15, part 2: conversations as users have them. DMs are answered; a reply to kenri's
answer, or a mention in kenri's thread, is a follow-up (and an unreadable message there gets a
hint); "help" and greetings get the help text without a thread; follow-ups are answered in their
own language; a duplicated gateway event is answered once; /ask errors are private."""

from __future__ import annotations

import discord
import pytest

from tests.discord_app.conftest import dm_messages, make_answer, redeliver

pytestmark = pytest.mark.asyncio


def _mention(world) -> str:
    return f"<@{world.bot.user.id}>"


async def test_a_plain_dm_is_answered(world) -> None:
    await world.alice.send_dm("How do I stop GPTBot from crawling my site?")
    (answer,) = dm_messages(world.env, world.alice, world.bot.user.id)
    assert answer.embeds[0]["title"] == "❓ How do I stop GPTBot from crawling my site?"
    assert world.engine.questions == [("How do I stop GPTBot from crawling my site?", None)]
    row = world.store.get_question(1)
    assert row.guild_id is None and row.message_id == answer.id


async def test_a_dm_saying_hi_gets_the_help_text(world) -> None:
    await world.alice.send_dm("hi!")
    (reply,) = dm_messages(world.env, world.alice, world.bot.user.id)
    assert reply.content.startswith("Hi! I answer questions about AI and copyright")
    assert world.engine.questions == []


@pytest.mark.parametrize("text", ["help", "hi", "Hello!", "what can you do?", "ヘルプ", "こんにちは"])
async def test_help_and_greetings_get_the_help_text_without_a_thread(world, text) -> None:
    asked = await world.alice.send(world.channel, f"{_mention(world)} {text}")
    assert world.channel.threads == []
    reply = world.channel.last_message
    assert reply.author.id == world.bot.user.id and reply.reference.message_id == asked.id
    assert "/ask" in reply.content and "[1]" not in reply.content
    assert reply.content.startswith("こんにちは" if text in ("ヘルプ", "こんにちは") else "Hi!")
    assert world.engine.questions == []


async def test_thanks_gets_a_short_reply_not_an_answer(world) -> None:
    await world.alice.send(world.channel, f"{_mention(world)} thanks!")
    assert world.channel.last_message.content == "You're welcome! Ask me again any time."
    assert world.engine.questions == [] and world.channel.threads == []


async def test_a_reply_to_kenris_answer_is_a_follow_up_with_context(world) -> None:
    await world.alice.send(world.channel, f"{_mention(world)} How do I stop GPTBot from crawling my site?")
    (thread,) = world.channel.threads
    answer = thread.last_message
    # A reply (which pings kenri by default) carries its text without the message-content intent.
    await world.bob.send(thread, "and what about Google-Extended?", reply_to=answer)
    followup = thread.last_message
    assert followup.author.id == world.bot.user.id
    assert followup.embeds[0].title == "❓ and what about Google-Extended?"
    engine_question, _ = world.engine.questions[-1]
    assert engine_question.startswith("and what about Google-Extended?")
    assert "How do I stop GPTBot from crawling my site?" in engine_question
    assert world.store.get_question(2).answer["question"].startswith("and what about Google-Extended?")


async def test_a_reply_to_an_answer_in_a_channel_is_answered_in_place(world) -> None:
    channel = world.guild.create_text_channel(
        "no-threads",
        overwrites={world.guild.roles["TestBot"]: discord.PermissionOverwrite(create_public_threads=False)},
    )
    await world.alice.send(channel, f"{_mention(world)} Can I copyright AI images?")
    answer = channel.last_message
    asked = await world.alice.send(channel, "in the US?", reply_to=answer)
    reply = channel.last_message
    assert reply.author.id == world.bot.user.id and reply.reference.message_id == asked.id
    assert "Can I copyright AI images?" in world.engine.questions[-1][0]


async def test_an_unreadable_message_in_kenris_thread_gets_a_hint_once(world) -> None:
    await world.alice.send(world.channel, f"{_mention(world)} How do I stop GPTBot?")
    (thread,) = world.channel.threads
    before = len(world.engine.questions)
    await world.bob.send(thread, "what about Japan?")  # no mention: Discord hides its text from kenri
    hint = thread.last_message
    assert hint.author.id == world.bot.user.id
    assert hint.content.startswith("I can only read messages that mention me.")
    await world.bob.send(thread, "hello?")
    assert thread.last_message.author.id == world.bob.id  # the hint is not repeated
    assert len(world.engine.questions) == before


async def test_messages_elsewhere_without_a_mention_still_get_nothing(world) -> None:
    other = world.guild.create_text_channel("chat")
    await world.alice.send(other, "hi everyone")
    await world.alice.send(world.channel, "How do I stop GPTBot?")
    assert world.engine.questions == []
    assert [m for m in other.history() if m.author.id == world.bot.user.id] == []


async def test_an_english_follow_up_in_a_japanese_thread_is_answered_in_english(world) -> None:
    await world.alice.send(world.channel, f"{_mention(world)} AI学習を拒否するには？")
    (thread,) = world.channel.threads
    assert thread.last_message.embeds[0].footer.text.startswith("法的助言ではありません")
    await world.bob.send(thread, f"{_mention(world)} What about the United States?")
    answer = thread.last_message
    engine_question, _ = world.engine.questions[-1]
    assert engine_question == "What about the United States?"  # no Japanese context to switch languages
    assert answer.embeds[0].footer.text.startswith("Not legal advice")
    await world.bob.send(thread, f"{_mention(world)} 米国ではどうですか？")
    assert "AI学習を拒否するには？" in world.engine.questions[-1][0]  # same language: context kept


async def test_a_duplicated_gateway_event_is_answered_once(world) -> None:
    asked = await world.alice.send(world.channel, f"{_mention(world)} How do I stop GPTBot?")
    await redeliver(world.env, asked)
    assert len(world.engine.questions) == 1
    assert len(world.channel.threads) == 1
    dm = await world.alice.send_dm("How do I stop GPTBot?")
    await redeliver(world.env, dm)
    assert len(dm_messages(world.env, world.alice, world.bot.user.id)) == 1


async def test_ask_errors_are_private_and_carry_no_internal_text(world) -> None:
    def broken(q, j):
        raise KeyError("chunks_fts row 42 missing")

    world.engine.respond = broken
    result = await world.alice.slash(world.channel, "ask", question="How do I block GPTBot?")
    assert result.response is None
    (note,) = result.followups
    assert note.ephemeral and "chunks_fts" not in note.content
    assert [m for m in world.channel.history() if m.author.id == world.bot.user.id] == []
    world.engine.respond = lambda q, j: make_answer(q)
    ok = await world.alice.slash(world.channel, "ask", question="How do I block GPTBot?")
    assert not ok.ephemeral and ok.response.embeds


async def test_with_the_message_content_intent_any_message_in_kenris_thread_is_a_follow_up(
    engine, bot_settings, store
) -> None:
    import simcord

    from bot.discord_app.client import Bot

    bot_settings.discord_message_content = True  # KENRI_DISCORD_MESSAGE_CONTENT=1, enabled in the portal
    bot = Bot(engine=engine, settings=bot_settings, store=store)
    assert bot.intents.message_content
    async with simcord.run(bot, approved_intents=discord.Intents.all()) as env:
        guild = env.create_guild()
        channel = guild.create_text_channel("general")
        alice = guild.add_member(env.create_user("alice"))
        await alice.send(channel, f"<@{bot.user.id}> How do I stop GPTBot?")
        (thread,) = channel.threads
        await alice.send(thread, "what about Google-Extended?")
        assert thread.last_message.author.id == bot.user.id
        assert thread.last_message.embeds[0].title == "❓ what about Google-Extended?"
        assert "How do I stop GPTBot?" in engine.questions[-1][0]
        await alice.send(channel, "hello everyone")  # outside kenri's threads: still nothing
        assert len(engine.questions) == 2
