"""``kenri sources add URL|FILE``: start a note from a page.

Writes ``knowledge/drafts/<id>.md``: front matter filled from the page (title, publisher,
canonical URL, the dates the page states, the fetch date, the language), empty fields marked
``# TODO`` (ingest reports them as missing until filled), and the extracted text under a
``<!-- kenri:draft`` marker (ingest refuses a note that still holds it). The source's
fingerprint is recorded in ``knowledge/fingerprints.tsv`` so ``kenri sources watch`` reports
any change made after the draft was started.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from bot.errors import KenriError
from bot.knowledge.corpus import DRAFT_MARKER, ID_RE, NOT_NOTES_DIRS
from bot.knowledge.schema import DOC_TYPES, JURISDICTIONS

from . import fingerprints as fp
from .extract import ExtractError, Page, extract_html, extract_markdown, extract_pdf, fingerprint
from .fetch import FetchError, PoliteFetcher
from .watch import page_of, write_text

DRAFTS = next(iter(NOT_NOTES_DIRS))  # "drafts"
LOCAL_TYPES = {".html": "html", ".htm": "html", ".pdf": "pdf", ".md": "markdown", ".markdown": "markdown"}
MAX_ID_CHARS = 60


class AddError(KenriError):
    """The draft cannot be made; the message names the URL or file and the reason."""


@dataclass
class Draft:
    id: str
    path: Path
    page: Page
    url: str
    fetched: str  # YYYY-MM-DD
    sha256: str
    stated: dict[str, str]


def slug(text: str) -> str:
    """A note id from a title or URL: ASCII letters and digits joined by '-', at most
    :data:`MAX_ID_CHARS` characters (cut at a word)."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    words = re.findall(r"[a-z0-9]+", ascii_text)
    out = ""
    for w in words:
        if len(out) + len(w) + 1 > MAX_ID_CHARS:
            break
        out = f"{out}-{w}" if out else w
    return out


def _id_for(page: Page, url: str, given: str | None) -> str:
    if given:
        if not ID_RE.match(given):
            raise AddError(f"--id {given!r} must be a lowercase slug (a-z, 0-9, '-')")
        return given
    candidate = slug(page.title) if len(slug(page.title)) >= 3 else ""
    if not candidate and url:
        parts = urlsplit(url)
        candidate = slug(parts.netloc.removeprefix("www.") + " " + parts.path)
    if not candidate:
        raise AddError("cannot make an id from the title; give one with --id")
    return candidate


def read_source(target: str, fetcher: PoliteFetcher | None, max_bytes: int) -> tuple[Page, str]:
    """``(page, url)`` of a URL (fetched politely) or a local HTML / PDF / Markdown file."""
    if target.startswith(("http://", "https://")):
        if fetcher is None:
            raise AddError("fetching a URL needs a fetcher")
        try:
            resp = fetcher.get(target)
        except FetchError as exc:
            raise AddError(f"cannot fetch: {exc.message}") from None
        if resp.status in (404, 410):
            raise AddError(f"{target}: HTTP {resp.status}, the page does not exist")
        if resp.status != 200:
            raise AddError(f"{target}: HTTP {resp.status}")
        try:
            return page_of(resp), resp.redirects[-1][1] if resp.redirects else target
        except ExtractError as exc:
            raise AddError(str(exc)) from None
    path = Path(target)
    kind = LOCAL_TYPES.get(path.suffix.lower())
    if not path.is_file():
        raise AddError(f"{target}: no such file (give an http(s) URL or a local .html, .pdf or .md file)")
    if kind is None:
        raise AddError(f"{target}: {path.suffix or 'no'} extension; kenri reads .html, .htm, .pdf and .md files")
    size = path.stat().st_size
    if size > max_bytes:
        raise AddError(f"{target}: {size // 1024} KiB, over the {max_bytes // 1024} KiB limit")
    raw = path.read_bytes()
    try:
        if kind == "pdf":
            return extract_pdf(raw, target), ""
        text = raw.decode("utf-8", errors="replace")
        return (extract_html(text) if kind == "html" else extract_markdown(text)), ""
    except ExtractError as exc:
        raise AddError(f"{target}: {exc}") from None


def _q(value: str) -> str:
    """A YAML double-quoted scalar (JSON strings are valid YAML)."""
    return json.dumps(value, ensure_ascii=False)


def render(draft_id: str, page: Page, url: str, fetched: str, sha256: str) -> str:
    source = f"{url} (canonical: {page.canonical})" if page.canonical and url and page.canonical != url else url
    url = page.canonical or url
    stated = ", ".join(f"{k} {v}" for k, v in (("published", page.published), ("updated", page.updated)) if v)
    title = _q(page.title) if page.title else '""  # TODO the page\'s own title'
    publisher = _q(page.sitename) if page.sitename else '""  # TODO who published it'
    url_line = url if url else '""  # TODO the canonical http(s) URL'
    published = page.published or '""  # TODO YYYY, YYYY-MM, YYYY-MM-DD or living'
    marker_text = (
        f"{DRAFT_MARKER} read {source or 'a local file'} on {fetched}; fingerprint {sha256[:16]}; "
        f"dates stated on the page: {stated or 'none'}.\n"
        "Write answer-first sections ABOVE this marker, in your own words (docs/adding-a-source.md),\n"
        "then delete this marker and all the page text below it, fill the TODO fields and move the\n"
        "file to knowledge/en/ or knowledge/ja/. -->"
    )
    return (
        "---\n"
        f"id: {draft_id}\n"
        f"title: {title}\n"
        f"publisher: {publisher}\n"
        f"url: {url_line}\n"
        f'jurisdiction: ""  # TODO one of {", ".join(JURISDICTIONS)}\n'
        f'type: ""  # TODO one of {", ".join(DOC_TYPES)}\n'
        f"published: {published}\n"
        f"verified: {fetched}  # the day you compared the note with the page\n"
        f"lang: {page.lang}\n"
        + (
            "checked: primary  # primary (its own page) | copy | reports\n"
            if source
            else "checked: copy  # TODO primary if this file is the source's own document (a PDF it issues) | copy\n"
        )
        + "---\n\n"
        f"{marker_text}\n\n"
        f"{page.markdown.strip()}\n"
    )


def add(
    target: str,
    knowledge_dir: Path,
    cache_dir: Path,
    *,
    fetcher: PoliteFetcher | None,
    source_id: str | None = None,
    today: dt.date | None = None,
    max_bytes: int = 5 * 1024 * 1024,
    existing_ids: set[str] | None = None,
) -> Draft:
    """Write the draft and record the fingerprint. Raises :class:`AddError` (nothing written)
    for an unreachable page, a robots.txt that disallows kenri, content that is not HTML or PDF,
    an oversized page, or an id already used by a note or a draft."""
    today = today or dt.date.today()
    page, url = read_source(target, fetcher, max_bytes)
    draft_id = _id_for(page, page.canonical or url, source_id)
    if existing_ids and draft_id in existing_ids:
        raise AddError(f"id {draft_id!r} is already a note's id; choose another with --id")
    path = knowledge_dir / DRAFTS / f"{draft_id}.md"
    if path.exists():
        raise AddError(f"{path} already exists; finish or delete it, or choose another id with --id")
    sha = fingerprint(page.text)
    text = render(draft_id, page, url, today.isoformat(), sha)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    if url:
        store_path = fp.path_for(knowledge_dir)
        store = fp.load(store_path)
        store[draft_id] = fp.Fingerprint(id=draft_id, sha256=sha, accepted=today.isoformat(), url=page.canonical or url)
        fp.save(store_path, store)
        write_text(cache_dir, draft_id, page.text)
    stated = {k: v for k, v in (("published", page.published), ("updated", page.updated)) if v}
    return Draft(draft_id, path, page, page.canonical or url, today.isoformat(), sha, stated)
