"""Fixtures for the Discord front end under simcord (real discord.py, simulated Discord).

Most tests use :class:`FakeEngine`: the assertions are about Discord behaviour, so the engine
returns real ``Answer``/``Citation`` objects chosen by the test (a passage with ``@everyone``,
a 5000-character quote, ...). ``test_discord_end_to_end.py`` uses the real Engine.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import discord
import pytest
import pytest_asyncio
import simcord
from simcord import actors as sim_actors
from simcord import interactions as sim_interactions
from simcord.results import InteractionResult

from bot.discord_app.client import Bot, sync_commands
from bot.discord_app.storage import BotDatabase
from bot.engine.embeddings import HashingEmbeddings
from bot.engine.models import Answer, Citation
from bot.engine.text import detect_language
from bot.knowledge.schema import NoteMeta
from bot.settings import BotSettings

SLASH = 1  # application command type CHAT_INPUT
APPLICATION_COMMAND = 2  # interaction type


def citation(
    n: int = 1,
    *,
    quote: str | None = None,
    title: str | None = None,
    url: str | None = None,
    source_id: str | None = None,
    jurisdiction: str = "INTL",
) -> Citation:
    return Citation(
        n=n,
        source_id=source_id or f"src-{n}",
        title=title or f"Source number {n}",
        publisher=f"Publisher {n}",
        url=url or f"https://example.org/docs/source-{n}",
        jurisdiction=jurisdiction,
        verified="2026-11-25",
        quote=quote or f"Quoted passage {n}: disallow GPTBot in robots.txt.",
        heading=f"Heading {n}",
        chunk_id=f"chunk-{n}",
    )


def make_answer(
    question: str, *, citations: list[Citation] | None = None, text: str | None = None, answered: bool = True
) -> Answer:
    cits = citations if citations is not None else [citation(1), citation(2)]
    if not answered:
        cits = []
    markers = " ".join(f"[{c.n}]" for c in cits)
    body = (
        text
        if text is not None
        else (
            f"To stop AI training, disallow the crawler in robots.txt {markers}\n\n"
            "Applies to: International\nGeneral information from the cited sources, not legal advice."
            if answered
            else "I couldn't find an answer to that in my sources, so I won't guess."
        )
    )
    return Answer(
        question=" ".join(question.split()),
        answered=answered,
        language=detect_language(question),
        text=body,
        citations=cits,
        retrieved_ids=tuple(c.chunk_id for c in cits),
        elapsed_ms=3.0,
    )


def note(i: int, jurisdiction: str = "JP") -> NoteMeta:
    return NoteMeta(
        id=f"note-{i:02d}",
        title=f"Note {i:02d} title",
        publisher=f"Publisher {i}",
        url=f"https://example.org/{i}",
        jurisdiction=jurisdiction,
        type="guidance",
        published="2025",
        verified=f"2026-11-{(i % 28) + 1:02d}",
        lang="en",
    )


class FakeEngine:
    """A stand-in for ``bot.engine.Engine`` with the same public surface."""

    def __init__(self) -> None:
        self.embeddings = HashingEmbeddings()
        self.version = "v-test-1"
        self.questions: list[tuple[str, str | None]] = []
        self.jurisdictions: list[str | None] = []  # as passed: the asker's own choice
        self.default_jurisdictions: list[str | None] = []  # as passed: the server's default
        self.respond: Callable[[str, str | None], Answer] = lambda q, j: make_answer(q)
        self.metas = [note(i, "JP" if i % 2 else "EU") for i in range(20)]
        self.reloads = 0
        self._lock = threading.Lock()

    def answer(
        self, question: str, jurisdiction: str | None = None, *, default_jurisdiction: str | None = None
    ) -> Answer:
        # (records the jurisdiction in effect when the question names no place, as the engine
        # applies a server's default)
        with self._lock:
            self.jurisdictions.append(jurisdiction)
            self.default_jurisdictions.append(default_jurisdiction)
        jurisdiction = jurisdiction or default_jurisdiction
        with self._lock:
            self.questions.append((question, jurisdiction))
        return self.respond(question, jurisdiction)

    def follow_up(self, question: str, earlier: str) -> str:
        # the real engine may also swap the earlier question's subject for the follow-up's
        return f"{question}\n{earlier}"

    def sources(self, jurisdiction: str | None = None) -> list[NoteMeta]:
        return [m for m in self.metas if not jurisdiction or m.jurisdiction == jurisdiction]

    def about(self) -> dict[str, Any]:
        return {
            "version": self.version,
            "created": "2026-11-25T03:43:39+00:00",
            "embedding": "hashing",
            "documents": len(self.metas),
            "documents_ja": 0,
            "chunks": 99,
            "by_jurisdiction": {"JP": 10, "EU": 10},
        }

    def reload(self) -> tuple[str, str]:
        self.reloads += 1
        old, self.version = self.version, f"v-test-{self.reloads + 1}"
        return old, self.version


@pytest.fixture()
def bot_settings(tmp_path: Path) -> BotSettings:
    return BotSettings(
        _env_file=None,  # type: ignore[call-arg]
        index_dir=tmp_path / "index",
        database_path=tmp_path / "kenri.sqlite3",
        cooldown_questions=3,
        cooldown_seconds=60,
        curated_min_similarity=0.6,  # calibrated for the hashing encoder used in tests
    )


@pytest.fixture()
def store(bot_settings: BotSettings) -> Iterator[BotDatabase]:
    s = BotDatabase.open(bot_settings.database_path)
    yield s
    s.close()


@pytest.fixture()
def engine() -> FakeEngine:
    return FakeEngine()


@pytest.fixture()
def simcord_bot(engine: FakeEngine, bot_settings: BotSettings, store: BotDatabase) -> Bot:
    return Bot(engine=engine, settings=bot_settings, store=store)


@dataclass
class World:
    env: simcord.Env
    guild: simcord.GuildHandle
    channel: simcord.ChannelHandle
    alice: simcord.MemberActor  # a plain member
    bob: simcord.MemberActor  # another plain member
    mod: simcord.MemberActor  # Pin Messages
    admin: simcord.MemberActor  # Manage Server
    mod_role: simcord.RoleHandle
    engine: FakeEngine
    store: BotDatabase
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def bot(self) -> Bot:
        return self.env.bot  # type: ignore[return-value]

    def cid(self, prefix: str, question_id: int) -> str:
        """An answer button's custom_id: ``prefix`` (e.g. "kenri:pin:en"), this database's
        random instance id, the question id."""
        return f"{prefix}:{self.store.instance_id}:{question_id}"

    def member(self, name: str, **kw: Any) -> simcord.MemberActor:
        return self.guild.add_member(self.env.create_user(name), **kw)


@pytest_asyncio.fixture()
async def world(simcord_env: simcord.Env, engine: FakeEngine, store: BotDatabase) -> World:
    env = simcord_env
    guild = env.create_guild("Creators")
    channel = guild.create_text_channel("general")
    mod_role = guild.create_role("Mods", permissions=discord.Permissions(pin_messages=True))
    admin_role = guild.create_role("Admins", permissions=discord.Permissions(manage_guild=True))
    w = World(
        env=env,
        guild=guild,
        channel=channel,
        alice=guild.add_member(env.create_user("alice")),
        bob=guild.add_member(env.create_user("bob")),
        mod=guild.add_member(env.create_user("mod"), roles=[mod_role]),
        admin=guild.add_member(env.create_user("admin"), roles=[admin_role]),
        mod_role=mod_role,
        engine=engine,
        store=store,
    )
    w.extra["startup_requests"] = list(env.http_requests)
    await sync_commands(env.bot)  # type: ignore[arg-type]  # what `python -m bot sync` does
    return w


@pytest.fixture()
def locale(monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    """Set the Discord locale of simulated users (simcord 3.2.1 always sends en-US)."""
    state = {"locale": "en-US"}
    original = sim_interactions.base_payload

    def patched(*args: Any, **kwargs: Any) -> Any:
        record, payload = original(*args, **kwargs)
        payload["locale"] = state["locale"]
        return record, payload

    monkeypatch.setattr(sim_interactions, "base_payload", patched)
    return state


# ----------------------------------------------------------------------------- helpers
def message_bodies(env: simcord.Env) -> list[tuple[str, str, dict[str, Any]]]:
    """Every request that carries message content, embeds or components, with its body."""
    out = []
    for r in env.http_requests:
        body = r.json
        if not isinstance(body, dict):
            continue
        if r.path.endswith("/callback"):
            if body.get("type") in (8, 9):  # autocomplete choices and modals are not messages
                continue
            if isinstance(body.get("data"), dict):
                body = body["data"]
        if any(k in body for k in ("content", "embeds", "components")):
            out.append((r.method, r.path, body))
    return out


def assert_no_pings(env: simcord.Env) -> int:
    """Every message-carrying request allows no mentions at all. Returns how many were checked."""
    bodies = message_bodies(env)
    for method, path, body in bodies:
        allowed = body.get("allowed_mentions")
        assert allowed is not None, f"{method} {path} has no allowed_mentions"
        assert allowed.get("parse") == [], (method, path, allowed)
        assert not allowed.get("users") and not allowed.get("roles") and not allowed.get("replied_user"), allowed
    return len(bodies)


def custom_ids(message: Any) -> list[str]:
    rows = message.components if isinstance(message.components, list) else []
    ids = []
    for row in rows:
        children = row.get("components", []) if isinstance(row, dict) else getattr(row, "children", [])
        for c in children:
            cid = c.get("custom_id") if isinstance(c, dict) else getattr(c, "custom_id", None)
            if cid:
                ids.append(cid)
    return ids


def answer_message(result: InteractionResult) -> Any:
    """The answer message of a deferred /ask (the edited original response)."""
    assert result.response is not None, result
    return result.response


async def concurrent_slash(
    env: simcord.Env,
    calls: list[tuple[simcord.MemberActor, simcord.ChannelHandle, str, dict]],
    *,
    timeout: float = 30,
) -> list[InteractionResult]:
    """Deliver several slash commands at once, then let the bot work through all of them.

    simcord's actors run one at a time; this builds the same INTERACTION_CREATE payloads they
    build (simcord 3.2.1 internals) and emits them together."""
    records = []
    for actor, channel, name, options in calls:
        root = sim_actors._resolve_visible_command(actor, channel.id, name, SLASH)
        leaf, nesting = sim_interactions.walk_to_subcommand(root, [])
        leaf_options, resolved = sim_interactions.build_options(actor, name, leaf, options, channel_id=channel.id)
        data = {
            "id": root["id"],
            "name": root["name"],
            "type": SLASH,
            "options": sim_interactions.nest_options(root, nesting, leaf_options),
        }
        if resolved:
            data["resolved"] = resolved
        record, payload = sim_interactions.base_payload(
            env.backend,
            type=APPLICATION_COMMAND,
            channel_id=channel.id,
            guild_id=actor.guild.id,
            user_id=actor.id,
            data=data,
        )
        env.backend.emit("INTERACTION_CREATE", payload)
        records.append(record)
    await env.settle(timeout=timeout)
    return [InteractionResult(env, r) for r in records]


def wait_until(predicate: Callable[[], bool], timeout: float) -> bool:
    deadline = time.perf_counter() + timeout
    while not predicate():
        if time.perf_counter() > deadline:
            return False
        time.sleep(0.005)
    return True


def callback_types(env: simcord.Env, result: InteractionResult) -> list[int]:
    """The interaction-callback types the bot sent for one interaction, in order
    (4 = message, 5 = deferred 'thinking', 6 = deferred update, 7 = update)."""
    iid = str(result._interaction.id)
    return [
        r.json["type"]
        for r in env.http_requests
        if r.path.startswith(f"/interactions/{iid}/") and r.path.endswith("/callback")
    ]


def embed_text(embeds: list[discord.Embed]) -> str:
    parts = []
    for e in embeds:
        parts += [e.title or "", e.description or "", e.footer.text or ""]
        parts += [f"{f.name}\n{f.value}" for f in e.fields]
    return "\n".join(parts)


# ----------------------------------------------------------------------------- issue 15 helpers
def bot_messages(env: simcord.Env, bot_id: int) -> list[Any]:
    """Every stored message the bot wrote (channels, threads, DMs), oldest first."""
    out = []
    for channel_messages in env.backend.messages.values():
        out += [m for m in channel_messages.values() if m.author_id == bot_id]
    return sorted(out, key=lambda m: m.id)


def empty_bot_threads(env: simcord.Env, bot_id: int) -> list[Any]:
    """Threads the bot opened that still exist and hold no message: what must never be left."""
    return [
        c
        for c in env.backend.channels.values()
        if c.is_thread and c.owner_id == bot_id and not env.backend.messages.get(c.id)
    ]


def dm_messages(env: simcord.Env, user: simcord.MemberActor, bot_id: int) -> list[Any]:
    """What the bot wrote in its DM with ``user``."""
    channel_id = env.backend.dm_channels.get(user.id)
    if channel_id is None:
        return []
    return [
        m
        for m in sorted(env.backend.messages.get(channel_id, {}).values(), key=lambda m: m.id)
        if m.author_id == bot_id
    ]


async def redeliver(env: simcord.Env, message: Any) -> None:
    """Deliver the MESSAGE_CREATE of an existing message again (a duplicated gateway event)."""
    stored = env.backend.get_message(message.channel.id, message.id)
    env.backend.announce_message_create(stored)
    env._mark_mutation()
    await env.settle()


async def forum_with_tags(world: World, name: str, tags: list[str]) -> simcord.ChannelHandle:
    """A forum channel with these tags (created the way a moderator would, through the API)."""
    forum = world.guild.create_forum_channel(name)
    await world.env.settle()
    if tags:
        channel = world.bot.get_channel(forum.id)
        await channel.edit(available_tags=[discord.ForumTag(name=t) for t in tags])  # type: ignore[union-attr]
        await world.env.settle()
    return forum


async def forum_post(
    world: World,
    forum: simcord.ChannelHandle,
    author: simcord.MemberActor,
    title: str,
    *,
    tags: tuple[str, ...] = (),
    body: str = "Details in the post.",
) -> simcord.ChannelHandle:
    """A member opens a post (a thread plus its first message) in ``forum``, as Discord delivers it:
    THREAD_CREATE, then MESSAGE_CREATE (whose text kenri cannot read without the intent)."""
    backend = world.env.backend
    stored = backend.get_channel(forum.id)
    tag_ids = [int(t["id"]) for t in stored.available_tags if t["name"] in tags]
    thread = backend.create_thread(forum.id, title, author.id, applied_tags=tag_ids, broadcast=False)
    backend.announce_thread_create(thread)
    backend.create_message(thread.id, author.id, body)
    world.env._mark_mutation()
    await world.env.settle()
    return simcord.ChannelHandle(world.env, world.guild, thread)
