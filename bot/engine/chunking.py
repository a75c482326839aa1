"""Split notes into sections, and each section into retrieval keys (multi-vector retrieval).

A section is one ``##`` heading (a question a creator asks) with everything under it, or the
note's opening before the first heading. A section is never split for showing: the answer shows
it whole, code blocks and numbered steps included. For retrieval it gets several keys that all
point at it: its heading and each ``asked:`` phrasing (``question`` keys), and its text split by
size in the encoder's tokens under the note's title and heading (``body`` keys; ``intro`` for
the opening, which describes the source and is never shown as an answer).

Size splitting uses langchain-text-splitters.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable

from langchain_text_splitters import RecursiveCharacterTextSplitter

from bot.engine.models import Chunk
from bot.knowledge.corpus import split_sections
from bot.knowledge.i18n import Text
from bot.knowledge.schema import Note, SectionInfo

SEPARATORS = ["\n\n", "\n", "。", ". ", "、", ", ", " ", ""]
INTRO_HEADING = Text(en="About this source", ja="この資料について")


def chunk_id(doc_id: str, position: int, index_text: str, text: str = "") -> str:
    h = hashlib.sha256(f"{doc_id}\x00{position}\x00{index_text}\x00{text}".encode()).hexdigest()
    return f"{doc_id}:{h[:16]}"


def split_note(
    note: Note,
    count_tokens: Callable[[str], int],
    chunk_tokens: int,
    chunk_overlap: int,
) -> list[Chunk]:
    """Return the note's retrieval keys in order; each carries its whole section as ``text``."""
    size_splitter = RecursiveCharacterTextSplitter(
        chunk_size=chunk_tokens,
        chunk_overlap=min(chunk_overlap, chunk_tokens // 2),
        length_function=count_tokens,
        separators=SEPARATORS,
        keep_separator="end",
    )
    meta = note.meta
    extras = {s.heading: s for s in note.sections}
    chunks: list[Chunk] = []
    for heading, raw in split_sections(note.body):
        number = 0 if heading is None else len({c.section for c in chunks if c.section}) + 1
        text = unwrap_markdown(raw.replace("  \n", "\n\n")).strip()
        if not text:
            continue
        label = heading or INTRO_HEADING.get(meta.lang)
        info = extras.get(heading or "", SectionInfo(heading=label))
        body_kind = "intro" if heading is None else "body"
        keys: list[tuple[str, str]] = []
        pieces = [text] if count_tokens(text) <= chunk_tokens else size_splitter.split_text(text)
        for piece in pieces:
            piece = piece.strip()
            if len(piece) < 20 and len(pieces) > 1:
                continue  # drop slivers left by the size splitter
            keys.append((body_kind, f"{meta.title}\n{label}\n{piece}"))
        if heading is not None:
            keys.append(("question", heading))
            keys += [("question", a) for a in info.asked if a != heading]
        for kind, index_text in keys:
            position = len(chunks)
            chunks.append(
                Chunk(
                    id=chunk_id(meta.id, position, index_text, text),
                    doc_id=meta.id,
                    heading=label,
                    text=text,
                    index_text=index_text,
                    position=position,
                    section=number,
                    kind=kind,
                    audience=info.audience,
                )
            )
    return chunks


# Revision of how notes become chunk texts; part of the corpus fingerprint, so a change here makes
# the next ingest rebuild instead of reporting "up to date" (2: a wrapped line starting with a
# number other than 1 joins its paragraph; 3: blank lines in code blocks carry no indentation)
CHUNKING = 3

_BLOCK_START = re.compile(r"^\s*(?:[-*+]\s|\d+[.)]\s|[|>#]|```|~~~)")
_LIST_START = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s")
_NUMBERED = re.compile(r"^\s*(\d+)[.)]\s")
_CJK_END = re.compile(r"[\u3000-\u30ff\u3400-\u9fff\uff00-\uffef]$")
_CJK_START = re.compile(r"^[\u3000-\u30ff\u3400-\u9fff\uff00-\uffef]")


def unwrap_markdown(text: str) -> str:
    """Join hard-wrapped lines of a paragraph or list item so quotes read well in Discord.

    Code blocks, list starts, tables, quotes and headings keep their own lines. As in CommonMark
    (§5.2), a numbered line other than "1." does not interrupt a paragraph: "…judgment of 4 November
    / 2025. The judge found…" is one sentence wrapped before a year, not a list.
    """
    out: list[str] = []
    in_code = False
    in_list = False  # the current block started with a list marker
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped.startswith(("```", "~~~")):
            in_code = not in_code
            out.append(line)
            continue
        block_start = _BLOCK_START.match(line)
        if block_start and not in_code and out and out[-1].strip() and not in_list:
            number = _NUMBERED.match(line)
            if number and number.group(1) != "1":
                block_start = None  # a wrapped paragraph line that starts with a number
        if in_code or not stripped or not out or not out[-1].strip() or block_start:
            if not in_code:
                in_list = bool(stripped) and (in_list or bool(_LIST_START.match(line)))
            out.append(line if in_code and stripped else line.rstrip())  # no whitespace-only lines
            continue
        prev = out[-1]
        if prev.lstrip().startswith(("```", "~~~", "|", "#")):
            out.append(line.rstrip())
            continue
        joiner = "" if _CJK_END.search(prev) and _CJK_START.match(stripped) else " "
        out[-1] = prev.rstrip() + joiner + stripped
    return "\n".join(out)
