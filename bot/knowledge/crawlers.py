"""The AI-crawler registry (``knowledge/crawlers.yaml``): load and validate.

The registry lists each robots.txt token an AI company documents, what it is for, what the
operator says about obeying robots.txt and which source note backs it, followed by every other
crawler of the ai.robots.txt community list (``source: ai-robots-txt``: purpose and robots.txt
stance as that list gives them, not checked against the operators' pages). The robots.txt
generator and checker (:mod:`bot.optout.robots`) and the opt-out checklists use it.

Usage::

    registry = load_registry_or_raise(knowledge_dir)   # RegistryError lists every problem
    registry.get("gptbot").purpose                    # 'training'
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bot.errors import KenriError, Problem
from bot.knowledge.datafiles import (
    as_str,
    check_choice,
    check_date,
    check_source,
    load_mapping,
    mapping_items,
    named_entry,
    note_urls,
    text_field,
    unfold_cjk,
)
from bot.knowledge.i18n import Messages, Text

REGISTRY_FILE = "crawlers.yaml"
PURPOSES = ("training", "search", "user-fetch", "ads", "preview", "other", "undocumented")
ROBOTS_STANCES = ("honours", "may-ignore", "says-ignores", "undocumented", "ignores")
COMMUNITY_SOURCE = "ai-robots-txt"  # entries known only from the ai.robots.txt community list
COMMUNITY_URL = "https://github.com/ai-robots-txt/ai.robots.txt"
CONFIDENCE = ("reported",)
# RFC 9309 product tokens: letters, '_' and '-' (digits are tolerated, as in real tokens).
TOKEN_RE = re.compile(r"^[A-Za-z][A-Za-z0-9_-]*$")
# Community-list names are kept as the list writes them (e.g. "iaskspider/2.0", "Terra Cotta").
LISTED_NAME_RE = re.compile(r"^[A-Za-z][A-Za-z0-9_./ -]*$")
_PRODUCT_TOKEN_RE = re.compile(r"[A-Za-z_-]*")


def product_token(name: str) -> str:
    """The RFC 9309 product token a ``User-agent: name`` line stands for: the leading run of
    letters, ``-`` and ``_`` (RFC 9309 section 2.2.1; Google's parser reads lines the same way),
    e.g. ``GPTBot/1.0`` -> ``GPTBot``, ``AI2Bot`` -> ``AI``, ``Terra Cotta`` -> ``Terra``."""
    m = _PRODUCT_TOKEN_RE.match(name)  # never None: the pattern matches the empty string
    return m.group(0) if m else ""


PURPOSE_LABELS: Messages = {
    "training": Text(en="training", ja="学習"),
    "search": Text(en="search", ja="検索"),
    "user-fetch": Text(en="user fetch", ja="利用者の依頼"),
    "ads": Text(en="ads", ja="広告"),
    "preview": Text(en="preview", ja="プレビュー"),
    "other": Text(en="other", ja="その他"),
    "undocumented": Text(en="undocumented purpose", ja="用途不明"),
}
ROBOTS_LABELS: Messages = {
    "honours": Text(en="honours", ja="従う"),
    "may-ignore": Text(en="may ignore", ja="従わない場合あり"),
    "says-ignores": Text(en="says it ignores", ja="無視すると明言"),
    "undocumented": Text(en="undocumented", ja="説明なし"),
    "ignores": Text(en="ignores", ja="従わない"),
}

_CRAWLER_KEYS = {
    "token",
    "operator",
    "purpose",
    "description",
    "robots",
    "robots_note",
    "affects_search",
    "search_note",
    "source",
    "url",
    "verified",
    "confidence",
    "confidence_note",
    "legacy",
    "control_only",
    "general_search",
    "follows_if_unnamed",
}
_TOP_KEYS = {"verified", "caveats", "crawlers"}
_CAVEAT_KEYS = {"id", "en", "ja", "sources"}


class RegistryError(KenriError):
    """The crawler registry is missing or invalid; ``problems`` lists every problem."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        lines = "\n".join(f"  {p}" for p in problems)
        super().__init__(f"{len(problems)} problem(s) in the crawler registry:\n{lines}")


@dataclass(frozen=True)
class Crawler:
    token: str
    operator: str
    purpose: str
    description: Text
    robots: str
    robots_note: Text
    affects_search: bool
    source: str
    url: str
    verified: str
    search_note: Text | None = None
    confidence: str = ""
    confidence_note: Text | None = None
    legacy: bool = False
    control_only: bool = False
    general_search: bool = False
    follows_if_unnamed: str = ""

    @property
    def key(self) -> str:
        """Tokens match case-insensitively in robots.txt."""
        return self.token.lower()

    @property
    def product_token(self) -> str:
        """The token a robots.txt group must name to apply to this crawler (see :func:`product_token`)."""
        return product_token(self.token)

    @property
    def community(self) -> bool:
        """Known only from the ai.robots.txt community list, not from the operator's page."""
        return self.source == COMMUNITY_SOURCE

    @property
    def is_ai_search(self) -> bool:
        return self.purpose == "search" and not self.general_search

    def to_json(self) -> dict[str, Any]:
        return {
            "token": self.token,
            "operator": self.operator,
            "purpose": self.purpose,
            "description": self.description.to_json(),
            "robots": self.robots,
            "robots_note": self.robots_note.to_json(),
            "affects_search": self.affects_search,
            "search_note": self.search_note.to_json() if self.search_note else None,
            "source": self.source,
            "url": self.url,
            "verified": self.verified,
            "confidence": self.confidence or None,
            "legacy": self.legacy,
            "control_only": self.control_only,
            "general_search": self.general_search,
            "product_token": self.product_token,
            "community_list_only": self.community,
        }


@dataclass(frozen=True)
class Caveat:
    id: str
    text: Text
    sources: tuple[str, ...]


@dataclass(frozen=True)
class Registry:
    crawlers: tuple[Crawler, ...]
    verified: str
    caveats: tuple[Caveat, ...] = ()
    path: str = REGISTRY_FILE
    _by_key: dict[str, Crawler] = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        self._by_key.update({c.key: c for c in self.crawlers})

    def get(self, token: str) -> Crawler | None:
        return self._by_key.get(token.strip().lower())

    def __contains__(self, token: object) -> bool:
        return isinstance(token, str) and token.strip().lower() in self._by_key

    def __iter__(self) -> Iterator[Crawler]:
        return iter(self.crawlers)

    def __len__(self) -> int:
        return len(self.crawlers)

    def by_purpose(self, *purposes: str) -> list[Crawler]:
        return [c for c in self.crawlers if c.purpose in purposes]

    def operators(self) -> list[str]:
        """Operators in registry order."""
        seen: dict[str, None] = {}
        for c in self.crawlers:
            seen.setdefault(c.operator, None)
        return list(seen)

    def source_ids(self) -> list[str]:
        seen: dict[str, None] = {}
        for c in self.crawlers:
            if not c.community:
                seen.setdefault(c.source, None)
        for cav in self.caveats:
            for s in cav.sources:
                seen.setdefault(s, None)
        return list(seen)


def registry_path(knowledge_dir: Path) -> Path:
    return knowledge_dir / REGISTRY_FILE


def load_registry(
    path: Path,
    knowledge_dir: Path | None = None,
    today: dt.date | None = None,
    rel: str | None = None,
) -> tuple[Registry | None, list[Problem]]:
    """Load and validate a registry file; never raises for bad content.

    With ``knowledge_dir``, every ``source`` must be an English note there and every ``url`` that
    note's url or one of its also_urls. Returns ``(None, problems)`` when the file is unusable,
    otherwise the registry of the valid entries and the problems found.
    """
    today = today or dt.date.today()
    rel = rel or (
        path.relative_to(knowledge_dir).as_posix()
        if knowledge_dir and path.is_relative_to(knowledge_dir)
        else path.name
    )
    problems: list[Problem] = []
    if not path.is_file():
        problems.append(Problem(rel, None, "crawler registry file does not exist"))
        return None, problems
    data = load_mapping(path, rel, problems, allowed=_TOP_KEYS, shape="with 'verified', 'caveats' and 'crawlers'")
    if data is None:
        return None, problems
    notes = note_urls(knowledge_dir) if knowledge_dir is not None else None
    verified = check_date(data.get("verified"), rel, "verified", today, problems)

    caveats: list[Caveat] = []
    for where, item in mapping_items(data, "caveats", rel, problems, allowed=_CAVEAT_KEYS, shape="id, en, ja, sources"):
        cid = as_str(item.get("id"))
        if not cid:
            problems.append(Problem(rel, f"{where}.id", "missing"))
        texts = {"en": as_str(item.get("en")), "ja": unfold_cjk(as_str(item.get("ja")))}
        for lang, t in texts.items():
            if not t:
                problems.append(Problem(rel, f"{where}.{lang}", "missing or empty"))
        sources = item.get("sources") or []
        if not isinstance(sources, list) or not sources or not all(isinstance(s, str) for s in sources):
            problems.append(Problem(rel, f"{where}.sources", "must be a non-empty list of note ids"))
            sources = []
        for s in sources:
            check_source(s, None, rel, f"{where}.sources", notes, problems)
        if cid and all(texts.values()):
            caveats.append(Caveat(id=cid, text=Text(**texts), sources=tuple(sources)))

    crawlers: list[Crawler] = []
    raw = data.get("crawlers")
    if not isinstance(raw, list) or not raw:
        problems.append(Problem(rel, "crawlers", "must be a non-empty list of crawler entries"))
        raw = []
    seen: dict[str, str] = {}
    for i, item in enumerate(raw):
        crawler = _load_crawler(item, i, rel, today, notes, problems)
        if crawler is None:
            continue
        if crawler.key in seen:
            problems.append(
                Problem(
                    rel,
                    f"crawlers[{i}] ({crawler.token}).token",
                    f"duplicate token (also {seen[crawler.key]}; tokens match case-insensitively)",
                )
            )
            continue
        seen[crawler.key] = f"crawlers[{i}]"
        crawlers.append(crawler)
    keys = {c.key for c in crawlers}
    for c in crawlers:
        if c.follows_if_unnamed and c.follows_if_unnamed.lower() not in keys:
            problems.append(
                Problem(
                    rel,
                    f"crawlers ({c.token}).follows_if_unnamed",
                    f"{c.follows_if_unnamed!r} is not a token in the registry",
                )
            )
    registry = Registry(crawlers=tuple(crawlers), verified=verified, caveats=tuple(caveats), path=rel)
    return registry, problems


def _community_text(purpose: str, robots: str) -> tuple[Text, Text]:
    """Neutral description and robots note for a community-list entry (the list's own words are
    not copied)."""
    p_en = {
        "training": "an AI-training crawler",
        "search": "an AI search crawler",
        "user-fetch": "a fetcher acting on a user's request",
        "undocumented": "an AI crawler of undocumented purpose",
    }
    p_ja = {
        "training": "AI学習用のクローラー",
        "search": "AI検索用のクローラー",
        "user-fetch": "利用者の依頼で動くボット",
        "undocumented": "用途が説明されていないAIクローラー",
    }
    r_en = {
        "honours": "The community list says it respects robots.txt.",
        "ignores": "The community list says it does not respect robots.txt.",
        "undocumented": "The community list does not know whether it respects robots.txt.",
    }
    r_ja = {
        "honours": "コミュニティの一覧では、robots.txtに従うとされています。",
        "ignores": "コミュニティの一覧では、robots.txtに従わないとされています。",
        "undocumented": "コミュニティの一覧では、robots.txtに従うかどうか分かっていません。",
    }
    return (
        Text(
            en=f"Listed by the ai.robots.txt community list as {p_en.get(purpose, 'an AI crawler')}; "
            "not checked against the operator's page.",
            ja=f"ai.robots.txtのコミュニティの一覧に{p_ja.get(purpose, 'AIクローラー')}として載っています"
            "（運営者のページでは確認していません）。",
        ),
        Text(en=r_en.get(robots, r_en["undocumented"]), ja=r_ja.get(robots, r_ja["undocumented"])),
    )


def _load_crawler(
    item: Any, i: int, rel: str, today: dt.date, notes: dict[str, set[str]] | None, problems: list[Problem]
) -> Crawler | None:
    before = len(problems)
    entry = named_entry(item, "crawlers", i, "token", _CRAWLER_KEYS, rel, problems)
    if entry is None:
        return None
    token, where = entry
    source = as_str(item.get("source"))
    community = source == COMMUNITY_SOURCE
    if not token:
        problems.append(Problem(rel, f"{where}.token", "missing"))
    elif not (LISTED_NAME_RE if community else TOKEN_RE).match(token) or not product_token(token):
        problems.append(Problem(rel, f"{where}.token", f"{token!r} is not a robots.txt product token"))
    operator = as_str(item.get("operator"))
    if not operator:
        problems.append(Problem(rel, f"{where}.operator", "missing"))
    purpose = as_str(item.get("purpose"))
    check_choice(purpose, PURPOSES, rel, f"{where}.purpose", problems)
    robots = as_str(item.get("robots"))
    check_choice(robots, ROBOTS_STANCES, rel, f"{where}.robots", problems)
    description: Text | None
    robots_note: Text | None
    if community:
        description, robots_note = _community_text(purpose, robots)
        if "description" in item or "robots_note" in item:
            problems.append(
                Problem(
                    rel,
                    where,
                    "a community-list entry must not carry description/robots_note "
                    "(kenri does not copy the list's words)",
                )
            )
    else:
        description = text_field(item, "description", rel, where, problems)
        robots_note = text_field(item, "robots_note", rel, where, problems)
    affects = item.get("affects_search", False if community else None)
    if not isinstance(affects, bool):
        problems.append(Problem(rel, f"{where}.affects_search", "missing or not true/false"))
        affects = False
    search_note = text_field(item, "search_note", rel, where, problems, required=bool(affects))
    flags: dict[str, bool] = {}
    for key in ("legacy", "control_only", "general_search"):
        v = item.get(key, False)
        if not isinstance(v, bool):
            problems.append(Problem(rel, f"{where}.{key}", "must be true or false"))
            v = False
        flags[key] = v
    if flags["general_search"] and purpose != "search":
        problems.append(Problem(rel, f"{where}.general_search", "only a search crawler can be a general search engine"))
    confidence = as_str(item.get("confidence"))
    if confidence:
        check_choice(confidence, CONFIDENCE, rel, f"{where}.confidence", problems)
    confidence_note = text_field(item, "confidence_note", rel, where, problems, required=bool(confidence))
    url = as_str(item.get("url"))
    if not source:
        problems.append(
            Problem(rel, f"{where}.source", f"missing (the id of a note in knowledge/en, or {COMMUNITY_SOURCE!r})")
        )
    if not url and not community:
        problems.append(Problem(rel, f"{where}.url", "missing"))
    elif url and not url.startswith("https://"):
        problems.append(Problem(rel, f"{where}.url", f"{url!r} must be an https URL"))
    if source and not community:
        check_source(source, url or None, rel, f"{where}.source", notes, problems)
    if community:
        verified = ""  # community entries are not verified against the operators' pages
        if "verified" in item:
            problems.append(Problem(rel, f"{where}.verified", "a community-list entry is not verified; remove it"))
    else:
        verified = check_date(item.get("verified"), rel, f"{where}.verified", today, problems)
    follows = as_str(item.get("follows_if_unnamed"))
    if len(problems) > before or description is None or robots_note is None:
        return None
    return Crawler(
        token=token,
        operator=operator,
        purpose=purpose,
        description=description,
        robots=robots,
        robots_note=robots_note,
        affects_search=affects,
        search_note=search_note,
        source=source,
        url=url,
        verified=verified,
        confidence=confidence,
        confidence_note=confidence_note,
        legacy=flags["legacy"],
        control_only=flags["control_only"],
        general_search=flags["general_search"],
        follows_if_unnamed=follows,
    )


def load_registry_or_raise(knowledge_dir: Path, today: dt.date | None = None) -> Registry:
    """Load ``knowledge_dir/crawlers.yaml``; raise :class:`RegistryError` listing every problem."""
    registry, problems = load_registry(registry_path(knowledge_dir), knowledge_dir, today)
    if problems or registry is None:
        raise RegistryError(problems)
    return registry
