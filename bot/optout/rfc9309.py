"""robots.txt as RFC 9309 defines it and Google's open-source parser applies it.

* :func:`decode` turns what a user gives (bytes or text) into the bytes a crawler parses: the
  first 500 KiB (RFC 9309 section 2.5: crawlers must parse at least that much; Google ignores the
  rest), UTF-16 with a byte-order mark re-encoded as UTF-8, and text for display in which bytes
  that are not UTF-8 (a Latin-1 or Shift_JIS comment) are replaced but the rules are kept.
* :func:`parse` is kenri's one parse pass: the groups (RFC 9309 section 2.1: only a
  ``user-agent`` line that follows a rule starts a new group), the rules of each, and what the
  report explains (lines Google reads differently from other parsers, unknown lines, signals).
  It reads lines exactly as Google's ``robots.cc`` does: CR, LF or CRLF line ends, a UTF-8 BOM
  skipped, ``#`` comments, a missing colon accepted when a line has exactly two words, the key
  spellings and typos Google accepts, and product tokens as the leading ``[A-Za-z_-]`` run of the
  value (``GPTBot/1.0`` names ``GPTBot``).
* :class:`GoogleMatcher` gives the verdicts: it calls Google's parser through the fast-robotstxt
  bindings (Apache-2.0), so kenri's answers are Google's. :meth:`Parsed.allowed` is kenri's own
  evaluation of the parsed groups (longest match, Allow wins ties, ``*`` and ``$``); the report
  uses it only to name the group and lines behind a verdict, and ``python -m tests.optout.robots_agreement``
  checks it against Google's parser on real files.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field

from bot.errors import KenriError
from bot.knowledge.i18n import Text
from bot.optout.robots_messages import msg

MAX_PARSE_BYTES = 500 * 1024  # RFC 9309 section 2.5
MAX_LINE_BYTES = 2083 * 8 - 1  # robots.cc: bytes of a line past this are ignored
_UTF8_BOM = b"\xef\xbb\xbf"
# File signatures of formats that are never a robots.txt (served by mistake at /robots.txt).
_MAGIC = (
    (b"\x89PNG", "PNG image"),
    (b"GIF8", "GIF image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"\x00\x00\x01\x00", "icon"),
    (b"PK\x03\x04", "zip archive"),
    (b"%PDF", "PDF"),
)
_HEX = b"0123456789ABCDEF"
_TOKEN_RE = re.compile(rb"[A-Za-z_-]*")
_PERCENT_RE = re.compile(rb"%([0-9A-Fa-f]{2})")
_TWO_WORDS_RE = re.compile(rb"^([^ \t]+)[ \t]+([^ \t]+)$")


class RobotsInputError(KenriError):
    """Input that cannot be checked; ``text`` is the bilingual message, ``str()`` the English one."""

    def __init__(self, text: Text) -> None:
        self.text = text
        super().__init__(text.en)

    def message(self, lang: str = "en") -> str:
        return self.text.get(lang)


# =========================================================================== decode


@dataclass
class Decoded:
    """What a crawler parses (``body``, at most :data:`MAX_PARSE_BYTES`) and the same as text."""

    body: bytes
    text: str
    size: int  # bytes given (before the 500 KiB cut and any re-encoding)
    encoding: str  # "utf-8", "utf-16", "utf-8 with invalid bytes"
    notices: list[Text] = field(default_factory=list)


def decode(data: str | bytes | bytearray, what: str = "robots.txt", total_size: int | None = None) -> Decoded:
    """Bytes or text -> :class:`Decoded`. Never refuses a text file for its size or encoding.

    ``total_size`` is the size of the whole file when ``data`` is only its start (a caller that
    reads at most :data:`MAX_PARSE_BYTES` + 1 bytes).

    Raises :class:`RobotsInputError` only for input that is not text at all: gzip data, or
    binary data (NUL or control bytes in more than 1 in 100 bytes, UTF-16 aside).
    """
    if isinstance(data, str):
        raw = data.encode("utf-8", "surrogatepass")
    elif isinstance(data, (bytes, bytearray)):
        raw = bytes(data)
    else:
        raise RobotsInputError(msg("input_type", what=what, kind=type(data).__name__))
    size = max(len(raw), total_size or 0)
    notices: list[Text] = []
    encoding = "utf-8"
    if raw[:2] == b"\x1f\x8b":
        raise RobotsInputError(msg("input_gzip", what=what))
    kind = next((k for magic, k in _MAGIC if raw.startswith(magic)), "")
    if kind:
        raise RobotsInputError(msg("input_binary_magic", what=what, kind=kind))
    utf16 = _utf16_codec(raw)
    if utf16:
        text = raw.decode(utf16, "replace").lstrip("\ufeff")
        raw = text.encode("utf-8")
        encoding = "utf-16"
        notices.append(msg("notice_utf16"))
    if len(raw) > MAX_PARSE_BYTES or (size > MAX_PARSE_BYTES and not utf16):
        notices.append(msg("notice_truncated", size=f"{size:,}", limit=f"{MAX_PARSE_BYTES:,}"))
        raw = raw[:MAX_PARSE_BYTES]
    sample = raw[:65536]
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13)) + sample.count(0x7F)
    if controls > max(3, len(sample) // 100):
        raise RobotsInputError(msg("input_binary", what=what, n=controls))
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        text = raw.decode("utf-8", "replace")
        encoding = "utf-8 with invalid bytes"
        line = raw.count(b"\n", 0, exc.start) + 1
        notices.append(msg("notice_not_utf8", line=line))
    if raw.startswith(_UTF8_BOM):
        notices.append(msg("notice_bom"))
    return Decoded(body=raw, text=text.lstrip("\ufeff"), size=size, encoding=encoding, notices=notices)


def _utf16_codec(raw: bytes) -> str:
    if raw[:2] in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE):
        return "utf-16"
    head = raw[:400]
    if len(head) >= 8 and len(head) % 2 == 0:
        even, odd = head[0::2], head[1::2]
        if odd.count(0) > 0.9 * len(odd) and not even.count(0):
            return "utf-16-le"
        if even.count(0) > 0.9 * len(even) and not odd.count(0):
            return "utf-16-be"
    return ""


# =========================================================================== parse

USER_AGENT, ALLOW, DISALLOW, SITEMAP, UNKNOWN = "user-agent", "allow", "disallow", "sitemap", "unknown"
_KEY_PREFIXES = (  # robots.cc ParsedRobotsKey: prefix match, case-insensitive, typos included
    (USER_AGENT, (b"user-agent", b"useragent", b"user agent")),
    (ALLOW, (b"allow",)),
    (DISALLOW, (b"disallow", b"dissallow", b"dissalow", b"disalow", b"diasllow", b"disallaw")),
    (SITEMAP, (b"sitemap", b"site-map")),
)
_CANONICAL = {USER_AGENT: b"user-agent", ALLOW: b"allow", DISALLOW: b"disallow", SITEMAP: b"sitemap"}
# Lines other crawlers read that RFC 9309 does not define; kenri mentions them without complaint.
KNOWN_EXTENSIONS = {
    "crawl-delay",
    "host",
    "clean-param",
    "request-rate",
    "visit-time",
    "noindex",
    "content-signal",
    "content-usage",
    "cache-delay",
}


@dataclass(frozen=True)
class Line:
    num: int
    kind: str  # USER_AGENT, ALLOW, DISALLOW, SITEMAP, UNKNOWN
    key: str  # as written
    value: str  # as written (comment and outer whitespace removed)
    no_colon: bool = False  # "Disallow /": Google accepts whitespace in place of the colon
    typo: bool = False  # a key Google accepts although it is not the standard spelling


@dataclass(frozen=True)
class Agent:
    line: int
    value: str  # as written
    token: str  # lowercased product token, "*" for the global group, "" when none can be read


@dataclass(frozen=True)
class Rule:
    line: int
    allow: bool
    pattern: bytes  # percent-normalised as robots.cc does (MaybeEscapePattern)
    value: str  # as written


@dataclass
class Group:
    agents: list[Agent] = field(default_factory=list)
    rules: list[Rule] = field(default_factory=list)
    others: list[Line] = field(default_factory=list)  # other lines between the agents and rules

    @property
    def tokens(self) -> set[str]:
        return {a.token for a in self.agents}

    @property
    def first_line(self) -> int:
        return self.agents[0].line


@dataclass
class Parsed:
    groups: list[Group]
    lines: list[Line]  # every line with a key, in order
    bad_lines: list[int]  # lines with text that is neither a comment nor ``key: value``
    orphans: list[Line]  # Allow/Disallow before any user-agent line (ignored)
    line_count: int

    @property
    def named(self) -> set[str]:
        """Lowercased product tokens the file names (``*`` and unreadable values excluded)."""
        return {t for g in self.groups for t in g.tokens if t not in ("*", "")}

    def groups_for(self, token: str) -> tuple[list[Group], bool]:
        """The groups that apply to ``token`` (lowercase product token) and whether it is named."""
        token = token.lower()
        own = [g for g in self.groups if token in g.tokens]
        if own:
            return own, True
        return [g for g in self.groups if "*" in g.tokens], False

    def allowed(self, token: str, path: bytes = b"/") -> tuple[bool, Rule | None]:
        """kenri's own RFC 9309 verdict for ``token`` at ``path`` and the deciding rule (or None).

        Longest match wins, Allow wins a tie, rules of every group naming the token are merged
        (RFC 9309 section 2.2.2); Google's ``index.htm`` normalisation included.
        """
        groups, _ = self.groups_for(token)
        best_allow: tuple[int, Rule | None] = (0, None)
        best_disallow: tuple[int, Rule | None] = (0, None)
        for g in groups:
            for r in g.rules:
                prio = _priority(path, r)
                if prio <= 0:
                    continue
                if r.allow and prio > best_allow[0]:
                    best_allow = (prio, r)
                elif not r.allow and prio > best_disallow[0]:
                    best_disallow = (prio, r)
        if best_disallow[0] > best_allow[0]:
            return False, best_disallow[1]
        return True, best_allow[1]


def _priority(path: bytes, rule: Rule) -> int:
    if match(path, rule.pattern):
        return len(rule.pattern)
    if rule.allow:
        slash = rule.pattern.rfind(b"/")
        if slash >= 0 and rule.pattern[slash:].startswith(b"/index.htm"):
            variant = rule.pattern[: slash + 1] + b"$"
            if match(path, variant):
                return len(variant)
    return -1


def match(path: bytes, pattern: bytes) -> bool:
    """RFC 9309 section 2.2.3 pattern match, anchored at the start: ``*`` any run, ``$`` at the
    end anchors the end. The set-of-positions walk of robots.cc: O(len(path) * len(pattern))."""
    n = len(path)
    pos = [0]
    last = len(pattern) - 1
    for i, ch in enumerate(pattern):
        if ch == 0x24 and i == last:  # '$'
            return pos[-1] == n
        if ch == 0x2A:  # '*'
            pos = list(range(pos[0], n + 1))
        else:
            pos = [p + 1 for p in pos if p < n and path[p] == ch]
            if not pos:
                return False
    return True


def escape_pattern(value: bytes) -> bytes:
    """robots.cc MaybeEscapePattern: upper-case ``%xx`` escapes, percent-encode bytes >= 0x80."""
    if value.isascii() and b"%" not in value:
        return value
    value = _PERCENT_RE.sub(lambda m: b"%" + m.group(1).upper(), value)
    out = bytearray()
    for b in value:
        if b >= 0x80:
            out += b"%" + _HEX[b >> 4 : (b >> 4) + 1] + _HEX[b & 15 : (b & 15) + 1]
        else:
            out.append(b)
    return bytes(out)


def agent_token(value: bytes) -> str:
    """The group a ``user-agent`` value names: ``*`` (also ``* anything``), or the lowercased
    leading ``[A-Za-z_-]`` run (RFC 9309 product token), possibly empty."""
    if value[:1] == b"*" and (len(value) == 1 or value[1:2].isspace()):
        return "*"
    m = _TOKEN_RE.match(value)  # never None: the pattern matches the empty string
    return m.group(0).decode("ascii").lower() if m else ""


def _split_lines(body: bytes) -> list[bytes]:
    i = 0
    while i < 3 and i < len(body) and body[i] == _UTF8_BOM[i]:
        i += 1
    body = body[i:]
    # CRLF is one line end; a lone CR or LF is one too (robots.cc)
    return body.replace(b"\r\n", b"\n").replace(b"\r", b"\n").split(b"\n")


def _key_value(line: bytes) -> tuple[bytes, bytes, bool] | None:
    line = line.split(b"\x00", 1)[0].split(b"#", 1)[0].strip(b" \t\n\r\f\v")
    if not line:
        return None
    key, sep, value = line.partition(b":")
    no_colon = False
    if not sep:
        two = _TWO_WORDS_RE.match(line)
        if two is None:
            return b"", b"", False
        key, value, no_colon = two.group(1), two.group(2), True
    key = key.strip(b" \t\n\r\f\v")
    if not key:
        return b"", b"", False
    return key, value.strip(b" \t\n\r\f\v"), no_colon


def _kind(key: bytes) -> tuple[str, bool]:
    low = key.lower()
    for kind, prefixes in _KEY_PREFIXES:
        for prefix in prefixes:
            if low.startswith(prefix):
                return kind, low != _CANONICAL[kind]
    return UNKNOWN, False


def _text(b: bytes) -> str:
    return b.decode("utf-8", "replace")


def parse(body: bytes) -> Parsed:
    """One pass over ``body`` (already cut to 500 KiB): groups, rules and the lines to report."""
    groups: list[Group] = []
    lines: list[Line] = []
    bad: list[int] = []
    orphans: list[Line] = []
    current: Group | None = None
    raw_lines = _split_lines(body)
    for num, raw in enumerate(raw_lines, 1):
        kv = _key_value(raw[:MAX_LINE_BYTES])
        if kv is None:
            continue
        key, value, no_colon = kv
        if not key:
            bad.append(num)
            continue
        kind, typo = _kind(key)
        line = Line(num, kind, _text(key), _text(value), no_colon, typo)
        lines.append(line)
        if kind == USER_AGENT:
            if current is None or current.rules:
                current = Group()
                groups.append(current)
            elif current.others and current.agents:
                current.others.append(line)  # kept to explain the merge
            current.agents.append(Agent(num, line.value, agent_token(value)))
        elif kind in (ALLOW, DISALLOW):
            if current is None:
                orphans.append(line)
                continue
            current.rules.append(Rule(num, kind == ALLOW, escape_pattern(value), line.value))
        elif current is not None and not current.rules:
            current.others.append(line)
    count = len(raw_lines) - (1 if raw_lines and raw_lines[-1] == b"" else 0)
    return Parsed(groups=groups, lines=lines, bad_lines=bad, orphans=orphans, line_count=count)


# =========================================================================== Google's parser


class GoogleMatcher:
    """Verdicts from Google's robots.txt parser (fast-robotstxt bindings to google/robotstxt).

    One instance per check; not thread-safe. ``allowed(body, agent, url)`` returns the verdict and
    the number of the line that decided it (0 when no rule matched).
    """

    def __init__(self) -> None:
        from robotstxt import robots as _bindings  # fast-robotstxt

        # The bindings' Python wrapper takes str and encodes it as UTF-8; robots.txt is bytes
        # (a Latin-1 comment must not be re-encoded), so the same C entry point is called with
        # the bytes as Google's parser expects them.
        self._lib = _bindings._lib
        self._matcher = _bindings.RobotsMatcher()

    def allowed(self, body: bytes, agent: str, url: str) -> tuple[bool, int]:
        ua = agent.encode("utf-8")
        u = url.encode("utf-8")
        ptr = self._matcher._ptr
        ok = bool(self._lib.robots_allowed_by_robots(ptr, body, len(body), ua, len(ua), u, len(u)))
        return ok, int(self._lib.robots_matching_line(ptr))


def google_version() -> str:
    from robotstxt import get_version

    return get_version()


__all__ = [
    "MAX_PARSE_BYTES",
    "Agent",
    "Decoded",
    "GoogleMatcher",
    "Group",
    "Line",
    "Parsed",
    "RobotsInputError",
    "Rule",
    "agent_token",
    "decode",
    "escape_pattern",
    "match",
    "parse",
]
