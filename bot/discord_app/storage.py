"""SQLite storage for the Discord front end: questions asked, feedback and curated answers.

Standard library only (no Discord import), so ``python -m bot report`` can read it cheaply.

- User ids are never stored: they are replaced by an HMAC-SHA256 with a random key, stable per
  deployment so one vote per user still works. The key is kept outside the database, in a key
  file beside it (``<database>.key``, mode 0600) or passed in by the caller, so a copy of the
  database alone cannot be matched against a guild's member list. A key left in the database by
  an older kenri (``meta.user_hash_key``) is moved to the key file and wiped from the database.
- The database, its WAL files and the key file are created with mode 0600 (owner only).
- The schema is versioned: ``schema_version`` holds the applied version and :data:`MIGRATIONS`
  lists the steps; opening a database applies what is missing, in one transaction per step, and
  refuses a database written by a newer kenri.
- One connection guarded by a lock; every method is short and thread-safe, so callers may run
  them in a worker thread (the bot does, through a single-thread executor) or inline.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import json
import os
import secrets
import sqlite3
import threading
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from bot.errors import KenriError


class StorageError(KenriError):
    """The database cannot be used (for example, it was written by a newer kenri)."""


# Each migration is a list of statements applied in one transaction.
MIGRATIONS: list[tuple[int, list[str]]] = [
    (
        1,
        [
            """CREATE TABLE meta (
            key TEXT PRIMARY KEY,
            value TEXT NOT NULL
        )""",
            """CREATE TABLE questions (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            created TEXT NOT NULL,
            user_hash TEXT NOT NULL,
            guild_id INTEGER,
            channel_id INTEGER,
            message_id INTEGER,
            via TEXT NOT NULL CHECK (via IN ('slash', 'mention')),
            question TEXT NOT NULL,
            context TEXT,
            jurisdiction TEXT,
            language TEXT NOT NULL,
            answered INTEGER NOT NULL,
            citations INTEGER NOT NULL,
            index_version TEXT,
            elapsed_ms REAL,
            answer_json TEXT NOT NULL
        )""",
            "CREATE INDEX questions_guild ON questions (guild_id, created)",
            "CREATE INDEX questions_message ON questions (message_id)",
            """CREATE TABLE feedback (
            question_id INTEGER NOT NULL REFERENCES questions (id) ON DELETE CASCADE,
            user_hash TEXT NOT NULL,
            vote INTEGER NOT NULL CHECK (vote IN (-1, 1)),
            updated TEXT NOT NULL,
            PRIMARY KEY (question_id, user_hash)
        )""",
            """CREATE TABLE curated (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            question_id INTEGER NOT NULL REFERENCES questions (id) ON DELETE CASCADE,
            guild_id INTEGER NOT NULL,
            channel_id INTEGER NOT NULL,
            parent_id INTEGER NOT NULL,
            message_id INTEGER NOT NULL,
            question TEXT NOT NULL,
            embedding TEXT NOT NULL,
            dim INTEGER NOT NULL,
            vector BLOB NOT NULL,
            pinned_by TEXT NOT NULL,
            created TEXT NOT NULL,
            UNIQUE (guild_id, message_id)
        )""",
            """CREATE TABLE threads (
            thread_id INTEGER PRIMARY KEY,
            question_id INTEGER REFERENCES questions (id) ON DELETE SET NULL,
            question TEXT NOT NULL,
            created TEXT NOT NULL
        )""",
        ],
    ),
    # 2: per-server settings (/kenri config), where a question came from beyond slash/mention
    # (dm, reply, thread, forum, context), and meta.instance_id: a random id minted once per
    # database and written into every answer button, so a reset database never serves an old
    # button with a new answer that reused its question id.
    (
        2,
        [
            """CREATE TABLE guild_settings (
            guild_id INTEGER PRIMARY KEY,
            jurisdiction TEXT,
            visibility TEXT NOT NULL DEFAULT 'public' CHECK (visibility IN ('public', 'private')),
            mention_channels TEXT NOT NULL DEFAULT '[]',
            forum_channel_id INTEGER,
            updated TEXT NOT NULL
        )""",
            "ALTER TABLE questions ADD COLUMN origin TEXT",
            "CREATE INDEX curated_channel ON curated (channel_id)",
        ],
    ),
]
SCHEMA_VERSION = MIGRATIONS[-1][0]


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def _since(days: float) -> str:
    return (dt.datetime.now(dt.UTC) - dt.timedelta(days=days)).isoformat(timespec="seconds")


@dataclass(frozen=True)
class QuestionRow:
    id: int
    created: str
    guild_id: int | None
    channel_id: int | None
    message_id: int | None
    via: str
    question: str
    language: str
    answered: bool
    answer: dict[str, Any]  # Answer.to_json()


@dataclass(frozen=True)
class CuratedRow:
    id: int
    question_id: int
    guild_id: int
    channel_id: int  # where the pinned message is (a channel or a thread)
    parent_id: int  # the channel whose readers may see it (a thread's parent)
    message_id: int
    question: str
    vector: np.ndarray

    def jump_url(self) -> str:
        return f"https://discord.com/channels/{self.guild_id}/{self.channel_id}/{self.message_id}"


@dataclass(frozen=True)
class GuildSettings:
    """One server's /kenri config. ``jurisdiction`` None = automatic (JP for a server whose
    Discord language is Japanese, else every jurisdiction); ``mention_channels`` empty = every
    channel; ``forum_channel_id`` None = no forum auto-answer."""

    guild_id: int
    jurisdiction: str | None = None
    visibility: str = "public"
    mention_channels: tuple[int, ...] = ()
    forum_channel_id: int | None = None


PRIVATE_MODE = 0o600


def _make_private(path: Path) -> None:
    """Owner read/write only (a database written by an older kenri was 0644)."""
    try:
        if path.exists() and path.stat().st_mode & 0o077:
            os.chmod(path, PRIVATE_MODE)
    except OSError:  # pragma: no cover - not our file: SQLite reports what matters
        pass


def _write_private(path: Path, text: str) -> None:
    fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, PRIVATE_MODE)
    with os.fdopen(fd, "w", encoding="ascii") as fh:
        fh.write(text)
        fh.flush()
        os.fsync(fh.fileno())


class BotDatabase:
    """The front end's SQLite database. Open once per process with :meth:`open`."""

    def __init__(self, conn: sqlite3.Connection, path: Path | None) -> None:
        self._conn = conn
        self._lock = threading.RLock()
        self.path = path
        self._key = b""
        self.instance_id = ""  # 8 hex digits, random per database (see migration 2)

    # ------------------------------------------------------------------ lifecycle
    @classmethod
    def open(cls, path: Path | str, *, hash_key: str | bytes | None = None) -> BotDatabase:
        """Open (creating or migrating) the database at ``path``; ``":memory:"`` for tests.

        ``hash_key`` is the user-hash secret (e.g. from a secret store); without it the key file
        ``<path>.key`` is used, created (mode 0600) with a new database. Raises StorageError
        naming the key file when an existing database has lost its key.
        """
        memory = str(path) == ":memory:"
        existed = False
        if not memory:
            path = Path(path)
            path.parent.mkdir(parents=True, exist_ok=True)
            existed = path.exists()
            if not existed:  # create it owner-only; SQLite gives its -wal/-shm files the same mode
                os.close(os.open(path, os.O_CREAT | os.O_WRONLY, PRIVATE_MODE))
            _make_private(path)
        conn = sqlite3.connect(str(path), check_same_thread=False, isolation_level=None, timeout=10)
        conn.row_factory = sqlite3.Row
        conn.execute("PRAGMA foreign_keys = ON")
        if not memory:
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = NORMAL")
        store = cls(conn, None if memory else Path(path))
        try:
            store._migrate()
            store._key = store._load_key(hash_key, existed)
        except BaseException:
            conn.close()
            raise
        if not memory:
            for suffix in ("-wal", "-shm"):
                _make_private(Path(f"{path}{suffix}"))
        store.instance_id = store._meta("instance_id")
        return store

    @property
    def key_file(self) -> Path | None:
        """Where the user-hash key is kept when none is passed to :meth:`open`."""
        return None if self.path is None else self.path.with_name(self.path.name + ".key")

    def _load_key(self, hash_key: str | bytes | None, existed: bool) -> bytes:
        with self._lock:
            row = self._conn.execute("SELECT value FROM meta WHERE key = 'user_hash_key'").fetchone()
        legacy = str(row[0]) if row else None
        key_file = self.key_file
        if legacy is not None:  # written by an older kenri: move it out, wipe it from the file
            if key_file is not None and not key_file.exists():
                _write_private(key_file, legacy + "\n")
            with self._lock:
                self._conn.execute("PRAGMA secure_delete = ON")
                self._conn.execute("DELETE FROM meta WHERE key = 'user_hash_key'")
                if key_file is not None:
                    self._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        if hash_key is not None:
            return hash_key.encode() if isinstance(hash_key, str) else bytes(hash_key)
        if key_file is None:
            return bytes.fromhex(legacy) if legacy else secrets.token_bytes(32)
        if key_file.exists():
            _make_private(key_file)
            text = key_file.read_text(encoding="ascii", errors="replace").strip()
            try:
                key = bytes.fromhex(text)
            except ValueError:
                key = b""
            if len(key) < 16:
                raise StorageError(
                    f"{key_file}: the user-hash key file is damaged (64 hex digits expected); "
                    "restore it from a backup, or move the database and key file aside to start afresh"
                )
            return key
        if existed and legacy is None and self._has_user_hashes():
            raise StorageError(
                f"{key_file}: the user-hash key file of {self.path} is missing, so votes and question counts "
                "can no longer be matched to their users; restore it from a backup (or pass the key), "
                "or move the database aside to start afresh"
            )
        key = secrets.token_bytes(32)
        _write_private(key_file, key.hex() + "\n")
        return key

    def _has_user_hashes(self) -> bool:
        with self._lock:
            q = self._conn.execute("SELECT 1 FROM questions LIMIT 1").fetchone()
            f = self._conn.execute("SELECT 1 FROM feedback LIMIT 1").fetchone()
        return q is not None or f is not None

    def close(self) -> None:
        with self._lock:
            self._conn.close()

    @contextmanager
    def _tx(self) -> Iterator[sqlite3.Connection]:
        with self._lock:
            self._conn.execute("BEGIN IMMEDIATE")
            try:
                yield self._conn
            except BaseException:
                self._conn.execute("ROLLBACK")
                raise
            self._conn.execute("COMMIT")

    def _migrate(self) -> None:
        with self._tx() as c:
            c.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)")
            row = c.execute("SELECT version FROM schema_version").fetchone()
            if row is None:
                c.execute("INSERT INTO schema_version (version) VALUES (0)")
        current = self.schema_version
        if current > SCHEMA_VERSION:
            raise StorageError(
                f"{self.path}: database schema version {current} is newer than this kenri "
                f"(supports up to {SCHEMA_VERSION}); upgrade kenri or use another KENRI_DATABASE_PATH"
            )
        for version, statements in MIGRATIONS:
            if version <= current:
                continue
            with self._tx() as c:
                for sql in statements:
                    c.execute(sql)
                if version == 2:
                    c.execute("INSERT INTO meta (key, value) VALUES ('instance_id', ?)", (secrets.token_hex(4),))
                c.execute("UPDATE schema_version SET version = ?", (version,))

    @property
    def schema_version(self) -> int:
        with self._lock:
            row = self._conn.execute("SELECT version FROM schema_version").fetchone()
        return int(row[0]) if row else 0

    def _meta(self, key: str) -> str:
        with self._lock:
            row = self._conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        if row is None:
            raise StorageError(f"{self.path}: meta key {key!r} is missing")
        return str(row[0])

    def hash_user(self, user_id: int) -> str:
        """A stable, keyed hash of a Discord user id (the id itself is never stored)."""
        return hmac.new(self._key, str(int(user_id)).encode(), hashlib.sha256).hexdigest()[:32]

    # ------------------------------------------------------------------ questions
    def record_question(
        self,
        *,
        user_id: int,
        guild_id: int | None,
        channel_id: int | None,
        via: str,
        question: str,
        answer: Mapping[str, Any],
        answered: bool,
        citations: int,
        language: str,
        jurisdiction: str | None = None,
        context: str | None = None,
        index_version: str | None = None,
        elapsed_ms: float | None = None,
        origin: str | None = None,
    ) -> int:
        """Store one question and its answer (``Answer.to_json()``); returns the question id.
        ``via`` is 'slash' or 'mention'; ``origin`` says more (dm, reply, thread, forum, context)."""
        with self._tx() as c:
            cur = c.execute(
                """INSERT INTO questions (created, user_hash, guild_id, channel_id, via, question, context,
                       jurisdiction, language, answered, citations, index_version, elapsed_ms, answer_json,
                       origin)
                   VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                (
                    _now(),
                    self.hash_user(user_id),
                    guild_id,
                    channel_id,
                    via,
                    question,
                    context,
                    jurisdiction,
                    language,
                    int(answered),
                    citations,
                    index_version,
                    elapsed_ms,
                    json.dumps(dict(answer), ensure_ascii=False),
                    origin,
                ),
            )
            return int(cur.lastrowid or 0)

    def set_message(self, question_id: int, channel_id: int | None, message_id: int) -> None:
        with self._tx() as c:
            c.execute(
                "UPDATE questions SET channel_id = COALESCE(?, channel_id), message_id = ? WHERE id = ?",
                (channel_id, message_id, question_id),
            )

    def get_question(self, question_id: int) -> QuestionRow | None:
        with self._lock:
            r = self._conn.execute("SELECT * FROM questions WHERE id = ?", (question_id,)).fetchone()
        if r is None:
            return None
        return QuestionRow(
            id=r["id"],
            created=r["created"],
            guild_id=r["guild_id"],
            channel_id=r["channel_id"],
            message_id=r["message_id"],
            via=r["via"],
            question=r["question"],
            language=r["language"],
            answered=bool(r["answered"]),
            answer=json.loads(r["answer_json"]),
        )

    def question_for_message(self, message_id: int) -> QuestionRow | None:
        """The question whose answer is message ``message_id`` (for replies to an answer)."""
        with self._lock:
            r = self._conn.execute(
                "SELECT id FROM questions WHERE message_id = ? ORDER BY id DESC LIMIT 1", (message_id,)
            ).fetchone()
        return self.get_question(int(r[0])) if r else None

    # ------------------------------------------------------------------ feedback
    def vote(self, question_id: int, user_id: int, vote: int) -> int | None:
        """Record a 👍 (+1) or 👎 (-1); one vote per user per answer, changeable.
        Returns the user's previous vote (None if this is their first)."""
        if vote not in (-1, 1):
            raise ValueError("vote must be +1 or -1")
        user = self.hash_user(user_id)
        with self._tx() as c:
            row = c.execute(
                "SELECT vote FROM feedback WHERE question_id = ? AND user_hash = ?", (question_id, user)
            ).fetchone()
            c.execute(
                """INSERT INTO feedback (question_id, user_hash, vote, updated) VALUES (?, ?, ?, ?)
                   ON CONFLICT (question_id, user_hash)
                   DO UPDATE SET vote = excluded.vote, updated = excluded.updated""",
                (question_id, user, vote, _now()),
            )
        return int(row[0]) if row else None

    def votes(self, question_id: int) -> tuple[int, int]:
        """(thumbs up, thumbs down) for one answer."""
        with self._lock:
            r = self._conn.execute(
                "SELECT COALESCE(SUM(vote = 1), 0), COALESCE(SUM(vote = -1), 0) FROM feedback WHERE question_id = ?",
                (question_id,),
            ).fetchone()
        return int(r[0]), int(r[1])

    # ------------------------------------------------------------------ curated answers
    def add_curated(
        self,
        *,
        question_id: int,
        guild_id: int,
        channel_id: int,
        message_id: int,
        question: str,
        embedding: str,
        vector: np.ndarray,
        pinned_by: int,
        parent_id: int | None = None,
    ) -> bool:
        """Store a pinned answer with its question's vector. Returns False if it was already stored."""
        vec = np.asarray(vector, dtype=np.float32)
        with self._tx() as c:
            existed = (
                c.execute(
                    "SELECT 1 FROM curated WHERE guild_id = ? AND message_id = ?", (guild_id, message_id)
                ).fetchone()
                is not None
            )
            c.execute(
                """INSERT INTO curated (question_id, guild_id, channel_id, parent_id, message_id, question,
                       embedding, dim, vector, pinned_by, created)
                   VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                   ON CONFLICT (guild_id, message_id) DO UPDATE SET
                       question = excluded.question, embedding = excluded.embedding, dim = excluded.dim,
                       vector = excluded.vector""",
                (
                    question_id,
                    guild_id,
                    channel_id,
                    parent_id or channel_id,
                    message_id,
                    question,
                    embedding,
                    int(vec.shape[0]),
                    vec.tobytes(),
                    self.hash_user(pinned_by),
                    _now(),
                ),
            )
        return not existed

    def is_curated(self, guild_id: int, message_id: int) -> bool:
        with self._lock:
            return (
                self._conn.execute(
                    "SELECT 1 FROM curated WHERE guild_id = ? AND message_id = ?", (guild_id, message_id)
                ).fetchone()
                is not None
            )

    def curated_for_guild(self, guild_id: int, embedding: str, dim: int) -> list[CuratedRow]:
        """Pinned answers of one guild whose vectors came from the given encoder."""
        with self._lock:
            rows = self._conn.execute(
                "SELECT * FROM curated WHERE guild_id = ? AND embedding = ? AND dim = ? ORDER BY id",
                (guild_id, embedding, dim),
            ).fetchall()
        return [
            CuratedRow(
                id=r["id"],
                question_id=r["question_id"],
                guild_id=r["guild_id"],
                channel_id=r["channel_id"],
                parent_id=r["parent_id"],
                message_id=r["message_id"],
                question=r["question"],
                vector=np.frombuffer(r["vector"], dtype=np.float32),
            )
            for r in rows
        ]

    def remove_curated_message(self, message_id: int) -> int:
        with self._tx() as c:
            return c.execute("DELETE FROM curated WHERE message_id = ?", (message_id,)).rowcount

    def remove_curated_messages(self, message_ids: list[int]) -> int:
        """Forget several curated answers at once (bulk deletes, unpins). Returns how many."""
        if not message_ids:
            return 0
        with self._tx() as c:
            return sum(c.execute("DELETE FROM curated WHERE message_id = ?", (int(m),)).rowcount for m in message_ids)

    def remove_curated_channel(self, channel_id: int) -> int:
        """Forget curated answers in a deleted channel or thread, or under a deleted channel."""
        with self._tx() as c:
            return c.execute(
                "DELETE FROM curated WHERE channel_id = ? OR parent_id = ?", (channel_id, channel_id)
            ).rowcount

    def curated_messages_in(self, channel_id: int) -> list[int]:
        """Message ids of the curated answers pinned in one channel or thread."""
        with self._lock:
            rows = self._conn.execute("SELECT message_id FROM curated WHERE channel_id = ?", (channel_id,)).fetchall()
        return [int(r[0]) for r in rows]

    # ------------------------------------------------------------------ per-server settings
    def guild_settings(self, guild_id: int) -> GuildSettings:
        """The settings of one server (the defaults when it never ran /kenri config)."""
        with self._lock:
            r = self._conn.execute("SELECT * FROM guild_settings WHERE guild_id = ?", (guild_id,)).fetchone()
        if r is None:
            return GuildSettings(guild_id=guild_id)
        try:
            channels = tuple(int(c) for c in json.loads(r["mention_channels"] or "[]"))
        except (ValueError, TypeError):
            channels = ()
        return GuildSettings(
            guild_id=guild_id,
            jurisdiction=r["jurisdiction"],
            visibility=r["visibility"],
            mention_channels=channels,
            forum_channel_id=r["forum_channel_id"],
        )

    def update_guild_settings(self, guild_id: int, **changes: Any) -> GuildSettings:
        """Change some of a server's settings (``jurisdiction``, ``visibility``,
        ``mention_channels``, ``forum_channel_id``); returns the new settings.
        Raises ValueError for an unknown field or value."""
        allowed = {"jurisdiction", "visibility", "mention_channels", "forum_channel_id"}
        unknown = set(changes) - allowed
        if unknown:
            raise ValueError(f"unknown guild setting(s): {', '.join(sorted(unknown))}")
        if changes.get("visibility", "public") not in ("public", "private"):
            raise ValueError(f"visibility must be 'public' or 'private', not {changes['visibility']!r}")
        values = dict(changes)
        if "mention_channels" in values:
            values["mention_channels"] = json.dumps(sorted({int(c) for c in values["mention_channels"]}))
        with self._tx() as c:
            c.execute(
                "INSERT INTO guild_settings (guild_id, updated) VALUES (?, ?) ON CONFLICT (guild_id) DO NOTHING",
                (guild_id, _now()),
            )
            for key, value in values.items():  # keys checked against `allowed` above
                c.execute(
                    f"UPDATE guild_settings SET {key} = ?, updated = ? WHERE guild_id = ?",
                    (value, _now(), guild_id),
                )
        return self.guild_settings(guild_id)

    def forum_guild(self, forum_channel_id: int) -> int | None:
        """The server that chose ``forum_channel_id`` for forum auto-answers, if any."""
        with self._lock:
            r = self._conn.execute(
                "SELECT guild_id FROM guild_settings WHERE forum_channel_id = ?", (forum_channel_id,)
            ).fetchone()
        return int(r[0]) if r else None

    # ------------------------------------------------------------------ threads (mention context)
    def set_thread(self, thread_id: int, question_id: int | None, question: str) -> None:
        with self._tx() as c:
            c.execute(
                """INSERT INTO threads (thread_id, question_id, question, created) VALUES (?, ?, ?, ?)
                   ON CONFLICT (thread_id) DO NOTHING""",
                (thread_id, question_id, question, _now()),
            )

    def thread_question(self, thread_id: int) -> str | None:
        """The question that opened a thread the bot created, if any."""
        with self._lock:
            row = self._conn.execute("SELECT question FROM threads WHERE thread_id = ?", (thread_id,)).fetchone()
        return str(row[0]) if row else None

    # ------------------------------------------------------------------ reports
    def stats(self, guild_id: int | None = None) -> dict[str, int]:
        """Counts for ``/kenri stats``: one guild, or every guild when ``guild_id`` is None."""
        where, args = ("WHERE guild_id = ?", (guild_id,)) if guild_id is not None else ("", ())
        with self._lock:
            q = self._conn.execute(
                f"""SELECT COUNT(*), COALESCE(SUM(answered = 0), 0), COALESCE(SUM(created >= ?), 0)
                    FROM questions {where}""",
                (_since(7), *args),
            ).fetchone()
            f = self._conn.execute(
                f"""SELECT COALESCE(SUM(f.vote = 1), 0), COALESCE(SUM(f.vote = -1), 0)
                    FROM feedback f JOIN questions q ON q.id = f.question_id
                    {where.replace("guild_id", "q.guild_id")}""",
                args,
            ).fetchone()
            cur = self._conn.execute(f"SELECT COUNT(*) FROM curated {where}", args).fetchone()
        return {
            "questions": int(q[0]),
            "unanswered": int(q[1]),
            "last7": int(q[2]),
            "up": int(f[0]),
            "down": int(f[1]),
            "curated": int(cur[0]),
        }

    def unanswered(self, days: float = 30, limit: int = 50) -> list[dict[str, Any]]:
        """Unanswered questions of the last ``days``, grouped (case-insensitively), most asked first."""
        with self._lock:
            rows = self._conn.execute(
                """SELECT MIN(question) AS question, COUNT(*) AS times, MAX(created) AS last, language,
                          GROUP_CONCAT(DISTINCT COALESCE(jurisdiction, '')) AS jurisdictions
                   FROM questions WHERE answered = 0 AND created >= ?
                   GROUP BY LOWER(question), language ORDER BY times DESC, last DESC LIMIT ?""",
                (_since(days), limit),
            ).fetchall()
        return [
            {
                "question": r["question"],
                "times": r["times"],
                "last": r["last"],
                "language": r["language"],
                "jurisdictions": [j for j in (r["jurisdictions"] or "").split(",") if j],
            }
            for r in rows
        ]

    def thumbs_down(self, days: float = 30, limit: int = 50) -> list[dict[str, Any]]:
        """Answers with at least one 👎 in the last ``days``, most 👎 first."""
        with self._lock:
            rows = self._conn.execute(
                """SELECT q.id, q.created, q.question, q.language, q.answered, q.answer_json, q.guild_id,
                          SUM(f.vote = -1) AS down, SUM(f.vote = 1) AS up
                   FROM questions q JOIN feedback f ON f.question_id = q.id
                   WHERE q.created >= ?
                   GROUP BY q.id HAVING down > 0 ORDER BY down DESC, q.created DESC LIMIT ?""",
                (_since(days), limit),
            ).fetchall()
        out = []
        for r in rows:
            answer = json.loads(r["answer_json"])
            out.append(
                {
                    "id": r["id"],
                    "created": r["created"],
                    "question": r["question"],
                    "language": r["language"],
                    "answered": bool(r["answered"]),
                    "down": int(r["down"]),
                    "up": int(r["up"]),
                    "answer": answer.get("answer", ""),
                    "sources": [c.get("source_id") for c in answer.get("citations", [])],
                }
            )
        return out
