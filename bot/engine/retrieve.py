"""Hybrid section retrieval: dense (Chroma) + question keys (in memory) + keyword (BM25), fused
by reciprocal rank (RRF, k=60) over sections, then grouped by source family.

Every section has several keys (its heading, its ``asked`` phrasings, pieces of its text); a
section scores as its best key on each side, so "does turning off the toggle undo past training"
finds the section whose heading asks exactly that, not the note's opening.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from .index import OpenIndex
from .models import Passage
from .planning import SAME_QUESTION_SIM, gives_code
from .text import mentioned_jurisdictions, tokenize

RRF_K = 60
MODES = ("hybrid", "dense", "keyword")  # dense/keyword alone exist for evaluation
SectionKey = tuple[str, int]


@dataclass
class SourceGroup:
    """The sections of one source family (an English note and its translations)."""

    family: str
    passages: list[Passage]  # best first
    cosine: float  # the family's best cosine similarity to the question
    fused: float  # the family's best fused score

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
    question_sims: Mapping[SectionKey, tuple[float, int]] | None = None,
    named: Sequence[str] | None = None,
    subject_families: Collection[str] = (),
    subject_names: Collection[str] = (),
) -> list[Passage]:
    """Return candidate sections ordered by fused score (one :class:`Passage` per section).

    ``qv`` is the question's normalised embedding; ``question`` feeds the keyword side;
    ``question_sims`` (from :meth:`OpenIndex.question_similarities`) is computed when not given;
    ``named`` are the jurisdictions the asker named (default: found in ``question``);
    ``subject_families`` the source families of the subjects the question names (platforms,
    cases, laws), whose sections are ranked once more so that they are always candidates;
    ``subject_names`` names as the question writes them that say which note or where, not which
    of a note's sections ("EU AI Act", "Germany", "EU"): their words do not count towards
    ``aspect``. (A crawler's or product's name can pick the section, "…block ChatGPT-User…": the
    engine passes jurisdictions, places and the names of laws, cases and guidance only.)
    Each passage's ``dense`` is the best cosine similarity of the question to any key of the
    section, ``question_cosine`` the best to its question keys, ``keyword`` its best BM25 score.
    """
    if mode not in MODES:
        raise ValueError(f"retrieval mode {mode!r} is not one of {MODES}")
    n_keys = candidates * 3
    dense = index.dense(qv, n_keys, jurisdictions) if mode != "keyword" else []
    tokens = tokenize(question)
    keyword = index.keyword(tokens, n_keys, jurisdictions) if mode != "dense" else []
    if question_sims is None:
        question_sims = index.question_similarities(qv, jurisdictions) if mode != "keyword" else {}

    best_key: dict[SectionKey, str] = {}
    dense_best: dict[SectionKey, float] = {}
    for cid, score in dense:
        key = index.by_id[cid].section_key
        if score > dense_best.get(key, -2.0):
            dense_best[key] = score
            best_key.setdefault(key, cid)
    kw_best: dict[SectionKey, float] = {}
    for cid, score in keyword:
        key = index.by_id[cid].section_key
        if score > kw_best.get(key, 0.0):
            kw_best[key] = score
            best_key.setdefault(key, cid)

    rankings: list[list[SectionKey]] = []
    if mode != "keyword":
        q_ranked = sorted(question_sims, key=lambda k: (-question_sims[k][0], k))[:candidates]
        rankings.append(q_ranked)
        rankings.append(sorted(dense_best, key=lambda k: (-dense_best[k], k))[:candidates])
    if mode != "dense":
        rankings.append(sorted(kw_best, key=lambda k: (-kw_best[k], k))[:candidates])
    if named is None:
        named = mentioned_jurisdictions(question)
    both = {
        k: max(dense_best.get(k, -1.0), question_sims.get(k, (-1.0, 0))[0])
        for k in set(dense_best) | set(question_sims)
    }
    if named and not jurisdictions and mode == "hybrid":
        # A question that names a jurisdiction ranks that jurisdiction's sections once more.
        wanted = set(named)
        rankings.append(
            sorted((k for k in both if index.docs[k[0]].jurisdiction in wanted), key=lambda k: (-both[k], k))[
                :candidates
            ]
        )
    if subject_families and mode == "hybrid":
        # ... and one that names a subject ("does bing train…") ranks that subject's sections
        # once more: a named platform's note is never missing for want of similar wording.
        fams = set(subject_families)
        rankings.append(
            sorted((k for k in both if index.docs[k[0]].family in fams), key=lambda k: (-both[k], k))[:candidates]
        )
    fused: dict[SectionKey, float] = {}
    for ranking in rankings:
        for rank, key in enumerate(ranking):
            fused[key] = fused.get(key, 0.0) + 1.0 / (RRF_K + rank + 1)

    # Sections found only by keyword or question keys: their body similarity, from the index.
    missing = {}
    for key in fused:
        if key not in dense_best and mode != "keyword":
            for row in index.section_rows[key]:
                if index.chunks[row].kind != "question":
                    missing[index.chunks[row].id] = key
    for cid, vec in index.vectors(list(missing)).items():
        key = missing[cid]
        dense_best[key] = max(dense_best.get(key, -1.0), float(vec @ qv))

    named_tokens = {t for name in subject_names for t in tokenize(name)}
    weights = index.aspect_weights([t for t in tokens if t not in named_tokens])
    passages = []
    for key, score in fused.items():
        q_sim, q_row = question_sims.get(key, (0.0, -1))
        cid = best_key.get(key) or index.chunks[q_row if q_row >= 0 else index.section_rows[key][0]].id
        rec = index.by_id[cid]
        passages.append(
            Passage(
                chunk_id=cid,
                doc_id=rec.doc_id,
                heading=rec.heading,
                text=rec.text,
                meta=index.docs[rec.doc_id],
                cosine=max(dense_best.get(key, 0.0), q_sim),
                keyword=kw_best.get(key, 0.0),
                fused=score,
                section=rec.section,
                kind=_section_kind(key),
                audience=rec.audience,
                question_cosine=q_sim,
                aspect=index.aspect_match(key, weights),
            )
        )
    passages.sort(key=lambda p: (-p.fused, -p.cosine, p.doc_id, p.section))
    return passages


def _section_kind(key: SectionKey) -> str:
    """``intro`` for a note's opening, ``body`` for a question section."""
    return "intro" if key[1] == 0 else "body"


def group_by_source(passages: Sequence[Passage]) -> list[SourceGroup]:
    groups: dict[str, SourceGroup] = {}
    for p in passages:
        g = groups.get(p.meta.family)
        if g is None:
            groups[p.meta.family] = SourceGroup(p.meta.family, [p], p.cosine, p.fused)
        else:
            g.passages.append(p)
            g.cosine = max(g.cosine, p.cosine)
    return sorted(groups.values(), key=lambda g: (-g.fused, -g.cosine))


def section_passage(
    index: OpenIndex,
    key: SectionKey,
    qv: np.ndarray,
    question_sims: Mapping[SectionKey, tuple[float, int]],
    fused: float = 0.0,
) -> Passage:
    """A :class:`Passage` for any section of the index, scored against ``qv``."""
    rows = index.section_rows[key]
    rec = index.chunks[rows[0]]
    q_sim = question_sims.get(key, (0.0, -1))[0]
    body_ids = [index.chunks[r].id for r in rows if index.chunks[r].kind != "question"]
    vecs = index.vectors(body_ids)
    body = max((float(v @ qv) for v in vecs.values()), default=0.0)
    return Passage(
        chunk_id=rec.id,
        doc_id=rec.doc_id,
        heading=rec.heading,
        text=rec.text,
        meta=index.docs[rec.doc_id],
        cosine=max(body, q_sim),
        fused=fused,
        section=rec.section,
        kind=_section_kind(key),
        audience=rec.audience,
        question_cosine=q_sim,
    )


def best_in_language(
    index: OpenIndex,
    qv: np.ndarray,
    passage: Passage,
    lang: str,
    question_sims: Mapping[SectionKey, tuple[float, int]],
) -> Passage | None:
    """The section of ``passage``'s family in ``lang`` that best matches the question: the
    passage itself when it is in ``lang``, else the ``lang`` note's section that best matches
    both the question and the passage's own section (the sum of the two question-key
    similarities), so the twin of the chosen section is shown, not a neighbour that happens to
    share a word with the question. ``None`` when the family has no note in that language."""
    if passage.meta.lang == lang:
        return passage
    doc_id = index.families.get(passage.meta.family, {}).get(lang)
    if doc_id is None:
        return None
    keys = [(doc_id, n) for n in index.doc_sections.get(doc_id, ()) if n > 0]
    if not keys:
        return None
    # the twin of a section that gives lines in a code block gives them too (Anthropic's Japanese
    # "how do I block ClaudeBot?" section was shown as the English list of its three bots)
    own = (passage.doc_id, passage.section)
    # (only a section asking the same question: Apple's English section on the Googlebot fallback
    # quotes lines, its Japanese twin does not, and the Applebot-Extended block is no twin of it)
    if gives_code(passage.text):
        keys = [
            k
            for k in keys
            if gives_code(index.chunks[index.section_rows[k][0]].text)
            and index.section_twin_sim(k, own) >= SAME_QUESTION_SIM
        ] or keys
    best = max(keys, key=lambda k: index.section_question_sim(k, qv) + index.section_twin_sim(k, own))
    return section_passage(index, best, qv, question_sims, passage.fused)
