"""Plain data passed between the engine's stages and to the front ends."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

JURISDICTIONS = ("JP", "US", "EU", "UK", "INTL")
JURISDICTION_NAMES = {
    "en": {
        "JP": "Japan",
        "US": "United States",
        "EU": "European Union",
        "UK": "United Kingdom",
        "INTL": "International (vendor/platform policy)",
    },
    "ja": {
        "JP": "日本",
        "US": "米国",
        "EU": "EU",
        "UK": "英国",
        "INTL": "国際（事業者・プラットフォームの方針）",
    },
}
DOC_TYPES = (
    "law",
    "case-law",
    "guidance",
    "report",
    "statement",
    "vendor-policy",
    "platform-setting",
    "standard",
    "news",
)
LANGS = ("en", "ja")
# Who a section's steps are for: people protecting their own work, or people using the tool.
AUDIENCES = ("rights-holder", "user", "any")
CHECKED = ("primary", "copy", "reports")  # how a note's source was read (see docs/adding-a-source.md)


@dataclass(frozen=True)
class NoteMeta:
    """Front matter of one source note (see docs/adding-a-source.md)."""

    id: str
    title: str
    publisher: str
    url: str
    jurisdiction: str
    type: str
    published: str
    verified: str
    lang: str
    translation_of: str = ""
    also_urls: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()  # other names people use for the subject ("Twitter", "インスタ")
    checked: str = ""  # primary | copy | reports: how the source was read on the verified date

    @property
    def family(self) -> str:
        """The English source id shared by a note and its translations."""
        return self.translation_of or self.id


@dataclass(frozen=True)
class SectionInfo:
    """Front-matter extras of one ``##`` section: other ways creators ask its question
    (``asked``, any language) and who its steps are for (``audience``)."""

    heading: str
    asked: tuple[str, ...] = ()
    audience: str = "any"


@dataclass(frozen=True)
class Note:
    """A validated knowledge document ready to be split."""

    meta: NoteMeta
    body: str
    path: str  # relative to the knowledge dir, with forward slashes
    sha256: str  # of the raw file bytes plus its sidecar, if any
    sections: tuple[SectionInfo, ...] = ()  # extras for sections that have them, by heading


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
    dense: float = 0.0  # cosine similarity to the question (best key of the section)
    keyword: float = 0.0  # BM25 score (best key of the section)
    fused: float = 0.0  # reciprocal-rank-fusion score
    section: int = 0
    kind: str = "body"
    audience: str = "any"
    question_sim: float = 0.0  # best cosine similarity of the question to a question key

    @property
    def relevance(self) -> float:
        return self.dense


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
    answer: str
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

    def to_json(self) -> dict[str, Any]:
        """The stable JSON contract read by other tools."""
        return {
            "question": self.question,
            "answered": self.answered,
            "language": self.language,
            "answer": self.answer,
            "citations": [c.to_json() for c in self.citations],
            "see_also": [s.to_json() for s in self.see_also],
            "general_rule": self.general_rule,
            "elapsed_ms": round(self.elapsed_ms, 1),
        }

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)
