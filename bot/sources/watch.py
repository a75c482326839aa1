"""``kenri sources watch`` and ``kenri sources accept``.

watch: for every note's URL, a polite fetch (:mod:`.fetch`), main-text extraction
(:mod:`.extract`) and comparison with the fingerprint stored for the source
(:mod:`.fingerprints`). It never edits a note or the fingerprints file; it keeps its last report
(``<cache>/last-watch.json``) for ``/kenri stats``.

accept: fetch the source again, record its fingerprint and set the note's ``verified:`` to
today, once a maintainer has brought the note up to date.

The text each fingerprint was taken of is kept in ``<cache>/text/<id>.txt`` (``.kenri/sources``
by default, not committed: it is third-party text) so a change can be shown as a diff; on a
machine without it, a change is still reported, without the diff.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import tempfile
import threading
import time
from collections import defaultdict
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass
from pathlib import Path

from bot.errors import KenriError

from . import fingerprints as fp
from .extract import ExtractError, Page, extract_html, extract_pdf, fingerprint, short_diff
from .fetch import FetchError, PoliteFetcher, Response, host_of
from .notes import SourceNote

# Status of one source after a watch, in the order a report lists them.
STATUSES = ("changed", "moved", "gone", "new", "unreachable", "blocked", "unchanged")
NEEDS_ATTENTION = frozenset({"changed", "moved", "gone", "new"})
ERRORS = frozenset({"unreachable", "blocked"})
HTML_TYPES = {"text/html", "application/xhtml+xml"}
PDF_TYPES = {"application/pdf"}
LAST_REPORT = "last-watch.json"


@dataclass
class Result:
    id: str
    url: str
    status: str  # one of STATUSES
    detail: str = ""  # why, in one line (HTTP status, error, new location)
    final_url: str = ""  # where the text was read, after redirects
    http_status: int = 0
    diff: str = ""  # short diff of the extracted text, for "changed"
    sha256: str = ""  # fingerprint of the text read now ("" when nothing was read)
    etag: str = ""
    last_modified: str = ""

    def to_json(self) -> dict[str, object]:
        return asdict(self)


@dataclass
class Fetched:
    """One URL's response, extracted."""

    response: Response | None
    page: Page | None
    error: FetchError | ExtractError | None = None


def page_of(resp: Response, max_pdf_pages: int = 300) -> Page:
    """Extract a 200 response; raises :class:`ExtractError` for content that is not HTML or PDF."""
    if resp.content_type in HTML_TYPES or (not resp.content_type and resp.body.lstrip()[:1] == b"<"):
        return extract_html(resp.text(), resp.final_url)
    if resp.content_type in PDF_TYPES or resp.body.startswith(b"%PDF-"):
        return extract_pdf(resp.body, resp.final_url, max_pdf_pages)
    raise ExtractError(f"{resp.final_url}: content type {resp.content_type or 'unknown'!r} is not HTML or PDF")


def fetch_one(fetcher: PoliteFetcher, url: str, etag: str = "", last_modified: str = "") -> Fetched:
    try:
        resp = fetcher.get(url, etag=etag, last_modified=last_modified)
    except FetchError as exc:
        return Fetched(None, None, exc)
    if resp.status != 200:
        return Fetched(resp, None)
    try:
        return Fetched(resp, page_of(resp))
    except ExtractError as exc:
        return Fetched(resp, None, exc)


def classify(note: SourceNote, stored: fp.Fingerprint | None, got: Fetched, old_text: str | None) -> Result:
    """The status of one note given what its URL returned (pure; see :data:`STATUSES`)."""
    r = Result(id=note.id, url=note.url, status="unchanged")
    resp = got.response
    if resp is not None:
        r.http_status, r.etag, r.last_modified = resp.status, resp.etag, resp.last_modified
        r.final_url = resp.redirects[-1][1] if resp.redirects else resp.url
    if isinstance(got.error, FetchError):
        r.status = "blocked" if got.error.kind == "blocked" else "unreachable"
        r.detail = got.error.message
        return r
    assert resp is not None
    if resp.status in (404, 410):
        r.status, r.detail = "gone", f"HTTP {resp.status}"
        return r
    if resp.status == 304:
        if stored is None:
            r.status, r.detail = "unreachable", "HTTP 304 to an unconditional request"
        else:
            r.detail = "HTTP 304 Not Modified"
        return r
    if resp.status != 200:
        r.status, r.detail = "unreachable", f"HTTP {resp.status}"
        return r
    if got.error is not None:
        r.status, r.detail = "unreachable", str(got.error)
        return r
    assert got.page is not None
    r.sha256 = fingerprint(got.page.text)
    text_changed = stored is not None and stored.sha256 != r.sha256
    if text_changed and old_text is not None:
        r.diff = short_diff(old_text, got.page.text)
    if resp.moved_permanently:
        r.status = "moved"
        r.detail = f"now at {r.final_url} (HTTP {resp.redirects[0][0]})" + (
            "; its text changed too" if text_changed else ""
        )
    elif stored is None:
        r.status, r.detail = "new", "no fingerprint yet: review the note, then `kenri sources accept`"
    elif text_changed:
        r.status = "changed"
        r.detail = "main text changed" if r.diff or old_text is None else "main text changed (white space only?)"
        if old_text is None:
            r.detail += " (no earlier text on this machine to diff against)"
    return r


def watch(
    notes: Iterable[SourceNote],
    store: dict[str, fp.Fingerprint],
    fetcher: PoliteFetcher,
    cache_dir: Path,
    *,
    workers: int = 8,
    progress: Callable[[int], None] | None = None,
) -> list[Result]:
    """Check every note's URL; one worker per host at a time (the fetcher also enforces it).

    Notes sharing a URL (a note and its translation) are fetched once. Results are in the
    order of ``notes``. ``progress(n)`` is called after each URL with the number of notes done.
    """
    notes = list(notes)
    by_url: dict[str, list[SourceNote]] = defaultdict(list)
    for n in notes:
        by_url[n.url].append(n)
    by_host: dict[str, list[str]] = defaultdict(list)
    for url in by_url:
        by_host[host_of(url)].append(url)
    results: dict[str, Result] = {}

    stop = threading.Event()  # set on Ctrl-C: workers finish the request in flight, then stop

    def run_host(urls: list[str]) -> None:
        for url in urls:
            if stop.is_set():
                return
            group = by_url[url]
            stored = [store.get(n.id) for n in group]
            # Conditional GET only when every note on this URL has the same stored validators.
            validators = {(s.etag, s.last_modified, s.url) for s in stored if s is not None}
            etag = last_mod = ""
            if len(validators) == 1 and None not in stored:
                etag, last_mod, seen_url = next(iter(validators))
                if seen_url != url:
                    etag = last_mod = ""
            got = fetch_one(fetcher, url, etag, last_mod)
            for n, s in zip(group, stored, strict=True):
                results[n.id] = classify(n, s, got, read_text(cache_dir, n.id))
            if progress is not None:
                progress(len(group))

    with ThreadPoolExecutor(max_workers=max(1, min(workers, len(by_host) or 1))) as pool:
        futures = [pool.submit(run_host, urls) for urls in by_host.values()]
        try:
            for future in futures:
                future.result()
        except BaseException:
            stop.set()
            raise
    return [results[n.id] for n in notes]


def exit_code(results: Iterable[Result]) -> int:
    """0: nothing changed; 1: something changed (changed, moved, gone, new); 2: some source
    could not be checked (unreachable, blocked), whatever else happened."""
    statuses = {r.status for r in results}
    if statuses & ERRORS:
        return 2
    return 1 if statuses & NEEDS_ATTENTION else 0


def counts(results: Iterable[Result]) -> dict[str, int]:
    out = dict.fromkeys(STATUSES, 0)
    for r in results:
        out[r.status] += 1
    return out


# ---------------------------------------------------------------------- cache


def read_text(cache_dir: Path, source_id: str) -> str | None:
    path = cache_dir / "text" / f"{source_id}.txt"
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None


def write_text(cache_dir: Path, source_id: str, text: str) -> None:
    _atomic_write(cache_dir / "text" / f"{source_id}.txt", text.encode("utf-8"))


def save_report(cache_dir: Path, results: list[Result], started: float, finished: float) -> dict[str, object]:
    report = {
        "started": dt.datetime.fromtimestamp(started, dt.UTC).isoformat(timespec="seconds"),
        "finished": dt.datetime.fromtimestamp(finished, dt.UTC).isoformat(timespec="seconds"),
        "seconds": round(finished - started, 2),
        "counts": counts(results),
        "exit_code": exit_code(results),
        "results": [r.to_json() for r in results],
    }
    _atomic_write(cache_dir / LAST_REPORT, json.dumps(report, ensure_ascii=False, indent=1).encode("utf-8"))
    return report


def load_report(cache_dir: Path) -> dict | None:
    try:
        data = json.loads((cache_dir / LAST_REPORT).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) and isinstance(data.get("counts"), dict) else None


def _atomic_write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix="." + path.name + ".", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


# ---------------------------------------------------------------------- accept


class AcceptError(KenriError):
    """A source cannot be accepted; the message names it and says why."""


@dataclass
class Accepted:
    id: str
    fingerprint: fp.Fingerprint
    verified_changed: bool
    note: str = ""  # a warning to show (e.g. the page still redirects)


def accept(
    notes: list[SourceNote],
    store_path: Path,
    fetcher: PoliteFetcher,
    cache_dir: Path,
    *,
    today: dt.date,
    set_verified: bool = True,
) -> list[Accepted]:
    """Fetch each note's URL, record its fingerprint and (unless ``set_verified`` is False) set
    the note's ``verified:`` to ``today``. All or nothing: any source that cannot be read
    raises :class:`AcceptError` before a file is written."""
    from .notes import set_verified as write_verified

    store = fp.load(store_path)
    pending: list[tuple[SourceNote, fp.Fingerprint, str, str]] = []
    for n in notes:
        got = fetch_one(fetcher, n.url)
        if got.error is not None:
            raise AcceptError(f"{n.id}: {got.error}")
        resp = got.response
        assert resp is not None
        if resp.status != 200 or got.page is None:
            raise AcceptError(f"{n.id}: {n.url} answered HTTP {resp.status}; fix the note's url first")
        final = resp.redirects[-1][1] if resp.redirects else resp.url
        warn = f"{n.url} redirects to {final}: update the note's url" if resp.moved_permanently else ""
        rec = fp.Fingerprint(
            id=n.id,
            sha256=fingerprint(got.page.text),
            accepted=today.isoformat(),
            etag=resp.etag,
            last_modified=resp.last_modified,
            url=n.url,
        )
        if set_verified:
            try:
                write_verified(n.path, today, dry_run=True)
            except ValueError as exc:
                raise AcceptError(str(exc)) from None
        pending.append((n, rec, got.page.text, warn))
    out = []
    for n, rec, text, _ in pending:
        store[n.id] = rec
        write_text(cache_dir, n.id, text)
    fp.save(store_path, store)
    for n, rec, _, warn in pending:
        changed = write_verified(n.path, today) if set_verified else False
        out.append(Accepted(n.id, rec, changed, warn))
    return out


def now() -> float:
    return time.time()
