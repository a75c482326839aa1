"""The notes ``kenri sources`` works on: their URL, ``verified`` and ``checked`` fields, and
editing ``verified:`` in place.

Notes are read with :func:`bot.knowledge.corpus.load_corpus`, the same rules as ingest (so a draft
in ``knowledge/drafts/`` is never watched). Opt-out checklists are left out: they cite notes
that are watched themselves.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from bot.errors import Problem
from bot.knowledge.corpus import SIDECAR, load_corpus


@dataclass(frozen=True)
class SourceNote:
    id: str
    title: str
    url: str
    lang: str
    jurisdiction: str
    verified: str  # YYYY-MM-DD
    checked: str  # primary | copy | reports | "" (not stated)
    path: Path  # the file holding the front matter (the .md, or the sidecar .meta.yaml)

    def age_days(self, today: dt.date) -> int:
        return (today - dt.date.fromisoformat(self.verified)).days


def load_notes(
    knowledge_dir: Path, today: dt.date | None = None, *, checklists: bool = False
) -> tuple[list[SourceNote], list[Problem]]:
    """Every valid note with a URL, sorted by id, plus the corpus's validation problems.

    ``checklists``: also the opt-out checklists (once each, as ``optout-<platform>``; their
    ``verified`` lives in the YAML file), for listing by age; the watch fetches notes only."""
    corpus = load_corpus(knowledge_dir, today=today)
    notes = []
    for n in corpus.notes:
        checklist = n.path.startswith("optout/")
        if checklist and (not checklists or n.meta.lang != "en"):
            continue
        path = knowledge_dir / n.path  # a checklist's YAML file holds its own verified date
        if not checklist and path.suffix.lower() != ".md":
            path = path.with_name(path.name + SIDECAR)
        notes.append(
            SourceNote(
                id=n.meta.id,
                title=n.meta.title,
                url=n.meta.url,
                lang=n.meta.lang,
                jurisdiction=n.meta.jurisdiction,
                verified=n.meta.verified,
                checked=n.meta.checked,
                path=path,
            )
        )
    return notes, corpus.problems


def _front_lines(text: str) -> tuple[int, int]:
    """(start, end) line indexes of the fields: the whole file for a sidecar, else the lines
    between the opening and closing ``---``."""
    lines = text.splitlines(keepends=True)
    if not lines or lines[0].rstrip("\r\n") != "---":
        return 0, len(lines)
    for i in range(1, len(lines)):
        if lines[i].rstrip("\r\n") in ("---", "..."):
            return 1, i
    return 1, len(lines)


def set_verified(path: Path, date: dt.date, *, dry_run: bool = False) -> bool:
    """Set the top-level ``verified:`` field of a note (or sidecar) to ``date``, in place.

    Only that line changes: every other byte of the file, its line endings and a trailing
    comment on the line are kept. Returns False when the value was already ``date``. Raises
    ``ValueError`` naming the file (and line) when there is no one-line ``verified:`` field in
    the front matter. ``dry_run``: check only, write nothing.
    """
    text = path.read_bytes().decode("utf-8")
    lines = text.splitlines(keepends=True)
    start, end = _front_lines(text)
    for i in range(start, end):
        try:
            new = _with_date(lines[i], date.isoformat())
        except ValueError as exc:
            raise ValueError(f"{path}:{i + 1}: {exc}") from None
        if new is None:
            continue
        if new == lines[i] or dry_run:
            return False
        lines[i] = new
        tmp = path.with_name(f".{path.name}.tmp")
        tmp.write_bytes("".join(lines).encode("utf-8"))
        tmp.replace(path)  # atomic: a killed run never leaves half a note
        return True
    raise ValueError(f"{path}: no 'verified:' line in the front matter")


def _with_date(line: str, date: str) -> str | None:
    """``line`` with the value of a top-level ``verified:`` replaced (quotes, trailing comment
    and line ending kept), or None when it is another line. Linear in the line's length.
    Raises ``ValueError`` for a value this cannot rewrite safely (a block scalar, an empty value)."""
    if not line.startswith("verified:"):
        return None
    body = line.rstrip("\r\n")
    ending = line[len(body) :]
    rest = body[len("verified:") :]
    comment_at = len(rest)
    for i, ch in enumerate(rest):
        if ch == "#" and (i == 0 or rest[i - 1] in " \t"):
            comment_at = i
            break
    value_part, comment = rest[:comment_at], rest[comment_at:]
    lead = value_part[: len(value_part) - len(value_part.lstrip())]
    core = value_part.strip()
    gap = value_part[len(lead) + len(core) :]
    if not core or core[0] in "|>&*[{!":
        raise ValueError("write `verified: YYYY-MM-DD` on one line to let `kenri sources accept` update it")
    quote = core[0] if core[:1] in ("'", '"') and core[-1:] == core[:1] and len(core) >= 2 else ""
    return f"verified:{lead or ' '}{quote}{date}{quote}{gap}{comment}{ending}"
