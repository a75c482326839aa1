"""kenri sources add: a draft a maintainer can finish, and clear errors for pages it cannot use."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from bot.cli import main as kenri
from bot.cli.ingest import main as ingest_main
from bot.knowledge.corpus import load_corpus
from bot.sources import fingerprints as fp
from tests.sources.server import LocalSite, text_pdf

JA_TEXT = (
    "クリエイターは、robots.txtでExampleBotを拒否すると、サイトがAIの学習に使われるのを止められます。\n"
    "ルールは、ExampleBotがファイルを読み直す約1日後に有効になります。\n"
    "すでに集められたページは、以前の学習データから削除されません。"
)


def _draft(kdir: Path, name: str) -> str:
    return (kdir / "drafts" / f"{name}.md").read_text(encoding="utf-8")


def _fill(text: str, sections: str) -> str:
    text = text.replace('jurisdiction: ""', "jurisdiction: INTL").replace('type: ""', "type: vendor-policy")
    head, _, _ = text.partition("<!-- kenri:draft")
    return head + sections


SECTIONS = (
    "ExampleBot is Example Corp's crawler; creators block it from AI training with robots.txt.\n\n"
    "## How do I stop ExampleBot from training on my site?\n\n"
    "Disallow ExampleBot in robots.txt; Example Corp says the rule applies within about a day.\n"
)


def test_add_url_writes_a_draft_that_passes_check_once_filled(
    site: LocalSite, kdir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert kenri(["sources", "add", f"{site.base}/canonical/policy", "--delay", "0"]) == 0
    out = capsys.readouterr().out
    assert "knowledge/drafts/examplebot-and-ai-training-policy.md" in out
    draft = _draft(kdir, "examplebot-and-ai-training-policy")
    today = dt.date.today().isoformat()
    assert 'title: "ExampleBot and AI training (policy)"' in draft
    assert 'publisher: "Example Corp"' in draft
    assert "url: https://example.com/ai/policy\n" in draft  # from <link rel="canonical">
    assert "published: 2025-03-04\n" in draft  # the date the page states
    assert f"verified: {today}" in draft and "lang: en\n" in draft
    assert "updated 2026-10-01" in draft  # the stated update date, in the marker for the maintainer
    assert "disallowing the ExampleBot user agent" in draft  # the extracted main text
    assert "Trending" not in draft and "cookies" not in draft and "Page generated" not in draft
    stored = fp.load(kdir / "fingerprints.tsv")["examplebot-and-ai-training-policy"]
    assert stored.url == "https://example.com/ai/policy" and stored.accepted == today

    # Drafts and the fingerprints file are never ingested.
    corpus = load_corpus(kdir)
    assert corpus.notes == [] and corpus.skipped == [] and corpus.problems == []

    # Moved unfinished, the draft fails the check and says what to do.
    moved = kdir / "en" / "examplebot-and-ai-training-policy.md"
    moved.write_text(draft, encoding="utf-8")
    capsys.readouterr()
    assert ingest_main(["--check"]) != 0
    report = capsys.readouterr()
    text = report.out + report.err
    assert "jurisdiction: missing" in text and "type: missing" in text and "draft marker" in text

    # Filled in, it passes.
    moved.write_text(_fill(draft, SECTIONS), encoding="utf-8")
    assert ingest_main(["--check"]) == 0, capsys.readouterr()


def test_add_japanese_page_detects_ja(site: LocalSite, kdir: Path) -> None:
    site.state.articles["jp"] = JA_TEXT
    site.state.titles["jp"] = "ExampleBotとAI学習"
    assert kenri(["sources", "add", f"{site.base}/page/jp", "--id", "examplebot-ja", "--delay", "0"]) == 0
    draft = _draft(kdir, "examplebot-ja")
    assert "lang: ja\n" in draft and "robots.txtでExampleBotを拒否" in draft


def test_add_shift_jis_page_declared_in_meta(site: LocalSite, kdir: Path) -> None:
    site.state.articles["sjis"] = JA_TEXT
    site.state.titles["sjis"] = "ExampleBotとAI学習"
    assert kenri(["sources", "add", f"{site.base}/sjis", "--id", "examplebot-sjis", "--delay", "0"]) == 0
    draft = _draft(kdir, "examplebot-sjis")
    assert 'title: "ExampleBotとAI学習"' in draft and "すでに集められたページ" in draft and "lang: ja" in draft


def test_add_pdf_url_and_local_files(site: LocalSite, kdir: Path, tmp_path: Path) -> None:
    assert kenri(["sources", "add", f"{site.base}/doc.pdf", "--delay", "0"]) == 0
    pdf_draft = _draft(kdir, "example-ai-training-report")
    assert "training data comes from licensed sources" in pdf_draft
    local_pdf = tmp_path / "report.pdf"
    local_pdf.write_bytes(text_pdf("A local report about opting out."))
    assert kenri(["sources", "add", str(local_pdf), "--id", "local-report"]) == 0
    assert "opting out" in _draft(kdir, "local-report")
    assert 'url: ""  # TODO' in _draft(kdir, "local-report")
    md = tmp_path / "notes.md"
    md.write_text("---\nx: 1\n---\n# Guidance on AI\n\nSome guidance text.\n", encoding="utf-8")
    assert kenri(["sources", "add", str(md)]) == 0
    assert "Some guidance text." in _draft(kdir, "guidance-on-ai")
    html = tmp_path / "saved.html"
    html.write_text(
        "<html><head><title>Saved page</title></head><body><main><p>Saved text about AI "
        "training and opting out of it.</p></main></body></html>",
        encoding="utf-8",
    )
    assert kenri(["sources", "add", str(html)]) == 0
    assert "Saved text about AI" in _draft(kdir, "saved-page")
    # a page fetched from its site was read on its own page; a local file is a saved copy
    # unless the maintainer says it is the source's own document
    assert "\nchecked: primary" in pdf_draft
    assert "\nchecked: copy  # TODO" in _draft(kdir, "saved-page")


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("/gone", "HTTP 404"),
        ("/image.png", "'image/png' is not HTML or PDF"),
        ("/huge", "over the 5120 KiB limit"),
        ("/private/secret", "robots.txt does not allow the 'kenri' user agent"),
    ],
)
def test_add_errors_are_clear_and_write_nothing(
    site: LocalSite, kdir: Path, capsys: pytest.CaptureFixture[str], path: str, message: str
) -> None:
    assert kenri(["sources", "add", f"{site.base}{path}", "--delay", "0"]) == 2
    assert message in capsys.readouterr().err
    assert not (kdir / "drafts").exists() and not (kdir / "fingerprints.tsv").exists()


def test_add_refuses_unreachable_bad_files_and_taken_ids(
    site: LocalSite, kdir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert kenri(["sources", "add", "http://127.0.0.1:9/page", "--timeout", "1"]) == 2
    assert "cannot fetch" in capsys.readouterr().err
    doc = tmp_path / "notes.docx"
    doc.write_bytes(b"PK")
    assert kenri(["sources", "add", str(doc)]) == 2
    assert ".docx extension" in capsys.readouterr().err
    assert kenri(["sources", "add", str(tmp_path / "missing.html")]) == 2
    assert "no such file" in capsys.readouterr().err
    assert kenri(["sources", "add", f"{site.base}/page/a", "--id", "Bad Id"]) == 2
    assert "lowercase slug" in capsys.readouterr().err
    assert kenri(["sources", "add", f"{site.base}/page/a", "--id", "taken", "--delay", "0"]) == 0
    assert kenri(["sources", "add", f"{site.base}/page/a", "--id", "taken", "--delay", "0"]) == 2
    assert "already exists" in capsys.readouterr().err
    assert re.search(r"^taken\t", (kdir / "fingerprints.tsv").read_text(), re.M)


def test_checked_must_be_one_of_three_values(kdir: Path) -> None:
    from tests.sources.conftest import write_note

    write_note(kdir, "fine", "https://example.com/a", extra="checked: copy\n")
    write_note(kdir, "odd", "https://example.com/b", extra="checked: maybe\n")
    corpus = load_corpus(kdir)
    assert [n.meta.id for n in corpus.notes] == ["fine"]
    assert [(p.field, p.message) for p in corpus.problems] == [
        ("checked", "'maybe' is not one of primary, copy, reports")
    ]
