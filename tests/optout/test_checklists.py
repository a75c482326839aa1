"""Per-platform opt-out checklists: validation, rendering, lookup, indexing and the CLI."""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
from pathlib import Path

import pytest

from bot.knowledge import checklists as cl_data
from bot.knowledge.corpus import load_corpus
from bot.knowledge.crawlers import load_registry_or_raise
from bot.knowledge.schema import DOC_TYPES
from bot.optout import MAX_RENDER_CHARS, render
from tests.conftest import REPO

KNOWLEDGE = REPO / "knowledge"
TODAY = dt.date.today()  # shipped checklists may be verified up to today
PLATFORMS = {
    "openai",
    "sora",
    "google",
    "anthropic",
    "meta",
    "apple",
    "commoncrawl",
    "perplexity",
    "amazon",
    "x-grok",
    "linkedin",
    "adobe",
    "deviantart",
    "artstation",
    "spawning",
    "cloudflare",
    "midjourney",
    "bytedance",
    "pixiv",
    "tumblr-wordpress",
    "glaze-nightshade",
}


@pytest.fixture(scope="module")
def checklists() -> list[cl_data.Checklist]:
    registry = load_registry_or_raise(KNOWLEDGE, TODAY)
    loaded, problems = cl_data.load_checklists(KNOWLEDGE, TODAY, registry)
    assert [str(p) for p in problems] == []
    return loaded


def by_id(checklists: list[cl_data.Checklist], platform: str) -> cl_data.Checklist:
    return next(c for c in checklists if c.platform == platform)


# ---------------------------------------------------------------- validation


def test_every_platform_has_a_valid_checklist(checklists) -> None:
    assert {c.platform for c in checklists} == PLATFORMS
    for c in checklists:
        assert "2026-11-25" <= c.verified <= TODAY.isoformat()  # a real check date, never in the future
        assert c.primary_url.startswith("https://")
        assert c.steps, c.platform
        for step in c.steps:
            for text in (step.title, step.question, step.text, step.covers, step.not_covers):
                assert text.en and text.ja


def test_robots_lines_in_checklists_are_registry_tokens(checklists) -> None:
    registry = load_registry_or_raise(KNOWLEDGE, TODAY)
    for c in checklists:
        for step in c.steps:
            for token in re.findall(r"^User-agent:\s*(\S+)", step.code, re.M):
                assert token in registry, (c.platform, token)


def test_key_steps_keep_labels_and_robots_lines_verbatim(checklists) -> None:
    openai_steps = {s.id: s for s in by_id(checklists, "openai").steps}
    assert openai_steps["block-gptbot"].code == "User-agent: GPTBot\nDisallow: /"
    assert "`Improve the model for everyone`" in openai_steps["chatgpt-data-controls"].text.ja
    claude = {s.id: s for s in by_id(checklists, "anthropic").steps}
    assert "`Help improve Claude`" in claude["help-improve-claude"].text.ja
    assert "`NoAI Tagging`" in by_id(checklists, "artstation").steps[0].text.ja


def test_secondary_only_steps_are_marked_reported(checklists) -> None:
    assert all(s.confidence == "reported" for s in by_id(checklists, "x-grok").steps)
    meta = {s.id: s for s in by_id(checklists, "meta").steps}
    assert meta["eu-objection"].confidence == "reported"
    assert meta["block-externalagent"].confidence == ""
    assert meta["eu-objection"].text.en.startswith("In the EU/EEA")


BROKEN = """\
platform: wrongname
kind: banana
publisher: P
names: {en: Foo}
aliases: [openai]
verified: 2026-13-01
sources:
  - id: openai-crawlers
    url: https://developers.openai.com/api/docs/bots
  - id: ghost-note
question: {en: "Q?", ja: "Q？"}
summary: {en: S, ja: S}
steps:
  - id: one
    title: {en: "Open `Settings`", ja: 設定を開く}
    question: {en: "Q?", ja: "Q？"}
    text: {en: T, ja: T}
    covers: {en: C, ja: C}
    not_covers: {en: N}
    code: |
      User-agent: NoSuchBot
      Disallow: /
    sources: [openai-crawlers, elsewhere]
    confidence: maybe
    extra: 1
"""


def _tmp_knowledge(tmp_path: Path) -> Path:
    root = tmp_path / "k"
    shutil.copytree(KNOWLEDGE, root)
    return root


def test_broken_checklist_reports_every_problem_with_file_and_field(tmp_path: Path) -> None:
    root = _tmp_knowledge(tmp_path)
    (root / "optout" / "foo.yaml").write_text(BROKEN, encoding="utf-8")
    registry = load_registry_or_raise(root, TODAY)
    loaded, problems = cl_data.load_checklists(root, TODAY, registry)
    mine = [p for p in problems if p.file == "optout/foo.yaml"]
    shown = [str(p) for p in problems]

    def has(field: str, words: str) -> bool:
        return any(p.field == field and words in p.message for p in mine)

    assert has("platform", "must match the file name 'foo'"), shown
    assert has("names.ja", "missing"), shown
    assert has("verified", "not a real date"), shown
    assert has("sources[1].id", "'ghost-note' is not the id of a note"), shown
    assert has("steps[0] (one).not_covers.ja", "missing"), shown
    assert has("steps[0] (one).title.ja", "`Settings` from the English text is missing verbatim"), shown
    assert has("steps[0] (one).code", "'NoSuchBot' is not a token in crawlers.yaml"), shown
    assert has("steps[0] (one).sources", "'elsewhere' is not listed"), shown
    assert has("steps[0] (one).confidence", "'maybe' is not one of"), shown
    assert has("steps[0] (one).extra", "unknown field"), shown
    assert has("kind", "'banana' is not one of opt-out, protection"), shown
    assert "foo" not in {c.platform for c in loaded}
    assert len(loaded) == len(PLATFORMS)  # the good files still load


def test_alias_collisions_are_reported(tmp_path: Path) -> None:
    root = _tmp_knowledge(tmp_path)
    path = root / "optout" / "sora.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("aliases: [sora2", "aliases: [chatgpt, sora2"),
        encoding="utf-8",
    )
    _, problems = cl_data.load_checklists(root, TODAY)
    assert any(p.field == "aliases" and "'chatgpt' also names platform" in p.message for p in problems)


def test_broken_symlinks_among_checklists_are_problems_not_crashes(tmp_path: Path) -> None:
    folder = tmp_path / "optout"
    folder.mkdir()
    (folder / "loop.yaml").symlink_to(folder / "loop.yaml")
    (folder / "gone.yaml").symlink_to(folder / "missing.yaml")
    loaded, problems = cl_data.load_checklists(tmp_path, TODAY)
    assert loaded == []
    assert [str(p) for p in problems] == [
        "optout/gone.yaml: symlink to a file that does not exist; remove or fix it",
        "optout/loop.yaml: symlink loop (the link leads back to itself); remove or fix it",
    ]


def test_missing_folder_is_a_problem(tmp_path: Path) -> None:
    _, problems = cl_data.load_checklists(tmp_path, TODAY)
    assert problems and "does not exist" in problems[0].message


# ---------------------------------------------------------------- render


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_every_render_fits_discord_and_cites_sources(checklists, lang: str) -> None:
    for c in checklists:
        text = render(c, lang)
        assert len(text) < MAX_RENDER_CHARS, (c.platform, len(text))
        assert c.verified in text  # the checklist's own check date is shown
        for s in c.sources:
            # each source as an answer shows it: its title (in the answer's language), then its link
            assert s.title is not None, (c.platform, s.id)
            assert f"- {s.title.get(lang)[:40]}" in text, (c.platform, s.id)
            assert s.url in text
            assert f"- {s.id}" not in text
        covers = "Covers" if lang == "en" else "対象"
        assert text.count(covers) >= len(c.steps), c.platform  # full detail, nothing dropped
        assert text.startswith("**")
        assert "@everyone" not in text and "@here" not in text


def test_render_marks_reported_and_keeps_code(checklists) -> None:
    en = render(by_id(checklists, "x-grok"), "en")
    ja = render(by_id(checklists, "x-grok"), "ja")
    assert "(reported)" in en and "（報道による情報）" in ja
    # the mark follows the fact: an answer showing the step opens with the fact itself
    assert not any(line.lstrip("0123456789. ").startswith("(reported)") for line in en.splitlines())
    assert not any(line.startswith("（報道による情報）") for line in ja.splitlines())
    assert "`Settings and privacy → Privacy and safety → Data sharing and personalization → Grok`" in ja
    for lang in ("en", "ja"):
        text = render(by_id(checklists, "openai"), lang)
        assert "```\nUser-agent: GPTBot\nDisallow: /\n```" in text
    assert "- Our approach to data and AI — OpenAI (no verified link)" in render(by_id(checklists, "openai"), "en")


def test_render_shortens_within_a_small_budget(checklists) -> None:
    c = by_id(checklists, "openai")
    text = render(c, "en", max_chars=1200)
    assert len(text) < 1200
    assert "https://developers.openai.com/api/docs/bots" in text
    assert "shortened to fit" in text


def test_a_protection_checklist_is_not_presented_as_an_opt_out(checklists) -> None:
    # Glaze and Nightshade change what a model learns; they do not refuse training, so the checklist
    # must not tell creators they are "opting out".
    glaze = by_id(checklists, "glaze-nightshade")
    assert glaze.kind == "protection" and by_id(checklists, "meta").kind == "opt-out"
    en, ja = render(glaze, "en"), render(glaze, "ja")
    assert en.startswith("**Protection checklist: Glaze and Nightshade") and "opt out of" not in en
    assert ja.startswith("**保護手段のチェックリスト：") and "でオプトアウトするには" not in ja
    note = {n.meta.id: n for n in cl_data.checklist_notes(glaze)}["optout-glaze-nightshade"]
    assert note.meta.title.startswith("Protection checklist:")
    assert "To protect your images with Glaze and Nightshade" in note.body
    assert "What should I know before relying on Glaze and Nightshade" in note.body
    assert render(by_id(checklists, "meta"), "en").startswith("**Opt-out checklist: Meta")


def test_a_tool_checklist_does_not_tell_creators_to_opt_out_of_the_tool(checklists) -> None:
    # Cloudflare and Spawning are what a creator uses to refuse training; "To opt out of
    # Cloudflare" reads as leaving Cloudflare.
    for platform in ("cloudflare", "spawning"):
        tool = by_id(checklists, platform)
        assert tool.kind == "tool", platform
        en, ja = render(tool, "en"), render(tool, "ja")
        assert en.startswith("**Opt-out tool checklist: ") and "opt out of" not in en, platform
        assert ja.startswith("**オプトアウトに使えるツール：") and "でオプトアウトするには" not in ja, platform
        body = {n.meta.id: n for n in cl_data.checklist_notes(tool)}[f"optout-{platform}"].body
        assert "To refuse AI training with " in body and "To opt out of" not in body, platform


def test_regional_steps_tell_uk_and_us_creators_what_they_can_do(checklists) -> None:
    meta = {s.id: s for s in by_id(checklists, "meta").steps}
    assert "UK" in meta["uk-objection"].title.en and "objection form" in meta["uk-objection"].text.en
    elsewhere = meta["no-form-elsewhere"]
    assert elsewhere.confidence == "reported" and "no general form" in elsewhere.text.en
    assert "non-public" in elsewhere.text.en and "米国" in elsewhere.text.ja
    grok = {s.id: s for s in by_id(checklists, "x-grok").steps}
    missing = grok["setting-missing"].text
    assert "date of birth" in missing.en and "生年月日" in missing.ja


def test_japanese_text_has_no_yaml_folding_spaces(checklists) -> None:
    for c in checklists:
        text = render(c, "ja").split("\n**出典（", 1)[0]  # source titles are quoted as their notes write them
        assert not re.search(r"[\u3040-\u30ff\u4e00-\u9fff] [\u3040-\u30ff\u4e00-\u9fff]", text), c.platform


# ---------------------------------------------------------------- find


@pytest.mark.parametrize(
    ("query", "platform"),
    [
        ("openai", "openai"),
        ("ChatGPT", "openai"),
        ("chat gpt", "openai"),
        ("ｃｈａｔｇｐｔ", "openai"),
        ("GPTBot", "openai"),
        ("claude", "anthropic"),
        ("Claude", "anthropic"),
        ("instagram", "meta"),
        ("Insta", "meta"),
        ("インスタ", "meta"),
        ("facebook", "meta"),
        ("x", "x-grok"),
        ("X", "x-grok"),
        ("twitter", "x-grok"),
        ("twiter", "x-grok"),
        ("grok", "x-grok"),
        ("ツイッター", "x-grok"),
        ("gemini", "google"),
        ("Google-Extended", "google"),
        ("AI Overviews", "google"),
        ("sora 2", "sora"),
        ("common crawl", "commoncrawl"),
        ("CCBot", "commoncrawl"),
        ("firefly", "adobe"),
        ("DeviantArt", "deviantart"),
        ("artstation", "artstation"),
        ("have i been trained", "spawning"),
        ("ai.txt", "spawning"),
        ("Cloudflare", "cloudflare"),
        ("midjourney", "midjourney"),
        ("perplexity", "perplexity"),
        ("alexa", "amazon"),
        ("linkedin", "linkedin"),
        ("applebot", "apple"),
        ("bytespider", "bytedance"),
        ("glaze", "glaze-nightshade"),
        ("ナイトシェード", "glaze-nightshade"),
    ],
)
def test_find_is_forgiving(checklists, query: str, platform: str) -> None:
    assert cl_data.find(query, checklists).platform == platform


def test_find_unknown_platform_raises_with_the_list(checklists) -> None:
    with pytest.raises(cl_data.PlatformNotFoundError) as err:
        cl_data.find("zzzz", checklists)
    assert "Available:" in str(err.value) and "x-grok" in str(err.value)
    with pytest.raises(cl_data.PlatformNotFoundError):
        cl_data.find("   ", checklists)
    long = "q" * 5000
    with pytest.raises(cl_data.PlatformNotFoundError) as err:
        cl_data.find(long, checklists)
    assert len(str(err.value)) < 600  # never echoes unbounded input


def test_find_loads_the_default_knowledge_dir() -> None:
    assert cl_data.find("chatgpt").platform == "openai"


# ---------------------------------------------------------------- notes for the index


def test_notes_for_index_gives_an_english_and_a_japanese_note_per_checklist(checklists) -> None:
    notes, problems = cl_data.notes_for_index(KNOWLEDGE, TODAY)
    assert problems == []
    by = {n.meta.id: n for n in notes}
    assert len(notes) == 2 * len(PLATFORMS)
    for c in checklists:
        en, ja = by[f"optout-{c.platform}"], by[f"optout-{c.platform}-ja"]
        assert en.meta.lang == "en" and not en.meta.translation_of
        assert ja.meta.lang == "ja" and ja.meta.translation_of == en.meta.id
        for n in (en, ja):
            assert n.meta.type == "platform-setting" and n.meta.type in DOC_TYPES
            assert n.meta.jurisdiction == c.jurisdiction  # INTL for global vendors, JP for pixiv
            assert n.meta.published == "living" and n.meta.verified == c.verified
            assert n.meta.url == c.primary_url
            assert set(n.meta.sources) == set(c.source_ids)
            assert n.path == f"optout/{c.platform}.yaml"
            headings = re.findall(r"^## (.+)$", n.body, re.M)
            assert len(headings) == len(c.steps) + 1 + (1 if c.caveats else 0)
            assert all(h.rstrip().endswith(("?", "？")) for h in headings), headings
        assert en.sha256 != ja.sha256
    body = by["optout-openai"].body
    assert "## How do I stop OpenAI from training on my work and my chats?" in body
    assert "## How do I stop ChatGPT from using my chats and uploads for training?" in body


def test_load_corpus_indexes_the_checklists_without_problems(tmp_path: Path) -> None:
    root = _tmp_knowledge(tmp_path)
    corpus = load_corpus(root, today=TODAY)
    assert [str(p) for p in corpus.problems] == []
    ids = set(corpus.by_id())
    assert {f"optout-{p}" for p in PLATFORMS} | {f"optout-{p}-ja" for p in PLATFORMS} <= ids


def test_load_corpus_reports_a_broken_checklist_and_registry(tmp_path: Path) -> None:
    root = _tmp_knowledge(tmp_path)
    (root / "optout" / "openai.yaml").write_text("platform: openai\nsteps: nope\n", encoding="utf-8")
    reg = root / "crawlers.yaml"
    reg.write_text(reg.read_text(encoding="utf-8").replace("purpose: ads", "purpose: adverts", 1), encoding="utf-8")
    corpus = load_corpus(root, today=TODAY)
    files = {p.file for p in corpus.problems}
    assert "optout/openai.yaml" in files and "crawlers.yaml" in files
    assert "optout-openai" not in corpus.by_id()


def test_note_hash_changes_when_the_checklist_changes(tmp_path: Path) -> None:
    root = _tmp_knowledge(tmp_path)
    before = {n.meta.id: n.sha256 for n in cl_data.notes_for_index(root, TODAY)[0]}
    path = root / "optout" / "linkedin.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("on by default", "on by default (!)"), encoding="utf-8")
    after = {n.meta.id: n.sha256 for n in cl_data.notes_for_index(root, TODAY)[0]}
    assert before["optout-linkedin"] != after["optout-linkedin"]
    assert before["optout-openai"] == after["optout-openai"]


# ---------------------------------------------------------------- CLI


def run(capsys, *argv: str) -> tuple[int, str, str]:
    from bot.cli import main

    try:
        code = main(list(argv))
    except SystemExit as exc:  # argparse usage errors
        code = exc.code
    out = capsys.readouterr()
    return code, out.out, out.err


def test_cli_optout_prints_the_checklist(capsys) -> None:
    code, out, _err = run(capsys, "optout", "chatgpt")
    assert code == 0 and "User-agent: GPTBot" in out and "Improve the model for everyone" in out
    code, out, _ = run(capsys, "optout", "Instagram", "--lang", "ja")
    assert code == 0 and "オプトアウト手順：Meta" in out and "meta-externalagent" in out


def test_cli_optout_list_and_json(capsys) -> None:
    code, out, _ = run(capsys, "optout", "--list")
    assert code == 0 and "x-grok" in out and "midjourney" in out
    code, out, _ = run(capsys, "optout", "claude", "--json")
    assert code == 0 and json.loads(out)["platform"] == "anthropic"


def test_cli_optout_errors(capsys) -> None:
    code, _, err = run(capsys, "optout", "myspace")
    assert code == 1 and "no opt-out checklist matches 'myspace'" in err and "Traceback" not in err
    code, _, err = run(capsys, "optout")
    assert code == 2 and "PLATFORM" in err
    code, _, _ = run(capsys, "optout", "x", "--lang", "fr")
    assert code == 2


def test_every_checklist_is_found_the_way_creators_ask_for_it(checklists) -> None:
    """ "How do I opt out of AI training on X?" (and its Japanese form) is a phrasing of each opt-out
    checklist's main question, named by the platform's plain name."""
    for cl in checklists:
        main = cl_data.checklist_notes(cl)[0].sections[0]
        if cl.kind == "protection":
            assert any(a.startswith("How do I protect my art from AI with") for a in main.asked), cl.platform
            continue
        if cl.kind == "tool":
            assert any(a.startswith("How do I block AI training with") for a in main.asked), cl.platform
            continue
        head = re.split(r"[(（]", cl.names.en, maxsplit=1)[0].strip()
        assert f"How do I opt out of AI training on {head}?" in main.asked, cl.platform
        assert any(a.endswith("でAI学習を拒否するには？") for a in main.asked), cl.platform


def test_sources_are_listed_by_title_in_the_readers_language(checklists) -> None:
    """`kenri optout` and /optout list sources as answers do: title — publisher (unless the title
    names it), then the link; a Japanese reader gets the Japanese note's title when there is one."""
    en, ja = render(by_id(checklists, "openai"), "en"), render(by_id(checklists, "openai"), "ja")
    link = "https://developers.openai.com/api/docs/bots"
    assert f"- Overview of OpenAI Crawlers\n  {link}" in en
    assert f"- OpenAIのクローラーの概要（Overview of OpenAI Crawlers）\n  {link}" in ja
    assert "- Data Controls FAQ — OpenAI Help Center\n  https://help.openai.com/" in en
    assert "openai-crawlers" not in en + ja


def test_a_long_checklist_shortens_source_titles_before_dropping_detail(checklists) -> None:
    meta = by_id(checklists, "meta")
    text = render(meta, "en")
    assert text.count("Covers") == len(meta.steps)  # every step's coverage is kept
    assert all(s.url in text for s in meta.sources)
    assert "- Right to object to use of information for AI at M…\n" in text  # cut to SHORT_TITLE_CHARS
