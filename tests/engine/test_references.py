"""An answer names the sources it points to by title, never by the corpus's internal id."""

from __future__ import annotations

from bot.engine.references import name_references
from bot.knowledge import NoteMeta


def _meta(id_: str, title: str, lang: str = "en") -> NoteMeta:
    return NoteMeta(
        id=id_,
        title=title,
        publisher="P",
        url="https://example.org/",
        jurisdiction="INTL",
        type="guidance",
        published="2025",
        verified="2026-11-30",
        lang=lang,
        translation_of=id_.removesuffix("-ja") if lang == "ja" else "",
    )


DOCS = {
    m.id: m
    for m in (
        _meta("meta-crawlers", "Meta's web crawlers"),
        _meta("meta-crawlers-ja", "Metaのクローラー", "ja"),
        _meta("eu-ai-act-art53", "EU AI Act, Article 53"),
        _meta("google-extended", "Google-Extended"),
    )
}


def test_ids_in_prose_become_titles_in_the_answers_language() -> None:
    en = name_references("Block it (see meta-crawlers and eu-ai-act-art53).", DOCS, "en")
    assert en == "Block it (see “Meta's web crawlers” and “EU AI Act, Article 53”)."
    ja = name_references("（meta-crawlers-jaを参照）", DOCS, "ja")
    assert ja == "（「Metaのクローラー」を参照）"
    assert name_references("(see meta-crawlers-ja)", DOCS, "en") == "(see “Meta's web crawlers”)"


def test_code_urls_and_unknown_slugs_are_left_alone() -> None:
    text = (
        "```\nUser-agent: google-extended\nDisallow: /\n```\n"
        "Use `google-extended` or see https://example.org/meta-crawlers and meta-externalagent.\n"
        "Source: https://developers.google.com/crawling/docs/google-common-crawlers#google-extended"
    )
    assert name_references(text, DOCS, "en") == text


def test_the_sources_a_text_names_are_read_in_order_and_in_its_language() -> None:
    from bot.engine.references import referenced_sources

    docs = {
        "meta-crawlers": _meta("meta-crawlers", "Meta's web crawlers"),
        "meta-crawlers-ja": _meta("meta-crawlers-ja", "Metaのクローラー"),
        "google-extended": _meta("google-extended", "Google-Extended"),
    }
    text = "see google-extended and meta-crawlers, not `meta-crawlers` in code or https://x.example/#not-an-id"
    assert [m.id for m in referenced_sources(text, docs, "en")] == ["google-extended", "meta-crawlers"]
    assert [m.id for m in referenced_sources("meta-crawlersを参照", docs, "ja")] == ["meta-crawlers-ja"]
