"""robots.txt generator and checker for AI crawlers, plus TDMRep and ai.txt summaries.

* :func:`generate` writes robots.txt groups for a policy (``training``, ``training+search``,
  ``all-ai``) from the crawler registry, with honest comments on what each group does not stop.
* :func:`check` evaluates a robots.txt for every registry crawler with protego (which follows
  groups, wildcards and Allow/Disallow precedence the way crawlers do) and suggests fixes.
* :func:`check_tdmrep` and :func:`check_ai_txt` summarise ``/.well-known/tdmrep.json`` and
  Spawning's ``ai.txt``.

Everything is pure and synchronous and returns data or text (never prints), so the CLI and a
Discord cog can both call it. Unusable input raises :class:`RobotsInputError` with a message
that can be shown to the user as is.
"""

from __future__ import annotations

import json
import re
import textwrap
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote, urlparse

from protego import Protego

from .crawlers import PURPOSE_LABELS, ROBOTS_LABELS, Crawler, Registry
from .datafiles import Text
from .errors import EngineError

POLICIES = ("training", "training+search", "all-ai")
DEFAULT_POLICY = "training"
DEFAULT_MAX_BYTES = 512 * 1024
_BASE = "https://example.com"

POLICY_TEXT = {
    "training": Text(
        en="blocks AI-training crawlers; leaves search engines and AI search crawlers alone",
        ja="AIの学習用クローラーを拒否し、検索エンジンとAI検索用のクローラーはそのままにします",
    ),
    "training+search": Text(
        en="blocks AI-training and AI search crawlers; leaves search engines (Google, Apple) alone",
        ja="AIの学習用とAI検索用のクローラーを拒否し、検索エンジン（Google・Apple）はそのままにします",
    ),
    "all-ai": Text(
        en="blocks every AI crawler in kenri's registry, including user-triggered fetchers, ads and "
           "link-preview bots; leaves search engines alone",
        ja="利用者の依頼で動くボット、広告やリンクプレビュー用のボットを含め、kenriの一覧にあるすべてのAIクローラーを拒否し、"
           "検索エンジンはそのままにします",
    ),
}


class RobotsInputError(EngineError):
    """The robots.txt / tdmrep.json / ai.txt input cannot be used; the message says why."""


# =========================================================================== input


def decode_input(data: str | bytes, what: str, max_bytes: int = DEFAULT_MAX_BYTES) -> tuple[str, list[Text], int]:
    """Bytes or text -> text without BOM and with ``\\n`` line ends; size checked first.

    Raises :class:`RobotsInputError` for over-limit, binary or compressed input. Returns the text,
    notices (BOM removed, invalid UTF-8 replaced) and the input size in bytes.
    """
    if not isinstance(data, (str, bytes, bytearray)):
        raise RobotsInputError(f"{what}: expected text or bytes, got {type(data).__name__}")
    notices: list[Text] = []
    size = len(data)
    if isinstance(data, str) and size <= max_bytes:
        size = len(data.encode("utf-8", "surrogatepass"))
    if size > max_bytes:
        raise RobotsInputError(
            f"{what} is {size:,} bytes, over the {max_bytes:,}-byte limit ({_kib(max_bytes)}); "
            f"nothing was parsed"
        )
    if isinstance(data, (bytes, bytearray)):
        raw = bytes(data)
        if raw[:2] == b"\x1f\x8b":
            raise RobotsInputError(f"{what} looks gzip-compressed; decompress it and check the text file")
        if b"\x00" in raw:
            raise RobotsInputError(f"{what} looks like binary data (it contains NUL bytes), not a text file")
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            text = raw.decode("utf-8", "replace")
            if text.count("\ufffd") > max(3, len(text) // 20):
                raise RobotsInputError(f"{what} looks like binary data, not UTF-8 text") from None
            notices.append(Text(
                en=f"The file is not valid UTF-8 (first bad byte at offset {exc.start}); invalid bytes were replaced.",
                ja=f"ファイルが正しいUTF-8ではありません（最初の不正なバイトは位置{exc.start}）。不正なバイトは置き換えました。",
            ))
    else:
        text = data
        if "\x00" in text:
            raise RobotsInputError(f"{what} looks like binary data (it contains NUL characters), not a text file")
    controls = sum(1 for ch in text if (ord(ch) < 32 and ch not in "\t\n\r\f\v") or ch == "\x7f")
    if controls > max(3, len(text) // 100):
        raise RobotsInputError(f"{what} looks like binary data ({controls} control characters), not a text file")
    if text.startswith("\ufeff"):
        text = text[1:]
        notices.append(Text(en="A UTF-8 byte-order mark (BOM) at the start was ignored.",
                            ja="先頭のUTF-8のBOM（バイトオーダーマーク）は無視しました。"))
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text, notices, size


def _kib(n: int) -> str:
    return f"{n / 1024:g} KiB"


# =========================================================================== generate


def policy_crawlers(policy: str, registry: Registry) -> list[Crawler]:
    """The registry crawlers a policy blocks, in registry order."""
    if policy not in POLICIES:
        raise RobotsInputError(f"unknown policy {policy!r}; use one of {', '.join(POLICIES)}")
    out = []
    for c in registry:
        if c.general_search:
            continue  # search engines' main crawlers are never blocked by a generated file
        if (
            c.purpose == "training"
            or (policy in ("training+search", "all-ai") and c.is_ai_search)
            or policy == "all-ai"
        ):
            out.append(c)
    return out


_GEN = {
    "en": {
        "title": "robots.txt rules for AI crawlers, generated by kenri",
        "policy": "Policy: {policy} ({text}).",
        "verified": "Crawler facts verified {date} against the operators' pages (kenri sources: {ids}).",
        "before": "Before you use this:",
        "engines": "Search engines ({names}) are not listed, so this file does not change Google or Apple search.",
        "merge": "Crawlers not named here keep following your other groups (e.g. User-agent: *). If your robots.txt "
                 "already names one of these tokens, merge the rules into one group per token.",
        "stops": "Stops: {items}.",
        "not_stopped": "Not stopped by this file: {items}.",
        "note": "{token}: {text}",
        "reported": "(reported) ",
    },
    "ja": {
        "title": "kenriが生成したAIクローラー向けのrobots.txtのルール",
        "policy": "方針：{policy}（{text}）",
        "verified": "クローラーの情報は{date}に各社のページで確認（kenriの出典：{ids}）",
        "before": "使う前に：",
        "engines": "検索エンジン（{names}）は書いていないため、GoogleやAppleの検索には影響しません。",
        "merge": "ここに書いていないクローラーは、ほかのグループ（User-agent: * など）に従います。robots.txtにすでに"
                 "同じトークンがある場合は、トークンごとに1つのグループにまとめてください。",
        "stops": "止めるもの：{items}",
        "not_stopped": "このファイルでは止めないもの：{items}",
        "note": "{token}：{text}",
        "reported": "（報道による情報）",
    },
}


def generate(policy: str = DEFAULT_POLICY, registry: Registry | None = None, *, lang: str = "en") -> str:
    """robots.txt text for ``policy``: a commented header with the honest caveats, then one
    group per operator, each saying what it stops and what it does not."""
    if registry is None:
        raise RobotsInputError("generate() needs the crawler registry (see bot.engine.crawlers)")
    lang = lang if lang in _GEN else "en"
    G = _GEN[lang]
    blocked = policy_crawlers(policy, registry)
    blocked_keys = {c.key for c in blocked}
    engines = [c.token for c in registry if c.general_search]
    lines: list[str] = []

    def comment(text: str, indent: str = "  ") -> None:
        width = 100 if lang == "en" else 10_000  # Japanese has no spaces to wrap at
        pieces = textwrap.wrap(text, width=width - 2, break_long_words=False, break_on_hyphens=False,
                               subsequent_indent=indent)
        lines.extend(f"# {piece}".rstrip() for piece in pieces or [""])

    comment(G["title"])
    comment(G["policy"].format(policy=policy, text=POLICY_TEXT[policy].get(lang)))
    comment(G["verified"].format(date=registry.verified, ids=", ".join(registry.source_ids())))
    lines.append("#")
    comment(G["before"])
    for cav in registry.caveats:
        comment(f"- {cav.text.get(lang)}")
    if engines:
        comment(f"- {G['engines'].format(names=', '.join(engines))}")
    comment(f"- {G['merge']}")

    for operator in registry.operators():
        crawlers = [c for c in registry if c.operator == operator]
        group = [c for c in crawlers if c.key in blocked_keys]
        if not group:
            continue
        rest = [c for c in crawlers if c.key not in blocked_keys]
        lines.append("")
        lines.append(f"# --- {operator} " + "-" * max(3, 60 - len(operator)))
        sep = ", " if lang == "en" else "、"
        comment(G["stops"].format(items=sep.join(_labelled(c, lang) for c in group)))
        if rest:
            comment(G["not_stopped"].format(items=sep.join(_labelled(c, lang) for c in rest)))
        for c in group:
            for note in _group_notes(c, lang):
                comment(G["note"].format(token=c.token, text=note))
        lines += [f"User-agent: {c.token}" for c in group]
        lines.append("Disallow: /")
    return "\n".join(lines) + "\n"


def _purpose(c: Crawler, lang: str) -> str:
    if c.general_search:
        return "search engine" if lang == "en" else "検索エンジン"
    label = PURPOSE_LABELS[lang][c.purpose]
    if c.legacy:
        label += ", legacy" if lang == "en" else "・旧トークン"
    return label


def _labelled(c: Crawler, lang: str) -> str:
    return f"{c.token} ({_purpose(c, lang)})" if lang == "en" else f"{c.token}（{_purpose(c, lang)}）"


def _group_notes(c: Crawler, lang: str) -> list[str]:
    """What a reader of the generated file must know about blocking this token."""
    notes = []
    rep = _GEN[lang]["reported"] if c.confidence else ""
    if c.legacy:
        notes.append(rep + c.description.get(lang))
    if c.robots in ("may-ignore", "says-ignores") or (c.robots == "undocumented" and c.purpose == "training"):
        notes.append(rep + c.robots_note.get(lang))
    if c.affects_search and c.search_note:
        notes.append(c.search_note.get(lang))
    return notes


# =========================================================================== check


@dataclass(frozen=True)
class CrawlerCheck:
    """How one registry crawler reads the checked robots.txt."""

    crawler: Crawler
    allowed: bool  # for "/"
    path_allowed: bool | None  # for the extra path, when one was given
    group: str  # the User-agent group used: a token, "*", or "" (no group: allowed)
    via: str = ""  # e.g. "Googlebot" when Applebot follows the Googlebot group
    partial: bool = False  # other paths get the opposite answer

    @property
    def token(self) -> str:
        return self.crawler.token

    def to_json(self) -> dict[str, Any]:
        c = self.crawler
        return {
            "token": c.token, "operator": c.operator, "purpose": c.purpose,
            "allowed": self.allowed, "path_allowed": self.path_allowed, "partial": self.partial,
            "group": self.group or None, "via": self.via or None, "robots": c.robots,
            "affects_search": c.affects_search, "general_search": c.general_search, "legacy": c.legacy,
            "source": c.source, "url": c.url,
        }


@dataclass(frozen=True)
class Finding:
    kind: str  # "block" (suggested fix), "warn", "info"
    text: Text
    token: str = ""
    snippet: str = ""

    def to_json(self) -> dict[str, Any]:
        return {"kind": self.kind, "token": self.token or None, "message": self.text.en,
                "message_ja": self.text.ja, "snippet": self.snippet or None}


_CHECK = {
    "en": {
        "title": "robots.txt check: {size} bytes, {lines} lines",
        "summary": "Training crawlers blocked: {t_b} of {t_n} | AI search crawlers blocked: {s_b} of {s_n} | "
                   "search engines blocked: {e_b} of {e_n}",
        "cols": ("Token", "Operator", "Purpose", "/", "Group used", "Operator says"),
        "allowed": "allowed", "blocked": "blocked", "none": "(none)", "via": "{group} (fallback)",
        "partial": "* other paths get the opposite answer (Allow/Disallow rules for some paths)",
        "todo": "Suggested changes", "warn": "Warnings", "info": "Notes", "input": "About the file",
        "add": "Add to your robots.txt to refuse the allowed training crawlers:",
        "footer": "Crawler facts verified {date} (kenri crawler registry). robots.txt is a request, not a lock: "
                  "crawlers choose whether to obey it. Not legal advice.",
    },
    "ja": {
        "title": "robots.txtのチェック：{size}バイト、{lines}行",
        "summary": "学習用クローラーの拒否：{t_n}件中{t_b}件 ｜ AI検索用：{s_n}件中{s_b}件 ｜ 検索エンジン：{e_n}件中{e_b}件",
        "cols": ("トークン", "運営", "用途", "/", "使われたグループ", "運営者の説明"),
        "allowed": "許可", "blocked": "拒否", "none": "（なし）", "via": "{group}（代わりに適用）",
        "partial": "* 一部のパスでは逆の結果になります（パスごとのAllow/Disallowがあります）",
        "todo": "おすすめの変更", "warn": "警告", "info": "補足", "input": "ファイルについて",
        "add": "許可されている学習用クローラーを拒否するには、robots.txtに次を追加します：",
        "footer": "クローラーの情報は{date}に確認（kenriのクローラー一覧）。robots.txtは「お願い」であって鍵ではなく、"
                  "従うかどうかはクローラー次第です。法的助言ではありません。",
    },
}


@dataclass
class CheckReport:
    rows: list[CrawlerCheck]
    findings: list[Finding]
    notices: list[Text]
    size_bytes: int
    lines: int
    verified: str
    path: str | None = None
    groups: list[str] = field(default_factory=list)  # User-agent values seen, lowercased
    snippet: str = ""  # one block adding every allowed training crawler that can simply be added

    # ------------------------------------------------------------ summaries

    def _count(self, rows: Iterable[CrawlerCheck]) -> tuple[int, int]:
        rows = list(rows)
        return sum(1 for r in rows if not r.allowed), len(rows)

    @property
    def training(self) -> list[CrawlerCheck]:
        return [r for r in self.rows if r.crawler.purpose == "training"]

    @property
    def ai_search(self) -> list[CrawlerCheck]:
        return [r for r in self.rows if r.crawler.is_ai_search]

    @property
    def search_engines(self) -> list[CrawlerCheck]:
        return [r for r in self.rows if r.crawler.general_search]

    def row(self, token: str) -> CrawlerCheck | None:
        return next((r for r in self.rows if r.crawler.key == token.lower()), None)

    def summary(self) -> dict[str, int]:
        t_b, t_n = self._count(self.training)
        s_b, s_n = self._count(self.ai_search)
        e_b, e_n = self._count(self.search_engines)
        return {"training_blocked": t_b, "training_total": t_n, "ai_search_blocked": s_b,
                "ai_search_total": s_n, "search_engines_blocked": e_b, "search_engines_total": e_n}

    # ------------------------------------------------------------ output

    def to_json(self) -> dict[str, Any]:
        return {
            "size_bytes": self.size_bytes, "lines": self.lines, "path": self.path,
            "verified": self.verified, "summary": self.summary(),
            "crawlers": [r.to_json() for r in self.rows],
            "findings": [f.to_json() for f in self.findings],
            "notices": [n.to_json() for n in self.notices],
            "snippet": self.snippet or None,
        }

    def to_text(self, lang: str = "en") -> str:
        lang = lang if lang in _CHECK else "en"
        C = _CHECK[lang]
        s = self.summary()
        out = [C["title"].format(size=f"{self.size_bytes:,}", lines=self.lines),
               C["summary"].format(t_b=s["training_blocked"], t_n=s["training_total"], s_b=s["ai_search_blocked"],
                                   s_n=s["ai_search_total"], e_b=s["search_engines_blocked"],
                                   e_n=s["search_engines_total"]), ""]
        cols = list(C["cols"])
        if self.path:
            cols.insert(4, self.path if len(self.path) <= 24 else self.path[:23] + "…")
        table = [cols]
        tokens = {r.crawler.key: r.crawler.token for r in self.rows}
        for r in self.rows:
            c = r.crawler
            verdict = C["allowed"] if r.allowed else C["blocked"]
            if r.partial:
                verdict += "*"
            group = tokens.get(r.group, r.group) if r.group else C["none"]
            if r.via:
                group = C["via"].format(group=group, via=r.via)
            row = [c.token, c.operator, _purpose(c, lang), verdict, group, ROBOTS_LABELS[lang][c.robots]]
            if self.path:
                row.insert(4, "" if r.path_allowed is None else (C["allowed"] if r.path_allowed else C["blocked"]))
            table.append(row)
        out += _table(table)
        if any(r.partial for r in self.rows):
            out.append(C["partial"])
        for kind, title in (("block", "todo"), ("warn", "warn"), ("info", "info")):
            items = [f for f in self.findings if f.kind == kind]
            if not items:
                continue
            out += ["", C[title] + (":" if lang == "en" else "：")]
            for f in items:
                out.append(f"- {f.text.get(lang)}")
                if f.snippet and kind != "block":
                    out += ["    " + line for line in f.snippet.splitlines()]
        if self.snippet:
            out += ["", C["add"], "", *self.snippet.splitlines()]
        if self.notices:
            out += ["", C["input"] + (":" if lang == "en" else "：")]
            out += [f"- {n.get(lang)}" for n in self.notices]
        out += ["", C["footer"].format(date=self.verified)]
        return "\n".join(out)


def _width(s: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in s)


def _table(rows: list[list[str]]) -> list[str]:
    widths = [max(_width(r[i]) for r in rows) for i in range(len(rows[0]))]
    lines = []
    for n, r in enumerate(rows):
        cells = [cell + " " * (widths[i] - _width(cell)) for i, cell in enumerate(r)]
        lines.append("  ".join(cells).rstrip())
        if n == 0:
            lines.append("  ".join("-" * w for w in widths))
    return lines


_KNOWN_FIELDS = {
    "user-agent", "allow", "disallow", "sitemap", "crawl-delay", "request-rate", "visit-time", "host",
    "content-signal", "content-usage", "clean-param",
}
_MISSPELLINGS = {
    "useragent": "User-agent", "user agent": "User-agent", "dissallow": "Disallow", "dissalow": "Disallow",
    "disalow": "Disallow", "diasllow": "Disallow", "disallaw": "Disallow", "sitemaps": "Sitemap",
    "site-map": "Sitemap", "crawl delay": "Crawl-delay",
}
_HTML_RE = re.compile(r"^\s*<(?:!doctype|html|head|body|\?xml)", re.I)
_MAX_LISTED = 5


def _scan_lines(text: str) -> tuple[list[Text], list[str], int]:
    """Lint the raw lines: unknown or misspelt directives, rules outside a group, signals."""
    notices: list[Text] = []
    unknown: list[str] = []
    misspelt: list[str] = []
    orphan: list[int] = []
    signals: list[tuple[str, str]] = []
    agents: list[str] = []
    seen_agent = False
    count = 0
    for n, raw in enumerate(text.split("\n"), 1):
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        count += 1
        if ":" not in line:
            unknown.append(f"{n}")
            continue
        name, value = (p.strip() for p in line.split(":", 1))
        key = name.lower()
        if key in _MISSPELLINGS:
            misspelt.append(f"{n} ({name} → {_MISSPELLINGS[key]})")
            key = _MISSPELLINGS[key].lower()
        if key == "user-agent":
            seen_agent = True
            if value:
                agents.append(value.lower())
        elif key in ("allow", "disallow") and not seen_agent:
            orphan.append(n)
        elif key in ("content-signal", "content-usage"):
            signals.append((name, value))
        elif key not in _KNOWN_FIELDS:
            unknown.append(f"{n} ({name[:40]})")
    if misspelt:
        notices.append(Text(
            en=f"Misspelt directives on line(s) {_listed(misspelt)}: kenri's parser accepts them, "
               f"but fix the spelling.",
            ja=f"つづりの誤った指示（{_listed(misspelt)}行目）：kenriの解析では受け付けますが、つづりを直してください。",
        ))
    if unknown:
        notices.append(Text(
            en=f"Lines not understood as robots.txt directives (ignored): {_listed(unknown)}.",
            ja=f"robots.txtの指示として解釈できない行（無視されます）：{_listed(unknown)}行目",
        ))
    if orphan:
        nums = _listed([str(x) for x in orphan])
        notices.append(Text(
            en=f"Allow/Disallow before any User-agent line is ignored (line(s) {nums}).",
            ja=f"User-agentの行より前にあるAllow/Disallowは無視されます（{nums}行目）。",
        ))
    for name, value in signals[:_MAX_LISTED]:
        if name.lower() == "content-signal":
            notices.append(Text(
                en=f"Content-Signal line found ({value}): Cloudflare's Content Signals express a preference "
                   f"(search, ai-input, ai-train = yes/no); they do not block crawlers.",
                ja=f"Content-Signalの行があります（{value}）。CloudflareのContent Signalsは意思表示"
                   f"（search・ai-input・ai-train = yes/no）で、クローラーをブロックするものではありません。",
            ))
        else:
            notices.append(Text(
                en=f"Content-Usage line found ({value}): this is IETF AI Preferences draft syntax, still an "
                   f"Internet-Draft; the draft says preferences do not themselves create rights or obligations.",
                ja=f"Content-Usageの行があります（{value}）。IETFのAI Preferencesの草案（Internet-Draft）の書き方で、"
                   f"草案は、この意思表示自体が権利や義務を生むものではないとしています。",
            ))
    return notices, agents, count


def _listed(items: list[str]) -> str:
    shown = ", ".join(items[:_MAX_LISTED])
    return shown + (f" (+{len(items) - _MAX_LISTED} more)" if len(items) > _MAX_LISTED else "")


def _matched_group(rp: Protego, token: str) -> tuple[str, Any]:
    """The group protego uses for ``token``: its user-agent value (lowercased) and rule set."""
    try:
        rs = rp._get_matching_rule_set(token)  # protego has no public API for this
    except AttributeError:  # pragma: no cover - protego internals changed
        return "?", None
    return (rs.user_agent or "", rs) if rs is not None else ("", None)


def _is_partial(rs: Any, allowed: bool) -> bool:
    """Whether some path gets the opposite answer from "/" under this rule set."""
    try:
        rules = [(r.field, r.value._pattern) for r in rs._rules]
    except AttributeError:  # pragma: no cover - protego internals changed
        return False
    if allowed:
        return any(f == "disallow" for f, _ in rules)
    has_allow = any(f == "allow" for f, _ in rules)
    blocks_all = any(f == "disallow" and p in ("/", "/*", "*") for f, p in rules)
    return has_allow or not blocks_all


def _normalise_path(path: str) -> str:
    path = path.strip()
    if not path.startswith("/"):
        parsed = urlparse(path)
        if parsed.scheme in ("http", "https") and parsed.netloc:
            path = parsed.path or "/"
            if parsed.query:
                path += "?" + parsed.query
        else:
            raise RobotsInputError(f"path must start with '/' (got {path[:60]!r})")
    if any(ch.isspace() for ch in path) or len(path) > 2000:
        raise RobotsInputError("path must be a URL path without spaces, at most 2000 characters")
    return quote(path, safe="/%?=&:@!$'()*+,;~-._")


def check(
    text: str | bytes,
    registry: Registry,
    *,
    path: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> CheckReport:
    """Evaluate ``text`` (a robots.txt) for every registry crawler at ``/`` (and ``path``).

    Raises :class:`RobotsInputError` for unusable input (over ``max_bytes``, binary, bad path).
    An empty file is valid: every crawler is allowed, and the report says so.
    """
    extra_path = _normalise_path(path) if path and path != "/" else None
    decoded, notices, size = decode_input(text, "robots.txt", max_bytes)
    line_count = decoded.count("\n") + (0 if decoded.endswith("\n") or not decoded else 1)
    lint, agents, _ = _scan_lines(decoded)
    if not decoded.strip():
        notices.insert(0, Text(
            en="The file is empty: a robots.txt with no rules lets every crawler in.",
            ja="ファイルが空です。ルールのないrobots.txtでは、すべてのクローラーが許可されます。",
        ))
    elif _HTML_RE.match(decoded):
        notices.insert(0, Text(
            en="This looks like an HTML or XML page, not a robots.txt (servers often return an error page at that "
               "address). Crawlers find no rules in it, so everything is allowed.",
            ja="robots.txtではなくHTMLやXMLのページのようです（そのアドレスでエラーページを返すサーバーがあります）。"
               "クローラーはルールを見つけられないため、すべて許可されます。",
        ))
    elif not agents:
        notices.insert(0, Text(
            en="No User-agent groups found: every crawler is allowed.",
            ja="User-agentのグループがありません。すべてのクローラーが許可されます。",
        ))
    notices += lint
    rp = Protego.parse(decoded)
    rows: list[CrawlerCheck] = []
    for c in registry:
        token = c.token
        group, rs = _matched_group(rp, token)
        via = ""
        eval_as = token
        if c.follows_if_unnamed and group in ("", "*"):
            other_group, other_rs = _matched_group(rp, c.follows_if_unnamed)
            if other_group not in ("", "*", "?"):
                eval_as, via, group, rs = c.follows_if_unnamed, c.follows_if_unnamed, other_group, other_rs
        allowed = rp.can_fetch(_BASE + "/", eval_as)
        path_allowed = rp.can_fetch(_BASE + extra_path, eval_as) if extra_path else None
        partial = _is_partial(rs, allowed) if rs is not None else False
        rows.append(CrawlerCheck(c, allowed, path_allowed, group, via, partial))
    findings, snippet = _findings(rows, registry)
    return CheckReport(
        rows=rows, findings=findings, notices=notices, size_bytes=size, lines=line_count,
        verified=registry.verified, path=extra_path, groups=sorted(set(agents)), snippet=snippet,
    )


def _findings(rows: list[CrawlerCheck], registry: Registry) -> tuple[list[Finding], str]:
    findings: list[Finding] = []
    to_add: list[str] = []
    blocked_legacy: dict[str, list[str]] = {}
    for r in rows:
        if r.crawler.legacy and not r.allowed:
            blocked_legacy.setdefault(r.crawler.operator, []).append(r.token)
    star_blocked_search: list[CrawlerCheck] = []
    for r in rows:
        c = r.crawler
        named = r.group not in ("", "*", "?")
        if r.via:
            findings.append(Finding("info", Text(
                en=f"Your robots.txt has no {c.token} group, so {c.token} follows your {r.via} group: "
                   f"{c.robots_note.en}",
                ja=f"robots.txtに{c.token}のグループがないため、{c.token}は{r.via}のグループに従います。"
                   f"{c.robots_note.ja}",
            ), token=c.token))
        if c.purpose == "training":
            if r.allowed:
                legacy = blocked_legacy.get(c.operator)
                extra_en = extra_ja = ""
                if legacy:
                    extra_en = (f" Your file blocks {', '.join(legacy)}, which {c.operator}'s current page does not "
                                f"list; {c.token} is the token it documents.")
                    extra_ja = (f"ファイルは{'、'.join(legacy)}を拒否していますが、これは{c.operator}の現在のページにない"
                                f"トークンで、公開されているのは{c.token}です。")
                if named and r.group == c.key:
                    findings.append(Finding("block", Text(
                        en=f"{c.token} ({c.operator}, training) is allowed by its own `User-agent: {c.token}` group: "
                           f"change that group to `Disallow: /` to refuse training.{extra_en}",
                        ja=f"{c.token}（{c.operator}、学習用）は、専用の `User-agent: {c.token}` グループで許可されています。"
                           f"学習を断るには、そのグループを `Disallow: /` にしてください。{extra_ja}",
                    ), token=c.token))
                else:
                    findings.append(Finding("block", Text(
                        en=f"{c.token} ({c.operator}, training) is allowed: add `User-agent: {c.token}` + "
                           f"`Disallow: /` "
                           f"to ask {c.operator} not to use your site for training.{extra_en}",
                        ja=f"{c.token}（{c.operator}、学習用）が許可されています。学習に使わないよう求めるには "
                           f"`User-agent: {c.token}` と `Disallow: /` を追加します。{extra_ja}",
                    ), token=c.token, snippet=f"User-agent: {c.token}\nDisallow: /"))
                    to_add.append(c.token)
            else:
                if r.partial:
                    findings.append(Finding("info", Text(
                        en=f"{c.token} is blocked at / but some paths get a different answer; check that is intended.",
                        ja=f"{c.token}は / では拒否されていますが、一部のパスでは結果が異なります。意図どおりか確認してください。",
                    ), token=c.token))
                if c.robots != "honours":
                    findings.append(Finding("info", Text(
                        en=f"{c.token} is blocked, but: {c.robots_note.en}",
                        ja=f"{c.token}は拒否されていますが、注意点があります：{c.robots_note.ja}",
                    ), token=c.token))
        elif c.purpose == "search" and not r.allowed:
            if r.group == "*":
                star_blocked_search.append(r)
            else:
                where_en = f" (your robots.txt names no {c.token} group, so it follows your {r.via} rules)" \
                    if r.via else ""
                where_ja = f"（{c.token}のグループがないため、{r.via}向けのルールに従います）" if r.via else ""
                note = c.search_note or Text("", "")
                findings.append(Finding("warn", Text(
                    en=f"{c.token} ({c.operator}, search) is blocked{where_en}. {note.en}".strip(),
                    ja=f"{c.token}（{c.operator}、検索用）が拒否されています{where_ja}。{note.ja}".strip(),
                ), token=c.token))
        elif c.purpose == "user-fetch" and not r.allowed and c.robots in ("may-ignore", "says-ignores"):
            findings.append(Finding("info", Text(
                en=f"{c.token} is blocked, but robots.txt may not stop it: {c.robots_note.en}",
                ja=f"{c.token}は拒否されていますが、robots.txtでは止まらない場合があります：{c.robots_note.ja}",
            ), token=c.token))
    if star_blocked_search:
        names = ", ".join(r.token for r in star_blocked_search)
        search_cav = next((cav for cav in registry.caveats if cav.id == "search"), None)
        findings.append(Finding("warn", Text(
            en=f"Your `User-agent: *` group blocks search crawlers you did not name: {names}. "
               + (search_cav.text.en if search_cav else "Blocking them can remove your site from those searches."),
            ja=f"`User-agent: *` のグループが、名前を書いていない検索用クローラーも拒否しています：{names}。"
               + (search_cav.text.ja if search_cav else "拒否すると、それらの検索からサイトが外れることがあります。"),
        )))
    snippet = ""
    if to_add:
        snippet = "\n".join(f"User-agent: {t}" for t in to_add) + "\nDisallow: /"
    return findings, snippet


# =========================================================================== TDMRep


@dataclass(frozen=True)
class TdmRule:
    location: str
    reserved: bool
    policy: str = ""

    def to_json(self) -> dict[str, Any]:
        return {"location": self.location, "tdm-reservation": 1 if self.reserved else 0,
                "tdm-policy": self.policy or None}


@dataclass
class TdmrepReport:
    rules: list[TdmRule]
    notices: list[Text]

    def to_json(self) -> dict[str, Any]:
        return {"rules": [r.to_json() for r in self.rules], "notices": [n.to_json() for n in self.notices],
                "reserved": [r.location for r in self.rules if r.reserved]}

    def to_text(self, lang: str = "en") -> str:
        ja = lang == "ja"
        reserved = sum(1 for r in self.rules if r.reserved)
        out = [f"tdmrep.json：ルール{len(self.rules)}件、うち権利留保{reserved}件" if ja
               else f"tdmrep.json: {len(self.rules)} rule(s), {reserved} reserving TDM rights"]
        for r in self.rules:
            if ja:
                state = "TDMの権利を留保（tdm-reservation 1）" if r.reserved else "留保なし（tdm-reservation 0）"
                pol = f"、ポリシー：{r.policy}" if r.policy else ""
            else:
                state = "TDM rights reserved (tdm-reservation 1)" if r.reserved else "not reserved (tdm-reservation 0)"
                pol = f"; policy: {r.policy}" if r.policy else ""
            out.append(f"- {r.location}: {state}{pol}")
        out += [f"- {n.get(lang)}" for n in self.notices]
        out.append(
            "TDMRep（W3Cコミュニティグループの報告書）は、EUのDSM著作権指令第4条に基づくTDM（テキスト・データマイニング）の"
            "権利留保を機械可読で示し、ライセンス条件を指し示すための仕組みです。HTMLのメタタグはそのページにしか効かないため、"
            "画像ファイルにはtdmrep.jsonかHTTPヘッダーを使います。" if ja else
            "TDMRep (a W3C Community Group report) is a machine-readable way to reserve text-and-data-mining rights "
            "under EU DSM Directive Article 4 and point to licensing terms. The HTML meta tag covers only the page "
            "itself; use tdmrep.json or HTTP headers for image files."
        )
        return "\n".join(out)


_TDM_KEYS = {"location", "tdm-reservation", "tdm-policy"}


def check_tdmrep(json_text: str | bytes, *, max_bytes: int = DEFAULT_MAX_BYTES) -> TdmrepReport:
    """Summarise a ``/.well-known/tdmrep.json``: an array of rules with ``location``,
    ``tdm-reservation`` (0 or 1) and optional ``tdm-policy`` (a URL).

    Raises :class:`RobotsInputError` naming every malformed rule.
    """
    text, notices, _ = decode_input(json_text, "tdmrep.json", max_bytes)
    if not text.strip():
        raise RobotsInputError("tdmrep.json is empty; it must be a JSON array of rules")
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise RobotsInputError(
            f"tdmrep.json is not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})"
        ) from None
    if not isinstance(data, list):
        kind = {dict: "an object", str: "a string", int: "a number", float: "a number", bool: "a boolean"}
        raise RobotsInputError(f"tdmrep.json must be a JSON array of rules, not {kind.get(type(data), 'null')}")
    errors: list[str] = []
    rules: list[TdmRule] = []
    for i, item in enumerate(data):
        where = f"rule {i + 1}"
        if not isinstance(item, dict):
            errors.append(f"{where}: must be an object with 'location' and 'tdm-reservation'")
            continue
        location = item.get("location")
        if not isinstance(location, str) or not location.strip():
            errors.append(f"{where}: 'location' is missing or not a string")
        res = item.get("tdm-reservation")
        if isinstance(res, bool) or res not in (0, 1):
            errors.append(f"{where}: 'tdm-reservation' must be 0 or 1 (got {json.dumps(res)[:40]})")
        policy = item.get("tdm-policy")
        if policy is not None and (not isinstance(policy, str) or urlparse(policy).scheme not in ("http", "https")
                                   or not urlparse(policy).netloc):
            errors.append(f"{where}: 'tdm-policy' must be an http(s) URL (got {json.dumps(policy)[:60]})")
        extra = sorted(set(item) - _TDM_KEYS)
        if extra:
            notices.append(Text(en=f"{where}: unknown field(s) {', '.join(extra)} ignored.",
                                ja=f"ルール{i + 1}：不明な項目（{', '.join(extra)}）は無視しました。"))
        if isinstance(location, str) and location.strip() and not isinstance(res, bool) and res in (0, 1):
            rules.append(TdmRule(location.strip(), res == 1, policy if isinstance(policy, str) else ""))
    if errors:
        shown = "; ".join(errors[:10]) + (f"; and {len(errors) - 10} more" if len(errors) > 10 else "")
        raise RobotsInputError(f"tdmrep.json has {len(errors)} problem(s): {shown}")
    if not rules:
        notices.append(Text(en="The array has no rules, so it reserves nothing.",
                            ja="ルールが1件もないため、何も留保していません。"))
    return TdmrepReport(rules, notices)


# =========================================================================== ai.txt


@dataclass
class AiTxtGroup:
    agents: list[str]
    disallow: list[str] = field(default_factory=list)
    allow: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {"user_agents": self.agents, "disallow": self.disallow, "allow": self.allow}


_KINDS = {
    "images": {"jpg", "jpeg", "png", "gif", "webp", "bmp", "tif", "tiff", "svg", "heic", "avif", "psd", "raw"},
    "video": {"mp4", "mov", "avi", "mkv", "webm", "wmv", "flv", "m4v", "mpeg", "mpg"},
    "audio": {"mp3", "wav", "flac", "aac", "ogg", "m4a", "aiff", "wma", "mid", "midi"},
    "text": {"txt", "pdf", "doc", "docx", "md", "rtf", "epub", "html", "htm", "odt"},
    "code": {"py", "js", "ts", "java", "c", "cpp", "cs", "go", "rs", "rb", "php", "swift", "kt"},
}
_KIND_JA = {"images": "画像", "video": "動画", "audio": "音声", "text": "文書", "code": "コード", "other": "その他"}
_EXT_RE = re.compile(r"\.([A-Za-z0-9]{1,8})\$?$")


def _kinds(patterns: list[str]) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for p in patterns:
        m = _EXT_RE.search(p)
        ext = m.group(1).lower() if m else ""
        kind = next((k for k, exts in _KINDS.items() if ext in exts), "other") if ext else "other"
        if p in ("/", "*", "/*"):
            kind = "everything"
        out.setdefault(kind, []).append(p)
    return out


@dataclass
class AiTxtReport:
    groups: list[AiTxtGroup]
    notices: list[Text]

    def to_json(self) -> dict[str, Any]:
        return {"groups": [g.to_json() for g in self.groups], "notices": [n.to_json() for n in self.notices]}

    def to_text(self, lang: str = "en") -> str:
        ja = lang == "ja"
        out = [f"ai.txt：グループ{len(self.groups)}件" if ja else f"ai.txt: {len(self.groups)} group(s)"]
        for g in self.groups:
            agents = ", ".join(g.agents)
            out.append(f"- User-Agent: {agents}")
            for label_en, label_ja, pats in (("disallowed", "拒否", g.disallow), ("allowed", "許可", g.allow)):
                if not pats:
                    continue
                parts = []
                for kind, items in _kinds(pats).items():
                    if kind == "everything":
                        name = "すべて" if ja else "everything"
                    else:
                        name = _KIND_JA.get(kind, kind) if ja else kind
                    shown = ", ".join(items[:8]) + (" …" if len(items) > 8 else "")
                    parts.append(f"{name} ({shown})")
                out.append(f"    {label_ja if ja else label_en}: " + "; ".join(parts))
        out += [f"- {n.get(lang)}" for n in self.notices]
        out.append(
            "ai.txtはSpawningが提案した、サイトのルートに置くファイルです。ページのクロール時だけでなく、学習のために"
            "作品がダウンロードされるときに読まれることを想定しています。正式な標準ではなく、読むかどうかはツール次第です。"
            if ja else
            "ai.txt is Spawning's proposed root-level file, meant to be read when media is downloaded for training, "
            "not only when pages are crawled. It is a proposal, not a formal standard: it works only with tools "
            "that read it."
        )
        return "\n".join(out)


def check_ai_txt(text: str | bytes, *, max_bytes: int = DEFAULT_MAX_BYTES) -> AiTxtReport:
    """Summarise a Spawning ``ai.txt`` (User-Agent / Disallow / Allow lines, usually for file types)."""
    decoded, notices, _ = decode_input(text, "ai.txt", max_bytes)
    if not decoded.strip():
        raise RobotsInputError("ai.txt is empty: it has no User-Agent, Disallow or Allow lines")
    groups: list[AiTxtGroup] = []
    current: AiTxtGroup | None = None
    last_was_agent = False
    bad: list[str] = []
    orphan: list[str] = []
    recognised = 0
    for n, raw in enumerate(decoded.split("\n"), 1):
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        if ":" not in line:
            bad.append(str(n))
            continue
        name, value = (p.strip() for p in line.split(":", 1))
        key = name.lower()
        if key in ("user-agent", "useragent"):
            recognised += 1
            if current is None or not last_was_agent:
                current = AiTxtGroup(agents=[])
                groups.append(current)
            if value:
                current.agents.append(value)
            last_was_agent = True
            continue
        last_was_agent = False
        if key in ("disallow", "allow"):
            recognised += 1
            if current is None:
                orphan.append(str(n))
                continue
            if value:
                (current.disallow if key == "disallow" else current.allow).append(value)
        else:
            bad.append(f"{n} ({name[:40]})")
    if not recognised:
        raise RobotsInputError(
            "ai.txt has no User-Agent, Disallow or Allow lines; this does not look like an ai.txt file"
        )
    if bad:
        notices.append(Text(en=f"Lines not understood (ignored): {_listed(bad)}.",
                            ja=f"解釈できない行（無視しました）：{_listed(bad)}行目"))
    if orphan:
        notices.append(Text(en=f"Disallow/Allow before any User-Agent line (ignored): line(s) {_listed(orphan)}.",
                            ja=f"User-Agentの行より前のDisallow/Allow（無視しました）：{_listed(orphan)}行目"))
    for g in groups:
        if not g.agents:
            g.agents.append("(empty)")
    return AiTxtReport(groups, notices)
