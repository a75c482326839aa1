"""Pin button (moderators only, checked at click time), curated answers, persistence."""

from __future__ import annotations

import discord
import pytest

from bot.discord_app.client import Bot
from tests.discord_app.conftest import answer_message, custom_ids, make_answer

pytestmark = pytest.mark.asyncio

Q1 = "How do I stop OpenAI training on my art?"
PARAPHRASE = "how do I stop OpenAI from training on my art"
UNRELATED = "Can I register copyright for music in the United Kingdom?"


async def _answer(world, actor=None, question=Q1, channel=None):
    return answer_message(await (actor or world.alice).slash(channel or world.channel, "ask", question=question))


async def test_non_moderator_is_refused_the_pin_and_a_moderator_pins(world) -> None:
    msg = await _answer(world)
    refused = await world.alice.click(msg, custom_id=world.cid("kenri:pin:en", 1))
    assert refused.ephemeral
    assert refused.response.content.startswith("Only moderators can pin answers")
    assert world.channel.pinned_messages() == []

    done = await world.mod.click(msg, custom_id=world.cid("kenri:pin:en", 1))
    assert done.ephemeral and done.response.content.startswith("📌 Pinned.")
    assert [m.id for m in world.channel.pinned_messages()] == [msg.id]
    assert world.store.is_curated(world.guild.id, msg.id)

    again = await world.mod.click(msg, custom_id=world.cid("kenri:pin:en", 1))
    assert "already pinned" in again.response.content


async def test_manage_messages_or_a_configured_role_may_pin(world) -> None:
    helper_role = world.guild.create_role("Helpers")  # no permissions at all
    world.bot.settings.moderator_role_ids = [helper_role.id]
    helper = world.member("helper", roles=[helper_role])
    manager = world.member(
        "manager",
        roles=[world.guild.create_role("Managers", permissions=discord.Permissions(manage_messages=True))],
    )
    first = await _answer(world)
    second = await _answer(world, actor=world.bob, question="Another question about GPTBot")
    assert (await helper.click(first, custom_id=world.cid("kenri:pin:en", 1))).response.content.startswith("📌 Pinned.")
    assert (await manager.click(second, custom_id=world.cid("kenri:pin:en", 2))).response.content.startswith(
        "📌 Pinned."
    )
    assert len(world.channel.pinned_messages()) == 2


async def test_permission_is_checked_at_click_time(world) -> None:
    member = world.member("soon-a-mod")
    msg = await _answer(world)
    assert (await member.click(msg, custom_id=world.cid("kenri:pin:en", 1))).response.content.startswith(
        "Only moderators"
    )
    member_role = world.guild.create_role("Later mods")
    world.bot.settings.moderator_role_ids = [member_role.id]
    promoted = world.member("promoted", roles=[member_role])
    assert (await promoted.click(msg, custom_id=world.cid("kenri:pin:en", 1))).response.content.startswith("📌 Pinned.")


async def test_bot_without_pin_permission_gets_a_clear_message(world) -> None:
    channel = world.guild.create_text_channel(
        "no-pins", overwrites={world.guild.roles["TestBot"]: discord.PermissionOverwrite(pin_messages=False)}
    )
    msg = await _answer(world, channel=channel)
    result = await world.mod.click(msg, custom_id=world.cid("kenri:pin:en", 1))
    assert result.ephemeral
    assert result.response.content == (
        "I can't pin messages here: I need the **Pin Messages** permission in this channel."
    )
    assert channel.pinned_messages() == []


async def test_bot_that_cannot_see_the_channel_names_what_it_lacks(world) -> None:
    channel = world.guild.create_text_channel(
        "hidden",
        overwrites={world.guild.roles["TestBot"]: discord.PermissionOverwrite(view_channel=False, pin_messages=False)},
    )
    msg = await _answer(world, channel=channel)  # interactions work without View Channel
    result = await world.mod.click(msg, custom_id=world.cid("kenri:pin:en", 1))
    assert result.response.content == (
        "I can't pin messages here: I need the **View Channel** and **Pin Messages** permissions in this channel."
    )


async def test_pin_limit_of_250_gives_a_clear_message(world) -> None:
    msg = await _answer(world)
    world.env.inject_error(
        "PUT",
        "/channels/*/messages/pins/*",
        status=400,
        code=30003,
        message="Maximum number of pins reached (250)",
    )
    result = await world.mod.click(msg, custom_id=world.cid("kenri:pin:en", 1))
    assert result.ephemeral
    assert "already has 250 pinned messages" in (result.followups or [result.response])[-1].content
    assert not world.store.is_curated(world.guild.id, msg.id)


async def test_a_similar_question_shows_the_pinned_answer_beside_the_fresh_one(world) -> None:
    pinned = await _answer(world)
    await world.mod.click(pinned, custom_id=world.cid("kenri:pin:en", 1))

    fresh = await _answer(world, actor=world.bob, question=PARAPHRASE)
    assert len(fresh.embeds) == 2
    answer, curated = fresh.embeds
    assert answer.title == f"❓ {PARAPHRASE}"
    assert curated.title == "📌 A moderator pinned an answer to a similar question"
    jump = f"https://discord.com/channels/{world.guild.id}/{world.channel.id}/{pinned.id}"
    assert curated.url == jump and jump in curated.description
    assert Q1.replace("?", "") in curated.description.replace("\\", "")

    unrelated = await _answer(world, actor=world.admin, question=UNRELATED)
    assert len(unrelated.embeds) == 1


async def test_pinned_answer_from_a_channel_the_asker_cannot_see_is_not_shown(world) -> None:
    staff = world.guild.create_text_channel(
        "staff",
        overwrites={
            world.guild.default_role: discord.PermissionOverwrite(view_channel=False),
            world.mod_role: discord.PermissionOverwrite(view_channel=True),
            world.guild.roles["TestBot"]: discord.PermissionOverwrite(view_channel=True),
        },
    )
    pinned = await _answer(world, actor=world.mod, channel=staff)
    assert (await world.mod.click(pinned, custom_id=world.cid("kenri:pin:en", 1))).response.content.startswith("📌")
    assert len((await _answer(world, actor=world.bob, question=PARAPHRASE)).embeds) == 1
    assert len((await _answer(world, actor=world.mod, question=PARAPHRASE)).embeds) == 2


async def test_deleting_a_pinned_answer_forgets_it(world) -> None:
    pinned = await _answer(world)
    await world.mod.click(pinned, custom_id=world.cid("kenri:pin:en", 1))
    manager = world.member(
        "manager",
        roles=[world.guild.create_role("Managers", permissions=discord.Permissions(manage_messages=True))],
    )
    await manager.delete(pinned)
    assert not world.store.is_curated(world.guild.id, pinned.id)
    assert len((await _answer(world, actor=world.bob, question=PARAPHRASE)).embeds) == 1


async def test_buttons_keep_working_after_a_restart(world, engine, bot_settings, store) -> None:
    msg = await _answer(world)
    await world.env.restart_bot(Bot(engine=engine, settings=bot_settings, store=store))
    assert world.bot is not None and world.env.bot is not msg
    sources = await world.bob.click(msg, custom_id=world.cid("kenri:src:en", 1))
    assert sources.ephemeral and sources.response.embeds[0].title == "[1] Source number 1"
    vote = await world.bob.click(msg, custom_id=world.cid("kenri:vote:down:en", 1))
    assert "👎 is recorded" in vote.response.content
    pin = await world.mod.click(msg, custom_id=world.cid("kenri:pin:en", 1))
    assert pin.response.content.startswith("📌 Pinned.")
    assert custom_ids(msg)[0] == world.cid("kenri:src:en", 1)


async def test_curated_answer_survives_reload_of_engine_answers(world) -> None:
    # the curated link comes from storage, not from the engine: a changed answer keeps the link
    pinned = await _answer(world)
    await world.mod.click(pinned, custom_id=world.cid("kenri:pin:en", 1))
    world.engine.respond = lambda q, j: make_answer(q, text="A different answer now [1] [2]")
    fresh = await _answer(world, actor=world.bob, question=PARAPHRASE)
    assert fresh.embeds[0].description.startswith("A different answer now")
    assert len(fresh.embeds) == 2
