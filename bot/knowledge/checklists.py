"""Per-platform opt-out checklists (``knowledge/optout/<platform>.yaml``).

* :func:`load_checklists` reads and validates every checklist (all problems at once).
* :func:`find` finds a checklist from a forgiving query ("chatgpt", "Claude", "インスタ", "x").
* :func:`render` turns one into Discord-friendly Markdown (under 4000 characters) in en or ja.
* :func:`notes_for_index` turns each checklist into one :class:`Note` per language, whose
  ``##`` sections are questions, so the normal ingest indexes them and ``/ask`` finds them.

Pure and synchronous: a Discord cog can call these directly (or via ``asyncio.to_thread``).
"""

from __future__ import annotations

import datetime as dt
import difflib
import hashlib
import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from bot.errors import KenriError, Problem
from bot.knowledge.crawlers import REGISTRY_FILE, Registry, load_registry
from bot.knowledge.datafiles import (
    MAX_ASKED,
    MAX_ASKED_CHARS,
    SLUG_RE,
    as_str,
    check_choice,
    check_date,
    check_source,
    load_mapping,
    mapping_items,
    named_entry,
    note_titles,
    note_urls,
    string_list,
    text_field,
)
from bot.knowledge.i18n import Messages, Text, lookup
from bot.knowledge.schema import AUDIENCES, CHECKED, JURISDICTIONS, LANGS, Note, NoteMeta, SectionInfo

OPTOUT_DIR = "optout"
DEFAULT_KNOWLEDGE_DIR = Path(__file__).resolve().parents[2] / "knowledge"
RENDER_VERSION = "5"  # bump when the note body layout changes, so ingest re-embeds
CONFIDENCE = ("reported",)

_TOP_KEYS = {
    "platform",
    "publisher",
    "names",
    "aliases",
    "jurisdiction",
    "verified",
    "sources",
    "question",
    "summary",
    "steps",
    "caveats",
    "asked",
    "checked",
    "audience",
    "kind",
}
_STEP_KEYS = {
    "id",
    "title",
    "question",
    "text",
    "code",
    "covers",
    "not_covers",
    "sources",
    "confidence",
    "asked",
    "audience",
}
_CAVEAT_KEYS = {"text", "sources", "confidence"}
_SOURCE_KEYS = {"id", "url"}
_BACKTICK_RE = re.compile(r"`([^`\n]+)`")
# [ \t], not \s: with MULTILINE, ^\s* would rescan every following blank line (quadratic)
_UA_LINE_RE = re.compile(r"^[ \t]*user-agent[ \t]*:[ \t]*(\S+)", re.I | re.M)

LABELS: Messages = {
    "title": Text(en="Opt-out checklist: {name}", ja="オプトアウト手順：{name}"),
    "covers": Text(en="Covers", ja="対象"),
    "not_covers": Text(en="Does not cover", ja="対象外"),
    "step_source": Text(en="Source", ja="出典"),
    "caveats": Text(en="Good to know", ja="注意点"),
    "sources": Text(en="Sources (verified {verified})", ja="出典（確認日 {verified}）"),
    "no_link": Text(en="no verified link", ja="確認済みのリンクなし"),
    "reported": Text(en="(reported) ", ja="（報道による情報）"),
    "footer": Text(
        en="Not legal advice. Settings change: check the linked page before relying on a step.",
        ja="法的助言ではありません。設定は変わることがあるため、リンク先で確認してから手順を使ってください。",
    ),
    "steps_intro": Text(
        en="To opt out of {name}, follow these steps in order (checked {verified}).",
        ja="{name}でオプトアウトするには、次の手順を順に行います（確認日 {verified}）。",
    ),
    "caveat_q": Text(
        en="What should I know before relying on the {name} opt-out?",
        ja="{name}のオプトアウトで注意することは？",
    ),
    "caveat_intro": Text(
        en="The {name} opt-out steps have these limits (checked {verified}).",
        ja="{name}のオプトアウト手順には次の限界があります（確認日 {verified}）。",
    ),
    "truncated": Text(
        en="… (shortened to fit; see the sources for the full steps)",
        ja="…（文字数の上限のため省略しました。全文は出典を確認してください）",
    ),
    "note_title": Text(en="Opt-out checklist: {name}", ja="オプトアウト手順：{name}"),
    # how creators ask for a checklist, in both languages: indexed as extra phrasings of its main
    # question, so "how do i opt out of ai training on artstation" finds ArtStation's steps
    "asked_q": Text(en="How do I opt out of AI training on {name}?", ja="{name}でAI学習を拒否するには？"),
    "note_publisher": Text(en="kenri checklist ({publisher})", ja="kenri チェックリスト（{publisher}）"),
}


# What a checklist is for: ``opt-out`` (the default: ways to refuse AI training) or ``protection``
# (tools that change what a model learns from your work, such as Glaze and Nightshade, which are
# not opt-outs), ``tool`` (a service used to refuse training wherever it reaches, such as
# Cloudflare or Spawning's registry) or ``no-opt-out``. Each is rendered with its own title and
# step wording.
KINDS = ("opt-out", "protection", "tool", "no-opt-out")
_KIND_LABELS: dict[str, Messages] = {
    "protection": {
        "title": Text(en="Protection checklist: {name}", ja="保護手段のチェックリスト：{name}"),
        "steps_intro": Text(
            en="To protect your images with {name}, follow these steps in order (checked {verified}).",
            ja="{name}で作品を保護するには、次の手順を順に行います（確認日 {verified}）。",
        ),
        "caveat_q": Text(en="What should I know before relying on {name}?", ja="{name}に頼る前に知っておくことは？"),
        "caveat_intro": Text(
            en="{name} has these limits (checked {verified}).",
            ja="{name}には次の限界があります（確認日 {verified}）。",
        ),
        "note_title": Text(en="Protection checklist: {name}", ja="保護手段のチェックリスト：{name}"),
        "asked_q": Text(en="How do I protect my art from AI with {name}?", ja="{name}で作品をAIから守るには？"),
    },
    # A service a creator uses to refuse AI training everywhere it reaches (Cloudflare in front of
    # a website, Spawning's registry): the creator is not opting out "of" the tool.
    "tool": {
        "title": Text(en="Opt-out tool checklist: {name}", ja="オプトアウトに使えるツール：{name}"),
        "steps_intro": Text(
            en="To refuse AI training with {name}, follow these steps in order (checked {verified}).",
            ja="{name}を使ってAI学習を拒否するには、次の手順を順に行います（確認日 {verified}）。",
        ),
        "caveat_q": Text(en="What should I know before relying on {name}?", ja="{name}に頼る前に知っておくことは？"),
        "caveat_intro": Text(
            en="{name} has these limits (checked {verified}).",
            ja="{name}には次の限界があります（確認日 {verified}）。",
        ),
        "note_title": Text(en="Opt-out tool checklist: {name}", ja="オプトアウトに使えるツール：{name}"),
        "asked_q": Text(en="How do I block AI training with {name}?", ja="{name}でAI学習を拒否するには？"),
    },
    # A platform whose sources describe no opt-out: the steps are what a creator can do instead.
    "no-opt-out": {
        "title": Text(en="What you can do about {name}", ja="{name}についてできること"),
        "steps_intro": Text(
            en="{name} offers no opt-out from AI training in kenri's sources; these steps are what you can do instead "
            "(checked {verified}).",
            ja="kenriの出典では、{name}にはAI学習のオプトアウトの仕組みがありません。"
            "代わりにできることは次のとおりです（確認日 {verified}）。",
        ),
        "note_title": Text(
            en="What you can do about {name} (no opt-out)",
            ja="{name}についてできること（オプトアウトなし）",
        ),
    },
}


def labels(kind: str) -> Messages:
    """The UI strings for a checklist of ``kind`` (one of KINDS): :data:`LABELS` with the kind's own."""
    return {**LABELS, **_KIND_LABELS.get(kind, {})}


class ChecklistError(KenriError):
    """Checklists are missing or invalid; ``problems`` lists every problem."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        lines = "\n".join(f"  {p}" for p in problems)
        super().__init__(f"{len(problems)} problem(s) in the opt-out checklists:\n{lines}")


class PlatformNotFoundError(KenriError):
    """No checklist matches the query; ``suggestions`` holds close platform ids."""

    def __init__(self, query: str, suggestions: list[str], available: list[str]) -> None:
        self.query = query
        self.suggestions = suggestions
        self.available = available
        shown = query if len(query) <= 60 else query[:57] + "..."
        hint = f" Did you mean: {', '.join(suggestions)}?" if suggestions else ""
        super().__init__(f"no opt-out checklist matches {shown!r}.{hint} Available: {', '.join(available)}")


@dataclass(frozen=True)
class Source:
    id: str
    url: str = ""  # empty when SOURCES.md has no verified URL for the source
    title: Text | None = None  # the note's title (Japanese from its translation); None if unknown
    publisher: Text | None = None


@dataclass(frozen=True)
class Step:
    id: str
    title: Text
    question: Text
    text: Text
    covers: Text
    not_covers: Text
    sources: tuple[str, ...]
    code: str = ""
    confidence: str = ""
    asked: tuple[str, ...] = ()  # other ways creators ask this step's question (any language)
    audience: str = "any"  # rights-holder | user | any

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title.to_json(),
            "question": self.question.to_json(),
            "text": self.text.to_json(),
            "code": self.code or None,
            "covers": self.covers.to_json(),
            "not_covers": self.not_covers.to_json(),
            "sources": list(self.sources),
            "confidence": self.confidence or None,
        }


@dataclass(frozen=True)
class CaveatItem:
    text: Text
    sources: tuple[str, ...]
    confidence: str = ""


@dataclass(frozen=True)
class Checklist:
    platform: str
    publisher: str
    names: Text
    aliases: tuple[str, ...]
    jurisdiction: str
    verified: str
    sources: tuple[Source, ...]
    question: Text
    summary: Text
    steps: tuple[Step, ...]
    caveats: tuple[CaveatItem, ...]
    path: str
    asked: tuple[str, ...] = ()  # other ways creators ask the checklist's main question
    checked: str = ""
    audience: str = "any"  # who the main question's steps are for
    kind: str = "opt-out"  # one of KINDS

    @property
    def primary_url(self) -> str:
        return next((s.url for s in self.sources if s.url), "")

    @property
    def source_ids(self) -> tuple[str, ...]:
        return tuple(s.id for s in self.sources)

    def to_json(self) -> dict[str, Any]:
        return {
            "platform": self.platform,
            "kind": self.kind,
            "publisher": self.publisher,
            "names": self.names.to_json(),
            "aliases": list(self.aliases),
            "jurisdiction": self.jurisdiction,
            "verified": self.verified,
            "sources": [
                {
                    "id": s.id,
                    "title": s.title.to_json() if s.title else None,
                    "publisher": s.publisher.to_json() if s.publisher else None,
                    "url": s.url or None,
                }
                for s in self.sources
            ],
            "question": self.question.to_json(),
            "summary": self.summary.to_json(),
            "steps": [s.to_json() for s in self.steps],
            "caveats": [
                {"text": c.text.to_json(), "sources": list(c.sources), "confidence": c.confidence or None}
                for c in self.caveats
            ],
        }


# --------------------------------------------------------------------------- loading


def load_checklists(
    knowledge_dir: Path,
    today: dt.date | None = None,
    registry: Registry | None = None,
) -> tuple[list[Checklist], list[Problem]]:
    """Load and validate every ``optout/*.yaml``; never raises for bad content.

    Source ids are checked against the English notes in ``knowledge_dir/en``; robots.txt
    ``User-agent`` lines in steps against the crawler registry when one is given.
    """
    today = today or dt.date.today()
    problems: list[Problem] = []
    folder = knowledge_dir / OPTOUT_DIR
    if not folder.is_dir():
        problems.append(Problem(OPTOUT_DIR, None, "opt-out checklist folder does not exist"))
        return [], problems
    notes = note_urls(knowledge_dir) if (knowledge_dir / "en").is_dir() else None
    checklists: list[Checklist] = []
    for path in sorted(folder.iterdir()):
        if path.name.startswith((".", "_")) or path.suffix.lower() not in {".yaml", ".yml"}:
            continue
        rel = f"{OPTOUT_DIR}/{path.name}"
        cl = _load_checklist(path, rel, today, notes, registry, problems)
        if cl is not None:
            checklists.append(cl)
    _cross_check(checklists, problems)
    if notes is not None:
        titles = note_titles(knowledge_dir)
        checklists = [_with_titles(cl, titles) for cl in checklists]
    return checklists, problems


def _with_titles(cl: Checklist, titles: Mapping[str, tuple[Text, Text]]) -> Checklist:
    """``cl`` with each source's note title and publisher (shown instead of the bare id)."""
    sources = tuple(
        replace(s, title=titles[s.id][0], publisher=titles[s.id][1]) if s.id in titles else s for s in cl.sources
    )
    return replace(cl, sources=sources)


def load_checklists_or_raise(knowledge_dir: Path | None = None, today: dt.date | None = None) -> list[Checklist]:
    """Load the checklists (and the registry, for cross-checks); raise :class:`ChecklistError`."""
    knowledge_dir = knowledge_dir or DEFAULT_KNOWLEDGE_DIR
    registry, problems = _maybe_registry(knowledge_dir, today)
    checklists, more = load_checklists(knowledge_dir, today, registry)
    problems += more
    if problems:
        raise ChecklistError(problems)
    return checklists


def _maybe_registry(knowledge_dir: Path, today: dt.date | None) -> tuple[Registry | None, list[Problem]]:
    path = knowledge_dir / REGISTRY_FILE
    if not path.is_file():
        return None, []
    return load_registry(path, knowledge_dir, today, rel=REGISTRY_FILE)


def _load_checklist(
    path: Path,
    rel: str,
    today: dt.date,
    notes: dict[str, set[str]] | None,
    registry: Registry | None,
    problems: list[Problem],
) -> Checklist | None:
    before = len(problems)
    data = load_mapping(path, rel, problems, allowed=_TOP_KEYS, shape="of field: value")
    if data is None:
        return None
    platform = as_str(data.get("platform"))
    if not platform:
        problems.append(Problem(rel, "platform", "missing"))
    elif not SLUG_RE.match(platform):
        problems.append(Problem(rel, "platform", f"{platform!r} must be a lowercase slug (a-z, 0-9, '-')"))
    elif platform != path.stem:
        problems.append(Problem(rel, "platform", f"{platform!r} must match the file name {path.stem!r}"))
    publisher = as_str(data.get("publisher"))
    if not publisher:
        problems.append(Problem(rel, "publisher", "missing"))
    names = text_field(data, "names", rel, "", problems)
    question = text_field(data, "question", rel, "", problems)
    summary = text_field(data, "summary", rel, "", problems)
    jurisdiction = as_str(data.get("jurisdiction")) or "INTL"
    check_choice(jurisdiction, JURISDICTIONS, rel, "jurisdiction", problems)
    verified = check_date(data.get("verified"), rel, "verified", today, problems)
    aliases_raw = data.get("aliases") or []
    if not isinstance(aliases_raw, list) or not all(isinstance(a, (str, int)) for a in aliases_raw):
        problems.append(Problem(rel, "aliases", "must be a list of strings"))
        aliases_raw = []
    aliases = tuple(str(a).strip() for a in aliases_raw if str(a).strip())
    asked = string_list(data.get("asked"), "asked", rel, problems, MAX_ASKED, MAX_ASKED_CHARS)
    audience = as_str(data.get("audience")) or "any"
    check_choice(audience, AUDIENCES, rel, "audience", problems)
    checked = as_str(data.get("checked"))
    if checked:
        check_choice(checked, CHECKED, rel, "checked", problems)
    kind = as_str(data.get("kind")) or "opt-out"
    check_choice(kind, KINDS, rel, "kind", problems)

    sources: list[Source] = []
    for where, item in mapping_items(
        data,
        "sources",
        rel,
        problems,
        allowed=_SOURCE_KEYS,
        shape="'id' and optional 'url'",
        required="must be a non-empty list of {id, url}",
    ):
        sid, url = as_str(item.get("id")), as_str(item.get("url"))
        if not sid:
            problems.append(Problem(rel, f"{where}.id", "missing"))
            continue
        if url and not url.startswith("https://"):
            problems.append(Problem(rel, f"{where}.url", f"{url!r} must be an https URL"))
        check_source(sid, url or None, rel, f"{where}.id", notes, problems)
        sources.append(Source(sid, url))
    known_ids = {s.id for s in sources}
    if sources and not any(s.url for s in sources):
        problems.append(Problem(rel, "sources", "at least one source needs a verified url"))

    steps: list[Step] = []
    raw_steps = data.get("steps")
    if not isinstance(raw_steps, list) or not raw_steps:
        problems.append(Problem(rel, "steps", "must be a non-empty list of steps"))
        raw_steps = []
    seen_steps: set[str] = set()
    for i, item in enumerate(raw_steps):
        step = _load_step(item, i, rel, known_ids, registry, problems)
        if step is None:
            continue
        if step.id in seen_steps:
            problems.append(Problem(rel, f"steps[{i}].id", f"duplicate step id {step.id!r}"))
            continue
        seen_steps.add(step.id)
        steps.append(step)

    caveats: list[CaveatItem] = []
    for where, item in mapping_items(data, "caveats", rel, problems, allowed=_CAVEAT_KEYS, shape="text and sources"):
        text = text_field(item, "text", rel, where, problems)
        csources = _source_list(item, rel, where, known_ids, problems)
        confidence = _confidence(item, rel, where, problems)
        if text is not None:
            _check_verbatim(text, rel, f"{where}.text", problems)
            caveats.append(CaveatItem(text, csources, confidence))

    if len(problems) > before or names is None or question is None or summary is None:
        return None
    return Checklist(
        platform=platform,
        publisher=publisher,
        names=names,
        aliases=aliases,
        jurisdiction=jurisdiction,
        verified=verified,
        sources=tuple(sources),
        question=question,
        summary=summary,
        steps=tuple(steps),
        caveats=tuple(caveats),
        path=rel,
        asked=asked,
        checked=checked,
        audience=audience,
        kind=kind,
    )


def _load_step(
    item: Any, i: int, rel: str, known_ids: set[str], registry: Registry | None, problems: list[Problem]
) -> Step | None:
    before = len(problems)
    entry = named_entry(item, "steps", i, "id", _STEP_KEYS, rel, problems)
    if entry is None:
        return None
    sid, where = entry
    if not sid:
        problems.append(Problem(rel, f"{where}.id", "missing"))
    elif not SLUG_RE.match(sid):
        problems.append(Problem(rel, f"{where}.id", f"{sid!r} must be a lowercase slug"))
    keys = ("title", "question", "text", "covers", "not_covers")
    texts = {k: text_field(item, k, rel, where, problems) for k in keys}
    for k, t in texts.items():
        if t is not None:
            _check_verbatim(t, rel, f"{where}.{k}", problems)
    code = item.get("code") or ""
    if not isinstance(code, str):
        problems.append(Problem(rel, f"{where}.code", "must be a text block"))
        code = ""
    code = code.strip("\n")
    if code and "```" in code:
        problems.append(Problem(rel, f"{where}.code", "must not contain ``` (it is rendered inside a code block)"))
    if code and registry is not None:
        for token in _UA_LINE_RE.findall(code):
            if token != "*" and token not in registry:
                problems.append(
                    Problem(rel, f"{where}.code", f"User-agent {token!r} is not a token in {REGISTRY_FILE}")
                )
    sources = _source_list(item, rel, where, known_ids, problems)
    confidence = _confidence(item, rel, where, problems)
    asked = string_list(item.get("asked"), f"{where}.asked", rel, problems, MAX_ASKED, MAX_ASKED_CHARS)
    audience = item.get("audience", "any")
    check_choice(audience, AUDIENCES, rel, f"{where}.audience", problems)
    if len(problems) > before or any(t is None for t in texts.values()):
        return None
    return Step(
        id=sid,
        sources=sources,
        code=code,
        confidence=confidence,
        asked=asked,
        audience=audience,
        **texts,  # type: ignore[arg-type]
    )


def _source_list(
    item: dict[str, Any], rel: str, where: str, known_ids: set[str], problems: list[Problem]
) -> tuple[str, ...]:
    raw = item.get("sources")
    if not isinstance(raw, list) or not raw or not all(isinstance(s, str) for s in raw):
        problems.append(Problem(rel, f"{where}.sources", "must be a non-empty list of source ids"))
        return ()
    for s in raw:
        if s not in known_ids:
            problems.append(Problem(rel, f"{where}.sources", f"{s!r} is not listed in the checklist's sources"))
    return tuple(raw)


def _confidence(item: dict[str, Any], rel: str, where: str, problems: list[Problem]) -> str:
    value = as_str(item.get("confidence"))
    if value and not check_choice(value, CONFIDENCE, rel, f"{where}.confidence", problems):
        return ""
    return value


def _check_verbatim(text: Text, rel: str, field: str, problems: list[Problem]) -> None:
    """Tokens, labels and paths in backticks must appear unchanged in both languages."""
    for span in _BACKTICK_RE.findall(text.en):
        if f"`{span}`" not in text.ja:
            problems.append(Problem(rel, f"{field}.ja", f"`{span}` from the English text is missing verbatim"))


def _cross_check(checklists: list[Checklist], problems: list[Problem]) -> None:
    owner: dict[str, str] = {}
    for cl in checklists:
        for key in _keys(cl):
            if key in owner and owner[key] != cl.platform:
                problems.append(
                    Problem(
                        cl.path,
                        "aliases",
                        f"{key!r} also names platform {owner[key]!r}; aliases must be unique",
                    )
                )
            owner.setdefault(key, cl.platform)


# --------------------------------------------------------------------------- find


def normalise(text: str) -> str:
    """Lowercase, NFKC (full-width -> ASCII), and drop everything but letters and digits."""
    text = unicodedata.normalize("NFKC", text).casefold()
    return "".join(ch for ch in text if ch.isalnum())


def _keys(cl: Checklist) -> set[str]:
    keys = {normalise(cl.platform)}
    for name in (cl.names.en, cl.names.ja):
        keys.add(normalise(name))
        keys.add(normalise(_name_head(name)))
    keys |= {normalise(a) for a in cl.aliases}
    return {k for k in keys if k}


def find(
    platform_query: str,
    checklists: Sequence[Checklist] | None = None,
    *,
    knowledge_dir: Path | None = None,
) -> Checklist:
    """Return the checklist a user means: exact id/name/alias, then prefix, then a close spelling.

    Raises :class:`PlatformNotFoundError` (with suggestions) when nothing or several match.
    """
    if checklists is None:
        checklists = load_checklists_or_raise(knowledge_dir)
    query = normalise(platform_query[:200])
    available = sorted(cl.platform for cl in checklists)
    if not query:
        raise PlatformNotFoundError(platform_query, [], available)
    index: dict[str, Checklist] = {}
    for cl in checklists:
        for key in _keys(cl):
            index.setdefault(key, cl)
    if query in index:
        return index[query]
    hits = {
        cl.platform: cl
        for key, cl in index.items()
        if len(key) >= 3 and len(query) >= 3 and (key.startswith(query) or query.startswith(key))
    }
    if len(hits) == 1:
        return next(iter(hits.values()))
    close = difflib.get_close_matches(query, list(index), n=5, cutoff=0.75)
    close_platforms = list(dict.fromkeys(index[k].platform for k in close))
    if len(close_platforms) == 1 and not hits:
        return index[close[0]]
    suggestions = list(dict.fromkeys([*sorted(hits), *close_platforms]))[:5]
    raise PlatformNotFoundError(platform_query, suggestions, available)


def marked(text: str, confidence: str, lang: str) -> str:
    """A step's text with its "reported" mark after it: an answer that shows the step opens with
    the fact, not with "(reported)"."""
    if confidence != "reported":
        return text
    mark = lookup(LABELS, "reported", lang).strip()
    return text.rstrip() + ("" if lang == "ja" else " ") + mark


# --------------------------------------------------------------------------- index notes


def _note_body(cl: Checklist, lang: str) -> str:
    """Markdown body for indexing: an About paragraph, then one ``##`` question per section."""
    L = labels(cl.kind)
    name = cl.names.get(lang)
    parts = [cl.summary.get(lang), ""]
    parts.append(f"## {cl.question.get(lang)}")
    parts.append(lookup(L, "steps_intro", lang, name=name, verified=cl.verified))
    parts.append("")
    for n, step in enumerate(cl.steps, 1):
        # The main question's answer carries every step in full: shown alone, it must be usable.
        parts.append(f"{n}. **{step.title.get(lang)}**: {marked(step.text.get(lang), step.confidence, lang)}")
        if step.code:
            parts += ["   ```", *(f"   {line}" for line in step.code.split("\n")), "   ```"]
    parts.append("")
    for step in cl.steps:
        parts.append(f"## {step.question.get(lang)}")
        parts.append(marked(step.text.get(lang), step.confidence, lang))
        parts.append("")
        if step.code:
            parts += ["```", step.code, "```", ""]
        parts.append(f"{lookup(L, 'covers', lang)}: {step.covers.get(lang)}")
        parts.append("")
        parts.append(f"{lookup(L, 'not_covers', lang)}: {step.not_covers.get(lang)}")
        parts.append("")
        # Each step names the pages its facts come from, so a quoted step is traceable even
        # when the checklist's main link is another source's.
        urls = dict.fromkeys(u for sid in step.sources for u in [_url_of(cl, sid)] if u)
        if urls:
            parts.append(f"{lookup(L, 'step_source', lang)}: {', '.join(urls)}")
            parts.append("")
    if cl.caveats:
        parts.append(f"## {lookup(L, 'caveat_q', lang, name=name)}")
        parts.append(lookup(L, "caveat_intro", lang, name=name, verified=cl.verified))
        parts.append("")
        parts += [f"- {marked(c.text.get(lang), c.confidence, lang)}" for c in cl.caveats]
        parts.append("")
    return "\n".join(parts).strip() + "\n"


def _url_of(cl: Checklist, source_id: str) -> str:
    return next((s.url for s in cl.sources if s.id == source_id and s.url), "")


def checklist_notes(cl: Checklist) -> list[Note]:
    """The English note ``optout-<platform>`` and its Japanese version ``optout-<platform>-ja``."""
    base = f"optout-{cl.platform}"
    also = tuple(dict.fromkeys(s.url for s in cl.sources if s.url and s.url != cl.primary_url))
    notes = []
    for lang in LANGS:
        L = labels(cl.kind)
        meta = NoteMeta(
            id=base if lang == "en" else f"{base}-{lang}",
            title=lookup(L, "note_title", lang, name=cl.names.get(lang)),
            publisher=lookup(L, "note_publisher", lang, publisher=cl.publisher),
            url=cl.primary_url,
            jurisdiction=cl.jurisdiction,
            type="platform-setting",
            published="living",
            verified=cl.verified,
            lang=lang,
            translation_of="" if lang == "en" else base,
            also_urls=also,
            sources=tuple(dict.fromkeys(cl.source_ids)),
            # "Meta (Facebook, Instagram, Meta AI)" is also plain "Meta", as the uniqueness check has it
            aliases=tuple(
                dict.fromkeys(
                    (cl.names.en, cl.names.ja, *(_name_head(n) for n in (cl.names.en, cl.names.ja)), *cl.aliases)
                )
            ),
            checked=cl.checked,
        )
        body = _note_body(cl, lang)
        asked = (*cl.asked, *(L["asked_q"].get(q).format(name=_name_head(cl.names.get(q))) for q in LANGS))
        sections = [SectionInfo(heading=cl.question.get(lang), asked=asked, audience=cl.audience)]
        sections += [SectionInfo(heading=s.question.get(lang), asked=s.asked, audience=s.audience) for s in cl.steps]
        sections = list({si.heading: si for si in reversed(sections)}.values())[::-1]  # first wins
        digest = hashlib.sha256(f"{RENDER_VERSION}\x00{meta!r}\x00{sections!r}\x00{body}".encode()).hexdigest()
        notes.append(Note(meta=meta, body=body, path=cl.path, sha256=digest, sections=tuple(sections)))
    return notes


def notes_for_index(knowledge_dir: Path, today: dt.date | None = None) -> tuple[list[Note], list[Problem]]:
    """Checklists as corpus notes (one per language), plus every problem in them.

    Also validates ``crawlers.yaml`` when present (its problems are returned too), because
    checklists' robots.txt lines are checked against it and ingest is where maintainers look.
    """
    registry, problems = _maybe_registry(knowledge_dir, today)
    checklists, more = load_checklists(knowledge_dir, today, registry)
    problems += more
    notes: list[Note] = []
    for cl in checklists:
        notes += checklist_notes(cl)
    return notes, problems


def checklist_name(meta: NoteMeta) -> str:
    """The display name a checklist note was built for, in the note's language ("Tumblr /
    WordPress.com", 「X（旧Twitter）とGrok」), read back from its title (``note_title`` of its
    kind's labels); "" for a note that is no checklist. Linear in the title's length."""
    if not meta.publisher.startswith("kenri"):
        return ""
    for kind in KINDS:
        before, _, after = lookup(labels(kind), "note_title", meta.lang, name="\x00").partition("\x00")
        title = meta.title
        if title.startswith(before) and title.endswith(after) and len(title) > len(before) + len(after):
            return title[len(before) : len(title) - len(after)]
    return ""


def _name_head(name: str) -> str:
    """A display name without its parenthetical: "Meta (Facebook, Instagram)" -> "Meta"."""
    return re.split(r"[(（]", name, maxsplit=1)[0].strip()
