"""robots.txt generator and checker, TDMRep and ai.txt summaries, and the ``robots`` CLI."""

from __future__ import annotations

import datetime as dt
import gzip
import io
import json
import re
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from protego import Protego
from robotstxt import RobotsMatcher

from bot.errors import KenriError
from bot.knowledge.crawlers import load_registry_or_raise
from bot.optout import rfc9309, robots
from tests.conftest import REPO

KNOWLEDGE = REPO / "knowledge"
TRAINING = {
    "GPTBot",
    "Google-Extended",
    "ClaudeBot",
    "Applebot-Extended",
    "meta-externalagent",
    "CCBot",
    "Amazonbot",
    "Bytespider",
}
AI_SEARCH = {"OAI-SearchBot", "Claude-SearchBot", "meta-webindexer", "PerplexityBot", "Amzn-SearchBot"}
ENGINES = {"Googlebot", "Applebot"}


def n_training(registry) -> int:
    return sum(1 for c in registry if c.purpose == "training")


@pytest.fixture(scope="module")
def registry():
    return load_registry_or_raise(KNOWLEDGE, dt.date(2026, 11, 25))


def blocked_tokens(text: str, registry, path: str = "/", community: bool = False) -> set[str]:
    """Tokens Google's parser (the oracle) blocks; the hand-checked entries unless ``community``."""
    return {
        c.token
        for c in registry
        if c.community == community
        and not RobotsMatcher().is_allowed(text, c.product_token, f"https://example.com{path}")
    }


def community(registry, *purposes: str) -> set[str]:
    return {c.token for c in registry if c.community and (not purposes or c.purpose in purposes)}


# ---------------------------------------------------------------- generate


@pytest.mark.parametrize(
    ("policy", "expected"),
    [
        ("training", TRAINING),
        ("training+search", TRAINING | AI_SEARCH),
        (
            "all-ai",
            {
                "GPTBot",
                "OAI-SearchBot",
                "ChatGPT-User",
                "OAI-AdsBot",
                "Google-Extended",
                "ClaudeBot",
                "Claude-User",
                "Claude-SearchBot",
                "anthropic-ai",
                "Claude-Web",
                "Applebot-Extended",
                "meta-externalagent",
                "meta-externalfetcher",
                "meta-webindexer",
                "meta-externalads",
                "facebookexternalhit",
                "CCBot",
                "PerplexityBot",
                "Perplexity-User",
                "Bytespider",
                "Amazonbot",
                "Amzn-SearchBot",
                "Amzn-User",
            },
        ),
    ],
)
def test_generated_file_blocks_exactly_what_the_policy_says(registry, policy: str, expected: set[str]) -> None:
    text = robots.generate(policy, registry)
    assert blocked_tokens(text, registry) == expected
    assert blocked_tokens(text, registry, "/gallery/art.png") == expected
    assert not (blocked_tokens(text, registry) & ENGINES)  # search engines are never blocked
    purposes = {"training": ("training",), "training+search": ("training", "search"), "all-ai": ()}[policy]
    # every community-listed crawler of the policy's purposes is blocked too (a name sharing its
    # product token with one of them, like Brightbot / "Brightbot 1.0", is blocked with it)
    assert blocked_tokens(text, registry, community=True) >= community(registry, *purposes)
    report = robots.check(text, registry)
    assert {r.token for r in report.rows if not r.allowed and not r.crawler.community} == expected
    assert not [f for f in report.findings if f.kind == "block"]


def test_training_policy_leaves_search_and_user_fetchers_alone(registry) -> None:
    text = robots.generate("training", registry)
    for token in AI_SEARCH | ENGINES | {"ChatGPT-User", "Perplexity-User", "Claude-User"}:
        assert f"User-agent: {token}\n" not in text  # not even mentioned: they keep following the site's rules


def test_generated_header_states_the_caveats_date_and_sources(registry) -> None:
    text = robots.generate("training", registry)
    header = text.split("\n\n# ---", 1)[0]
    assert all(line.startswith("#") for line in header.splitlines())
    for words in (
        "voluntary",
        "ChatGPT-User",
        "ChatGPT search",
        "AI Overviews",
        "subdomain",
        "does not undo past training",
        "2026-11-25",
        "openai-crawlers",
        "google-extended",
    ):
        assert words in header, words
    sourced_operators = {c.operator for c in registry if not c.community}
    assert text.count("# Stops:") == len(sourced_operators) - 1  # Perplexity has no training crawler
    assert "ai.robots.txt community list" in text
    assert "# Not stopped by this file: OAI-SearchBot (search)" in text
    ja = robots.generate("training", registry, lang="ja")
    assert "# 止めるもの：GPTBot（学習）" in ja and "過去の学習は取り消されません" in ja
    assert blocked_tokens(ja, registry) == TRAINING


def test_generated_groups_explain_tokens_that_may_ignore_robots(registry) -> None:
    text = robots.generate("all-ai", registry)
    assert "# Perplexity-User: Perplexity says that, because a user requested the fetch" in text
    assert "# OAI-SearchBot: OpenAI says sites that disallow OAI-SearchBot are not shown" in text
    assert "(reported) Not listed on Anthropic's current crawler page" in text


def test_unknown_policy_is_refused(registry) -> None:
    with pytest.raises(robots.RobotsInputError, match="unknown policy 'everything'"):
        robots.generate("everything", registry)
    with pytest.raises(robots.RobotsInputError):
        robots.generate("training")  # no registry
    assert issubclass(robots.RobotsInputError, KenriError)


# ---------------------------------------------------------------- check: real-world shapes


def verdicts(report, path: bool = False) -> dict[str, bool]:
    return {r.token: (r.path_allowed if path else r.allowed) for r in report.rows}


def test_several_user_agents_in_one_group_comments_and_crlf(registry) -> None:
    text = (
        "# our robots\r\nUser-agent: GPTBot   # OpenAI\r\nUser-agent: ClaudeBot\r\nUser-agent: CCBot\r\n"
        "Disallow: /\r\n\r\nUser-agent: *\r\nDisallow: /admin/\r\n"
    )
    report = robots.check(text, registry)
    v = verdicts(report)
    assert not v["GPTBot"] and not v["ClaudeBot"] and not v["CCBot"]
    assert v["Google-Extended"] and v["OAI-SearchBot"] and v["Googlebot"]
    assert report.row("GPTBot").group == "gptbot" and report.row("Googlebot").group == "*"
    assert not report.row("Googlebot").partial  # "partly" is for a crawler's own group, not `*`
    assert report.row("GPTBot").line == 5 and report.row("Googlebot").line == 0
    assert report.lines == 8
    assert not robots.check(text, registry, path="/admin/x").row("Googlebot").path_allowed


def test_utf8_bom_does_not_hide_the_first_group(registry) -> None:
    text = "\ufeffUser-agent: GPTBot\nDisallow: /\n"
    assert Protego.parse(text).can_fetch("https://example.com/", "GPTBot")  # protego alone misses it
    for data in (text, text.encode("utf-8")):
        report = robots.check(data, registry)
        assert not report.row("GPTBot").allowed
        assert any("byte-order mark" in n.en for n in report.notices)


def test_allow_overrides_disallow_and_wildcards(registry) -> None:
    text = "User-agent: GPTBot\nDisallow: /\nAllow: /public/\n\nUser-agent: ClaudeBot\nDisallow: /*.png$\n"
    report = robots.check(text, registry, path="/public/cat.png")
    gpt, claude = report.row("GPTBot"), report.row("ClaudeBot")
    assert not gpt.allowed and gpt.path_allowed and gpt.partial
    assert claude.allowed and not claude.path_allowed and claude.partial
    assert any(f.token == "GPTBot" and "some paths" in f.text.en for f in report.findings)
    assert any(f.kind == "block" and f.token == "ClaudeBot" for f in report.findings)


def test_path_accepts_a_full_url_and_rejects_garbage(registry) -> None:
    report = robots.check("User-agent: *\nDisallow: /private/\n", registry, path="https://example.com/private/x?a=1")
    assert report.path == "/private/x?a=1" and not report.row("GPTBot").path_allowed
    with pytest.raises(robots.RobotsInputError, match="path must start"):
        robots.check("", registry, path="private")


def test_applebot_follows_googlebot_rules_when_not_named(registry) -> None:
    text = "User-agent: Googlebot\nDisallow: /\n\nUser-agent: *\nAllow: /\n"
    report = robots.check(text, registry)
    apple = report.row("Applebot")
    # RFC 9309 (Google's parser): Applebot follows `*`; Apple's own rule: it follows Googlebot
    assert apple.allowed and apple.via == "Googlebot" and apple.via_allowed is False
    assert any(f.kind == "warn" and f.token == "Applebot" and "Googlebot" in f.text.en for f in report.findings)
    named = robots.check(text + "\nUser-agent: Applebot\nAllow: /\n", registry)
    assert named.row("Applebot").allowed and not named.row("Applebot").via


def test_empty_file_allows_everything_and_suggests_the_training_block(registry) -> None:
    for data in ("", b"", "\n\n   \n"):
        report = robots.check(data, registry)
        assert all(r.allowed for r in report.rows)
        assert report.notices[0].en.startswith("The file is empty") or "No User-agent" in report.notices[0].en
        blocks = {f.token for f in report.findings if f.kind == "block"}
        assert blocks == TRAINING
    fixed = robots.check(report.snippet, registry)
    assert {r.token for r in fixed.rows if not r.allowed} == TRAINING


def test_explicitly_allowed_training_crawler_needs_its_group_changed(registry) -> None:
    report = robots.check("User-agent: GPTBot\nAllow: /\n", registry)
    finding = next(f for f in report.findings if f.token == "GPTBot")
    assert "allowed by its own group (line 1)" in finding.text.en and not finding.snippet
    assert "User-agent: GPTBot" not in report.snippet  # appending a second group would not work


def test_blocking_search_crawlers_is_warned(registry) -> None:
    report = robots.check("User-agent: OAI-SearchBot\nDisallow: /\n", registry)
    warn = next(f for f in report.findings if f.kind == "warn")
    assert warn.token == "OAI-SearchBot" and "not shown in ChatGPT search answers" in warn.text.en
    star = robots.check("User-agent: *\nDisallow: /\n", registry)
    warns = [f for f in star.findings if f.kind == "warn"]
    assert len(warns) == 1 and "Googlebot" in warns[0].text.en and "OAI-SearchBot" in warns[0].text.en
    assert star.summary()["training_blocked"] == n_training(registry)


def test_user_fetchers_blocked_but_operator_may_ignore(registry) -> None:
    report = robots.check("User-agent: Perplexity-User\nUser-agent: ChatGPT-User\nDisallow: /\n", registry)
    infos = {f.token: f.text.en for f in report.findings if f.kind == "info"}
    assert "generally ignores robots.txt" in infos["Perplexity-User"]
    assert "may not apply" in infos["ChatGPT-User"]


def test_legacy_anthropic_token_alone_is_pointed_out(registry) -> None:
    report = robots.check("User-agent: anthropic-ai\nDisallow: /\n", registry)
    claude = next(f for f in report.findings if f.token == "ClaudeBot")
    assert claude.kind == "block" and "anthropic-ai" in claude.text.en


def test_lint_findings_misspellings_unknown_lines_and_signals(registry) -> None:
    text = (
        "Disallow: /early\nUser-agent: GPTBot\nDisalow: /\nNonsense here and there\nX-Thing: 1\n"
        "Content-Signal: search=yes, ai-train=no\nContent-Usage: train-ai=n\n"
    )
    report = robots.check(text, registry)
    notes = " ".join(f.text.en for f in report.findings)
    assert "misspelt keys that Google's parser accepts (Disalow)" in notes
    assert "Lines not understood" in notes and "X-Thing" in notes
    assert "before any User-agent" in notes and "Content Signals" in notes and "Internet-Draft" in notes
    assert not report.row("GPTBot").allowed  # Google's parser accepts the misspelling


def test_html_served_as_robots_txt_is_explained(registry) -> None:
    report = robots.check("<!DOCTYPE html>\n<html><body>Not found</body></html>\n", registry)
    assert "HTML or XML page" in report.notices[0].en and all(r.allowed for r in report.rows)


def test_invalid_utf8_is_tolerated_with_a_notice(registry) -> None:
    data = "# caf\u00e9\nUser-agent: GPTBot\nDisallow: /\n".encode("latin-1")
    report = robots.check(data, registry)
    assert not report.row("GPTBot").allowed and any("not UTF-8" in n.en for n in report.notices)


# ---------------------------------------------------------------- check: limits and garbage


def test_a_500_kb_file_is_checked(registry) -> None:
    parts = ["User-agent: GPTBot\nDisallow: /\n\n"]
    i = 0
    while sum(map(len, parts)) < 500_000:
        parts.append(f"User-agent: bot{i}\nDisallow: /p{i}/\nAllow: /p{i}/*.css$\n# note {i}\n\n")
        i += 1
    parts.append("User-agent: *\nDisallow: /admin/\n")
    text = "".join(parts)
    assert 500_000 <= len(text) < rfc9309.MAX_PARSE_BYTES
    report = robots.check(text.encode(), registry, path="/admin/x")
    assert not report.row("GPTBot").allowed and report.row("ClaudeBot").allowed
    assert not report.row("ClaudeBot").path_allowed
    assert report.size_bytes == len(text)


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (bytes(range(256)) * 40, "binary data"),
        (gzip.compress(b"User-agent: *\nDisallow: /\n"), "gzip-compressed"),
        (bytes(range(1, 32)) * 50, "control bytes"),
    ],
)
def test_binary_garbage_gets_a_clear_error(registry, data, words: str) -> None:
    with pytest.raises(robots.RobotsInputError, match=words) as info:
        robots.check(data, registry)
    assert info.value.message("ja") != info.value.message("en")  # the user's language


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.one_of(st.binary(max_size=400), st.text(max_size=400)))
def test_any_input_gives_a_report_or_a_robots_input_error(registry, data) -> None:
    try:
        report = robots.check(data, registry)
    except robots.RobotsInputError:
        return
    assert len(report.rows) == len(registry)
    json.dumps(report.to_json())
    report.to_text("en")
    report.to_text("ja")


def test_report_renders_in_both_languages_and_as_json(registry) -> None:
    report = robots.check("User-agent: *\nDisallow: /private/\n", registry, path="/private/a.png")
    en, ja = report.to_text("en"), report.to_text("ja")
    assert "Token" in en and "GPTBot" in en and "/private/a.png" in en and "2026-11-25" in en
    assert "トークン" in ja and "許可" in ja and "拒否" in ja and "おすすめの変更" in ja
    data = json.loads(json.dumps(report.to_json(), ensure_ascii=False))
    assert data["summary"]["training_total"] == n_training(registry)
    row = next(r for r in data["crawlers"] if r["token"] == "GPTBot")
    assert row["allowed"] is True and row["path_allowed"] is False and row["group"] == "*"
    assert any(f["message_ja"] for f in data["findings"])


# ---------------------------------------------------------------- TDMRep and ai.txt


def test_tdmrep_summary() -> None:
    text = json.dumps(
        [
            {"location": "/images/*", "tdm-reservation": 1, "tdm-policy": "https://example.com/policy.json"},
            {"location": "/blog/*", "tdm-reservation": 0},
        ]
    )
    report = robots.check_tdmrep(text)
    assert [(r.location, r.reserved, r.policy) for r in report.rules] == [
        ("/images/*", True, "https://example.com/policy.json"),
        ("/blog/*", False, ""),
    ]
    assert report.to_json()["reserved"] == ["/images/*"]
    assert "TDM rights reserved" in report.to_text("en") and "留保" in report.to_text("ja")
    assert "only the page" in report.to_text("en")
    empty = robots.check_tdmrep(b"\xef\xbb\xbf[]")
    assert empty.rules == [] and "reserves nothing" in empty.notices[-1].en


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("", "empty"),
        ("[oops", "not valid JSON"),
        ('{"location": "/"}', "must be a JSON array of rules, not an object"),
        ('[{"location": "/", "tdm-reservation": 2}]', "'tdm-reservation' must be 0 or 1"),
        ('[{"location": "/", "tdm-reservation": true}]', "'tdm-reservation' must be 0 or 1"),
        ('[{"tdm-reservation": 1}]', "'location' is missing"),
        (
            '[{"location": "/", "tdm-reservation": 1, "tdm-policy": "policy.json"}]',
            "'tdm-policy' must be an http(s) URL",
        ),
        ('["x", 1]', "2 problem(s)"),
    ],
)
def test_tdmrep_errors_are_clear(text: str, words: str) -> None:
    with pytest.raises(robots.RobotsInputError, match=re.escape(words)):
        robots.check_tdmrep(text)


def test_ai_txt_summary() -> None:
    text = (
        "# Spawning ai.txt\r\nUser-Agent: *\r\nDisallow: *.jpg\r\nDisallow: *.png\r\nDisallow: *.mp3\r\n"
        "Disallow: *.txt\r\nAllow: *.css\r\nbogus line\r\n"
    )
    report = robots.check_ai_txt(text)
    g = report.groups[0]
    assert g.agents == ["*"] and g.disallow == ["*.jpg", "*.png", "*.mp3", "*.txt"] and g.allow == ["*.css"]
    en = report.to_text("en")
    assert "images (*.jpg, *.png)" in en and "audio (*.mp3)" in en and "Lines not understood" in en
    assert "画像" in report.to_text("ja")
    everything = robots.check_ai_txt("User-Agent: *\nDisallow: /\n")
    assert "everything (/)" in everything.to_text("en")


@pytest.mark.parametrize(
    ("data", "words"),
    [
        ("", "empty"),
        ("just some prose\nwithout directives\n", "does not look like an ai.txt"),
        (b"\x00\x01\x02", "binary"),
    ],
)
def test_ai_txt_errors_are_clear(data, words: str) -> None:
    with pytest.raises(robots.RobotsInputError, match=words):
        robots.check_ai_txt(data)


# ---------------------------------------------------------------- CLI


def run(capsys, *argv: str) -> tuple[int, str, str]:
    from bot.cli import main

    try:
        code = main(list(argv))
    except SystemExit as exc:  # argparse usage errors
        code = exc.code
    out = capsys.readouterr()
    return code, out.out, out.err


def test_cli_generate(capsys) -> None:
    code, out, _ = run(capsys, "robots", "generate")
    assert code == 0 and "User-agent: GPTBot\nDisallow: /" in out and "OAI-SearchBot\nDisallow" not in out
    code, out, _ = run(capsys, "robots", "generate", "--block", "all-ai", "--lang", "ja")
    assert code == 0 and "User-agent: ChatGPT-User" in out and "止めるもの" in out
    code, _, _ = run(capsys, "robots", "generate", "--block", "everything")
    assert code == 2


def test_cli_check_file_json_tdmrep_and_ai_txt(capsys, tmp_path: Path) -> None:
    (tmp_path / "robots.txt").write_bytes(b"\xef\xbb\xbfUser-agent: GPTBot\r\nDisallow: /\r\n")
    (tmp_path / "tdmrep.json").write_text('[{"location": "/", "tdm-reservation": 1}]', encoding="utf-8")
    (tmp_path / "ai.txt").write_text("User-Agent: *\nDisallow: *.png\n", encoding="utf-8")
    code, out, err = run(capsys, "robots", "check", str(tmp_path / "robots.txt"), "--path", "/a.png")
    assert code == 0 and "Training crawlers: 1 blocked, 0 partly, of 49" in out and "User-agent: ClaudeBot" in out, err
    code, out, _ = run(
        capsys,
        "robots",
        "check",
        str(tmp_path / "robots.txt"),
        "--tdmrep",
        str(tmp_path / "tdmrep.json"),
        "--ai-txt",
        str(tmp_path / "ai.txt"),
        "--json",
    )
    data = json.loads(out)
    assert code == 0 and set(data) == {"robots", "tdmrep", "ai_txt"}
    assert data["robots"]["summary"]["training_blocked"] == 1 and data["tdmrep"]["reserved"] == ["/"]
    code, out, _ = run(capsys, "robots", "check", "--ai-txt", str(tmp_path / "ai.txt"), "--lang", "ja")
    assert code == 0 and "画像" in out


def test_cli_check_stdin(capsys, monkeypatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"User-agent: *\nDisallow: /\n")))
    code, out, _ = run(capsys, "robots", "check", "-")
    assert code == 0 and "Training crawlers: 49 blocked, 0 partly, of 49" in out


def test_cli_check_bad_input_exits_1_without_traceback(capsys, tmp_path: Path) -> None:
    (tmp_path / "bin").write_bytes(bytes(range(256)) * 10)
    (tmp_path / "big").write_bytes(b"#" * 5000)
    (tmp_path / "bad.json").write_text("{", encoding="utf-8")
    for argv, words in [
        ((str(tmp_path / "missing.txt"),), "no such file"),
        ((str(tmp_path / "bin"),), "binary data"),
        (("--tdmrep", str(tmp_path / "big"), "--max-kib", "4"), "over the 4,096-byte limit (4 KiB)"),
        ((str(tmp_path),), "is a folder"),
        (("--tdmrep", str(tmp_path / "bad.json")), "not valid JSON"),
    ]:
        code, _, err = run(capsys, "robots", "check", *argv)
        assert code == 1 and words in err and "Traceback" not in err, (argv, err)


def test_cli_robots_usage_errors(capsys) -> None:
    assert run(capsys, "robots")[0] == 2
    code, _, err = run(capsys, "robots", "check")
    assert code == 2 and "FILE" in err
    assert run(capsys, "robots", "check", "x", "--max-kib", "0")[0] == 2


@pytest.mark.parametrize("lang", ["en", "ja"])
@pytest.mark.parametrize("as_json", [False, True])
def test_every_sample_file_gets_a_report_from_the_cli(lang: str, as_json: bool, capsys) -> None:
    """`kenri robots check FILE` prints a report for every real sample, including files that name
    crawlers the community list knows only by an undocumented purpose (Omgilibot)."""
    from bot.cli import main as kenri

    samples = sorted((REPO / "tests" / "fixtures" / "robots_samples").glob("*.txt"))
    assert samples
    for path in samples:
        argv = ["robots", "check", str(path), "--lang", lang] + (["--json"] if as_json else [])
        assert kenri(argv) in (0, 1), path.name
        out = capsys.readouterr().out
        if as_json:
            json.loads(out)
        else:
            assert "GPTBot" in out, path.name


def test_every_crawler_purpose_and_robots_stance_has_a_label() -> None:
    from bot.knowledge.crawlers import PURPOSE_LABELS, PURPOSES, ROBOTS_LABELS, ROBOTS_STANCES

    assert set(PURPOSES) <= set(PURPOSE_LABELS)
    assert set(ROBOTS_STANCES) <= set(ROBOTS_LABELS)


def _table_rows(text: str) -> dict[str, list[str]]:
    """Token -> cells of the report's table (columns are separated by two or more spaces)."""
    lines = text.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("-----")) + 1
    rows: dict[str, list[str]] = {}
    for line in lines[start:]:
        if not line.strip():
            break
        cells = re.split(r"\s{2,}", line.strip())
        rows[cells[0]] = cells
    return rows


def test_the_group_used_shows_its_lines_for_every_token() -> None:
    """Every table row names where its group is, also when no rule of the group matches "/"
    (Squarespace's Google-Extended group blocks only some paths: it had no line at all)."""
    registry = load_registry_or_raise(KNOWLEDGE)
    samples = sorted((REPO / "tests" / "fixtures" / "robots_samples").glob("*.txt"))
    checked = 0
    for path in samples:
        data = path.read_bytes()
        file_lines = data.removeprefix(b"\xef\xbb\xbf").splitlines()
        report = robots.check(data, registry)
        rows = _table_rows(report.to_text())
        for r in report.rows:
            if not r.group:
                assert r.group_lines == ()
                continue
            assert r.group_lines, f"{path.name}: {r.token} uses group {r.group!r} but no line is given"
            for n in r.group_lines:  # each is a User-agent line naming the group's token
                key, _, value = file_lines[n - 1].partition(b":")
                assert key.strip().lower() == b"user-agent", (path.name, r.token, n)
                assert rfc9309.agent_token(value.split(b"#")[0].strip()) == r.group, (path.name, r.token, n)
            if r.token in rows:
                group_cell, rule_cell = rows[r.token][4], rows[r.token][5]
                assert group_cell.startswith(f"{r.group} (L{r.group_lines[0]}"), (path.name, group_cell)
                assert rule_cell == (f"L{r.line}" if r.line else "-"), (path.name, rule_cell)
                checked += 1
    assert checked > 500

    squarespace = robots.check((REPO / "tests/fixtures/robots_samples/R09_squarespace_site.txt").read_bytes(), registry)
    row = _table_rows(squarespace.to_text())["Google-Extended"]
    assert row[3:6] == ["partly*", "google-extended (L7)", "-"]
    assert "Rule: the line that decides /" in squarespace.to_text()
    js = next(c for c in squarespace.to_json()["crawlers"] if c["token"] == "Google-Extended")
    assert js["group_lines"] == [7] and js["line"] is None


def test_merged_groups_list_each_group_line() -> None:
    registry = load_registry_or_raise(KNOWLEDGE)
    text = "User-agent: GPTBot\nDisallow: /private\n\nUser-agent: *\nAllow: /\n\nUser-agent: GPTBot\nDisallow: /\n"
    report = robots.check(text, registry)
    row = _table_rows(report.to_text())["GPTBot"]
    assert row[3:6] == ["blocked", "gptbot (L1, L7)", "L8"]
