"""Issue 15, part 3: state you can trust. Buttons are bound to the database that made them (a
reset database restarts question ids at 1); curated answers are forgotten when their pin or
message goes (from the events kenri sees, and re-checked at use time); cogs load as extensions
without an import cycle."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
from pathlib import Path

import discord
import pytest

from bot.discord_app.client import EXTENSIONS, Bot
from bot.discord_app.storage import BotDatabase
from bot.discord_app.views import SourcesButton
from tests.discord_app.conftest import answer_message, citation, make_answer

pytestmark = pytest.mark.asyncio
REPO = Path(__file__).resolve().parents[2]

Q1 = "How do I stop OpenAI training on my art?"
PARAPHRASE = "how do I stop OpenAI from training on my art"


async def _answer(world, actor=None, question=Q1):
    return answer_message(await (actor or world.alice).slash(world.channel, "ask", question=question))


async def test_a_reset_database_never_serves_an_old_buttons_answer(world, engine, bot_settings, tmp_path) -> None:
    old = await _answer(world)
    old_ids = {kind: world.cid(kind, 1) for kind in ("kenri:src:en", "kenri:vote:down:en", "kenri:pin:en")}
    fresh_store = BotDatabase.open(tmp_path / "reset.sqlite3")  # the database was deleted and recreated
    try:
        assert fresh_store.instance_id != world.store.instance_id
        await world.env.restart_bot(Bot(engine=engine, settings=bot_settings, store=fresh_store))
        engine.respond = lambda q, j: make_answer(q, citations=[citation(1, title="A different source")])
        new = answer_message(await world.bob.slash(world.channel, "ask", question="Another question"))
        assert fresh_store.get_question(1) is not None  # question id 1 again, for another answer

        sources = await world.bob.click(old, custom_id=old_ids["kenri:src:en"])
        assert sources.ephemeral
        assert (sources.followups or [sources.response])[-1].content.startswith("I no longer have the details")
        vote = await world.bob.click(old, custom_id=old_ids["kenri:vote:down:en"])
        assert (vote.followups or [vote.response])[-1].content.startswith("I no longer have the details")
        assert fresh_store.votes(1) == (0, 0)
        pin = await world.mod.click(old, custom_id=old_ids["kenri:pin:en"])
        assert (pin.followups or [pin.response])[-1].content.startswith("I no longer have the details")
        assert world.channel.pinned_messages() == []
        # The new answer's own buttons work.
        ok = await world.bob.click(new, custom_id=f"kenri:src:en:{fresh_store.instance_id}:1")
        assert ok.response.embeds[0].title == "[1] A different source"
    finally:
        fresh_store.close()


async def test_buttons_from_before_the_upgrade_work_only_on_their_own_answer(world) -> None:
    msg = await _answer(world)
    channel = world.bot.get_channel(world.channel.id)
    legacy = discord.ui.View(timeout=None)
    legacy.add_item(SourcesButton(1, "en", None))  # "kenri:src:en:1", as posted before schema 2
    await channel.get_partial_message(msg.id).edit(view=legacy)
    await world.env.settle()
    own = await world.bob.click(msg, custom_id="kenri:src:en:1")
    assert own.response.embeds[0].title == "[1] Source number 1"
    other = await channel.send("an unrelated message with an old button", view=legacy)
    await world.env.settle()
    elsewhere = await world.bob.click(other, custom_id="kenri:src:en:1")
    assert (elsewhere.followups or [elsewhere.response])[-1].content.startswith("I no longer have the details")


async def test_an_unpinned_answer_is_forgotten(world) -> None:
    pinned = await _answer(world)
    await world.mod.click(pinned, custom_id=world.cid("kenri:pin:en", 1))
    assert world.store.is_curated(world.guild.id, pinned.id)
    manager = world.member(
        "manager",
        roles=[world.guild.create_role("Managers", permissions=discord.Permissions(manage_messages=True))],
    )
    await manager.set_pinned(pinned, False)  # a moderator unpins it in Discord (simcord: Manage Messages)
    assert not world.store.is_curated(world.guild.id, pinned.id)
    assert len((await _answer(world, actor=world.bob, question=PARAPHRASE)).embeds) == 1


async def test_a_pin_that_went_while_kenri_was_away_is_rechecked_at_use_time(world) -> None:
    pinned = await _answer(world)
    await world.mod.click(pinned, custom_id=world.cid("kenri:pin:en", 1))
    world.env.backend.get_message(world.channel.id, pinned.id).pinned = False  # no event reached kenri
    assert len((await _answer(world, actor=world.bob, question=PARAPHRASE)).embeds) == 1
    assert not world.store.is_curated(world.guild.id, pinned.id)


async def test_a_deleted_thread_forgets_the_answers_pinned_in_it(world) -> None:
    await world.alice.send(world.channel, f"<@{world.bot.user.id}> {Q1}")
    (thread,) = world.channel.threads
    answer = thread.last_message
    await world.mod.click(answer, custom_id=world.cid("kenri:pin:en", 1))
    assert world.store.is_curated(world.guild.id, answer.id)
    await world.bot.get_channel(thread.id).delete()
    await world.env.settle()
    assert not world.store.is_curated(world.guild.id, answer.id)


async def test_cogs_are_extensions_loaded_by_module_name(world) -> None:
    assert set(world.bot.extensions) == set(EXTENSIONS)
    assert {type(c).__module__ for c in world.bot.cogs.values()} == set(EXTENSIONS)
    await world.bot.reload_extension("bot.discord_app.cogs.ask")  # works like any extension
    await world.env.settle()
    assert world.bot.get_cog("Ask") is not None
    assert world.bot.tree.get_command("Ask kenri about this message", type=discord.AppCommandType.message)


async def test_no_import_cycle_between_the_client_and_the_cogs() -> None:
    # Each cog module imports alone, without pulling in the client; the client imports first too.
    code = (
        "import sys\n"
        "for name in " + repr(list(EXTENSIONS)) + ":\n"
        "    __import__(name)\n"
        "assert 'bot.discord_app.client' not in sys.modules, 'a cog imported the client'\n"
        "import bot.discord_app.client\n"
    )
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    done = await asyncio.to_thread(
        subprocess.run,
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=REPO,
        env=env,
    )
    assert done.returncode == 0, done.stderr
