"""/kenri reload and stats (checked in code), /sources pagination, /about, startup rules."""

from __future__ import annotations

import discord
import pytest
import simcord

from bot.discord_app import formatting
from bot.discord_app.client import Bot, sync_commands
from tests.discord_app.conftest import answer_message, custom_ids

pytestmark = pytest.mark.asyncio


def _kenri_command_id(world) -> int:
    return next(c["id"] for c in world.env.backend.commands[None].values() if c["name"] == "kenri")


async def test_reload_is_refused_to_a_plain_member_even_when_the_server_shows_it(world) -> None:
    # default_permissions hides /kenri from members, but admins can override that: the code checks.
    world.guild.set_command_permissions(int(_kenri_command_id(world)), {world.guild.default_role: True})
    result = await world.alice.slash(world.channel, "kenri reload")
    assert result.ephemeral
    assert result.response.content == "Only the bot's owners can do this."
    assert world.engine.reloads == 0
    stats = await world.alice.slash(world.channel, "kenri stats")
    assert stats.response.content.startswith("Only the bot owner")


async def test_reload_is_for_bot_owners_only_with_a_cooldown(world) -> None:
    # The index is shared by every server: a server's admin (Manage Server) may not reload it.
    refused = await world.admin.slash(world.channel, "kenri reload")
    assert refused.ephemeral and refused.response.content == "Only the bot's owners can do this."
    assert world.engine.reloads == 0
    owner = world.member("owner")
    world.bot.settings.owner_ids = [owner.id]
    world.guild.set_command_permissions(int(_kenri_command_id(world)), {owner: True})
    result = await owner.slash(world.channel, "kenri reload")
    assert result.ephemeral
    assert result.response.content.startswith("Switched the index v-test-1 → v-test-2.")
    again = await owner.slash(world.channel, "kenri reload")
    assert again.response.content.startswith("The index was reloaded recently. Please wait 300 s")
    assert world.engine.reloads == 1
    await world.env.advance_time(301)
    third = await owner.slash(world.channel, "kenri reload")
    assert third.response.content.startswith("Switched the index v-test-2 → v-test-3.")
    msg = answer_message(await world.alice.slash(world.channel, "ask", question="How do I block GPTBot?"))
    assert msg.embeds[0].footer.text.endswith("index v-test-3")


async def test_reload_failure_keeps_serving(world) -> None:
    from bot.errors import ModelMismatchError

    def broken():
        raise ModelMismatchError("index built with usem3, configured hashing")

    world.engine.reload = broken
    world.bot.settings.owner_ids = [world.admin.id]
    result = await world.admin.slash(world.channel, "kenri reload")
    assert result.response.content.startswith("Reload failed; still serving v-test-1.")
    world.engine.reload = lambda: ("v-test-1", "v-test-2")  # a failed reload does not start the cooldown
    assert (await world.admin.slash(world.channel, "kenri reload")).response.content.startswith("Switched")


async def test_stats_counts_questions_unanswered_and_feedback(world) -> None:
    from tests.discord_app.conftest import make_answer

    msg = answer_message(await world.alice.slash(world.channel, "ask", question="How do I block GPTBot?"))
    await world.bob.click(msg, custom_id=world.cid("kenri:vote:down:en", 1))
    world.engine.respond = lambda q, j: make_answer(q, answered=False)
    await world.bob.slash(world.channel, "ask", question="What's the weather?")
    result = await world.admin.slash(world.channel, "kenri stats")
    (embed,) = result.response.embeds
    assert embed.fields[0].name == "This server"
    assert "Questions: 2" in embed.fields[0].value and "Unanswered: 1" in embed.fields[0].value
    assert "👍 0 · 👎 1" in embed.fields[0].value


async def test_sources_are_paginated_with_dates(world) -> None:
    result = await world.alice.slash(world.channel, "sources")
    assert result.ephemeral
    msg = result.response
    (embed,) = msg.embeds
    assert embed.footer.text == "Page 1/3 · 20 sources"
    assert "verified 2026-11-01" in embed.description and "[Note 00 title](https://example.org/0)" in embed.description
    assert custom_ids(msg) == ["kenri:srcpage:ALL:0:en:p", "kenri:srcpage:ALL:1:en:n"]
    with pytest.raises(simcord.SetupError):  # "Previous" is disabled on the first page
        await world.alice.click(msg, custom_id="kenri:srcpage:ALL:0:en:p")
    nxt = await world.alice.click(msg, custom_id="kenri:srcpage:ALL:1:en:n")
    assert nxt.response.embeds[0].footer.text == "Page 2/3 · 20 sources"
    assert "Note 08 title" in nxt.response.embeds[0].description

    only_jp = (await world.alice.slash(world.channel, "sources", jurisdiction="JP")).response
    assert only_jp.embeds[0].title == "Sources: Japan"
    assert only_jp.embeds[0].footer.text == "Page 1/2 · 10 sources"
    assert "`EU`" not in only_jp.embeds[0].description


async def test_about_shows_version_last_ingest_and_counts(world, locale) -> None:
    result = await world.alice.slash(world.channel, "about")
    (embed,) = result.response.embeds
    fields = {f.name: f.value for f in embed.fields}
    assert fields["Corpus version"] == "v-test-1"
    assert "2026-11-25 03:43 UTC" in fields["Last ingest"]
    assert fields["Sources"] == "20 (0 in Japanese)"
    assert fields["Indexed passages"] == "99"
    locale["locale"] = "ja"
    ja = (await world.alice.slash(world.channel, "about")).response.embeds[0]
    assert ja.title == "kenriについて"


async def test_commands_are_not_synced_on_start_and_no_privileged_intent_is_used(engine, bot_settings, store) -> None:
    bot = Bot(engine=engine, settings=bot_settings, store=store)
    assert not (bot.intents.members or bot.intents.presences or bot.intents.message_content)
    assert bot.allowed_mentions is not None and bot.allowed_mentions.to_dict() == {"parse": []}
    # A portal that approves no privileged intent still lets the bot connect.
    async with simcord.run(bot, approved_intents=discord.Intents.none()) as env:
        guild = env.create_guild()
        await env.settle()
        assert not any(r.path.endswith("/commands") for r in env.http_requests)
        synced = await sync_commands(bot, guild.id)  # `python -m bot sync --guild ID`
        assert {c.name for c in synced} == {
            "ask",
            "sources",
            "about",
            "kenri",
            "optout",
            "robots",
            "robots-check",
            "Ask kenri about this message",
        }
        ask = next(c for c in synced if c.name == "ask")
        assert ask.description_localizations.get(discord.Locale.japanese, "").startswith("AIと著作権")
        assert [r.path for r in env.http_requests if r.path.endswith("/commands")] == [
            f"/applications/{env.backend.application_id}/guilds/{guild.id}/commands"
        ]


async def test_persistent_buttons_are_registered_at_start(world) -> None:
    from bot.discord_app.views import DYNAMIC_ITEMS

    registered = set(world.bot._connection._view_store._dynamic_items.values())
    assert set(DYNAMIC_ITEMS) <= registered


async def test_formatting_limits_hold_for_stats_and_about(world) -> None:
    formatting.check_embeds([formatting.about_embed(world.engine.about(), lang="en")])
    formatting.check_embeds([formatting.stats_embed(world.store.stats(1), world.store.stats(None), lang="ja")])


async def test_sync_mode_bot_registers_commands_without_engine_or_database(bot_settings) -> None:
    bot = Bot.for_sync(bot_settings)  # what `python -m bot sync` builds: no model, no index
    async with simcord.run(bot) as env:
        synced = await sync_commands(bot)
        assert {c.name for c in synced} == {
            "ask",
            "sources",
            "about",
            "kenri",
            "optout",
            "robots",
            "robots-check",
            "Ask kenri about this message",
        }
        assert [r.path for r in env.http_requests if r.path.endswith("/commands")] == [
            f"/applications/{env.backend.application_id}/commands"
        ]
    with pytest.raises(RuntimeError, match="command-sync mode"):
        bot.engine.answer("x")
