"""Source ids in shown text become the sources' titles.

Notes point at each other by id ("(see meta-crawlers)", 「x-grok-training-setting-jaを参照」);
an id means nothing to a reader, so an answer shows the title of that source instead, in the
answer's language when a translation exists ("(see “Meta's web crawlers”)").
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from bot.knowledge import Messages, NoteMeta, Text, lookup

# A slug with at least one hyphen, not part of a longer ASCII word, path or URL (Japanese text may
# touch it: 「…-jaを参照」). Possessive quantifiers: linear time.
_SLUG = re.compile(r"(?<![A-Za-z0-9_/.:#-])[a-z0-9]++(?:-[a-z0-9]++)++(?![A-Za-z0-9_/-])")
_QUOTES: Messages = {"open": Text(en="“", ja="「"), "close": Text(en="”", ja="」")}
# Code and addresses are shown as written: fenced blocks, inline code and URLs (whose #anchors look
# like ids) are never rewritten.
_CODE = re.compile(r"```.*?(?:```|\Z)|`[^`\n]*+`|https?://[^\s<>)\]）」]++", re.DOTALL)


def referenced_sources(text: str, docs: Mapping[str, NoteMeta], language: str) -> list[NoteMeta]:
    """The sources whose ids ``text`` names outside code and URLs, in order of first mention, each
    in the answer's language when it has a version in it (see :func:`name_references`)."""
    lang = "ja" if language == "ja" else "en"
    out: dict[str, NoteMeta] = {}
    for piece, is_code in _pieces(text):
        for match in [] if is_code else _SLUG.finditer(piece):
            meta = _source(match.group(0), docs, lang)
            if meta is not None:
                out.setdefault(meta.id, meta)
    return list(out.values())


def _pieces(text: str) -> list[tuple[str, bool]]:
    """``text`` cut into ``(piece, is_code)``: code blocks, inline code and URLs (never rewritten
    nor read for ids) and the prose between them, in order."""
    out, last = [], 0
    for code in _CODE.finditer(text):
        out += [(text[last : code.start()], False), (code.group(0), True)]
        last = code.end()
    out.append((text[last:], False))
    return out


def _source(ref: str, docs: Mapping[str, NoteMeta], lang: str) -> NoteMeta | None:
    """The note an id names, in ``lang`` when it has a version in it; None for other slugs."""
    family = ref.removesuffix("-ja") if ref.endswith("-ja") and ref.removesuffix("-ja") in docs else ref
    if family not in docs:
        return None
    return (docs.get(f"{family}-ja") if lang == "ja" else None) or docs[family]


def name_references(text: str, docs: Mapping[str, NoteMeta], language: str) -> str:
    """``text`` with every id of a source in ``docs``, outside code and URLs, replaced by its quoted title.

    ``docs`` maps note id to metadata (an index's notes). In a Japanese answer the Japanese
    version's title is used when there is one (``<id>-ja``); in any other language a ``-ja`` id
    names its English source. Slugs that are not note ids are left as they are.
    """
    lang = "ja" if language == "ja" else "en"
    open_q, close_q = lookup(_QUOTES, "open", lang), lookup(_QUOTES, "close", lang)

    def title(match: re.Match[str]) -> str:
        meta = _source(match.group(0), docs, lang)
        return match.group(0) if meta is None else f"{open_q}{meta.title}{close_q}"

    return "".join(piece if is_code else _SLUG.sub(title, piece) for piece, is_code in _pieces(text))
