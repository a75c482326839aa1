"""TDMRep (``/.well-known/tdmrep.json``) and Spawning's ``ai.txt``: summaries for the opt-out toolkit.

Kept apart from the robots.txt checker (:mod:`bot.optout.robots`): they are other files with other
rules. Pure and synchronous; unusable input raises :class:`~bot.optout.rfc9309.RobotsInputError`.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlparse

from bot.knowledge.i18n import Messages, Text, lookup
from bot.optout.rfc9309 import RobotsInputError

DEFAULT_MAX_BYTES = 512 * 1024

_TEXT: Messages = {
    "not_utf8": Text(
        en="The file is not valid UTF-8 (first bad byte at offset {offset}); invalid bytes were replaced.",
        ja="ファイルが正しいUTF-8ではありません（最初の不正なバイトは位置{offset}）。不正なバイトは置き換えました。",
    ),
    # ---------------------------------------------------------------- tdmrep.json
    "tdm_title": Text(
        en="tdmrep.json: {rules} rule(s), {reserved} reserving TDM rights",
        ja="tdmrep.json：ルール{rules}件、うち権利留保{reserved}件",
    ),
    "tdm_reserved": Text(en="TDM rights reserved (tdm-reservation 1)", ja="TDMの権利を留保（tdm-reservation 1）"),
    "tdm_not_reserved": Text(en="not reserved (tdm-reservation 0)", ja="留保なし（tdm-reservation 0）"),
    "tdm_policy": Text(en="; policy: {policy}", ja="、ポリシー：{policy}"),
    "tdm_unknown_fields": Text(
        en="rule {n}: unknown field(s) {fields} ignored.",
        ja="ルール{n}：不明な項目（{fields}）は無視しました。",
    ),
    "tdm_no_rules": Text(
        en="The array has no rules, so it reserves nothing.",
        ja="ルールが1件もないため、何も留保していません。",
    ),
    "tdm_about": Text(
        en="TDMRep (a W3C Community Group report) is a machine-"
        "readable way to reserve text-and-data-mining rights "
        "under EU DSM Directive Article 4 and point to licen"
        "sing terms. The HTML meta tag covers only the page "
        "itself; use tdmrep.json or HTTP headers for image files.",
        ja="TDMRep（W3Cコミュニティグループの報告書）は、EUのDSM著作権指令第4条に基づくTDM（テキスト・データマイニング）の"
        "権利留保を機械可読で示し、ライセンス条件を指し示すための仕組みです。HTMLのメタタグはそのページにしか効かないため、"
        "画像ファイルにはtdmrep.jsonかHTTPヘッダーを使います。",
    ),
    # ---------------------------------------------------------------- ai.txt
    "ai_title": Text(en="ai.txt: {groups} group(s)", ja="ai.txt：グループ{groups}件"),
    "ai_disallowed": Text(en="disallowed", ja="拒否"),
    "ai_allowed": Text(en="allowed", ja="許可"),
    "ai_bad_lines": Text(
        en="Lines not understood (ignored): {lines}.",
        ja="解釈できない行（無視しました）：{lines}行目",
    ),
    "ai_orphans": Text(
        en="Disallow/Allow before any User-Agent line (ignored): line(s) {lines}.",
        ja="User-Agentの行より前のDisallow/Allow（無視しました）：{lines}行目",
    ),
    "ai_about": Text(
        en="ai.txt is Spawning's proposed root-level file, mean"
        "t to be read when media is downloaded for training, "
        "not only when pages are crawled. It is a proposal"
        ", not a formal standard: it works only with tools "
        "that read it.",
        ja="ai.txtはSpawningが提案した、サイトのルートに置くファイルです。ページのクロール時だけでなく、学習のために"
        "作品がダウンロードされるときに読まれることを想定しています。正式な標準ではなく、読むかどうかはツール次第です。",
    ),
}


def _error(message: str) -> RobotsInputError:
    return RobotsInputError(Text(en=message, ja=message))


def decode_text(data: str | bytes, what: str, max_bytes: int = DEFAULT_MAX_BYTES) -> tuple[str, list[Text]]:
    """A small JSON or text file -> text without BOM, ``\n`` line ends; refused over ``max_bytes``."""
    if not isinstance(data, (str, bytes, bytearray)):
        raise _error(f"{what}: expected text or bytes, got {type(data).__name__}")
    raw = data.encode("utf-8", "surrogatepass") if isinstance(data, str) else bytes(data)
    if len(raw) > max_bytes:
        raise _error(
            f"{what} is {len(raw):,} bytes, over the {max_bytes:,}-byte limit "
            f"({max_bytes / 1024:g} KiB); nothing was parsed"
        )
    if raw[:2] == b"\x1f\x8b":
        raise _error(f"{what} looks gzip-compressed; decompress it and check the text file")
    if b"\x00" in raw:
        raise _error(f"{what} looks like binary data (it contains NUL bytes), not a text file")
    notices: list[Text] = []
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        text = raw.decode("utf-8", "replace")
        if text.count("\ufffd") > max(3, len(text) // 20):
            raise _error(f"{what} looks like binary data, not UTF-8 text") from None
        notices.append(_TEXT["not_utf8"].format(offset=exc.start))
    if text.startswith("\ufeff"):
        text = text[1:]
    return text.replace("\r\n", "\n").replace("\r", "\n"), notices


def _listed(items: list[str], limit: int = 5) -> str:
    shown = ", ".join(items[:limit])
    return shown + (f" (+{len(items) - limit} more)" if len(items) > limit else "")


# =========================================================================== TDMRep


@dataclass(frozen=True)
class TdmRule:
    location: str
    reserved: bool
    policy: str = ""

    def to_json(self) -> dict[str, Any]:
        return {
            "location": self.location,
            "tdm-reservation": 1 if self.reserved else 0,
            "tdm-policy": self.policy or None,
        }


@dataclass
class TdmrepReport:
    rules: list[TdmRule]
    notices: list[Text]

    def to_json(self) -> dict[str, Any]:
        return {
            "rules": [r.to_json() for r in self.rules],
            "notices": [n.to_json() for n in self.notices],
            "reserved": [r.location for r in self.rules if r.reserved],
        }

    def to_text(self, lang: str = "en") -> str:
        reserved = sum(1 for r in self.rules if r.reserved)
        out = [lookup(_TEXT, "tdm_title", lang, rules=len(self.rules), reserved=reserved)]
        for r in self.rules:
            state = lookup(_TEXT, "tdm_reserved" if r.reserved else "tdm_not_reserved", lang)
            pol = lookup(_TEXT, "tdm_policy", lang, policy=r.policy) if r.policy else ""
            out.append(f"- {r.location}: {state}{pol}")
        out += [f"- {n.get(lang)}" for n in self.notices]
        out.append(lookup(_TEXT, "tdm_about", lang))
        return "\n".join(out)


_TDM_KEYS = {"location", "tdm-reservation", "tdm-policy"}


def check_tdmrep(json_text: str | bytes, *, max_bytes: int = DEFAULT_MAX_BYTES) -> TdmrepReport:
    """Summarise a ``/.well-known/tdmrep.json``: an array of rules with ``location``,
    ``tdm-reservation`` (0 or 1) and optional ``tdm-policy`` (a URL).

    Raises :class:`RobotsInputError` naming every malformed rule.
    """
    text, notices = decode_text(json_text, "tdmrep.json", max_bytes)
    if not text.strip():
        raise _error("tdmrep.json is empty; it must be a JSON array of rules")
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise _error(f"tdmrep.json is not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})") from None
    if not isinstance(data, list):
        kind = {dict: "an object", str: "a string", int: "a number", float: "a number", bool: "a boolean"}
        raise _error(f"tdmrep.json must be a JSON array of rules, not {kind.get(type(data), 'null')}")
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
        if policy is not None and (
            not isinstance(policy, str)
            or urlparse(policy).scheme not in ("http", "https")
            or not urlparse(policy).netloc
        ):
            errors.append(f"{where}: 'tdm-policy' must be an http(s) URL (got {json.dumps(policy)[:60]})")
        extra = sorted(set(item) - _TDM_KEYS)
        if extra:
            notices.append(_TEXT["tdm_unknown_fields"].format(n=i + 1, fields=", ".join(extra)))
        if isinstance(location, str) and location.strip() and not isinstance(res, bool) and res in (0, 1):
            rules.append(TdmRule(location.strip(), res == 1, policy if isinstance(policy, str) else ""))
    if errors:
        shown = "; ".join(errors[:10]) + (f"; and {len(errors) - 10} more" if len(errors) > 10 else "")
        raise _error(f"tdmrep.json has {len(errors)} problem(s): {shown}")
    if not rules:
        notices.append(_TEXT["tdm_no_rules"])
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
    "images": {
        "jpg",
        "jpeg",
        "png",
        "gif",
        "webp",
        "bmp",
        "tif",
        "tiff",
        "svg",
        "heic",
        "avif",
        "psd",
        "raw",
    },
    "video": {"mp4", "mov", "avi", "mkv", "webm", "wmv", "flv", "m4v", "mpeg", "mpg"},
    "audio": {"mp3", "wav", "flac", "aac", "ogg", "m4a", "aiff", "wma", "mid", "midi"},
    "text": {"txt", "pdf", "doc", "docx", "md", "rtf", "epub", "html", "htm", "odt"},
    "code": {"py", "js", "ts", "java", "c", "cpp", "cs", "go", "rs", "rb", "php", "swift", "kt"},
}
_KIND_NAMES: Messages = {
    "images": Text(en="images", ja="画像"),
    "video": Text(en="video", ja="動画"),
    "audio": Text(en="audio", ja="音声"),
    "text": Text(en="text", ja="文書"),
    "code": Text(en="code", ja="コード"),
    "other": Text(en="other", ja="その他"),
    "everything": Text(en="everything", ja="すべて"),
}
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
        out = [lookup(_TEXT, "ai_title", lang, groups=len(self.groups))]
        for g in self.groups:
            agents = ", ".join(g.agents)
            out.append(f"- User-Agent: {agents}")
            for label, pats in (("ai_disallowed", g.disallow), ("ai_allowed", g.allow)):
                if not pats:
                    continue
                parts = []
                for kind, items in _kinds(pats).items():
                    name = lookup(_KIND_NAMES, kind, lang)
                    shown = ", ".join(items[:8]) + (" …" if len(items) > 8 else "")
                    parts.append(f"{name} ({shown})")
                out.append(f"    {lookup(_TEXT, label, lang)}: " + "; ".join(parts))
        out += [f"- {n.get(lang)}" for n in self.notices]
        out.append(lookup(_TEXT, "ai_about", lang))
        return "\n".join(out)


def check_ai_txt(text: str | bytes, *, max_bytes: int = DEFAULT_MAX_BYTES) -> AiTxtReport:
    """Summarise a Spawning ``ai.txt`` (User-Agent / Disallow / Allow lines, usually for file types)."""
    decoded, notices = decode_text(text, "ai.txt", max_bytes)
    if not decoded.strip():
        raise _error("ai.txt is empty: it has no User-Agent, Disallow or Allow lines")
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
        raise _error("ai.txt has no User-Agent, Disallow or Allow lines; this does not look like an ai.txt file")
    if bad:
        notices.append(_TEXT["ai_bad_lines"].format(lines=_listed(bad)))
    if orphan:
        notices.append(_TEXT["ai_orphans"].format(lines=_listed(orphan)))
    for g in groups:
        if not g.agents:
            g.agents.append("(empty)")
    return AiTxtReport(groups, notices)
