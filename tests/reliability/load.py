"""Load: many concurrent ``/ask`` through a simulated Discord, measuring event-loop lag.

The real bot (real discord.py, real cogs, real SQLite store) runs under simcord's modelled
Discord; only the engine is a stand-in that spends ``engine_ms`` per question in its worker
thread, as the real one does (``asyncio.to_thread``). A ticker task on the same event loop
sleeps 10 ms at a time and records how late it wakes up: that lateness is how long the loop was
blocked, i.e. how long the gateway heartbeat and every other interaction would have waited.

Wall-clock times are measured with ``time.perf_counter`` (simcord's own clock is virtual):
from the moment an interaction is delivered to the moment its defer callback is acknowledged.

Needs simcord (``pip install -e ".[test]"``).
"""

from __future__ import annotations

import asyncio
import gc
import statistics
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

TICK_S = 0.01
SLASH = 1  # application command type CHAT_INPUT
APPLICATION_COMMAND = 2  # interaction type
DEFERRED = 5  # interaction callback: deferred channel message ("thinking")


@dataclass
class LoadResult:
    questions: int
    engine_ms: float
    answered: int = 0
    deferred: int = 0
    errors: list[str] = field(default_factory=list)
    defer_latencies_ms: list[float] = field(default_factory=list)  # delivery -> defer acknowledged
    answer_latencies_ms: list[float] = field(default_factory=list)  # delivery -> answer sent
    lags_ms: list[float] = field(default_factory=list)  # event-loop lateness per tick
    spacing_ms: float = 0.0  # delivery interval between interactions
    peak_in_flight: int = 0  # most questions deferred and not yet answered at one moment
    pings_possible: int = 0  # message requests whose allowed_mentions would let something ping
    messages_checked: int = 0
    wall_s: float = 0.0

    @property
    def worst_lag_ms(self) -> float:
        return max(self.lags_ms, default=0.0)

    @property
    def p99_lag_ms(self) -> float:
        if not self.lags_ms:
            return 0.0
        ordered = sorted(self.lags_ms)
        return ordered[min(len(ordered) - 1, int(0.99 * len(ordered)))]

    @property
    def worst_defer_ms(self) -> float:
        return max(self.defer_latencies_ms, default=float("inf"))

    @property
    def lost(self) -> int:
        return self.questions - self.answered

    def summary(self) -> dict[str, Any]:
        return {
            "questions": self.questions,
            "peak_in_flight": self.peak_in_flight,
            "delivery_spacing_ms": self.spacing_ms,
            "answered": self.answered,
            "deferred": self.deferred,
            "errors": len(self.errors),
            "worst_loop_lag_ms": round(self.worst_lag_ms, 1),
            "p99_loop_lag_ms": round(self.p99_lag_ms, 1),
            "worst_defer_ms": round(self.worst_defer_ms, 1),
            "median_answer_ms": round(statistics.median(self.answer_latencies_ms), 1)
            if self.answer_latencies_ms
            else None,
            "ticks": len(self.lags_ms),
            "messages_checked": self.messages_checked,
            "pings_possible": self.pings_possible,
            "wall_s": round(self.wall_s, 2),
        }


class SlowFakeEngine:
    """The engine's public surface; each answer costs ``engine_ms`` of worker-thread time
    (half sleeping, half computing, like an encoder call that releases the GIL part of the time)."""

    def __init__(self, engine_ms: float = 20.0) -> None:
        from bot.engine.embeddings import HashingEmbeddings

        self.embeddings = HashingEmbeddings()
        self.version = "v-load-1"
        self.engine_ms = engine_ms
        self.calls = 0
        self.late = 0
        # Called before answering; blocks until it may proceed (used to hold every answer until
        # all interactions are deferred, so all of them are in flight at once). Returns False on timeout.
        self.gate: Any = None
        self._lock = threading.Lock()

    def answer(self, question: str, jurisdiction: str | None = None, *, default_jurisdiction: str | None = None) -> Any:
        from bot.engine.models import Answer, Citation

        if self.gate is not None and not self.gate():
            self.late += 1  # a question was answered before every interaction had been deferred
        half = self.engine_ms / 2000
        time.sleep(half)
        end = time.perf_counter() + half
        while time.perf_counter() < end:  # some CPU work, holding the GIL in short slices
            sum(range(200))
        with self._lock:
            self.calls += 1
        c = Citation(
            n=1,
            source_id="openai-crawlers",
            title="Overview of OpenAI Crawlers",
            publisher="OpenAI",
            url="https://developers.openai.com/api/docs/bots",
            jurisdiction="INTL",
            verified="2026-11-25",
            quote="User-agent: GPTBot\nDisallow: /",
            heading="GPTBot",
            chunk_id="chunk-1",
        )
        return Answer(
            question=question,
            answered=True,
            language="en",
            text="Disallow GPTBot in robots.txt. [1]\n\nGeneral information, not legal advice.",
            citations=[c],
            retrieved_ids=("chunk-1",),
            elapsed_ms=self.engine_ms,
        )

    def sources(self, jurisdiction: str | None = None) -> list[Any]:
        return []

    def about(self) -> dict[str, Any]:
        return {
            "version": self.version,
            "created": "2026-11-25T00:00:00+00:00",
            "embedding": "hashing",
            "documents": 0,
            "documents_ja": 0,
            "chunks": 0,
            "by_jurisdiction": {},
        }

    def reload(self) -> tuple[str, str]:
        return self.version, self.version


async def _ticker(lags: list[float], stop: asyncio.Event) -> None:
    while not stop.is_set():
        start = time.perf_counter()
        await asyncio.sleep(TICK_S)
        lags.append(max(0.0, (time.perf_counter() - start - TICK_S) * 1000))


def _allowed_mentions_ok(body: dict[str, Any]) -> bool:
    allowed = body.get("allowed_mentions")
    return (
        isinstance(allowed, dict)
        and allowed.get("parse") == []
        and not allowed.get("users")
        and not allowed.get("roles")
        and not allowed.get("replied_user")
    )


def message_requests(env: Any) -> list[dict[str, Any]]:
    """Bodies of every recorded request that carries message content, embeds or components."""
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
            out.append(body)
    return out


async def run_load(
    questions: int = 200,
    engine_ms: float = 20.0,
    workdir: Path | None = None,
    settle_timeout: float = 120.0,
    spacing_ms: float = 2.0,
    hold: bool = True,
    freeze: bool = True,
    engine_threads: int | None = None,
) -> LoadResult:
    """Deliver ``questions`` /ask interactions to the real bot under simcord, ``spacing_ms`` apart.

    With ``hold`` the engine answers nothing until every interaction has been deferred, so all
    ``questions`` are in flight at once (and a defer can never have waited for the engine)."""
    import discord
    import simcord
    from simcord import actors as sim_actors
    from simcord import interactions as sim_interactions
    from simcord.results import InteractionResult

    from bot.discord_app.client import Bot, sync_commands
    from bot.discord_app.formatting import check_embeds
    from bot.discord_app.storage import BotDatabase
    from bot.settings import BotSettings

    result = LoadResult(questions=questions, engine_ms=engine_ms, spacing_ms=spacing_ms)
    in_flight = 0
    tmp = None
    if workdir is None:
        tmp = tempfile.TemporaryDirectory(prefix="kenri-load-")
        workdir = Path(tmp.name)
    settings = BotSettings(
        _env_file=None,  # type: ignore[call-arg]
        index_dir=workdir / "index",
        database_path=workdir / "load.sqlite3",
        cooldown_seconds=0,
        answer_timeout_seconds=120,
        engine_threads=engine_threads,
    )
    store = BotDatabase.open(settings.database_path)
    engine = SlowFakeEngine(engine_ms)
    bot = Bot(engine=engine, settings=settings, store=store)  # type: ignore[arg-type]

    delivered: dict[int, float] = {}
    deferred_at: dict[int, float] = {}
    all_deferred = threading.Event()
    answered_at: list[float] = []
    original_defer = discord.InteractionResponse.defer
    original_send = discord.Webhook.send

    async def timed_defer(self: Any, *args: Any, **kwargs: Any) -> Any:
        nonlocal in_flight
        out = await original_defer(self, *args, **kwargs)
        deferred_at[int(self._parent.id)] = time.perf_counter()
        in_flight += 1
        result.peak_in_flight = max(result.peak_in_flight, in_flight)
        if len(deferred_at) >= questions:
            all_deferred.set()
        return out

    async def timed_send(self: Any, *args: Any, **kwargs: Any) -> Any:
        nonlocal in_flight
        out = await original_send(self, *args, **kwargs)
        answered_at.append(time.perf_counter())
        in_flight -= 1
        return out

    env = simcord.Env(bot, settle_timeout=settle_timeout)
    frozen = False
    discord.InteractionResponse.defer = timed_defer  # type: ignore[method-assign]
    discord.Webhook.send = timed_send  # type: ignore[method-assign]
    try:
        await env.start()
        guild = env.create_guild("Load test")
        channel = guild.create_text_channel("general")
        users = [guild.add_member(env.create_user(f"user{i}")) for i in range(questions)]
        await sync_commands(env.bot)  # type: ignore[arg-type]
        # One question first, unmeasured: first-use imports and caches are a one-off at start-up.
        warm = guild.add_member(env.create_user("warm-up"))
        await warm.slash(channel, "ask", question="How do I block GPTBot?")
        deferred_at.clear()
        answered_at.clear()
        in_flight = 0
        if freeze:  # as bot.discord_app.runner does once the engine is loaded
            gc.collect()
            gc.freeze()
            frozen = True
        all_deferred = threading.Event()
        if hold:
            engine.gate = lambda: all_deferred.wait(timeout=30)
        stop = asyncio.Event()
        ticker = asyncio.create_task(_ticker(result.lags_ms, stop))
        await asyncio.sleep(TICK_S * 3)  # a few idle ticks first
        t0 = time.perf_counter()
        records = []
        for i, actor in enumerate(users):
            root = sim_actors._resolve_visible_command(actor, channel.id, "ask", SLASH)
            leaf, nesting = sim_interactions.walk_to_subcommand(root, [])
            options = {"question": f"How do I stop GPTBot training on my art? (#{i})"}
            leaf_options, _resolved = sim_interactions.build_options(actor, "ask", leaf, options, channel_id=channel.id)
            data = {
                "id": root["id"],
                "name": root["name"],
                "type": SLASH,
                "options": sim_interactions.nest_options(root, nesting, leaf_options),
            }
            record, payload = sim_interactions.base_payload(
                env.backend,
                type=APPLICATION_COMMAND,
                channel_id=channel.id,
                guild_id=guild.id,
                user_id=actor.id,
                data=data,
            )
            delivered[int(record.id)] = time.perf_counter()
            env.backend.emit("INTERACTION_CREATE", payload)
            records.append(record)
            # The gateway delivers events one by one; all of them are in flight together
            # (answering one takes far longer than the delivery of all: see peak_in_flight).
            await asyncio.sleep(spacing_ms / 1000)
        # Wait for the answers without simcord's settle(): its bookkeeping scans every pending
        # task on each step (simulator cost, quadratic in the number in flight), which would be
        # measured as loop lag although a real Discord imposes nothing like it on the bot.
        deadline = time.perf_counter() + settle_timeout
        while len(answered_at) < questions and time.perf_counter() < deadline:
            await asyncio.sleep(TICK_S)
        result.wall_s = time.perf_counter() - t0
        stop.set()
        await ticker
        await env.settle(timeout=settle_timeout)  # the last database writes, unmeasured
        for record in records:
            r = InteractionResult(env, record)
            iid = int(record.id)
            types = [
                q.json["type"]
                for q in env.http_requests
                if q.path.startswith(f"/interactions/{iid}/") and q.path.endswith("/callback")
            ]
            if types == [DEFERRED] and iid in deferred_at:
                result.deferred += 1
                result.defer_latencies_ms.append((deferred_at[iid] - delivered[iid]) * 1000)
            msg = r.response
            if msg is not None and msg.embeds:
                try:
                    check_embeds(msg.embeds)
                except ValueError as exc:
                    result.errors.append(f"interaction {iid}: {exc}")
                    continue
                result.answered += 1
            else:
                result.errors.append(f"interaction {iid}: no answer (callbacks {types})")
        ends = sorted(answered_at)
        result.answer_latencies_ms = [(t - t0) * 1000 for t in ends]
        bodies = message_requests(env)
        result.messages_checked = len(bodies)
        result.pings_possible = sum(1 for b in bodies if not _allowed_mentions_ok(b))
        result.errors += [repr(e)[:300] for e in env.errors]
        if engine.late:
            result.errors.append(f"{engine.late} question(s) reached the engine before all were deferred")
    finally:
        if frozen:
            gc.unfreeze()
        discord.InteractionResponse.defer = original_defer  # type: ignore[method-assign]
        discord.Webhook.send = original_send  # type: ignore[method-assign]
        if env._started:
            await env.shutdown()
        store.close()
        if tmp is not None:
            tmp.cleanup()
    return result


def run_load_sync(
    questions: int = 200,
    engine_ms: float = 20.0,
    workdir: Path | None = None,
    spacing_ms: float = 2.0,
    hold: bool = True,
    freeze: bool = True,
    engine_threads: int | None = None,
) -> LoadResult:
    return asyncio.run(
        run_load(
            questions,
            engine_ms,
            workdir,
            spacing_ms=spacing_ms,
            hold=hold,
            freeze=freeze,
            engine_threads=engine_threads,
        )
    )
