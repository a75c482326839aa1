"""Ingest: validate -> split -> embed -> build a new index version -> verify it -> publish.

Incremental: chunk ids are content hashes, and vectors of chunks already present in the
published version are copied instead of re-embedded. When nothing changed (same notes, same
encoder, same chunking) no version is built at all. Atomic: see :mod:`bot.engine.store`.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
import shutil
import sys
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from bot.engine.models import Chunk
from bot.errors import KenriError, Problem
from bot.knowledge.corpus import Corpus, Limits, load_corpus
from bot.knowledge.schema import Note

from .chunking import CHUNKING, split_note
from .embeddings import KenriEmbeddings, load_embeddings
from .index import (
    EXACT_SEARCH_MAX,
    VECTORS_FILE,
    ChromaTarget,
    OpenIndex,
    check_manifest,
    chroma_vectors,
    close_client,
    private_chroma_copy,
    verify_version,
    write_bm25,
    write_chroma,
    write_chunk_table,
    write_vectors,
)
from .store import FORMAT, IndexVersions, atomic_write, valid_version_name
from .text import tokenize

log = logging.getLogger(__name__)
EMBED_BATCH = 64


@dataclass
class IngestReport:
    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    version: str | None = None
    published: bool = False
    chunks_total: int = 0
    chunks_embedded: int = 0
    chunks_reused: int = 0
    elapsed_s: float = 0.0
    check_only: bool = False  # --check: validated, nothing written
    notes: list[str] = field(default_factory=list)  # human-readable remarks

    @property
    def ok(self) -> bool:
        return not self.problems

    def summary(self) -> str:
        lines = []
        if self.problems:
            lines.append(f"{len(self.problems)} problem(s); nothing was written, the published index is unchanged:")
            lines += [f"  {p}" for p in self.problems]
        lines.append(
            f"added {len(self.added)}, updated {len(self.updated)}, removed {len(self.removed)}, "
            f"unchanged {len(self.unchanged)}, skipped {len(self.skipped)}"
        )
        for name, items in (("added", self.added), ("updated", self.updated), ("removed", self.removed)):
            if items:
                shown = ", ".join(items[:12]) + (f", … and {len(items) - 12} more" if len(items) > 12 else "")
                lines.append(f"  {name}: {shown}")
        for file, reason in self.skipped:
            lines.append(f"  skipped {file}: {reason}")
        if self.chunks_total:
            lines.append(f"chunks: {self.chunks_total} ({self.chunks_embedded} embedded, {self.chunks_reused} reused)")
        lines += self.notes
        if self.published:
            lines.append(f"published version {self.version}")
        elif self.check_only and self.ok and (self.added or self.updated or self.removed):
            lines.append(
                f"not indexed yet (--check only validates): run `python ingest.py` to publish; "
                f"serving version {self.version}"
            )
        elif self.ok and self.version:
            lines.append(f"index is up to date (version {self.version})")
        lines.append(f"took {self.elapsed_s:.2f}s")
        return "\n".join(lines)


def corpus_fingerprint(notes: list[Note], embedding_name: str, chunk_tokens: int, chunk_overlap: int) -> str:
    h = hashlib.sha256(f"{FORMAT}|{CHUNKING}|{embedding_name}|{chunk_tokens}|{chunk_overlap}".encode())
    for n in sorted(notes, key=lambda n: n.meta.id):
        h.update(f"|{n.meta.id}:{n.sha256}:{n.path}".encode())
    return h.hexdigest()


def _diff(report: IngestReport, notes: list[Note], previous: dict[str, Any] | None) -> None:
    before = previous["documents"] if previous else {}
    now = {n.meta.id: n for n in notes}
    for doc_id, note in now.items():
        if doc_id not in before:
            report.added.append(doc_id)
        elif before[doc_id]["sha256"] != note.sha256 or before[doc_id]["path"] != note.path:
            report.updated.append(doc_id)
        else:
            report.unchanged.append(doc_id)
    report.removed = sorted(set(before) - set(now))


def run(
    *,
    knowledge_dir: Path,
    index_dir: Path,
    embedding_model: str,
    chunk_tokens: int = 220,
    chunk_overlap: int = 30,
    keep_versions: int = 3,
    limits: Limits | None = None,
    check: bool = False,
    rebuild: bool = False,
    embeddings: KenriEmbeddings | None = None,
    progress: bool | None = None,
    chroma_url: str | None = None,
) -> IngestReport:
    """Run one ingest. Returns a report; raises only for environment errors (lock, I/O)."""
    t0 = time.perf_counter()
    report = IngestReport(check_only=check)
    corpus: Corpus = load_corpus(knowledge_dir, limits)
    report.skipped = corpus.skipped
    report.problems = corpus.problems
    report.notes += [f"sanitised {file}: {what}" for file, what in corpus.sanitised]
    store = IndexVersions(index_dir)
    target = ChromaTarget(chroma_url)
    current = store.current()
    previous = _readable_manifest(store, current)
    _diff(report, corpus.notes, previous)
    if not corpus.ok or check:
        report.version = current
        report.elapsed_s = time.perf_counter() - t0
        return report
    if not corpus.notes:
        report.problems.append(Problem(str(knowledge_dir), None, "no notes found; refusing to publish an empty index"))
        report.elapsed_s = time.perf_counter() - t0
        return report

    with store.lock():
        target.drop(store.cleanup(keep_versions))
        # Re-read: another ingest may have published while we waited for nothing (lock is non-blocking).
        current = store.current()
        previous = _intact_manifest(store, current, report)  # None: build from scratch
        name = embeddings.name if embeddings else embedding_model
        fingerprint = corpus_fingerprint(corpus.notes, name, chunk_tokens, chunk_overlap)
        # a version built before readers had their own copy of the vectors is rebuilt once, its
        # vectors reused from Chroma (nothing is embedded again)
        lacks_vectors = bool(
            previous
            and chroma_url is None
            and previous["chunk_count"] <= EXACT_SEARCH_MAX
            and "vectors" not in previous
        )
        if lacks_vectors:
            report.notes.append(f"writing the readers' copy of the vectors ({VECTORS_FILE})")
        if (
            previous
            and not rebuild
            and not lacks_vectors
            and previous.get("fingerprint") == fingerprint
            and previous.get("chroma_url") == chroma_url
        ):
            report.version = current
            report.elapsed_s = time.perf_counter() - t0
            return report
        if embeddings is None:
            embeddings = load_embeddings(embedding_model)
        if previous and previous["embedding"]["name"] != embeddings.name:
            report.notes.append(
                f"embedding model changed from {previous['embedding']['name']} to {embeddings.name}: "
                "re-embedding everything"
            )
            rebuild = True
        if previous and previous.get("chroma_url") != chroma_url:
            report.notes.append("Chroma location changed: building the dense index there")
            rebuild_vectors_from = None
        else:
            rebuild_vectors_from = current
        version = _build(
            store,
            target,
            corpus.notes,
            embeddings,
            previous,
            rebuild_vectors_from,
            report,
            chunk_tokens=chunk_tokens,
            chunk_overlap=chunk_overlap,
            fingerprint=fingerprint,
            rebuild=rebuild,
            progress=progress,
        )
        store.publish(version)
        report.version = version
        report.published = True
        target.drop(store.cleanup(keep_versions))
    report.elapsed_s = time.perf_counter() - t0
    return report


def _readable_manifest(store: IndexVersions, current: str | None) -> dict[str, Any] | None:
    """The published manifest if it can be read (for the added/updated/removed report)."""
    if not current or not valid_version_name(current):
        return None
    try:
        manifest = store.manifest(current)
        check_manifest(manifest, store.path(current))
    except KenriError:
        return None
    return manifest


def _intact_manifest(store: IndexVersions, current: str | None, report: IngestReport) -> dict[str, Any] | None:
    """The published version's manifest if the version opens and verifies; otherwise None, so
    nothing is reused from it and a new version is built (a damaged version is never called
    "up to date")."""
    if not current or not (store.path(current) / "manifest.json").exists() or not valid_version_name(current):
        return None
    try:
        return verify_version(store.path(current), every_file=True)
    except KenriError as exc:
        report.notes.append(f"the published version is damaged, so a new one is built from scratch: {exc}")
        return None


# A note whose passages mostly repeat one text (give or take numbers) floods every search with
# copies of itself; the index then fails verification for some other note. Refused by name.
MIN_PASSAGES_TO_CHECK = 50
MAX_REPEATED_SHARE = 0.5
_DIGITS = str.maketrans("", "", "0123456789０１２３４５６７８９")


def _check_repetition(note: Note, chunks: list[Chunk]) -> None:
    """Raise KenriError naming ``note`` when most of its passages are near-identical (the same
    text once digits, case and spacing are ignored). Linear in the note's length."""
    if len(chunks) < MIN_PASSAGES_TO_CHECK:
        return
    counts: dict[str, int] = {}
    for c in chunks:
        key = " ".join(c.text.translate(_DIGITS).lower().split())
        counts[key] = counts.get(key, 0) + 1
    top = max(counts.values())
    if top > MAX_REPEATED_SHARE * len(chunks):
        raise KenriError(
            f"{note.path}: {top} of its {len(chunks)} passages are near-identical (the same text apart from "
            "numbers); they would crowd every other note out of search results. Remove the repetition "
            "or split the note"
        )


def _reusable_vectors(
    store: IndexVersions, target: ChromaTarget, current: str | None, ids: list[str]
) -> dict[str, np.ndarray]:
    if not current or not ids:
        return {}
    copy = private_chroma_copy(store.path(current)) if target.url is None else None  # never write to it
    client = target.client(copy or store.path(current))
    try:
        try:
            col = client.get_collection(target.collection(current))
        except Exception:  # previous version's dense index unreachable: embed everything
            log.warning("cannot read vectors of version %s; re-embedding", current)
            return {}
        found: dict[str, np.ndarray] = {}
        for start in range(0, len(ids), 2000):
            res = col.get(ids=ids[start : start + 2000], include=["embeddings"])
            for i, e in zip(res["ids"], res["embeddings"], strict=True):
                found[i] = np.asarray(e, dtype=np.float32)
        return found
    finally:
        close_client(client)
        if copy is not None:
            shutil.rmtree(copy, ignore_errors=True)


def _build(
    store: IndexVersions,
    target: ChromaTarget,
    notes: list[Note],
    embeddings: KenriEmbeddings,
    previous: dict[str, Any] | None,
    current: str | None,
    report: IngestReport,
    *,
    chunk_tokens: int,
    chunk_overlap: int,
    fingerprint: str,
    rebuild: bool,
    progress: bool | None,
) -> str:
    limit = min(chunk_tokens, embeddings.max_tokens - 16) if embeddings.max_tokens else chunk_tokens
    chunks: list[Chunk] = []
    per_doc: dict[str, list[str]] = {}
    metas = {n.meta.id: n.meta for n in notes}
    for note in notes:
        note_chunks = split_note(note, embeddings.count_tokens, limit, chunk_overlap)
        if not note_chunks:
            raise KenriError(f"{note.path}: recorded no passages after splitting")
        _check_repetition(note, note_chunks)
        chunks.extend(note_chunks)
        per_doc[note.meta.id] = [c.id for c in note_chunks]
    report.chunks_total = len(chunks)

    reuse = {} if rebuild or not previous else _reusable_vectors(store, target, current, [c.id for c in chunks])
    vectors = np.zeros((len(chunks), embeddings.dim), dtype=np.float32)
    todo = [i for i, c in enumerate(chunks) if c.id not in reuse]
    for i, c in enumerate(chunks):
        if c.id in reuse:
            vectors[i] = reuse[c.id]
    report.chunks_reused = len(chunks) - len(todo)
    report.chunks_embedded = len(todo)
    if todo:
        from tqdm import tqdm

        show = sys.stderr.isatty() if progress is None else progress
        with tqdm(total=len(todo), desc="embedding", unit="chunk", disable=not show) as bar:
            for start in range(0, len(todo), EMBED_BATCH):
                rows = todo[start : start + EMBED_BATCH]
                vecs = embeddings.embed_documents_array([chunks[i].index_text for i in rows])
                if vecs.shape != (len(rows), embeddings.dim):
                    raise KenriError(
                        f"encoder {embeddings.name} returned shape {vecs.shape}, expected {(len(rows), embeddings.dim)}"
                    )
                vectors[rows] = vecs
                bar.update(len(rows))

    build = store.new_build_dir()
    version = build.name.removesuffix(".partial")
    write_chroma(build, version, chunks, vectors, metas, target)
    # an index a reader holds in memory keeps a copy of its vectors beside Chroma's (index.VECTORS_FILE)
    in_memory = target.url is None and len(chunks) <= EXACT_SEARCH_MAX
    vectors_entry = None
    if in_memory:
        ids = [c.id for c in chunks]
        vectors_entry = write_vectors(build, chroma_vectors(build, version, ids, embeddings.dim, target))
    write_bm25(build / "bm25", chunks)
    write_chunk_table(build / "chunks.jsonl", chunks)
    manifest = {
        "format": FORMAT,
        "version": version,
        "chroma_url": target.url,
        "created": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "fingerprint": fingerprint,
        "embedding": {"name": embeddings.name, "dim": embeddings.dim},
        "chunking": {"tokens": chunk_tokens, "overlap": chunk_overlap},
        "chunk_count": len(chunks),
        **({"vectors": vectors_entry} if vectors_entry else {}),
        "documents": {
            n.meta.id: {
                "path": n.path,
                "sha256": n.sha256,
                "meta": asdict(n.meta),
                "chunks": per_doc[n.meta.id],
            }
            for n in notes
        },
    }
    atomic_write(build / "manifest.json", json.dumps(manifest, ensure_ascii=False, indent=1))
    verify(build, manifest, embeddings, chunks, vectors, target)
    return store.finalize(build)


def verify(
    path: Path,
    manifest: dict[str, Any],
    embeddings: KenriEmbeddings,
    chunks: list[Chunk],
    vectors: np.ndarray,
    target: ChromaTarget | None = None,
) -> None:
    """Reopen a freshly written version and check it answers: the count matches, and for every
    document a query with its first passage finds that document (dense and keyword)."""
    index = OpenIndex(path, manifest, embeddings.name, embeddings.dim, target, private_copy=False, every_file=True)
    try:
        count = index.count()
        if count != len(chunks):
            raise KenriError(f"verification failed: Chroma holds {count} passages, expected {len(chunks)}")
        first: dict[str, int] = {}
        for i, c in enumerate(chunks):
            first.setdefault(c.doc_id, i)
        for doc_id, i in first.items():
            dense_ids = [cid for cid, _ in index.dense(vectors[i], 5)]
            if chunks[i].id not in dense_ids and not any(index.by_id[c].doc_id == doc_id for c in dense_ids):
                raise KenriError(
                    f"verification failed: dense search for {doc_id!r} does not find it" + _crowded_by(index, dense_ids)
                )
            kw_ids = [cid for cid, _ in index.keyword(tokenize(chunks[i].index_text), 10)]
            if not any(index.by_id[c].doc_id == doc_id for c in kw_ids):
                raise KenriError(
                    f"verification failed: keyword search for {doc_id!r} does not find it" + _crowded_by(index, kw_ids)
                )
    finally:
        index.close()


def _crowded_by(index: OpenIndex, ids: list[str]) -> str:
    """Which notes filled the results instead (the usual cause: one note's many similar passages)."""
    if not ids:
        return ""
    counts: dict[str, int] = {}
    for cid in ids:
        doc = index.by_id[cid].doc_id
        counts[doc] = counts.get(doc, 0) + 1
    doc, n = max(counts.items(), key=lambda kv: kv[1])
    path = index.manifest["documents"].get(doc, {}).get("path", doc)
    total = len(index.doc_chunk_ids(doc))
    return f"; {n} of the {len(ids)} results came from {path} ({total} passages), which crowds it out"
