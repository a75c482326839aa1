"""The AI-crawler registry (knowledge/crawlers.yaml) and its validator."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from bot.knowledge.crawlers import PURPOSES, ROBOTS_STANCES, RegistryError, load_registry, load_registry_or_raise
from tests.conftest import REPO

KNOWLEDGE = REPO / "knowledge"
TODAY = dt.date(2026, 11, 25)

# Every crawler/token SOURCES.md names (section E), with the purpose kenri files it under.
EXPECTED = {
    "GPTBot": "training",
    "OAI-SearchBot": "search",
    "ChatGPT-User": "user-fetch",
    "OAI-AdsBot": "ads",
    "Googlebot": "search",
    "Google-Extended": "training",
    "ClaudeBot": "training",
    "Claude-User": "user-fetch",
    "Claude-SearchBot": "search",
    "anthropic-ai": "other",
    "Claude-Web": "other",
    "Applebot": "search",
    "Applebot-Extended": "training",
    "meta-externalagent": "training",
    "meta-externalfetcher": "user-fetch",
    "meta-webindexer": "search",
    "meta-externalads": "ads",
    "facebookexternalhit": "preview",
    "CCBot": "training",
    "PerplexityBot": "search",
    "Perplexity-User": "user-fetch",
    "Bytespider": "training",
    "Amazonbot": "training",
    "Amzn-SearchBot": "search",
    "Amzn-User": "user-fetch",
}

# URLs SOURCES.md marks UNVERIFIED: they must never appear in the structured data.
UNVERIFIED_URLS = [
    "openai.com/index/approach-to-data-and-ai",
    "openai.com/index/launching-sora-responsibly",
    "digital-strategy.ec.europa.eu/en/policies/contents-code-gpai",
    "copyright.gov/docs/zarya-of-the-dawn.pdf",
    "gov.uk/government/consultations/copyright-and-artificial-intelligence",
]


@pytest.fixture(scope="module")
def registry():
    return load_registry_or_raise(KNOWLEDGE, TODAY)


def test_registry_validates_against_the_real_notes() -> None:
    registry, problems = load_registry(KNOWLEDGE / "crawlers.yaml", KNOWLEDGE, TODAY)
    assert [str(p) for p in problems] == []
    assert registry is not None


def test_registry_has_every_token_sources_md_names_with_its_purpose(registry) -> None:
    got = {c.token: c.purpose for c in registry if not c.community}
    assert got == EXPECTED


COMMUNITY_LIST = (
    next(
        (
            p
            for p in (REPO.parent / "shared", REPO.parent.parent / "shared")
            if (p / "data" / "ai-robots-txt" / "robots.json").is_file()
        ),
        REPO.parent / "shared",
    )
    / "data"
    / "ai-robots-txt"
    / "robots.json"
)


@pytest.mark.skipif(not COMMUNITY_LIST.is_file(), reason="needs ../shared/data/ai-robots-txt/robots.json")
def test_every_crawler_of_the_community_list_is_in_the_registry(registry) -> None:
    import json
    import re

    listed = json.loads(COMMUNITY_LIST.read_text(encoding="utf-8"))
    assert {name.lower() for name in listed} <= {c.key for c in registry}
    assert len(registry) >= 160
    link = re.compile(r"\((https://[^)\s]+)\)")
    for c in registry:
        if not c.community:
            continue
        entry = next(v for k, v in listed.items() if k.lower() == c.key)
        respect = entry["respect"].lower().lstrip("[")
        want = "honours" if respect.startswith("yes") else "ignores" if respect.startswith("no") else "undocumented"
        assert c.robots == want, c.token  # the list's answer, not kenri's guess
        assert c.purpose in ("training", "search", "user-fetch", "undocumented"), c.token
        if c.url:  # a page the list links, never an invented one
            assert c.url in entry["operator"] + entry["respect"], c.token
            assert link.search(entry["operator"] + entry["respect"]) or c.url in entry["operator"], c.token
        assert not c.verified and "not checked against the operator's page" in c.description.en


def test_every_entry_is_complete_and_sourced(registry) -> None:
    en_ids = {p.stem for p in (KNOWLEDGE / "en").glob("*.md")}
    for c in registry:
        assert c.purpose in PURPOSES and c.robots in ROBOTS_STANCES
        if c.community:
            assert c.source == "ai-robots-txt" and c.product_token
            continue
        assert c.source in en_ids, c.token
        assert c.url.startswith("https://")
        assert c.verified == "2026-11-25"
        assert c.description.en and c.description.ja and c.robots_note.en and c.robots_note.ja
        if c.affects_search:
            assert c.search_note is not None, c.token


def test_operator_statements_are_recorded_faithfully(registry) -> None:
    assert registry.get("chatgpt-user").robots == "may-ignore"
    assert registry.get("meta-externalfetcher").robots == "may-ignore"
    assert registry.get("amzn-user").robots == "may-ignore"
    assert registry.get("perplexity-user").robots == "says-ignores"
    assert registry.get("bytespider").robots == "undocumented"
    assert registry.get("claudebot").robots == "honours"
    assert registry.get("OAI-SearchBot").affects_search
    assert not registry.get("Google-Extended").affects_search
    assert registry.get("Google-Extended").control_only and registry.get("Applebot-Extended").control_only
    assert {c.token for c in registry if c.general_search} == {"Googlebot", "Applebot"}
    assert registry.get("Applebot").follows_if_unnamed == "Googlebot"


def test_secondary_only_claims_are_marked_reported(registry) -> None:
    reported = {c.token for c in registry if c.confidence == "reported"}
    assert reported == {"anthropic-ai", "Claude-Web", "CCBot", "Bytespider"}
    for token in reported:
        assert registry.get(token).confidence_note is not None
    assert registry.get("anthropic-ai").legacy and registry.get("Claude-Web").legacy


def test_lookup_is_case_insensitive(registry) -> None:
    assert registry.get("gptbot").token == "GPTBot"
    assert "CLAUDEBOT" in registry
    assert registry.get("nope") is None


def test_caveats_cover_the_honest_limits(registry) -> None:
    ids = {c.id for c in registry.caveats}
    assert {"voluntary", "user-fetch", "search", "google-extended", "subdomains", "past-training"} <= ids


def test_no_unverified_url_in_structured_data() -> None:
    files = [KNOWLEDGE / "crawlers.yaml", *sorted((KNOWLEDGE / "optout").glob("*.yaml"))]
    for path in files:
        text = path.read_text(encoding="utf-8")
        # comments may mention that a URL is unverified; data lines must not carry it
        data = "\n".join(line.split(" #", 1)[0] for line in text.splitlines() if not line.lstrip().startswith("#"))
        for url in UNVERIFIED_URLS:
            assert url not in data, f"{path.name} uses UNVERIFIED url {url}"


# ---------------------------------------------------------------- broken fixtures

NOTE = """---
id: {id}
title: T
publisher: P
url: {url}
jurisdiction: INTL
type: vendor-policy
published: living
verified: 2026-11-25
lang: en
---

Body.
"""

BROKEN = """\
verified: 2026-11-25
caveats:
  - id: x
    en: Fine.
    ja: 良い。
    sources: [no-such-note]
crawlers:
  - token: GPTBot
    operator: OpenAI
    purpose: training
    description: {en: A, ja: あ}
    robots: honours
    robots_note: {en: A, ja: あ}
    affects_search: false
    source: openai-crawlers
    url: https://developers.openai.com/api/docs/bots
    verified: 2026-11-25
  - token: gptbot
    operator: OpenAI
    purpose: training
    description: {en: A, ja: あ}
    robots: honours
    robots_note: {en: A, ja: あ}
    affects_search: false
    source: openai-crawlers
    url: https://developers.openai.com/api/docs/bots
    verified: 2026-11-25
  - token: BadBot
    operator: X
    purpose: scraping
    description: {en: A}
    robots: sometimes
    robots_note: {en: A, ja: あ}
    affects_search: true
    source: missing-note
    url: http://example.com
    verified: 2027-01-01
    colour: blue
  - token: UrlBot
    operator: OpenAI
    purpose: search
    description: {en: A, ja: あ}
    robots: honours
    robots_note: {en: A, ja: あ}
    affects_search: false
    source: openai-crawlers
    url: https://example.com/not-the-notes-url
    verified: 2026-11-25
"""


def _tmp_knowledge(tmp_path: Path, registry_text: str) -> Path:
    root = tmp_path / "k"
    (root / "en").mkdir(parents=True)
    (root / "en" / "openai-crawlers.md").write_text(
        NOTE.format(id="openai-crawlers", url="https://developers.openai.com/api/docs/bots"), encoding="utf-8"
    )
    (root / "crawlers.yaml").write_text(registry_text, encoding="utf-8")
    return root


def test_broken_registry_reports_every_problem_with_file_entry_and_field(tmp_path: Path) -> None:
    root = _tmp_knowledge(tmp_path, BROKEN)
    registry, problems = load_registry(root / "crawlers.yaml", root, TODAY)
    shown = [str(p) for p in problems]
    assert all(p.file == "crawlers.yaml" for p in problems)

    def has(field: str, words: str) -> bool:
        return any(p.field == field and words in p.message for p in problems)

    assert has("caveats[0].sources", "'no-such-note' is not the id of a note"), shown
    assert has("crawlers[1] (gptbot).token", "duplicate token"), shown
    assert has("crawlers[2] (BadBot).purpose", "'scraping' is not one of"), shown
    assert has("crawlers[2] (BadBot).robots", "'sometimes' is not one of"), shown
    assert has("crawlers[2] (BadBot).description.ja", "missing"), shown
    assert has("crawlers[2] (BadBot).search_note", "missing"), shown
    assert has("crawlers[2] (BadBot).url", "must be an https URL"), shown
    assert has("crawlers[2] (BadBot).source", "'missing-note' is not the id of a note"), shown
    assert has("crawlers[2] (BadBot).verified", "in the future"), shown
    assert has("crawlers[2] (BadBot).colour", "unknown field"), shown
    assert has("crawlers[3] (UrlBot).source", "is not the url or an also_url"), shown
    # the valid entry is still loaded
    assert registry is not None and registry.get("GPTBot") is not None


def test_unusable_registry_files(tmp_path: Path) -> None:
    root = _tmp_knowledge(tmp_path, "crawlers: [\n  - token: x\n   bad: indent\n")
    registry, problems = load_registry(root / "crawlers.yaml", root, TODAY)
    assert registry is None and "invalid YAML at line" in problems[0].message
    (root / "crawlers.yaml").write_text("- just a list\n", encoding="utf-8")
    registry, problems = load_registry(root / "crawlers.yaml", root, TODAY)
    assert registry is None and "must be a mapping" in problems[0].message
    (root / "crawlers.yaml").unlink()
    with pytest.raises(RegistryError, match="does not exist"):
        load_registry_or_raise(root, TODAY)


def test_hand_checked_crawler_tokens_name_their_vendor_s_note() -> None:
    """ "OAI-AdsBot in my logs…" is about OpenAI's crawler note: each hand-checked registry token
    becomes an alias of its source note in every language, so it is a known subject, not a name
    kenri has no source on. Tokens known only from the community list ("Spider", "Operator") are
    everyday words and name nothing."""
    from bot.knowledge.corpus import load_corpus

    corpus = load_corpus(REPO / "knowledge")
    by_id = {n.meta.id: n for n in corpus.notes}
    for note_id in ("openai-crawlers", "openai-crawlers-ja"):
        assert {"GPTBot", "OAI-AdsBot", "ChatGPT-User"} <= set(by_id[note_id].meta.aliases)
    assert "Amzn-User" in by_id["amazon-amazonbot"].meta.aliases
    every_alias = {a for n in corpus.notes for a in n.meta.aliases}
    assert "Spider" not in every_alias and "Operator" not in every_alias
