"""30+ malformed knowledge files, generated in tmp_path: each is rejected, skipped or sanitised with
a message naming the file and the reason; limits are checked before parsing; nothing outside
knowledge/ is read; hidden HTML text never reaches a chunk; the published index is untouched."""

from __future__ import annotations

import datetime as dt
import json
import pathlib
import time
import tracemalloc
from pathlib import Path

import pytest

from bot.knowledge.corpus import Limits, load_corpus
from tests.conftest import build
from tests.reliability.badinputs import HIDDEN_HTML, HIDDEN_MARKERS, HUGE_BYTES, bomb_pdf, good_meta, try_bad_inputs

TODAY = dt.date(2026, 11, 25)


def published_bytes(index: Path) -> dict[str, bytes]:
    current = (index / "CURRENT").read_text().strip()
    return {
        "CURRENT": (index / "CURRENT").read_bytes(),
        "HISTORY": (index / "HISTORY.json").read_bytes(),
        "manifest": (index / "versions" / current / "manifest.json").read_bytes(),
        "chunks": (index / "versions" / current / "chunks.jsonl").read_bytes(),
        "versions": "\n".join(sorted(p.name for p in (index / "versions").iterdir())).encode(),
    }


def test_every_bad_input_is_named_with_its_reason_and_the_index_is_untouched(
    knowledge: Path, tmp_path: Path, hashing_embeddings
) -> None:
    index = tmp_path / "index"
    assert build(knowledge, index, hashing_embeddings).published
    before = published_bytes(index)

    result = try_bad_inputs(knowledge, tmp_path / "outside")
    print(json.dumps(result.summary(), indent=1))
    for key, message in result.messages.items():
        print(f"{key:28} {message}")
    assert result.tried >= 20
    assert result.failures == []
    assert len(result.messages) == result.tried  # every case got its message
    for case in result.cases:  # ... naming the file, with the reason
        assert result.messages[case.key].startswith(case.file + ":"), (case.key, result.messages[case.key])
    assert result.forbidden_reads == []  # nothing outside knowledge/, no 50 MB file, no FIFO
    assert result.files_read > 20  # (reads were recorded)
    assert result.hidden_leaks == []

    report = build(knowledge, index, hashing_embeddings)
    assert not report.published and not report.ok
    assert len(report.problems) >= result.tried - 2  # the sanitised and skipped ones are not problems
    assert "nothing was written, the published index is unchanged" in report.summary()
    assert published_bytes(index) == before


def test_size_limit_is_checked_from_stat_before_reading(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    big = tmp_path / "k" / "en" / "huge.md"
    big.parent.mkdir(parents=True)
    with open(big, "wb") as fh:
        fh.truncate(HUGE_BYTES)  # sparse 50 MB
    side = tmp_path / "k" / "big.html"
    with open(side, "wb") as fh:
        fh.truncate(HUGE_BYTES)
    (tmp_path / "k" / "big.html.meta.yaml").write_text(good_meta("big-html"), encoding="utf-8")
    read: list[str] = []
    real = pathlib.Path.read_bytes

    def spy(self: pathlib.Path) -> bytes:
        read.append(self.name)
        return real(self)

    monkeypatch.setattr(pathlib.Path, "read_bytes", spy)
    t0 = time.perf_counter()
    problems = [str(p) for p in load_corpus(tmp_path / "k", today=TODAY).problems]
    assert time.perf_counter() - t0 < 2
    assert "huge.md" not in read and "big.html" not in read
    assert problems == [
        "big.html: file is 50.0 MB, over the 5.0 MB limit",
        "en/huge.md: file is 50.0 MB, over the 5.0 MB limit",
    ]


def test_pdf_bomb_is_refused_before_text_extraction_in_little_memory(tmp_path: Path, monkeypatch) -> None:
    from pypdf import PageObject

    data = bomb_pdf()
    assert len(data) < 2 * 2**20  # a small file...
    (tmp_path / "bomb.pdf").write_bytes(data)
    (tmp_path / "bomb.pdf.meta.yaml").write_text(good_meta("bomb"), encoding="utf-8")

    def no_extraction(*args, **kwargs):
        raise AssertionError("text extraction must not start on a decompression bomb")

    monkeypatch.setattr(PageObject, "extract_text", no_extraction)
    tracemalloc.start()
    try:
        problems = [str(p) for p in load_corpus(tmp_path, today=TODAY).problems]
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert problems == [
        "bomb.pdf: page content inflates to over 32 MB (a decompression bomb?); refused before text extraction"
    ]
    assert peak < 40 * 2**20, f"peak {peak / 2**20:.0f} MB"  # ...that inflates to 256 MB


def test_page_limit_is_checked_before_text_extraction(tmp_path: Path, monkeypatch) -> None:
    from pypdf import PageObject

    from tests.reliability.badinputs import pages_pdf

    (tmp_path / "long.pdf").write_bytes(pages_pdf(4))
    (tmp_path / "long.pdf.meta.yaml").write_text(good_meta("long"), encoding="utf-8")
    monkeypatch.setattr(PageObject, "extract_text", lambda *a, **k: pytest.fail("extracted"))
    problems = [str(p) for p in load_corpus(tmp_path, Limits(max_pdf_pages=3), today=TODAY).problems]
    assert problems == ["long.pdf: 4 pages, over the 3-page limit"]


def test_hidden_html_text_never_reaches_a_chunk(knowledge: Path, tmp_path: Path, hashing_embeddings) -> None:
    (knowledge / "en" / "page.html").write_text(HIDDEN_HTML.format(id="page-html"), encoding="utf-8")
    (knowledge / "en" / "page.html.meta.yaml").write_text(good_meta("page-html"), encoding="utf-8")
    index = tmp_path / "index"
    report = build(knowledge, index, hashing_embeddings)
    assert report.published, report.summary()
    assert "sanitised en/page.html: removed text a reader never sees" in report.summary()
    current = (index / "CURRENT").read_text().strip()
    chunks = (index / "versions" / current / "chunks.jsonl").read_text(encoding="utf-8")
    assert "Visible guidance: disallow the crawler" in chunks
    for marker in HIDDEN_MARKERS:
        assert marker not in chunks
    assert "@everyone" not in chunks and "ignore previous instructions" not in chunks


def test_symlinked_sidecar_outside_is_not_read(tmp_path: Path) -> None:
    outside = tmp_path / "outside.meta.yaml"
    outside.write_text(good_meta("stolen"), encoding="utf-8")
    k = tmp_path / "k"
    k.mkdir()
    (k / "doc.txt").write_text("Text whose metadata lives elsewhere.", encoding="utf-8")
    (k / "doc.txt.meta.yaml").symlink_to(outside)
    corpus = load_corpus(k, today=TODAY)
    assert [str(p) for p in corpus.problems] == [
        "doc.txt.meta.yaml: symlink points outside the knowledge folder; refused"
    ]
    assert corpus.notes == []
