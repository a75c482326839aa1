"""SQLite storage (hashed users, schema versioning), the cooldown, `report`, settings, docs."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

import numpy as np
import pytest

from bot.discord_app.ratelimit import Cooldown
from bot.discord_app.storage import SCHEMA_VERSION, BotDatabase, StorageError
from tests.conftest import REPO
from tests.discord_app.conftest import make_answer


def _record(store: BotDatabase, question: str, *, user: int = 42, answered: bool = True, guild: int = 7) -> int:
    ans = make_answer(question, answered=answered)
    return store.record_question(
        user_id=user,
        guild_id=guild,
        channel_id=9,
        via="slash",
        question=question,
        answer=ans.to_json(),
        answered=answered,
        citations=len(ans.citations),
        language=ans.language,
    )


def test_user_ids_are_never_stored(tmp_path: Path) -> None:
    path = tmp_path / "k.sqlite3"
    store = BotDatabase.open(path)
    qid = _record(store, "How do I block GPTBot?", user=123456789012345678)
    store.vote(qid, 123456789012345678, 1)
    store.close()
    raw = path.read_bytes() + (
        path.with_name(path.name + "-wal").read_bytes() if path.with_name(path.name + "-wal").exists() else b""
    )
    assert b"123456789012345678" not in raw
    again = BotDatabase.open(path)
    assert again.hash_user(123456789012345678) == again.hash_user(123456789012345678)
    assert again.votes(qid) == (1, 0)  # same key after reopening: one vote per user still holds
    assert again.vote(qid, 123456789012345678, -1) == 1
    assert again.votes(qid) == (0, 1)
    again.close()


def test_schema_is_versioned_and_a_newer_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "k.sqlite3"
    BotDatabase.open(path).close()
    conn = sqlite3.connect(path)
    assert conn.execute("SELECT version FROM schema_version").fetchone()[0] == SCHEMA_VERSION
    conn.execute("UPDATE schema_version SET version = ?", (SCHEMA_VERSION + 1,))
    conn.commit()
    conn.close()
    with pytest.raises(StorageError, match="newer than this kenri"):
        BotDatabase.open(path)


def test_migrations_are_idempotent(tmp_path: Path) -> None:
    path = tmp_path / "k.sqlite3"
    s = BotDatabase.open(path)
    _record(s, "first")
    s.close()
    s = BotDatabase.open(path)
    assert s.schema_version == SCHEMA_VERSION and s.stats()["questions"] == 1
    s.close()


def test_curated_vectors_round_trip_per_guild_and_encoder() -> None:
    s = BotDatabase.open(":memory:")
    qid = _record(s, "q")
    vec = np.arange(4, dtype=np.float32)
    assert s.add_curated(
        question_id=qid,
        guild_id=7,
        channel_id=9,
        message_id=11,
        question="q",
        embedding="hashing",
        vector=vec,
        pinned_by=1,
    )
    assert not s.add_curated(
        question_id=qid,
        guild_id=7,
        channel_id=9,
        message_id=11,
        question="q",
        embedding="hashing",
        vector=vec,
        pinned_by=1,
    )
    (row,) = s.curated_for_guild(7, "hashing", 4)
    assert np.array_equal(row.vector, vec) and row.parent_id == 9
    assert row.jump_url() == "https://discord.com/channels/7/9/11"
    assert s.curated_for_guild(8, "hashing", 4) == [] and s.curated_for_guild(7, "usem3", 4) == []
    assert s.remove_curated_message(11) == 1


def test_cooldown_window() -> None:
    now = [0.0]
    cd = Cooldown(2, 10, clock=lambda: now[0])
    assert cd.hit(1) == 0 and cd.hit(1) == 0
    assert cd.hit(1) == pytest.approx(10)
    assert cd.hit(2) == 0
    now[0] = 10.5
    assert cd.hit(1) == 0
    assert Cooldown(1, 0).hit(1) == 0 and Cooldown(1, 0).hit(1) == 0


def test_report_prints_unanswered_questions_and_thumbs_down(tmp_path: Path, monkeypatch, capsys) -> None:
    from bot.cli import main

    db = tmp_path / "kenri.sqlite3"
    monkeypatch.setenv("KENRI_DATABASE_PATH", str(db))
    assert main(["report"]) == 1 and "no database" in capsys.readouterr().err
    s = BotDatabase.open(db)
    for _ in range(2):
        _record(s, "What is the weather in Tokyo?", answered=False)
    bad = _record(s, "How do I block GPTBot?")
    s.vote(bad, 1, -1)
    s.vote(bad, 2, -1)
    s.vote(_record(s, "good one"), 3, 1)
    s.close()

    assert main(["report"]) == 0
    out = capsys.readouterr().out
    assert "Unanswered questions (1)" in out and "2×" in out and "What is the weather in Tokyo?" in out
    assert "Thumbs-down answers (1)" in out and f"#{bad}  👎 2 👍 0" in out and "cited: src-1, src-2" in out
    assert main(["report", "--json"]) == 0
    import json

    data = json.loads(capsys.readouterr().out)
    assert data["unanswered"][0]["times"] == 2 and data["thumbs_down"][0]["down"] == 2


def test_sync_without_a_token_explains(capsys) -> None:
    from bot.cli import main

    assert main(["sync"]) == 2
    assert "KENRI_DISCORD_TOKEN is not set" in capsys.readouterr().err
    assert main(["sync", "--dev"]) == 2
    assert "KENRI_DEV_GUILD_ID" in capsys.readouterr().err


def test_message_content_on_in_kenri_but_off_in_the_portal_says_where_to_switch_it_on(
    tmp_path, monkeypatch, capsys
) -> None:
    """KENRI_DISCORD_MESSAGE_CONTENT=true with the intent off in the Developer Portal: Discord closes
    the gateway (4014) and the runner says which setting and which portal switch, not "kenri needs none"."""
    import gc

    import discord

    from bot.discord_app import runner
    from bot.engine import Engine
    from bot.settings import BotSettings
    from tests.reliability.load import SlowFakeEngine

    async def refused(bot, token):
        assert bot.intents.message_content  # the setting reached the intents sent to Discord
        raise discord.PrivilegedIntentsRequired(None)

    monkeypatch.setattr(runner, "_serve", refused)

    class FakeEngine(SlowFakeEngine):
        def close(self) -> None:
            pass

    monkeypatch.setattr(Engine, "from_settings", classmethod(lambda cls, settings: FakeEngine(engine_ms=0)))
    settings = BotSettings(
        _env_file=None,
        discord_token="not-a-real-token",
        discord_message_content=True,
        database_path=tmp_path / "k.sqlite3",
    )
    try:
        assert runner.run_bot(settings) == 2
    finally:
        gc.unfreeze()
    err = capsys.readouterr().err
    assert "KENRI_DISCORD_MESSAGE_CONTENT" in err and "Privileged Gateway Intents" in err
    assert "needs none" not in err


def test_discord_settings_parse_and_the_token_is_never_shown(monkeypatch) -> None:
    from bot.settings import load_settings

    monkeypatch.setenv("KENRI_DISCORD_TOKEN", "secret-token-value")
    monkeypatch.setenv("KENRI_OWNER_IDS", "1, 2")
    monkeypatch.setenv("KENRI_MODERATOR_ROLE_IDS", "[3]")
    monkeypatch.setenv("KENRI_DATABASE_PATH", "data/k.sqlite3")
    s = load_settings()
    assert s.owner_ids == [1, 2] and s.moderator_role_ids == [3]
    assert s.database_path == REPO / "data" / "k.sqlite3"
    assert "secret-token-value" not in repr(s) and "secret-token-value" not in str(s)


def test_importing_the_cli_registrations_does_not_import_discord() -> None:
    import subprocess
    import sys

    code = "import sys, bot.cli, bot.cli.discord_admin, bot.discord_app.storage; print('discord' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, check=True)
    assert out.stdout.strip() == "False"


def test_documented_invite_permissions_match_discord_py() -> None:
    import discord

    from bot.discord_app.client import INVITE_PERMISSIONS, invite_url

    expected = discord.Permissions(
        view_channel=True,
        send_messages=True,
        send_messages_in_threads=True,
        create_public_threads=True,
        embed_links=True,
        read_message_history=True,
        pin_messages=True,
        manage_threads=True,
    ).value
    assert INVITE_PERMISSIONS.value == expected == 2252126231284736
    doc = (REPO / "docs" / "DISCORD.md").read_text(encoding="utf-8")
    assert str(expected) in doc
    assert re.search(r"permissions=2252126231284736", doc)
    assert invite_url(123).endswith("client_id=123&scope=bot+applications.commands&permissions=2252126231284736")
