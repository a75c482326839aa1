"""/ask under simcord: defer, embed with working citation links, buttons, limits, language,
mention safety and concurrency."""

from __future__ import annotations

import pytest

from bot.discord_app import formatting
from tests.discord_app.conftest import (
    answer_message,
    assert_no_pings,
    callback_types,
    citation,
    concurrent_slash,
    custom_ids,
    embed_text,
    make_answer,
    wait_until,
)

pytestmark = pytest.mark.asyncio

DEFERRED = 5
MESSAGE = 4


async def test_ask_is_deferred_and_answered_with_cited_embed(world) -> None:
    result = await world.alice.slash(world.channel, "ask", question="How do I stop GPTBot from training on my art?")

    assert callback_types(world.env, result) == [DEFERRED]  # deferred at once, answered by follow-up
    msg = answer_message(result)
    assert not msg.ephemeral
    (embed,) = msg.embeds
    assert embed.title == "❓ How do I stop GPTBot from training on my art?"
    assert "[1]" in embed.description and "[2]" in embed.description
    assert "Not legal advice" in embed.footer.text
    assert [f.name for f in embed.fields] == ["[1] Source number 1", "[2] Source number 2"]
    for n, field in enumerate(embed.fields, start=1):
        # title, publisher, jurisdiction, verified date and a working link
        assert f"Publisher {n}" in field.value and "International" in field.value
        assert "verified 2026-11-25" in field.value
        assert f"(https://example.org/docs/source-{n})" in field.value
    formatting.check_embeds(msg.embeds)
    qid = world.store.get_question(1)
    assert qid is not None and qid.message_id == msg.id and qid.via == "slash"
    assert custom_ids(msg) == [
        world.cid("kenri:src:en", 1),
        world.cid("kenri:vote:up:en", 1),
        world.cid("kenri:vote:down:en", 1),
        world.cid("kenri:pin:en", 1),
    ]
    assert world.engine.questions == [("How do I stop GPTBot from training on my art?", None)]


async def test_jurisdiction_is_passed_and_private_answers_are_ephemeral_without_pin(world) -> None:
    result = await world.alice.slash(
        world.channel, "ask", question="Is training legal?", jurisdiction="JP", private=True
    )
    msg = answer_message(result)
    assert msg.ephemeral
    assert world.engine.questions[-1] == ("Is training legal?", "JP")
    assert not any(c.startswith("kenri:pin:") for c in custom_ids(msg))


async def test_unanswered_question_has_feedback_buttons_only(world) -> None:
    world.engine.respond = lambda q, j: make_answer(q, answered=False)
    msg = answer_message(await world.alice.slash(world.channel, "ask", question="What is the weather?"))
    assert custom_ids(msg) == [world.cid("kenri:vote:up:en", 1), world.cid("kenri:vote:down:en", 1)]
    assert world.store.stats()["unanswered"] == 1


async def test_sources_and_quotes_button_is_ephemeral_with_quotes(world) -> None:
    msg = answer_message(await world.alice.slash(world.channel, "ask", question="How do I block GPTBot?"))
    click = await world.bob.click(msg, custom_id=world.cid("kenri:src:en", 1))
    assert click.ephemeral
    quotes = [e for m in ([click.response, *click.followups]) if m for e in m.embeds]
    assert [e.title for e in quotes] == ["[1] Source number 1", "[2] Source number 2"]
    assert quotes[0].url == "https://example.org/docs/source-1"
    assert "Quoted passage 1" in quotes[0].description and "verified 2026-11-25" in quotes[0].description


async def test_votes_are_one_per_user_and_changeable(world) -> None:
    msg = answer_message(await world.alice.slash(world.channel, "ask", question="How do I block GPTBot?"))
    first = await world.bob.click(msg, custom_id=world.cid("kenri:vote:up:en", 1))
    assert first.ephemeral and "👍 is recorded" in first.response.content
    again = await world.bob.click(msg, custom_id=world.cid("kenri:vote:up:en", 1))
    assert "already recorded" in again.response.content
    changed = await world.bob.click(msg, custom_id=world.cid("kenri:vote:down:en", 1))
    assert "changed to 👎" in changed.response.content
    await world.alice.click(msg, custom_id=world.cid("kenri:vote:up:en", 1))
    assert world.store.votes(1) == (1, 1)  # bob's single (changed) vote and alice's


async def test_question_over_the_length_limit_is_refused_clearly(world) -> None:
    limit = world.bot.settings.max_question_chars
    result = await world.alice.slash(world.channel, "ask", question="x" * (limit + 1))
    assert callback_types(world.env, result) == [MESSAGE]
    assert result.ephemeral
    assert result.response.content == (
        f"Your question is {limit + 1:,} characters long; the limit is {limit:,}. Please shorten it and ask again."
    )
    assert world.engine.questions == []


async def test_cooldown_answers_clearly_and_resets_with_time(world) -> None:
    for i in range(3):  # 3 questions per 60 s
        assert not answer_message(await world.alice.slash(world.channel, "ask", question=f"question {i}")).ephemeral
    refused = await world.alice.slash(world.channel, "ask", question="one more")
    assert refused.ephemeral
    assert refused.response.content.startswith("You're asking quickly. Please wait ")
    assert len(world.engine.questions) == 3
    # other users are not affected
    assert not answer_message(await world.bob.slash(world.channel, "ask", question="my first")).ephemeral
    await world.env.advance_time(61)
    assert not answer_message(await world.alice.slash(world.channel, "ask", question="later")).ephemeral


async def test_empty_question_is_refused(world) -> None:
    result = await world.alice.slash(world.channel, "ask", question="???")
    assert result.ephemeral and "Please type a question" in result.response.content
    assert world.engine.questions == []


async def test_japanese_locale_gives_japanese_interface(world, locale) -> None:
    locale["locale"] = "ja"
    msg = answer_message(await world.alice.slash(world.channel, "ask", question="How do I block GPTBot?"))
    (embed,) = msg.embeds
    assert embed.footer.text.startswith("法的助言ではありません")
    assert "確認日 2026-11-25" in embed.fields[0].value and "[出典を開く]" in embed.fields[0].value
    labels = [c.get("label") for row in msg.components for c in row["components"]]
    assert "出典と引用" in labels and "ピン留め" in labels
    assert custom_ids(msg)[0] == world.cid("kenri:src:ja", 1)
    refused = await world.alice.slash(world.channel, "ask", question="x" * 2000)
    assert refused.response.content.startswith("質問が2,000文字あります")


async def test_japanese_question_gives_japanese_interface_with_english_locale(world) -> None:
    msg = answer_message(await world.alice.slash(world.channel, "ask", question="AI学習を拒否するには？"))
    assert msg.embeds[0].footer.text.startswith("法的助言ではありません")
    click = await world.bob.click(msg, custom_id=world.cid("kenri:vote:up:ja", 1))  # bob's locale is English
    assert click.response.content == "ありがとうございます。👍を記録しました。"


async def test_no_request_can_ping_even_with_mentions_in_question_and_passage(world) -> None:
    role = world.mod_role
    nasty = f"@everyone @here <@&{role.id}> <@{world.bob.id}> how do I opt out? **bold** `code`"
    passage = f"@everyone read this <@&{role.id}> and <@{world.bob.id}> <#{world.channel.id}>"
    world.engine.respond = lambda q, j: make_answer(
        q,
        citations=[citation(1, quote=passage, title=f"Title @everyone <@{world.bob.id}>")],
        text=f"{passage} [1]",
    )
    result = await world.alice.slash(world.channel, "ask", question=nasty)
    msg = answer_message(result)
    await world.bob.click(msg, custom_id=world.cid("kenri:src:en", 1))
    await world.bob.click(msg, custom_id=world.cid("kenri:vote:down:en", 1))
    await world.mod.click(msg, custom_id=world.cid("kenri:pin:en", 1))
    await world.alice.send(world.channel, f"<@{world.bot.user.id}> {nasty}")  # mention -> thread
    await world.alice.slash(world.channel, "ask", question="x" * 5000)  # refusal

    assert assert_no_pings(world.env) >= 6
    text = embed_text(msg.embeds)
    assert "@everyone" not in text and "@here" not in text
    assert f"<@{world.bob.id}>" not in text and f"<@&{role.id}>" not in text
    assert f"<#{world.channel.id}>" not in text
    assert msg.embeds[0].title.startswith("❓ @\u200beveryone @\u200bhere")
    assert "\\*\\*bold\\*\\*" in msg.embeds[0].title  # echoed escaped
    channels = [world.channel, *world.channel.threads]
    bot_messages = [m for ch in channels for m in ch.history() if m.author.id == world.bot.user.id]
    assert len(bot_messages) >= 3
    for m in bot_messages:
        assert not m.mention_everyone and not m.mentions and not m.role_mentions, m


async def test_very_long_passage_and_answer_still_yield_valid_messages(world) -> None:
    long_quote = ("This sentence is part of a very long passage about robots.txt. " * 80)[:5000]
    long_title = "A remarkably long source title " * 20
    world.engine.respond = lambda q, j: make_answer(
        q,
        citations=[
            citation(n, quote=long_quote, title=long_title, url=f"https://example.org/{'p' * 300}/{n}")
            for n in (1, 2, 3)
        ],
        text=("Lead sentence of the answer. " * 300) + "[1] [2] [3]",
    )
    msg = answer_message(
        await world.alice.slash(world.channel, "ask", question="why " * 245)
    )  # 980 characters, under the limit
    formatting.check_embeds(msg.embeds)
    assert msg.embeds[0].description.endswith("(shortened: see “Sources & quotes” and the linked pages)")
    assert len(msg.embeds[0].fields) == 3
    click = await world.bob.click(msg, custom_id=world.cid("kenri:src:en", 1))
    for m in [click.response, *click.followups]:
        formatting.check_embeds(m.embeds)
        assert all(e.description.endswith("…") for e in m.embeds)
    assert not world.env.errors


async def test_twenty_concurrent_asks_are_all_answered_and_none_is_late(world, engine) -> None:
    users = [world.member(f"user{i}") for i in range(20)]
    records: list = []

    def all_deferred() -> bool:  # read from the engine's worker threads
        return len(records) == 20 and all(r._interaction.responded for r in records)

    late = []

    def respond(q, j):
        # Every answer waits until all 20 interactions were acknowledged: this only completes if
        # the bot defers before the engine runs and the engine runs off the event loop.
        if not wait_until(all_deferred, timeout=5):
            late.append(q)
        return make_answer(q)

    engine.respond = respond
    calls = [(u, world.channel, "ask", {"question": f"question number {i}"}) for i, u in enumerate(users)]

    import simcord.interactions as si

    original = si.base_payload

    def capture(*args, **kwargs):
        record, payload = original(*args, **kwargs)
        from simcord.results import InteractionResult

        records.append(InteractionResult(world.env, record))
        return record, payload

    si.base_payload = capture
    try:
        results = await concurrent_slash(world.env, calls)
    finally:
        si.base_payload = original

    assert late == []
    assert len(engine.questions) == 20
    for i, r in enumerate(results):
        assert callback_types(world.env, r) == [DEFERRED]
        msg = answer_message(r)
        assert msg.embeds and msg.embeds[0].title == f"❓ question number {i}"
    assert world.store.stats()["questions"] == 20


async def test_an_unexpected_error_gets_a_private_apology(world, monkeypatch, caplog) -> None:
    def boom(q, j):
        raise RuntimeError("engine exploded")

    world.engine.respond = boom
    result = await world.alice.slash(world.channel, "ask", question="How do I block GPTBot?")
    # Private, without the internal error text, and nothing left in the channel.
    (note,) = result.followups
    assert note.ephemeral and note.content == "Sorry, something went wrong on my side. Please try again later."
    assert result.response is None
    assert [m for m in world.channel.history() if m.author.id == world.bot.user.id] == []
    assert any(r.exc_info and "engine exploded" in str(r.exc_info[1]) for r in caplog.records)

    world.engine.respond = lambda q, j: make_answer(q)
    msg = answer_message(await world.bob.slash(world.channel, "ask", question="How do I block GPTBot?"))

    def broken(*a, **k):
        raise RuntimeError("database exploded")

    monkeypatch.setattr(world.store, "get_question", broken)
    click = await world.alice.click(msg, custom_id=custom_ids(msg)[0])
    assert click.ephemeral
    assert (click.followups or [click.response])[-1].content.startswith("Sorry, something went wrong")
    # discord.py logs errors of persistent (dynamic) buttons; simcord 3.2.1 does not capture them
    assert any(r.exc_info and "database exploded" in str(r.exc_info[1]) for r in caplog.records)


async def test_a_pasted_robots_txt_is_checked_and_its_verdict_leads_the_answer(world) -> None:
    # trial 21: a pasted robots.txt was never read; the verdict comes from the crawler list the
    # /robots-check command loads
    question = "my robots.txt: User-agent: GPTBot Allow: / User-agent: CCBot Disallow: / is that enough?"
    result = await world.alice.slash(world.channel, "ask", question=question)
    (embed,) = answer_message(result).embeds
    assert embed.description.startswith("The robots.txt in your message")
    assert "- Blocked: CCBot." in embed.description
    assert "- Allowed by a group that names them: GPTBot." in embed.description
    assert world.store.get_question(1).answer["robots_check"].startswith("The robots.txt")  # type: ignore[union-attr]


async def test_a_question_without_a_robots_txt_gets_no_verdict(world) -> None:
    result = await world.alice.slash(world.channel, "ask", question="what does Disallow: mean in robots.txt?")
    (embed,) = answer_message(result).embeds
    assert "The robots.txt in your message" not in embed.description
