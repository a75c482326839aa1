"""Small findings of the hostile-input review: a non-UTF-8 line in an ``ask --file`` batch, a
symlink loop in knowledge/, and a note that splits into many near-identical passages."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from bot.cli import main as kenri
from bot.cli.ingest import main as ingest_main
from bot.errors import KenriError
from bot.knowledge.corpus import load_corpus
from tests.conftest import build


@pytest.fixture()
def cli_env(monkeypatch: pytest.MonkeyPatch, knowledge: Path, tmp_path: Path) -> Path:
    monkeypatch.setenv("KENRI_KNOWLEDGE_DIR", str(knowledge))
    monkeypatch.setenv("KENRI_INDEX_DIR", str(tmp_path / "cli-index"))
    monkeypatch.setenv("KENRI_EMBEDDING_MODEL", "hashing")
    return tmp_path


def test_a_bad_line_in_a_batch_is_that_lines_error(cli_env: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert ingest_main(["--no-progress"]) == 0
    capsys.readouterr()
    qfile = cli_env / "q.txt"
    qfile.write_bytes(
        b"How do I block GPTBot?\n" + b"caf\xe9 latin-1 line\n" + "日本ではAI学習に作品を使われる？\n".encode()
    )
    assert kenri(["ask", "--file", str(qfile), "--json"]) == 0
    lines = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    assert len(lines) == 3, lines
    assert lines[0]["question"] == "How do I block GPTBot?" and "answered" in lines[0]
    assert lines[1] == {
        "line": 2,
        "error": "line 2 is not UTF-8 (byte 4 of the line); save the file as UTF-8",
    }
    assert lines[2]["language"] == "ja"


def test_a_missing_batch_file_is_a_clear_error(cli_env: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert ingest_main(["--no-progress"]) == 0
    assert kenri(["ask", "--file", str(cli_env / "nope.txt")]) == 2
    assert "cannot read --file" in capsys.readouterr().err


def test_a_symlink_loop_in_knowledge_is_a_problem_not_a_traceback(knowledge: Path) -> None:
    os.symlink("b.md", knowledge / "en" / "a.md")
    os.symlink("a.md", knowledge / "en" / "b.md")
    corpus = load_corpus(knowledge)
    problems = [str(p) for p in corpus.problems]
    assert "en/a.md: symlink loop (the link leads back to itself); remove or fix it" in problems
    assert "en/b.md: symlink loop (the link leads back to itself); remove or fix it" in problems


def test_a_note_of_near_identical_passages_is_named(knowledge: Path, tmp_path: Path, hashing_embeddings) -> None:
    text = (knowledge / "en" / "fx-gptbot.md").read_text(encoding="utf-8")
    front = text.split("---\n")[1].replace("id: fx-gptbot", "id: fx-flood")
    para = "Disallow GPTBot in robots.txt to stop OpenAI from crawling your site for training.\n\n"
    body = "".join(f"## Part {i}\n\n{para}" for i in range(200))
    (knowledge / "en" / "fx-flood.md").write_text(f"---\n{front}---\n{body}", encoding="utf-8")
    with pytest.raises(KenriError, match=r"^en/fx-flood\.md: (\d+) of its \1 passages are near-identical"):
        build(knowledge, tmp_path / "index", hashing_embeddings)
    assert not (tmp_path / "index" / "CURRENT").exists()
