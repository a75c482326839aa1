"""200 concurrent /ask through the simulated Discord (real discord.py, real cogs and store; the
engine is a stand-in costing 20 ms of worker-thread time per question): every interaction is
deferred in time, every question answered, and the event loop never stalls (target < 100 ms)."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from tests.reliability.load import run_load

pytestmark = pytest.mark.asyncio


async def test_two_hundred_concurrent_asks(tmp_path: Path) -> None:
    result = await run_load(200, engine_ms=20, workdir=tmp_path)
    s = result.summary()
    print(
        f"\n200 concurrent /ask: worst event-loop lag {s['worst_loop_lag_ms']} ms "
        f"(p99 {s['p99_loop_lag_ms']} ms over {s['ticks']} ticks), worst defer {s['worst_defer_ms']} ms, "
        f"peak {s['peak_in_flight']} in flight, {s['wall_s']} s"
    )
    assert result.errors == []
    assert result.peak_in_flight == 200  # all 200 were waiting for their answer at once
    assert result.deferred == 200 and result.worst_defer_ms < 3000  # Discord's 3 s deadline, wall clock
    assert result.answered == 200 and result.lost == 0
    assert result.messages_checked >= 200 and result.pings_possible == 0
    assert len(result.lags_ms) > 20  # the ticker ran all along
    assert result.worst_lag_ms < 100, s


async def test_the_bot_answers_on_a_small_thread_pool(tmp_path: Path) -> None:
    """Engine work runs on KENRI_ENGINE_THREADS threads (default 2), not on the default pool of
    cores + 4 threads, whose GIL contention stalled the loop for 400+ ms in the load test."""
    from bot.discord_app.client import Bot
    from bot.discord_app.storage import BotDatabase
    from bot.settings import BotSettings
    from tests.reliability.load import SlowFakeEngine

    loop = asyncio.get_running_loop()
    for threads, expected in ((None, 2), (3, 3)):
        settings = BotSettings(_env_file=None, database_path=tmp_path / f"{threads}.sqlite3", engine_threads=threads)
        store = BotDatabase.open(settings.database_path)
        try:
            bot = Bot(engine=SlowFakeEngine(), settings=settings, store=store)
            await bot.setup_hook()
            executor = loop._default_executor
            assert executor is not None and executor._max_workers == expected
            names = await asyncio.gather(
                *(asyncio.to_thread(lambda: __import__("threading").current_thread().name) for _ in range(4))
            )
            assert all(n.startswith("kenri-engine") for n in names)
            executor.shutdown(wait=True)
        finally:
            store.close()
