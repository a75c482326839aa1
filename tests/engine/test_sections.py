"""Section answers (issue 12): the section that answers leads, whole; only what is used is cited;
subjects and countries the corpus has no source on are refused by name; the asker's country and
audience choose among sections. Real encoder, small purpose-built corpus."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from bot.engine.answer import lead_text, without_repeats
from tests.conftest import build

NOTES = {
    "en/vendor-a.md": """\
        ---
        id: vendor-a
        title: "Picturebook data controls"
        publisher: Picturebook
        url: https://picturebook.example.com/help/ai
        jurisdiction: INTL
        type: platform-setting
        published: living
        verified: 2026-11-25
        lang: en
        aliases: [Picturebook, PBook]
        sections:
          - heading: "How do I stop Picturebook training its AI on my art?"
            asked: ["picturebook ai opt out for artists", "keep my drawings out of picturebook's model"]
            audience: rights-holder
          - heading: "Does switching off Picturebook's AI toggle remove what was already trained?"
            asked: ["if i turn the picturebook toggle off now does it undo past training"]
          - heading: "How do I keep my Picturebook generations private?"
            asked: ["hide the images i generate on picturebook"]
            audience: user
        ---

        Picturebook's help centre documents its AI data controls.

        ## How do I stop Picturebook training its AI on my art?

        To stop Picturebook training its AI on your art, switch off the "Allow AI training" toggle:

        ```
        Settings → Privacy → Allow AI training → off
        ```

        The toggle covers every image in your portfolio.

        ## Does switching off Picturebook's AI toggle remove what was already trained?

        Switching off Picturebook's toggle stops only future training: Picturebook says models
        already trained on your images are not retrained or deleted.

        ## How do I keep my Picturebook generations private?

        Picturebook subscribers can hide the images they generate with Private Mode, which keeps
        generations out of the public gallery; it has nothing to do with training on artists' work.
        """,
    "en/eu-law.md": """\
        ---
        id: eu-law
        title: "EU text and data mining rules"
        publisher: European Union
        url: https://eur-lex.europa.eu/eli/dir/2019/790/oj
        jurisdiction: EU
        type: law
        published: 2019-04-17
        verified: 2026-11-25
        lang: en
        sections:
          - heading: "Can I reserve my work against AI training in the EU?"
            asked: ["eu opt out of text and data mining for my illustrations"]
        ---

        The EU copyright directive sets rules for text and data mining.

        ## Can I reserve my work against AI training in the EU?

        Under EU law, a creator can reserve text and data mining of their work by machine-readable
        means, such as robots.txt; the general mining exception then no longer covers it.
        """,
    "en/jp-law.md": """\
        ---
        id: jp-law
        title: "Japan Copyright Act Article 30-4"
        publisher: Government of Japan
        url: https://laws.e-gov.go.jp/law/345AC0000000048
        jurisdiction: JP
        type: law
        published: 2018
        verified: 2026-11-25
        lang: en
        sections:
          - heading: "Can AI companies train on my illustrations in Japan?"
            asked: ["japan ai training illustrations without permission legal"]
        ---

        Japan's Copyright Act has an exception for uses not aimed at enjoying a work.

        ## Can AI companies train on my illustrations in Japan?

        In Japan, Article 30-4 generally allows using works for AI training without permission,
        unless the use unreasonably prejudices the copyright holder's interests.
        """,
    "en/overview.md": """\
        ---
        id: overview
        title: "AI training rules compared"
        publisher: kenri
        url: https://kenri.example.com/overview
        jurisdiction: INTL
        type: guidance
        published: 2026-11-25
        verified: 2026-11-25
        lang: en
        sections:
          - heading: "UK: can AI companies train on the art I post online?"
            asked: ["can ai companies train on art i post online in britain"]
          - heading: "Does Picturebook's NoAI label stop AI companies training on the art I post?"
        ---

        This overview compares the rules in several places.

        ## UK: can AI companies train on the art I post online?

        In the UK, the text and data mining exception covers non-commercial research only, so
        commercial AI training on art posted online generally needs permission.

        ## Does Picturebook's NoAI label stop AI companies training on the art I post?

        Picturebook's NoAI label asks AI companies not to train on the art you post there; it binds
        only those who honour it.
        """,
}


@pytest.fixture(scope="module")
def section_engine(tmp_path_factory: pytest.TempPathFactory, use_embeddings):
    from bot.engine import Engine

    root = tmp_path_factory.mktemp("sections")
    knowledge = root / "knowledge"
    for rel, text in NOTES.items():
        path = knowledge / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
    report = build(knowledge, root / "index", use_embeddings)
    assert report.published, report.summary()
    engine = Engine(index_dir=root / "index", embeddings=use_embeddings)
    yield engine
    engine.close()


def _body(ans) -> str:
    return ans.text.split("\n\nApplies to:")[0]


def test_the_section_that_answers_leads_not_the_notes_opening(section_engine) -> None:
    ans = section_engine.answer("I turned the Picturebook AI toggle off — does that undo what they already trained on?")
    assert ans.answered and ans.citations[0].source_id == "vendor-a"
    assert "stops only future training" in _body(ans)
    assert "help centre documents" not in ans.text  # the note's opening is never the answer


def test_a_section_is_shown_whole_with_its_code_block(section_engine) -> None:
    ans = section_engine.answer("how do i opt out of picturebook training on my art")
    body = _body(ans)
    assert "Settings → Privacy → Allow AI training → off" in body
    assert body.count("```") == 2  # the block is opened and closed
    assert "covers every image" in body


def test_every_citation_is_used_in_the_text_and_see_also_is_apart(section_engine) -> None:
    for q in (
        "how do i opt out of picturebook training on my art",
        "can I reserve my work in the EU against AI",
    ):
        ans = section_engine.answer(q)
        assert ans.answered
        for c in ans.citations:
            assert f"[{c.n}]" in _body(ans)
        cited = {c.source_id for c in ans.citations}
        assert not cited & {s.source_id for s in ans.see_also}


def test_a_platform_without_a_source_is_refused_by_name(section_engine) -> None:
    ans = section_engine.answer("how do I opt my Tumblr blog out of AI training?")
    assert not ans.answered and ans.citations == []
    assert "Tumblr" in ans.text and ans.missing_subject == "Tumblr"
    # said once: the named refusal replaces the generic "I couldn't find an answer" opening
    assert "couldn't find an answer" not in ans.text and "My sources cover" in ans.text


def test_a_known_platform_is_not_mistaken_for_an_unknown_one(section_engine) -> None:
    ans = section_engine.answer("does PBook let me opt out of ai training??")
    assert ans.answered and ans.citations[0].source_id == "vendor-a"


def test_an_artist_gets_the_rights_holder_steps_and_a_subscriber_the_user_setting(section_engine) -> None:
    artist = section_engine.answer("I'm an artist, how do I stop Picturebook training on my work?")
    assert "Allow AI training" in _body(artist) and "Private Mode" not in _body(artist)
    user = section_engine.answer("when I use Picturebook, how do I keep my generations private?")
    assert "Private Mode" in _body(user)


@pytest.mark.parametrize("country", ["the Netherlands", "Germany", "Poland", "オランダ"])
def test_an_eu_member_state_asker_gets_eu_sources_first(section_engine, country: str) -> None:
    ans = section_engine.answer(f"I'm an illustrator in {country}, can AI companies train on my art?")
    assert ans.answered and ans.citations[0].source_id == "eu-law"


def test_an_uncovered_country_law_question_gets_the_uncovered_reply(section_engine) -> None:
    ans = section_engine.answer("is it legal in Canada for AI companies to train on my art?")
    assert not ans.answered and "Canada" in ans.text
    assert "Japan, the EU, the US and the UK" in ans.text


def test_an_uncovered_country_platform_question_is_answered_with_a_note(section_engine) -> None:
    ans = section_engine.answer("I'm Canadian, how do I stop Picturebook training on my art?")
    assert ans.answered and ans.citations[0].source_id == "vendor-a"
    assert "My sources do not cover the law of Canada" in ans.text and "platform's own policy" in ans.text


@pytest.mark.parametrize(
    ("question", "reason"),
    [
        ("台湾に住んでるけど、Metaの学習を止める方法ある？", None),
        ("韓国在住。Xの学習をオフにする手法は？", None),
        ("台湾の著作権法ではAI学習は違法？", "uncovered-jurisdiction"),
        ("台湾の法律だとどうなる？", "uncovered-jurisdiction"),
        # what the country's government does about the law is a law question (the twenty-ninth
        # blind set's Australian question, reworded)
        ("aussie artist: the government ruled out a TDM exception, so is licensing next?", "uncovered-jurisdiction"),
        ("台湾政府はAI学習をどうするつもり？", "uncovered-jurisdiction"),
    ],
)
def test_steps_asked_from_an_uncovered_country_are_not_a_law_question(question: str, reason: str | None) -> None:
    from bot.engine.scope import out_of_scope

    assert out_of_scope(question, uncovered_place=True, law_only=True) == reason


@pytest.mark.parametrize(
    ("question", "place", "own_law"),
    [
        # the law asked about is the uncovered country's, though the asker names a covered one
        (
            "中国の人向けにも絵を売ってる。中国で始まったAI生成物の表示義務って、日本から出す作品にもかかるの？",
            "中国",
            True,
        ),
        ("i'm in the US but sell to china. does china's new AI labelling law apply to my art?", "china", True),
        ("what are the rules in korea for AI art?", "korea", True),
        # an exception the place has (fresh-user trial 39: answered with Japan's Article 30-4)
        ("does korea have an exception like japan's article 30-4 for ai training?", "korea", True),
        # a state's bill, by its number (the twelfth blind set's California question)
        ("california's AB 2013 makes AI developers post their training data. will it show my art?", "california", True),
        # the country is where a company or a buyer is, and the law asked about is another's
        ("does japanese law stop a chinese company from training on my art?", "chinese", False),
        ("中国で使える方法ある？", "中国", False),
        ("中国のAI企業が日本の絵を勝手に学習するのは日本の法律で違法？", "中国", False),
    ],
)
def test_a_law_named_as_an_uncovered_country_s_own_is_out_of_scope(question: str, place: str, own_law: bool) -> None:
    from bot.engine.scope import law_of_place, out_of_scope

    assert law_of_place(question, place) is own_law
    reason = out_of_scope(question, covered_named=True, uncovered_place=True, uncovered_law=own_law)
    assert reason == ("uncovered-jurisdiction" if own_law else None)


def test_a_source_for_another_jurisdiction_says_so(section_engine) -> None:
    ans = section_engine.answer("I'm in the UK. Can I reserve my work against text and data mining?")
    assert ans.answered and ans.citations[0].source_id == "eu-law"
    assert "[1] is about European Union; you mentioned United Kingdom" in ans.text


def test_the_place_the_asker_says_they_are_is_theirs_not_the_one_they_mention(section_engine) -> None:
    # "I live in Japan; people in the EU can reserve mining. can AI firms train on my
    # illustrations here?": Japan's rule answers, and the EU rule is no second answer for
    # someone who said where they are
    ans = section_engine.answer(
        "I live in Japan. people in the EU can reserve their work against mining; "
        "can AI companies train on my illustrations here?"
    )
    assert ans.answered and [c.source_id for c in ans.citations] == ["jp-law"]


def test_lead_text_keeps_blocks_whole_and_never_ends_on_a_colon() -> None:
    text = "Add this to robots.txt:\n\n```\nUser-agent: GPTBot\nDisallow: /\n```\n\n" + "More detail. " * 200
    out = lead_text(text, max_chars=200)
    assert out.startswith("Add this to robots.txt:") and out.count("```") == 2
    assert "More detail" not in out
    assert not lead_text("Steps:\n\n" + "x" * 5000, max_chars=100).rstrip().endswith(":")


def test_a_list_right_after_the_opening_paragraph_is_shown_with_it() -> None:
    # the opened fifty-seventh set's f4043
    # (https://techjacksolutions.com/ai-brief/three-ai-copyright-regimes-are-diverging-at-once-what-us-eu/):
    # the four-country comparison showed its summary line and dropped the list with each country's
    # rule (Article 30-4, fair use), which was longer than the budget left
    summary = "Whether AI may train on your work depends on where the use takes place. " * 4
    rules = "\n".join(
        f"- **{place}**: " + "the rule there, with its source. " * 8 for place in ("JP", "EU", "US", "UK")
    )
    out = lead_text(summary + "\n\n" + rules + "\n\nA closing paragraph. " * 40, max_chars=900)
    assert out.endswith("its source.") and all(f"**{place}**" in out for place in ("JP", "EU", "US", "UK")), out
    # ... but a list further on still waits for the budget
    out = lead_text(summary + "\n\n" + "More. " * 120 + "\n\n" + rules, max_chars=900)
    assert "**JP**" not in out


def test_the_limits_of_the_opening_answer_are_shown_with_it() -> None:
    # fresh-user trial 98: "is it true japan lets companies train AI on my art without asking?"
    # showed Article 30-4's yes and dropped its next paragraph, "There are limits. The proviso…",
    # which was longer than the budget left
    opening = "In Japan, Article 30-4 generally allows AI training without permission. " * 6
    limits = "There are limits. The proviso excludes uses that unreasonably prejudice the owner. " + "More. " * 90
    out = lead_text(opening + "\n\n" + limits + "\n\nA closing paragraph.", max_chars=900)
    assert "The proviso excludes uses" in out and "closing" not in out and len(out) <= 900, out
    # ... but a limit cut to its opening words alone is left out, not shown as a fragment
    out = lead_text(opening + "\n\n" + "There are limits. The proviso " + "excludes uses " * 40 + ".", max_chars=900)
    assert "There are limits" not in out
    # ... and an ordinary paragraph still waits for the budget
    out = lead_text(opening + "\n\n" + "Another point. " * 50, max_chars=900)
    assert "Another point" not in out


def test_a_later_section_does_not_repeat_what_the_answer_already_says() -> None:
    # two sections of the Hatena note both end on "like robots.txt, it binds only crawlers that
    # obey it"; two of OpenAI's show the same GPTBot block
    lead = (
        "Tick the box in Basic settings.\n\n"
        "Like robots.txt, this setting works only on crawlers that obey it; it is not a wall.\n\n"
        "```\nUser-agent: GPTBot\nDisallow: /\n```"
    )
    later = (
        "The setting covers crawling for training and for answers.\n\n"
        "Like robots.txt, this setting works only on crawlers that choose to obey it. "
        "It does not cover copies reposted elsewhere."
    )
    out = without_repeats(later, [lead])
    assert out.startswith("The setting covers crawling")  # the point it was added for stays
    assert "choose to obey" not in out and "reposted elsewhere" in out
    # a code block already shown goes, and the paragraph that introduced it points to the one shown
    # (fresh-user trial 55 met "…so make sure your robots.txt contains." with nothing after it)
    steps = "To block training, disallow GPTBot:\n\n```\nUser-agent: GPTBot\nDisallow: /\n```\n\nThat is all."
    out = without_repeats(steps, [lead])
    assert "```" not in out and out.startswith("To block training, disallow GPTBot: the lines shown above.")
    # Japanese sentences are compared by character bigrams
    ja = without_repeats(
        "対象は学習と回答生成の両方です。\n\nこの設定は守るクローラーにしか効かない要請です。",
        ["チェックを入れます。\n\nこの設定は、守るクローラーにしか効かない要請です。"],
    )
    assert ja == "対象は学習と回答生成の両方です。"
    # nothing is shown twice only when nothing was shown before
    assert without_repeats(later, []) == later


def test_a_later_section_s_opening_paragraph_keeps_its_first_sentence_and_drops_whole_repeats() -> None:
    # fresh-user trial 64: a later section's opening paragraph repeated a status line the lead had
    # already given ("Status as of 30 November 2026: that judgment is not final.")
    lead = "The court found the lyrics memorised.\n\nStatus as of 30 November 2026: that judgment is not final."
    later = (
        "The court rejected the mining exception for memorised lyrics. "
        "Status as of 30 November 2026: that judgment is not final. "
        "The damages are to be assessed separately."
    )
    out = without_repeats(later, [lead])
    assert out == (
        "The court rejected the mining exception for memorised lyrics. The damages are to be assessed separately."
    )
    # the opening sentence stays even when it repeats: it is why the section was added
    again = "Status as of 30 November 2026: that judgment is not final. The damages are to be assessed separately."
    assert without_repeats(again, [lead]).startswith("Status as of 30 November 2026")
    # a sentence introducing a block, a piece of a sentence split after an abbreviation, and a
    # paragraph with nothing repeated are left as written
    intro = "The judgment is final in part. That judgment is not final:\n\n- damages\n- costs"
    assert "That judgment is not final:" in without_repeats(intro, [lead])
    split = "In Thaler v. Status as of 30 November 2026: that judgment is not final. More follows."
    assert without_repeats(split, [lead]) == split
    ja = "対象は学習です（Warner Bros. Discovery v. Midjourney）。対象はキャラクターです。"
    assert without_repeats(ja, ["別の話です。"]) == ja


def test_a_repeat_in_other_inflections_goes_and_a_tag_or_a_split_sentence_stays() -> None:
    # fresh-user trial 66: the UK Meta answer's second section ended by restating the lead's form
    # in other inflections ("reach" / "reached", "use" / "usable", "objection" / "object")
    lead = (
        "In the UK, Meta offers an objection form: UK adults receive in-app notices on Facebook and "
        "Instagram explaining how to reach the form, and can use it at any time. (reported)"
    )
    later = (
        "Meta trains on public posts of UK adults. "
        "UK adults can object through a form, reached from in-app notices on Facebook and Instagram and usable "
        "at any time."
    )
    assert without_repeats(later, [lead]) == "Meta trains on public posts of UK adults."
    # a shown "(reported)" tag repeats nothing: the long sentence after it says what was not shown
    tagged = "Meta honours earlier objections.\n\nAccording to press reports, one objection covers linked accounts."
    assert "one objection covers linked accounts" in without_repeats(tagged, [lead])
    # a later paragraph's sentence split after an abbreviation is kept whole, never left a fragment
    # (the Thaler answers read "…and the U.S. 25-449), leaving that ruling in place.")
    shown = ["The Supreme Court denied review (No. 25-449), leaving the ruling in place."]
    split = (
        "Thaler lost.\n\nThe district court ruled against him, and the U.S. Supreme Court denied review (No. 25-449)."
    )
    assert without_repeats(split, shown) == split


def test_asked_phrasings_are_retrieval_keys(section_engine) -> None:
    ans = section_engine.answer("hide the images i generate on picturebook")
    assert "Private Mode" in _body(ans)


def test_headings_in_sections_must_match_the_body(tmp_path: Path) -> None:
    from bot.knowledge.corpus import load_corpus

    k = tmp_path / "knowledge" / "en"
    k.mkdir(parents=True)
    text = textwrap.dedent(NOTES["en/eu-law.md"]).replace(
        'heading: "Can I reserve my work against AI training in the EU?"',
        'heading: "A heading that is not there"',
    )
    (k / "eu-law.md").write_text(text, encoding="utf-8")
    corpus = load_corpus(tmp_path / "knowledge")
    assert [(p.file, p.field) for p in corpus.problems] == [("en/eu-law.md", "sections[0].heading")]


def test_a_one_letter_slip_in_a_long_name_still_names_it(section_engine) -> None:
    ans = section_engine.answer("how do i opt out of pictrebook training on my art")
    assert ans.answered and ans.citations[0].source_id == "vendor-a"


def test_no_general_rule_from_a_country_the_asker_did_not_name(section_engine) -> None:
    """An unknown platform is never answered with Japan's or the EU's law for someone who did not
    say they are there; in Japan, Japan's rule is the labelled general rule."""
    ans = section_engine.answer("can AI companies train on the illustrations I post on Patreon?")
    assert not ans.answered and "Patreon" in ans.text
    local = section_engine.answer("I'm in Japan: can AI companies train on the illustrations I post on Patreon?")
    assert local.answered and local.general_rule and local.citations[0].source_id == "jp-law"
    assert "I have no source on Patreon itself" in local.text


def test_a_general_rule_is_neither_another_country_s_nor_another_platform_s(section_engine) -> None:
    """An overview's "UK: …" section or its section on another platform is no general rule for
    an unknown platform asked about by someone who named no country."""
    ans = section_engine.answer("can AI companies train on the art I post on Patreon?")
    assert not ans.answered and ans.missing_subject == "Patreon"
    uk = section_engine.answer("I'm in the UK: can AI companies train on the art I post on Patreon?")
    assert uk.answered and uk.general_rule and uk.citations[0].source_id == "overview"
    assert "non-commercial research only" in uk.text


@pytest.mark.parametrize(
    ("question", "reason"),
    [
        ("訴えたら勝てますか？私の絵が無断で学習されました", "prediction"),
        ("30条の4って来年改正されると思う？", "prediction"),
        ("そのうち30条の4が改正されて、AI学習はオプトイン制になったりするのかな？", "prediction"),
        ("will japan ever change article 30-4 to an opt-in rule?", "prediction"),
        ("do you think the courts will side with artists against stability?", "prediction"),
        ("getty mostly lost in the UK. are they going to appeal, and would they win this time?", "prediction"),
        ("do you think they'll end up making AI firms license everything?", "prediction"),
        ("will the training report get pulled after the register was fired?", "prediction"),
        ("honestly, what are the odds the courts call AI training fair use?", "prediction"),
        ("will the commission actually fine anyone for ignoring opt-outs?", "prediction"),
        ("made a lora of a living artist's style. legal in the US or am i going to get sued?", "personal-advice"),
        ("is it worth suing openai for training on my art", "personal-advice"),
        ("my shop sells prints i made with AI. could a customer sue me over one?", "personal-advice"),
        ("got a copyright strike on youtube for my ai art, what do i do", "personal-advice"),
        ("someone sells prints of AI copies of my art. should i send them a cease and desist?", "personal-advice"),
        ("AIで私の絵柄をまねた画像を売られてる。内容証明を送るべき？", "personal-advice"),
        ("あと数年でイラストの仕事って生成AIに取られると思う？", "prediction"),
        ("この先、日本のアニメは許可がないとAIで作れなくなると思う？", "prediction"),
        ("無断学習されたっぽいんだけど、弁護士に相談したほうがいい？", "personal-advice"),
        ("they copied my whole portfolio into a model. should i file?", "personal-advice"),
        # which form a rule calls for is no advice on the asker's own dispute
        ("my comic has AI pages. which application type should i file in the US?", None),
    ],
)
def test_predictions_and_personal_advice_are_refused_in_both_languages(question: str, reason: str | None) -> None:
    from bot.engine.scope import out_of_scope

    assert out_of_scope(question) == reason


@pytest.mark.parametrize(
    "question",
    [
        "which is better for my art, Picturebook's toggle or the EU opt-out?",
        "Picturebookの設定とEUのオプトアウト、どっちがいい？",
    ],
)
def test_which_is_better_is_refused_when_no_section_compares(section_engine, question: str) -> None:
    ans = section_engine.answer(question)
    assert not ans.answered and ans.citations == []
    assert "which is better" in ans.text or "どれが良いか" in ans.text


def test_a_section_that_compares_may_answer_which_is_better() -> None:
    from bot.engine.scope import asks_to_rank, compares

    assert asks_to_rank("GlazeとNightshade、どっちがいい？") and asks_to_rank(
        "which one is better, glaze or nightshade"
    )
    assert not asks_to_rank("i post on deviantart and artstation, which one marks my stuff noai by default?")
    assert compares("What is the difference between Nightshade and Glaze?")
    assert compares("NightshadeとGlazeはどう違う？どっちを使えばいい？")
    assert not compares("How do I use Glaze on my artwork before posting it?")


def test_an_unknown_platform_where_the_platform_stands_outranks_a_known_name(section_engine) -> None:
    """ "my mastodon server ... Picturebook" is about Mastodon; "my Picturebook account and my
    patreon" is about Picturebook; "turn it on myself" names no platform."""
    ans = section_engine.answer("my mastodon server only blocks the Picturebook crawler, can i stop other AI crawlers?")
    assert not ans.answered and ans.missing_subject == "mastodon"
    known = section_engine.answer("how do I stop Picturebook training on my art? I also have a Patreon")
    assert known.answered and known.citations[0].source_id == "vendor-a"
    common = section_engine.answer("is Picturebook's AI training toggle on by default or do i turn it on myself?")
    assert common.answered and common.citations[0].source_id == "vendor-a"


def test_a_japanese_question_about_what_no_note_mentions_is_refused(section_engine) -> None:
    """Picturebook is known, but watermark filters, reposts and takedown requests are not in any
    note: the question is refused naming them, not answered with Picturebook's toggle."""
    ans = section_engine.answer("Picturebookに透かし入りの二次創作を上げたら無断転載された。削除申請はできる？")
    assert not ans.answered and ans.citations == []
    assert "無断転載" in ans.text and "削除申請" in ans.text
    ok = section_engine.answer("PicturebookでAI学習をオフにするには？")
    assert ok.answered and ok.citations[0].source_id == "vendor-a"


def test_a_named_subject_s_sections_are_always_candidates(section_engine) -> None:
    # "does picturebook train on the art i post in the UK?" is worded like the UK overview
    # section; even with a single candidate per ranking, the named platform's sections are
    # ranked once more and so are never missing from the pool.
    from bot.engine.retrieve import retrieve

    q = "UK: can AI companies train on the art I post online, Picturebook too?"
    h = section_engine._acquire()  # the open index (no public accessor: retrieval internals)
    try:
        qv = section_engine.embeddings.embed_query_array(q)
        plain = retrieve(h.index, qv, q, candidates=1)
        named = retrieve(h.index, qv, q, candidates=1, subject_families={"vendor-a"})
    finally:
        section_engine._release(h)
    assert all(p.meta.family != "vendor-a" for p in plain), [p.chunk_id for p in plain]
    assert any(p.meta.family == "vendor-a" for p in named)


def test_a_product_of_a_known_platform_the_notes_lack_is_named_and_the_platform_s_answer_labelled(
    section_engine,
) -> None:
    """ "Does Picturebook train its own Doodlemaker on my art?": the notes cover Picturebook, not
    Doodlemaker; the answer says so by name and gives what the sources say about Picturebook."""
    ans = section_engine.answer("does picturebook train its own Doodlemaker generator on my art?")
    assert ans.answered and ans.general_rule and ans.missing_subject == "Doodlemaker"
    assert ans.text.startswith("I have no source on Doodlemaker. What my sources say about Picturebook:")
    assert ans.citations[0].source_id == "vendor-a"
    # the platform is labelled by the name the asker used, spelt as the notes spell it
    other = section_engine.answer("does pbook train its own Doodlemaker generator on my art?")
    assert other.text.startswith("I have no source on Doodlemaker. What my sources say about PBook:")
    # a word the notes lack that is not written as a name changes nothing
    plain = section_engine.answer("does picturebook train its AI on my doodlez?")
    assert plain.answered and not plain.general_rule and plain.missing_subject == ""


def test_a_message_asking_two_things_gets_the_section_for_each(section_engine) -> None:
    """ "How do I stop it? And does that undo past training?": the toggle's steps, then the
    section on what was already trained, citing the note once; one question gets one section."""
    ans = section_engine.answer(
        "how do i stop picturebook training its AI on my art? does switching it off undo what was already trained?"
    )
    body = _body(ans)
    assert ans.answered and [c.source_id for c in ans.citations] == ["vendor-a"]
    assert "Allow AI training" in body and "stops only future training" in body
    assert body.count("[1]") == 2 and "[2]" not in body
    one = section_engine.answer("how do i stop picturebook training its AI on my art?")
    assert len(one.citations) == 1 and "stops only future training" not in _body(one)


def test_a_lowercase_service_asked_about_beside_a_known_platform_is_named(section_engine) -> None:
    ans = section_engine.answer("does doodlemaker train on my art like picturebook does?")
    assert ans.answered and ans.general_rule and ans.missing_subject == "doodlemaker"
    assert ans.text.startswith("I have no source on doodlemaker. What my sources say about Picturebook:")


def test_applies_to_says_international_for_an_overview_and_policy_for_a_vendor() -> None:
    from bot.engine.answer import compose
    from bot.engine.models import Passage
    from tests.conftest import note_meta

    def passage(id_: str, type_: str) -> Passage:
        meta = note_meta(id_, type=type_)
        return Passage(chunk_id=f"{id_}#1", doc_id=id_, heading="h", text=f"{id_} says so.", meta=meta, section=1)

    body, _ = compose("en", [passage("overview", "guidance"), passage("vendor", "vendor-policy")], 2)
    assert "Applies to: International [1] · International (vendor/platform policy) [2]" in body
    body, _ = compose("ja", [passage("overview", "guidance")], 1)
    assert "適用範囲: 国際 [1]" in body


@pytest.mark.parametrize(
    "question",
    [
        "will blocking GPTBot ever remove my art from models already trained?",
        "will meta still train on my posts if I make my account private?",
        # 「訴えたらしい」 reports that someone sued; 「訴えたら」 alone asks about the asker suing
        "日経もPerplexityを訴えたらしいけど、何が問題になってるの？",
    ],
)
def test_a_question_about_what_a_step_does_is_not_a_prediction(question: str) -> None:
    from bot.engine.scope import out_of_scope

    assert out_of_scope(question) is None
