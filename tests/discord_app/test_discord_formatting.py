"""Pure formatting: Discord limits hold for any input; echoes are escaped and truncated."""

from __future__ import annotations

import re

import discord
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.discord_app import formatting as f
from bot.engine.models import Answer, Citation, SeeAlso
from tests.discord_app.conftest import note

text = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=6000)
short = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=400)


@st.composite
def citations(draw):
    n = draw(st.integers(min_value=0, max_value=10))
    return [
        Citation(
            n=i + 1,
            source_id=draw(short),
            title=draw(short),
            publisher=draw(short),
            url=draw(st.one_of(st.just("https://example.org/a b(c)"), short, st.just("https://x.org/" + "p" * 3000))),
            jurisdiction=draw(st.sampled_from(["JP", "US", "EU", "UK", "INTL", "??"])),
            verified=draw(short),
            quote=draw(text),
            heading=draw(short),
        )
        for i in range(n)
    ]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(
    question=text,
    body=text,
    cits=citations(),
    notice=short,
    lang=st.sampled_from(["en", "ja"]),
    curated=st.booleans(),
    pinned_q=text,
    see=st.lists(st.tuples(short, short), max_size=3),
)
def test_answer_embeds_always_fit_discord(question, body, cits, notice, lang, curated, pinned_q, see) -> None:
    see_also = [
        SeeAlso(source_id=sid, title=title, url="https://example.org/x", jurisdiction="EU") for sid, title in see
    ]
    ans = Answer(
        question=question,
        answered=bool(cits),
        language=lang,
        text=body,
        citations=cits,
        notice=notice,
        see_also=see_also,
    )
    link = f.CuratedLink(question=pinned_q, jump_url="https://discord.com/channels/1/2/3") if curated else None
    embeds = f.answer_embeds(ans, lang=lang, question=question, index_version="v1", curated=link)
    f.check_embeds(embeds)
    assert len(embeds) == (2 if curated else 1)
    assert "@everyone" not in (embeds[0].title or "")


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(cits=citations(), lang=st.sampled_from(["en", "ja"]))
def test_quote_messages_always_fit_discord(cits, lang) -> None:
    for embeds in f.quote_messages(cits, lang=lang):
        f.check_embeds(embeds)


@settings(max_examples=200, deadline=None)
@given(value=text, limit=st.integers(min_value=0, max_value=5000))
def test_truncate_respects_the_limit(value, limit) -> None:
    out = f.truncate(value, limit)
    assert f.dlen(out) <= limit
    if f.dlen(value) <= limit:
        assert out == value


def test_truncate_cuts_cleanly_and_closes_code_fences() -> None:
    assert f.truncate("First sentence. Second sentence is long.", 30) == "First sentence. Second…"
    assert f.truncate("One. Two three four five six seven eight nine ten.", 20) == "One. Two three four…"
    out = f.truncate("Add this:\n```\nUser-agent: GPTBot\nDisallow: /\n" + "x" * 100 + "\n```", 60)
    assert out.count("```") == 2 and f.dlen(out) <= 60
    assert not f.truncate("abc\\\\\\" + "d" * 50, 6).rstrip("…").endswith("\\")


def test_dlen_counts_astral_characters_twice() -> None:
    assert f.dlen("ab") == 2 and f.dlen("日本") == 2 and f.dlen("👍") == 2


def test_echo_escapes_markdown_and_mentions_and_stays_on_one_line() -> None:
    out = f.echo("@everyone <@123456789012345678> <@&123456789012345678>\n**hi** # no\u202e", 200)
    assert "@everyone" not in out and "<@123456789012345678>" not in out and "<@&123" not in out
    assert "\n" not in out and "\\*\\*hi\\*\\*" in out and "\u202e" not in out
    assert f.dlen(f.echo("q" * 1000)) <= f.QUESTION_ECHO_MAX


def test_safe_url_encodes_markdown_breakers_and_refuses_other_schemes() -> None:
    assert f.safe_url("https://example.org/a b(c)") == "https://example.org/a%20b%28c%29"
    assert f.safe_url("javascript:alert(1)") is None
    assert f.safe_url("ftp://example.org/x") is None
    assert f.safe_url("https://例え.jp/パス") == "https://xn--r8jz45g.jp/%E3%83%91%E3%82%B9"
    assert f.safe_url("https://x.org/" + "p" * 3000) is None


def test_thread_name_has_no_mentions_and_fits() -> None:
    name = f.thread_name("<@123> @everyone " + "why " * 100)
    assert "<@" not in name and "@everyone" not in name and f.dlen(name) <= f.THREAD_NAME_MAX
    assert f.thread_name("<@123>") == "kenri"


def test_sources_page_clamps_and_shows_dates() -> None:
    metas = [note(i) for i in range(9)]
    embed, page, pages = f.sources_page(metas, 7, lang="ja")
    assert (page, pages) == (1, 2)
    assert "確認日" in embed.description and embed.footer.text == "2/2ページ · 出典9件"
    empty, page, pages = f.sources_page([], 0, lang="en", jurisdiction="UK")
    assert empty.description == "No sources for that jurisdiction." and (page, pages) == (0, 1)


def test_limits_match_discord() -> None:
    assert (f.CONTENT_MAX, f.EMBED_TITLE_MAX, f.EMBED_DESCRIPTION_MAX, f.EMBED_FIELDS_MAX) == (
        2000,
        256,
        4096,
        25,
    )
    assert (f.FIELD_NAME_MAX, f.FIELD_VALUE_MAX, f.EMBED_TOTAL_MAX) == (256, 1024, 6000)


def test_check_embeds_rejects_oversized() -> None:
    with pytest.raises(ValueError):
        f.check_embeds([discord.Embed(description="x" * 4097)])
    with pytest.raises(ValueError):
        f.check_embeds([discord.Embed(description="x" * 4000), discord.Embed(description="x" * 2001)])


URL_IN_ANSWER = re.compile(r"\[[^\]]*\]\((https?://[^)]+)\)|(?<![`(])(https?://[^\s`)]+)")


def test_links_in_model_text_stay_clickable_only_when_they_are_cited_sources() -> None:
    cited = Citation(
        n=1,
        source_id="s",
        title="T",
        publisher="P",
        url="https://example.org/docs/source-1",
        jurisdiction="INTL",
        verified="2026-11-25",
        quote="q",
    )
    body = (
        "Block it in robots.txt [1]. See [the official guide](https://evil.example/phish) or "
        "https://evil.example/raw, <https://evil.example/angle> and [the source](https://example.org/docs/source-1/)."
    )
    answer = Answer(question="q", answered=True, language="en", text=body, citations=[cited])
    description = f.answer_embeds(answer, lang="en", question="q")[0].description
    clickable = [a or b for a, b in URL_IN_ANSWER.findall(description)]
    assert clickable == ["https://example.org/docs/source-1/"]
    assert "the official guide (`https://evil.example/phish`)" in description
    assert "`https://evil.example/raw`," in description and "`https://evil.example/angle`" in description


@settings(max_examples=80, deadline=None)
@given(text)
def test_link_neutralising_never_leaves_an_uncited_link_clickable(body) -> None:
    out = f.neutralise_links(body + " https://evil.example/x [a](https://evil.example/y)", [])
    assert "](https://evil.example" not in out
    assert "`https://evil.example/x`" in out


def test_see_also_is_an_unnumbered_field_of_links() -> None:
    cit = Citation(
        n=1,
        source_id="a",
        title="A",
        publisher="P",
        url="https://a.example/",
        jurisdiction="INTL",
        verified="2026-11-30",
        quote="q",
    )
    ans = Answer(
        question="q",
        answered=True,
        language="en",
        text="Text [1]",
        citations=[cit],
        see_also=[SeeAlso(source_id="b", title="Other source", url="https://b.example/", jurisdiction="EU")],
    )
    embed = f.answer_embeds(ans, lang="en", question="q")[0]
    names = [field.name for field in embed.fields]
    assert names[-1] == "See also" and "[Other source](https://b.example/)" in embed.fields[-1].value
    assert not any(n.startswith("[2]") for n in names)


def test_the_verdict_on_a_pasted_robots_txt_leads_the_answer() -> None:
    answer = Answer(
        question="User-agent: GPTBot Allow: / ok?",
        answered=True,
        language="en",
        text="Disallow GPTBot to keep your site out of OpenAI's training.",
        robots_check="The robots.txt in your message, read as Google's parser reads it (RFC 9309), "
        "blocks 0 of the 8 AI-training crawlers kenri lists.",
    )
    description = f.answer_embeds(answer, lang="en", question="q")[0].description
    assert description.startswith("The robots.txt in your message")
    assert description.index("blocks 0 of the 8") < description.index("Disallow GPTBot")
