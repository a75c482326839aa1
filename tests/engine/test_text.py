"""Cutting long text for quotes and for the model's answer (bot.engine.text.shorten)."""

from __future__ import annotations

from bot.engine.text import shorten


def test_short_text_is_kept_whole() -> None:
    assert shorten("  GPTBot is OpenAI's training crawler.  ", 100) == "GPTBot is OpenAI's training crawler."


def test_a_long_text_ends_on_a_sentence_near_the_limit() -> None:
    text = "Creators can opt out. " * 40
    cut = shorten(text, 200)
    assert cut.endswith("opt out. …") and len(cut) <= 202


def test_a_japanese_text_ends_on_a_full_stop() -> None:
    cut = shorten("学習に使われないようにできます。" * 40, 100)
    assert cut.endswith("。 …") and len(cut) <= 102


def test_a_cut_inside_a_code_block_closes_it() -> None:
    text = "Add this to robots.txt:\n\n```\n" + "User-agent: GPTBot\nDisallow: /\n" * 80 + "```"
    cut = shorten(text, 400)
    assert cut.endswith(" …\n```") and cut.count("```") == 2 and len(cut) <= 406
