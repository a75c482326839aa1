"""The Discord SQLite file is owner-only and does not hold the key its user hashes are made with:
a copy of the database alone cannot be matched against a guild's member list."""

from __future__ import annotations

import sqlite3
import stat
from pathlib import Path

import pytest

from bot.discord_app.storage import BotDatabase, StorageError


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def _bytes_on_disk(db: Path) -> bytes:
    return b"".join(p.read_bytes() for p in db.parent.glob(db.name + "*") if not p.name.endswith(".key"))


def _record(store: BotDatabase, user: int) -> None:
    store.record_question(
        user_id=user,
        guild_id=1,
        channel_id=2,
        via="slash",
        question="q",
        answer={"answer": "a"},
        answered=True,
        citations=0,
        language="en",
    )


def test_database_wal_and_key_file_are_owner_only(tmp_path: Path) -> None:
    db = tmp_path / "kenri.sqlite3"
    store = BotDatabase.open(db)
    _record(store, 42)
    files = [db, Path(f"{db}-wal"), tmp_path / "kenri.sqlite3.key"]
    try:
        for f in files:
            assert f.exists(), f
            assert _mode(f) == 0o600, f"{f.name} is {oct(_mode(f))}"
    finally:
        store.close()


def test_the_hash_key_is_not_in_the_database(tmp_path: Path) -> None:
    db = tmp_path / "kenri.sqlite3"
    store = BotDatabase.open(db)
    _record(store, 42)
    user_hash = store.hash_user(42)
    store.close()
    key = (tmp_path / "kenri.sqlite3.key").read_text().strip()
    assert key.encode() not in _bytes_on_disk(db)
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT value FROM meta WHERE key = 'user_hash_key'").fetchone() is None
    again = BotDatabase.open(db)
    try:
        assert again.hash_user(42) == user_hash  # stable across restarts: one vote per user still works
    finally:
        again.close()


def test_a_key_left_in_the_database_by_an_older_kenri_is_moved_out(tmp_path: Path) -> None:
    db = tmp_path / "kenri.sqlite3"
    legacy = "ab" * 32
    store = BotDatabase.open(db)
    _record(store, 7)
    store.close()
    (tmp_path / "kenri.sqlite3.key").unlink()
    with sqlite3.connect(db) as conn:  # as an older kenri left it, 0644
        conn.execute("INSERT INTO meta (key, value) VALUES ('user_hash_key', ?)", (legacy,))
    db.chmod(0o644)
    store = BotDatabase.open(db)
    try:
        assert (tmp_path / "kenri.sqlite3.key").read_text().strip() == legacy
        assert _mode(db) == 0o600 and _mode(tmp_path / "kenri.sqlite3.key") == 0o600
        import hashlib
        import hmac

        assert store.hash_user(7) == hmac.new(bytes.fromhex(legacy), b"7", hashlib.sha256).hexdigest()[:32]
    finally:
        store.close()
    assert legacy.encode() not in _bytes_on_disk(db)


def test_a_missing_key_file_is_a_clear_error(tmp_path: Path) -> None:
    db = tmp_path / "kenri.sqlite3"
    store = BotDatabase.open(db)
    _record(store, 1)
    store.close()
    (tmp_path / "kenri.sqlite3.key").unlink()
    with pytest.raises(StorageError, match=r"kenri\.sqlite3\.key: the user-hash key file .* is missing.*restore it"):
        BotDatabase.open(db)


def test_a_configured_key_is_used_and_no_key_file_written(tmp_path: Path) -> None:
    db = tmp_path / "kenri.sqlite3"
    store = BotDatabase.open(db, hash_key="a-secret-from-the-secret-store")
    try:
        assert not (tmp_path / "kenri.sqlite3.key").exists()
        assert store.hash_user(1) != BotDatabase.open(":memory:").hash_user(1)
    finally:
        store.close()
