"""Build and open one index version: Chroma (dense) + bm25s (keyword) + the chunk table."""

from __future__ import annotations

import hashlib
import json
import logging
import math
import os
import re
import shutil
import tempfile
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import numpy as np

from bot.engine.models import Chunk
from bot.errors import IndexDamagedError, KenriError, ModelMismatchError
from bot.knowledge.schema import NoteMeta

from .planning import VENDOR_TYPES
from .text import mentioned_jurisdictions, tokenize

log = logging.getLogger(__name__)

COLLECTION = "kenri"
# Unfiltered dense results fetched to serve a jurisdiction-filtered query (see OpenIndex.dense).
DENSE_OVERFETCH = 300
# Question keys scanned (best first) to give sections their question similarity.
QUESTION_KEYS_SCANNED = 800
# Indexes with up to this many keys are held in memory (~2 KB a key at 512 dims) and searched
# exactly with one matrix product; larger ones are searched through Chroma's HNSW index.
EXACT_SEARCH_MAX = 200_000

# An index held in memory also keeps its dense vectors, in chunk-table order, in this file of the
# version folder: a reader loads them (~10 ms for 5,000 keys) instead of importing chromadb,
# copying its folder, opening a client and reading every vector back (~1.2 s of a cold start on
# the reference machine, 2026-12-02). Chroma stays the dense index that builds write and verify,
# that larger indexes search and that a Chroma server holds; the file is a copy of its vectors.
VECTORS_FILE = "vectors.npy"

# chromadb pulls in onnxruntime, which phones home unless told not to.
os.environ.setdefault("ORT_DISABLE_TELEMETRY", "1")
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")


_HIRAGANA = re.compile(r"[\u3040-\u309f]")
# A distinctive term of a section's answer text counts half as much as one of its question keys
# towards :meth:`OpenIndex.aspect_match` (chosen on the opened field sets, 2026-12-01: 0.3-0.5
# gained 3 of 248 questions and lost none; 1.0 lost some).
BODY_ASPECT_WEIGHT = 0.5


def _content_tokens(text: str) -> set[str]:
    """Keyword tokens that carry content: Japanese bigrams with a hiragana character (「止め」,
    「には」) are inflections and particles, shared by questions about anything."""
    return {t for t in tokenize(text) if not _HIRAGANA.search(t)}


def similarities(matrix: np.ndarray, vector: np.ndarray) -> np.ndarray:
    """Cosine similarities of normalised rows with a normalised vector, shape ``(rows,)``.

    ``einsum`` runs in the calling thread without BLAS: for one question, OpenBLAS's second
    thread only adds synchronisation, which costs milliseconds when both cores are busy
    (measured 5.2 ms vs 0.7 ms for 4,000 x 512 under load)."""
    return np.einsum("ij,j->i", matrix, np.asarray(vector, dtype=np.float32))


def chroma_settings() -> Any:
    from chromadb.config import Settings

    return Settings(anonymized_telemetry=False, allow_reset=False)


def open_client(path: Path) -> Any:
    import chromadb

    return chromadb.PersistentClient(path=str(path), settings=chroma_settings())


@dataclass(frozen=True)
class ChromaTarget:
    """Where a version's dense index lives: embedded in the version folder (default), or on a
    Chroma server (``KENRI_CHROMA_URL``, e.g. ``http://127.0.0.1:8000``), one collection per
    version. The manifest, chunk table and keyword index always stay in the version folder."""

    url: str | None = None

    def client(self, version_dir: Path) -> Any:
        if self.url is None:
            return open_client(version_dir / "chroma")
        import chromadb

        parsed = urlparse(self.url)
        if parsed.scheme not in {"http", "https"} or not parsed.hostname:
            raise KenriError(f"KENRI_CHROMA_URL {self.url!r} is not an http(s)://host:port URL")
        port = parsed.port or (443 if parsed.scheme == "https" else 8000)
        try:
            return chromadb.HttpClient(
                host=parsed.hostname, port=port, ssl=parsed.scheme == "https", settings=chroma_settings()
            )
        except Exception as exc:
            raise KenriError(f"cannot reach the Chroma server at {self.url}: {exc}") from exc

    def collection(self, version: str) -> str:
        return COLLECTION if self.url is None else f"{COLLECTION}-{version}"

    def drop(self, versions: Sequence[str]) -> None:
        """Delete server collections of removed versions (embedded ones go with their folder)."""
        if self.url is None or not versions:
            return
        client = self.client(Path("."))
        try:
            for v in versions:
                try:
                    client.delete_collection(self.collection(v))
                except Exception:  # already gone: nothing to do
                    log.debug("no collection for version %s on %s", v, self.url)
        finally:
            close_client(client)


def close_client(client: Any) -> None:
    try:
        client.close()
    except Exception:  # pragma: no cover - best effort: closing must never mask the real error
        log.debug("closing chroma client failed", exc_info=True)


def meta_to_chroma(meta: NoteMeta, chunk: Chunk) -> dict[str, Any]:
    return {
        "doc_id": meta.id,
        "family": meta.family,
        "lang": meta.lang,
        "jurisdiction": meta.jurisdiction,
        "heading": chunk.heading,
        "position": chunk.position,
        "section": chunk.section,
        "kind": chunk.kind,
    }


def write_chroma(
    version_dir: Path,
    version: str,
    chunks: Sequence[Chunk],
    vectors: np.ndarray,
    metas: dict[str, NoteMeta],
    target: ChromaTarget | None = None,
) -> None:
    target = target or ChromaTarget()
    client = target.client(version_dir)
    try:
        name = target.collection(version)
        if target.url is not None:
            target.drop([version])  # a leftover from a killed build of the same name
        col = client.create_collection(name, metadata={"hnsw:space": "cosine"}, embedding_function=None)
        batch = max(1, min(5000, client.get_max_batch_size()))
        for start in range(0, len(chunks), batch):
            part = chunks[start : start + batch]
            col.add(
                ids=[c.id for c in part],
                embeddings=vectors[start : start + batch],
                documents=[c.text for c in part],
                metadatas=[meta_to_chroma(metas[c.doc_id], c) for c in part],
            )
    finally:
        close_client(client)


def chroma_vectors(version_dir: Path, version: str, ids: Sequence[str], dim: int, target: ChromaTarget) -> np.ndarray:
    """The vectors Chroma holds for ``ids``, in that order, shape ``(len(ids), dim)`` (zeros for
    an id it lacks). Chroma hands back what it stored, which may differ from what it was given in
    the last bit of a float32; a reader's copy is taken from here so that it answers exactly as a
    reader of Chroma would."""
    client = target.client(version_dir)
    try:
        return collection_vectors(client.get_collection(target.collection(version)), ids, dim)
    finally:
        close_client(client)


def collection_vectors(col: Any, ids: Sequence[str], dim: int) -> np.ndarray:
    """The vectors a Chroma collection holds for ``ids``, in that order, read in batches of 2,000:
    shape ``(len(ids), dim)``, zeros for an id it lacks."""
    out = np.zeros((len(ids), dim), dtype=np.float32)
    row = {cid: i for i, cid in enumerate(ids)}
    for start in range(0, len(ids), 2000):
        res = col.get(ids=list(ids[start : start + 2000]), include=["embeddings"])
        for cid, vec in zip(res["ids"], res["embeddings"], strict=True):
            out[row[cid]] = vec
    return out


def write_vectors(version_dir: Path, vectors: np.ndarray) -> dict[str, Any]:
    """Write ``vectors`` (shape ``(keys, dim)``, float32, chunk-table order) to the version's
    :data:`VECTORS_FILE`; returns the manifest's ``vectors`` entry: ``{"file", "rows", "dim",
    "sha256"}``."""
    path = version_dir / VECTORS_FILE
    with open(path, "wb") as fh:
        np.save(fh, np.ascontiguousarray(vectors, dtype=np.float32), allow_pickle=False)
    return {
        "file": VECTORS_FILE,
        "rows": int(vectors.shape[0]),
        "dim": int(vectors.shape[1]),
        "sha256": _sha256(path),
    }


def read_vectors(version_dir: Path, manifest: Mapping[str, Any], rows: int, dim: int) -> np.ndarray | None:
    """The version's dense vectors from :data:`VECTORS_FILE`, shape ``(rows, dim)``, when the
    manifest lists the file and it matches the entry (size, shape and SHA-256). ``None`` when the
    manifest lists none (a version built before the file existed, or one searched through
    Chroma), or, with a warning naming the file, when it is missing or damaged: the caller then
    reads the vectors from Chroma, which holds the same ones."""
    matrix, problem = _load_vectors(version_dir, manifest, rows, dim)
    if problem:
        log.warning(
            "index file %s is not used: %s; reading the vectors from Chroma instead",
            version_dir / VECTORS_FILE,
            problem,
        )
    return matrix


def _load_vectors(version_dir: Path, manifest: Mapping[str, Any], rows: int, dim: int) -> tuple[np.ndarray | None, str]:
    """``(vectors, "")``, ``(None, "")`` when the manifest lists no vectors file, or ``(None,
    what is wrong with it)``."""
    entry = manifest.get("vectors")
    if entry is None:
        return None, ""
    path = version_dir / VECTORS_FILE
    if not isinstance(entry, dict) or entry.get("file") != VECTORS_FILE or not isinstance(entry.get("sha256"), str):
        return None, "the manifest's 'vectors' entry is malformed"
    if entry.get("rows") != rows or entry.get("dim") != dim:
        return None, f"the manifest lists {entry.get('rows')} x {entry.get('dim')} vectors, the index {rows} x {dim}"
    if not path.is_file():
        return None, "the file is missing"
    if _sha256(path) != entry["sha256"]:
        return None, "its SHA-256 does not match the manifest"
    try:
        matrix = np.load(path, allow_pickle=False)
    except (OSError, ValueError) as exc:
        return None, f"it cannot be read ({type(exc).__name__})"
    if matrix.dtype != np.float32 or matrix.shape != (rows, dim):
        return None, f"it holds {matrix.dtype} {matrix.shape}, expected float32 {(rows, dim)}"
    return matrix, ""


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _bm25s() -> Any:
    import bm25s

    # bm25s sets its logger to DEBUG on import, which prints on every index build.
    logging.getLogger("bm25s").setLevel(logging.WARNING)
    return bm25s


def write_bm25(path: Path, chunks: Sequence[Chunk]) -> None:
    bm25s = _bm25s()
    retriever = bm25s.BM25()
    retriever.index([tokenize(c.index_text) or ["\u2205"] for c in chunks], show_progress=False)
    retriever.save(str(path), show_progress=False)


def write_chunk_table(path: Path, chunks: Iterable[Chunk]) -> None:
    with open(path, "w", encoding="utf-8") as fh:
        for c in chunks:
            fh.write(
                json.dumps(
                    {
                        "id": c.id,
                        "doc_id": c.doc_id,
                        "heading": c.heading,
                        "text": c.text,
                        "position": c.position,
                        "section": c.section,
                        "kind": c.kind,
                        "audience": c.audience,
                        "key": c.index_text if c.kind == "question" else "",
                    },
                    ensure_ascii=False,
                )
                + "\n"
            )
        fh.flush()
        os.fsync(fh.fileno())


@dataclass(frozen=True)
class ChunkRecord:
    """One retrieval key as stored in the chunk table (see :class:`bot.engine.models.Chunk`)."""

    id: str
    doc_id: str
    heading: str
    text: str
    position: int
    section: int = 0
    kind: str = "body"
    audience: str = "any"
    key: str = ""  # the text of a question key (a heading or an asked phrasing)

    @property
    def section_key(self) -> tuple[str, int]:
        return (self.doc_id, self.section)


FIX = (
    "rebuild it with `python ingest.py --rebuild`, or publish the previous version again with "
    "`python ingest.py --rollback`"
)
CHUNK_FIELDS = frozenset(f.name for f in fields(ChunkRecord))  # a chunks.jsonl record has exactly these


def damaged(path: Path, what: str) -> IndexDamagedError:
    """The error for a damaged file of a published version: names the file, the damage and the fix."""
    return IndexDamagedError(f"index file {path} is damaged: {what}; {FIX}")


def check_manifest(manifest: Any, path: Path) -> None:
    """Raise :class:`IndexDamagedError` unless ``manifest`` (read from ``path/manifest.json``) has
    the fields and types :func:`bot.engine.ingest._build` writes and names its own folder."""
    where = path / "manifest.json"
    if not isinstance(manifest, dict):
        raise damaged(where, f"a JSON object was expected, not {type(manifest).__name__}")
    for key, kind in (("version", str), ("embedding", dict), ("chunk_count", int), ("documents", dict)):
        if not isinstance(manifest.get(key), kind) or isinstance(manifest.get(key), bool):
            raise damaged(where, f"field {key!r} is missing or not a {kind.__name__}")
    if manifest["version"] != path.name.removesuffix(".partial"):
        raise damaged(where, f"it names version {manifest['version']!r} but sits in folder {path.name!r}")
    emb = manifest["embedding"]
    if not isinstance(emb.get("name"), str) or not isinstance(emb.get("dim"), int) or emb["dim"] <= 0:
        raise damaged(where, "field 'embedding' needs a name (string) and dim (positive integer)")
    total = 0
    for doc_id, info in manifest["documents"].items():
        if not (isinstance(info, dict) and isinstance(info.get("meta"), dict) and isinstance(info.get("chunks"), list)):
            raise damaged(where, f"document {doc_id!r} lacks its meta or chunks")
        total += len(info["chunks"])
    if total != manifest["chunk_count"]:
        raise damaged(where, f"chunk_count is {manifest['chunk_count']} but its documents list {total} passages")


def read_chunk_table(path: Path, manifest: dict[str, Any]) -> list[ChunkRecord]:
    """The chunk table, checked against the manifest: every line a complete record, ids unique,
    exactly the passages the manifest lists, each under its own document."""
    file = path / "chunks.jsonl"
    listed = {cid: doc_id for doc_id, info in manifest["documents"].items() for cid in info["chunks"]}
    chunks: list[ChunkRecord] = []
    try:
        with open(file, encoding="utf-8") as fh:
            for n, line in enumerate(fh, 1):
                try:
                    rec = json.loads(line)
                except ValueError as exc:  # JSONDecodeError, or a number past Python's digit limit
                    reason = exc.msg if isinstance(exc, json.JSONDecodeError) else str(exc)
                    raise damaged(file, f"line {n} is not JSON ({reason})") from None
                if not isinstance(rec, dict) or set(rec) != CHUNK_FIELDS:
                    raise damaged(file, f"line {n} is not a passage record")
                if listed.get(rec["id"]) != rec["doc_id"]:
                    raise damaged(
                        file,
                        f"line {n}: passage {str(rec['id'])[:40]!r} is not listed in the manifest under that document",
                    )
                chunks.append(ChunkRecord(**rec))
    except FileNotFoundError:
        raise damaged(file, "it is missing") from None
    except UnicodeDecodeError as exc:
        raise damaged(file, f"not UTF-8 (byte {exc.start})") from None
    except OSError as exc:
        raise damaged(file, f"cannot be read ({exc.strerror})") from None
    if len(chunks) != manifest["chunk_count"] or len({c.id for c in chunks}) != len(chunks):
        raise damaged(
            file,
            f"it holds {len(chunks)} passages ({len({c.id for c in chunks})} distinct), "
            f"the manifest lists {manifest['chunk_count']}",
        )
    return chunks


COPY_PREFIX = "kenri-chroma-"


def _remove_orphaned_copies() -> None:
    """Delete private copies left by processes that no longer run (killed before closing)."""
    for path in Path(tempfile.gettempdir()).glob(f"{COPY_PREFIX}*"):
        pid = path.name[len(COPY_PREFIX) :].split("-", 1)[0]
        if not pid.isdigit() or int(pid) == os.getpid():
            continue
        try:
            os.kill(int(pid), 0)
        except ProcessLookupError:
            shutil.rmtree(path, ignore_errors=True)
        except OSError:  # alive, owned by someone else
            continue


def private_chroma_copy(version_dir: Path) -> Path:
    """A private copy of a published version's embedded Chroma folder, for reading.

    Chroma rewrites its SQLite file and HNSW segment whenever a client opens a folder, so a
    reader that opened the published files would write to them (and could not start from a
    read-only index or on a full disk). The copy goes to the system temp folder (``TMPDIR``)
    and is removed by :meth:`OpenIndex.close`; copies left by a killed process are removed by
    the next copy made."""
    src = version_dir / "chroma"
    if not (src / "chroma.sqlite3").is_file():
        raise damaged(src, "the dense index (chroma.sqlite3) is missing")
    _remove_orphaned_copies()
    tmp = Path(tempfile.mkdtemp(prefix=f"{COPY_PREFIX}{os.getpid()}-{version_dir.name}-"))
    try:
        shutil.copytree(src, tmp / "chroma")
    except OSError as exc:
        shutil.rmtree(tmp, ignore_errors=True)
        raise KenriError(
            f"cannot copy the dense index {src} to the temp folder {tmp.parent} for reading: {exc.strerror}; "
            "free space there or point TMPDIR at a folder with room"
        ) from exc
    return tmp


def read_manifest(path: Path) -> dict[str, Any]:
    """``path/manifest.json``, checked (:func:`check_manifest`); IndexDamagedError otherwise."""
    file = path / "manifest.json"
    try:
        manifest = json.loads(file.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise damaged(file, "it is missing") from None
    except (ValueError, OSError) as exc:
        raise damaged(file, f"not readable JSON ({exc})") from None
    check_manifest(manifest, path)
    return manifest


def verify_version(
    path: Path,
    target: ChromaTarget | None = None,
    embedding: tuple[str, int] | None = None,
    *,
    every_file: bool = False,
) -> dict[str, Any]:
    """Open the version at ``path`` as the bot would, then close it; return its manifest.

    ``embedding`` is the configured encoder's (name, dims); None accepts the manifest's own.
    ``target`` defaults to where the manifest says its dense index was built. ``every_file``:
    check Chroma and the readers' vectors file both, as ingest does before it calls a version up
    to date (the bot reads only one of them).
    Raises IndexDamagedError (naming the file and the fix) or ModelMismatchError.
    """
    manifest = read_manifest(path)
    name, dim = embedding or (manifest["embedding"]["name"], manifest["embedding"]["dim"])
    target = target or ChromaTarget(manifest.get("chroma_url"))
    OpenIndex(path, manifest, name, dim, target, every_file=every_file).close()
    return manifest


class OpenIndex:
    """A published version opened for reading. Thread-safe for concurrent queries.

    Opening verifies the version (manifest fields, chunk table against the manifest, keyword
    and dense index counts, encoder) and raises :class:`IndexDamagedError` naming the damaged
    file and the fix. It never writes to the version folder: Chroma reads a private copy
    (``private_copy=False`` only for an unpublished build being verified). A published version
    small enough to hold in memory (``EXACT_SEARCH_MAX``) is read from its :data:`VECTORS_FILE`
    when that matches the manifest, and Chroma is not opened at all (:func:`read_vectors`);
    ``every_file`` opens Chroma and checks the vectors file against it as well.
    """

    def __init__(
        self,
        path: Path,
        manifest: dict[str, Any],
        embedding_name: str,
        embedding_dim: int,
        target: ChromaTarget | None = None,
        *,
        private_copy: bool = True,
        every_file: bool = False,
    ) -> None:
        self.path = path
        check_manifest(manifest, path)
        self.manifest = manifest
        self.version = manifest["version"]
        built = manifest["embedding"]
        if built["name"] != embedding_name or int(built["dim"]) != embedding_dim:
            raise ModelMismatchError(
                f"index {self.version} was built with embedding model {built['name']!r} ({built['dim']} dims) "
                f"but KENRI_EMBEDDING_MODEL is {embedding_name!r} ({embedding_dim} dims); "
                "set it back, or rebuild with `python ingest.py --rebuild`"
            )
        self.docs: dict[str, NoteMeta] = {}
        for doc_id, info in manifest["documents"].items():
            m = dict(info["meta"])
            m["also_urls"] = tuple(m.get("also_urls", ()))
            m["sources"] = tuple(m.get("sources", ()))
            m["crawler_tokens"] = tuple(m.get("crawler_tokens", ()))
            try:
                self.docs[doc_id] = NoteMeta(**m)
            except TypeError as exc:
                what = f"document {doc_id!r} has bad metadata ({exc})"
                raise damaged(path / "manifest.json", what) from None
        # family (English id) -> {lang: doc_id}
        self.families: dict[str, dict[str, str]] = {}
        for doc_id, meta in self.docs.items():
            self.families.setdefault(meta.family, {})[meta.lang] = doc_id
        # the families of vendor and platform notes (their policies and settings)
        self.vendor_families = frozenset(m.family for m in self.docs.values() if m.type in VENDOR_TYPES)
        # ... and of court-case notes
        self.case_families = frozenset(m.family for m in self.docs.values() if m.type == "case-law")
        # ... and of one country's official sources (its law, its authorities' guidance and reports):
        # "copyright office" after another country's name is that country's office, not the USCO
        self.official_jurisdictions = {
            m.family: m.jurisdiction
            for m in self.docs.values()
            if m.type in ("law", "guidance", "report") and m.jurisdiction != "INTL"
        }
        # the hand-checked crawler tokens that name a vendor's notes ("gptbot"), case-folded
        self.crawler_tokens = frozenset(t.casefold() for m in self.docs.values() for t in m.crawler_tokens)
        self.chunks: list[ChunkRecord] = read_chunk_table(path, manifest)
        self.by_id = {c.id: c for c in self.chunks}
        self.row_of = {c.id: i for i, c in enumerate(self.chunks)}
        # section -> the rows of its keys; the first row stands for the section
        self.section_rows: dict[tuple[str, int], list[int]] = {}
        self.doc_sections: dict[str, list[int]] = {}
        for i, c in enumerate(self.chunks):
            if c.section_key not in self.section_rows:
                self.doc_sections.setdefault(c.doc_id, []).append(c.section)
            self.section_rows.setdefault(c.section_key, []).append(i)
        self._subjects: Any = None
        self._months: dict[str, frozenset[tuple[int, int]]] | None = None
        self._writing: dict[str, frozenset[str]] = {}
        self._aspects: dict[str, dict[tuple[str, int], tuple[frozenset[str], frozenset[str]]]] = {}
        doc_rows: dict[str, list[int]] = {}
        for i, c in enumerate(self.chunks):
            doc_rows.setdefault(c.doc_id, []).append(i)
        self._doc_rows: dict[str, np.ndarray] = {k: np.asarray(v) for k, v in doc_rows.items()}
        self._jur = np.asarray([self.docs[c.doc_id].jurisdiction for c in self.chunks])

        try:
            self._bm25 = _bm25s().BM25.load(str(path / "bm25"), show_progress=False)
            self._df = np.diff(np.asarray(self._bm25.scores["indptr"]))
            self._vocab: dict[str, int] = self._bm25.vocab_dict
            docs_in_bm25 = int(self._bm25.scores["num_docs"])
        except Exception as exc:  # bm25s raises many kinds on missing or damaged files
            what = f"the keyword index cannot be loaded ({type(exc).__name__})"
            raise damaged(path / "bm25", what) from None
        if docs_in_bm25 != len(self.chunks):
            raise damaged(
                path / "bm25",
                f"the keyword index holds {docs_in_bm25} passages, the chunk table {len(self.chunks)}",
            )
        self.target = target or ChromaTarget()
        self._copy: Path | None = None
        self._client = None
        self._matrix: np.ndarray | None = None
        dim = int(manifest["embedding"]["dim"])
        if self.target.url is None and private_copy and not every_file and len(self.chunks) <= EXACT_SEARCH_MAX:
            # a published version read from its own copy of the vectors: Chroma is neither copied
            # nor opened (a build being verified is read through Chroma, which it checks)
            self._matrix = read_vectors(path, manifest, len(self.chunks), dim)
        if self._matrix is not None:
            _remove_orphaned_copies()
            self._count = len(self.chunks)
            self._load_question_keys()
            return
        if self.target.url is None and private_copy:
            self._copy = private_chroma_copy(path)
        name = self.target.collection(self.version)
        where = self.target.url or str(path / "chroma")
        try:
            self._client = self.target.client(self._copy or path)
            self._col = self._client.get_collection(name)
            count = int(self._col.count())
            self._count = count
        except KenriError:
            self.close()
            raise
        except Exception as exc:
            self.close()
            if self.target.url is not None:
                raise KenriError(f"index {self.version} has no Chroma collection {name!r} at {where}: {exc}") from exc
            raise damaged(path / "chroma", f"the dense index cannot be read ({type(exc).__name__})") from None
        if count != len(self.chunks):
            self.close()
            what = f"the dense index holds {count} passages, the chunk table {len(self.chunks)}"
            raise damaged(Path(where), what)
        if len(self.chunks) <= EXACT_SEARCH_MAX:
            self._matrix = self._fetch_vectors(range(len(self.chunks)))
        if every_file and "vectors" in manifest:
            copy, problem = _load_vectors(path, manifest, len(self.chunks), dim)
            if copy is not None and (self._matrix is None or not np.array_equal(copy, self._matrix)):
                problem = "it does not hold the vectors Chroma holds"
            if problem:
                self.close()
                raise damaged(path / VECTORS_FILE, problem)
        self._load_question_keys()
        if self._matrix is not None:
            # every vector is in memory: the Chroma client and its private copy are not needed
            # for queries, and are released now rather than when (or if) the caller closes
            self.close()

    def _fetch_vectors(self, rows: Iterable[int]) -> np.ndarray:
        """Vectors of the given chunk-table rows, read from Chroma in batches (zeros if missing)."""
        ids = [self.chunks[i].id for i in rows]
        return collection_vectors(self._col, ids, int(self.manifest["embedding"]["dim"]))

    def _load_question_keys(self) -> None:
        """Hold the question keys' vectors (headings and ``asked`` phrasings: a few per section)
        in memory, so every section's question similarity costs one matrix product."""
        rows = [i for i, c in enumerate(self.chunks) if c.kind == "question"]
        self._q_rows = np.asarray(rows, dtype=np.int64)
        self._q_pos = {row: j for j, row in enumerate(rows)}
        self._q_matrix = self._matrix[self._q_rows] if self._matrix is not None else self._fetch_vectors(rows)

    def section_question_sim(self, key: tuple[str, int], vector: np.ndarray) -> float:
        """The best cosine similarity between ``vector`` and the section's question keys (-1: none)."""
        js = [self._q_pos[r] for r in self.section_rows.get(key, ()) if r in self._q_pos]
        if not js:
            return -1.0
        return float(np.max(similarities(self._q_matrix[js], vector)))

    def section_twin_sim(self, key: tuple[str, int], other: tuple[str, int]) -> float:
        """How closely two sections ask the same question: the best cosine similarity between
        their question keys (headings and ``asked`` phrasings; -1: either has none)."""
        a = [self._q_pos[r] for r in self.section_rows.get(key, ()) if r in self._q_pos]
        b = [self._q_pos[r] for r in self.section_rows.get(other, ()) if r in self._q_pos]
        if not a or not b:
            return -1.0
        return float(np.max(self._q_matrix[a] @ self._q_matrix[b].T))

    def subjects(self, dictionary: dict[str, int]) -> Any:
        """The corpus's subject vocabulary (:class:`bot.engine.subjects.SubjectIndex`), built on
        first use from this version's notes, keyword vocabulary and section texts."""
        if self._subjects is None:
            from .subjects import SubjectIndex

            # What the corpus is *about*: titles, publishers, headings, asked phrasings, aliases;
            # a word met only in passing in a note's text ("Reddit") is not a subject it covers.
            texts = [m.title for m in self.docs.values()] + [m.publisher for m in self.docs.values()]
            texts += list({c.heading for c in self.chunks}) + [c.key for c in self.chunks if c.key]
            bodies = [c.text for c in self.chunks if c.kind != "question"]
            self._subjects = SubjectIndex.build(self.docs.values(), texts, dictionary, bodies)
        return self._subjects

    def families_writing(self, name: str, pattern: re.Pattern[str]) -> frozenset[str]:
        """The source families whose sections' texts match ``pattern``, computed once per
        ``name`` (a cache key for the pattern)."""
        if name not in self._writing:
            self._writing[name] = self._families_matching(pattern)
        return self._writing[name]

    def families_writing_word(self, word: str) -> frozenset[str]:
        """The source families whose sections' texts write ``word`` as a word, any case (not
        cached: a cache keyed by every word questions ask about would grow without bound)."""
        return self._families_matching(re.compile(rf"(?<![A-Za-z0-9]){re.escape(word)}(?![A-Za-z0-9])", re.I))

    def _families_matching(self, pattern: re.Pattern[str]) -> frozenset[str]:
        """One scan of the sections' texts (not their ``asked:`` phrasings) for ``pattern``."""
        return frozenset(
            self.docs[c.doc_id].family for c in self.chunks if c.kind != "question" and pattern.search(c.text)
        )

    def places_asked(self, name: str, asks: Callable[[str], bool]) -> frozenset[str]:
        """The jurisdictions of law, guidance, report and court sections whose own question (the
        section heading) ``asks`` is true of, and those that such a section of an international
        overview names in its question; computed once per ``name`` (a cache key for ``asks``)."""
        key = f"places:{name}"
        if key not in self._writing:
            found: set[str] = set()
            for (doc_id, section), rows in self.section_rows.items():
                meta = self.docs[doc_id]
                heading = self.chunks[rows[0]].heading
                if section == 0 or meta.type in VENDOR_TYPES or not asks(heading):
                    continue
                found.update(mentioned_jurisdictions(heading) if meta.jurisdiction == "INTL" else [meta.jurisdiction])
            self._writing[key] = frozenset(found)
        return self._writing[key]

    def months_of(self, family: str) -> frozenset[tuple[int, int]]:
        """The ``(year, month)`` pairs a source family's notes write (every language), built for
        all families on first use (:func:`bot.engine.subjects.months_in`)."""
        if self._months is None:
            from .subjects import months_in

            found: dict[str, set[tuple[int, int]]] = {}
            for c in self.chunks:
                if c.kind != "question":
                    found.setdefault(self.docs[c.doc_id].family, set()).update(months_in(c.text))
            self._months = {f: frozenset(ms) for f, ms in found.items()}
        return self._months.get(family, frozenset())

    def question_similarities(
        self, vector: np.ndarray, jurisdictions: Sequence[str] | None = None
    ) -> dict[tuple[str, int], tuple[float, int]]:
        """Each section's best cosine similarity between ``vector`` and its question keys, with
        the row of that key: ``{(doc_id, section): (similarity, row)}``."""
        if not len(self._q_rows):
            return {}
        sims = similarities(self._q_matrix, vector)
        best: dict[tuple[str, int], tuple[float, int]] = {}
        wanted = set(jurisdictions) if jurisdictions else None
        top = np.argsort(-sims, kind="stable")[:QUESTION_KEYS_SCANNED]
        for j in top:
            row = int(self._q_rows[j])
            if wanted is not None and self._jur[row] not in wanted:
                continue
            key = self.chunks[row].section_key
            if key not in best:
                best[key] = (float(sims[j]), row)
        return best

    # -------------------------------------------------------------- queries
    def jurisdiction_filter(self, jurisdictions: Sequence[str] | None) -> dict[str, Any] | None:
        if not jurisdictions:
            return None
        return {"jurisdiction": {"$in": list(jurisdictions)}}

    def dense(self, vector: np.ndarray, n: int, jurisdictions: Sequence[str] | None = None) -> list[tuple[str, float]]:
        n = min(n, len(self.chunks))
        if n == 0:
            return []
        if self._matrix is not None:
            sims = similarities(self._matrix, vector)
            if jurisdictions:
                sims = np.where(np.isin(self._jur, list(jurisdictions)), sims, -2.0)
            top = np.argpartition(-sims, n - 1)[:n]
            top = top[np.argsort(-sims[top], kind="stable")]
            return [(self.chunks[i].id, float(sims[i])) for i in top if sims[i] > -2.0]
        if jurisdictions:
            # Chroma's metadata-filtered query costs ~200 ms at 100,000 chunks; an unfiltered one
            # for DENSE_OVERFETCH results costs ~6 ms. Filtered here, it gives the same top n
            # whenever n of them pass (or it covered every chunk); otherwise ask Chroma to filter.
            wanted = set(jurisdictions)
            k = min(len(self.chunks), DENSE_OVERFETCH)
            hits = [(cid, s) for cid, s in self._dense(vector, k, None) if self._jur[self.row_of[cid]] in wanted]
            if len(hits) >= n or k == len(self.chunks):
                return hits[:n]
        return self._dense(vector, n, self.jurisdiction_filter(jurisdictions))

    def _dense(self, vector: np.ndarray, n: int, where: dict[str, Any] | None) -> list[tuple[str, float]]:
        res = self._col.query(
            query_embeddings=[np.asarray(vector, dtype=np.float32)],
            n_results=n,
            where=where,
            include=["distances"],
        )
        ids = res["ids"][0]
        dists = res["distances"][0]
        return [(i, 1.0 - float(d)) for i, d in zip(ids, dists, strict=True)]

    def keyword(self, tokens: list[str], n: int, jurisdictions: Sequence[str] | None = None) -> list[tuple[str, float]]:
        if not tokens or not self.chunks:
            return []
        scores = np.asarray(self._bm25.get_scores(tokens), dtype=np.float32)
        if jurisdictions:
            scores = np.where(np.isin(self._jur, list(jurisdictions)), scores, 0.0)
        n = min(n, len(scores))
        top = np.argpartition(-scores, n - 1)[:n]
        top = top[np.argsort(-scores[top], kind="stable")]
        return [(self.chunks[i].id, float(scores[i])) for i in top if scores[i] > 0]

    def _doc_aspects(self, doc_id: str) -> dict[tuple[str, int], tuple[frozenset[str], frozenset[str]]]:
        """Per section of ``doc_id``: the keyword tokens of its question keys (heading, ``asked``
        phrasings) that at most half of the note's sections use, what the section asks that its
        siblings do not; and the same for its answer text. Built per note on first use (a
        question touches a few dozen notes), so opening an index pays nothing for it."""
        cached = self._aspects.get(doc_id)
        if cached is not None:
            return cached
        keys: dict[tuple[str, int], set[str]] = {}
        bodies: dict[tuple[str, int], set[str]] = {}
        for section in self.doc_sections.get(doc_id, ()):
            if section <= 0:
                continue
            key = (doc_id, section)
            for row in self.section_rows[key]:
                c = self.chunks[row]
                if c.kind == "question":
                    keys.setdefault(key, set()).update(_content_tokens(c.key or c.heading))
                elif c.kind != "intro":
                    bodies.setdefault(key, set()).update(_content_tokens(c.text))
        limit = max(1, len(keys) // 2)
        df: dict[str, int] = {}
        bdf: dict[str, int] = {}
        for key in keys:
            for t in keys[key]:
                df[t] = df.get(t, 0) + 1
            for t in bodies.get(key, ()):
                bdf[t] = bdf.get(t, 0) + 1
        out = {
            key: (
                frozenset(t for t in keys[key] if df[t] <= limit),
                frozenset(t for t in bodies.get(key, ()) if bdf[t] <= limit),
            )
            for key in keys
        }
        self._aspects[doc_id] = out
        return out

    def aspect_weights(self, tokens: Collection[str]) -> dict[str, float]:
        """The question's content tokens (Japanese bigrams with hiragana left out) with their IDF,
        computed once per question for :meth:`aspect_match`."""
        return {t: self.idf(t) for t in set(tokens) if not _HIRAGANA.search(t)}

    def aspect_match(self, key: tuple[str, int], weights: Mapping[str, float]) -> float:
        """Share (0-1.5) of the question's keyword weight (``weights``, from :meth:`aspect_weights`)
        that falls on the section's distinctive question-key terms (:meth:`_doc_aspects`), plus
        ``BODY_ASPECT_WEIGHT`` times the share on its answer text's distinctive terms: how far
        the question asks what this section asks or answers rather than what its note as a whole
        is about ("…content analysis…" finds the content-analysis section of Adobe's note, not
        its opening question; "…IPs not in the published list…" the section on verifying a
        crawler's IP addresses)."""
        total = sum(weights.values())
        if total <= 0:
            return 0.0
        terms, body = self._doc_aspects(key[0]).get(key, (frozenset(), frozenset()))
        asked = sum(w for t, w in weights.items() if t in terms)
        answered = sum(w for t, w in weights.items() if t in body)
        return (asked + BODY_ASPECT_WEIGHT * answered) / total

    def uses(self, token: str) -> bool:
        """Some indexed chunk contains ``token`` (a token of :func:`bot.engine.text.tokenize`)."""
        i = self._vocab.get(token)
        return i is not None and i < len(self._df) and int(self._df[i]) > 0

    def idf(self, token: str) -> float:
        """Inverse document frequency; a token the corpus never uses counts as maximally rare."""
        i = self._vocab.get(token)
        df = int(self._df[i]) if i is not None and i < len(self._df) else 0
        return math.log((len(self.chunks) + 1) / (df + 0.5))

    def keyword_coverage(self, tokens: list[str], chunk_ids: Sequence[str]) -> float:
        """Share of the question's keyword weight (IDF) found in the best of ``chunk_ids``.

        High when a passage contains the question's rare terms ("Zarya", "Bytespider"); low when
        the question hinges on something the corpus never mentions ("Korea").
        """
        unique = set(tokens)
        total = sum(self.idf(t) for t in unique)
        if not unique or total <= 0:
            return 0.0
        best = 0.0
        for cid in chunk_ids:
            rec = self.by_id[cid]
            present = set(tokenize(f"{self.docs[rec.doc_id].title}\n{rec.heading}\n{rec.text}"))
            best = max(best, sum(self.idf(t) for t in unique & present) / total)
        return best

    def vectors(self, ids: Sequence[str]) -> dict[str, np.ndarray]:
        if not ids:
            return {}
        if self._matrix is not None:
            return {i: self._matrix[self.row_of[i]] for i in ids if i in self.row_of}
        res = self._col.get(ids=list(ids), include=["embeddings"])
        return {i: np.asarray(e, dtype=np.float32) for i, e in zip(res["ids"], res["embeddings"], strict=True)}

    def doc_chunk_ids(self, doc_id: str) -> list[str]:
        rows = self._doc_rows.get(doc_id)
        return [] if rows is None else [self.chunks[i].id for i in rows]

    def count(self) -> int:
        """Vectors in the dense index (as counted at open when the vectors are held in memory)."""
        if self._client is None:
            return self._count
        return int(self._col.count())

    def close(self) -> None:
        if self._client is not None:
            close_client(self._client)
            self._client = None
        if self._copy is not None:
            shutil.rmtree(self._copy, ignore_errors=True)
            self._copy = None
