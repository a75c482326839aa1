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
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from .errors import EngineError, IndexMissingError, IngestLockedError

FORMAT = 3  # 2: section keys (section, kind, audience); 3: question keys keep their text
PARTIAL = ".partial"


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


class IndexStore:
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
        name = self.current()
        if name is None:
            raise IndexMissingError(f"no published index in {self.root}; run `python ingest.py` first")
        if not (self.versions_dir / name / "manifest.json").exists():
            raise IndexMissingError(f"{self.current_file} names version {name!r}, which is missing; run `python ingest.py`")
        return name

    def path(self, version: str) -> Path:
        return self.versions_dir / version

    def manifest(self, version: str) -> dict[str, Any]:
        return json.loads((self.path(version) / "manifest.json").read_text(encoding="utf-8"))

    def history(self) -> list[str]:
        try:
            data = json.loads(self.history_file.read_text(encoding="utf-8"))
        except (FileNotFoundError, json.JSONDecodeError):
            return []
        return [v for v in data if isinstance(v, str)]

    def complete_versions(self) -> list[str]:
        if not self.versions_dir.is_dir():
            return []
        return sorted(
            p.name for p in self.versions_dir.iterdir()
            if p.is_dir() and not p.name.endswith(PARTIAL) and (p / "manifest.json").exists()
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
            raise EngineError(f"cannot publish {version!r}: it has no manifest")
        previous = self.current()
        history = [v for v in self.history() if v != version]
        if previous and previous != version and previous not in history:
            history.append(previous)  # published by a run killed before it recorded history
        # CURRENT first: a kill between the two writes must never leave in HISTORY a version that
        # was not published (``--rollback`` would then go "back" to it); the next publish repairs
        # a HISTORY that lacks the current version (above).
        atomic_write(self.current_file, version + "\n")
        atomic_write(self.history_file, json.dumps([*history, version], indent=1))

    def rollback(self) -> str:
        """Publish the newest complete version older than the current one."""
        current = self.current()
        candidates = [v for v in self.history() if v != current and (self.path(v) / "manifest.json").exists()]
        if current in self.history():
            older = self.history()[: self.history().index(current)]
            candidates = [v for v in older if (self.path(v) / "manifest.json").exists()]
        if not candidates:
            raise EngineError(f"nothing to roll back to in {self.root}: no earlier complete version is kept")
        target = candidates[-1]
        # Drop the current version from history so a second rollback goes further back.
        history = [v for v in self.history() if v != current]
        atomic_write(self.history_file, json.dumps(history, indent=1))
        atomic_write(self.current_file, target + "\n")
        return target

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
        return removed
