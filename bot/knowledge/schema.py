"""The schema of knowledge/: jurisdictions, document types, languages, audiences, and the
validated note types every layer reads (see docs/adding-a-source.md)."""

from __future__ import annotations

from dataclasses import dataclass

from bot.knowledge.i18n import Messages, Text

JURISDICTIONS = ("JP", "US", "EU", "UK", "INTL")
JURISDICTION_NAMES: Messages = {
    "JP": Text(en="Japan", ja="日本"),
    "US": Text(en="United States", ja="米国"),
    "EU": Text(en="European Union", ja="EU"),
    "UK": Text(en="United Kingdom", ja="英国"),
    "INTL": Text(en="International (vendor/platform policy)", ja="国際（事業者・プラットフォームの方針）"),
}


def jurisdiction_name(code: str, lang: str) -> str:
    """The name of jurisdiction ``code`` in ``lang`` (English unless ``"ja"``); an unknown code as is."""
    name = JURISDICTION_NAMES.get(code)
    return name.get(lang) if name else code


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
    # the hand-checked crawler user-agent tokens of crawlers.yaml that name this vendor's note
    # (also among ``aliases``; set at load, never written in front matter)
    crawler_tokens: tuple[str, ...] = ()

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
