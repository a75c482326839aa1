"""A local HTTP server on 127.0.0.1 for the source-watch tests and benchmark.

Pages are generated from ``SiteState``: each HTML page has a main text (``articles[name]``) inside
realistic boilerplate that rotates on every request (navigation order and items, a "trending"
sidebar, a cookie banner, a footer with the current time and a render counter), so a
boilerplate-only change is exercised on every fetch. Special paths:

* ``/rich/<name>``: the same page with rotating widgets *inside* the article too (share counts,
  "updated N hours ago", a related-stories list, a feedback prompt)
* ``/redirect/<name>`` 301 to ``/page/<name>``; ``/temp/<name>`` 302 to it
* ``/gone`` 404, ``/deleted`` 410
* ``/etag/<name>``: an ETag from the main text; ``If-None-Match`` matching it gets 304
* ``/busy``: 429 with ``Retry-After: 1`` on the first request, then the page
* ``/throttled``: always 429
* ``/slow``: waits ``slow_seconds`` before answering
* ``/doc.pdf``: a one-page PDF with text; ``/image.png``: not HTML; ``/huge``: 6 MB
* ``/private/...``: disallowed for ``kenri`` in robots.txt
"""

from __future__ import annotations

import html
import random
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

ROBOTS = "User-agent: kenri\nDisallow: /private/\n\nUser-agent: *\nAllow: /\n"

NAV_ITEMS = [
    "Home",
    "Products",
    "Developers",
    "Blog",
    "Support",
    "Careers",
    "Press",
    "Investors",
    "Community",
    "Events",
    "Docs",
    "Pricing",
    "Partners",
    "Status",
    "Security",
    "Legal",
]
TRENDING = [
    "How we think about privacy",
    "New features this month",
    "Meet the team",
    "Customer stories",
    "Our sustainability report",
    "Webinar: getting started",
    "Release notes",
    "Year in review",
    "Five tips for creators",
    "Inside our data centres",
    "Accessibility at work",
    "A note from our CEO",
]

DEFAULT_TEXT = (
    "Creators can stop ExampleBot from using their site to train AI models by disallowing the ExampleBot "
    "user agent in their robots.txt file. The rule takes effect within about a day, once ExampleBot reads "
    "the file again.\n"
    "ExampleBot does not collect pages behind a login, and it honours the noai meta tag on individual "
    "pages. Pages that were already collected before the rule was added are not removed from earlier "
    "training data.\n"
    "Site owners can ask questions about ExampleBot through the webmaster contact form; the team answers "
    "within ten working days."
)


def text_pdf(text: str) -> bytes:
    """A minimal one-page PDF showing ``text`` (pypdf cannot write text, so built by hand)."""
    stream = f"BT /F1 12 Tf 72 712 Td ({text}) Tj ET".encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Title (Example AI training report) >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R /Info 6 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


@dataclass
class SiteState:
    articles: dict[str, str] = field(default_factory=dict)  # page name -> main text (paragraphs by \n)
    titles: dict[str, str] = field(default_factory=dict)
    robots: str = ROBOTS
    robots_status: int = 200
    slow_seconds: float = 3.0
    pdf_text: str = "Example report: training data comes from licensed sources only."
    requests: list[tuple[str, str]] = field(default_factory=list)  # (path, user agent)
    busy_seen: set[str] = field(default_factory=set)
    active: int = 0  # requests being answered right now
    max_active: int = 0  # the most answered at once
    lock: threading.Lock = field(default_factory=threading.Lock)
    seed: int = 0

    def article(self, name: str) -> str:
        return self.articles.get(name, DEFAULT_TEXT)


def render_page(
    state: SiteState, name: str, rng: random.Random, canonical: str = "", inline_widgets: bool = False
) -> str:
    """One HTML page: the main text of ``name`` inside boilerplate that differs on every call."""
    nav = rng.sample(NAV_ITEMS, k=rng.randint(5, 9))
    trending = rng.sample(TRENDING, k=4)
    stamp = time.strftime("%Y-%m-%d %H:%M:%S", time.gmtime(time.time() - rng.randint(0, 10**6)))
    title = state.titles.get(name, f"ExampleBot and AI training ({name})")
    paras = "\n".join(f"    <p>{html.escape(p)}</p>" for p in state.article(name).split("\n") if p.strip())
    if inline_widgets:
        related = "".join(
            f"<li><a href=/r{rng.randint(1, 99)}>Related story {rng.randint(1, 99)}</a></li>" for _ in range(3)
        )
        paras += (
            f'\n<div class="share">Share: <a href=/x>X</a> ({rng.randint(1, 999)} shares)'
            f'</div>\n<p class="meta">Updated {rng.randint(1, 23)} hours ago</p>\n'
            f'<section class="related"><h3>Related articles</h3><ul>{related}</ul></section>\n'
            '<div class="feedback">Was this page helpful? <button>Yes</button> <button>No</button></div>'
        )
    trending_items = "".join(f'<li><a href="/t/{i}">{t}</a></li>' for i, t in enumerate(trending))
    canon = f'<link rel="canonical" href="{html.escape(canonical)}">' if canonical else ""
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{html.escape(title)} | Example Corp</title>
<meta property="og:site_name" content="Example Corp">
<meta property="article:published_time" content="2025-03-04T09:00:00Z">
<meta property="article:modified_time" content="2026-10-01T09:00:00Z">
{canon}
<script>window.session = "{rng.getrandbits(64):x}";</script></head>
<body>
<div class="cookie-banner" id="cookies">We use cookies (banner {rng.randint(1, 9999)}).
<button>Accept all</button></div>
<header><nav><ul>{"".join(f'<li><a href="/{n.lower()}">{n}</a></li>' for n in nav)}</ul></nav></header>
<main><article>
    <h1>{html.escape(title)}</h1>
{paras}
</article></main>
<aside class="sidebar"><h2>Trending</h2><ul>{trending_items}</ul></aside>
<footer><p>© 2026 Example Corp. All rights reserved. Page generated {stamp} UTC in {rng.random():.4f} s
(render #{rng.randint(1, 10**6)}).</p>
<p><a href="/privacy">Privacy</a> · <a href="/terms">Terms</a></p></footer>
</body></html>"""


class Handler(BaseHTTPRequestHandler):
    server: LocalSite

    def log_message(self, *args: object) -> None:  # keep test output quiet
        return

    def do_GET(self) -> None:
        state = self.server.state
        with state.lock:
            state.requests.append((self.path, self.headers.get("User-Agent", "")))
            state.active += 1
            state.max_active = max(state.max_active, state.active)
            rng = random.Random(f"{state.seed}-{len(state.requests)}")
        try:
            self._answer(state, rng)
        except (BrokenPipeError, ConnectionResetError):
            pass
        finally:
            with state.lock:
                state.active -= 1

    def _send(
        self,
        status: int,
        body: bytes = b"",
        ctype: str = "text/html; charset=utf-8",
        headers: dict[str, str] | None = None,
    ) -> None:
        self.send_response(status)
        if status != 304:
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.end_headers()
        if status != 304:
            self.wfile.write(body)

    def _answer(self, state: SiteState, rng: random.Random) -> None:
        path = self.path.split("?")[0]
        base = f"http://{self.headers.get('Host')}"
        if path == "/robots.txt":
            return self._send(state.robots_status, state.robots.encode(), "text/plain")
        if path.startswith("/page/") or path.startswith("/private/"):
            name = path.rsplit("/", 1)[1]
            return self._send(200, render_page(state, name, rng).encode())
        if path.startswith("/rich/"):
            name = path.rsplit("/", 1)[1]
            return self._send(200, render_page(state, name, rng, inline_widgets=True).encode())
        if path.startswith("/canonical/"):
            name = path.rsplit("/", 1)[1]
            return self._send(200, render_page(state, name, rng, canonical=f"https://example.com/ai/{name}").encode())
        if path.startswith("/redirect/"):
            return self._send(301, b"", headers={"Location": f"{base}/page/{path.rsplit('/', 1)[1]}"})
        if path.startswith("/temp/"):
            return self._send(302, b"", headers={"Location": f"/page/{path.rsplit('/', 1)[1]}"})
        if path == "/gone":
            return self._send(404, b"<h1>Not found</h1>")
        if path == "/deleted":
            return self._send(410, b"<h1>Gone</h1>")
        if path.startswith("/etag/"):
            name = path.rsplit("/", 1)[1]
            tag = f'"{abs(hash(state.article(name))) % 10**12}"'
            if self.headers.get("If-None-Match") == tag:
                return self._send(304, headers={"ETag": tag})
            return self._send(200, render_page(state, name, rng).encode(), headers={"ETag": tag})
        if path == "/busy":
            with state.lock:
                first = path not in state.busy_seen
                state.busy_seen.add(path)
            if first:
                return self._send(429, b"slow down", "text/plain", headers={"Retry-After": "1"})
            return self._send(200, render_page(state, "busy", rng).encode())
        if path == "/throttled":
            return self._send(429, b"slow down", "text/plain", headers={"Retry-After": "600"})
        if path == "/slow":
            time.sleep(state.slow_seconds)
            return self._send(200, render_page(state, "slow", rng).encode())
        if path == "/sjis":  # Shift_JIS, declared only in the page (no charset in the header)
            page = render_page(state, "sjis", rng).replace('<meta charset="utf-8">', '<meta charset="shift_jis">')
            return self._send(200, page.encode("shift_jis", errors="replace"), "text/html")
        if path == "/doc.pdf":
            return self._send(200, text_pdf(state.pdf_text), "application/pdf")
        if path == "/image.png":
            return self._send(200, b"\x89PNG\r\n\x1a\n" + b"\0" * 64, "image/png")
        if path == "/huge":
            return self._send(200, b"<p>" + b"x" * (6 * 1024 * 1024) + b"</p>")
        return self._send(404, b"<h1>Not found</h1>")


class LocalSite(ThreadingHTTPServer):
    """``with LocalSite() as site:`` serves on 127.0.0.1 (a free port) until the block ends."""

    daemon_threads = True

    def __init__(self, state: SiteState | None = None) -> None:
        super().__init__(("127.0.0.1", 0), Handler)
        self.state = state or SiteState()
        self._thread = threading.Thread(target=self.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"

    def __enter__(self) -> LocalSite:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.shutdown()
        self.server_close()
        self._thread.join(timeout=5)
