"""Answers from the fixture corpus with the real multilingual encoder."""

from __future__ import annotations

import dataclasses

import pytest

from bot.engine.answer import check_citations
from bot.errors import CitationIntegrityError, EmptyQuestionError, KenriError


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("How do I stop OpenAI from training on my website?", "fx-gptbot"),
        ("Can I copyright a picture I generated from a prompt in America?", "fx-usco"),
        ("How can I reserve text and data mining rights in Europe?", "fx-dsm"),
        ("Can AI companies use my illustrations for training in Japan?", "fx-art30-4"),
    ],
)
def test_the_right_source_comes_first(use_engine, question: str, expected: str) -> None:
    ans = use_engine.answer(question)
    assert ans.answered
    assert ans.citations[0].source_id == expected
    assert "[1]" in ans.text and "not legal advice" in ans.text


def test_citations_carry_what_a_reader_needs(use_engine) -> None:
    ans = use_engine.answer("How do I block GPTBot?")
    c = ans.citations[0]
    assert (c.n, c.source_id, c.publisher, c.jurisdiction, c.verified) == (
        1,
        "fx-gptbot",
        "OpenAI",
        "INTL",
        "2026-11-25",
    )
    assert c.url == "https://developers.openai.com/api/docs/bots"
    assert "User-agent: GPTBot" in c.quote
    assert set(ans.to_json()) == {
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
    assert set(ans.to_json()["citations"][0]) == {
        "n",
        "source_id",
        "title",
        "publisher",
        "url",
        "jurisdiction",
        "verified",
        "quote",
    }


def test_unrelated_question_is_refused_with_what_the_corpus_covers(use_engine) -> None:
    ans = use_engine.answer("What is a good recipe for chocolate cake?")
    assert not ans.answered and ans.citations == []
    assert "couldn't find" in ans.text and "Japan" in ans.text and "OpenAI" in ans.text


def test_japanese_question_gets_japanese_frame_and_japanese_passage(use_engine) -> None:
    ans = use_engine.answer("日本ではAI学習に自分のイラストを使われてしまいますか？")
    assert ans.language == "ja" and ans.answered
    assert ans.citations[0].source_id == "fx-art30-4-ja"
    assert "法的助言ではありません" in ans.text and "適用範囲" in ans.text


def test_english_question_prefers_the_english_version(use_engine) -> None:
    ans = use_engine.answer("Is there an opt-out in Japanese copyright law?")
    assert ans.citations[0].source_id == "fx-art30-4"


def test_jurisdiction_filter_keeps_that_jurisdiction_and_international(use_engine) -> None:
    ans = use_engine.answer("Can I copyright an AI image?", jurisdiction="JP")
    assert all(c.jurisdiction in {"JP", "INTL"} for c in ans.citations)
    passages = use_engine.retrieve("copyright AI training opt out", jurisdiction="EU")
    assert passages and {p.meta.jurisdiction for p in passages} <= {"EU", "INTL"}
    with pytest.raises(KenriError, match="unknown jurisdiction 'MARS'"):
        use_engine.answer("anything", jurisdiction="MARS")


def test_every_citation_points_at_a_retrieved_passage(use_engine) -> None:
    for q in ["GPTBot robots.txt", "著作権法第30条の4", "EU opt-out", "US copyright office prompts"]:
        ans = use_engine.answer(q)
        assert {c.chunk_id for c in ans.citations} <= set(ans.retrieved_ids)
        check_citations(ans)


def test_citation_check_catches_an_unretrieved_source(use_engine) -> None:
    ans = use_engine.answer("How do I block GPTBot?")
    forged = dataclasses.replace(ans, retrieved_ids=("something-else",))
    with pytest.raises(CitationIntegrityError, match="not retrieved"):
        check_citations(forged)
    dangling = dataclasses.replace(ans, text=ans.text + " [7]")
    with pytest.raises(CitationIntegrityError, match=r"\[7\]"):
        check_citations(dangling)


# emoji only (fresh-user trial 21: "🤖🎨❓🚫" got the Japanese message; emoji are wide characters)
@pytest.mark.parametrize("question", ["", "   \n\t ", "???!!!", "\u200b\u200e\u202e", "🤖🎨❓🚫"])
def test_empty_questions_get_a_clear_message(use_engine, question: str) -> None:
    with pytest.raises(EmptyQuestionError, match="Please type a question"):
        use_engine.answer(question)


def test_an_empty_question_typed_on_a_japanese_keyboard_gets_a_japanese_message(use_engine) -> None:
    with pytest.raises(EmptyQuestionError, match="質問を入力してください"):
        use_engine.answer("？？？！！…")


def test_huge_question_is_truncated_and_says_so(use_engine) -> None:
    ans = use_engine.answer("How do I block GPTBot? " + "x" * 100_000)
    assert ans.truncated and len(ans.question) <= 1000
    assert "1000 characters" in ans.notice


def test_a_long_message_keeps_the_question_at_its_end(use_engine) -> None:
    """People tell their story first and ask last: the cut keeps the message's end too (a
    fresh-user trial's 5,000-character message lost its closing question)."""
    story = "I have been drawing for years and posting everywhere. " * 100
    ans = use_engine.answer(story + "So my question: how do I block GPTBot?")
    assert ans.truncated and len(ans.question) <= 1000
    assert ans.question.startswith("I have been drawing") and ans.question.endswith("how do I block GPTBot?")
    assert ans.citations and ans.citations[0].source_id == "fx-gptbot"


def test_control_characters_are_removed(use_engine) -> None:
    ans = use_engine.answer("How do I\x00 block\x1b[31m GPTBot\u202e?")
    assert "\x00" not in ans.question and "\x1b" not in ans.question and "\u202e" not in ans.question
    assert ans.citations[0].source_id == "fx-gptbot"


@pytest.mark.parametrize(
    ("question", "phrase"),
    [
        ("Will Disney win its lawsuit against Midjourney?", "can't predict"),
        ("Should I sue the person who trained a LoRA on my art?", "talk to a lawyer"),
        (
            "What are the rules for AI training on copyrighted works in South Korea?",
            "nothing on that country's law",
        ),
        ("NYタイムズとOpenAIの裁判、どっちが勝つと思う？", "予想することはできず"),
        ("韓国の著作権法ではAI学習はどう扱われる？", "その国の法律については資料がない"),
        # the country named, then the reply, with no space between Japanese sentences
        ("韓国の著作権法ではAI学習はどう扱われる？", "韓国についてのご質問ですね。手元の"),
    ],
)
def test_predictions_personal_advice_and_uncovered_law_are_refused(use_engine, question: str, phrase: str) -> None:
    ans = use_engine.answer(question)
    assert not ans.answered and ans.citations == []
    assert phrase in ans.text


def test_a_covered_jurisdiction_keeps_a_question_in_scope(use_engine) -> None:
    ans = use_engine.answer("Does the EU text and data mining opt-out protect a Korean artist's work in Europe?")
    assert ans.answered and ans.citations[0].source_id == "fx-dsm"


def test_off_topic_question_sounding_legal_is_refused(use_engine) -> None:
    ans = use_engine.answer("Is it ok to use copyrighted songs in my YouTube video if I credit the artist?")
    assert not ans.answered


def test_rare_terms_found_in_a_passage_count_as_evidence(use_engine) -> None:
    ans = use_engine.answer("OAI-SearchBot")
    assert ans.answered and ans.citations[0].source_id == "fx-gptbot"
    assert ans.signals["keyword_coverage"] >= 0.8
