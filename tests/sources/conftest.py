"""Fixtures for the source tools: a local site on 127.0.0.1 and a knowledge folder whose notes
point at it. No other network."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.sources.server import LocalSite, SiteState

NOTE = """---
id: {id}
title: "{title}"
publisher: Example Corp
url: {url}
jurisdiction: INTL
type: vendor-policy
published: living
verified: {verified}
lang: en
{extra}---

ExampleBot is Example Corp's crawler. Creators block it from AI training with robots.txt.

## How do I stop ExampleBot from training on my site?

Disallow ExampleBot in your robots.txt; Example Corp says it reads the file again within a day.
"""


def write_note(
    knowledge: Path,
    note_id: str,
    url: str,
    verified: str = "2026-01-15",
    extra: str = "",
    newline: str = "\n",
) -> Path:
    path = knowledge / "en" / f"{note_id}.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    text = NOTE.format(id=note_id, title=f"Note {note_id}", url=url, verified=verified, extra=extra)
    path.write_bytes(text.replace("\n", newline).encode("utf-8"))
    return path


@pytest.fixture()
def site() -> Iterator[LocalSite]:
    with LocalSite(SiteState()) as s:
        yield s


@pytest.fixture()
def kdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty knowledge folder the CLI uses (KENRI_KNOWLEDGE_DIR), with its own cache."""
    k = tmp_path / "knowledge"
    (k / "en").mkdir(parents=True)
    monkeypatch.setenv("KENRI_KNOWLEDGE_DIR", str(k))
    monkeypatch.setenv("KENRI_INDEX_DIR", str(tmp_path / "state" / "index"))
    return k
