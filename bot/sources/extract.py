"""Main text, stated dates, canonical URL and language of a fetched page or a local file; the
fingerprint of that text.

Main-text extraction is trafilatura's (navigation, headers, footers, cookie banners and
"related" lists are dropped), so a page whose boilerplate rotates keeps its fingerprint. Dates
are htmldate's, from the page's own markup only (``extensive_search=False``: meta tags,
``<time>``, JSON-LD), never a guess from free text. Nothing here touches the network: both
libraries are handed a parsed tree, never a URL.
"""

from __future__ import annotations

import datetime as dt
import difflib
import hashlib
import re
import unicodedata
from dataclasses import dataclass
from urllib.parse import urljoin

from bot.errors import KenriError

MAX_DIFF_LINES = 24
MAX_DIFF_INPUT_LINES = 20_000


class ExtractError(KenriError, ValueError):
    """The content has no text we can use; the message says why."""


@dataclass(frozen=True)
class Page:
    """What a draft or a watch needs from one page."""

    text: str  # main text, one paragraph per line (what the fingerprint is taken of)
    markdown: str  # the same with headings and lists, for a draft
    title: str = ""
    sitename: str = ""
    canonical: str = ""  # absolute URL from <link rel="canonical">, "" when absent
    published: str = ""  # YYYY-MM-DD the page states it was first published, "" when it does not
    updated: str = ""  # YYYY-MM-DD the page states it was last updated
    lang: str = "en"


def normalise(text: str) -> list[str]:
    """Lines that carry text, NFKC-normalised with runs of white space collapsed: what is
    compared (so re-wrapping or full-width/half-width changes are not changes)."""
    lines = []
    for line in unicodedata.normalize("NFKC", text).splitlines():
        line = " ".join(line.split())
        if line:
            lines.append(line)
    return lines


def fingerprint(text: str) -> str:
    """SHA-256 (hex) of :func:`normalise` d text."""
    return hashlib.sha256("\n".join(normalise(text)).encode("utf-8")).hexdigest()


def short_diff(old: str, new: str, max_lines: int = MAX_DIFF_LINES) -> str:
    """The changed lines of the normalised texts, cut to ``max_lines`` lines.

    ``-line`` was removed, ``+line`` added; a line that was edited is shown once as ``~`` with
    the edit marked in place, git ``--word-diff`` style: ``~… within about [-a day-]{+30 days+},
    once …`` (words for Latin text, characters for Japanese).
    """
    a, b = normalise(old), normalise(new)
    if len(a) + len(b) > MAX_DIFF_INPUT_LINES:  # difflib is quadratic in the worst case
        return f"({len(a)} → {len(b)} lines: too long to diff here; compare the page by hand)"
    lines: list[str] = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            continue
        if tag == "replace" and i2 - i1 == j2 - j1:
            for x, y in zip(a[i1:i2], b[j1:j2], strict=True):
                edited = _word_diff(x, y)
                lines += [edited] if edited else [f"-{x}", f"+{y}"]
            continue
        lines += [f"-{x}" for x in a[i1:i2]] + [f"+{y}" for y in b[j1:j2]]
    if len(lines) > max_lines:
        lines = [*lines[:max_lines], f"… {len(lines) - max_lines} more changed lines"]
    return "\n".join(ln if len(ln) <= 300 else ln[:299] + "…" for ln in lines)


_TOKEN = re.compile(r"[A-Za-z0-9_'\u2019.,:;/-]+|\s+|.", re.S)
_CONTEXT = 10  # tokens (words and the spaces between them) kept around an edit
_MAX_WORD_DIFF = 3_000_000  # tokens(old) x tokens(new): beyond this, show the two lines


def _word_diff(old: str, new: str) -> str | None:
    a, b = _TOKEN.findall(old), _TOKEN.findall(new)
    if len(a) * len(b) > _MAX_WORD_DIFF:
        return None
    words_a, words_b = [t for t in a if not t.isspace()], [t for t in b if not t.isspace()]
    if difflib.SequenceMatcher(None, words_a, words_b, autojunk=False).ratio() < 0.5:
        return None  # mostly rewritten: the old and new lines read better than a patchwork
    ops: list[tuple[str, int, int, int, int]] = []
    for op in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        tag, i1, i2, j1, j2 = op
        # Join two edits separated only by a space into one: "[-a day-]{+30 days+}".
        joins = tag != "equal" or all(t.isspace() for t in a[i1:i2])
        if ops and ops[-1][0] != "equal" and joins:
            prev = ops.pop()
            op = ("replace", prev[1], i2, prev[3], j2)
        ops.append(op)
    parts = []
    for n, (tag, i1, i2, j1, j2) in enumerate(ops):
        if tag != "equal":
            parts += [f"[-{''.join(a[i1:i2])}-]"] if i2 > i1 else []
            parts += [f"{{+{''.join(b[j1:j2])}+}}"] if j2 > j1 else []
            continue
        seg = a[i1:i2]
        first, last = n == 0, n == len(ops) - 1
        if first and len(seg) > _CONTEXT:
            seg = ["…", *seg[-_CONTEXT:]]
        elif last and len(seg) > _CONTEXT:
            seg = [*seg[:_CONTEXT], "…"]
        elif not first and not last and len(seg) > 2 * _CONTEXT:
            seg = [*seg[:_CONTEXT], " … ", *seg[-_CONTEXT:]]
        parts.append("".join(seg))
    return "~" + "".join(parts)


_KANA = re.compile(r"[\u3040-\u30ff]")
_LATIN = re.compile(r"[A-Za-z]")


def detect_lang(text: str) -> str:
    """``"ja"`` or ``"en"``: the only note languages (``bot.engine.models.LANGS``).

    A script rule, not a language identifier: Japanese prose always uses hiragana/katakana, so a
    text where kana are at least 10% as frequent as Latin letters is Japanese. A general
    identifier (py3langid) would pull in numpy and still need mapping to these two values.
    """
    sample = text[:20_000]
    kana = len(_KANA.findall(sample))
    latin = len(_LATIN.findall(sample))
    return "ja" if kana and kana * 10 >= latin else "en"


def _date(value: str | None, today: dt.date) -> str:
    if not value:
        return ""
    try:
        d = dt.date.fromisoformat(value[:10])
    except ValueError:
        return ""
    return d.isoformat() if dt.date(1990, 1, 1) <= d <= today else ""


def extract_html(html: str, url: str = "", today: dt.date | None = None) -> Page:
    """Main text and metadata of an HTML page.

    Raises :class:`ExtractError` when the page has no extractable text (a script-only app
    shell, an empty body).
    """
    import lxml.html
    import trafilatura
    from htmldate import find_date

    today = today or dt.date.today()
    if not html.strip():
        raise ExtractError("the page is empty")
    try:
        tree = lxml.html.document_fromstring(html)
    except (ValueError, lxml.etree.ParserError) as exc:
        raise ExtractError(f"not parseable as HTML: {exc}") from exc
    options = {"include_comments": False, "include_tables": True, "deduplicate": False, "url": url or None}
    doc = trafilatura.bare_extraction(tree, with_metadata=True, **options)
    text = (doc.text if doc is not None else "") or ""
    markdown = trafilatura.extract(tree, output_format="markdown", include_formatting=True, **options) or text
    if not text.strip():
        # Very short pages fall under trafilatura's minimum size: its baseline still skips
        # navigation and footers.
        _, text, _ = trafilatura.baseline(tree)
        markdown = text
    if not text.strip():
        raise ExtractError("no readable text found (a page built by JavaScript, or only images)")
    canonical = ""
    for href in tree.xpath('//link[translate(@rel, "CANONICAL", "canonical")="canonical"]/@href')[:1]:
        canonical = urljoin(url, href.strip()) if url else href.strip()
    if not canonical.startswith(("http://", "https://")):
        canonical = ""
    published = _date(find_date(tree, original_date=True, extensive_search=False, url=url or None), today)
    updated = _date(find_date(tree, original_date=False, extensive_search=False, url=url or None), today)
    html_title = (tree.findtext(".//title") or "").strip()
    return Page(
        text=text.strip() + "\n",
        markdown=markdown.strip() + "\n",
        title=((doc.title if doc is not None else "") or html_title).strip(),
        sitename=((doc.sitename if doc is not None else "") or "").strip(),
        canonical=canonical,
        published=published,
        updated=updated if updated != published else "",
        lang=detect_lang(text),
    )


def extract_pdf(raw: bytes, name: str, max_pages: int = 300) -> Page:
    """Text of a PDF (pypdf, with the corpus's page and decompression limits) and its title."""
    from bot.errors import Problem
    from bot.knowledge.extract import pdf_to_text

    problems: list[Problem] = []
    text = pdf_to_text(raw, name, max_pages, problems)
    if text is None:
        raise ExtractError(problems[0].message if problems else "unreadable PDF")
    if not text.strip():
        raise ExtractError("the PDF has no text layer (scanned images?)")
    title = ""
    try:
        import io

        from pypdf import PdfReader

        info = PdfReader(io.BytesIO(raw)).metadata
        title = str(info.title or "").strip() if info else ""
    except Exception:  # metadata is optional; the text was already read
        title = ""
    return Page(text=text.strip() + "\n", markdown=text.strip() + "\n", title=title, lang=detect_lang(text))


def extract_markdown(text: str) -> Page:
    """A local Markdown file: its text as is, the first ``# heading`` as title (front matter,
    if any, is dropped)."""
    body = text
    if body.startswith("---"):
        end = re.search(r"^---\s*$", body[3:], re.M)
        if end:
            body = body[3 + end.end() :]
    if not body.strip():
        raise ExtractError("the file has no text")
    m = re.search(r"^#\s+(.+)$", body, re.M)
    return Page(
        text=body.strip() + "\n",
        markdown=body.strip() + "\n",
        title=m.group(1).strip() if m else "",
        lang=detect_lang(body),
    )
