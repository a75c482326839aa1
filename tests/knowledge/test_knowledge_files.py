"""The shipped corpus: every note validates, and the core topics are covered in both languages."""

from __future__ import annotations

import datetime as dt

from bot.knowledge.corpus import load_corpus
from tests.conftest import REPO


def test_every_shipped_note_validates() -> None:
    corpus = load_corpus(REPO / "knowledge", today=dt.date.today())
    assert corpus.problems == [], "\n".join(map(str, corpus.problems))


def test_core_sources_are_present() -> None:
    ids = {n.meta.id for n in load_corpus(REPO / "knowledge").notes}
    core = {
        "jp-copyright-act-art30-4-47-5",
        "jp-aca-ai-copyright-general-understanding",
        "us-usco-ai-part2-copyrightability",
        "eu-dsm-directive-art3-art4",
        "openai-crawlers",
        "google-extended",
        "anthropic-crawlers",
    }
    assert core <= ids, core - ids


def test_japanese_versions_mirror_their_english_source() -> None:
    notes = load_corpus(REPO / "knowledge").notes
    by_id = {n.meta.id: n.meta for n in notes}
    ja = [m for m in by_id.values() if m.lang == "ja"]
    assert len(ja) >= 20
    for m in ja:
        en = by_id[m.translation_of]
        assert (m.url, m.jurisdiction, m.type) == (en.url, en.jurisdiction, en.type), m.id
        assert m.id == f"{en.id}-ja"
