"""Issue 15, part 6: forum auto-answer (/kenri config forum) with a "Solved" button that applies
the forum's solved tag, and the message context menu "Ask kenri about this message"."""

from __future__ import annotations

import discord
import pytest

from tests.discord_app.conftest import custom_ids, forum_post, forum_with_tags

pytestmark = pytest.mark.asyncio
SOLVED = "kenri:solved:en"


async def _configured_forum(world, tags=("Copyright", "✅ Solved")):
    forum = await forum_with_tags(world, "help", list(tags))
    result = await world.admin.slash(world.channel, "kenri config forum", forum=forum)
    assert result.response.content == "Saved."
    return forum


def _take_from_bot(world, *names: str) -> None:
    """Remove permissions from kenri's role, as a server admin would (GUILD_ROLE_UPDATE)."""
    role_id = world.guild.roles["TestBot"].id
    perms = discord.Permissions(world.env.backend.get_role(world.guild.id, role_id).permissions)
    for name in names:
        setattr(perms, name, False)
    world.env.backend.edit_role(world.guild.id, role_id, {"permissions": perms.value})  # emits GUILD_ROLE_UPDATE
    world.env._mark_mutation()


def _tag_names(world, thread) -> set[str]:
    stored = world.env.backend.get_channel(thread.id)
    forum = world.env.backend.get_channel(stored.parent_id)
    names = {int(t["id"]): t["name"] for t in forum.available_tags}
    return {names[t] for t in stored.applied_tags}


async def test_a_new_forum_post_is_answered_in_its_thread_from_title_and_tags(world) -> None:
    forum = await _configured_forum(world)
    post = await forum_post(world, forum, world.alice, "Can I copyright art I made with AI?", tags=("Copyright",))
    answer = post.last_message
    assert answer.author.id == world.bot.user.id
    assert answer.embeds[0].title == "❓ Can I copyright art I made with AI?"
    engine_question, _jurisdiction = world.engine.questions[-1]
    assert engine_question == "Can I copyright art I made with AI?\nCopyright"
    assert SOLVED in custom_ids(answer) and world.cid("kenri:src:en", 1) in custom_ids(answer)
    assert world.store.get_question(1).message_id == answer.id


async def test_posts_in_other_forums_and_kenris_own_posts_are_not_answered(world) -> None:
    await _configured_forum(world)
    other = await forum_with_tags(world, "showcase", [])
    await forum_post(world, other, world.alice, "Look at my new painting")
    assert world.engine.questions == []


async def test_the_asker_marks_the_post_solved_and_the_tag_is_applied(world) -> None:
    forum = await _configured_forum(world)
    post = await forum_post(world, forum, world.alice, "How do I stop GPTBot?")
    answer = post.last_message
    refused = await world.bob.click(answer, custom_id=SOLVED)
    assert refused.ephemeral and refused.response.content.startswith("Only the person who asked")
    assert _tag_names(world, post) == set()
    done = await world.alice.click(answer, custom_id=SOLVED)
    assert done.ephemeral
    assert (done.followups or [done.response])[-1].content == "✅ Marked as solved and tagged “✅ Solved”."
    assert _tag_names(world, post) == {"✅ Solved"}
    again = await world.alice.click(answer, custom_id=SOLVED)
    assert again.response.content.startswith("This post is already tagged")


async def test_a_forum_without_a_solved_tag_says_so(world) -> None:
    forum = await _configured_forum(world, tags=("Copyright",))
    post = await forum_post(world, forum, world.alice, "How do I stop GPTBot?")
    done = await world.alice.click(post.last_message, custom_id=SOLVED)
    assert done.response.content.startswith("✅ Marked as solved. This forum has no “solved” tag")


async def test_solved_without_manage_threads_is_explained(world) -> None:
    forum = await _configured_forum(world)
    post = await forum_post(world, forum, world.alice, "How do I stop GPTBot?")
    # simcord checks Manage Channels to edit a thread (Discord: Manage Threads); deny both.
    _take_from_bot(world, "manage_threads", "manage_channels")
    done = await world.alice.click(post.last_message, custom_id=SOLVED)
    assert (done.followups or [done.response])[-1].content.startswith("I couldn't apply the “✅ Solved” tag")


async def test_configuring_a_forum_names_missing_permissions(world) -> None:
    forum = await forum_with_tags(world, "help", ["Solved"])
    _take_from_bot(world, "manage_threads")
    await world.env.settle()
    result = await world.admin.slash(world.channel, "kenri config forum", forum=forum)
    assert result.response.content.startswith("Saved, but I need **Manage Threads**")


async def test_context_menu_answers_someone_elses_message_in_a_thread(world) -> None:
    target = await world.bob.send(world.channel, "does anyone know how to stop GPTBot crawling my site?")
    result = await world.alice.context_menu(world.channel, "Ask kenri about this message", target)
    assert result.ephemeral
    (thread,) = world.channel.threads
    answer = thread.last_message
    assert answer.embeds[0].title == "❓ does anyone know how to stop GPTBot crawling my site?"
    assert (result.followups or [result.response])[-1].content == f"Answered in {answer.jump_url}."
    assert world.engine.questions[-1][0] == "does anyone know how to stop GPTBot crawling my site?"
    # A later mention in that thread uses the message as context.
    await world.bob.send(thread, f"<@{world.bot.user.id}> and Google-Extended?")
    assert "stop GPTBot crawling my site" in world.engine.questions[-1][0]


async def test_context_menu_on_a_message_without_text_says_so_privately(world) -> None:
    target = await world.bob.send(world.channel, "", attachments=[("art.png", b"\x89PNG\r\n")])
    result = await world.alice.context_menu(world.channel, "Ask kenri about this message", target)
    assert result.ephemeral and result.response.content.startswith("That message has no text I can answer")
    assert world.channel.threads == [] and world.engine.questions == []


async def test_context_menu_where_no_thread_can_be_opened_answers_privately(world) -> None:
    channel = world.guild.create_text_channel(
        "no-threads",
        overwrites={world.guild.roles["TestBot"]: discord.PermissionOverwrite(create_public_threads=False)},
    )
    target = await world.bob.send(channel, "how do I stop GPTBot?")
    result = await world.alice.context_menu(channel, "Ask kenri about this message", target)
    assert channel.threads == []
    answer = (result.followups or [result.response])[-1]
    assert answer.ephemeral and answer.embeds[0].title == "❓ how do I stop GPTBot?"


async def test_a_duplicated_thread_create_event_answers_the_post_once(world) -> None:
    forum = await _configured_forum(world)
    post = await forum_post(world, forum, world.alice, "How do I stop GPTBot?")
    world.env.backend.announce_thread_create(world.env.backend.get_channel(post.id))
    world.env._mark_mutation()
    await world.env.settle()
    assert len(world.engine.questions) == 1
    assert [m.author.id for m in post.history()].count(world.bot.user.id) == 1
