"""Fixtures for the fault-injection tests: an index of the fixture corpus built once per module
with the real encoder, and the engine over it (hypothesis needs non-function-scoped fixtures)."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import FIXTURES, build


@pytest.fixture(scope="module")
def module_index(tmp_path_factory: pytest.TempPathFactory, use_embeddings) -> Path:
    root = tmp_path_factory.mktemp("reliability-index")
    knowledge = root / "knowledge"
    shutil.copytree(FIXTURES / "knowledge", knowledge)
    index = root / "index"
    report = build(knowledge, index, use_embeddings)
    assert report.published, report.summary()
    return index


@pytest.fixture(scope="module")
def module_engine(module_index: Path, use_embeddings) -> Iterator[object]:
    from bot.engine import Engine

    engine = Engine(index_dir=module_index, embeddings=use_embeddings)
    yield engine
    engine.close()
