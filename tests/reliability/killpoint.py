"""``python -m tests.reliability.killpoint PHASE [ingest.py options]``: run ``ingest.py`` and SIGKILL
it at a named point of publishing.

Timed kills (:mod:`.crash`) land wherever the clock says, mostly in imports and embedding, which
are long; the moments that decide whether publishing is crash-safe are a few milliseconds wide.
This wrapper patches the engine from outside (the engine itself has no test hooks) and kills the
process with SIGKILL, like ``kill -9`` or the OOM killer, exactly there.
"""

from __future__ import annotations

import os
import signal
import sys
from collections.abc import Callable
from typing import Any

PHASES = (
    "before-dense-write",  # passages embedded, nothing of the new version written yet
    "after-dense-write",  # Chroma written into versions/*.partial; keyword index and manifest not
    "verify",  # the whole build written, verification started
    "after-finalize",  # the build renamed to its final name: complete, verified, not published
    "during-cleanup",  # published; removing old versions
    "between-pointer-writes",  # CURRENT switched, HISTORY not yet updated (last: the final ingest
    #                            and --rollback after it show whether HISTORY was left consistent)
)


def _die() -> None:
    sys.stdout.flush()
    sys.stderr.flush()
    os.kill(os.getpid(), signal.SIGKILL)


def _before(fn: Callable[..., Any]) -> Callable[..., Any]:
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        _die()
        return fn(*args, **kwargs)  # pragma: no cover - never reached

    return wrapper


def _after(fn: Callable[..., Any]) -> Callable[..., Any]:
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        fn(*args, **kwargs)
        _die()

    return wrapper


def arm(phase: str) -> None:
    """Patch the engine so that the process kills itself at ``phase``."""
    from bot.engine import ingest, store

    if phase == "before-dense-write":
        ingest.write_chroma = _before(ingest.write_chroma)
    elif phase == "after-dense-write":
        ingest.write_chroma = _after(ingest.write_chroma)
    elif phase == "verify":
        ingest.verify = _before(ingest.verify)
    elif phase == "after-finalize":
        store.IndexVersions.finalize = _after(store.IndexVersions.finalize)  # type: ignore[method-assign]
    elif phase == "between-pointer-writes":
        original_publish = store.IndexVersions.publish
        original_write = store.atomic_write
        state = {"publishing": False}

        def publish(self: Any, version: str) -> None:
            state["publishing"] = True
            original_publish(self, version)

        def atomic_write(path: Any, data: str) -> None:
            original_write(path, data)
            if state["publishing"]:
                _die()

        store.IndexVersions.publish = publish  # type: ignore[method-assign]
        store.atomic_write = atomic_write
    elif phase == "during-cleanup":
        original_cleanup = store.IndexVersions.cleanup
        calls = {"n": 0}

        def cleanup(self: Any, keep: int) -> list[str]:
            calls["n"] += 1
            if calls["n"] >= 2:  # the first runs before the build, the second after publishing
                _die()
            return original_cleanup(self, keep)

        store.IndexVersions.cleanup = cleanup  # type: ignore[method-assign]
    else:
        raise SystemExit(f"unknown phase {phase!r}; one of {', '.join(PHASES)}")


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv:
        print(
            f"usage: python -m tests.reliability.killpoint PHASE [ingest options]; PHASE: {', '.join(PHASES)}",
            file=sys.stderr,
        )
        return 2
    arm(argv[0])
    from bot.cli.ingest import main as ingest_main

    return ingest_main(argv[1:])


if __name__ == "__main__":
    sys.exit(main())
