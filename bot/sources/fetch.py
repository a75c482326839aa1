"""Polite HTTP for ``kenri sources``: one request per host at a time, robots.txt respected.

Rules followed, and where they come from:

* robots.txt (RFC 9309) evaluated with protego for the product token ``kenri``: a 4xx
  robots.txt means no rules (§2.3.1.3); a 5xx or an unreachable one means "disallow all"
  (§2.3.1.4); ``Crawl-delay`` (not in the RFC, widely used) is honoured up to
  :data:`MAX_CRAWL_DELAY` seconds.
* Conditional GET with ``If-None-Match`` / ``If-Modified-Since`` (RFC 9110 §13.1): a 304 means
  the page did not change since the validators were stored.
* 429 (RFC 6585) and 503 with ``Retry-After``: wait as long as asked (at most
  ``retry_after_cap`` seconds) and retry once.
* Redirects are followed by hand (at most :data:`MAX_REDIRECTS`), each hop checked against its
  host's robots.txt; 301 and 308 are permanent (RFC 9110 §15.4), so the caller reports "moved".
* Every body is streamed and cut off past ``max_bytes``; a whole request must finish within
  ``deadline`` seconds (a server that drips bytes cannot hold a worker forever).
"""

from __future__ import annotations

import re
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from email.utils import parsedate_to_datetime
from urllib.parse import urljoin, urlsplit

import httpx
from protego import Protego

from bot.errors import KenriError

PRODUCT_TOKEN = "kenri"  # the RFC 9309 product token kenri's fetches obey
USER_AGENT = "kenri/0.1 (source watch for the kenri corpus; robots.txt token: kenri)"
MAX_REDIRECTS = 5
MAX_CRAWL_DELAY = 30.0
MAX_ROBOTS_BYTES = 512 * 1024  # RFC 9309 §2.5: crawlers must read at least 500 KiB
PERMANENT = {301, 308}


class FetchError(KenriError):
    """A page could not be fetched. ``kind`` is one of ``unreachable``, ``blocked`` (robots.txt),
    ``too-large``, ``rate-limited``; ``message`` names the URL and the reason."""

    def __init__(self, kind: str, message: str) -> None:
        super().__init__(message)
        self.kind = kind
        self.message = message


@dataclass
class Response:
    url: str  # as requested
    final_url: str  # after redirects
    status: int
    redirects: list[tuple[int, str]] = field(default_factory=list)  # (status, location) per hop
    content_type: str = ""  # media type only, lower case
    body: bytes = b""
    etag: str = ""
    last_modified: str = ""
    charset: str | None = None
    retry_after: str = ""

    @property
    def moved_permanently(self) -> bool:
        return bool(self.redirects) and all(s in PERMANENT for s, _ in self.redirects)

    def text(self) -> str:
        """The body decoded: the charset of the Content-Type header, else the page's own
        ``<meta charset>`` (many Japanese sites still serve Shift_JIS that way), else UTF-8,
        else charset_normalizer's guess (through trafilatura)."""
        declared = [self.charset] if self.charset else []
        m = _META_CHARSET.search(self.body[:4096])
        if m:
            declared.append(m.group(1).decode("ascii", "ignore"))
        for enc in [*declared, "utf-8"]:
            try:
                return self.body.decode(enc)
            except (LookupError, UnicodeDecodeError):
                continue
        from trafilatura.utils import decode_file

        return decode_file(self.body)


_META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?([A-Za-z0-9_.:-]{1,40})""", re.I)


def host_of(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}".lower()


class PoliteFetcher:
    """Thread-safe fetcher. Hold one per run; :meth:`close` it (or use ``with``).

    ``delay``: seconds between two requests to the same host (robots.txt ``Crawl-delay`` wins
    when larger). ``timeout``: seconds per connect/read. ``deadline``: seconds for a whole
    request. ``max_bytes``: largest body read.
    """

    def __init__(
        self,
        *,
        user_agent: str = USER_AGENT,
        timeout: float = 15.0,
        deadline: float = 60.0,
        max_bytes: int = 5 * 1024 * 1024,
        delay: float = 0.5,
        retry_after_cap: float = 30.0,
        transport: httpx.BaseTransport | None = None,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.user_agent = user_agent
        self.timeout = timeout
        self.deadline = deadline
        self.max_bytes = max_bytes
        self.delay = delay
        self.retry_after_cap = retry_after_cap
        self._sleep = sleep
        self._client = httpx.Client(
            headers={
                "User-Agent": user_agent,
                "Accept": "text/html,application/xhtml+xml,application/pdf;q=0.9,*/*;q=0.1",
            },
            timeout=httpx.Timeout(timeout),
            follow_redirects=False,
            transport=transport,
        )
        self._locks: dict[str, threading.Lock] = {}
        self._last: dict[str, float] = {}
        self._robots: dict[str, Protego | str] = {}  # a str: why robots.txt is unavailable (disallow all)
        self._guard = threading.Lock()
        self.requests = 0  # counted for reports and benchmarks

    def __enter__(self) -> PoliteFetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._client.close()

    # ------------------------------------------------------------------ robots.txt

    def allowed(self, url: str) -> bool:
        """Whether robots.txt lets ``kenri`` fetch ``url`` (fetched once per host and run).

        Raises :class:`FetchError` (``unreachable``) when robots.txt itself could not be read:
        RFC 9309 §2.3.1.4 then means "disallow all", and the reason is the network's, not the
        site owner's.
        """
        host = host_of(url)
        with self._guard:
            known = host in self._robots
        if not known:
            rules = self._fetch_robots(host)
            with self._guard:
                self._robots.setdefault(host, rules)
        rules = self._robots[host]
        if isinstance(rules, str):
            raise FetchError("unreachable", f"{url}: {rules}; not fetched (RFC 9309 §2.3.1.4)")
        return rules.can_fetch(url, PRODUCT_TOKEN)

    def _fetch_robots(self, host: str) -> Protego | str:
        url = host + "/robots.txt"
        try:
            for _ in range(MAX_REDIRECTS + 1):
                resp = self._request(url, {})
                if resp.status in (301, 302, 303, 307, 308) and resp.redirects:
                    url = resp.redirects[-1][1]
                    continue
                break
        except FetchError as exc:
            return f"robots.txt unavailable ({exc.message.split(': ', 1)[-1]})"
        if 400 <= resp.status < 500:
            return Protego.parse("")
        if resp.status != 200:
            return f"robots.txt answered HTTP {resp.status}"
        return Protego.parse(resp.body[:MAX_ROBOTS_BYTES].decode("utf-8", errors="replace"))

    def _crawl_delay(self, host: str) -> float:
        rules = self._robots.get(host)
        value = rules.crawl_delay(PRODUCT_TOKEN) if isinstance(rules, Protego) else None
        return min(float(value), MAX_CRAWL_DELAY) if value else 0.0

    # ------------------------------------------------------------------ pages

    def get(self, url: str, *, etag: str = "", last_modified: str = "") -> Response:
        """GET ``url`` politely, following redirects; conditional when validators are given.

        Returns the final :class:`Response` (any status, including 304/404). Raises
        :class:`FetchError` when robots.txt disallows a hop (``blocked``), on network errors and
        timeouts (``unreachable``), a body over ``max_bytes`` (``too-large``), or a second 429
        (``rate-limited``).
        """
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        redirects: list[tuple[int, str]] = []
        current = url
        for _ in range(MAX_REDIRECTS + 1):
            if not self.allowed(current):
                raise FetchError("blocked", f"{current}: robots.txt does not allow the '{PRODUCT_TOKEN}' user agent")
            resp = self._request(current, headers)
            if resp.status in (301, 302, 303, 307, 308) and resp.redirects:
                redirects.append(resp.redirects[-1])
                current = resp.redirects[-1][1]
                continue
            resp.url, resp.redirects = url, redirects
            return resp
        raise FetchError("unreachable", f"{url}: more than {MAX_REDIRECTS} redirects")

    def _request(self, url: str, headers: dict[str, str]) -> Response:
        host = host_of(url)
        with self._guard:
            lock = self._locks.setdefault(host, threading.Lock())
        with lock:  # one request per host at a time
            for attempt in (1, 2):
                wait = self._last.get(host, 0.0) + max(self.delay, self._crawl_delay(host)) - time.monotonic()
                if wait > 0:
                    self._sleep(wait)
                try:
                    resp = self._once(url, headers)
                finally:
                    self._last[host] = time.monotonic()
                if resp.status in (429, 503) and attempt == 1:
                    retry = _retry_after(resp)
                    if retry is not None and retry <= self.retry_after_cap:
                        self._sleep(retry)
                        continue
                if resp.status == 429:
                    raise FetchError("rate-limited", f"{url}: HTTP 429 Too Many Requests (asked to slow down)")
                return resp
        raise AssertionError("unreachable")  # pragma: no cover

    def _once(self, url: str, headers: dict[str, str]) -> Response:
        started = time.monotonic()
        self.requests += 1
        try:
            with self._client.stream("GET", url, headers=headers) as r:
                out = Response(
                    url=url,
                    final_url=str(r.url),
                    status=r.status_code,
                    content_type=r.headers.get("content-type", "").split(";")[0].strip().lower(),
                    etag=r.headers.get("etag", ""),
                    last_modified=r.headers.get("last-modified", ""),
                    charset=r.charset_encoding,
                )
                out.retry_after = r.headers.get("retry-after", "")
                if r.status_code in (301, 302, 303, 307, 308) and r.headers.get("location"):
                    out.redirects = [(r.status_code, urljoin(url, r.headers["location"]))]
                    return out
                declared = r.headers.get("content-length", "")
                if declared.isdigit() and int(declared) > self.max_bytes:
                    raise FetchError(
                        "too-large",
                        f"{url}: {int(declared) // 1024} KiB, over the {self.max_bytes // 1024} KiB limit",
                    )
                chunks, size = [], 0
                for chunk in r.iter_bytes():
                    size += len(chunk)
                    if size > self.max_bytes:
                        raise FetchError("too-large", f"{url}: over the {self.max_bytes // 1024} KiB limit")
                    if time.monotonic() - started > self.deadline:
                        raise FetchError("unreachable", f"{url}: no complete answer within {self.deadline:g} s")
                    chunks.append(chunk)
                out.body = b"".join(chunks)
                return out
        except httpx.TimeoutException:
            raise FetchError("unreachable", f"{url}: timed out after {self.timeout:g} s") from None
        except httpx.HTTPError as exc:
            raise FetchError("unreachable", f"{url}: {type(exc).__name__}: {exc}"[:300]) from None


def _retry_after(resp: Response) -> float | None:
    value = resp.retry_after.strip()
    if not value:
        return None
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - time.time())
