"""Validation of knowledge files: every problem is reported at once, with file and field."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from bot.knowledge.corpus import Limits, load_corpus
from bot.knowledge.extract import html_to_markdown

GOOD = """---
id: {id}
title: "A title"
publisher: Someone
url: https://example.org/page
jurisdiction: JP
type: guidance
published: 2024-03
verified: 2026-11-25
lang: en
---

## A question?

An answer that is long enough to index.
"""


def write(dir_: Path, name: str, text: str | bytes) -> Path:
    path = dir_ / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def problems_of(dir_: Path, **kw) -> list[str]:
    return [str(p) for p in load_corpus(dir_, today=dt.date(2026, 11, 25), **kw).problems]


def test_fixture_corpus_is_valid(knowledge: Path) -> None:
    corpus = load_corpus(knowledge)
    assert corpus.problems == []
    assert {n.meta.id for n in corpus.notes} >= {"fx-gptbot", "fx-art30-4", "fx-art30-4-ja"}


def test_every_problem_is_reported_at_once_with_file_and_field(tmp_path: Path) -> None:
    write(tmp_path, "a.md", GOOD.format(id="ok-note"))
    write(tmp_path, "b.md", GOOD.format(id="b").replace("jurisdiction: JP", "jurisdiction: FR"))
    write(tmp_path, "c.md", GOOD.format(id="c").replace("verified: 2026-11-25", "verified: 2027-01-01"))
    write(tmp_path, "d.md", GOOD.format(id="d").replace("published: 2024-03", "published: 2024-02-30"))
    write(tmp_path, "e.md", GOOD.format(id="e").replace("url: https://example.org/page", "url: not a url"))
    write(tmp_path, "f.md", GOOD.format(id="f").replace("publisher: Someone\n", ""))
    write(tmp_path, "g.md", GOOD.format(id="g").replace("lang: en", "lang: en\nverfied: 2026-01-01"))
    problems = problems_of(tmp_path)
    assert len(problems) == 6, problems
    assert any(p.startswith("b.md: jurisdiction:") and "'FR'" in p for p in problems)
    assert any(p.startswith("c.md: verified:") and "future" in p for p in problems)
    assert any(p.startswith("d.md: published:") and "not a real date" in p for p in problems)
    assert any(p.startswith("e.md: url:") for p in problems)
    assert any(p == "f.md: publisher: missing" for p in problems)
    assert any(p.startswith("g.md: verfied:") and "unknown field" in p for p in problems)


def test_duplicate_ids_name_both_files(tmp_path: Path) -> None:
    write(tmp_path, "one.md", GOOD.format(id="same"))
    write(tmp_path, "two.md", GOOD.format(id="same"))
    (problem,) = problems_of(tmp_path)
    assert "two.md: id: duplicate id 'same'" in problem and "one.md" in problem


def test_translation_must_point_to_an_english_note(tmp_path: Path) -> None:
    ja = GOOD.format(id="x-ja").replace("lang: en", "lang: ja\ntranslation_of: missing-note")
    write(tmp_path, "x-ja.md", ja)
    assert problems_of(tmp_path) == ["x-ja.md: translation_of: 'missing-note' is not the id of any note"]


def test_unreadable_files_are_reported_not_raised(tmp_path: Path) -> None:
    write(tmp_path, "latin1.md", GOOD.format(id="l").replace("Someone", "Soci\xe9t\xe9").encode("latin-1"))
    write(tmp_path, "binary.md", b"\x00\x01\x02garbage")
    write(tmp_path, "nofm.md", "# Just a heading\n\ntext\n")
    write(tmp_path, "badyaml.md", "---\nid: [unclosed\n---\nbody\n")
    write(tmp_path, "empty.md", GOOD.format(id="empty").split("## A question?")[0])
    problems = problems_of(tmp_path)
    assert any(p.startswith("latin1.md:") and "not UTF-8" in p for p in problems)
    assert any(p.startswith("binary.md:") and "binary" in p for p in problems)
    assert any(p.startswith("nofm.md: front matter: missing") for p in problems)
    assert any(p.startswith("badyaml.md: front matter: invalid YAML") for p in problems)
    assert any(p == "empty.md: body: empty: a note needs text to index" for p in problems)


def test_size_limit_is_checked_before_reading(tmp_path: Path) -> None:
    write(tmp_path, "big.md", GOOD.format(id="big") + "x" * 5000)
    problems = problems_of(tmp_path, limits=Limits(max_file_bytes=1000))
    assert len(problems) == 1 and "over the" in problems[0] and problems[0].startswith("big.md")


def test_sidecar_formats_and_missing_sidecar(tmp_path: Path) -> None:
    meta = GOOD.format(id="page").split("---")[1]
    write(tmp_path, "page.html", "<html><body><h2>Can I opt out?</h2><p>Yes, visible text.</p></body></html>")
    write(tmp_path, "page.html.meta.yaml", meta)
    write(tmp_path, "plain.txt", "Plain text body.")
    corpus = load_corpus(tmp_path, today=dt.date(2026, 11, 25))
    assert [str(p) for p in corpus.problems] == ["plain.txt: missing metadata: add plain.txt.meta.yaml beside it"]
    (note,) = corpus.notes
    assert "## Can I opt out?" in note.body and "visible text" in note.body


def test_hidden_html_never_reaches_the_text() -> None:
    html = """<html><head><title>t</title><style>.x{}</style></head><body>
    <p>Shown.</p><script>alert('secret1')</script><div hidden>secret2</div>
    <span style="display: none">secret3</span><p aria-hidden="true">secret4</p>
    <noscript>secret5</noscript><!-- secret6 --><p style="visibility:hidden">secret7</p></body></html>"""
    text = html_to_markdown(html)
    assert "Shown." in text
    for i in range(1, 8):
        assert f"secret{i}" not in text


def test_symlink_outside_the_corpus_is_refused(tmp_path: Path) -> None:
    outside = tmp_path / "outside.md"
    outside.write_text(GOOD.format(id="outside"), encoding="utf-8")
    corpus_dir = tmp_path / "k"
    corpus_dir.mkdir()
    (corpus_dir / "link.md").symlink_to(outside)
    assert problems_of(corpus_dir) == ["link.md: symlink points outside the knowledge folder; refused"]


def test_unsupported_and_readme_files_are_skipped_with_a_reason(tmp_path: Path) -> None:
    write(tmp_path, "a.md", GOOD.format(id="a"))
    write(tmp_path, "README.md", "# about this folder")
    write(tmp_path, "notes.docx", b"PK\x03\x04")
    corpus = load_corpus(tmp_path, today=dt.date(2026, 11, 25))
    assert corpus.problems == []
    assert dict(corpus.skipped) == {
        "README.md": "knowledge/README.md is documentation, not a note",
        "notes.docx": "unsupported file type .docx",
    }


def _text_pdf(text: str) -> bytes:
    """A minimal one-page PDF whose page shows ``text`` (built by hand: pypdf cannot set text)."""
    stream = f"BT /F1 12 Tf 72 712 Td ({text}) Tj ET".encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def test_pdf_with_sidecar_is_loaded_as_text(tmp_path: Path) -> None:
    write(tmp_path, "report.pdf", _text_pdf("Blocking GPTBot stops OpenAI training crawls."))
    write(tmp_path, "report.pdf.meta.yaml", GOOD.format(id="report").split("---")[1])
    corpus = load_corpus(tmp_path, today=dt.date(2026, 11, 25))
    assert corpus.problems == []
    (note,) = corpus.notes
    assert note.meta.id == "report" and "Blocking GPTBot stops OpenAI training crawls." in note.body


def test_too_many_pdf_pages_is_refused(tmp_path: Path) -> None:
    write(tmp_path, "report.pdf", _text_pdf("one page"))
    write(tmp_path, "report.pdf.meta.yaml", GOOD.format(id="report").split("---")[1])
    problems = problems_of(tmp_path, limits=Limits(max_pdf_pages=0))
    assert problems == ["report.pdf: 1 pages, over the 0-page limit"]
