"""Hybrid retrieval: dense (Chroma) + keyword (BM25), fused by reciprocal rank, grouped by source."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from .index import OpenIndex
from .models import Passage
from .text import mentioned_jurisdictions, tokenize

RRF_K = 60
MODES = ("hybrid", "dense", "keyword")  # dense/keyword alone exist for evaluation


@dataclass
class SourceGroup:
    """The passages of one source family (an English note and its translations)."""

    family: str
    passages: list[Passage]  # best first
    relevance: float  # best dense similarity in the family
    fused: float  # sum of the family's best fused score

    @property
    def best(self) -> Passage:
        return self.passages[0]


def retrieve(
    index: OpenIndex,
    qv: np.ndarray,
    question: str,
    *,
    candidates: int = 30,
    jurisdictions: Sequence[str] | None = None,
    mode: str = "hybrid",
) -> list[Passage]:
    """Return candidate passages ordered by fused score, each with its dense similarity.

    ``qv`` is the question's normalised embedding; ``question`` feeds the keyword side.
    """
    if mode not in MODES:
        raise ValueError(f"retrieval mode {mode!r} is not one of {MODES}")
    dense = index.dense(qv, candidates, jurisdictions) if mode != "keyword" else []
    keyword = index.keyword(tokenize(question), candidates, jurisdictions) if mode != "dense" else []
    rankings = [dense, keyword]
    named = mentioned_jurisdictions(question) if mode == "hybrid" else []
    if named and not jurisdictions:
        # A question that names a jurisdiction ranks that jurisdiction's passages once more.
        rankings.append(index.dense(qv, candidates, named))
    fused: dict[str, float] = {}
    for ranking in rankings:
        for rank, (cid, _score) in enumerate(ranking):
            fused[cid] = fused.get(cid, 0.0) + 1.0 / (RRF_K + rank + 1)
    cos = dict(dense)
    missing = [cid for cid in fused if cid not in cos]
    for cid, vec in index.vectors(missing).items():
        cos[cid] = float(vec @ qv)
    kw = dict(keyword)
    passages = []
    for cid, score in sorted(fused.items(), key=lambda kv: -kv[1]):
        rec = index.by_id[cid]
        passages.append(
            Passage(
                chunk_id=cid, doc_id=rec.doc_id, heading=rec.heading, text=rec.text,
                meta=index.docs[rec.doc_id], dense=cos.get(cid, 0.0), keyword=kw.get(cid, 0.0), fused=score,
            )
        )
    passages.sort(key=lambda p: (-p.fused, -p.dense))
    return passages


def group_by_source(passages: Sequence[Passage]) -> list[SourceGroup]:
    groups: dict[str, SourceGroup] = {}
    for p in passages:
        g = groups.get(p.meta.family)
        if g is None:
            groups[p.meta.family] = SourceGroup(p.meta.family, [p], p.dense, p.fused)
        else:
            g.passages.append(p)
            g.relevance = max(g.relevance, p.dense)
    return sorted(groups.values(), key=lambda g: (-g.fused, -g.relevance))


def best_in_language(
    index: OpenIndex, qv: np.ndarray, group: SourceGroup, lang: str
) -> Passage | None:
    """The family's passage in ``lang``: a retrieved one if any, else the closest chunk of the
    family's ``lang`` note. ``None`` when the family has no note in that language."""
    for p in group.passages:
        if p.meta.lang == lang:
            return p
    doc_id = index.families.get(group.family, {}).get(lang)
    if doc_id is None:
        return None
    ids = index.doc_chunk_ids(doc_id)
    vecs = index.vectors(ids)
    if not vecs:
        return None
    best_id = max(vecs, key=lambda cid: float(vecs[cid] @ qv))
    rec = index.by_id[best_id]
    return Passage(
        chunk_id=best_id, doc_id=doc_id, heading=rec.heading, text=rec.text, meta=index.docs[doc_id],
        dense=float(vecs[best_id] @ qv), fused=group.fused,
    )
