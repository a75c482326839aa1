"""A per-user sliding-window cooldown for questions (pure; the clock is injectable)."""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable


class Cooldown:
    """Allow ``rate`` questions per ``per`` seconds per key; ``per == 0`` disables the limit.

    The default clock is looked up at call time (``time.monotonic()``), so a test harness that
    virtualises the monotonic clock can move time forward.
    """

    def __init__(self, rate: int, per: float, clock: Callable[[], float] | None = None) -> None:
        if rate < 1:
            raise ValueError("rate must be at least 1")
        self.rate = rate
        self.per = per
        self._clock = clock
        self._hits: dict[int, deque[float]] = {}

    def _now(self) -> float:
        return self._clock() if self._clock is not None else time.monotonic()

    def retry_after(self, key: int) -> float:
        """Seconds until ``key`` may ask again (0 when it may ask now). Records nothing."""
        if self.per <= 0:
            return 0.0
        now = self._now()
        hits = self._hits.get(key)
        if not hits:
            return 0.0
        while hits and hits[0] <= now - self.per:
            hits.popleft()
        if not hits:
            del self._hits[key]
            return 0.0
        if len(hits) < self.rate:
            return 0.0
        return max(0.0, hits[0] + self.per - now)

    def hit(self, key: int) -> float:
        """Record a question by ``key`` if allowed. Returns 0 when recorded, else the wait in seconds."""
        wait = self.retry_after(key)
        if wait > 0 or self.per <= 0:
            return wait
        self._hits.setdefault(key, deque()).append(self._now())
        if len(self._hits) > 10_000:  # forget idle users now and then
            now = self._now()
            for k in [k for k, h in self._hits.items() if not h or h[-1] <= now - self.per]:
                del self._hits[k]
        return 0.0

    def refund(self, key: int) -> None:
        """Give back the last question recorded for ``key`` (it failed: it should not count)."""
        hits = self._hits.get(key)
        if hits:
            hits.pop()
            if not hits:
                del self._hits[key]
