"""Text out of HTML and PDF files in knowledge/: only what a reader sees, within size limits."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from bot.errors import Problem

MAX_BODY_CHARS = 2_000_000  # characters of one file's text, after extraction


# Inline styles that hide an element's text. Checked declaration by declaration with string
# operations (linear time): a regex over the whole attribute backtracked for 7.5 minutes on a
# 16 KB style. ``hidden_style`` is the test; each rule is (property names, value test).
def _zero(value: str) -> bool:
    """``0``, ``0px``, ``0.0em``, ``0%``: a number whose digits are all zero."""
    number = value[: len(value) - len(value.lstrip("0123456789.+-"))].lstrip("+-")
    return bool(number.strip(".")) and set(number) <= {"0", "."}


def _far_negative(value: str) -> bool:
    """``-999px``, ``-10000em``: off-screen."""
    digits = value[1:][: len(value) - 1 - len(value[1:].lstrip("0123456789"))]
    return value.startswith("-") and len(digits) >= 3


def hidden_style(style: str) -> bool:
    """True when an inline ``style`` hides its element: ``display:none``, ``visibility:hidden``
    or ``collapse``, zero ``font-size`` or ``opacity``, zero (max-)height with ``overflow:hidden``,
    off-screen ``left``/``top``/``text-indent``, ``clip:rect(0 ...)`` or transparent text."""
    if ":" not in style:
        return False
    decls: dict[str, str] = {}
    for decl in style.split(";"):
        name, sep, value = decl.partition(":")
        if sep:
            value = " ".join(value.split()).lower().removesuffix("!important").strip()
            decls[" ".join(name.split()).lower()] = value
    get = decls.get
    return (
        get("display") == "none"
        or get("visibility") in ("hidden", "collapse")
        or _zero(get("font-size", ""))
        or _zero(get("opacity", ""))
        or ((_zero(get("height", "")) or _zero(get("max-height", ""))) and get("overflow") == "hidden")
        or any(_far_negative(get(p, "")) for p in ("left", "top", "text-indent"))
        or get("clip", "").replace(" ", "").startswith("rect(0")
        or get("color") == "transparent"
    )


# Utility classes that hide text visually (Bootstrap, Tailwind, WordPress).
HIDDEN_CLASSES = frozenset({"hidden", "d-none", "invisible", "sr-only", "visually-hidden", "screen-reader-text"})


def html_to_markdown(html: str) -> str:
    """Visible text of an HTML page, with h1-h3 turned into Markdown headings.

    Scripts, styles, templates, comments and elements hidden with ``hidden``, ``aria-hidden``,
    inline styles (``display:none``, ``visibility:hidden``, ``opacity:0``, off-screen, ...) or
    hiding utility classes never reach a chunk.
    """
    return visible_text(html)[0]


def visible_text(html: str) -> tuple[str, dict[str, int]]:
    """:func:`html_to_markdown`, plus what was removed (kind -> count), for the ingest report."""
    from bs4 import BeautifulSoup, CData, Comment, Declaration, ProcessingInstruction

    removed: dict[str, int] = {}
    soup = BeautifulSoup(html, "html.parser")
    for tag in soup(["script", "style", "noscript", "template", "head", "svg", "iframe", "object"]):
        if tag.get_text(strip=True) and tag.name != "head":
            removed[f"<{tag.name}>"] = removed.get(f"<{tag.name}>", 0) + 1
        tag.decompose()
    for c in soup.find_all(string=lambda s: isinstance(s, (Comment, CData, Declaration, ProcessingInstruction))):
        c.extract()
    for tag in soup.find_all(True):
        # not ``tag.decomposed``: for a live tag bs4 looks the flag up as a child tag's name, a
        # search of the whole subtree (quadratic on nested elements)
        if tag.__dict__.get("_decomposed", False):
            continue
        attrs = tag.attrs or {}
        if (
            "hidden" in attrs
            or str(attrs.get("aria-hidden", "")).lower() == "true"
            or hidden_style(str(attrs.get("style", "")))
            or HIDDEN_CLASSES.intersection(attrs.get("class") or ())
        ):
            if tag.get_text(strip=True):
                removed["hidden element(s)"] = removed.get("hidden element(s)", 0) + 1
            tag.decompose()
    lines = [re.sub(r"[ \t]+", " ", line).strip() for line in _block_text(soup).splitlines()]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip() + "\n", removed


_BLOCKS = frozenset({"p", "li", "div", "section", "pre", "tr"})
_HEADINGS = {"h1": 1, "h2": 2, "h3": 3}


def _block_text(soup: Any) -> str:
    """The text of a parsed page with h1-h3 as Markdown headings and a blank line after each
    block element. One iterative pass (no recursion, no tree edits): linear in the page, at any
    nesting depth."""
    from bs4.element import NavigableString

    out: list[str] = []
    stack: list[tuple[Any, bool]] = [(soup, False)]
    while stack:
        node, closing = stack.pop()
        if closing:
            out.append("\n\n")
        elif isinstance(node, NavigableString):
            out.append(str(node))
        elif node.name == "br":
            out.append("\n")
        elif node.name in _HEADINGS:
            out.append(f"\n\n{'#' * _HEADINGS[node.name]} {node.get_text(' ', strip=True)}\n\n")
        else:
            if node.name in _BLOCKS:
                stack.append((node, True))
            stack.extend((child, False) for child in reversed(node.contents))
    return "".join(out)


def pdf_to_text(raw: bytes, rel: str, max_pages: int, problems: list[Problem]) -> str | None:
    import io

    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(raw))
        if reader.is_encrypted:
            problems.append(Problem(rel, None, "encrypted PDF; provide an unencrypted copy"))
            return None
        pages = len(reader.pages)
        if pages > max_pages:
            problems.append(Problem(rel, None, f"{pages} pages, over the {max_pages}-page limit"))
            return None
        inflated = _pdf_inflated_size(reader, MAX_PDF_INFLATED_BYTES)
        if inflated > MAX_PDF_INFLATED_BYTES:
            problems.append(
                Problem(
                    rel,
                    None,
                    f"page content inflates to over {MAX_PDF_INFLATED_BYTES // 2**20} MB "
                    "(a decompression bomb?); refused before text extraction",
                )
            )
            return None
        parts: list[str] = []
        total = 0
        for page in reader.pages:
            chunk = page.extract_text() or ""
            total += len(chunk)
            if total > MAX_BODY_CHARS:
                problems.append(Problem(rel, None, f"extracted text over the {MAX_BODY_CHARS}-character limit"))
                return None
            parts.append(chunk)
    except (PdfReadError, ValueError, KeyError, TypeError, OSError, RecursionError) as exc:
        problems.append(Problem(rel, None, f"unreadable PDF: {type(exc).__name__}: {exc}"[:300]))
        return None
    except Exception as exc:  # pypdf raises many kinds on hostile input; report, never crash ingest
        problems.append(Problem(rel, None, f"unreadable PDF: {type(exc).__name__}"))
        return None
    return "\n\n".join(parts)


MAX_PDF_INFLATED_BYTES = 32 * 2**20  # page content streams of one PDF, decompressed


def _pdf_inflated_size(reader: Any, limit: int) -> int:
    """Decompressed size of the Flate content streams of every page and its form XObjects,
    counted in 1 MB steps and discarded, stopping as soon as it passes ``limit`` (so a bomb costs
    ~1 MB of memory, not the gigabytes it would inflate to)."""
    import zlib

    seen: set[int] = set()
    total = 0

    def streams(obj: Any) -> Iterable[Any]:
        obj = obj.get_object() if obj is not None else None
        if obj is None:
            return
        if isinstance(obj, list):
            for item in obj:
                yield from streams(item)
        elif hasattr(obj, "get_data") and id(obj) not in seen:
            seen.add(id(obj))
            yield obj

    for page in reader.pages:
        found = list(streams(page.get("/Contents")))
        resources = page.get("/Resources")
        xobjects = resources.get_object().get("/XObject") if resources is not None else None
        if xobjects is not None:
            for ref in xobjects.get_object().values():
                found += [x for x in streams(ref) if x.get("/Subtype") == "/Form"]
        for stream in found:
            filters = stream.get("/Filter")
            filters = filters.get_object() if filters is not None else None
            first = filters[0] if isinstance(filters, list) and filters else filters
            raw = getattr(stream, "_data", b"") or b""
            if first not in ("/FlateDecode", "/Fl"):
                total += len(raw)
            else:
                inflater = zlib.decompressobj()
                pending = raw
                try:
                    while pending and total <= limit:
                        out = inflater.decompress(pending, 2**20)
                        total += len(out)
                        pending = inflater.unconsumed_tail
                        if not out:
                            break
                except zlib.error:
                    continue  # corrupt: pypdf reports it (or recovers) during extraction
            if total > limit:
                return total
    return total
