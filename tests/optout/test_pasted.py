"""A robots.txt pasted into a question: found in the message, checked, summed up in the answer."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.knowledge.crawlers import load_registry_or_raise
from bot.optout import PastedRobots, pasted_robots, pasted_verdict
from tests.conftest import REPO

KNOWLEDGE = REPO / "knowledge"


@pytest.fixture(scope="module")
def registry():
    return load_registry_or_raise(KNOWLEDGE)


def test_groups_pasted_on_their_own_lines_or_run_together_read_the_same() -> None:
    lines = (
        "here's my robots.txt:\nUser-agent: GPTBot\nAllow: /\n\nUser-agent: *\nDisallow: /private/\n\n"
        "does this block AI?"
    )
    # a chat client, or a one-line chat prompt, joins the lines
    joined = "my robots.txt is User-agent: GPTBot Allow: / User-agent: * Disallow: /private/ does this block AI?"
    expected = "User-agent: GPTBot\nAllow: /\nUser-agent: *\nDisallow: /private/\n"
    assert pasted_robots(lines) == expected
    assert pasted_robots(joined) == expected


@pytest.mark.parametrize(
    "question",
    [
        "what does Disallow: mean in robots.txt?",  # the keys named, no group quoted
        "should I add User-agent: GPTBot to my robots.txt?",  # a group with no rule
        "how do I block GPTBot?",
        "robots.txtにDisallow:って書くと何が起きる？",
    ],
)
def test_a_question_that_only_names_the_keys_quotes_no_robots_txt(question: str, registry) -> None:
    assert pasted_robots(question) == ""
    assert pasted_verdict(question, registry) == ""


def test_a_rule_s_value_is_a_path_not_the_question_that_follows(registry) -> None:
    # "Disallow: is that enough?" is an empty rule (allow everything), then the question
    question = "User-agent: CCBot Disallow: / User-agent: * Disallow: is that enough to stop AI?"
    assert pasted_robots(question) == "User-agent: CCBot\nDisallow: /\nUser-agent: *\nDisallow: \n"
    verdict = pasted_verdict(question, registry)
    assert "blocks 1 of the" in verdict
    assert "- Blocked: CCBot." in verdict


def test_a_quote_or_backtick_around_pasted_lines_is_not_part_of_the_path(registry) -> None:
    # fresh-user check 99: 'if you add "User-agent: GPTBot Disallow: /" openai can never use your art'
    # read the path as '/"', and the verdict said GPTBot was blocked only from some paths
    question = 'saw a post saying if you add "User-agent: GPTBot Disallow: /" openai can never use your art. true?'
    assert pasted_robots(question) == "User-agent: GPTBot\nDisallow: /\n"
    assert "- Blocked: GPTBot." in pasted_verdict(question, registry)
    assert pasted_robots("add `User-agent: CCBot` then `Disallow: /`?") == "User-agent: CCBot\nDisallow: /\n"


def test_the_verdict_names_a_crawler_its_own_group_allows(registry) -> None:
    # trial 21: a robots.txt allowing GPTBot in its own group was answered with "disallow GPTBot",
    # never saying that the file allows it
    question = "User-agent: GPTBot\nAllow: /\nUser-agent: ClaudeBot\nDisallow: /\nis my art protected?"
    verdict = pasted_verdict(question, registry)
    training = sum(1 for c in registry if c.purpose == "training" and not c.community)
    assert verdict.startswith("The robots.txt in your message")
    assert f"blocks 1 of the {training} AI-training crawlers" in verdict
    assert "- Blocked: ClaudeBot." in verdict
    assert "- Allowed by a group that names them: GPTBot." in verdict
    assert "Google-Extended" in verdict.split("- Allowed, as no group names them")[1]
    assert "kenri robots check" in verdict


def test_the_verdict_is_given_in_japanese_to_a_japanese_question(registry) -> None:
    question = "User-agent: GPTBot\nUser-agent: ClaudeBot\nDisallow: /\nこれでAI学習は止まる？"
    verdict = pasted_verdict(question, registry, "ja")
    assert verdict.startswith("メッセージのrobots.txtは")
    assert "- 拒否：GPTBot、ClaudeBot" in verdict


def test_a_registry_that_does_not_load_is_named_and_nothing_else_is_lost(tmp_path: Path) -> None:
    robots = PastedRobots(tmp_path / "no-knowledge")
    assert robots.verdict("how do I block GPTBot?") == ""  # no paste: the registry is never read
    verdict = robots.verdict("User-agent: GPTBot Disallow: / ok?")
    assert verdict.startswith("The robots.txt in your message was not checked")
    assert "crawlers.yaml" in verdict


def test_the_registry_is_loaded_once_and_reused(registry) -> None:
    robots = PastedRobots(KNOWLEDGE)
    first = robots.verdict("User-agent: GPTBot Disallow: / ok?")
    loaded = robots._registry
    assert robots.verdict("User-agent: CCBot Disallow: / ok?") != first
    assert robots._registry is loaded


def test_a_hostile_paste_is_read_up_to_its_limit(registry) -> None:
    # 200,000 directives: only the first MAX_PASTED_DIRECTIVES are read (the patterns' growth on
    # long input is checked by tests/test_regex_safety.py)
    from bot.optout.pasted import MAX_PASTED_DIRECTIVES

    question = "User-agent: a Disallow: / " * 100_000
    body = pasted_robots(question)
    assert body.count("\n") == MAX_PASTED_DIRECTIVES
    assert pasted_verdict(question, registry).startswith("The robots.txt in your message")


def test_a_japanese_question_right_after_a_path_is_not_part_of_it(registry) -> None:
    # 「Disallow: /で合ってる？」: no space between the path and the question; a full-width colon
    question = "User-agent：GPTBot\nDisallow: /で合ってる？"
    assert pasted_robots(question) == "User-agent: GPTBot\nDisallow: /\n"
    assert "- 拒否：GPTBot" in pasted_verdict(question, registry, "ja")


def test_a_crawler_refused_only_some_paths_is_said_to_be_partly_blocked(registry) -> None:
    # trial 23: "Disallow: /private" under GPTBot's own group was "allowed by a group that names
    # them", where `kenri robots check` says "partly"
    verdict = pasted_verdict("User-agent: GPTBot Disallow: /private/ is my art safe?", registry)
    assert "- Blocked from some paths only, the rest of the site allowed: GPTBot." in verdict
    assert "blocks 0 of the" in verdict
    assert "Allowed by a group that names them" not in verdict
