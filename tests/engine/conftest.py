"""Fixtures shared by the engine tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import REPO, build


@pytest.fixture(scope="session")
def corpus_engine(tmp_path_factory: pytest.TempPathFactory, use_embeddings):
    """An engine over the shipped corpus (``knowledge/``) with the real encoder, built once per
    test session in a temporary index (never ``.kenri/``)."""
    from bot.engine import Engine

    index_dir: Path = tmp_path_factory.mktemp("corpus") / "index"
    report = build(REPO / "knowledge", index_dir, use_embeddings)
    assert report.published, report.summary()
    engine = Engine(index_dir=index_dir, embeddings=use_embeddings)
    yield engine
    engine.close()
