"""Which retrieved section leads an answer (bot/engine/planning.py), on hand-made passages whose
scores are set so that only the planning rule under test decides the order."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest

from bot.engine.models import Passage
from bot.engine.planning import (
    adds_a_point,
    allows_named,
    asked_types,
    asker_place_sibling,
    asks_about_own_input,
    asks_about_style,
    asks_copyright_status,
    date_note,
    distinct_subjects,
    format_date,
    jurisdiction_notes,
    near_tie,
    only_compared,
    plan_sections,
    planning_subjects,
    question_audience,
    question_types,
    without_left_platforms,
    without_other_places_laws,
    without_outlet_topics,
    without_premise_laws,
    writes_beyond_pointer,
    writes_missing_term,
)
from bot.engine.subjects import Place
from bot.knowledge.schema import NoteMeta


def _passage(note_id: str, text: str, *, fused: float, cosine: float, type_: str = "guidance") -> Passage:
    meta = NoteMeta(
        id=note_id,
        title=note_id,
        publisher="p",
        url="https://example.org/",
        jurisdiction="US",
        type=type_,
        published="2026-01-01",
        verified="2026-01-01",
        lang="en",
    )
    return Passage(
        chunk_id=f"{note_id}#1", doc_id=note_id, heading="h", text=text, meta=meta, fused=fused, cosine=cosine
    )


def test_names_of_one_subject_are_one_subject() -> None:
    named = {"google-extended": {"google-extended", "optout-google"}, "Google": {"google-extended", "search"}}
    assert len(distinct_subjects(named)) == 1
    named["copyright office"] = {"usco"}
    assert sorted(len(f) for _, f in distinct_subjects(named)) == [1, 3]


def test_a_section_about_both_named_subjects_leads() -> None:
    # "I registered a Midjourney image with the Copyright Office…": the vendor's own terms are a
    # little closer by similarity, but the decision that names both subjects answers the question.
    named = {"midjourney": {"midjourney-tos"}, "copyright office": {"usco-guidance"}}
    terms = _passage("midjourney-tos", "Midjourney says users own what they make.", fused=0.050, cosine=0.62)
    both = _passage(
        "zarya", "The Copyright Office found that Midjourney images were not protected.", fused=0.047, cosine=0.59
    )
    families = set().union(*named.values())
    plan = plan_sections([terms, both], named_families=families, asker=[], audience="any", named=named)
    assert plan[0].meta.id == "zarya"
    # with one subject named, the rule does not apply and the subject's own note leads
    one = {"midjourney": {"midjourney-tos"}}
    plan = plan_sections([terms, both], named_families={"midjourney-tos"}, asker=[], audience="any", named=one)
    assert plan[0].meta.id == "midjourney-tos"


def test_a_section_naming_both_subjects_far_from_the_question_is_not_lifted() -> None:
    named = {"midjourney": {"midjourney-tos"}, "copyright office": {"usco-guidance"}}
    terms = _passage("midjourney-tos", "Midjourney says users own what they make.", fused=0.050, cosine=0.70)
    far = _passage("zarya", "The Copyright Office and Midjourney.", fused=0.049, cosine=0.50)
    families = set().union(*named.values())
    plan = plan_sections([terms, far], named_families=families, asker=[], audience="any", named=named)
    assert plan[0].meta.id == "midjourney-tos"


def test_a_tool_named_in_a_copyright_status_question_is_context() -> None:
    # "Is my painting still copyrightable if I used Photoshop's generative fill?" is a question
    # for copyright law, not for Adobe's training policy.
    q = "if i use photoshop's generative fill on my painting, is it still copyrightable in the US?"
    assert asks_copyright_status(q) and asks_copyright_status("AIで描いた絵に著作権はある？")
    assert not asks_copyright_status("does adobe train firefly on my photoshop files?")
    # ... in other words (trial 14)
    assert asks_copyright_status("do AI-assisted works get copyright in italy?")
    assert asks_copyright_status("AIで作った絵って、EUだと著作権で保護されるの？")
    assert asks_copyright_status("can i even copyright a picture i made in midjourney?")
    # a fresh-user trial's wording led with Midjourney's terms of service (2026-12-01)
    assert asks_copyright_status("can i register copyright for a comic i made with midjourney images?")
    # ... and what the law would protect (the fourteenth blind set's f1463 led with Adobe's policy)
    assert asks_copyright_status(
        "if i repaint a midjourney base in photoshop, is it only my edits the us would protect?"
    )
    # ... and who may be named on the application (the opened thirtieth set's f2438 led with
    # Midjourney's terms of service)
    assert asks_copyright_status("can i put midjourney down as a co-author when i file for US copyright?")
    assert asks_copyright_status("should i list the AI as coauthor?")
    named = {"photoshop": {"adobe-firefly"}, "copyright office": {"usco"}}
    assert planning_subjects(named, {"adobe-firefly"}, q) == {"copyright office": {"usco"}}
    assert planning_subjects(named, {"adobe-firefly"}, "does adobe train on photoshop files?") == named

    def passages() -> list[Passage]:  # fresh each time: planning writes the re-ranked score back
        policy = _passage("adobe-firefly", "Adobe says Photoshop files are not used.", fused=0.05, cosine=0.63)
        policy.meta = replace(policy.meta, type="vendor-policy", jurisdiction="INTL")
        law = _passage("usco", "Human-authored parts of a work can be registered.", fused=0.047, cosine=0.6)
        return [policy, law]

    steering = planning_subjects(named, {"adobe-firefly"}, q)
    plan = plan_sections(
        passages(), named_families={"usco"}, asker=[], audience="any", named=steering, vendors_as_context=True
    )
    assert plan[0].meta.id == "usco"
    # the same passages for a question about Adobe's policy: Adobe's section leads
    plan = plan_sections(passages(), named_families={"adobe-firefly", "usco"}, asker=[], audience="any", named=named)
    assert plan[0].meta.id == "adobe-firefly"


def test_a_second_section_must_be_about_the_named_subject_not_mention_it() -> None:
    named = {"do not train": {"spawning"}}
    lead = _passage(
        "adobe-credentials", "Adobe's preference is honoured only by those who choose to.", fused=0.08, cosine=0.6
    )
    passing = _passage(
        "deviantart", "DeviantArt labels art noai; see also the Do Not Train registry.", fused=0.079, cosine=0.6
    )
    passing.meta = replace(passing.meta, type="platform-setting")
    assert not adds_a_point(lead, passing, named=named)
    about = _passage("spawning", "Spawning's Do Not Train registry is honoured by some.", fused=0.079, cosine=0.6)
    about.meta = replace(about.meta, type="platform-setting")
    assert adds_a_point(lead, about, named=named)


def test_a_section_whose_heading_names_the_platform_is_about_it() -> None:
    # "does bing train AI on my site?": a crawler list's "Should I block Bingbot…?" section is
    # about Bing as much as Bing's own note, and beats a generic search-bots section.
    named = {"bingbot": {"bing-controls"}}

    def passages() -> list[Passage]:
        generic = _passage(
            "overview", "Blocking AI search bots can remove a site from answers.", fused=0.0477, cosine=0.8
        )
        listing = _passage("crawler-list", "Blocking Bingbot removes a site from Bing.", fused=0.0476, cosine=0.7)
        listing.heading = "Should I block Bingbot to stop Microsoft using my site for AI?"
        return [generic, listing]

    plan = plan_sections(
        passages(), named_families={"bing-controls"}, asker=[], audience="any", named=named, platforms={"bing-controls"}
    )
    assert plan[0].meta.id == "crawler-list"
    # a name that is not a platform's (a law's article) in a heading earns nothing
    plan = plan_sections(passages(), named_families={"bing-controls"}, asker=[], audience="any", named=named)
    assert plan[0].meta.id == "overview"


def test_one_platform_s_steps_do_not_join_an_answer_to_a_general_question() -> None:
    # 「AI学習を拒否するには？」 matches every checklist's 「XでAI学習を拒否するには？」 almost word for
    # word; without a named platform, a platform's steps are not a second direct answer.
    lead = _passage("overview", "No single switch stops AI training everywhere.", fused=0.049, cosine=1.0)
    checklist = _passage("optout-perplexity", "Disallow PerplexityBot in robots.txt.", fused=0.035, cosine=0.89)
    checklist.meta = replace(checklist.meta, type="platform-setting")
    checklist.question_cosine = 0.89
    assert not adds_a_point(lead, checklist)
    assert adds_a_point(lead, checklist, named={"perplexity": {"optout-perplexity"}})
    guidance = _passage("jurisdictions", "In Japan there is no statutory opt-out.", fused=0.035, cosine=0.89)
    guidance.question_cosine = 0.89
    assert adds_a_point(lead, guidance)


def test_the_sibling_section_asking_what_the_question_asks_leads() -> None:
    # "people say adobe's content analysis toggle means they train on my files": the note's
    # opening question is closer by similarity, its content-analysis section asks exactly this
    opening = _passage("adobe", "Adobe says it does not train on your files.", fused=0.060, cosine=0.59)
    toggle = replace(
        _passage("adobe", "Content analysis can be switched off in your account.", fused=0.052, cosine=0.40),
        section=4,
        aspect=0.5,
    )
    plan = plan_sections([opening, toggle], named_families=set(), asker=[], audience="any")
    assert plan[0] is toggle
    # without the distinctive terms in the question, the closer section stays first
    plan = plan_sections([opening, replace(toggle, aspect=0.0)], named_families=set(), asker=[], audience="any")
    assert plan[0] is opening


def test_distinctive_terms_do_not_lift_another_note() -> None:
    lead = _passage("tdmrep", "TDMRep reserves rights under EU law.", fused=0.080, cosine=0.68)
    other = replace(_passage("robots", "Alternatives to robots.txt.", fused=0.050, cosine=0.45), aspect=0.5)
    plan = plan_sections([lead, other], named_families=set(), asker=[], audience="any")
    assert plan[0] is lead


@pytest.mark.parametrize(
    "question",
    [
        "i paint over my AI output in photoshop. doesn't that make me the author under US copyright?",
        "am i the author of an image i generated?",
        "do i own the copyright to my midjourney pictures?",
        "is AI art even copyrighted in the UK?",
        "are my drawings copyrighted if i post them on instagram?",
    ],
)
def test_authorship_questions_ask_about_copyright_status(question: str) -> None:
    assert asks_copyright_status(question)


def test_copyrighted_works_something_is_trained_on_are_no_copyright_status_question() -> None:
    assert not asks_copyright_status("is training on copyrighted images legal in japan?")


@pytest.mark.parametrize(
    ("question", "asks"),
    [
        # fresh-user trial 29: answered with Midjourney's terms of service
        ("someone is using midjourney to copy my art style, is that even illegal in the US?", True),
        ("is an art style protected by copyright in the US?", True),
        ("アメリカで自分の画風をまねされたら著作権侵害になる？", True),
        # a style with no legal question, a style list, or "EU-style" asks nothing about it
        ("can i get my style removed from midjourney?", False),
        ("is my name on the midjourney style list illegal to use?", False),
        ("i'm in the UK. is there an EU-style opt-out from meta's training?", False),
        # how to protect one's style from AI is Glaze's question, wherever the asker is
        ("i'm a US illustrator. how do i protect my art style from AI mimicry?", False),
        # the style and the legal cue in different sentences
        ("i draw in a soft pastel style. is it legal for meta to train on my instagram?", False),
        # a style taken, and what the asker can do about it (fresh-user check 67: answered with the
        # registration rules)
        ("someone trained a LoRA on my art style and is selling commissions. I'm in the US, can I do anything?", True),
        ("自分の絵柄をまねたLoRAが配られてる。何かできることある？", True),
        # ... not protecting one's own style, nor a style with nothing taken
        ("i'm a US illustrator and i love my pastel style. what can i do to keep AI off my site?", False),
    ],
)
def test_a_question_about_imitating_a_style_is_recognised(question: str, asks: bool) -> None:
    assert asks_about_style(question) is asks


@pytest.mark.parametrize(
    ("question", "asks"),
    [
        ("does copilot train on my chats?", True),
        ("Geminiアプリに小説を貼って相談してるけど学習される？", True),
        ("Claudeのシークレットチャットで話した内容は学習に使われる？", True),
        # unseen32 f2575: the chat is the product that reads the asker's site, refused before as
        # having no source on what Bing does with what is typed into it
        ("BingのチャットとかMicrosoftのAI学習に会社のサイトを使われたくないとき、何を設定すればいい？", False),
        ("bing chat keeps quoting my website, how do i stop it?", False),
        # the opened fortieth set's f3054: a meta tag is put on the asker's pages
        ("BingのAIチャットに使われたくないからnoarchiveのメタタグを付けたいけど、Bing検索からも消えちゃう？", False),
        ("will a noarchive meta tag keep bing chat off my art?", False),
        # ... but pasting into it is still the asker's own input, site or not
        ("i pasted my blog draft into copilot, will it train on it?", True),
    ],
)
def test_a_question_about_what_the_asker_types_into_a_service_is_recognised(question: str, asks: bool) -> None:
    assert asks_about_own_input(question) is asks


def test_a_checklist_and_its_vendor_s_note_are_siblings() -> None:
    # "does GPTBot actually stop openai…": the OpenAI checklist's opening step is a little closer;
    # OpenAI's own note has the section asking exactly this
    def step() -> Passage:  # fresh each time: planning writes the re-ranked score back
        p = _passage("optout-openai", "Disallow GPTBot.", fused=0.060, cosine=0.56, type_="platform-setting")
        p.meta = replace(p.meta, publisher="kenri checklist (OpenAI)")
        return p

    def note(publisher: str, id_: str) -> Passage:
        p = replace(_passage(id_, "GPTBot honours robots.txt.", fused=0.054, cosine=0.52), aspect=0.4)
        p.meta = replace(p.meta, publisher=publisher, type="vendor-policy")
        return p

    plan = plan_sections([step(), note("OpenAI", "openai-crawlers")], named_families=set(), asker=[], audience="any")
    assert plan[0].meta.id == "openai-crawlers"
    # another vendor's note is no sibling: the aspect alone does not lift it
    plan = plan_sections(
        [step(), note("Anthropic", "anthropic-crawlers")], named_families=set(), asker=[], audience="any"
    )
    assert plan[0].meta.id == "optout-openai"


def test_an_asker_who_names_no_country_gets_the_platform_s_international_route_first() -> None:
    def passages() -> list[Passage]:
        uk = _passage("meta-uk", "In the UK, Meta offers an objection form.", fused=0.060, cosine=0.93)
        uk.meta = replace(uk.meta, type="vendor-policy", jurisdiction="UK")
        every = _passage("optout-meta", "EU, UK and elsewhere: …", fused=0.055, cosine=0.92)
        every.meta = replace(every.meta, type="platform-setting", jurisdiction="INTL")
        return [uk, every]

    plan = plan_sections(passages(), named_families=set(), asker=[], audience="any")
    assert plan[0].meta.id == "optout-meta"
    plan = plan_sections(passages(), named_families=set(), asker=["UK"], audience="any")
    assert plan[0].meta.id == "meta-uk"


def test_another_country_s_law_is_no_second_answer_for_an_asker_who_said_where_they_are() -> None:
    lead = _passage("uk-law", "In the UK, s.29A allows non-commercial research only.", fused=0.08, cosine=0.8)
    lead.meta = replace(lead.meta, jurisdiction="UK")
    eu = replace(
        _passage("eu-law", "In the EU, rights holders may opt out.", fused=0.079, cosine=0.8), question_cosine=0.85
    )
    eu.meta = replace(eu.meta, jurisdiction="EU", type="law")
    assert not adds_a_point(lead, eu, asker=["UK"])
    assert adds_a_point(lead, eu, asker=[])  # for someone who named no country it answers as directly


def test_a_court_case_nobody_asked_about_ranks_below_the_law() -> None:
    # "is mining my work for commercial AI opt-in or opt-out in the EU?": the Directive states the
    # rule; Kneschke v. LAION is one dispute about it, shown first only when a court is asked about
    case = _passage("kneschke", "The court held that the reservation…", fused=0.060, cosine=0.60, type_="case-law")
    law = _passage("dsm", "Commercial text and data mining is allowed unless reserved…", fused=0.055, cosine=0.59)
    plan = plan_sections([case, law], named_families=set(), asker=[], audience="any", asks_case=False)
    assert [p.doc_id for p in plan] == ["dsm", "kneschke"]
    case.fused, law.fused = 0.060, 0.055  # plan_sections rescored them
    plan = plan_sections([case, law], named_families=set(), asker=[], audience="any", asks_case=True)
    assert [p.doc_id for p in plan] == ["kneschke", "dsm"]
    # a case the question names is its subject, court word or not
    case.fused, law.fused = 0.060, 0.055
    plan = plan_sections([case, law], named_families={"kneschke"}, asker=[], audience="any", asks_case=False)
    assert plan[0].doc_id == "kneschke"


def test_another_vendor_s_passing_mention_of_both_names_is_not_about_them() -> None:
    # "how do I block GPTBot and ClaudeBot?": Common Crawl's CCBot steps mention both in passing
    ccbot = _passage("ccbot", "Disallow CCBot; like GPTBot and ClaudeBot it obeys robots.txt.", fused=0.07, cosine=0.72)
    gptbot = _passage("gptbot", "Disallow GPTBot to stop OpenAI training.", fused=0.065, cosine=0.72)
    ccbot.meta = replace(ccbot.meta, type="vendor-policy")
    gptbot.meta = replace(gptbot.meta, type="vendor-policy")
    named = {"GPTBot": {"gptbot"}, "ClaudeBot": {"claudebot"}}
    plan = plan_sections([ccbot, gptbot], named_families={"gptbot", "claudebot"}, asker=[], audience="any", named=named)
    assert plan[0].doc_id == "gptbot"


def test_another_court_case_ranks_below_the_case_the_question_names() -> None:
    kneschke = _passage("kneschke", "The Hamburg court held…", fused=0.060, cosine=0.58, type_="case-law")
    getty = _passage("getty", "The High Court held that the model is not an infringing copy.", fused=0.055, cosine=0.45)
    getty.meta = replace(getty.meta, type="case-law")
    named = {"getty": {"getty"}}
    plan = plan_sections([kneschke, getty], named_families={"getty"}, asker=[], audience="any", named=named)
    assert plan[0].doc_id == "getty"


@pytest.mark.parametrize(
    ("question", "kinds"),
    [
        ("from when do AI companies have to respect EU opt-outs? is that already in force?", {"when"}),
        ("AI法の著作権の義務はいつから適用される？罰金はどれくらい？", {"when", "amount"}),
        ("which companies signed the code of practice?", {"who"}),
        ("is it fine to post AI art on pixiv?", set()),
        # a conjunction or a relative pronoun asks for no time or party
        ("does nightshade do anything alone or only work when lots of artists use it?", set()),
        ("that inventor who named his AI as the author: did any court side with him?", set()),
        ("warner bros sued midjourney too — when was that filed, and who is the judge?", {"when", "who"}),
        # a copyright registration, not Spawning's Do Not Train Registry
        ("do i still have to mention AI when i register it with the copyright office?", {"registration"}),
        ("アメリカだとAIで作った絵って著作権登録できないって本当？", {"registration"}),
        # ... or a filing with the office, not a lawsuit's (the question above)
        ("i left the AI parts out when i filed last year. is there a correction filing?", {"registration"}),
        ("does the Do Not Train Registry stop Stability?", set()),
        ("do i have to carve that out on the copyright form?", {"registration"}),
        # signing up to a registry is no copyright registration; which AI companies is a party
        # (the twenty-third set's f2050, opened this pass)
        ("Spawningの学習拒否レジストリって、登録しとけばどのAI会社が守ってくれるの？", {"who"}),
        ("Which AI companies honour the Do Not Train Registry?", {"who"}),
        ("AIで描いた漫画をアメリカで登録したら、どこまで守られる？", {"registration"}),
        # the Register of Copyrights is no registration (the opened fifty-second set's f3748,
        # https://kipcurriercopyright.blogspot.com/search/label/US%20Copyright%20Office%20AI%20reports?m=0,
        # was led by the registration guidance)
        ("the USCO put out its report right before the register got fired. is there a final version?", set()),
        ("can i register a comic with AI panels?", {"registration"}),
        # whether a work is protected at all, as Japanese asks it (trial 16's 「著作権つくの？」 was
        # answered from the AI Promotion Act)
        ("AIだけで作った曲って日本だと著作権つくの？", {"protected"}),
        ("AIで作った絵に著作権はある？", {"protected"}),
        # ... or whether one may claim rights in it (the twenty-fourth set's f2095, opened this pass)
        ("AIで作ったものを自分の作品として権利主張できるのってどういう時？", {"protected"}),
        # ... and whether a use infringes (trial 16's 「著作権的にアウト？」 was led by whether AI
        # output is protected); the アウト of オプトアウト and アウトプット asks neither
        ("著作権侵害になる？", {"infringes"}),
        ("ジブリ風のAIイラストをSNSに上げるのって著作権的にアウト？", {"infringes"}),
        ("AIのアウトプットに著作権はある？", {"protected"}),
        ("Metaのオプトアウトってどこからやるの？", set()),
        # a government's plan for the law (trial 16's UK question was led by the law in force)
        ("is the uk government really going to let ai companies train on my books unless i opt out?", {"policy"}),
        ("Did the UK adopt an opt-out for AI training in 2026?", {"policy"}),
        ("is cloudflare's managed robots.txt on the free plan?", set()),
        # a place among several (the opened fortieth set's f3021 was led by Japan's Article 30-4)
        ("japan, the EU or the US: in which of those does an opt-out from AI training have legal effect?", {"place"}),
        ("In which countries can creators opt out of AI training by law?", {"place"}),
        ("どの国ならAI学習のオプトアウトに法的な効果がある？", {"place"}),
        # ... or where one counts legally (fresh-user check 50, which the overview's section answers)
        ("japan, the EU or the US: where does an opt-out from AI training count legally?", {"place"}),
        ("where do i find the opt-out form?", set()),
        # where a case stands now (the opened forty-first set's f3113 was led by what the lower
        # courts decided); a ruling the asker only reports is no status question
        ("クネシュケさんが上告したって聞いた。最終的な判決はもう出た？", {"status"}),
        ("クネシュケ対LAION訴訟は今どうなっている？", {"status"}),
        ("What is the status of Kneschke v. LAION?", {"status"}),
        ("has the getty case got a final ruling yet?", {"status"}),
        ("英国で判決出たから決着ついたわけじゃないの？", set()),
        # what was used before the asker acted (fresh-user trial 52 was led by how to block GPTBot)
        ("if i block gptbot in robots.txt does that pull my art out of chatgpt's existing training?", {"retroactive"}),
        ("Does blocking GPTBot remove my work from models that were already trained?", {"retroactive"}),
        ("Does objecting remove my art from Meta's AI?", {"retroactive"}),
        ("GPTBotをブロックすれば、すでに学習されたモデルからも自分の作品は消える？", {"retroactive"}),
        ("would a screenshot or jpeg recompression undo it?", set()),  # undoing a filter
        ("GPTBotはもうブロックしてる。他に何を書けばいい？", set()),  # what the asker already did
        # the steps to do something (fresh-user trial 52: "uk artist here, can i stop meta…?" was led
        # by whether Meta trains in the UK, 「…オフにするには？」 by Temporary Chat)
        ("uk artist here, can i stop meta training on my instagram posts?", {"how-to"}),
        ("How do I object to Meta using my posts for AI training in the UK?", {"how-to"}),
        ("ChatGPTに自分の小説貼ったら学習に使われる？オフにするには？", {"how-to"}),
        ("自分のサイトの絵をAppleのAI学習に使わせない方法は？", {"how-to"}),
        ("How does pixiv label AI-generated works?", set()),
        ("is there any way to glaze my art without a beefy computer?", set()),
        # where the official record is, not what it records (the opened forty-second set's f3146 was
        # led by the government's request); finding a form is no such question
        ("where's the actual official record of what the government said?", {"record"}),
        ("Where can I find official information on Japan and Sora 2 rather than news?", {"record"}),
        ("Sora 2と日本について、報道ではなく公式の情報はどこで読める？", {"record"}),
        ("正確に何月何日に行ったかって公式の資料で分かるの？", {"when"}),
        # a place among several asked as 「国ってどこ？」 (the same set's f3182)
        ("AI学習を法律でオプトアウトできる国ってどこ？", {"place"}),
        # what is happening with a case asks where it stands; a bare "how?" asks for the steps
        # (fresh-user trial 55)
        ("what's happening with the artists' class action against stability ai?", {"status"}),
        # ... and so does how far up the courts it went (the opened sixteenth set's f1629 was led by
        # the appeal court's ruling, not by what the Supreme Court did)
        ("アメリカの最高裁が『AIは著作者になれない』って判決を出したって本当？", {"status"}),
        ("クネシュケ対LAIONってドイツの一番上の裁判所まで行ってるんだっけ？", {"status"}),
        ("did thaler appeal to the supreme court?", {"status"}),
        ("does the AI Act let me opt out of my art being used for training? how?", {"how-to"}),
        ("and how did that end?", set()),
        # where a plan ended up asks where it stands (the opened forty-third set's f3216 was led by
        # the consultation's response figures)
        ("the UK wanted a mining exception back in 2022. where did that end up?", {"status"}),
        ("What happened after the UK consultation on copyright and AI?", {"status"}),
        # ... and whether a step stops only future use asks whether past training is undone (its f3236)
        ("LinkedInで生成AI向けのデータ提供を止めても止まるのは今後の分だけ？", {"retroactive"}),
        ("is linkedin's opt-out only going forward?", {"retroactive"}),
        # (the opened forty-fourth set's Meta UK questions: whether an old objection counts is not this)
        ("got the objection email. is everything scraped before that still baked into their models?", {"retroactive"}),
        ("does my old objection to meta still count in the uk?", set()),
        # whether a protection still works (fresh-user trial 58); a legal effect asks no such thing
        ("do glaze and nightshade actually work or is it pointless now?", {"effective"}),
        ("GlazeとNightshadeって効果あるの？", {"effective"}),
        ("Does LightShed make Glaze and Nightshade useless?", {"effective"}),
        ("Glazeはもう破られた？効果がないって本当？", {"effective"}),
        ("robots.txtの「AI学習お断り」に法律上の効果はある？", set()),
        ("if i keep glazing my portfolio is it just wasted effort now?", {"effective"}),
        # (fresh-user trial 62: "…does turning on the NoAI tag actually stop AI companies…?" was led by
        # the steps to turn it on)
        ("does turning on the NoAI tag actually stop AI companies from using my stuff?", {"effective"}),
        ("if i tick the noai box does that actually keep my deviations out of AI datasets?", {"effective"}),
        # ... and 法的に効果 asks for a legal effect, as 法的な効果 does (fresh-user check 63)
        ("pixivの作品に「AI学習禁止」って書いとけば法的に効果あるの？", set()),
        # whether something is what it says it is: not the steps to do something ("how do i stop sora
        # from making videos of my original characters?" was led by how to tell a Sora video)
        ("How can I tell whether a video was made with Sora?", {"identify"}),
        ("how do i check it's actually CCBot?", {"identify", "how-to"}),
        ("ログに来てるボットが本物かどうか見分ける方法ってある？", {"identify", "how-to"}),
        ("how do i stop sora from making videos of my original characters?", {"how-to"}),
        # what one can do asks for the steps (fresh-user trial 62: 「Sora2で日本のアニメキャラが生成されまくって
        # るけど、権利者側は何ができるの？」 was led by the Sora 2 timeline)
        ("Sora2でアニメキャラが生成されまくってるけど、権利者側は何ができるの？", {"how-to"}),
        ("what can i do if my art shows up in an ai dataset?", {"how-to"}),
        # ... nor is "who is actually…" (the opened forty-fourth set's f3269 was led by who the ministers
        # were rather than the AI Promotion Act's headquarters)
        ("who is actually in charge of japan's AI strategy HQ?", {"who"}),
        # whether imitating a style is lawful (fresh-user check 59 was led by the similarity test)
        ("AIで絵柄を真似されるのって日本だと著作権侵害になる？", {"style", "infringes"}),
        ("画風をまねるのは著作権侵害？", {"style", "infringes"}),
    ],
)
def test_the_kind_of_answer_a_question_asks_for(question: str, kinds: set[str]) -> None:
    assert question_types(question) == kinds


def test_a_question_listing_places_is_led_by_the_section_comparing_them() -> None:
    # the opened forty-second set's f3151: "…do i own it? heard it's handled differently in japan,
    # the US and the UK" was led by a Japanese note's section on Sora 2
    def lead(listed: bool) -> str:
        national = _passage("sora-japan", "Japanese creators can use these routes.", fused=0.066, cosine=0.56)
        national.meta = replace(national.meta, jurisdiction="JP")
        national.heading = "What can I do as a Japanese creator about AI video tools?"
        compared = _passage("compared", "It differs between Japan, the US and the UK.", fused=0.045, cosine=0.58)
        compared.meta = replace(compared.meta, jurisdiction="INTL")
        compared.heading = "Is AI-generated output protected by copyright in Japan, the US and the UK?"
        plan = plan_sections(
            [national, compared], named_families=set(), asker=["JP", "US", "UK"], audience="any", places_listed=listed
        )
        return plan[0].meta.family

    assert lead(True) == "compared"
    assert lead(False) == "sora-japan"  # places named apart ("a japanese firm says the UK's…")


def test_one_country_s_source_answers_only_part_of_a_question_listing_places() -> None:
    # the opened forty-third set's f3232: 「robots.txtで…断っても結局お願いでしょ？日本やEUだと法律上の意味
    # って何かあるの？」 was led by the Japanese guidance, not by the section asking it for Japan and the EU
    def lead(listed: bool) -> str:
        national = _passage("aca", "robots.txt matters only through the proviso.", fused=0.061, cosine=0.73)
        national.meta = replace(national.meta, jurisdiction="JP")
        national.heading = "robots.txtでAIクローラーを拒否していれば、無断の学習は違法になる？"
        both = _passage("overview", "It differs by place.", fused=0.045, cosine=0.75)
        both.meta = replace(both.meta, jurisdiction="INTL")
        both.heading = "robots.txtの「AI学習お断り」に法的な意味はある？（日本・EU）"
        plan = plan_sections(
            [national, both], named_families=set(), asker=["JP", "EU"], audience="any", places_listed=listed
        )
        return plan[0].meta.family

    assert lead(True) == "overview"
    assert lead(False) == "aca"


def test_a_section_asking_across_countries_is_about_every_covered_place() -> None:
    # the opened forty-third set's f3212 ("…does any such thing exist in law in japan, britain or
    # america?") was led by the four-country summary, not by "In which countries can creators opt out…?"
    summary = _passage(
        "overview", "Japan broadly allows it; the EU allows it unless you opt out.", fused=0.055, cosine=0.58
    )
    summary.meta = replace(summary.meta, jurisdiction="INTL")
    summary.heading = "Can AI be trained on my work without permission in Japan, the EU, the US and the UK?"
    which = _passage("overview-opt-out", "Only the EU gives creators an opt-out.", fused=0.058, cosine=0.56)
    which.meta = replace(which.meta, jurisdiction="INTL")
    which.heading = "In which countries can creators opt out of AI training by law?"
    plan = plan_sections(
        [summary, which], named_families=set(), asker=["EU", "JP", "UK", "US"], audience="any", places_listed=True
    )
    assert plan[0].meta.family == "overview-opt-out"


def test_a_comparison_of_many_places_is_not_the_one_place_asked_about() -> None:
    # fresh-user trial 58: "us artist here: is it fair use for ai companies to train on my art…?" was
    # led by the four-country summary, which says only "reportedly a case-by-case fair-use question"
    summary = _passage("overview", "Japan broadly allows it; in the US it is case by case.", fused=0.070, cosine=0.70)
    summary.meta = replace(summary.meta, jurisdiction="INTL")
    summary.heading = "Can AI be trained on my work without permission in Japan, the EU, the US and the UK?"
    us = _passage("usco", "Training is often transformative, the Office says.", fused=0.064, cosine=0.67)
    us.heading = "Is AI training fair use in the US?"
    plan = plan_sections([summary, us], named_families=set(), asker=["US"], audience="any")
    assert plan[0].meta.family == "usco"


def test_whether_one_s_works_are_trained_on_is_not_a_question_about_ai_generated_works() -> None:
    # fresh-user trial 58: 「FANBOXの支援者限定の絵がAI学習に使われるって本当？」 was led by the rule on
    # selling AI-generated works on FANBOX
    def lead(asking: str) -> str:
        sales = _passage("pixiv", "FANBOX stopped handling AI-generated works.", fused=0.060, cosine=0.64)
        sales.heading = "Can AI-generated works be sold on pixivFANBOX or pixiv Request?"
        terms = _passage("pixiv-terms", "pixiv's terms forbid some analysis of posted works.", fused=0.050, cosine=0.64)
        terms.heading = "pixivの規約では、投稿した作品をAI学習に使うことは禁止されている？"
        plan = plan_sections([sales, terms], named_families=set(), asker=[], audience="any", asking=asking)
        return plan[0].meta.family

    assert lead("FANBOXの支援者限定の絵がAI学習に使われるって本当？") == "pixiv-terms"
    assert lead("FANBOXでAI生成の絵は売れる？") == "pixiv"


@pytest.mark.parametrize(
    ("question", "name", "compared"),
    [
        ("artgram got pitched as the anti-AI artstation alternative. do they screen uploads?", "artstation", True),
        ("is there an alternative to pixiv that keeps scrapers off?", "pixiv", True),
        ("is cara a good artstation alternative, and does artstation train on my art?", "artstation", False),
        ("does artstation train on my art?", "artstation", False),
    ],
)
def test_a_platform_named_only_as_what_another_is_set_against(question: str, name: str, compared: bool) -> None:
    assert only_compared(question.casefold(), name) is compared


def test_a_registration_asked_about_in_a_court_case_is_the_case_s_question() -> None:
    # f841: 「AIを著作者にして登録しようとした人の裁判…最高裁はなんて判断したの？」 was led by the
    # registration guidance (its heading asks about registering), then refused as an unknown case
    def lead(asks_case: bool) -> str:
        guidance = _passage("guidance", "Applicants must disclose AI-generated material.", fused=0.055, cosine=0.58)
        guidance.heading = "How do I register a work with AI-generated parts in the US?"
        case = _passage(
            "thaler", "The Supreme Court declined to review the case.", fused=0.058, cosine=0.60, type_="case-law"
        )
        case.heading = "Did the US Supreme Court rule on AI authorship in Thaler v. Perlmutter?"
        kinds = frozenset({"registration"})
        plan = plan_sections(
            [guidance, case], named_families=set(), asker=[], audience="any", asks_for=kinds, asks_case=asks_case
        )
        return plan[0].doc_id

    assert lead(asks_case=False) == "guidance"  # a registration question: the guidance answers it
    assert lead(asks_case=True) == "thaler"


def test_a_section_asking_for_the_same_kind_of_answer_leads_a_near_tie() -> None:
    # "from when do AI companies have to respect EU opt-outs?": the section asking "When do the
    # obligations apply?" answers it, not the one asking what the obligations are
    what = _passage("act", "The AI Act requires a copyright policy.", fused=0.060, cosine=0.60)
    when = _passage("act-when", "The obligations apply from 2 August 2025.", fused=0.050, cosine=0.58)
    when.heading = "When do the AI Act's copyright obligations apply?"
    plan = plan_sections([what, when], named_families=set(), asker=[], audience="any", asks_for=frozenset({"when"}))
    assert plan[0].doc_id == "act-when"


def test_a_section_whose_own_question_is_nearly_the_question_leads_a_near_tie() -> None:
    # 「日本政府がSoraのことでOpenAIに何か要請したって聞いたけど、何を求めたの？」: the section asking
    # 「日本政府は…OpenAIに何を要請したの？」 (0.90) answers it, not the Diet's confirmation (0.83)
    # that ranked a little higher by fusion
    confirmed = _passage("diet", "The Cabinet confirmed the request.", fused=0.110, cosine=0.83)
    confirmed.question_cosine = 0.83
    asked = _passage("request", "The government asked OpenAI not to infringe.", fused=0.100, cosine=0.90)
    asked.question_cosine = 0.90
    plan = plan_sections([confirmed, asked], named_families=set(), asker=[], audience="any")
    assert plan[0].doc_id == "request"
    # a section that is merely related (its question far from a paraphrase) gets nothing
    asked.question_cosine = 0.70
    plan = plan_sections([confirmed, asked], named_families=set(), asker=[], audience="any")
    assert plan[0].doc_id == "diet"


def test_another_section_of_the_lead_s_note_joins_for_a_name_the_lead_does_not_write() -> None:
    # "if i block GPTBot do i also need to block ChatGPT-User?": the lead answers for ChatGPT-User;
    # the same note's section on GPTBot joins it, because the question names GPTBot too
    named = {"gptbot": {"openai"}, "chatgpt-user": {"openai"}}
    lead = _passage("openai", "ChatGPT-User acts on a user's request; robots.txt may not apply.", fused=0.1, cosine=0.6)
    lead.section = 4
    tokens = _passage("openai", "GPTBot collects training data; block it with Disallow: /.", fused=0.09, cosine=0.6)
    tokens.section = 2
    assert adds_a_point(lead, tokens, named=named)
    # a section of the same note that writes no name the lead lacks adds nothing
    other = _passage("openai", "Changes take about a day to apply to ChatGPT-User.", fused=0.09, cosine=0.6)
    other.section = 5
    assert not adds_a_point(lead, other, named=named)
    # nor does the lead's own section
    assert not adds_a_point(lead, replace(tokens, section=4), named=named)


def test_a_longer_name_of_what_the_lead_names_brings_no_second_section() -> None:
    # fresh-user trial 24: "…meta ai training in the EU?" added Meta's US section after the EU
    # form, because the lead wrote "Meta" but not "meta ai"
    named = {"meta ai": {"meta"}, "Meta": {"meta"}}
    lead = _passage("meta", "In the EU/EEA, Meta trains on public posts; object with the form.", fused=0.1, cosine=0.7)
    lead.section = 2
    us = _passage("meta", "US users have no form to object to Meta AI training.", fused=0.09, cosine=0.7)
    us.section = 3
    assert not adds_a_point(lead, us, named=named)
    # ... while a name that only begins like one the lead writes is another name ("xai" is not X)
    named = {"x": {"meta"}, "xai": {"meta"}}
    lead.text, us.text = "On X, switch the setting off.", "xAI trains Grok on X posts."
    assert adds_a_point(lead, us, named=named)


def test_a_note_cited_for_two_sections_is_noted_once_under_its_own_number() -> None:
    # 「EUなら学習禁止って書けばオプトアウトになる？」 answered from two sections of a Japanese note:
    # both share citation [1], and the line saying it is about Japan names [1] once (it named a
    # [2] that did not exist)
    first = _passage("jp-note", "In Japan a notice has no legal force.", fused=0.1, cosine=0.7)
    second = replace(first, section=3, text="Article 30-4 has no opt-out.")
    first.meta = second.meta = replace(first.meta, jurisdiction="JP")
    lines = jurisdiction_notes([first, second], ["EU"], [], "en")
    assert len(lines) == 1 and "[1]" in lines[0]
    other = _passage("us-note", "US guidance.", fused=0.09, cosine=0.6)
    lines = jurisdiction_notes([first, second, other], ["EU"], [], "en")
    assert ["[1]" in line for line in lines] == [True, False] and "[2]" in lines[1]


def test_an_uncovered_asker_is_told_when_the_answer_compares_covered_countries() -> None:
    # fresh-user trial 92: "India based digital artist on ArtStation - is AI-generated art
    # copyrightable here?" was answered from the four-country comparison, then called "general
    # guidance that does not depend on the country"
    india = Place(code="IN", surface="India", jurisdiction=None, name_en="India")
    compared = _passage(
        "overview-compared",
        "Japan and the US tie protection to human authorship; UK law differs.",
        fused=0.1,
        cosine=0.7,
    )
    compared.meta = replace(compared.meta, jurisdiction="INTL", type="overview")
    (line,) = jurisdiction_notes([compared], [], [india], "en")
    assert "comparison" in line and "does not depend on the country" not in line, line
    # ... while robots.txt guidance naming no country is still the rule that does not depend on it
    robots = replace(compared, text="Disallow GPTBot in robots.txt.")
    (line,) = jurisdiction_notes([robots], [], [india], "en")
    assert "does not depend on the country" in line, line


def test_a_short_lead_s_near_tie_in_its_own_note_is_shown_after_it() -> None:
    # "is there a setting on bluesky to say my posts aren't for AI?": the note's section on who can
    # read the posts led by a hair over the one on the proposed setting; both are shown
    def twin_sim(a: tuple[str, int], b: tuple[str, int]) -> float:
        return 0.5

    lead = _passage("bluesky", "Bluesky posts are public.", fused=0.100, cosine=0.66)
    setting = replace(lead, section=3, text="Bluesky proposed user intents.", fused=0.095)
    other_note = _passage("cara", "Cara blocks AI.", fused=0.099, cosine=0.66)
    assert near_tie(lead, [lead, other_note, setting], twin_sim) is setting
    # not when the runner-up is clearly behind
    behind = replace(setting, fused=0.060)
    assert near_tie(lead, [lead, other_note, behind], twin_sim) is None
    # not when it asks the same question as the lead (a translation or checklist twin)
    assert near_tie(lead, [lead, setting], lambda a, b: 0.9) is None
    # not when the lead is already long, unless the runner-up is all but level with it (the opened
    # forty-third set's f3214: the ACA guide's overview led its rights-holder section by 0.001)
    long_lead = replace(lead, text="Bluesky posts are public. " * 40)
    assert near_tie(long_lead, [long_lead, setting], twin_sim) is None
    level = replace(setting, fused=0.098)
    assert near_tie(long_lead, [long_lead, level], twin_sim) is level


def test_a_style_section_is_no_near_tie_for_a_question_that_does_not_ask_about_style() -> None:
    # fresh-user trial 34: "can i copyright a comic i made with midjourney? im in Japan" was
    # followed by the Agency's section on LoRA and imitating a style
    def twin_sim(a: tuple[str, int], b: tuple[str, int]) -> float:
        return 0.5

    lead = _passage("jp-aca", "AI output is protected only with a human creative contribution.", fused=0.1, cosine=0.7)
    lead.heading = "Can AI-generated art be protected by copyright in Japan?"
    style = replace(lead, section=3, text="A style as such is an idea; LoRA training may fall outside 30-4.")
    style.heading = "Is copying an artist's style legal in Japan?"
    question = "can i copyright a comic i made with midjourney? im in Japan"
    assert near_tie(lead, [lead, style], twin_sim, question) is None
    assert near_tie(lead, [lead, style], twin_sim, "is copying my art style with AI legal in japan?") is style


def test_guidance_whose_own_question_names_the_law_asked_about_is_about_it() -> None:
    # 「特定の作家の絵だけでLoRAを作るのは30条の4の対象外？」: the ACA's section asking which training
    # falls outside Article 30-4 answers it, though only the Act's note has the alias
    named = {"30条の4": {"act"}}
    act = _passage("act", "Article 30-4 allows non-enjoyment uses.", fused=0.100, cosine=0.50, type_="law")
    act.heading = "Can AI companies train on my art in Japan?"
    aca = _passage("aca", "Training to reproduce one creator's expression is outside it.", fused=0.110, cosine=0.55)
    aca.heading = "どんなAI学習が著作権法第30条の4の対象外になる？"
    plan = plan_sections([act, aca], named_families={"act"}, asker=[], audience="any", named=named)
    assert plan[0].doc_id == "aca"
    # a guidance section whose question does not name the law gets no such lift
    aca.heading = "LoRAは大丈夫？"
    plan = plan_sections([act, aca], named_families={"act"}, asker=[], audience="any", named=named)
    assert plan[0].doc_id == "act"


@pytest.mark.parametrize(
    ("question", "audience"),
    [
        # pasting into a chatbot is using the tool: its settings answer, not a website's robots.txt
        ("i pasted my drafts into chatgpt. are those chats used for training?", "user"),
        ("ChatGPTに入力した内容はどこでオフにする？", "user"),
        ("how do I keep my art out of AI training?", "rights-holder"),
        # showing one's own illustration to a chatbot is using it, as well as holding its rights
        ("ChatGPTに自分のイラスト見せて感想もらいたいんだけど、見せた絵って勝手に学習に使われちゃう?", "any"),
        # building on a service's API and sending it one's work is using it (the twelfth blind set)
        ("i built a captioning tool for my illustrations on the openai API. does openai train on it?", "any"),
        ("if i upload one of my drawings to midjourney as an image prompt, can they train on it?", "any"),
        ("ChatGPTに自分の絵をアップして感想もらったら、その絵って学習に使われちゃう？", "any"),
        ("chatgptに自分の文章とか絵を学習させない設定ってどこにあるの？", "any"),  # the chatbot's own setting
        ("AIに自分の絵を学習させない設定ってある？", "rights-holder"),  # no chatbot named
        # showing work to people on a platform is not using a tool
        ("pixivに上げて人に見せてる絵って、AI学習に使われない？", "rights-holder"),
        # the asker's opening self-description says who they are, not which side they ask from
        # (the twenty-second field set's f1958 was led by Midjourney's artist-side note)
        (
            "concept artist: can midjourney hand my generated images on to other companies under its licence?",
            "user",
        ),
        ("i'm an artist: how do i stop midjourney training on my work?", "rights-holder"),
        ("do artists get any say when midjourney trains on their art?", "rights-holder"),
        # what a vendor offers artists is asked as one, whatever user setting is named beside it
        # (the thirty-ninth field set's f3001 was led by Midjourney's Stealth Mode)
        (
            "Midjourneyってアーティスト向けに学習から外してもらうオプトアウトある？Stealth Modeってそれのこと？",
            "rights-holder",
        ),
        ("is there an opt-out for artists at midjourney, or is stealth mode it?", "rights-holder"),
        ("does stealth mode keep my midjourney generations private?", "user"),
    ],
)
def test_who_a_question_is_asked_as(question: str, audience: str) -> None:
    from bot.engine.planning import question_audience

    assert question_audience(question) == audience


def test_a_section_of_the_lead_s_subject_writing_a_term_the_lead_lacks_is_added() -> None:
    # "…is there an email at anthropic i can contact?": the lead blocks ClaudeBot; the section
    # that gives the crawler team's address writes "email", the lead does not
    lead = _passage("anthropic", "Disallow ClaudeBot in robots.txt to stop training.", fused=0.100, cosine=0.6)
    lead.audience = "rights-holder"
    contact = replace(lead, section=4, text="Write to the crawler team by email from your domain.", fused=0.087)
    other_note = _passage("openai", "OpenAI lists an email for crawler questions.", fused=0.095, cosine=0.6)
    plan = [lead, other_note, contact]
    assert writes_missing_term(lead, lead, plan, {"email"}, "en") is contact
    # not when the lead writes the term itself, nor for a term no candidate writes
    assert writes_missing_term(lead, lead, plan, {"claudebot"}, "en") is None
    assert writes_missing_term(lead, lead, plan, {"telephone"}, "en") is None
    # not when it ranks far behind the lead
    far = replace(contact, fused=0.030)
    assert writes_missing_term(lead, lead, [lead, other_note, far], {"email"}, "en") is None
    # not steps for tool users after a rights holder's lead
    chats = replace(contact, audience="user")
    assert writes_missing_term(lead, lead, [lead, chats], {"email"}, "en") is None
    # not in another language than the asker's
    assert writes_missing_term(lead, lead, plan, {"email"}, "ja") is None
    # not a section restating the lead with the term added (a checklist step and its note's
    # section: the same fact twice)
    restating = replace(contact, text="Disallow ClaudeBot in robots.txt, and email the crawler team.")
    assert writes_missing_term(lead, lead, [lead, restating], {"email"}, "en") is None


def test_a_crawler_token_the_lead_lacks_is_answered_by_its_own_note_wherever_that_ranks() -> None:
    # the opened sixth set's f901: "got a bunch of hits from OAI-AdsBot on my print shop's product
    # pages…" was led by the GPTBot section; OpenAI's list of tokens, which writes OAI-AdsBot, ranked
    # below TERM_GAP
    lead = _passage("openai", "Disallow GPTBot to stop training.", fused=0.100, cosine=0.6)
    tokens = replace(lead, section=5, text="OAI-AdsBot only visits ad landing pages.", fused=0.030)
    other = _passage("overview", "Many companies run crawlers.", fused=0.060, cosine=0.6)
    plan = [lead, other, tokens]
    assert writes_missing_term(lead, lead, plan, set(), "en", names=["OAI-AdsBot"]) is None
    got = writes_missing_term(lead, lead, plan, set(), "en", names=["OAI-AdsBot"], tokens={"oai-adsbot"})
    assert got is tokens
    # ... but another note's section far down is no answer for it
    elsewhere = _passage("other-note", "OAI-AdsBot is listed here too.", fused=0.030, cosine=0.6)
    got = writes_missing_term(
        lead, lead, [lead, other, elsewhere], set(), "en", names=["OAI-AdsBot"], tokens={"oai-adsbot"}
    )
    assert got is None


def test_an_asker_from_an_uncovered_country_gets_the_platform_s_section_for_elsewhere() -> None:
    # "i'm in nz, can meta train on my instagram?": Meta's UK route is worded like the question,
    # but its section on what Meta does outside Europe is the asker's
    uk = _passage("meta-uk", "Meta trains on UK adults' public posts.", fused=0.100, cosine=0.80, type_="vendor-policy")
    uk.meta = replace(uk.meta, jurisdiction="UK")
    uk.heading = "Is Meta training on my Instagram posts in the UK?"
    outside = _passage("meta-outside", "Outside Europe Meta trains on public posts.", fused=0.085, cosine=0.58)
    outside.meta = replace(outside.meta, type="vendor-policy", jurisdiction="INTL")
    outside.heading = "What does Meta use to train its AI outside Europe?"
    families = {"meta-uk", "meta-outside"}
    kw = dict(named_families=families, asker=[], audience="any", named={"meta": families})
    assert plan_sections([uk, outside], elsewhere=True, **kw)[0].doc_id == "meta-outside"
    # an asker who named no place keeps the closest section first
    uk.fused, outside.fused = 0.100, 0.085
    assert plan_sections([uk, outside], **kw)[0].doc_id == "meta-uk"


@pytest.mark.parametrize(
    ("question", "kept"),
    [
        ("moving to cara after the instagram mess. can i post AI backgrounds there?", {"cara"}),
        ("leaving twitter for bluesky, will bluesky train AI on my art?", {"bluesky"}),
        ("インスタやめてCaraに移ろうか迷ってる。Caraなら守られる？", {"cara"}),
        # (fresh-user trial 64: the X/Grok checklist followed Cara's answer)
        ("Caraって本当にAI対策してる？Xから移住考えてる", {"cara"}),
        # ... and one the asker is tired of (the opened forty-eighth set's f3536, led by Meta's note
        # on private accounts; source: https://itmagazine.cc/2025/03/14/
        # Fed-up-with-AI-generated-content-on-Instagram%3F-These-apps-are-exclusively-for-human-artists)
        ("インスタに疲れた絵描きがCaraに移ってるらしい。Caraに上げたらGlazeもかけてもらえる？", {"cara"}),
        ("fed up with instagram. does cara glaze my uploads?", {"cara"}),
        # ... or fleeing, with the platform's other names (the opened fifty-first set's f3690,
        # https://alafdalnews.com/post.php?post_id=140366, led by Meta's note on private accounts)
        ("artists are fleeing instagram for cara over meta's AI plans. does cara stop scrapers?", {"cara"}),
        # both are asked about
        ("is cara safer than instagram for my art?", {"cara", "instagram"}),
        # the only platform named stays the subject, whatever the asker does with it
        ("leaving instagram. can meta still train on my old posts?", {"instagram", "meta"}),
    ],
)
def test_the_platform_an_asker_is_leaving_is_not_the_subject(question: str, kept: set[str]) -> None:
    named = {
        "cara": {"cara-ai-policy"},
        "instagram": {"optout-meta"},
        "インスタ": {"optout-meta"},
        "meta": {"optout-meta"},
        "twitter": {"x-terms"},
        "x": {"x-terms"},
        "bluesky": {"bluesky-stance"},
    }
    found = {n: f for n, f in named.items() if n.casefold() in question.casefold()}
    vendors = {"cara-ai-policy", "optout-meta", "x-terms"}
    assert set(without_left_platforms(found, vendors, question)) == kept


@pytest.mark.parametrize(
    ("question", "kept"),
    [
        # the opened fifty-first set's f3688
        # (https://www.appgefahren.de/zeit-um-x-endgueltig-ade-zu-sagen-eigene-beitraege-trainieren-grok-ai-367671.html)
        # was answered from Apple's checklist
        ("a german apple blog told people to quit X over its terms. if i keep using it, have i agreed?", {"x"}),
        # a name outside the outlet's description stays, and the only name named stays
        ("a german apple blog says apple trains on X posts. is that true?", {"apple", "x"}),
        ("a german apple blog says the new terms are bad. should i worry?", {"apple"}),
    ],
)
def test_what_a_news_outlet_is_about_is_not_the_subject(question: str, kept: set[str]) -> None:
    named = {"apple": {"optout-apple"}, "x": {"x-terms"}}
    found = {n: f for n, f in named.items() if re.search(rf"\b{n}\b", question, re.I)}
    assert set(without_outlet_topics(found, question)) == kept


def test_a_name_picking_out_one_of_a_subject_s_notes_ranks_it_up() -> None:
    # "heard the judge sent disney and universal vs midjourney to mediation…": Midjourney's own
    # note on its lawsuits was a little closer; the case's note is the one the name picks out
    side = _passage("midjourney-artist-side", "Midjourney relies on fair use.", fused=0.100, cosine=0.60)
    case = _passage("disney-v-midjourney", "The court referred the case to mediation.", fused=0.090, cosine=0.55)
    named = {
        "midjourney": {"midjourney-artist-side", "disney-v-midjourney"},
        "disney vs midjourney": {"disney-v-midjourney"},
    }
    families = set().union(*named.values())
    plan = plan_sections([side, case], named_families=families, asker=[], audience="any", named=named)
    assert plan[0].doc_id == "disney-v-midjourney"
    # naming only the company leaves the closer section first
    side.fused, case.fused = 0.100, 0.090
    one = {"midjourney": named["midjourney"]}
    plan = plan_sections([side, case], named_families=families, asker=[], audience="any", named=one)
    assert plan[0].doc_id == "midjourney-artist-side"


@pytest.mark.parametrize(
    ("question", "dated"),
    [
        ("when did the copyright office publish that report?", True),
        ("since when does this guidance apply?", True),
        ("登録ガイダンスっていつから効いてるの？", True),
        ("あの報告書、いつ出たやつ？", True),
        # "when" as a conjunction, and いつ in words that ask no date
        ("when people generate my characters, does the report protect me?", False),
        ("いつも思うけど、この報告書って守ってくれるの？", False),
        ("いつまでに申請すればいい？", False),
        ("what does the report say about prompts?", False),
    ],
)
def test_a_question_asking_for_a_date_gets_the_lead_source_s_own_date(question: str, dated: bool) -> None:
    report = _passage("usco-report", "The Office says prompts alone are not enough.", fused=0.1, cosine=0.7)
    report.meta = replace(report.meta, type="report", published="2025-01-29", title="Part 2")
    lines = date_note([report], question, "ja" if "の" in question else "en")
    assert bool(lines) is dated
    if dated:
        assert "[1]" in lines[0] and ("29 January 2025" in lines[0] or "2025年1月29日" in lines[0])


def test_a_date_the_lead_writes_or_a_date_that_is_not_the_document_s_is_not_added() -> None:
    question = "when was it published?"
    report = _passage("usco-report", "The report (29 January 2025) says prompts are not enough.", fused=0.1, cosine=0.7)
    report.meta = replace(report.meta, type="report", published="2025-01-29")
    assert date_note([report], question, "en") == []  # already written in the shown section
    for kind in ("law", "case-law", "vendor-policy", "statement"):  # in force, filed, last changed…
        other = replace(report, text="Another text.", meta=replace(report.meta, type=kind))
        assert date_note([other], question, "en") == []
    overview = replace(report, text="Another text.", meta=replace(report.meta, publisher="kenri (overview)"))
    assert date_note([overview], question, "en") == []  # the day kenri wrote it
    year_only = replace(report, text="Another text.", meta=replace(report.meta, published="2024"))
    assert date_note([year_only], question, "en") == []


def test_dates_are_written_in_the_asker_s_language() -> None:
    assert format_date("2023-03-16", "en") == "16 March 2023"
    assert format_date("2023-03-16", "ja") == "2023年3月16日"
    assert format_date("2025-08", "en") == "August 2025"
    assert format_date("living", "en") == format_date("2024", "ja") == format_date("2024-13", "en") == ""


def test_an_overview_restating_a_named_subject_s_note_follows_that_note() -> None:
    # "CODAの要望書って…": the Sora 2 overview's CODA paragraph (citing the CODA note by id) was a
    # little closer by fusion than CODA's own note, and led
    overview = _passage("overview", "CODA sent OpenAI a request (source: coda-request).", fused=0.052, cosine=0.57)
    overview.meta = replace(overview.meta, sources=("coda-request", "gov-request"))
    own = _passage("coda-request", "CODA asked OpenAI not to train on members' works.", fused=0.050, cosine=0.67)
    named = {"CODA": {"coda-request"}, "Sora 2": {"overview"}}
    plan = plan_sections(
        [overview, own], named_families={"coda-request", "overview"}, asker=[], audience="any", named=named
    )
    assert [p.meta.id for p in plan] == ["coda-request", "overview"]
    # an overview section that does not cite the named note keeps its place
    other = replace(overview, text="Japan's government asked OpenAI (source: gov-request).", fused=0.052)
    own = replace(own, fused=0.050)
    plan = plan_sections(
        [other, own], named_families={"coda-request", "overview"}, asker=[], audience="any", named=named
    )
    assert plan[0].meta.id == "overview"


def test_a_section_writing_a_name_the_question_gives_follows_a_lead_that_does_not() -> None:
    # "got hits from OAI-AdsBot… is openai training on my art?": the GPTBot section leads; the list
    # of OpenAI's tokens, which shares most of its words, is the only one writing OAI-AdsBot
    lead = _passage("openai", "GPTBot crawls content that may be used to train OpenAI's models.", fused=0.1, cosine=0.6)
    tokens = replace(
        lead,
        section=2,
        text="GPTBot crawls content used to train OpenAI's models. OAI-AdsBot visits ad landing pages.",
        fused=0.06,
    )
    plan = [lead, tokens]
    assert writes_missing_term(lead, lead, plan, set(), "en") is None
    assert writes_missing_term(lead, lead, plan, set(), "en", names=["OAI-AdsBot"]) is tokens
    # a name the lead writes (in any spacing: "Sora 2" for "Sora2") is not missing; nor is a short
    # name met inside a word ("X" in "example")
    assert writes_missing_term(lead, lead, plan, set(), "en", names=["gpt bot"]) is None
    other = replace(tokens, text="For example, ads.")
    assert writes_missing_term(lead, lead, [lead, other], set(), "en", names=["X"]) is None


def test_a_question_for_either_audience_may_get_the_other_audience_s_section_second() -> None:
    # "if i brainstorm my novel in claude's incognito mode, does that stay out of training?": the
    # robots.txt section (for site owners) leads; the chats section (for users) writes "incognito"
    lead = _passage("anthropic", "Disallow ClaudeBot in robots.txt to stop training.", fused=0.12, cosine=0.5)
    chats = replace(lead, section=6, text="Incognito chats are not used for training.", fused=0.10)
    lead.audience, chats.audience = "rights-holder", "user"
    plan = [lead, chats]
    assert writes_missing_term(lead, lead, plan, {"incognito"}, "en", audience="rights-holder") is None
    assert writes_missing_term(lead, lead, plan, {"incognito"}, "en", audience="any") is chats
    assert question_audience("if i brainstorm my novel in claude's incognito mode, does it train on it?") == "any"


def test_an_overview_section_citing_several_named_subjects_keeps_its_place() -> None:
    # "i turned off AI training on X, linkedin and instagram. does that protect my own website
    # too?" is the overview's own question: it cites every named platform's note, restating none
    overview = _passage(
        "overview", "Neither X's (source: x-note) nor LinkedIn's (source: li-note) covers it.", fused=0.052, cosine=0.57
    )
    overview.meta = replace(overview.meta, sources=("x-note", "li-note"))
    x_note = _passage("x-note", "Turn off the Grok setting.", fused=0.050, cosine=0.67)
    li_note = _passage("li-note", "Turn off the LinkedIn setting.", fused=0.01, cosine=0.5)
    named = {"X": {"x-note"}, "LinkedIn": {"li-note"}}
    plan = plan_sections(
        [overview, x_note, li_note], named_families={"x-note", "li-note"}, asker=[], audience="any", named=named
    )
    assert plan[0] is overview


def test_a_when_question_gets_the_dated_section_of_the_lead_s_note() -> None:
    # "…MetaがFacebookとインスタの公開投稿でAIの学習を始めたのって、いつから？" (the eleventh blind set):
    # the lead says how to object; the section dating the start of training follows it
    from bot.engine.planning import dated_sibling

    lead = _passage("meta-eu", "Use the objection form in the Privacy Centre.", fused=0.13, cosine=0.7)
    dated = replace(lead, section=2, text="Training began on 27 May 2025, according to reports.", fused=0.11)
    other = _passage("meta-uk", "The UK form opened in September 2024.", fused=0.12, cosine=0.7)
    plan = [lead, other, dated]
    assert dated_sibling(lead, plan, "when did meta start training on EU posts?") is dated
    assert dated_sibling(lead, plan, "MetaがEUで学習を始めたのっていつから？") is dated
    # not for a question that asks no date, nor when the lead already writes one
    assert dated_sibling(lead, plan, "how do i object to meta's training in the EU?") is None
    assert dated_sibling(dated, plan, "when did meta start training on EU posts?") is None


def test_a_when_question_gets_the_dated_section_of_the_note_a_checklist_is_built_from() -> None:
    # "roughly when did apple start offering the applebot-extended opt-out?" (the twenty-eighth
    # blind set): the checklist's limits lead, and Apple's page dating the token follows; the
    # day kenri checked the checklist ("checked 2026-11-25") dates no event
    from bot.engine.planning import dated_sibling

    limits = _passage(
        "optout-apple", "The opt-out steps have these limits (checked 2026-01-01).", fused=0.1, cosine=0.7
    )
    limits = replace(limits, meta=replace(limits.meta, sources=("apple-page",)))
    steps = replace(limits, section=2, text="Disallow Applebot-Extended (checked 2026-01-01).")
    page = _passage("apple-page", "Applebot-Extended was introduced in June 2024.", fused=0.06, cosine=0.6)
    other = _passage("google-page", "Google-Extended was announced in September 2023.", fused=0.08, cosine=0.6)
    plan = [limits, steps, other, page]
    assert dated_sibling(limits, plan, "when did apple start offering applebot-extended?") is page
    # a note the checklist is not built from is no date of it
    assert dated_sibling(limits, [limits, steps, other], "when did apple start offering it?") is None


def test_a_year_or_count_the_question_writes_picks_the_section_that_writes_it() -> None:
    # 「AIで描いた漫画がアメリカで初めて著作権登録されたって2022年のニュース、その後ひっくり返ったの？」
    # (the twenty-eighth blind set): the later guidance led; the decision dating the 2022
    # registration answers it
    from bot.engine.planning import figure_writer, figures_in

    assert figures_in("2022年のニュース、18ページの漫画、出版社17社") == {"2022", "18", "17"}
    assert figures_in("18 pages; GPT-4 and Sora 2; 30条の4") == {"18"}
    guidance = _passage("guidance", "Applicants must disclose AI-generated material.", fused=0.10, cosine=0.6)
    decision = _passage("zarya", "The comic was registered in September 2022, then cut back.", fused=0.07, cosine=0.6)
    assert figure_writer([guidance, decision], "the AI comic registered in 2022, was that reversed?") is decision
    assert figure_writer([guidance, decision], "was the AI comic's registration reversed?") is None
    # the figures only say which document is meant when the lead's own note writes them elsewhere
    # ("the consultation that closed in february 2025": its responses section leads)
    dated = replace(guidance, section=2, text="The consultation closed on 25 February 2025.")
    assert figure_writer([guidance, decision, dated], "how many responses to the one that closed in 2025?") is None


_FOLDER = "How do I block an AI crawler from only part of my site?"
_TOKENS = "Which robots.txt tokens block AI training crawlers?"
_SEARCH = "Will blocking AI search bots remove my site from AI search answers?"
_TRAINING = "How can I stop AI companies from training on my art?"


@pytest.mark.parametrize(
    ("narrow_heading", "other_heading", "question", "narrow_leads"),
    [
        # a section about part of a site answers only a question about part of one
        (_FOLDER, _TOKENS, "how do i block AI bots from my art site?", False),
        (_FOLDER, _TOKENS, "can i keep AI crawlers out of just one folder?", True),
        (_FOLDER, _TOKENS, "can i block it from /index.php only?", True),
        (_FOLDER, _TOKENS, "robots.txtで一部のフォルダだけ拒否したい", True),
        # ... said in words (trial 14: "part of my site (my art pages)")
        (_FOLDER, _TOKENS, "can i block chatgpt from part of my site but keep google?", True),
        (_FOLDER, _TOKENS, "how do i keep AI bots off certain pages of my portfolio?", True),
        # "only one" of the bots is no part of a site (the opened twentieth set's f1842)
        (_FOLDER, _TOKENS, "can i block only one AI bot and leave the others alone?", False),
        # ... and one about AI search only a question that mentions search
        (_SEARCH, _TRAINING, "Can I stop AI training on my mastodon server?", False),
        (_SEARCH, _TRAINING, "will blocking AI bots hurt my search ranking?", True),
        (_SEARCH, _TRAINING, "AI検索に出なくなる？", True),
        # ... or being found on a search engine, in other words (the twentieth blind set's f1826)
        (_SEARCH, _TRAINING, "if i block every bot, does that also kick me off google?", True),
        (_SEARCH, _TRAINING, "does blocking AI bots hurt my seo?", True),
        (_SEARCH, _TRAINING, "can i stop AI training on my google docs drafts?", False),
    ],
)
def test_a_section_asking_something_narrower_ranks_down_for_a_question_that_does_not(
    narrow_heading: str, other_heading: str, question: str, narrow_leads: bool
) -> None:
    from bot.engine.planning import asks_about_part, asks_about_search

    # (a narrower section asking the same kind of question, "How do I…?", gets no bonus for it)
    narrow = _passage("narrow", "The narrower answer.", fused=0.110, cosine=0.7)
    narrow.heading = narrow_heading
    other = _passage("other", "The broader answer.", fused=0.100, cosine=0.7)
    other.heading = other_heading
    plan = plan_sections(
        [narrow, other],
        named_families=set(),
        asker=[],
        audience="any",
        asks_part=asks_about_part(question),
        asks_search=asks_about_search(question, question=True),
        asks_for=question_types(question),
    )
    assert (plan[0].doc_id == "narrow") is narrow_leads, question


def _aspected(note_id: str, aspect: float, type_: str, question_cosine: float = 0.6) -> Passage:
    p = _passage(note_id, "text", fused=0.1, cosine=0.6, type_=type_)
    p.aspect = aspect
    p.question_cosine = question_cosine
    return p


@pytest.mark.parametrize(
    ("named", "standard_aspect", "vendor_aspect", "example", "vendor_qsim"),
    [
        # the standard's section carries the question's own terms ("Allow", "wins"); GPTBot is the example
        ({"gptbot": {"openai"}}, 0.48, 0.08, True, 0.6),
        # the vendor's section answers as well: the crawler is the subject
        ({"gptbot": {"openai"}}, 0.48, 0.40, False, 0.6),
        # nothing general carries the question's terms
        ({"gptbot": {"openai"}}, 0.2, 0.0, False, 0.6),
        # a platform's name is never an example ("is artstation's NoAI tag on by default?")
        ({"artstation": {"openai"}}, 0.9, 0.0, False, 0.6),
        # nor is a crawler named beside a platform
        ({"gptbot": {"openai"}, "artstation": {"artstation"}}, 0.9, 0.0, False, 0.6),
        # the vendor's own question asks it far more closely ("how do i block gptbot?")
        ({"gptbot": {"openai"}}, 0.48, 0.08, False, 0.95),
    ],
)
def test_a_crawler_token_is_the_example_only_when_a_general_section_answers_better(
    named: dict[str, set[str]], standard_aspect: float, vendor_aspect: float, example: bool, vendor_qsim: float
) -> None:
    from bot.engine.planning import crawler_is_example

    passages = [
        _aspected("rfc", standard_aspect, "standard"),
        _aspected("openai", vendor_aspect, "vendor-policy", question_cosine=vendor_qsim),
    ]
    assert crawler_is_example(passages, named, {"gptbot", "chatgpt-user"}) is example


@pytest.mark.parametrize(
    ("question", "own"),
    [
        # trial 19: the asker's own robots.txt lines, quoted as done, are their setup
        ("I put 'User-agent: GPTBot Disallow: /' in my robots.txt - do AI bots actually respect that?", True),
        ("robots.txtに「User-agent: GPTBot」を書いたけど、本当に守られる？", True),
        # a question about what the lines do, or naming the crawler again, is about the crawler
        ("does 'User-agent: GPTBot / Disallow: /' actually stop openai?", False),
        ("I put 'User-agent: GPTBot' in robots.txt. does GPTBot obey it within a day?", False),
    ],
)
def test_robots_lines_quoted_as_the_asker_s_setup_make_the_crawler_an_example(question: str, own: bool) -> None:
    from bot.engine.planning import quotes_own_setup, without_own_setup

    assert quotes_own_setup(question, ["gptbot"]) is own
    if own:  # what is retrieved for is the rest of the question
        rest = without_own_setup(question)
        assert "gptbot" not in rest.casefold() and ("robots.txt" in rest), rest


@pytest.mark.parametrize(
    ("question", "example"),
    [
        # the twenty-fourth set's f2063 (opened this pass): the crawler named is what the asker did
        (
            "already disallowed GPTBot on my blog last year. which other AI companies' bots belong in the file too?",
            True,
        ),
        ("GPTBotはもうブロックした。他の会社のクローラーは何を書けばいい？", True),
        ("does GPTBot obey robots.txt?", False),
        # "besides" keeps the subject ("besides the toggle, is there a portal…?" is still OpenAI's)
        ("besides GPTBot, does openai run a search crawler?", False),
    ],
)
def test_a_crawler_named_beside_a_question_about_the_others_is_the_example(question: str, example: bool) -> None:
    from bot.engine.planning import crawler_is_example

    # the vendor's own section answers at least as well: only the question's words decide
    passages = [_aspected("rfc", 0.2, "standard"), _aspected("openai", 0.4, "vendor-policy", question_cosine=0.6)]
    assert crawler_is_example(passages, {"gptbot": {"openai"}}, {"gptbot"}, question=question) is example
    # a platform's name never is
    assert not crawler_is_example(passages, {"artstation": {"artstation"}}, {"gptbot"}, question=question)


@pytest.mark.parametrize(
    ("question", "context"),
    [
        # fresh-user trial 10: a Ghibli-style question led with style, then ChatGPT's data controls
        ("ChatGPTでジブリ風の絵を作ってSNSに上げるのって、日本の著作権的にアウト？", True),
        ("is it copyright infringement to post fan art i made with chatgpt?", True),
        ("are chatgpt-generated pics in ghibli style a copyright violation?", True),
        # the company is what the question is about, not the asker's tool
        ("does chatgpt infringe my copyright by training on my art?", False),
        ("ChatGPTが自分の絵を学習するのは著作権侵害？", False),
        # no question of infringement: the named tool's own policy answers
        ("can i stop chatgpt from training on pics i made with chatgpt?", False),
    ],
)
def test_the_tool_an_asker_made_something_with_is_context_in_an_infringement_question(
    question: str, context: bool
) -> None:
    named = {"chatgpt": {"openai-chatgpt"}, "Japan": {"jp-law"}}
    steering = planning_subjects(named, {"openai-chatgpt"}, question)
    assert ("chatgpt" not in steering) is context, question
    assert steering["Japan"] == {"jp-law"}


@pytest.mark.parametrize(
    ("question", "aside"),
    [
        ("besides GPTBot and ClaudeBot lines, do i need something for common crawl?", {"GPTBot", "ClaudeBot"}),
        ("apart from google-extended, what should i add for CCBot?", {"google-extended"}),
        # the others measured against a name ask about that name too
        ("do companies other than google-extended's owner read CCBot lines?", set()),
        ("GPTBot以外に、CCBotも書いたほうがいい？", {"GPTBot"}),
        # fresh-user trial 33: 「GPTBotだけ止めてもGoogleのAI Overviewに使われる？」 got the token list
        ("GPTBotだけ止めても、CCBotには集められる？", {"GPTBot"}),
        ("GPTBotだけ止めたい", set()),
        # unseen32 f2547: led with Anthropic's ClaudeBot steps, not Google-Extended
        ("my robots.txt only names GPTBot and ClaudeBot. does that do anything about CCBot?", {"GPTBot", "ClaudeBot"}),
        ("i already disallow GPTBot, what about CCBot?", {"GPTBot"}),
        # what the file "already has" may be what is asked about
        ("my robots.txt already has a CCBot line, what does it change?", set()),
        # a name asked about together with the others is no aside
        ("should i block GPTBot, ClaudeBot and CCBot?", set()),
        # ... nor one after the clause that sets another aside ends
        ("besides robots.txt, how do i stop GPTBot?", set()),
    ],
)
def test_what_the_asker_already_has_is_context_not_the_subject(question: str, aside: set[str]) -> None:
    tokens = ("GPTBot", "ClaudeBot", "CCBot", "google-extended")
    named = {n: {n.casefold()} for n in tokens if n.casefold() in question.casefold()}
    steering = planning_subjects(named, {n.casefold() for n in tokens}, question)
    assert set(named) - set(steering) == aside, question


@pytest.mark.parametrize(
    ("clause", "name", "acts"),
    [
        ("is adobe training firefly on my behance projects?", "adobe", True),
        ("does meta really use my art for llama?", "Meta", True),
        ("Adobeが自分の作品を学習に使うことはある？", "Adobe", True),
        # ... or as whose training the work goes to (the opened thirty-third set's f2643)
        ("それでFireflyの学習に回されたりしない？", "Firefly", True),
        ("Geminiの学習に使われるの？", "Gemini", True),
        ("pixivの学習禁止タグって意味ある？", "pixiv", False),
        # the platform is where the work is, or what is blocked: not the one training
        ("my mastodon server only blocks GPTBot, what else should i add?", "GPTBot", False),
        ("what starts getting blocked on cloudflare's free plan?", "cloudflare", False),
        ("Xに上げた絵は学習される？", "X", False),
    ],
)
def test_a_platform_is_the_actor_only_when_the_clause_has_it_training_or_using(
    clause: str, name: str, acts: bool
) -> None:
    from bot.engine.planning import acts_in

    assert acts_in(clause, name) is acts


def test_see_also_leaves_out_another_country_s_law_when_the_asker_says_where_they_are() -> None:
    # trial 14: a US comic artist asking about registration got Japan's copyright guidance under
    # "See also"; an Italian asking about EU opt-outs got Japan's 「AI学習禁止」 note
    from bot.engine.planning import see_also_sections

    lead = _passage("usco", "The Office registers human authorship.", fused=0.1, cosine=0.6)
    japan = _passage("aca", "The Agency's view of Article 30-4.", fused=0.09, cosine=0.58)
    japan.meta = replace(japan.meta, jurisdiction="JP")
    overview = _passage("overview", "What opting out does, everywhere.", fused=0.08, cosine=0.57)
    overview.meta = replace(overview.meta, jurisdiction="INTL")
    for p in (lead, japan, overview):
        p.question_cosine = 0.6
    plan = [lead, japan, overview]

    def shown(asker: list[str]) -> list[str]:
        out = see_also_sections(plan, [lead], named_families=set(), passages=plan, asker=asker)
        return [p.doc_id for p in out]

    assert shown(["US"]) == ["overview"]
    assert shown(["US", "JP"]) == ["aca", "overview"]  # a question about both countries
    assert shown([]) == ["aca", "overview"]  # no place named: every close source


@pytest.mark.parametrize(
    ("question", "kept"),
    [
        # Japan's Copyright Act is aliased 「著作権法」: written after another country's name it is
        # that country's law, and Japan's note is no subject of the question
        ("ドイツの著作権法では、AI学習はどう扱われる？", set()),
        ("germany's 著作権法 question", set()),
        ("日本の著作権法でAI学習は許される？", {"著作権法"}),
        ("著作権法30条の4って何？", {"著作権法"}),
        # a platform's name is never dropped this way
        ("ドイツのMetaで学習される？", {"meta"}),
    ],
)
def test_another_places_law_is_not_the_covered_law_it_shares_a_name_with(question: str, kept: set[str]) -> None:
    named = {"著作権法": {"jp-copyright"}} if "著作権法" in question else {"meta": {"meta-ai"}}
    places = [("ドイツ", "EU"), ("germany", "EU"), ("日本", "JP")]
    laws = {"jp-copyright": "JP"}
    assert set(without_other_places_laws(named, places, question, laws)) == kept


def test_another_places_office_is_not_the_covered_office_it_shares_a_name_with() -> None:
    # trial 25: "and in japan?" after a US Copyright Office question searched "…with japan
    # copyright office…", and the US Office's notes steered the answer
    named = {"copyright office": {"usco-guidance", "usco-report"}}
    official = {"usco-guidance": "US", "usco-report": "US"}
    places = [("japan", "JP")]
    question = "can i register my comic with japan copyright office?"
    assert without_other_places_laws(named, places, question, official) == {}
    assert without_other_places_laws(named, [], "does the copyright office register AI art?", official) == named


def test_a_law_name_two_places_share_is_the_law_of_the_place_written_before_it() -> None:
    # 「AI法」 is Japan's AI Promotion Act and the EU AI Act alike: 「EUのAI法」 names the EU's only
    # (the opened twenty-seventh set's f2282 added a section of Japan's Act after the EU's);
    # written alone it stays both, left to the question's other words
    named = {"ai法": {"jp-ai-promotion-act-2025", "eu-ai-act-art53"}}
    official = {"jp-ai-promotion-act-2025": "JP", "eu-ai-act-art53": "EU"}
    places = [("日本", "JP"), ("EU", "EU")]
    question = "日本の会社がEUでAIモデルを提供する場合も、EUのAI法の著作権の義務はかかるの？"
    assert without_other_places_laws(named, places, question, official) == {"ai法": {"eu-ai-act-art53"}}
    assert without_other_places_laws(named, [("日本", "JP")], "日本のAI法に罰則はある？", official) == {
        "ai法": {"jp-ai-promotion-act-2025"}
    }
    assert without_other_places_laws(named, [], "AI法って何？", official) == named


@pytest.mark.parametrize(
    ("heading", "places", "other"),
    [
        ("US: can I register a work I made with AI?", ["JP"], True),
        ("US: can I register a work I made with AI?", ["JP", "US"], False),
        ("Can I copyright AI-generated art in Japan?", ["JP"], False),
        ("How do I stop AI training on my art?", ["JP"], False),  # about no place
    ],
)
def test_a_section_about_another_place_than_the_asker_s(heading: str, places: list[str], other: bool) -> None:
    from bot.engine.planning import about_another_place

    assert about_another_place(heading, places) is other


def test_a_platform_the_asker_wants_left_alone_does_not_steer() -> None:
    # trial 16: "…without blocking google and every other bot?" was answered with Google-Extended
    # alone, as if Google were what the asker wanted stopped
    named = {"google": {"google-extended"}, "bingbot": {"bing"}, "bing": {"bing"}}
    vendors = {"google-extended", "bing"}
    q = "is there a robots.txt line that says don't train on my art, without blocking google and every other bot?"
    assert "google" not in planning_subjects({"google": named["google"]}, vendors, q)
    # a name written inside a longer one is not the name kept ("without blocking bingbot": bing
    # is still asked about)
    q = "does bing train AI on my site too? can i opt out without blocking bingbot and losing search?"
    kept = planning_subjects({"bing": named["bing"], "bingbot": named["bingbot"]}, vendors, q)
    assert set(kept) == {"bing"}
    # a platform named to be stopped still steers
    q = "how do i stop google training on my art?"
    assert planning_subjects({"google": named["google"]}, vendors, q) == {"google": {"google-extended"}}


@pytest.mark.parametrize(
    ("question", "name", "kept"),
    [
        ("is there a robots.txt line for AI, without blocking google?", "google", True),
        # a search engine whose results the asker fears dropping out of (the twenty-eighth blind
        # set's f2342 was led by Google-Extended's steps)
        ("robots.txtで全部拒否したら、AIだけじゃなくGoogleの検索も止まっちゃう？", "Google", True),
        ("robots.txtで全部拒否したらGoogle検索にも出なくなる？", "Google", True),
        ("if i block every bot, does that kick me off google?", "google", True),
        ("does User-agent: * stop google search too?", "google", True),
        # fresh-user trial 26: answered with Google's AI Overviews steps (noindex), not the block
        ("how do i block ai bots on my portfolio site without disappearing from google?", "google", True),
        # ... but not a name also written as the subject, nor one asked to be stopped
        ("BingのAIの学習には使わせたくない。でもBing検索からは消えたくない", "Bing", False),
        ("how do i stop google search from using my art in AI overviews?", "google", False),
        ("without blocking bingbot, can i opt out of bing?", "bing", False),
        # unseen32 f2576: a search the asker wants out of is the subject (led by the token overview)
        ("ChatGPTの検索からも完全に消えたい場合、GPTBotのほかに何を拒否すればいい？", "ChatGPT", False),
        ("AIだけ拒否したいけど、Google検索からは消えたくない", "Google", True),
    ],
)
def test_what_the_asker_fears_losing_is_kept_not_the_subject(question: str, name: str, kept: bool) -> None:
    from bot.engine.planning import kept_unblocked

    assert kept_unblocked(question, name) is kept


@pytest.mark.parametrize(
    ("question", "asks"),
    [
        ("will blocking GPTBot hurt my seo?", True),
        # "SEO" run into Japanese text has no word boundary (trial 18)
        ("GPTBotとかブロックしたらSEOに影響ある？", True),
        ("Google-Extendedを拒否したら検索順位は下がる？", True),
        ("how do i block GPTBot?", False),
        ("do museums see more visitors?", False),  # "seo" inside a word
    ],
)
def test_a_question_mentioning_search_results(question: str, asks: bool) -> None:
    from bot.engine.planning import asks_about_search

    assert asks_about_search(question, question=True) is asks


def test_another_platform_s_closer_section_does_not_keep_the_named_platform_out_of_reach() -> None:
    # "thinking of moving my portfolio over to cara. how do they keep AI generated uploads off the
    # site?" (the twenty-fifth blind set): pixiv's "…my own portfolio site?" was the closest section
    # (0.73), so Cara's own (0.56) fell outside the band a named subject lifts, and a robots.txt
    # overview led. A section that will rank down as another platform's sets no band.
    cara = _passage(
        "cara-ai-policy", "Cara screens uploads with Hive.", fused=0.030, cosine=0.56, type_="vendor-policy"
    )
    pixiv = _passage(
        "optout-pixiv", "Block AI crawlers from your own site.", fused=0.034, cosine=0.73, type_="vendor-policy"
    )
    overview = _passage("overview-robots", "Robots.txt tokens for AI crawlers.", fused=0.032, cosine=0.60)
    named = {"cara": {"cara-ai-policy"}}
    plan = plan_sections(
        [pixiv, overview, cara], named_families={"cara-ai-policy"}, asker=[], audience="any", named=named
    )
    assert plan[0].meta.id == "cara-ai-policy"
    # without the named platform, the closest general section still leads
    plan = plan_sections([pixiv, overview, cara], named_families=set(), asker=[], audience="any", named={})
    assert plan[0].meta.id != "cara-ai-policy"


@pytest.mark.parametrize(
    ("names", "allowed"),
    [
        (["perplexity"], True),  # "User-agent: PerplexityBot" / "Allow: /"
        (["gptbot", "claudebot"], False),  # both disallowed
        (["perplexity", "gptbot"], True),
        (["cloudflare"], False),  # no group for it
    ],
)
def test_a_block_letting_a_named_crawler_in_is_found(names: list[str], allowed: bool) -> None:
    # fresh-user trial 85: the block keeping AI search was given to "…want GPTBot, ClaudeBot and
    # perplexity out"; read by urllib.robotparser
    text = (
        "Keep search, block training:\n\n```\nUser-agent: GPTBot\nDisallow: /\n\nUser-agent: ClaudeBot\n"
        "Disallow: /\n\nUser-agent: PerplexityBot\nAllow: /\n```\n\nPut it at the root."
    )
    assert allows_named(text, names) is allowed


def test_a_section_writing_every_platform_named_is_not_a_restatement_of_one() -> None:
    # trial 25: "how do i block GPTBot, ClaudeBot and Google-Extended…?" was led by Anthropic's
    # ClaudeBot steps: the overview's one robots.txt block, citing one vendor page by id, was
    # ranked down as restating that vendor's note
    openai = _passage("openai-crawlers", "Disallow GPTBot.", fused=0.055, cosine=0.64, type_="vendor-policy")
    anthropic = _passage("anthropic-crawlers", "Disallow ClaudeBot.", fused=0.056, cosine=0.64, type_="vendor-policy")
    overview = _passage(
        "overview",
        "User-agent: GPTBot\nDisallow: /\nUser-agent: ClaudeBot\nDisallow: / (source: openai-crawlers)",
        fused=0.048,
        cosine=0.69,
    )
    overview = replace(overview, meta=replace(overview.meta, sources=("openai-crawlers", "anthropic-crawlers")))
    named = {"gptbot": {"openai-crawlers"}, "claudebot": {"anthropic-crawlers"}}
    plan = plan_sections(
        [anthropic, openai, overview],
        named_families={"openai-crawlers", "anthropic-crawlers"},
        asker=[],
        audience="any",
        named=named,
        platforms={"openai-crawlers", "anthropic-crawlers"},
    )
    assert plan[0].meta.family == "overview", [p.meta.family for p in plan]


@pytest.mark.parametrize(
    ("question", "past"),
    [
        # trial 25: led with what to do after registering without disclosing AI
        ("can i register my comic with the US copyright office if i used midjourney? do i have to disclose it?", False),
        ("i already registered my comic without mentioning midjourney, what now?", True),
        ("i filed back in 2022 and left the AI bits out. can i fix it?", True),
        ("AIを使ったことを書かずに登録しちゃった。どうすれば？", True),
        ("アメリカで著作権登録するとき、AIを使ったことは書く必要ある？", False),
    ],
)
def test_a_section_about_the_asker_s_own_past_step_answers_only_a_question_saying_so(question: str, past: bool) -> None:
    from bot.engine.planning import asks_about_own_past

    assert asks_about_own_past(question) is past
    after, how = _two_sections(
        ("I already registered a work without disclosing AI — what should I do?", "File a supplementary registration."),
        ("How do I register a work with AI-generated parts in the US?", "Disclose AI-generated content."),
    )
    plan = plan_sections([after, how], named_families=set(), asker=[], audience="any", asks_past=past)
    assert plan[0] is (after if past else how)


def _two_sections(first: tuple[str, str], second: tuple[str, str]) -> tuple[Passage, Passage]:
    """Two sections of one note as ``(heading, text)`` pairs, the first a little ahead (fused
    0.060 against 0.055, cosine 0.6 both): a rule that ranks the first down puts the second first."""
    a = replace(_passage("note", first[1], fused=0.060, cosine=0.6), heading=first[0])
    b = replace(_passage("note", second[1], fused=0.055, cosine=0.6), section=2, heading=second[0])
    return a, b


@pytest.mark.parametrize(
    ("asks_for", "since_first"),
    [
        # fresh-user trial 66: 「日本だとAI学習って無断でもOKなの？30条の4ってやつ」 was led by the date the
        # article took effect
        (frozenset(), False),
        (frozenset({"when"}), True),
    ],
)
def test_a_since_when_section_leads_only_a_question_asking_when(asks_for: frozenset[str], since_first: bool) -> None:
    since, rule = _two_sections(
        ("日本では、いつからAIの学習が許諾なしで認められているの？（第30条の4）", "Article 30-4 took effect in 2019."),
        (
            "日本では、自分の絵を無断でAIの学習に使われても違法にならないの？",
            "Training is allowed unless it prejudices.",
        ),
    )
    plan = plan_sections([since, rule], named_families=set(), asker=[], audience="any", asks_for=asks_for)
    assert plan[0] is (since if since_first else rule)


def test_an_asker_s_place_section_replaces_a_checklist_s_every_region_list() -> None:
    from bot.engine.planning import asker_place_section

    steps = _passage("optout-meta", "1. robots.txt 2. EU form 3. UK form", fused=0.12, cosine=0.85)
    steps = replace(steps, section=1, question_cosine=0.85, meta=replace(steps.meta, sources=("meta-eu",)))
    eu = replace(
        _passage("meta-eu", "Object through the form.", fused=0.07, cosine=0.74),
        heading="How do I object to Meta using my posts in the EU?",
        question_cosine=0.74,
    )
    uk = replace(eu, meta=replace(eu.meta, id="meta-uk"), heading="How do I object in the UK?")
    plan = [steps, uk, eu]
    assert asker_place_section(plan, ["EU"]) is eu
    assert asker_place_section(plan, []) is None  # no place: the whole list
    assert asker_place_section(plan, ["JP"]) is None  # no section for Japan near the top
    far = replace(eu, question_cosine=0.6)
    assert asker_place_section([steps, far], ["EU"]) is None


def test_a_section_repeating_a_line_of_the_lead_s_code_block_repeats_it() -> None:
    from bot.engine.planning import _repeats_code

    lead = "Uncheck the box:\n\n```\nSettings and privacy → Privacy and safety → Grok\n```\n"
    assert _repeats_code(lead, "On X open `Settings and  privacy → Privacy and safety → Grok` and untick it.")
    assert not _repeats_code(lead, "On X open Settings and privacy, then Grok.")
    # a line shorter than REPEATED_CODE_MIN_CHARS is shared by unrelated sections
    assert not _repeats_code("```\nDisallow: /\n```\n", "add Disallow: / under it")


def test_a_name_written_only_as_a_pointer_to_its_note_is_not_covered() -> None:
    fams = {"anthropic-crawlers", "optout-anthropic"}
    pointer = "often combined with blocks for gptbot (openai-crawlers) or claudebot (anthropic-crawlers)."
    assert not writes_beyond_pointer(pointer, "claudebot", fams)
    assert not writes_beyond_pointer("claudebot（anthropic-crawlers）も止めるには", "claudebot", fams)
    # written once more as itself, the name is covered
    assert writes_beyond_pointer(pointer + " user-agent: claudebot", "claudebot", fams)
    assert not writes_beyond_pointer("no mention here", "claudebot", fams)


def test_a_search_engine_the_asker_only_wants_to_stay_in_is_no_subject() -> None:
    from bot.engine.planning import without_search_kept

    google = {"Google": {"google-extended", "optout-google"}}
    assert without_search_kept(google, "how do i block ai scrapers on my site? want to keep google search") == {}
    assert without_search_kept(google, "Google検索には出したいけど学習用クローラーだけ弾きたい") == {}
    # ... or to stay indexed in (fresh-user check 60: "…i still want google to index it" got Google's
    # snippet controls, noindex among them)
    indexed = "how do i block AI crawlers with robots.txt on my art portfolio site? i still want google to index it"
    assert without_search_kept(google, indexed) == {}
    # named outside that clause too, it is asked about
    both = "how do i stop google training gemini on my site but keep google search?"
    assert without_search_kept(google, both) == google
    assert without_search_kept(google, "how do i block google-extended?") == google


def test_a_japanese_question_whether_it_can_be_stopped_asks_for_the_steps() -> None:
    # fresh-user trial 58: 「Xの新しい規約でGrokに絵を学習されるの止められる？」 was led by what X's terms
    # allow; a section's own question written so asks only whether
    assert "how-to" in asked_types("Xの新しい規約でGrokに絵を学習されるの止められる？")
    assert "how-to" not in question_types("Xの投稿が、Grok以外の他社のAI学習に使われるのを止められる？")
    assert "how-to" not in asked_types("robots.txtで学習は止まる？")


def test_steps_are_asked_for_only_in_a_sentence_that_asks() -> None:
    # the opened forty-fifth set's f3366: the asker's complaint about the opt-out's steps led the
    # answer with ChatGPT's training toggle, not whether Temporary Chats are trained on
    complaint = "ChatGPTのオプトアウト申請、手順が多すぎる。とりあえず一時チャットを使えば学習されないって本当？"
    assert "how-to" not in asked_types(complaint)
    assert "how-to" in asked_types("ChatGPTのオプトアウト申請が面倒。手順を短くまとめると？")
    assert "how-to" in asked_types("how do i opt out of meta ai")  # no sentence asks: the whole message
    # ... while other kinds are read from the whole message ("registering my book…, a few spreads had
    # AI help. do i have to flag that?" asks about registration)
    assert "registration" in asked_types("registering my picture book in the US. do i have to flag the AI parts?")


def test_a_platform_s_section_for_the_asker_s_place_follows_a_lead_that_does_not_name_it() -> None:
    # fresh-user trial 58: "im in the uk, can i turn off linkedin using my posts to train ai?" got the
    # setting's steps without the section saying it has applied in the UK since November 2025
    def section(heading: str, text: str, n: int) -> Passage:
        p = _passage("linkedin", text, fused=0.1, cosine=0.6, type_="platform-setting")
        p.meta = replace(p.meta, jurisdiction="INTL")
        p.heading, p.section = heading, n
        return p

    steps = section("How do I stop LinkedIn using my posts to train AI?", "Turn off the setting.", 1)
    uk = section("Does LinkedIn's AI training setting apply in the EU and UK?", "It has applied since 2025.", 2)
    plan = [steps, uk]
    assert asker_place_sibling(steps, plan, ["UK"]) is uk
    assert asker_place_sibling(steps, plan, ["JP"]) is None
    assert asker_place_sibling(steps, plan, []) is None
    named = section("How do I stop LinkedIn using my posts to train AI in the UK?", "In the UK, turn it off.", 1)
    assert asker_place_sibling(named, [named, uk], ["UK"]) is None  # the lead already writes the place


def test_one_place_s_law_named_only_in_a_premise_does_not_steer_a_question_about_another_place() -> None:
    # the opened forty-second set's f3187 was led by Article 30-4, the premise of a question about the
    # UK's exception
    named = {"30条の4": {"jp-copyright-act"}}
    official = {"jp-copyright-act": "JP", "uk-cdpa-s29a": "UK"}
    question = "日本の30条の4って商用でも学習OKなんでしょ？イギリスのデータ分析の例外だとどうなってるの？"
    kept, asking = without_premise_laws(named, question, official)
    assert kept == {} and asking.startswith("イギリス")
    # ... but a question pointing back at it, or naming it, or naming no place, still asks about it
    for q in (
        "日本の30条の4って商用でも学習OKなんでしょ？イギリスだとこれはどうなる？",
        "日本の30条の4って商用でもOKなんでしょ？イギリスの例外と30条の4はどう違う？",
        "日本の30条の4って商用でも学習OKなんでしょ？本当に？",
        # a full stop inside a word ends no sentence
        "does japan's 30条の4 care about robots.txt or is the EU better?",
    ):
        assert without_premise_laws(named, q, official) == (named, ""), q


def test_a_section_quoting_a_setting_the_question_does_not_write_ranks_down() -> None:
    # the opened twenty-fourth set's f2061 ("…is a single GPTBot line in robots.txt really all it
    # takes?") was led by whether turning off ChatGPT's "Improve the model for everyone" stops GPTBot
    def lead(question: str) -> str:
        toggle = _passage("chatgpt", "Turning the toggle off does not stop GPTBot.", fused=0.060, cosine=0.62)
        toggle.heading = 'Does turning off "Improve the model for everyone" stop GPTBot crawling my website?'
        crawlers = _passage("crawlers", "Disallow GPTBot in robots.txt.", fused=0.055, cosine=0.60)
        crawlers.heading = "How do I stop OpenAI from training on my website (GPTBot)?"
        plan = plan_sections([toggle, crawlers], named_families=set(), asker=[], audience="any", question=question)
        return plan[0].meta.family

    assert lead("is a single GPTBot line in robots.txt really all it takes?") == "crawlers"
    assert lead("i switched off 'improve the model for everyone'. does that keep GPTBot off my site?") == "chatgpt"


def test_a_named_subjects_section_sharing_the_questions_terms_is_lifted_a_little_further_down() -> None:
    # the opened forty-fourth set's f3294: 「Midjourneyって、robots.txtで止められるクローラー名とか、
    # 絵描きが学習から外してもらう窓口ってあるの？」 was led by RFC 9309's section on crawler names, with
    # Midjourney's artist-side section just outside SUBJECT_BAND
    def lead(aspect: float) -> str:
        names = _passage("rfc", "A crawler follows the group of its product token.", fused=0.045, cosine=0.609)
        names.aspect = 0.27
        block_all = _passage("overview", "List each company's token.", fused=0.033, cosine=0.672)
        artist = _passage("mj", "No artist opt-out was found.", fused=0.039, cosine=0.538, type_="vendor-policy")
        artist.aspect = aspect
        plan = plan_sections([names, block_all, artist], named_families={"mj"}, asker=[], audience="any")
        return plan[0].meta.id

    assert lead(0.56) == "mj"
    assert lead(0.1) == "rfc"
