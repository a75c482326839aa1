"""Plain data passed between the engine's stages and to the front ends."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from bot.knowledge.schema import JURISDICTION_NAMES, JURISDICTIONS, LANGS, Note, NoteMeta, SectionInfo  # noqa: F401


@dataclass(frozen=True)
class Chunk:
    """One retrieval key of a section (multi-vector retrieval: several keys, one section).

    ``kind`` is ``question`` (the heading or an ``asked`` phrasing), ``body`` (a piece of the
    section's text under its title and heading) or ``intro`` (a piece of a note's opening, which
    describes the source and is never shown as an answer). ``text`` is always the whole section.
    """

    id: str
    doc_id: str
    heading: str
    text: str  # the whole section, as shown and quoted to users
    index_text: str  # what is embedded and keyword-indexed for this key
    position: int
    section: int = 0  # the section's number within its note (0 = the opening)
    kind: str = "body"
    audience: str = "any"


@dataclass
class Passage:
    """A retrieved chunk with its scores."""

    chunk_id: str
    doc_id: str
    heading: str
    text: str
    meta: NoteMeta
    cosine: float = 0.0  # cosine similarity of the question to the section's best key (dense retrieval)
    keyword: float = 0.0  # BM25 score (best key of the section)
    fused: float = 0.0  # reciprocal-rank-fusion score
    section: int = 0
    kind: str = "body"
    audience: str = "any"
    question_cosine: float = 0.0  # cosine similarity of the question to the section's best question key
    # share (0-1, IDF-weighted) of the question's keywords found among the terms that set this
    # section's question keys apart from the other sections of its note ("content analysis")
    aspect: float = 0.0


@dataclass
class Citation:
    n: int
    source_id: str
    title: str
    publisher: str
    url: str
    jurisdiction: str
    verified: str
    quote: str
    heading: str = ""
    chunk_id: str = ""
    lang: str = "en"

    def to_json(self) -> dict[str, Any]:
        return {
            "n": self.n,
            "source_id": self.source_id,
            "title": self.title,
            "publisher": self.publisher,
            "url": self.url,
            "jurisdiction": self.jurisdiction,
            "verified": self.verified,
            "quote": self.quote,
        }


@dataclass
class SeeAlso:
    """A relevant source listed without a number: the answer text does not use it."""

    source_id: str
    title: str
    url: str
    jurisdiction: str

    def to_json(self) -> dict[str, Any]:
        return {
            "source_id": self.source_id,
            "title": self.title,
            "url": self.url,
            "jurisdiction": self.jurisdiction,
        }


@dataclass
class Answer:
    question: str
    answered: bool
    language: str
    text: str  # the answer as shown: lead section(s), notes, "Applies to" and the disclaimer
    citations: list[Citation] = field(default_factory=list)
    elapsed_ms: float = 0.0
    truncated: bool = False  # the question was cut to the configured maximum
    retrieved_ids: tuple[str, ...] = ()  # chunk ids retrieved for this question
    notice: str = ""  # e.g. a truncation notice, shown beside the answer
    ranked_sources: tuple[str, ...] = ()  # source families in rank order, cited ones first
    signals: dict[str, float] = field(default_factory=dict)  # relevance evidence behind answered
    see_also: list[SeeAlso] = field(default_factory=list)  # relevant sources the text does not use
    general_rule: bool = False  # the asked-about subject has no source; the text gives the general rule
    missing_subject: str = ""  # the platform, product, case or country the corpus has no source on
    # what a robots.txt pasted in the question does to the AI-training crawlers: set by the front
    # ends from the opt-out toolkit's checker (bot.optout.PastedRobots), not cited; "" when none
    robots_check: str = ""

    def to_json(self) -> dict[str, Any]:
        """The stable JSON contract read by other tools."""
        return {
            "question": self.question,
            "answered": self.answered,
            "language": self.language,
            "answer": self.text,
            "citations": [c.to_json() for c in self.citations],
            "see_also": [s.to_json() for s in self.see_also],
            "general_rule": self.general_rule,
            "robots_check": self.robots_check or None,
            "elapsed_ms": round(self.elapsed_ms, 1),
        }

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)
