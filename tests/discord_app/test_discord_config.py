"""Issue 15, part 5: per-server settings with /kenri config (Manage Server, checked in code at
every call): default jurisdiction (a Japanese server defaults to JP and Japanese), answer
visibility, the channels where mentions are answered; stored in SQLite; shown in /about."""

from __future__ import annotations

import discord
import pytest

from bot.discord_app.storage import SCHEMA_VERSION, BotDatabase
from tests.discord_app.conftest import embed_text

pytestmark = pytest.mark.asyncio


def _kenri_command_id(world) -> int:
    return int(next(c["id"] for c in world.env.backend.commands[None].values() if c["name"] == "kenri"))


async def test_config_is_refused_without_manage_server_even_when_the_server_shows_it(world) -> None:
    world.guild.set_command_permissions(_kenri_command_id(world), {world.guild.default_role: True})
    for command, options in (
        ("kenri config show", {}),
        ("kenri config visibility", {"visibility": "private"}),
        ("kenri config jurisdiction", {"jurisdiction": "US"}),
        ("kenri config mentions", {"action": "add"}),
    ):
        result = await world.alice.slash(world.channel, command, **options)
        assert result.ephemeral
        assert result.response.content.startswith("Only members with the Manage Server permission"), command
    assert world.store.guild_settings(world.guild.id).visibility == "public"


async def test_default_jurisdiction_is_used_by_ask_and_mentions(world) -> None:
    result = await world.admin.slash(world.channel, "kenri config jurisdiction", jurisdiction="EU")
    assert result.ephemeral and result.response.content == "Saved."
    assert "European Union" in embed_text(result.response.embeds)
    await world.alice.slash(world.channel, "ask", question="Can I opt out of AI training?")
    assert world.engine.questions[-1] == ("Can I opt out of AI training?", "EU")
    await world.alice.slash(world.channel, "ask", question="And in Japan?", jurisdiction="JP")
    assert world.engine.questions[-1][1] == "JP"  # the question's own choice wins
    await world.bob.send(world.channel, f"<@{world.bot.user.id}> Can I opt out of AI training?")
    assert world.engine.questions[-1][1] == "EU"


async def _japanese_server(world):
    """A channel of a server whose Discord language is Japanese, and a member of it."""
    guild = world.env.create_guild("クリエイター", preferred_locale="ja")
    channel = guild.create_text_channel("質問")
    member = guild.add_member(world.env.create_user("hanako"))
    await world.env.settle()
    return channel, member


async def test_a_japanese_server_defaults_to_japan_and_japanese(world) -> None:
    channel, member = await _japanese_server(world)
    await member.slash(channel, "ask", question="How do I opt out?")
    assert world.engine.questions[-1] == ("How do I opt out?", "JP")
    await member.send(channel, f"<@{world.bot.user.id}>")  # a bare mention: no question text to go by
    assert channel.last_message.content.startswith("メンションのあとに質問を書いてください。")
    about = (await member.slash(channel, "about")).response.embeds[0]
    assert any("Japan" in (f.value or "") for f in about.fields if f.name == "This server")


async def test_visibility_private_makes_ask_answers_ephemeral_by_default(world) -> None:
    await world.admin.slash(world.channel, "kenri config visibility", visibility="private")
    private = await world.alice.slash(world.channel, "ask", question="How do I block GPTBot?")
    assert private.ephemeral
    public = await world.alice.slash(world.channel, "ask", question="How do I block GPTBot?", private=False)
    assert not public.ephemeral


async def test_mentions_are_answered_only_in_the_chosen_channels(world) -> None:
    questions = world.guild.create_text_channel("questions")
    await world.env.settle()
    await world.admin.slash(questions, "kenri config mentions", action="add")
    await world.alice.send(world.channel, f"<@{world.bot.user.id}> How do I stop GPTBot?")
    assert world.engine.questions == []
    note = world.channel.last_message
    assert note.author.id == world.bot.user.id and f"<#{questions.id}>" in note.content
    await world.alice.send(questions, f"<@{world.bot.user.id}> How do I stop GPTBot?")
    assert len(world.engine.questions) == 1 and len(questions.threads) == 1
    await world.admin.slash(world.channel, "kenri config mentions", action="all")
    await world.alice.send(world.channel, f"<@{world.bot.user.id}> How do I stop GPTBot?")
    assert len(world.engine.questions) == 2


async def test_settings_are_stored_in_sqlite_shown_in_about_and_survive_a_restart(
    world, engine, bot_settings, store
) -> None:
    from bot.discord_app.client import Bot

    forum = world.guild.create_forum_channel("help")
    await world.env.settle()
    await world.admin.slash(world.channel, "kenri config jurisdiction", jurisdiction="UK")
    await world.admin.slash(world.channel, "kenri config forum", forum=forum)
    await world.env.restart_bot(Bot(engine=engine, settings=bot_settings, store=store))
    about = (await world.alice.slash(world.channel, "about")).response.embeds[0]
    server = next(f.value for f in about.fields if f.name == "This server")
    assert "United Kingdom" in server and f"<#{forum.id}>" in server and "everyone in the channel" in server
    shown = await world.admin.slash(world.channel, "kenri config show")
    assert f"<#{forum.id}>" in embed_text(shown.response.embeds)
    assert store.schema_version == SCHEMA_VERSION == 2


async def test_a_version_1_database_is_migrated_and_keeps_its_answers(tmp_path) -> None:
    import sqlite3

    from bot.discord_app import storage

    path = tmp_path / "old.sqlite3"
    v1 = storage.MIGRATIONS[:1]
    original = storage.MIGRATIONS
    storage.MIGRATIONS = v1
    storage_sv = storage.SCHEMA_VERSION
    storage.SCHEMA_VERSION = 1
    try:
        old = BotDatabase.__new__(BotDatabase)
        conn = sqlite3.connect(str(path), isolation_level=None, check_same_thread=False)
        conn.row_factory = sqlite3.Row
        old.__init__(conn, path)
        old._migrate()
        # an older kenri kept its user-hash key inside the database
        conn.execute("INSERT INTO meta (key, value) VALUES ('user_hash_key', ?)", ("ab" * 32,))
        conn.execute(
            "INSERT INTO questions (created, user_hash, via, question, language, answered, citations, "
            "answer_json) VALUES ('2026-01-01', 'x', 'slash', 'old question', 'en', 1, 1, '{}')"
        )
        conn.close()
    finally:
        storage.MIGRATIONS = original
        storage.SCHEMA_VERSION = storage_sv
    migrated = BotDatabase.open(path)
    try:
        assert migrated.schema_version == 2 and len(migrated.instance_id) == 8
        assert migrated.key_file is not None and migrated.key_file.read_text().strip() == "ab" * 32
        assert migrated.get_question(1).question == "old question"
        assert migrated.guild_settings(5).visibility == "public"
    finally:
        migrated.close()


async def test_changing_the_config_needs_manage_server_at_every_call(world) -> None:
    role = world.guild.create_role("Temp admins", permissions=discord.Permissions(manage_guild=True))
    member = world.member("temp", roles=[role])
    assert (
        await member.slash(world.channel, "kenri config visibility", visibility="private")
    ).response.content == "Saved."
    world.env.backend.guilds[world.guild.id].roles[role.id].permissions = 0  # the permission is taken away
    world.guild.set_command_permissions(_kenri_command_id(world), {member: True})  # but /kenri stays visible
    await world.env.settle()
    refused = await member.slash(world.channel, "kenri config visibility", visibility="public")
    assert refused.response.content.startswith("Only members with the Manage Server permission")
    assert world.store.guild_settings(world.guild.id).visibility == "private"


async def test_every_new_command_text_has_japanese(world) -> None:
    from bot.discord_app.i18n import COMMAND_TEXT_JA

    kenri = world.bot.tree.get_command("kenri")
    missing = [
        text
        for command in kenri.walk_commands()
        if hasattr(command, "parameters")
        for text in [
            command.description,
            *(p.description for p in command.parameters),
            *(c.name for p in command.parameters for c in p.choices),
        ]
        if text not in COMMAND_TEXT_JA
    ]
    assert missing == []


async def test_a_server_default_gives_way_to_a_place_the_question_names(world) -> None:
    # trial 22: a Japanese server's default (Japan) kept a question about the EU from the EU's
    # sources; a server's default applies to questions that name no place
    channel, member = await _japanese_server(world)
    await member.slash(channel, "ask", question="EUのAI法で学習データの開示は義務？")
    assert world.engine.default_jurisdictions[-1] == "JP"
    assert world.engine.jurisdictions[-1] is None  # the engine, not the front end, decides
    await member.slash(channel, "ask", question="What does the EU AI Act say?", jurisdiction="JP")
    assert world.engine.jurisdictions[-1] == "JP"  # the asker's own choice is kept as given
