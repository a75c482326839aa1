"""Chroma server mode (KENRI_CHROMA_URL): a real `chroma run` on 127.0.0.1, started and stopped here."""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from bot.engine import Engine
from bot.engine.index import ChromaTarget
from bot.engine.store import IndexVersions
from tests.conftest import build


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture()
def chroma_server(tmp_path: Path):
    exe = shutil.which("chroma") or str(Path(sys.executable).parent / "chroma")
    if not Path(exe).exists():
        pytest.fail("the `chroma` command (from the chromadb package) is not installed")
    port = _free_port()
    log = open(tmp_path / "chroma.log", "wb")  # noqa: SIM115 - closed at teardown
    proc = subprocess.Popen(
        [exe, "run", "--path", str(tmp_path / "chroma-data"), "--host", "127.0.0.1", "--port", str(port)],
        stdout=log,
        stderr=subprocess.STDOUT,
        env={"ORT_DISABLE_TELEMETRY": "1", "ANONYMIZED_TELEMETRY": "False", "PATH": str(Path(exe).parent)},
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                break
        except OSError:
            if proc.poll() is not None or time.monotonic() > deadline:
                proc.kill()
                pytest.fail(
                    f"chroma server did not start: {(tmp_path / 'chroma.log').read_text(errors='replace')[-2000:]}"
                )
            time.sleep(0.2)
    yield url
    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()
    log.close()


def test_ingest_ask_and_reload_against_a_chroma_server(
    chroma_server: str, knowledge: Path, tmp_path: Path, use_embeddings
) -> None:
    index_dir = tmp_path / "idx"
    first = build(knowledge, index_dir, use_embeddings, chroma_url=chroma_server)
    assert first.published
    store = IndexVersions(index_dir)
    assert not (store.path(first.version) / "chroma").exists()  # dense index lives on the server

    engine = Engine(index_dir=index_dir, embeddings=use_embeddings, chroma_url=chroma_server)
    try:
        ans = engine.answer("How do I stop OpenAI from training on my website?")
        assert ans.answered and ans.citations[0].source_id == "fx-gptbot"

        note = knowledge / "en" / "fx-usco.md"
        note.write_text(
            note.read_text(encoding="utf-8")
            + "\n## Are edits protected?\n\nHuman edits to AI output can be protected in the US.\n",
            encoding="utf-8",
        )
        second = build(knowledge, index_dir, use_embeddings, chroma_url=chroma_server)
        assert second.published and second.updated == ["fx-usco"] and second.chunks_reused > 0
        old, new = engine.reload()
        assert (old, new) == (first.version, second.version)
        assert engine.answer("Are human edits to AI output protected in the US?").citations[0].source_id == "fx-usco"
    finally:
        engine.close()

    target = ChromaTarget(chroma_server)
    client = target.client(index_dir)
    try:
        names = {c.name for c in client.list_collections()}
    finally:
        client.close()
    assert {target.collection(first.version), target.collection(second.version)} <= names


def test_unreachable_server_is_a_clear_error(knowledge: Path, tmp_path: Path, use_embeddings) -> None:
    from bot.errors import KenriError

    port = _free_port()
    with pytest.raises(KenriError, match=f"127.0.0.1:{port}"):
        build(knowledge, tmp_path / "idx", use_embeddings, chroma_url=f"http://127.0.0.1:{port}")
    assert IndexVersions(tmp_path / "idx").current() is None
