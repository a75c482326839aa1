"""Split notes into passages: by Markdown headings first, then by size in encoder tokens.

Uses langchain-text-splitters. Sections are kept whole when they fit, because notes are written
answer-first: a section's first sentence answers its heading.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable

from langchain_text_splitters import MarkdownHeaderTextSplitter, RecursiveCharacterTextSplitter

from .models import Chunk, Note

HEADERS = [("#", "h1"), ("##", "h2"), ("###", "h3")]
SEPARATORS = ["\n\n", "\n", "。", ". ", "、", ", ", " ", ""]
INTRO_HEADING = {"en": "About this source", "ja": "この資料について"}


def chunk_id(doc_id: str, position: int, index_text: str) -> str:
    h = hashlib.sha256(f"{doc_id}\x00{position}\x00{index_text}".encode()).hexdigest()
    return f"{doc_id}:{h[:16]}"


def split_note(
    note: Note,
    count_tokens: Callable[[str], int],
    chunk_tokens: int,
    chunk_overlap: int,
) -> list[Chunk]:
    """Return the note's passages in order; each carries its heading path for context."""
    header_splitter = MarkdownHeaderTextSplitter(HEADERS, strip_headers=True, return_each_line=False)
    size_splitter = RecursiveCharacterTextSplitter(
        chunk_size=chunk_tokens,
        chunk_overlap=min(chunk_overlap, chunk_tokens // 2),
        length_function=count_tokens,
        separators=SEPARATORS,
        keep_separator="end",
    )
    meta = note.meta
    chunks: list[Chunk] = []
    for section in header_splitter.split_text(note.body):
        heading = " / ".join(section.metadata[k] for k in ("h1", "h2", "h3") if section.metadata.get(k))
        heading = heading or INTRO_HEADING.get(meta.lang, INTRO_HEADING["en"])
        text = unwrap_markdown(section.page_content.replace("  \n", "\n\n")).strip()
        if not text:
            continue
        pieces = [text] if count_tokens(text) <= chunk_tokens else size_splitter.split_text(text)
        for piece in pieces:
            piece = piece.strip()
            if len(piece) < 20 and len(pieces) > 1:
                continue  # drop slivers left by the size splitter
            index_text = f"{meta.title}\n{heading}\n{piece}"
            position = len(chunks)
            chunks.append(
                Chunk(
                    id=chunk_id(meta.id, position, index_text),
                    doc_id=meta.id,
                    heading=heading,
                    text=piece,
                    index_text=index_text,
                    position=position,
                )
            )
    return chunks


_BLOCK_START = re.compile(r"^\s*(?:[-*+]\s|\d+[.)]\s|[|>#]|```|~~~)")
_CJK_END = re.compile(r"[\u3000-\u30ff\u3400-\u9fff\uff00-\uffef]$")
_CJK_START = re.compile(r"^[\u3000-\u30ff\u3400-\u9fff\uff00-\uffef]")


def unwrap_markdown(text: str) -> str:
    """Join hard-wrapped lines of a paragraph or list item so quotes read well in Discord.

    Code blocks, list starts, tables, quotes and headings keep their own lines.
    """
    out: list[str] = []
    in_code = False
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped.startswith(("```", "~~~")):
            in_code = not in_code
            out.append(line)
            continue
        if in_code or not stripped or not out or not out[-1].strip() or _BLOCK_START.match(line):
            out.append(line if in_code else line.rstrip())
            continue
        prev = out[-1]
        if prev.lstrip().startswith(("```", "~~~", "|", "#")):
            out.append(line.rstrip())
            continue
        joiner = "" if _CJK_END.search(prev) and _CJK_START.match(stripped) else " "
        out[-1] = prev.rstrip() + joiner + stripped
    return "\n".join(out)
