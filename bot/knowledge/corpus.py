"""Read ``knowledge/`` into validated :class:`Note` objects.

Formats:

* ``*.md``: YAML front matter + Markdown body (the normal case).
* ``*.txt``, ``*.html``/``*.htm``, ``*.pdf``: metadata in a sidecar ``<file name>.meta.yaml``
  holding the same fields as the front matter.
* ``crawlers.yaml`` and ``optout/*.yaml`` are structured data read by their own modules; each
  opt-out checklist also becomes an indexed note (English and Japanese), validated here too.
* Never read: ``drafts/`` (notes started by ``kenri sources add``, indexed only once moved to
  ``en/`` or ``ja/``) and ``fingerprints.tsv`` (``kenri sources watch`` data).

Validation collects every problem (file + field + reason) before anything is written, so a
maintainer sees them all at once and the published index is never touched by a bad corpus.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlparse

import yaml

from bot.errors import Problem
from bot.knowledge.datafiles import (
    MAX_ASKED,
    MAX_ASKED_CHARS,
    DateKeepingLoader,
    as_str,
    check_choice,
    decode_text,
    invalid_yaml,
    refuse_to_read,
    string_list,
)
from bot.knowledge.extract import MAX_BODY_CHARS, pdf_to_text, visible_text
from bot.knowledge.schema import AUDIENCES, CHECKED, DOC_TYPES, JURISDICTIONS, LANGS, Note, NoteMeta, SectionInfo

if TYPE_CHECKING:  # imported where used: python-frontmatter is only needed to read .md notes
    from frontmatter.default_handlers import YAMLHandler

REQUIRED = ("id", "title", "publisher", "url", "jurisdiction", "type", "published", "verified", "lang")
OPTIONAL = ("translation_of", "also_urls", "sources", "aliases", "checked", "sections")
SECTION_KEYS = ("heading", "asked", "audience")
MAX_ALIASES = 60
NOTE_SUFFIXES = {".md"}
SIDECAR_SUFFIXES = {".txt", ".html", ".htm", ".pdf"}
DATA_SUFFIXES = {".yaml", ".yml"}
SIDECAR = ".meta.yaml"
ID_RE = re.compile(r"^[a-z0-9]++(?:-[a-z0-9]++)*+$")  # possessive: no backtracking
PARTIAL_DATE_RE = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$")
NOT_NOTES_DIRS = {"drafts"}  # top-level folders of maintainer work in progress
NOT_NOTES_FILES = {"fingerprints.tsv"}  # top-level data files read by their own module
DRAFT_MARKER = "<!-- kenri:draft"  # written by `kenri sources add` above the extracted page text


@dataclass
class Corpus:
    notes: list[Note] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (file, reason)
    sanitised: list[tuple[str, str]] = field(default_factory=list)  # (file, what was removed)

    @property
    def ok(self) -> bool:
        return not self.problems

    def by_id(self) -> dict[str, Note]:
        return {n.meta.id: n for n in self.notes}


@dataclass
class Limits:
    max_file_bytes: int = 5 * 1024 * 1024
    max_pdf_pages: int = 300


def load_corpus(knowledge_dir: Path, limits: Limits | None = None, today: dt.date | None = None) -> Corpus:
    """Load and validate every note under ``knowledge_dir``; never raises for bad files."""
    limits = limits or Limits()
    today = today or dt.date.today()
    corpus = Corpus()
    root = knowledge_dir.resolve()
    if not root.is_dir():
        corpus.problems.append(Problem(str(knowledge_dir), None, "knowledge folder does not exist"))
        return corpus
    for path in _walk(root, corpus):
        rel = path.relative_to(root).as_posix()
        suffix = path.suffix.lower()
        if path.name.endswith(SIDECAR):
            target = path.with_name(path.name[: -len(SIDECAR)])
            if not target.exists():
                corpus.problems.append(Problem(rel, None, f"sidecar metadata without its file {target.name!r}"))
            continue
        if suffix in DATA_SUFFIXES:
            continue  # structured data, read by its own module
        if rel.lower() in {"readme.md"}:
            corpus.skipped.append((rel, "knowledge/README.md is documentation, not a note"))
            continue
        if suffix not in NOTE_SUFFIXES | SIDECAR_SUFFIXES:
            corpus.skipped.append((rel, f"unsupported file type {suffix or '(none)'}"))
            continue
        note = _load_file(root, path, rel, limits, today, corpus.problems, corpus.sanitised)
        if note is not None:
            corpus.notes.append(note)
    if (root / "optout").is_dir():
        from bot.knowledge.checklists import notes_for_index

        optout_notes, optout_problems = notes_for_index(root, today)
        corpus.notes.extend(optout_notes)
        corpus.problems.extend(optout_problems)
    _cross_check(corpus)
    _add_crawler_aliases(root, corpus, today)
    corpus.notes.sort(key=lambda n: n.meta.id)
    return corpus


# Note types whose subject is a vendor or platform: their crawlers' user-agent tokens name them.
_VENDOR_NOTE_TYPES = ("vendor-policy", "platform-setting")


def _add_crawler_aliases(root: Path, corpus: Corpus, today: dt.date) -> None:
    """Make each hand-checked crawler's user-agent token (``crawlers.yaml``: "OAI-AdsBot",
    "Amzn-User") an alias of its source note, in every language (and record it in the note's
    ``crawler_tokens``), so a question naming the token
    is about that vendor's note rather than a name kenri has no source on. Entries known only from
    the community list are left out: their tokens include everyday words ("Spider", "Operator").
    The note's ``sha256`` takes the tokens in, so a changed registry re-indexes the note. The
    registry's own problems are reported by ``kenri robots`` and its tests, not here."""
    from bot.knowledge.crawlers import load_registry, registry_path

    if not registry_path(root).is_file():
        return
    registry, _ = load_registry(registry_path(root), today=today)
    if registry is None:
        return
    tokens: dict[str, list[str]] = {}
    for c in registry.crawlers:
        if not c.confidence and c.source:
            tokens.setdefault(c.source, []).append(c.token)
    for i, note in enumerate(corpus.notes):
        meta = note.meta
        if meta.type not in _VENDOR_NOTE_TYPES or meta.family not in tokens:
            continue
        have = {a.casefold() for a in meta.aliases}
        own = tuple(tokens[meta.family])
        extra = tuple(t for t in own if t.casefold() not in have)
        digest = hashlib.sha256(f"{note.sha256}|crawler tokens:{'|'.join(own)}".encode()).hexdigest()
        corpus.notes[i] = replace(
            note, meta=replace(meta, aliases=(*meta.aliases, *extra), crawler_tokens=own), sha256=digest
        )


def _walk(root: Path, corpus: Corpus) -> Iterable[Path]:
    for dirpath, dirnames, filenames in os.walk(root, followlinks=False):
        here = Path(dirpath)
        dirnames[:] = sorted(
            d for d in dirnames if not d.startswith((".", "_")) and not (here == root and d in NOT_NOTES_DIRS)
        )
        for d in list(dirnames):
            if (here / d).is_symlink():
                dirnames.remove(d)
                rel = (here / d).relative_to(root).as_posix()
                corpus.skipped.append((rel, "symlinked folders are not followed"))
        for name in sorted(filenames):
            if name.startswith((".", "_")) or (here == root and name in NOT_NOTES_FILES):
                continue
            yield here / name


def _load_file(
    root: Path,
    path: Path,
    rel: str,
    limits: Limits,
    today: dt.date,
    problems: list[Problem],
    sanitised: list[tuple[str, str]] | None = None,
) -> Note | None:
    before = len(problems)
    if not _readable(root, path, rel, limits, problems):
        return None
    raw = path.read_bytes()
    digest = hashlib.sha256(raw)
    suffix = path.suffix.lower()
    body: str | None
    if suffix == ".md":
        text = decode_text(raw, rel, problems)
        if text is None:
            return None
        fm, body = _split_front_matter(text, rel, problems)
        if fm is None:
            return None
    else:
        sidecar = path.with_name(path.name + SIDECAR)
        if not sidecar.exists():
            problems.append(Problem(rel, None, f"missing metadata: add {sidecar.name} beside it"))
            return None
        if not _readable(root, sidecar, rel + SIDECAR, limits, problems):
            return None
        side_raw = sidecar.read_bytes()
        digest.update(side_raw)
        side_text = decode_text(side_raw, rel + SIDECAR, problems)
        if side_text is None:
            return None
        fm = _parse_yaml_mapping(side_text, rel + SIDECAR, problems)
        if fm is None:
            return None
        body = _extract_text(path, raw, rel, limits, problems, sanitised)
        if body is None:
            return None
    meta = _validate_meta(fm, rel, today, problems)
    sections = _validate_sections(fm.get("sections"), body, rel, problems)
    if not body.strip():
        problems.append(Problem(rel, "body", "empty: a note needs text to index"))
    elif len(body) > MAX_BODY_CHARS:
        problems.append(Problem(rel, "body", f"{len(body)} characters, over the {MAX_BODY_CHARS} limit"))
    elif DRAFT_MARKER in body:
        todo = "write the sections, then delete the marker and the text below it"
        problems.append(Problem(rel, "body", f"still holds the draft marker of `kenri sources add`: {todo}"))
    if meta is None or len(problems) > before:
        return None
    return Note(meta=meta, body=body, path=rel, sha256=digest.hexdigest(), sections=sections)


def _readable(root: Path, path: Path, rel: str, limits: Limits, problems: list[Problem]) -> bool:
    """Checks made from ``stat()`` before a byte is read: the file (or what a symlink points to)
    is inside the knowledge folder, is a regular file (a FIFO would block ingest), and is within
    the size limit."""
    reason, size = refuse_to_read(path, root, "the knowledge folder")
    if reason is None and size > limits.max_file_bytes:
        reason = f"file is {size / 2**20:.1f} MB, over the {limits.max_file_bytes / 2**20:.1f} MB limit"
    if reason:
        problems.append(Problem(rel, None, reason))
        return False
    return True


def _split_front_matter(text: str, rel: str, problems: list[Problem]) -> tuple[dict[str, Any] | None, str]:
    """Front matter via python-frontmatter, with dates kept as written (see ``DateKeepingLoader``)."""
    import frontmatter
    from frontmatter.default_handlers import YAMLHandler

    if not text.startswith("---\n"):
        problems.append(Problem(rel, "front matter", "missing: the file must start with a '---' line"))
        return None, ""
    if not YAMLHandler.FM_BOUNDARY.search(text[3:]):
        problems.append(Problem(rel, "front matter", "not closed: add a '---' line after the fields"))
        return None, ""
    try:
        fm, body = frontmatter.parse(text, handler=_Handler())
    except yaml.YAMLError as exc:
        problems.append(Problem(rel, "front matter", invalid_yaml(exc, line_offset=2)))
        return None, ""
    except (ValueError, TypeError, RecursionError) as exc:
        problems.append(Problem(rel, "front matter", f"invalid YAML: {exc}"))
        return None, ""
    if not fm:  # frontmatter.parse keeps only a mapping: anything else leaves it empty
        problems.append(Problem(rel, "front matter", "must be a mapping of field: value"))
        return None, ""
    return fm, body


def _handler_class() -> type[YAMLHandler]:
    from frontmatter.default_handlers import YAMLHandler

    class Handler(YAMLHandler):
        def load(self, fm: str, **_kwargs: object) -> Any:  # YAMLHandler.load(fm, **kwargs)
            return yaml.load(fm, Loader=DateKeepingLoader)

    return Handler


def _Handler() -> YAMLHandler:
    return _handler_class()()


def _parse_yaml_mapping(text: str, rel: str, problems: list[Problem]) -> dict[str, Any] | None:
    try:
        data = yaml.load(text, Loader=DateKeepingLoader)
    except yaml.YAMLError as exc:
        problems.append(Problem(rel, "front matter", invalid_yaml(exc)))
        return None
    except (ValueError, TypeError, RecursionError) as exc:
        problems.append(Problem(rel, "front matter", f"invalid YAML: {exc}"))
        return None
    if not isinstance(data, dict):
        problems.append(Problem(rel, "front matter", "must be a mapping of field: value"))
        return None
    return data


def _check_date(
    value: str, field_name: str, rel: str, today: dt.date, problems: list[Problem], *, partial: bool
) -> None:
    if partial and value == "living":
        return
    m = PARTIAL_DATE_RE.match(value)
    if not m or (not partial and not m.group(3)):
        want = "YYYY, YYYY-MM, YYYY-MM-DD or 'living'" if partial else "YYYY-MM-DD"
        problems.append(Problem(rel, field_name, f"{value!r} is not a date ({want})"))
        return
    year, month, day = int(m.group(1)), int(m.group(2) or 1), int(m.group(3) or 1)
    try:
        date = dt.date(year, month, day)
    except ValueError:
        problems.append(Problem(rel, field_name, f"{value!r} is not a real date"))
        return
    if date > today:
        problems.append(Problem(rel, field_name, f"{value} is in the future"))
    elif year < 1900:
        problems.append(Problem(rel, field_name, f"{value} is implausibly old"))


def _check_url(value: str, field_name: str, rel: str, problems: list[Problem]) -> None:
    parsed = urlparse(value)
    if parsed.scheme not in {"http", "https"} or not parsed.netloc or " " in value or "." not in parsed.netloc:
        problems.append(Problem(rel, field_name, f"{value!r} is not a well-formed http(s) URL"))


def _validate_meta(fm: dict[str, Any], rel: str, today: dt.date, problems: list[Problem]) -> NoteMeta | None:
    before = len(problems)
    for key in fm:
        if key not in REQUIRED and key not in OPTIONAL:
            problems.append(Problem(rel, str(key), "unknown field (check the spelling; see docs/adding-a-source.md)"))
    # Never str() a list or mapping: a YAML alias bomb ("billion laughs") expands to billions of items.
    nested = {k for k in (*REQUIRED, "translation_of") if isinstance(fm.get(k), (list, dict))}
    for key in sorted(nested):
        problems.append(Problem(rel, key, "must be a single value, not a list or mapping"))
    values = {k: "" if k in nested else as_str(fm.get(k)) for k in REQUIRED}
    for key in REQUIRED:
        if not values[key] and key not in nested:
            problems.append(Problem(rel, key, "missing"))
    if values["id"] and not ID_RE.match(values["id"]):
        problems.append(Problem(rel, "id", f"{values['id']!r} must be a lowercase slug (a-z, 0-9, '-')"))
    if values["url"]:
        _check_url(values["url"], "url", rel, problems)
    for key, choices in (("jurisdiction", JURISDICTIONS), ("type", DOC_TYPES), ("lang", LANGS)):
        if values[key]:
            check_choice(values[key], choices, rel, key, problems)
    if values["published"]:
        _check_date(values["published"], "published", rel, today, problems, partial=True)
    if values["verified"]:
        _check_date(values["verified"], "verified", rel, today, problems, partial=False)
    translation_of = "" if "translation_of" in nested else as_str(fm.get("translation_of"))
    if translation_of and values["lang"] == "en":
        problems.append(Problem(rel, "translation_of", "only a non-English note can be a translation"))
    lists: dict[str, tuple[str, ...]] = {}
    for key in ("also_urls", "sources"):
        raw = fm.get(key) or []
        if not isinstance(raw, list) or not all(isinstance(x, str) for x in raw):
            problems.append(Problem(rel, key, "must be a list of strings"))
            raw = []
        lists[key] = tuple(x.strip() for x in raw)
    for u in lists["also_urls"]:
        _check_url(u, "also_urls", rel, problems)
    aliases = string_list(fm.get("aliases"), "aliases", rel, problems, MAX_ALIASES, 80)
    checked = "" if isinstance(fm.get("checked"), (list, dict)) else as_str(fm.get("checked"))
    if checked:
        check_choice(checked, CHECKED, rel, "checked", problems)
    if len(problems) > before:
        return None
    return NoteMeta(
        **values,
        translation_of=translation_of,
        also_urls=lists["also_urls"],
        sources=lists["sources"],
        aliases=aliases,
        checked=checked,
        crawler_tokens=(),  # from crawlers.yaml, by _add_crawler_aliases
    )


def split_sections(body: str) -> list[tuple[str | None, str]]:
    """``[(heading, text)]`` of a Markdown body in order: ``None`` for the opening before the
    first ``##``. ``##`` lines inside fenced code blocks are text, not headings."""
    sections: list[tuple[str | None, list[str]]] = [(None, [])]
    in_code = False
    for line in body.split("\n"):
        if line.strip().startswith(("```", "~~~")):
            in_code = not in_code
        if not in_code and line.startswith("## "):
            sections.append((line[3:].strip(), []))
            continue
        sections[-1][1].append(line)
    out = [(h, "\n".join(lines).strip()) for h, lines in sections]
    return [(h, t) for h, t in out if t or h]


def body_headings(body: str) -> list[str]:
    """The ``##`` headings of a Markdown body, in order, outside fenced code blocks."""
    return [h for h, _ in split_sections(body) if h is not None]


def _validate_sections(raw: object, body: str, rel: str, problems: list[Problem]) -> tuple[SectionInfo, ...]:
    """``sections:``: a list of ``{heading, asked, audience}``; each heading must be one of the
    body's ``##`` headings, written exactly as in the body."""
    if raw is None:
        return ()
    if not isinstance(raw, list):
        problems.append(Problem(rel, "sections", "must be a list of {heading, asked, audience} mappings"))
        return ()
    headings = set(body_headings(body))
    seen: set[str] = set()
    out: list[SectionInfo] = []
    for i, item in enumerate(raw):
        where = f"sections[{i}]"
        if not isinstance(item, dict):
            problems.append(Problem(rel, where, "must be a mapping with heading, asked, audience"))
            continue
        for key in item:
            if key not in SECTION_KEYS:
                problems.append(Problem(rel, f"{where}.{key}", f"unknown field (use {', '.join(SECTION_KEYS)})"))
        heading = item.get("heading")
        if not isinstance(heading, str) or not heading.strip():
            problems.append(Problem(rel, f"{where}.heading", "missing"))
            continue
        heading = heading.strip()
        if heading not in headings:
            problems.append(Problem(rel, f"{where}.heading", f"{heading[:60]!r} is not a '## ' heading of this note"))
            continue
        if heading in seen:
            problems.append(Problem(rel, f"{where}.heading", f"{heading[:60]!r} is listed twice"))
            continue
        seen.add(heading)
        asked = string_list(item.get("asked"), f"{where}.asked", rel, problems, MAX_ASKED, MAX_ASKED_CHARS)
        audience = item.get("audience", "any")
        if not check_choice(audience, AUDIENCES, rel, f"{where}.audience", problems):
            continue
        out.append(SectionInfo(heading=heading, asked=asked, audience=audience))
    return tuple(out)


def _cross_check(corpus: Corpus) -> None:
    seen: dict[str, str] = {}
    unique: list[Note] = []
    for note in corpus.notes:
        if note.meta.id in seen:
            corpus.problems.append(
                Problem(note.path, "id", f"duplicate id {note.meta.id!r} (also in {seen[note.meta.id]})")
            )
            continue
        seen[note.meta.id] = note.path
        unique.append(note)
    by_id = {n.meta.id: n for n in unique}
    for note in unique:
        t = note.meta.translation_of
        if t:
            if t not in by_id:
                corpus.problems.append(Problem(note.path, "translation_of", f"{t!r} is not the id of any note"))
            elif by_id[t].meta.lang != "en":
                corpus.problems.append(Problem(note.path, "translation_of", f"{t!r} is not an English note"))
        for s in note.meta.sources:
            if s not in by_id:
                corpus.problems.append(Problem(note.path, "sources", f"{s!r} is not the id of any note"))
    corpus.notes = unique


# ---------------------------------------------------------------- other formats


def _extract_text(
    path: Path,
    raw: bytes,
    rel: str,
    limits: Limits,
    problems: list[Problem],
    sanitised: list[tuple[str, str]] | None = None,
) -> str | None:
    suffix = path.suffix.lower()
    if suffix == ".txt":
        return decode_text(raw, rel, problems)
    if suffix in {".html", ".htm"}:
        text = decode_text(raw, rel, problems)
        if text is None:
            return None
        visible, removed = visible_text(text)
        if removed and sanitised is not None:
            sanitised.append(
                (
                    rel,
                    "removed text a reader never sees: "
                    + ", ".join(f"{n} {what}" for what, n in sorted(removed.items())),
                )
            )
        return visible
    if suffix == ".pdf":
        return pdf_to_text(raw, rel, limits.max_pdf_pages, problems)
    return None
