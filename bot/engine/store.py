"""The on-disk layout of index versions, and atomic publishing.

::

    <index_dir>/
      CURRENT                 name of the published version (replaced atomically)
      HISTORY.json            versions published so far, oldest first (for --rollback)
      .ingest.lock            held by the one ingest allowed at a time
      versions/
        <name>/               a complete, verified version: manifest.json, chunks.jsonl,
                              chroma/ (dense index), bm25/ (keyword index)
        <name>.partial/       a build in progress, or one that failed or was killed

A build is written under ``*.partial``, verified by reopening it, renamed, and only then named
in ``CURRENT``. Readers only ever open what ``CURRENT`` names, so a failed or killed ingest
never changes what the bot answers from.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import fcntl
import json
import os
import secrets
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from bot.errors import IndexDamagedError, IndexMissingError, IngestLockedError, KenriError

FORMAT = 4  # 2: section keys (section, kind, audience); 3: question keys keep their text; 4: crawler_tokens
PARTIAL = ".partial"
HISTORY_KEEP = 50  # versions named in HISTORY.json at most (only those still on disk are kept)
FIX = "run `python ingest.py --rebuild`, or `python ingest.py --rollback` to publish the previous version"


def valid_version_name(name: str) -> bool:
    """A plain folder name under ``versions/``: no separators, no leading dot, not partial."""
    return (
        bool(name)
        and "/" not in name
        and "\\" not in name
        and not name.startswith(".")
        and not name.endswith(PARTIAL)
        and name.isprintable()
        and len(name) <= 200
    )


def atomic_write(path: Path, data: str) -> None:
    """Write ``data`` to ``path`` so readers see the old or the new content, never a mix."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")
    with open(tmp, "w", encoding="utf-8") as fh:
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)
    fsync_dir(path.parent)


def fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


class IndexVersions:
    """Versions of the index under one directory."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.versions_dir = root / "versions"
        self.current_file = root / "CURRENT"
        self.history_file = root / "HISTORY.json"
        self.lock_file = root / ".ingest.lock"

    # ------------------------------------------------------------------ reading
    def current(self) -> str | None:
        try:
            name = self.current_file.read_text(encoding="utf-8").strip()
        except FileNotFoundError:
            return None
        return name or None

    def require_current(self) -> str:
        try:
            name = self.current()
        except (UnicodeDecodeError, OSError) as exc:
            raise IndexDamagedError(f"{self.current_file} cannot be read ({exc}); {FIX}") from None
        if name is None:
            raise IndexMissingError(f"no published index in {self.root}; run `python ingest.py` first")
        if not valid_version_name(name):
            raise IndexDamagedError(f"{self.current_file} is damaged: {name[:60]!r} is not a version name; {FIX}")
        if not (self.versions_dir / name / "manifest.json").exists():
            raise IndexMissingError(f"{self.current_file} names version {name!r}, which is missing; {FIX}")
        return name

    def path(self, version: str) -> Path:
        return self.versions_dir / version

    def manifest(self, version: str) -> dict[str, Any]:
        """The version's manifest. Raises IndexDamagedError naming the file if it is unreadable."""
        file = self.path(version) / "manifest.json"
        try:
            data = json.loads(file.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise IndexDamagedError(f"index file {file} is damaged: it is missing; {FIX}") from None
        except (ValueError, OSError) as exc:  # JSONDecodeError and UnicodeDecodeError are ValueErrors
            raise IndexDamagedError(f"index file {file} is damaged: not readable JSON ({exc}); {FIX}") from None
        if not isinstance(data, dict):
            raise IndexDamagedError(f"index file {file} is damaged: not a JSON object; {FIX}")
        return data

    def history(self) -> list[str]:
        """Versions published so far, oldest first; [] when HISTORY.json is missing or damaged."""
        try:
            data = json.loads(self.history_file.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return []
        if not isinstance(data, list):
            return []
        return [v for v in data if isinstance(v, str) and valid_version_name(v)]

    def complete_versions(self) -> list[str]:
        if not self.versions_dir.is_dir():
            return []
        return sorted(
            p.name
            for p in self.versions_dir.iterdir()
            if p.is_dir() and valid_version_name(p.name) and (p / "manifest.json").exists()
        )

    # ------------------------------------------------------------------ writing
    @contextlib.contextmanager
    def lock(self) -> Iterator[None]:
        """Hold the ingest lock; a second ingest on the same index fails at once."""
        self.root.mkdir(parents=True, exist_ok=True)
        fh = open(self.lock_file, "a+")  # noqa: SIM115 - held for the whole block
        try:
            try:
                fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError as exc:
                raise IngestLockedError(f"another ingest is running on {self.root} (lock {self.lock_file})") from exc
            yield
        finally:
            fh.close()

    def new_build_dir(self) -> Path:
        stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%S")
        path = self.versions_dir / f"v{stamp}-{secrets.token_hex(3)}{PARTIAL}"
        path.mkdir(parents=True)
        return path

    def finalize(self, build_dir: Path) -> str:
        """Rename a verified build to its final name (atomic) and return that name."""
        assert build_dir.name.endswith(PARTIAL)
        final = build_dir.with_name(build_dir.name[: -len(PARTIAL)])
        os.replace(build_dir, final)
        fsync_dir(self.versions_dir)
        return final.name

    def publish(self, version: str) -> None:
        if not (self.path(version) / "manifest.json").exists():
            raise KenriError(f"cannot publish {version!r}: it has no manifest")
        previous = self.current()
        history = [v for v in self.history() if v != version and (self.path(v) / "manifest.json").exists()]
        if (
            previous
            and previous != version
            and previous not in history
            and valid_version_name(previous)
            and (self.path(previous) / "manifest.json").exists()
        ):
            history.append(previous)  # published by a run killed before it recorded history
        history = history[-(HISTORY_KEEP - 1) :]
        # CURRENT first: a kill between the two writes must never leave in HISTORY a version that
        # was not published (``--rollback`` would then go "back" to it); the next publish repairs
        # a HISTORY that lacks the current version (above).
        atomic_write(self.current_file, version + "\n")
        atomic_write(self.history_file, json.dumps([*history, version], indent=1))

    def rollback(self, verify: Callable[[str], None] | None = None) -> str:
        """Publish again the newest intact version older than the current one.

        Candidates come from HISTORY.json; when it is missing or damaged (or lists none), from
        the complete versions on disk, ordered by when they were built. ``verify(version)`` must
        raise for a damaged version (see :func:`bot.engine.index.verify_version`); damaged ones
        are skipped. Raises KenriError, naming each skipped version and why, if none is left.
        """
        on_disk = self.complete_versions()
        try:
            current = self.current()
        except (UnicodeDecodeError, OSError):
            current = None
        if current not in on_disk:  # CURRENT damaged, or its version is: any intact one will do
            current = None
        history = [v for v in self.history() if v in on_disk]
        if current is not None and current in history:
            older = history[: history.index(current)]
        elif history:
            older = [v for v in history if v != current]
        else:  # HISTORY.json missing or damaged: the versions on disk, oldest built first
            older = self._built_before(on_disk, current)
        if not older:  # HISTORY.json names nothing older that is still on disk
            older = self._built_before(on_disk, current)
        skipped: list[str] = []
        target = None
        for v in reversed(older):
            if verify is not None:
                try:
                    verify(v)
                except KenriError as exc:
                    skipped.append(f"{v}: {exc}")
                    continue
            target = v
            break
        if target is None:
            folders = list(self.versions_dir.iterdir()) if self.versions_dir.is_dir() else []
            incomplete = sorted(
                p.name for p in folders if p.is_dir() and valid_version_name(p.name) and p.name not in on_disk
            )
            skipped += [f"{v}: its manifest.json is missing" for v in incomplete]
            why = "".join(f"\n  skipped {s}" for s in skipped)
            raise KenriError(
                f"nothing to roll back to in {self.root}: no earlier intact version is kept{why}\n"
                "build a fresh one with `python ingest.py --rebuild`"
            )
        # Drop the current version (and anything newer) so a second rollback goes further back.
        kept = [v for v in (history or on_disk) if v in on_disk and v != current]
        kept = kept[: kept.index(target) + 1] if target in kept else [*kept, target]
        atomic_write(self.history_file, json.dumps(kept[-HISTORY_KEEP:], indent=1))
        atomic_write(self.current_file, target + "\n")
        return target

    def _built_before(self, versions: list[str], current: str | None) -> list[str]:
        """``versions`` built before ``current`` (all of them if None), oldest first: by when the
        manifest was written, then by name (names start with the build time, to the second)."""

        def built(v: str) -> tuple[int, str]:
            try:
                return (self.path(v) / "manifest.json").stat().st_mtime_ns, v
            except OSError:
                return 0, v

        ordered = sorted(versions, key=built)
        if current is None:
            return ordered
        return [v for v in ordered if built(v) < built(current)]

    def cleanup(self, keep: int) -> list[str]:
        """Remove failed builds and all but the newest ``keep`` published versions.

        Call only while holding the lock. The current version is never removed.
        """
        removed: list[str] = []
        for tmp in self.root.glob(".*.tmp"):  # left by an atomic_write that was killed
            tmp.unlink(missing_ok=True)
        if not self.versions_dir.is_dir():
            return removed
        current = self.current()
        for p in self.versions_dir.iterdir():
            if p.name.endswith(PARTIAL) or (p.is_dir() and not (p / "manifest.json").exists()):
                shutil.rmtree(p, ignore_errors=True)
                removed.append(p.name)
        history = [v for v in self.history() if (self.path(v) / "manifest.json").exists()]
        keep_set = set(history[-keep:]) | ({current} if current else set())
        for name in self.complete_versions():
            if name not in keep_set:
                shutil.rmtree(self.path(name), ignore_errors=True)
                removed.append(name)
        if removed and self.history_file.exists():  # trim: HISTORY.json names only versions on disk
            trimmed = [v for v in self.history() if (self.path(v) / "manifest.json").exists()]
            atomic_write(self.history_file, json.dumps(trimmed[-HISTORY_KEEP:], indent=1))
        return removed
