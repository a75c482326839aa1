"""The README's corpus figures are the shipped corpus's, counted the way kenri's refusal counts them.

A new note or checklist changes these numbers: update the README's "Corpus" section with it."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from bot.knowledge.corpus import load_corpus
from bot.knowledge.crawlers import load_registry_or_raise
from tests.conftest import REPO

KNOWLEDGE = REPO / "knowledge"
TODAY = dt.date(2026, 12, 1)


@pytest.fixture(scope="module")
def corpus_section() -> str:
    text = (REPO / "README.md").read_text(encoding="utf-8")
    section = text.split("\n## Corpus\n", 1)[1].split("\n## ", 1)[0]
    return re.sub(r"\s+", " ", section)  # the figures may wrap across lines


def figure(section: str, pattern: str) -> tuple[int, ...]:
    m = re.search(pattern, section)
    assert m, f"README's Corpus section no longer says {pattern!r}"
    return tuple(int(g) for g in m.groups())


@pytest.fixture(scope="module")
def sources_by_jurisdiction() -> dict[str, int]:
    """Sources (a note with its translations, or a checklist) per jurisdiction, as the index holds them."""
    corpus = load_corpus(KNOWLEDGE, today=TODAY)
    assert corpus.ok, corpus.problems
    families: dict[str, set[str]] = {}
    for note in corpus.notes:
        families.setdefault(note.meta.jurisdiction, set()).add(note.meta.family)
    return {j: len(ids) for j, ids in families.items()}


def test_readme_note_file_counts(corpus_section: str) -> None:
    en = sorted(p.stem for p in (KNOWLEDGE / "en").glob("*.md"))
    overviews = [s for s in en if s.startswith("overview-")]
    assert figure(corpus_section, r"`knowledge/en/` holds (\d+) English notes") == (len(en),)
    assert figure(corpus_section, r"and (\d+) overview notes") == (len(overviews),)
    assert figure(corpus_section, r"`knowledge/ja/` holds (\d+) Japanese versions") == (
        len(list((KNOWLEDGE / "ja").glob("*.md"))),
    )
    checklists = len(list((KNOWLEDGE / "optout").glob("*.yaml")))
    assert figure(corpus_section, r"`knowledge/optout/` holds (\d+) bilingual") == (checklists,)
    assert figure(corpus_section, r"counts (\d+) more documents than there are note files") == (checklists,)


def test_readme_source_counts_are_the_refusals(corpus_section: str, sources_by_jurisdiction: dict[str, int]) -> None:
    total, jp, us, eu, uk, intl = figure(
        corpus_section,
        r"the corpus has (\d+) sources: Japan (\d+), United States (\d+), European Union (\d+), "
        r"United Kingdom (\d+) and (\d+) international",
    )
    got = sources_by_jurisdiction
    assert (jp, us, eu, uk, intl) == (got["JP"], got["US"], got["EU"], got["UK"], got["INTL"])
    assert total == sum(got.values())
    (quoted,) = figure(corpus_section, r"My sources cover: Japan \((\d+) sources\)")
    assert quoted == got["JP"]


def test_the_refusal_counts_sources_the_same_way(sources_by_jurisdiction: dict[str, int]) -> None:
    """What the README calls a source is what the refusal's coverage line counts."""
    from bot.engine.answer import coverage_text

    corpus = load_corpus(KNOWLEDGE, today=TODAY)
    line = coverage_text([n.meta for n in corpus.notes], "en")
    for name, j in (("Japan", "JP"), ("United States", "US"), ("European Union", "EU"), ("United Kingdom", "UK")):
        assert f"{name} ({sources_by_jurisdiction[j]} sources)" in line


def test_the_refusal_names_every_covered_platform_once() -> None:
    """A fresh-user trial could not tell that pixiv, X or Sora are covered from "… Microsoft Bing
    (+10)": every platform is named, once; trial 16 could not tell Tumblr from "Automattic", so a
    platform with a checklist is named as its checklist names it, in the asker's language, without
    what its brackets add."""
    from bot.engine.answer import coverage_text

    corpus = load_corpus(KNOWLEDGE, today=TODAY)
    expected = {
        "en": ("Tumblr / WordPress.com", "X", "OpenAI Sora", "pixiv", "Meta"),
        "ja": ("Tumblr／WordPress.com", "X", "OpenAI Sora", "pixiv", "Meta"),
    }
    for language in ("en", "ja"):
        line = coverage_text([n.meta for n in corpus.notes], language)
        names = [n.strip() for n in re.split(r",|、| の", line)]
        for name in (*expected[language], "Skeb", "note", "Cara"):
            assert names.count(name) == 1, (name, line)
        # ... without what a checklist's name adds in brackets (trial 17: a wall of text)
        assert "(Facebook" not in line and "（Facebook" not in line, line
        assert "(+" not in line and "Press reports" not in line and "報道" not in line, line
        for company in ("Automattic", "Google Search Central", "X Corp.", "OpenAI Help Center"):
            assert company not in line, (company, line)


def test_readme_lists_the_platforms_the_refusal_names(corpus_section: str) -> None:
    from bot.engine.answer import coverage_text

    corpus = load_corpus(KNOWLEDGE, today=TODAY)
    listed_by_refusal = coverage_text([n.meta for n in corpus.notes], "en").split(" for ", 1)[1]
    names = listed_by_refusal.split(", ")
    listed = re.search(r"followed by every platform with opt-out steps or a policy note[^:]*: (.+?)\. ", corpus_section)
    assert listed, "the Corpus section lists the platforms"
    readme = listed.group(1).split(", ")
    assert readme == names


def test_readme_crawler_counts(corpus_section: str) -> None:
    registry = load_registry_or_raise(KNOWLEDGE, TODAY)
    community = sum(1 for c in registry if c.community)
    assert figure(
        corpus_section, r"\((\d+) hand-checked entries plus the ai\.robots\.txt community list's other (\d+)"
    ) == (
        len(registry) - community,
        community,
    )


def test_a_company_s_own_statement_is_typed_as_its_policy() -> None:
    # trial 19: Bluesky's statement on AI training was typed `statement` (the type of an industry's or
    # a government's statement), so the refusal's list of covered platforms and the README left
    # Bluesky out though kenri answers Bluesky questions
    corpus = load_corpus(KNOWLEDGE, today=TODAY)
    company = re.compile(r" (?:Inc|Corp|Co|Ltd|LLC|PBC)\.?$")
    statements = [n.meta for n in corpus.notes if n.meta.type == "statement"]
    assert statements
    assert [m.id for m in statements if company.search(m.publisher)] == []
