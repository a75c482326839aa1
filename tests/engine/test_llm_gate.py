# ruff: noqa: F811 - the fixtures imported from test_llm are redefined as parameters
"""The model's answer passes the same gate as a corpus passage, and a hostile model cannot stall
the event loop or leak a thread or connection: every finding of the hostile-model review."""

from __future__ import annotations

import asyncio
import logging
import threading
import time
from pathlib import Path

import pytest

from bot.engine import Engine
from bot.engine.llm import LanguageDetector, check_model_answer
from tests.engine.test_llm import (  # noqa: F401 - fixtures
    GPTBOT_Q,
    FakeOpenAI,
    Reply,
    _writer,
    extractive,
    fake_openai,
    llm_engine,
)
from tests.reliability.hostile import HOSTILE_QUESTIONS, HOSTILE_REPLIES, ScriptedChat, run_with_lag_probe

HOSTILE = {k: v for k, v in HOSTILE_REPLIES.items() if v[2] is not None}
FINE = {k: v for k, v in HOSTILE_REPLIES.items() if v[2] is None}


@pytest.mark.parametrize("name", list(HOSTILE))
def test_a_hostile_reply_falls_back_with_the_reason_logged(
    name: str,
    llm_engine: Engine,
    extractive: Engine,
    fake_openai: FakeOpenAI,
    caplog: pytest.LogCaptureFixture,
) -> None:
    question, reply, reason = HOSTILE[name]
    fake_openai.script(Reply(reply))
    with caplog.at_level(logging.WARNING):
        ans = llm_engine.answer(question)
    assert ans.text == extractive.answer(question).text
    assert reason in caplog.text, caplog.text


@pytest.mark.parametrize("name", list(FINE))
def test_a_good_reply_is_used(name: str, llm_engine: Engine, extractive: Engine, fake_openai: FakeOpenAI) -> None:
    question, reply, _ = FINE[name]
    fake_openai.script(Reply(reply))
    ans = llm_engine.answer(question)
    assert ans.text != extractive.answer(question).text
    assert reply.split("[1]")[0].strip()[:20] in ans.text


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        (
            "See [1] and https://developers.openai.com/api/docs/bots for the list.",
            None,
        ),  # the cited source's URL
        ('Add `<meta name="tdm-reservation" content="1">` to the page [1].', None),  # quoted from the passage
        ('Add <meta name="tdm-reservation" content="1"> to the page [1].', "HTML"),  # not as code
        ("Add `<script>alert(1)</script>` to the page [1].", "HTML"),  # code, but not in the passage
        ("This is not legal advice; block GPTBot [1].", None),
        ("Block GPTBot [1]. None of this is legal advice.", None),
        ("As your lawyer, I say block GPTBot [1].", "legal advice"),
        ("Block GPTBot [1][2][3].", "outside [1]..[2]"),
        ("Block GPTBot.", "cites no passage"),
    ],
)
def test_check_model_answer(text: str, reason: str | None) -> None:
    got = check_model_answer(
        text,
        language="en",
        n_cited=2,
        cited_urls=["https://developers.openai.com/api/docs/bots"],
        cited_texts=['Declare it with <meta name="tdm-reservation" content="1"> in the page head.'],
        detector=LanguageDetector(),
    )
    assert (got is None) if reason is None else (got is not None and reason in got), got


@pytest.mark.parametrize(
    ("text", "ok"),
    [
        ("robots.txtでGPTBotをDisallowします[1]。", True),  # Japanese prose around Latin crawler names
        ("User-agent: GPTBot と Disallow: / を robots.txt に書きます[1]。", True),
        ("在日本，原则上可以在未经许可的情况下将作品用于人工智能学习[1]。", False),  # Chinese: no kana
        ("Add a GPTBot group with Disallow: / to robots.txt [1].", False),  # English
    ],
)
def test_a_japanese_answer_may_name_crawlers_in_latin_script(text: str, ok: bool) -> None:
    got = check_model_answer(text, language="ja", n_cited=1, cited_urls=[], detector=LanguageDetector())
    assert (got is None) is ok, got


def _llm_threads() -> int:
    return sum(1 for t in threading.enumerate() if t.name.startswith("kenri-llm"))


def _settle(fake: FakeOpenAI, seconds: float = 2.0) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and (_llm_threads() or fake.active):
        time.sleep(0.05)


@pytest.mark.parametrize(
    "reply",
    [
        Reply("Block GPTBot [1]. ", endless=True, chunk_chars=4),  # never ends, fast: stopped at the reply cap
        Reply("", stall=True),  # headers, then nothing
    ],
    ids=["endless", "stalled"],
)
def test_a_never_ending_reply_leaks_no_thread_and_no_connection(
    reply: Reply, use_index: Path, use_embeddings, extractive: Engine, fake_openai: FakeOpenAI
) -> None:
    engine = Engine(index_dir=use_index, embeddings=use_embeddings, llm=_writer(fake_openai, timeout=1.5))
    try:
        fake_openai.script(reply)
        t0 = time.perf_counter()
        ans = engine.answer(GPTBOT_Q)
        elapsed = time.perf_counter() - t0
        _settle(fake_openai)
        assert _llm_threads() == 0, "a model thread outlived its question"
        assert fake_openai.active == 0, "the connection to the model outlived its question"
    finally:
        engine.close()
    assert elapsed < 1.5 + 1.5, elapsed
    assert ans.text == extractive.answer(GPTBOT_Q).text or "[1]" in ans.text


def test_a_trickling_reply_ends_at_the_deadline(use_index: Path, use_embeddings, fake_openai: FakeOpenAI) -> None:
    """A byte every 50 ms resets a read timeout for ever; the total deadline still holds."""
    engine = Engine(index_dir=use_index, embeddings=use_embeddings, llm=_writer(fake_openai, timeout=1.0))
    try:
        fake_openai.script(
            Reply(
                "Block GPTBot in robots.txt to keep OpenAI away [1]. " * 200,
                chunk_chars=1,
                endless=True,
                trickle=0.05,
            )
        )
        t0 = time.perf_counter()
        engine.answer(GPTBOT_Q)
        assert time.perf_counter() - t0 < 2.5
        _settle(fake_openai)
        assert _llm_threads() == 0 and fake_openai.active == 0
    finally:
        engine.close()


def test_no_event_loop_stall_under_hostile_replies_and_questions(use_index: Path, use_embeddings) -> None:
    """The loop-lag probe: each hostile reply through the engine and writer, each hostile question
    at the longest allowed length, in a worker thread as the bot runs them. Before the fixes one
    reply stalled the loop 8-42 s and one question 226 s. The figure (target < 100 ms) is printed
    by ``python -m tests.reliability``; this test fails only on a stall a user would notice."""
    from bot.engine.llm import LLMWriter

    writer = LLMWriter(base_url="http://127.0.0.1:9/v1", model="scripted", timeout=5, chat_model=ScriptedChat(""))
    engine = Engine(index_dir=use_index, embeddings=use_embeddings, llm=writer, max_question_chars=100_000)
    try:
        calls = []
        for question, reply, _ in HOSTILE_REPLIES.values():

            def call(question: str = question, reply: str = reply) -> object:
                writer._chat = ScriptedChat(reply)
                return engine.answer(question)

            calls.append(call)
        calls += [lambda q=q: engine.answer(q) for q in HOSTILE_QUESTIONS.values()]
        results, lag = asyncio.run(run_with_lag_probe(calls))
    finally:
        engine.close()
    from bot.errors import EmptyQuestionError

    assert not [r for r in results if isinstance(r, Exception) and not isinstance(r, EmptyQuestionError)]
    assert lag.worst_ms < 1000, f"event loop stalled {lag.worst_ms:.0f} ms"


def test_the_gate_passes_every_prose_paragraph_of_the_corpus_in_its_language() -> None:
    """No false refusals on real text: each prose paragraph of knowledge/, cited as [1] with its
    note's URLs, passes the gate in the note's language (756 paragraphs when written)."""
    from bot.knowledge.corpus import load_corpus
    from tests.conftest import REPO

    detector = LanguageDetector()
    refused, checked = [], 0
    for note in load_corpus(REPO / "knowledge").notes:
        for para in note.body.split("\n\n"):
            p = para.strip()
            if len(p) < 80 or p.startswith(("#", "|", "```", "-", "*", ">")):
                continue
            checked += 1
            reason = check_model_answer(
                p[:900] + " [1]",
                language=note.meta.lang,
                n_cited=1,
                cited_urls=[note.meta.url, *note.meta.also_urls],
                cited_texts=[note.body],
                detector=detector,
            )
            if reason:
                refused.append(f"{note.path}: {reason}")
    assert checked > 300
    assert not refused, refused[:5]
