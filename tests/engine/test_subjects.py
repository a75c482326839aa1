"""Subjects a question names (issue 12): everyday-word aliases in lower case where a name stands,
and katakana names the corpus has no source on. No encoder: the subject vocabulary alone."""

from __future__ import annotations

import pytest

from bot.engine.subjects import SubjectIndex
from bot.knowledge.schema import NoteMeta

DICTIONARY = {
    w: 10_000 for w in "meta note that tags tag work the does is my use art program policy permission".split()
}


def _meta(id_: str, aliases: tuple[str, ...]) -> NoteMeta:
    return NoteMeta(
        id=id_,
        title=f"{id_} policy",
        publisher=id_,
        url=f"https://{id_}.example.com",
        jurisdiction="INTL",
        type="platform-setting",
        published="living",
        verified="2026-11-30",
        lang="en",
        aliases=aliases,
    )


@pytest.fixture(scope="module")
def subjects() -> SubjectIndex:
    docs = [_meta("meta-ai", ("Meta", "Instagram")), _meta("note-ai", ("note", "ノート"))]
    bodies = ["イラストやポートフォリオをアップロードすると、AI学習に使われることがあります。"]
    return SubjectIndex.build(docs, ["How do I stop Meta training on my art?"], DICTIONARY, bodies)


@pytest.mark.parametrize(
    "question",
    [
        "how do i stop meta training on my art",
        "does meta use my photos?",
        "is meta's opt-out real",
        "what happened in the meta case?",  # a case's party: "the thaler case"
        "moving to meta after my old site shut down, will my art get scraped there?",  # where one goes
        "moving my whole portfolio to meta. is the tag a real wall?",  # ... with what one moves between
        "do i have to tick something on meta to get the tag on my uploads?",  # a platform's preposition
        "artists say meta rejected the form they filled in",  # what a company does to the asker
        "can outside companies train on my meta videos?",  # whose videos: a platform's
        "what goes in robots.txt to keep meta from feeding our posts to its models?",  # what is stopped
        "everyone is reposting 'i own my photos, meta can't use them'. does that work?",  # what it may not do
        "someone scraped my gallery and i think it's meta. can i find out?",  # what something is said to be
        "is there a free meta web app to mark my photos as not for training?",  # the kind of app between
        "is there a per-page tag meta reads as 'no training'?",  # what a crawler's company does with it
        # asked to act (the opened thirtieth set's f2429: "want amazon to skip training…")
        "want meta to skip training on just my gallery pages. is there a tag?",
        "how do i tell meta to stop using my photos?",
        # opening a sentence before "has" (the opened thirty-first set's f2489 named nothing)
        "meta has like four crawler names now. which one builds the link preview?",
        # who stands behind it (the opened thirty-fifth set's f2722: "who founded cara…" was refused)
        "who founded meta and when did it start?",
        # the subject of a question opened by a modal (the opened forty-fifth set's f3330: "can
        # cara catch an AI piece…?" was refused)
        "can meta catch an AI piece even when the uploader doesn't label it?",
        "Will meta use my old posts?",
        # before "update", as a company's post is named (the opened forty-sixth set's f3395:
        # "altman's sora update…" named nothing and was led by the Sora 2 overview)
        "zuckerberg's meta update said what about training?",
        # the subject of what a report says, before its verb (the opened forty-eighth set's f3506,
        # https://e-tribart.fr/?p=27667 : "…site says cara filters out AI images" named nothing)
        "an art site says meta filters out AI images. how does it catch them?",
        # ... or in the past (the opened fifty-second set's f3744,
        # https://www.docma.info/news-szene/adobe-macht-content-authenticity-fuer-alle-zugaenglich : "…reports
        # adobe opened its provenance web app…" named only the Do Not Train Registry)
        "docma reports meta opened its provenance app to everyone. is the flag binding?",
        # the subject of a clause, before a modal (the opened fifty-second set's f3756: "…even if you
        # object, meta can still use stuff of yours…" named nothing and was refused)
        "a news site says even if you object, meta can still use stuff of yours. does it?",
        "but meta will still train on it?",
        # ... or before what it is doing to work, in a reported clause (fresh-user trial 88,
        # https://www.eweek.com/fr/news/openai-sora-2-copyright-opt-out/ reworded)
        "saw on tiktok that meta is training on our photos, how do i opt out?",
    ],
)
def test_an_everyday_word_alias_in_lower_case_names_the_platform(subjects: SubjectIndex, question: str) -> None:
    assert "Meta" in subjects.known_in(question)


@pytest.mark.parametrize(
    "question",
    [
        "does the noai meta tag work?",
        "Note that my art is not on Meta",
        "I want to meta-tag my art",
        "should i add a meta to my page header saying no AI?",  # "to" after it, no platform's preposition
        "the description says it was meta data only, is that ok?",  # "was" not ending the clause
        "i'm going to have to meta my files again, is that ok?",  # "going" only just before "to"
        "the meta web of links between my pages, does it matter?",  # a kind of app with no app after it
        # a lower-case platform name after "a" or "an" is the everyday word (the opened thirtieth
        # set's f2442 was answered from note's notes)
        "does the store page show buyers a note about how AI was used?",
        # ... or after a word that counts it (the opened thirty-third set's f2622)
        "do i disclose per listing, or is one note in the shop about section enough?",
        "should each note on a listing say AI was used?",
        "the page's meta has no description, is that ok?",  # "has" inside the sentence
        "so i can meta tag every page, right?",  # a modal inside the sentence, not opening a question
        "the report says meta data of my files was read, is that ok?",  # a noun after "says", no verb
        "the meta can be empty, is that ok?",  # a modal after an article's noun
        "it says that meta is missing from the page, is that ok?",  # "is" before no training verb
    ],
)
def test_the_everyday_word_itself_names_nothing(subjects: SubjectIndex, question: str) -> None:
    named = subjects.known_in(question)
    assert "note" not in named
    assert ("Meta" in named) == ("on Meta" in question)


@pytest.mark.parametrize(
    ("question", "name"),
    [
        ("パトレオンの規約でAI学習は禁止されてる？", "パトレオン"),
        ("ミディアムに投稿した小説も学習される？", "ミディアム"),
        ("ミディアムってAIで書いた小説を投稿してもいいの？", "ミディアム"),  # casual って as は
    ],
)
def test_a_katakana_platform_name_the_corpus_lacks_is_unknown(subjects: SubjectIndex, question: str, name: str) -> None:
    assert subjects.unknown_in(question) == [name]


@pytest.mark.parametrize(
    ("question", "unknown"),
    [
        # a hyphenated name of two short parts is a name, not a compound of everyday words
        # (fresh-user trial 55: 「Ci-enに載せた作品は…」 was answered without naming Ci-en)
        ("Ci-enに載せた作品はAI学習から守られてる？", ["Ci-en"]),
        ("is my art on ci-en protected from ai training?", ["ci-en"]),
        # ... while stop words join everyday words into one ("no-mining", "built-in")
        ("can a no-mining clause in my licence stop that?", []),
        # an everyday abbreviation is no name (trial 55: "no source on govt")
        ("does the govt want to let them train on everything?", []),
    ],
)
def test_hyphenated_names_and_abbreviations(studio_subjects: SubjectIndex, question: str, unknown: list[str]) -> None:
    assert studio_subjects.unknown_in(question) == unknown


@pytest.mark.parametrize(
    "question",
    [
        "イラストをポートフォリオに上げたらAI学習される？",  # loanwords the notes use
        "スマホで投稿した絵も学習される？",  # a device, not a platform
        "ノートに投稿した記事は？",  # a known alias
        "キャラクターデザインを学習されたくない",  # not where a platform's name stands
    ],
)
def test_everyday_katakana_is_not_an_unknown_subject(subjects: SubjectIndex, question: str) -> None:
    assert subjects.unknown_in(question) == []


@pytest.mark.parametrize(
    ("question", "name", "placed"),
    [
        ("my mastodon server only blocks GPTBot", "mastodon", True),
        ("my mastodon server only blocks GPTBot", "GPTBot", False),
        ("i posted it on Tumblr last year", "Tumblr", True),
        ("Xfolioは規約で機械学習禁止してる", "Xfolio", True),
        ("my pixiv and my Patreon", "Patreon", False),
        # a marketplace named by who sells on it, or by what is listed there (unseen20's f1850)
        ("etsy seller: if midjourney made my print, do i pick 'made by'?", "etsy", True),
        ("do my redbubble listings need an AI tag?", "redbubble", True),
        # ... or by the portfolio kept there (fresh-user trial 55: "does adobe train firefly on my
        # behance portfolio?" was answered from Adobe's checklist without naming Behance)
        ("does adobe train firefly on my behance portfolio?", "behance", True),
    ],
)
def test_a_platform_s_place_in_a_question(subjects: SubjectIndex, question: str, name: str, placed: bool) -> None:
    assert subjects.in_platform_place(question, name) is placed


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("EUでは、AIの学習を拒否できる？", ["EU"]),
        ("UKでは商用のTDM例外はある？", ["UK"]),
        ("does the eu opt-out matter in japan?", ["JP", "EU"]),
        ("feudal europeans", []),
    ],
)
def test_a_jurisdiction_written_in_latin_letters_inside_japanese_is_found(text: str, expected: list[str]) -> None:
    from bot.engine.text import mentioned_jurisdictions

    assert mentioned_jurisdictions(text) == expected


def test_japanese_topic_terms_no_note_uses_are_counted(subjects: SubjectIndex) -> None:
    missing, total = subjects.uncovered_terms("二次創作のイラストが無断転載された。削除申請できる？")
    assert missing == ["二次創作", "無断転載", "削除申請"] and total == 4  # イラスト is in the notes
    assert subjects.uncovered_terms("イラストがAI学習に使われることはある？")[0] == []


@pytest.fixture(scope="module")
def studio_subjects() -> SubjectIndex:
    """A corpus whose texts use the everyday words of other names ("studio", "face", "times")."""
    docs = [_meta("openai", ("OpenAI", "GPTBot")), _meta("getty", ("Getty Images", "Stability AI"))]
    texts = [
        "Can I block GPTBot from my studio site?",
        "Does the model see my face in photos?",
        "How many times can a crawler visit? New rules for the York office",
        "Getty Images v Stability AI: what the High Court decided",
    ]
    from bot.engine.subjects import load_dictionary

    dictionary = load_dictionary()  # pyspellchecker's English list: "studio", "face" are everyday
    return SubjectIndex.build(docs, texts, dictionary)


@pytest.mark.parametrize(
    ("question", "name"),
    [
        ("does Clip Studio Paint use my drawings to train AI?", "Clip Studio Paint"),
        ("someone put my art in a dataset on Hugging Face", "Hugging Face"),
        ("What is the New York Times suing OpenAI for?", "New York Times"),
    ],
)
def test_a_name_of_several_everyday_words_is_unknown_as_a_whole(
    studio_subjects: SubjectIndex, question: str, name: str
) -> None:
    unknown = studio_subjects.unknown_in(question)
    assert unknown[0] == name
    assert not set(name.split()) & set(unknown[1:])  # reported once, as the whole name


def test_a_place_s_possessive_before_a_known_name_is_no_unknown_name(studio_subjects: SubjectIndex) -> None:
    # the opened forty-second set's f3159: "what gives the UK's CMA the power…?" was refused as
    # "no source on UK's CMA" although the CMA is a note's alias
    assert studio_subjects.unknown_in("what gives the UK's OpenAI the power to do that?", ignore=["UK"]) == []


@pytest.mark.parametrize(
    "question",
    [
        "Does Getty Images v Stability AI matter for my art?",  # known names
        "How Do I Stop OpenAI From Using My Art",  # written in Title Case
        "Studio owners: can I block GPTBot?",  # a sentence's first word is not a name
    ],
)
def test_runs_of_capitals_that_are_not_an_unknown_name(studio_subjects: SubjectIndex, question: str) -> None:
    assert studio_subjects.unknown_in(question) == []


@pytest.mark.parametrize(
    ("question", "name", "placed"),
    [
        ("is my book part of the Bartz v. Anthropic settlement?", "Bartz", True),
        ("What is the New York Times suing OpenAI for?", "New York Times", True),
        ("was the case brought by Getty? it was sued by Getty", "Getty", True),
        ("does the New York Times block GPTBot?", "New York Times", False),
    ],
)
def test_a_party_s_place_in_a_court_case(subjects: SubjectIndex, question: str, name: str, placed: bool) -> None:
    assert subjects.in_case_place(question, name) is placed


@pytest.mark.parametrize(
    ("question", "name"),
    [
        ("クリスタで描いた絵が勝手に学習される？", "クリスタ"),
        ("ココナラで「AI学習禁止」と書いて依頼を受けたら効力ある？", "ココナラ"),
    ],
)
def test_a_katakana_tool_or_marketplace_the_corpus_lacks_is_unknown(
    subjects: SubjectIndex, question: str, name: str
) -> None:
    assert subjects.unknown_in(question) == [name]


def test_an_uncovered_country_is_named_as_the_asker_wrote_it() -> None:
    from bot.engine.subjects import Places

    places = Places()
    assert [p.name("ja") for p in places.find("韓国ではAI学習は違法？")] == ["韓国"]
    assert [p.name("en") for p in places.find("韓国ではAI学習は違法？")] == ["South Korea"]
    assert [p.name("ja") for p in places.find("I'm in South Korea")] == ["大韓民国"]
    # everyday short forms ISO 3166 does not list
    assert [p.name("en") for p in places.find("kiwi illustrator here. anything in NZ law on AI?")] == ["New Zealand"]
    # ... and demonyms (the opened fifty-third set's f3808,
    # https://revera.legal/en/info-centr/news-and-analytical-materials/1991-es-vvodit-obyazatelnyj-shablon-raskrytiya-kontenta-obucheniya-ii/amp:
    # "belarusian" was read as a name no note writes)
    assert [p.code for p in places.find("belarusian law firm news says the EU wants summaries")] == ["BY", "EU"]


def test_every_form_a_question_writes_a_country_in_is_found() -> None:
    from bot.engine.subjects import Places

    places = Places()
    question = "streamer in copenhagen: under the new danish likeness rule, can i make a platform pull it?"
    assert [p.code for p in places.find(question)] == ["DK"]
    assert places.written_forms(question, "DK") == ["copenhagen", "danish"]
    assert places.written_forms(question, "FR") == []


@pytest.mark.parametrize(
    ("question", "codes"),
    [
        # "us" before the asker's role is their country (the twenty-second set's f1949, opened this
        # pass: "us novelist: …" was read as naming no place)
        ("us novelist: an ai helper wrote two sentences of my draft", ["US"]),
        ("i'm a us comic artist. can i register my book?", ["US"]),
        # ... and otherwise the pronoun
        ("let us know what the law says", []),
        ("does it affect us artists in japan?", ["JP"]),
    ],
)
def test_us_before_the_asker_s_role_is_the_country(question: str, codes: list[str]) -> None:
    from bot.engine.subjects import Places

    assert [p.code for p in Places().find(question)] == codes


@pytest.mark.parametrize(
    ("question", "codes"),
    [
        # a country's Japanese name before 語 is the language news was read in (the opened
        # sixty-seventh set's f4677, https://anime.atsit.in/es/?p=133442: a Japanese answer was said
        # perhaps not to apply to an asker "in the EU")
        ("スペイン語のアニメニュースで、集英社がOpenAIに厳しい措置をとるって出てた", []),
        ("イギリスの裁判でゲッティがほぼ負けたってドイツ語のロイター記事にあった", ["GB"]),
        # ... but the country itself, named besides, still counts
        ("スペイン語の記事を読んだ。スペインに住んでるけど、EUのオプトアウトは使える？", ["EU", "ES"]),
        ("フランス在住。フランス語の解説を読んだ", ["FR"]),
    ],
)
def test_a_country_s_japanese_name_as_a_language_names_no_place(question: str, codes: list[str]) -> None:
    from bot.engine.subjects import Places

    assert [p.code for p in Places().find(question)] == codes


def test_a_country_s_everyday_japanese_name_names_it() -> None:
    from bot.engine.subjects import Places

    places = Places()
    # the ISO catalogue's Japanese names are formal (オーストラリア連邦, ロシア連邦); people write the
    # short name (blind set f1636: an Australian question answered from Japan's notes)
    found = places.find("オーストラリアの絵描きと仕事してる。向こうの政府って例外を入れないことにしたの？")
    assert [(p.code, p.jurisdiction) for p in found] == [("AU", None)]
    assert sorted(p.code for p in places.find("ロシアとモンゴルでは？")) == ["MN", "RU"]
    # a neighbouring name stays its own country's
    assert [p.code for p in places.find("オーストリアに住んでる")] == ["AT"]


@pytest.mark.parametrize(
    ("question", "unknown"),
    [
        # a plan and an app named by their titles, which no note writes
        ("『知的財産推進計画2025』って、対価還元について何か書いてあるの？", ["『知的財産推進計画2025』"]),
        ("『アニメ風加工 Plus』ってアプリで絵をアップしたら学習に使われる？", ["『アニメ風加工 Plus』"]),
        # a title the notes write is known
        ("『AI学習』について", []),
        # a quoted sentence or a notice is no title
        ("LoRAの配布ページに『学習素材はすべて自作』と書いてあった", []),
        ("規約で『API以外の自動収集禁止』ってあるけど効く？", []),
        # a covered platform's own programme, named by a title the notes do not write (f1682)
        ("Metaから『Metaボーナス』って名目で振込があった。何のお金？", []),
        # a body's name may read as a sentence: a group named by what it is for (f1279 was answered
        # from the Sora 2 overview)
        ("『クリエイターとAIの未来を考える会』の提言って何？", ["『クリエイターとAIの未来を考える会』"]),
        # a numeral's counter つ is part of a title (the opened forty-eighth set's f3558,
        # https://wiz.gamespark.jp/guidelines.html : answered from the ACA's guidance)
        (
            "『ウィザードリィ外伝 五つの試練』のキャラをAIで描いて配信していい？",
            ["『ウィザードリィ外伝 五つの試練』"],
        ),
        ("『七つの大罪』の絵柄をAIに学習させるのはアウト？", ["『七つの大罪』"]),
    ],
)
def test_a_japanese_title_the_notes_never_write_is_unknown(
    subjects: SubjectIndex, question: str, unknown: list[str]
) -> None:
    assert [w for w in subjects.unknown_in(question) if w.startswith("『")] == unknown


def test_a_country_name_that_is_an_everyday_word_counts_when_the_message_names_its_country() -> None:
    from bot.engine.subjects import Places

    places = Places()
    # the opened fifty-eighth set's f4128
    # (https://legal.ge/en/news/who-owns-chatgpt-content-a-legal-analysis-2026-en): "freelance
    # copywriter in georgia here", beside a Tbilisi blog, was not read as Georgia, and the question
    # was answered from the US Copyright Office instead of refused as Georgia's law
    told = "a tbilisi legal blog says AI can't be an author. "
    asking = "freelance copywriter in georgia here, can i claim chatgpt-assisted texts?"
    assert [p.code for p in places.find(asking, context=told + asking)] == ["GE"]
    assert [p.code for p in places.find(told + asking)] == ["GE"]
    # ... but alone, in lower case, it may be the US state, a bird or a name, and is not read
    assert places.find(asking) == []
    assert places.find("roast turkey and chad's jordan sneakers") == []
    assert [p.code for p in places.find("artist in Georgia here")] == ["GE"]


def test_a_capital_names_its_country() -> None:
    from bot.engine.subjects import Places

    places = Places()
    # f1607: "jakarta illustrator: under UU 28/2014…" was answered from the jurisdictions overview
    assert [(p.code, p.jurisdiction) for p in places.find("jakarta illustrator here, can AI firms scrape us?")] == [
        ("ID", None)
    ]
    assert [p.jurisdiction for p in places.find("getty lost its london case")] == ["UK"]
    assert [p.jurisdiction for p in places.find("the brussels rulebook for AI models")] == ["EU"]
    # a small territory's capital is often another place's name; an everyday word is no capital
    assert places.find("victoria based painter") == []
    assert places.find("male artists on the road to town") == []
    # a government named by where it sits (the thirteenth blind set's f1417 was refused as
    # "westminster")
    assert [p.jurisdiction for p in places.find("heard westminster wants to scrap the clause")] == ["UK"]
    assert [p.jurisdiction for p in places.find("永田町でAIと著作権の議論が進んでる？")] == ["JP"]


def test_a_japanese_prefecture_names_japan() -> None:
    from bot.engine.subjects import Places

    places = Places()
    # the opened fifty-fourth set's f3868 (https://www.copyright.or.kr/information-materials/trend/the-copyright/
    # view.do?brdctsno=52819): "i'm in osaka" was no place, so the Korean outlet's country got the
    # uncovered-country reply
    assert [p.jurisdiction for p in places.find("i'm in osaka, does a 学習禁止 caption work?")] == ["JP"]
    assert [p.jurisdiction for p in places.find("mangaka from Hokkaido here")] == ["JP"]
    # a prefecture that is also an English word only when capitalised
    assert places.find("the whole saga of sora in the news") == []
    assert [p.jurisdiction for p in places.find("a painter in Saga asks")] == ["JP"]


def test_a_katakana_word_holding_a_country_s_name_names_no_country() -> None:
    from bot.engine.subjects import Places

    places = Places()
    # 「タイッツー」 is a social network (fresh-user trial, 2026-12-01: refused as Thai law)
    assert places.find("タイッツーってAI学習されないの？") == []
    assert [p.code for p in places.find("タイに住んでるけど、AI学習って合法？")] == ["TH"]
    assert [p.code for p in places.find("インドネシアの法律だとどう？")] == ["ID"]


def test_a_legal_term_does_not_name_the_asker_s_country() -> None:
    from bot.engine.text import mentioned_jurisdictions, named_jurisdictions

    question = "I'm in South Korea. is AI training fair use under Korean copyright law?"
    assert mentioned_jurisdictions(question) == ["US"]
    assert named_jurisdictions(question) == []
    assert named_jurisdictions("is it fair use in the US?") == ["US"]


@pytest.mark.parametrize(
    ("question", "kept"),
    [
        # the asking sentence names a known subject: the context's unknown name steps aside
        ("Google keeps training on YouTube anyway. Does blocking GPTBot help?", []),
        # the asking sentence names the unknown one too
        ("Patreon says no fair use. Is there a setting on Patreon to block GPTBot?", ["Patreon"]),
        # one sentence, an abbreviation's full stop inside it ("v."): nothing is context
        ("What did the judge decide in Kadrey v. GPTBot about pirated books?", ["Kadrey"]),
        # the asking sentence names nothing known: every unknown name stays
        ("I post on Patreon. Can they train on it?", ["Patreon"]),
    ],
)
def test_an_unknown_name_in_the_asker_s_context_steps_aside(
    studio_subjects: SubjectIndex, question: str, kept: list[str]
) -> None:
    unknown = [w for w in ("YouTube", "Patreon", "Kadrey") if w in question]
    named = studio_subjects.known_in(question)
    assert studio_subjects.asked_about(question, unknown, named) == kept


@pytest.mark.parametrize(
    ("question", "clause"),
    [
        ("Xの規約変更のあと、クロスフォリオに移ればAI学習されない？", "クロスフォリオに移ればAI学習されない?"),  # NFKC
        ("I left X. after the terms change, is Cara safe?", " is Cara safe?"),
        ("does Meta train on my art", "does Meta train on my art"),
    ],
)
def test_the_clause_that_asks(subjects: SubjectIndex, question: str, clause: str) -> None:
    assert subjects.asking_clause(question) == clause


def test_where_an_asker_moves_to_is_a_platform_s_place(subjects: SubjectIndex) -> None:
    assert subjects.unknown_in("クロスフォリオに移ればAI学習されない？") == ["クロスフォリオ"]


def test_a_platform_named_by_its_ai_label_is_a_platform_s_place(subjects: SubjectIndex) -> None:
    # the nineteenth blind set's f1812: 「カクヨムの生成AIタグ」 was answered from DeviantArt's NoAI tag
    assert subjects.unknown_in("カクヨムの生成AIタグ、校正だけでも付けなきゃダメ？") == ["カクヨム"]


def test_an_everyday_word_before_a_possessive_platform_noun_is_a_name(studio_subjects: SubjectIndex) -> None:
    # "mastodon" is an everyday word (an extinct animal) except before "server"/"server's"
    assert "mastodon" in studio_subjects.unknown_in("my mastodon server's settings block GPTBot")
    assert "mastodon" not in studio_subjects.unknown_in("a mastodon skeleton drawing")


def test_a_kind_of_outlet_in_katakana_is_no_name(subjects: SubjectIndex) -> None:
    # fresh-user check 84: 「台湾のニュースサイトに…って記事があった」 was refused as
    # 「ニュースサイトについての出典は手元にない」
    assert subjects.unknown_in("台湾のニュースサイトに、Metaが投稿で学習してるって記事があった。本当？") == []
    assert subjects.unknown_in("ポッドキャストで聞いたけど、Metaの学習って止められる？") == []
    # ... while a katakana service's name still is one
    assert subjects.unknown_in("ココナラの納品物ってAI学習に使われる？") == ["ココナラ"]


def test_an_author_s_writing_told_of_is_no_name(studio_subjects: SubjectIndex) -> None:
    # the opened fifty-first set's f3683
    # (https://kollektive-intelligenz.de/originals/praktische-uberlegungen-zum-nutzungsvorbehalt/) was
    # labelled "I have no source on professor itself"
    assert (
        studio_subjects.unknown_in(
            "a german AI professor's essay says the law never spells out what a machine-readable opt-out looks like"
        )
        == []
    )
    # ... while a platform's possessive still names it, whatever follows
    assert "steam" in studio_subjects.unknown_in("when a dev ticks steam's AI box, does the store page say so?")


def test_a_lowercase_name_a_company_acts_under_is_a_name_not_a_typo(studio_subjects: SubjectIndex) -> None:
    # "vimeo" is one letter from "video" (a corpus word), but it is what "wants" something here
    assert studio_subjects.unknown_in("vimeo wants AI labels now. do i have to tag my film?") == ["vimeo"]
    assert studio_subjects.unknown_in("my vimeo is a short film about GPTBot") == []
    # ... or what trains or uses ("can zoom train its AI on my calls?"), an everyday word too
    assert studio_subjects.unknown_in("can zoom train its AI on my portfolio review calls?") == ["zoom"]
    assert studio_subjects.unknown_in("if i zoom in on the image, can GPTBot read it?") == []
    # ... or what a marketplace does with creators' work (the fourteenth and fifteenth blind sets:
    # "etsy" is one letter from "easy")
    assert studio_subjects.unknown_in("etsy lets you sell AI art but bans selling prompts?") == ["etsy"]
    assert studio_subjects.unknown_in("deezer tags AI tracks now — does it train on my uploads?") == ["deezer"]
    # ... or what a company promised its users (an everyday word the dictionary holds as rare)
    assert studio_subjects.unknown_in("procreate promised no generative AI. can it read my canvases?") == ["procreate"]


def test_a_name_opening_with_a_digit_where_a_platform_stands(studio_subjects: SubjectIndex) -> None:
    # the opened eleventh blind set: "photographer on 500px" was answered from the jurisdictions overview
    assert studio_subjects.unknown_in("photographer on 500px — does GPTBot train on it?") == ["500px"]
    assert studio_subjects.unknown_in("9gagに上げた絵って学習される？") == ["9gag"]
    # a number with its unit is no name, wherever it stands
    assert studio_subjects.unknown_in("i export at 300dpi on 4k screens; does GPTBot care?") == []
    assert studio_subjects.unknown_in("i upload at 1024px, does GPTBot still take it?") == []


def test_a_dash_or_a_curly_quote_does_not_make_a_question_japanese(studio_subjects: SubjectIndex) -> None:
    # fresh-user trial 11: "uk artist — …can i still send in my answer?" was read by the Japanese
    # rules (any non-ASCII character), under which a lower-case Latin word is a name: "send"
    assert studio_subjects.unknown_in("uk artist — can i still send in my answer?") == []
    assert studio_subjects.unknown_in("i’m running a shop — can i still send in my art?") == []
    assert studio_subjects.unknown_in("shutterstock sold its library as training data. can i pull out?") == [
        "shutterstock"
    ]


def test_the_asker_s_own_business_named_by_its_trade_is_no_subject(studio_subjects: SubjectIndex) -> None:
    # fresh-user probe, 2026-12-01: "I have no source on print"
    assert studio_subjects.unknown_in("my print shop logs are full of GPTBot. is that training?") == []
    assert studio_subjects.unknown_in("our online store sells prints. is GPTBot scraping it?") == []
    assert "mastodon" in studio_subjects.unknown_in("my mastodon server only blocks GPTBot")
    # ... but a word no dictionary has, before "shop", names the platform the shop is on (the opened
    # thirty-third set's f2622 was answered with the Copyright Office's disclosure steps)
    assert studio_subjects.unknown_in("my etsy shop mixes hand-inked pieces with ai-assisted ones") == ["etsy"]


def test_a_capitalised_name_one_letter_from_an_everyday_corpus_word_is_still_a_name(
    studio_subjects: SubjectIndex,
) -> None:
    # "vimeo" is one letter from "video"; written as a name it is not a typo of it
    vocab_has_video = SubjectIndex.build([], ["Can AI train on my video?"], studio_subjects.dictionary)
    assert vocab_has_video.unknown_in("does Vimeo use my uploads to train AI?") == ["Vimeo"]
    assert vocab_has_video.unknown_in("can ai train on my vidoe?") == []  # a typo, in lower case


def test_a_long_name_in_an_ordinary_question_is_not_title_case(studio_subjects: SubjectIndex) -> None:
    # (this small corpus lacks "generative", so that word is unknown too)
    assert studio_subjects.unknown_in("does the Generative AI Copyright Disclosure Act pass?")[0] == (
        "Copyright Disclosure Act"
    )
    assert studio_subjects.unknown_in("what does California's AB 2013 require?")[0] == "California's AB 2013"


def test_a_katakana_service_whose_policy_is_asked_about_is_unknown(subjects: SubjectIndex) -> None:
    assert subjects.unknown_in("ニジエはAI学習禁止？") == ["ニジエ"]
    assert subjects.unknown_in("イラストはAI学習禁止？") == []  # a loanword the notes use


def test_a_setting_s_name_the_notes_use_is_not_an_unknown_subject() -> None:
    from bot.engine.subjects import load_dictionary

    bodies = ["Open Settings and turn off Data Sharing to stop this."]
    idx = SubjectIndex.build([], ["Can LinkedIn train on my posts?"], load_dictionary(), bodies)
    assert idx.unknown_in("where do I find the Data Sharing switch?") == []
    assert idx.unknown_in("does Clip Studio Paint train on my drawings?")[0] == "Clip Studio Paint"


def test_a_party_known_only_through_a_case_name_is_not_a_covered_subject() -> None:
    # The GEMA note names "GEMA v Suno" (and 「GEMA対Suno」); that makes the case known, not Suno:
    # "opt my songs out of Suno" has no source and must be refused by name.
    docs = [_meta("gema-case", ("GEMA", "GEMA v Suno", "GEMA対Suno"))]
    words = {**DICTIONARY, **{w: 10_000 for w in "can i opt songs out of what happened in case".split()}}
    index = SubjectIndex.build(docs, ["What did the court decide in GEMA v Suno?", "GEMA対Suno 判決"], words)
    assert index.unknown_in("can I opt my songs out of Suno?") == ["Suno"]
    assert "gema v suno" in index.known_in("what happened in the GEMA v Suno case?")
    assert index.unknown_in("what happened in the GEMA v Suno case?") == []


def test_a_word_in_capitals_the_notes_never_write_so_is_unknown() -> None:
    # "line" is an everyday word the notes use ("a robots.txt line"); 「LINEスタンプ」 names LINE,
    # which no note covers. An acronym the notes write ("DSM") is not unknown.
    from bot.engine.subjects import load_dictionary

    bodies = ["Add one line to robots.txt.", "イラストとスタンプ"]
    texts = ["How do I write a robots.txt line?", "What does the DSM Directive reserve?"]
    idx = SubjectIndex.build([], texts, load_dictionary(), bodies)
    assert idx.unknown_in("AIイラストで作ったLINEスタンプって審査に落とされる？") == ["LINE"]
    assert idx.unknown_in("does the DSM cover my art?") == []
    assert idx.unknown_in("which robots.txt line do i add?") == []


def test_a_bill_named_in_capitals_is_unknown_though_its_name_is_an_everyday_word() -> None:
    # "the TRAIN act" names a bill no note covers; "STILL" alone is emphasis
    from bot.engine.subjects import load_dictionary

    texts = ["What does the EU AI Act require?", "Is scraping my site still allowed?"]
    idx = SubjectIndex.build([], texts, load_dictionary())
    assert idx.unknown_in("if the TRAIN act passes, could i find out what my songs trained?") == ["TRAIN act"]
    assert idx.unknown_in("is scraping my site STILL allowed?") == []


def test_an_alias_too_rare_to_be_an_everyday_word_names_its_subject_in_lower_case() -> None:
    # "Thaler" is in the everyday list only as a rare word (a coin): "the thaler case" names the
    # case; "Meta", a common word, still needs a platform's place ("meta tags" is not Meta)
    from bot.engine.subjects import load_dictionary

    docs = [_meta("thaler-case", ("Thaler",)), _meta("meta-ai", ("Meta",))]
    idx = SubjectIndex.build(docs, ["What did the court decide in Thaler?"], load_dictionary())
    assert "Thaler" in idx.known_in("what was the actual picture in the thaler copyright case?")
    assert "Meta" not in idx.known_in("do meta tags stop AI crawlers?")


def test_an_everyday_verb_s_ing_form_in_a_subject_s_place_is_no_name() -> None:
    # fresh-user trial 7: "does hosting my portfolio there…" was refused as "no source on hosting";
    # an everyday word after "does" still names a platform ("does medium train…")
    from bot.engine.subjects import load_dictionary

    texts = ["Does my portfolio train AI?", "Do those change my rank in search?"]
    idx = SubjectIndex.build([], texts, load_dictionary())
    assert idx.unknown_in("does hosting my portfolio there keep it out of AI training?") == []
    assert idx.unknown_in("does allowing those change my rank in search?") == []
    assert idx.unknown_in("does medium train AI on my portfolio?") == ["medium"]
    # a lower-case name of several words where the subject acts is named whole, but a word no
    # dictionary has is the name alone, and an adverb or "itself" is no part of it
    assert idx.unknown_in("does fur affinity do anything about scrapers?") == ["fur affinity"]
    # ... whatever a site does with what is posted there (unseen32 f2562: answered from Meta's notes)
    assert idx.unknown_in("does fur affinity still reject anything made with AI?") == ["fur affinity"]
    assert idx.unknown_in("does the unsplash license basically let anyone train AI?") == ["unsplash"]
    assert idx.unknown_in("does banchan itself do anything about scrapers?") == ["banchan"]
    # ... or is kept from acting (a probe, 2026-12-03: answered with the general opt-out overview)
    assert idx.unknown_in("can i stop clip studio paint from using my drawings for ai?") == ["clip studio paint"]
    assert idx.unknown_in("how do i stop my portfolio from training AI?") == []
    # a word derived from an everyday one, missing from the dictionary, is no name either ("assist"
    # → "assistive"); where a platform stands, such a word still is one ("on printful")
    assert idx.unknown_in("i used AI only as an assistive tool for my portfolio") == []
    assert idx.unknown_in("i sell my portfolio on printful") == ["printful"]
    # a negated word is no name wherever it stands ("training on unlicensed images", field f1014);
    # a name that only starts like one is ("on unsplash")
    assert idx.unknown_in("does my portfolio train AI on unlicensed images?") == []
    assert idx.unknown_in("is my noncommercial portfolio safe?") == []
    assert idx.unknown_in("does my portfolio train AI on unsplash?") == ["unsplash"]
    # ... nor is a verb undoing an everyday one before its object, nor a device ("X only lets you
    # untick the grok box on desktop" was refused as "no source on untick", the opened forty-eighth
    # set's f3504, https://amkstation.com/de/?p=75107); a name starting so is one ("unsplash's")
    assert idx.unknown_in("it only lets you untick the portfolio box on desktop") == []
    assert idx.unknown_in("can i uncheck my portfolio in the browser?") == []
    assert idx.unknown_in("does unsplash's license cover my portfolio?") == ["unsplash"]
    # a British spelling of an everyday word is no name (trial 15's "…recaps summarise my books";
    # an opened field question was labelled "I have no source on favoured")
    assert idx.unknown_in("what was the government's favoured option? it summarised the colours") == []
    # a participle before the word it describes is no name where a platform stands either ("the
    # stock site's ban on automated programs" was refused as "no source on automated", the
    # opened twenty-first set's f1886); a name after "on" that ends the clause still is one
    assert idx.unknown_in("the site has a ban on automated programs. which rule applies?") == []
    assert idx.unknown_in("is my portfolio safe on tumbled?") == ["tumbled"]


def test_a_name_one_letter_from_an_everyday_word_stands_as_a_platform() -> None:
    # "etsy" is one letter from "easy": after "on" it names a marketplace, not a typo
    from bot.engine.subjects import load_dictionary

    idx = SubjectIndex.build([], ["Can I sell prints?"], load_dictionary())
    assert idx.unknown_in("can i sell AI prints on etsy?") == ["etsy"]
    assert idx.unknown_in("is it etsy to opt out?") == []
    assert idx.unknown_in("etsy seller: does the AI rule apply?") == ["etsy"]  # who sells there


def test_a_platform_someone_heard_about_is_named(subjects: SubjectIndex) -> None:
    assert "Meta" in subjects.known_in("i heard meta trains on everything, true?")


@pytest.mark.parametrize(
    ("question", "word", "name"),
    [
        ("does deviantart train its own DreamUp generator?", "DreamUp", True),
        ("Misskeyでnoaiを設定したら外してもらえる？", "Misskey", True),
        ("Xで絵を無断転載されたからDMCAで申し立てたい", "DMCA", True),
        ("can I block their IPs instead?", "IPs", False),
        ("they train firefly on my PSDs", "PSDs", False),
        ("which crawler grabs pages for training?", "grabs", False),
        ("I turned on cloudflare's block-AI-bots thing", "block-AI-bots", False),
        ("Spawning says it works. does it?", "Spawning", False),
    ],
)
def test_an_unknown_word_written_as_a_name(question: str, word: str, name: bool) -> None:
    from bot.engine.subjects import written_as_name

    assert written_as_name(question, word) is name


def test_words_that_are_not_names_in_english_questions() -> None:
    # capitals for emphasis, a compound of everyday words, and a word after "fair use"
    from bot.engine.subjects import load_dictionary

    texts = ["Is AI training fair use?", "What training data was used?", "Is my site still shown?"]
    idx = SubjectIndex.build([], texts, load_dictionary())
    assert idx.unknown_in("i blocked the bot but my blog STILL shows up in ai answers??") == []
    assert idx.unknown_in("will companies have to publish training-data summaries?") == []
    assert idx.unknown_in("how does US fair use compare with the EU rule?") == []
    assert idx.unknown_in("can i opt out of training on medium?") == ["medium"]  # the place still names


@pytest.mark.parametrize(
    ("publisher", "name"),
    [
        ("kenri checklist (DeviantArt)", "DeviantArt"),
        ("kenri チェックリスト（DeviantArt）", "DeviantArt"),
        ("Meta (Newsroom)", "Meta"),
        ("Adobe (Content Authenticity Initiative); CAWG", "Adobe"),
        ("X Corp.", "X Corp."),
    ],
)
def test_a_platform_s_name_from_its_publisher(publisher: str, name: str) -> None:
    from bot.engine.subjects import platform_name

    assert platform_name(publisher) == name


def test_a_service_someone_wants_to_stop_is_a_name_not_a_typo() -> None:
    # "suno" is one letter from "sun": after "stop" it names what is to be stopped
    from bot.engine.subjects import load_dictionary

    idx = SubjectIndex.build([], ["How do I stop scraping of my art?"], load_dictionary())
    assert idx.unknown_in("is there any way to stop suno from training on my tracks?") == ["suno"]
    assert idx.unknown_in("how do i stop scraping of my art") == []


def test_what_a_question_is_asked_about_stands_after_its_opening_verb() -> None:
    from bot.engine.subjects import asked_first

    assert asked_first("does pixelfed have glaze built in like cara does?", "pixelfed")
    assert not asked_first("does pixelfed have glaze built in like cara does?", "glaze")
    assert asked_first("I moved my art. Is pixelfed safe from scrapers?", "pixelfed")
    # ... or labels the message's topic (the nineteenth blind set's f1782, answered from Amazon's
    # crawler notes without saying they do not cover KDP)
    assert asked_first("kdp question: does amazon show readers my ebook was marked AI?", "kdp")
    # ... written as its owner's (trial 15: "does substack's toggle stop chatgpt…" was answered
    # about ChatGPT without saying the sources lack Substack)
    assert asked_first("does substack's 'block AI training' toggle stop chatgpt?", "substack")
    assert not asked_first("kdp question: does amazon show readers my ebook was marked AI?", "ebook")


@pytest.fixture(scope="module")
def case_subjects() -> SubjectIndex:
    docs = [_meta("getty-case", ("Getty", "Stability AI")), _meta("gema-case", ("GEMA", "OpenAI"))]
    texts = ["What did the court decide in Getty Images v. Stability AI?", "What was GEMA v. OpenAI about?"]
    bodies = ["GEMA also sued Suno over songs.", "ゲッティ・イメージズは英国で訴訟を起こした。"]
    return SubjectIndex.build(docs, texts, DICTIONARY, bodies)


@pytest.mark.parametrize(
    ("question", "party"),
    [
        # a case the notes lack, in lower case, sharing a party with one they have
        ("where does the new york times lawsuit against openai stand?", "new york times"),
        ("is my book part of the bartz v. anthropic settlement?", "bartz"),
        ("what did the judge say after openai was sued by the authors guild?", "authors guild"),
        ("読売新聞がPerplexityを訴えたって聞いたけど、その裁判って今どうなってるの？", "読売新聞"),
        ("AI検索が日本の新聞社から訴えられてる件、どうなった？", "新聞社"),
        # a case the notes have, or no party named
        ("where does the getty lawsuit stand?", ""),
        ("did gema sue suno too?", ""),
        ("gema sued suno, what happened?", ""),
        ("is the ongoing lawsuit against stability ai over?", ""),
        ("in my case, is training on my art fair use?", ""),
        ("has anyone sued openai over training yet?", ""),
        ("my client sued me over ai art, is that a lawsuit i can win?", ""),
        ("ゲッティ訴訟はどうなった？", ""),
        ("AI訴訟ってどうなってる？", ""),
        ("procreate vs krita, which is safer from ai training?", ""),
        # a party's words do not cross a comma: "wait, getty sued…" names Getty, whom the notes write
        ("wait, getty sued stability in the US too?", ""),
        ("sued by the authors guild, what now for openai?", "authors guild"),
        # a verb after a party ends it: the party is Stability AI's "stability", not "stability goes"
        ("one site says the artists' case against stability goes to trial in 2026. which is it?", ""),
        ("the case against the new york times will settle?", "new york times"),
        # ... and before a verb of what the party did with its own lawsuit (fresh-user trial 52:
        # answered from GEMA v. OpenAI)
        ("did the new york times win its lawsuit against openai?", "new york times"),
        ("did getty win its lawsuit against stability?", ""),
        # 「Xの対Y訴訟」: the party before 「の対」 (the twenty-eighth blind set's f2360)
        ("読売の対OpenAI訴訟って、日本のメディアで初めての例？", "読売"),
        ("ゲッティの対Stability AI訴訟はどうなった？", ""),
    ],
)
def test_a_party_to_a_case_the_notes_never_write(case_subjects: SubjectIndex, question: str, party: str) -> None:
    assert case_subjects.unknown_case_party(question) == party


def test_a_katakana_word_opening_a_sentence_as_where_it_happens_is_unknown(subjects: SubjectIndex) -> None:
    question = "ジャンプルーキーでAIを使った漫画が1位になっても連載できないの？"
    assert subjects.unknown_in(question) == ["ジャンプルーキー"]
    # a katakana word the notes use is not a subject, wherever it stands; nor is one describing
    # the asker ("アニメーターですが…")
    assert subjects.unknown_in("ポートフォリオでAI学習を断れる？") == []
    assert subjects.unknown_in("アニメーターですが、AI学習を断れる？") == []
    # ... or with に, where something was added (「エックスサーバーに『…』ってのが増えた」)
    assert subjects.unknown_in("エックスサーバーにAI設定が増えたけど、オンにすべき？") == ["エックスサーバー"]
    # a name that goes on in kanji is named whole (「ニコニコ静画に投稿した絵」)
    assert subjects.unknown_in("ニコニコ静画に投稿した絵は学習される？") == ["ニコニコ静画"]
    # ... or in capitals, after a katakana word the notes use (the opened tenth set's f1277:
    # 「イラストACの規約」 named nothing, as イラスト is an everyday word)
    assert subjects.unknown_in("AIで作った絵、イラストACの規約だと投稿できる？") == ["イラストAC"]
    assert subjects.unknown_in("イラストをAIの学習から守るには？") == []
    # ... or with が / は, as what the sentence is about (「ファンティアがAI作品の規制をゆるめた」)
    assert subjects.unknown_in("ファンティアがAI作品の扱いを変えたって本当？") == ["ファンティア"]
    assert subjects.unknown_in("ポートフォリオは学習に使われる？") == []
    # ... or with its product's terms (the eleventh blind set's 「ミリキャンバスのAIツールの規約」, reworded)
    assert subjects.unknown_in("ペイントナウのAI機能の規約だと商用で使える？") == ["ペイントナウ"]
    # ... or with its AI feature (the fourteenth blind set's 「クリスタのAIパレット」, reworded)
    assert subjects.unknown_in("ペイントナウのAIパレットって画像を公開する予定だった？") == ["ペイントナウ"]
    assert subjects.unknown_in("ペイントナウのAI学習妨害フィルターは効く？") == ["ペイントナウ"]
    # a katakana word the notes use, before its AI feature, is no subject
    assert subjects.unknown_in("ポートフォリオのAI機能って何？") == []


@pytest.mark.parametrize(
    ("question", "features"),
    [
        ("do AI browsers like meta's comet or dia read robots.txt?", ["comet"]),
        ("is meta training on my photos through 'enhanced visual search'?", ["enhanced visual search"]),
        # the notes write it, it is a function word, or the quotes hold a claim
        ("does meta's training use my art?", []),
        ("does meta's atlas browser read robots.txt?", ["atlas"]),
        ("does meta's sneaky policy cover my art?", []),
        # ... unless neither word is written by the notes nor everyday English: a product's name
        # of two words (trial 15: "amazon's kindle recaps" was answered with the Amazonbot steps)
        ("meta's kindle recaps summarise my books, can i opt out?", ["kindle"]),
        ("people say meta's ai is just 'industry standard'. is it?", []),
        ("does posting 'I do not give Meta permission' work?", []),
        # Japanese: a quoted name holds no hiragana; a quoted claim does
        ("Metaの「画像編集ツール」で勝手に加工される？", ["画像編集ツール"]),
        ("「AIを補助に使っても大丈夫」って本当？", []),
        ("プロフに「無断転載禁止」って書けばAI学習も防げる？", []),
        ("「イラスト」って書けばいい？", []),
        # a quoted nickname after "the" is no feature; a quoted name before a product noun is
        ("is japan still the 'machine learning paradise' for AI?", []),
        ("does the 'smart brush fill' tool train on my art?", ["smart brush fill"]),
        # ... or after "a" before a product noun (the opened field set's f1242: a 'fairly trained'
        # badge was answered with the opt-out overview); a quoted claim after "a" is none
        ("what does a 'fairly trained' badge on an AI tool certify?", ["fairly trained"]),
        ("is it just a 'polite request' to scrapers?", []),
        # ... or introduced as new (the twelfth blind set's "these new 'CC signals'")
        ("creative commons has these new 'CC signals'. does anyone honour them?", ["CC signals"]),
        # ... but a quoted title before a message noun is the message's (the opened forty-seventh
        # set's f3454: "meta's 'new AI features' notice" was labelled a feature no source covers)
        ("uk users are getting meta's 'smart brush fill' notice, do i object again?", []),
        ("uk users are getting meta's 'smart brush fill' tool, do i object again?", ["smart brush fill"]),
        # a quoted name the asker introduces as one (「『X』っていう」), unless the notes write it
        ("『emamori』っていう加工ツールはGlazeの代わりになる？", ["emamori"]),
        ("「ポートフォリオ」っていうページは学習される？", []),
    ],
)
def test_a_covered_company_s_product_the_notes_never_write(
    subjects: SubjectIndex, question: str, features: list[str]
) -> None:
    assert subjects.unknown_features(question) == features


def test_an_unknown_name_is_named_without_its_possessive(subjects: SubjectIndex) -> None:
    assert subjects.unknown_in("does Suno's program use my art?") == ["Suno"]


def test_a_katakana_alias_inside_a_longer_katakana_word_names_nothing() -> None:
    docs = [_meta("x-ai", ("X", "エックス"))]
    index = SubjectIndex.build(docs, ["How do I stop X training on my art?"], DICTIONARY)
    # https://www.mega-style.com/?p=6651 (a web host's AI-crawler blocking setting)
    assert index.known_in("エックスサーバーのAIクローラー遮断設定ってオンにしたほうがいい？") == {}
    assert "エックス" in index.known_in("エックスの規約でAI学習される？")


@pytest.mark.parametrize(
    ("question", "regime"),
    [
        ("can i trademark a logo midjourney made?", "trademark law"),
        ("is my AI logo trademarkable?", "trademark law"),
        ("ＡＩのロゴって商標登録できる？", "trademark law"),  # full-width letters: NFKC first
        # the US trademark statute and its trade-dress claims (the opened twenty-first set's f1888:
        # the Andersen section naming them was passed over for Getty's UK trade-mark ruling)
        ("which lanham act claims survived in the artists' case?", "trademark law"),
        ("did the trade-dress claim go forward?", "trademark law"),
        # both named: the reply names the first in table order
        (
            "is voice cloning a right of publicity problem?",
            "publicity and personality rights|rights in a person's voice",
        ),
        ("声優の声をAIに学習させて売るのは止められる？", "rights in a person's voice"),
        # trial 20: a voice clone told as what was done to the asker's voice
        (
            "an ex-client cloned my voice and keeps posting vids with it. is that copyright infringement?",
            "rights in a person's voice",
        ),
        ("友達の写真をAIで加工したら肖像権的にアウト？", "publicity and personality rights"),
        ("is an AI parody of me defamatory?", "defamation law"),
        ("AIに勝手に改変されたら同一性保持権の侵害？", "moral rights"),
        ("do performers' rights cover an AI copy of my voice?", "performers' rights"),
        # an AI named as an inventor is a patent question (the opened thirtieth set's f2472)
        ("AIを発明者にした特許出願って、日本の裁判所では結局どうなったの？", "patent law"),
        ("can an AI be listed on a patent?", "patent law"),
        ("instagram slapped 'made with AI' on my painting, can i get it off?", "platforms' labels for AI-made work"),
        # ... and whether one must write that a work is AI-made (found trying Japanese questions:
        # 「AI生成って書かずに投稿したら規約違反？」 was answered with the ACA's general understanding)
        ("AI生成って書かずに投稿したら規約違反になる？", "platforms' labels for AI-made work"),
        # unseen32 f2600: answered with the AI Promotion Act's duty of transparency
        (
            "生成AIの出力が著作権侵害で訴えられたら、AIを提供してる会社が補償してくれるって本当？",
            "indemnity, insurance or compensation promises",
        ),
        ("does adobe indemnify me if a firefly image gets me sued?", "indemnity, insurance or compensation promises"),
    ],
)
def test_a_body_of_law_besides_copyright_is_recognised(question: str, regime: str) -> None:
    from bot.engine.subjects import regimes_named

    assert [r.en for r in regimes_named(question)] == regime.split("|")


@pytest.mark.parametrize(
    "question",
    [
        "is my AI-assisted comic protected by copyright?",
        "the Copyright, Designs and Patents Act section 29A: does it let AI firms train?",
        "イギリスの著作権・意匠・特許法の第29A条って、AI学習に使える？",
        "can I stop Meta training on my public posts?",
        "市場で競合する出力って著作権侵害？",
        # a work made with AI is no label on it (trial 27's follow-up was refused as one)
        "can i register art i made with AI help at the copyright office?",
        # a patent firm telling the news is no patent question (the opened forty-eighth set's f3515,
        # https://uit-patent.or.jp/topics/ : refused as patent law)
        "a japanese patent firm's news post says the culture agency's AI copyright checklist splits people"
        " into developers, providers and users. what's in the bit for rights holders?",
        "特許事務所のブログによると、文化庁のチェックリストには権利者向けの部分があるらしい。何が書いてある？",
        # ... nor patent news (the opened forty-ninth set's f3599, http://e-patentnews.com/12832)
        "韓国の特許ニュースで、米国著作権局のAI学習レポートが出たって読んだ。"
        "商用でAIに学習させるのはフェアユースにならないってこと？",
        "a korean patent news site says the copyright office's training report is out."
        " is commercial training not fair use?",
    ],
)
def test_copyright_questions_name_no_other_body_of_law(question: str) -> None:
    from bot.engine.subjects import regimes_named

    assert regimes_named(question) == []


@pytest.mark.parametrize(
    ("question", "features"),
    [
        # a covered company's name run into a katakana word no note uses: one of its products
        ("Instagramストーリーズに上げた絵もAI学習に使われる？", ["Instagramストーリーズ"]),
        # ... but not into a word the notes write (「アップロード」 is in a body)
        ("Instagramアップロードした絵はAI学習に使われる？", []),
        # ... nor after a name the corpus does not know
        ("Tumblrストーリーズの絵はAI学習に使われる？", []),
    ],
)
def test_a_covered_company_s_katakana_product_is_a_feature_no_note_writes(
    subjects: SubjectIndex, question: str, features: list[str]
) -> None:
    assert subjects.unknown_features(question) == features


@pytest.mark.parametrize(
    ("text", "months"),
    [
        ("2024年11月15日発効の規約", {(2024, 11)}),
        ("effective 15 November 2024, updated Jan. 2026 and on September 15, 2026", {(2024, 11), (2026, 1), (2026, 9)}),
        ("the 2026-01 release", {(2026, 1)}),
        ("those tags from 2023", set()),
    ],
)
def test_months_are_read_however_they_are_written(text: str, months: set[tuple[int, int]]) -> None:
    from bot.engine.subjects import months_in

    assert months_in(text) == months


def test_news_dated_to_a_month_the_notes_never_write_is_named() -> None:
    from bot.engine.subjects import unknown_dates

    written = {(2024, 11)}
    assert unknown_dates("Xの2026年1月の規約改定で何が変わった？", written) == ["2026年1月の規約改定"]
    assert unknown_dates("2026年1月15日から発効したXの規約は？", written) == ["2026年1月の出来事"]
    assert unknown_dates("did the march 2027 update change anything?", written) == ["March 2027 update"]
    assert unknown_dates("what changed in january 2026?", written) == ["events of January 2026"]
    # a month the notes write, or a year alone, is no unknown subject
    assert unknown_dates("X's terms of november 2024: can X train on my posts?", written) == []
    assert unknown_dates("do the 2023 tags still work?", written) == []
    # the asker's own doing, dated, is no news (the eleventh blind set's Meta UK form, reworded)
    own = "i filled in meta's objection form back in june 2024. do i have to object again?"
    assert unknown_dates(own, written) == []
    assert unknown_dates("2024年6月に自分で異議を出したけど、また必要？", written) == []
    assert unknown_dates("did meta change its form in june 2024?", written) == ["events of June 2024"]
    # a month written as a cut-off bounds what is asked about; it dates no event (the twenty-ninth
    # blind set's EU summary question, reworded), unless an event is named after it
    cutoff = "models already on the market before aug 2025, do they owe the EU a summary too?"
    assert unknown_dates(cutoff, written) == []
    assert unknown_dates("2025年8月より前に出たモデルも概要を出すの？", written) == []
    assert unknown_dates("was it allowed before the march 2027 update?", written) == ["March 2027 update"]
    # ... or where a rule starts (the opened fifty-third set's f3808,
    # https://revera.legal/en/info-centr/news-and-analytical-materials/1991-es-vvodit-obyazatelnyj-shablon-raskrytiya-kontenta-obucheniya-ii/amp)
    assert unknown_dates("from aug 2025 AI model makers selling in the EU must publish a summary", written) == []
    # a month that dates the writing read is no event (f3807,
    # https://patentlyo.com/patent/2025/10/authorship-requirement-generated.html)
    assert unknown_dates("a patent blog from oct 2025 says thaler took his picture to the court", written) == []
    assert unknown_dates("did the court hear it in oct 2025?", written) == ["events of Oct 2025"]


@pytest.mark.parametrize(
    ("question", "named"),
    [
        ("ノートに投稿した記事はAI学習される？", True),
        ("GlazeってノートPCでも使える？", False),  # a laptop, not note
        ("ノートパソコンでも使える？", False),  # inside a longer katakana word
    ],
)
def test_a_katakana_alias_run_into_another_word_names_nothing(
    subjects: SubjectIndex, question: str, named: bool
) -> None:
    assert ("ノート" in subjects.known_in(question)) is named


@pytest.mark.parametrize(
    ("question", "terms"),
    [
        # the clause that asks names something no note writes: takedown requests
        ("絵が転載されてた。削除申請ってどうやればいい？", ["削除申請"]),
        ("歌ってみた動画をAIに学習されたら著作隣接権的にアウト？", ["著作隣接権"]),  # a trailing 的 is dropped
        # ... and a trailing 次第, "depending on": 「相手次第」 names no one (the opened thirty-first
        # set's f2517 was answered as "no source on 相手次第")
        ("noaiのメタタグって正式な標準なの？守るかは相手次第？", []),
        # ... and a trailing 以外, "other than": 「欧州以外」 asks about Europe (the opened forty-first
        # set's f3122 was answered as "no source on 欧州以外")
        ("日本とか欧州以外のユーザーの投稿ってどこまで使われてるの？", []),
        # ... and a trailing 禁止 says the noun before it is banned (fresh-user trial 43: 「…納品禁止だよね？」
        # was labelled "no source on 納品禁止" above Skeb's own rule)
        ("Skebって生成AIで描いたものの納品禁止だよね？", []),
        # ... a term the notes write, or only compounds of two or three kanji, ordinary nouns the
        # notes need not write (a trial's 「作曲者」 was refused as a subject): nothing
        ("アップロードした絵はAI学習に使われる？", []),
        # a question word asks for what the notes state (the nineteenth blind set's f1800)
        ("政府要請って、正確に何月何日に行ったの？", []),
        # ... wherever it stands in the compound (the opened twenty-first set's f1925 was refused
        # with "no source on 結局何曲分", "how many songs in the end")
        ("GEMAの件って、結局何曲分の歌詞が問題になったの？", []),
        # ... and so does a time asked for (the opened forty-second set's f3172 was refused with "no
        # source on 対応期限", the deadline the CMA note gives)
        ("要件っていつ決まったの？Google側の対応期限は？", []),
        ("手描きなら要らないの？", []),
        ("J-POPを大量に学習させたAIで曲を作った場合、元の曲の作曲者に何か権利あるの？", []),
        # a verb's stem run into the words before it is no term (「学習全部防げる」)
        ("GPTBotだけブロックすればAI学習全部防げる？", []),
    ],
)
def test_what_the_asking_clause_asks_about_when_no_note_writes_it(
    subjects: SubjectIndex, question: str, terms: list[str]
) -> None:
    assert subjects.uncovered_asked_terms(question) == terms


def test_a_japanese_compound_the_notes_write_with_no_between_its_words_is_written() -> None:
    # the opened nineteenth set's f1746: 「著作権方針が要る？」 was answered as a general rule "with
    # no source on 著作権方針" from the notes that write 「著作権の方針」
    docs = [_meta("ai-act", ("AI法",))]
    notes = ["汎用AIモデルの提供者は著作権の方針を定めます。", "資料は技術的な対策を挙げています。"]
    subjects = SubjectIndex.build(docs, [], DICTIONARY, notes)
    assert subjects.uncovered_asked_terms("EU市場に出すなら著作権方針が要るの？") == []
    # ... or with な after a word ending in 的 (the opened fortieth set's f3061: 「…どんな技術的対策を
    # 挙げてるの？」 got the opt-out overview as the general rule "with no source on 技術的対策")
    assert subjects.uncovered_asked_terms("内閣府の資料はどんな技術的対策を挙げてるの？") == []
    # ... not a term whose parts the notes write only apart (の must join them)
    assert subjects.uncovered_asked_terms("EU市場に出すなら著作権提供者が要るの？") == ["著作権提供者"]


@pytest.mark.parametrize(
    "question",
    [
        "does the AI act training-data summary have to list websites?",
        "does the AI act training data summary have to list websites?",
        "what is the training content summary?",  # the alias writes the hyphen
    ],
)
def test_a_name_is_known_whether_its_words_are_joined_by_hyphens_or_spaces(question: str) -> None:
    docs = [_meta("summary-template", ("training data summary", "training-content summary"))]
    subjects = SubjectIndex.build(docs, [], DICTIONARY, [])
    assert "summary-template" in set().union(*subjects.known_in(question).values())


def test_a_lowercase_english_name_in_a_japanese_question_is_a_name() -> None:
    # 「perplexityに貼った原稿って学習に使われる？」: Perplexity is an everyday English word too
    docs = [_meta("medium-ai", ("Medium",)), _meta("meta-ai", ("Meta",))]
    subjects = SubjectIndex.build(docs, [], {"medium": 10_000, "meta": 10_000}, [])
    assert "Medium" in subjects.known_in("mediumに小説を載せてるけど、AI学習される？")
    assert "Medium" in subjects.known_in("Mediumに小説を載せてるけど、AI学習される？")
    assert "Meta" not in subjects.known_in("noaiのmetaタグって効く？")  # short words keep their rules


def test_a_known_tool_s_name_used_as_a_verb_is_known() -> None:
    # the twelfth blind set: "is glazing and nightshading my art useless now?" was refused as
    # having no source on "nightshading"
    from bot.engine.subjects import load_dictionary

    docs = [_meta("nightshade", ("Nightshade",)), _meta("glaze", ("Glaze",))]
    idx = SubjectIndex.build(docs, ["Does Nightshade work?"], load_dictionary())
    assert idx.unknown_in("is glazing and nightshading my art useless now?") == []
    assert idx.unknown_in("is nightshaded art still scraped?") == []


def test_a_name_that_is_an_everyday_word_with_a_letter_before_it_is_no_typo() -> None:
    # fresh-user trial 8: "pinterest" was taken for "interest" misspelt and answered from another
    # company's checklist; "ebooks" (e-, electronic) is a word
    from bot.engine.subjects import load_dictionary

    idx = SubjectIndex.build([], ["How do I opt out of AI training on my books?"], load_dictionary())
    assert idx.unknown_in("how do i opt out of pinterest training its AI on my pins?") == ["pinterest"]
    assert idx.unknown_in("how do i opt out of AI training on my ebooks?") == []
    # a kind of file is no name (the thirteenth blind set's "does that also cover the jpgs?")
    assert idx.unknown_in("does the opt out cover the jpgs and PNG books on my site?") == []
    # whose videos they are names the platform (the thirteenth blind set's "my youtube videos")
    assert idx.unknown_in("can AI train on my youtube videos?") == ["youtube"]


def test_two_everyday_words_where_a_platform_stands_name_it() -> None:
    # the README's own miss, "fur affinity", was answered from Perplexity's checklist
    from bot.engine.subjects import load_dictionary

    texts = ["How do I opt out of AI training?", "Does Glaze work on digital art?", "Is my art safe on my website?"]
    idx = SubjectIndex.build([], texts, load_dictionary())
    assert idx.unknown_in("How do I opt out of AI training on fur affinity?") == ["fur affinity"]
    assert idx.unknown_in("does glaze work on digital paintings?") == []  # a kind of thing
    assert idx.unknown_in("is my art safe on my website?") == []


def test_us_states_are_found_in_any_case() -> None:
    from bot.engine.subjects import Places

    places = Places()
    assert places.states_named("arkansas passed a law on AI output") == ["arkansas"]
    assert places.states_named("I live in New York") == ["New York"]
    assert places.states_named("my art is on artstation") == []  # "arkansas" holds "kansas"; nothing here
    assert places.states_named("arkansas") == ["arkansas"]


def test_japanese_terms_are_counted_as_the_nouns_they_write() -> None:
    # fresh-user trial 9: 「〇〇先生風でai画像作るのって著作権的にアウト？」 was refused as having no
    # source on 先生風・画像作・著作権的: a verb's stem run into a noun and suffixes of manner
    idx = SubjectIndex.build([], ["画像の著作権はアウト？", "画風って守られないの？"], {})
    uncovered, _ = idx.uncovered_terms("「〇〇先生風」でai画像作るのって著作権的にアウト？画風って守られないの？")
    assert uncovered == ["先生"]


def test_a_contraction_typed_without_its_apostrophe_is_no_name() -> None:
    # fresh-user trial 9: "i thought style isnt copyrightable" was refused as having no source on "isnt"
    from bot.engine.subjects import load_dictionary

    idx = SubjectIndex.build([], ["Is a style copyrightable?", "I thought so"], load_dictionary())
    assert idx.unknown_in("i thought style isnt copyrightable") == []
    assert idx.unknown_in("i dont think a style is copyrightable") == []


def test_a_possessive_in_the_word_list_does_not_hide_a_name() -> None:
    # unseen32 f2595: the word list holds "egg's", so 「Eggsの著作権管理サービス」 was read as a
    # contraction typed without its apostrophe and answered from the Copyright Office's guidance
    from bot.engine.subjects import load_dictionary

    idx = SubjectIndex.build([], ["Can I register a song made with AI?", "登録できますか"], load_dictionary())
    assert idx.unknown_in("Eggsの著作権管理サービスって、AIで作った曲は申請できないの？") == ["Eggs"]
    assert idx.unknown_in("can nepenthes trap scrapers?") == ["nepenthes"]  # "nepenthe's" is rare
    # ... while an everyday plural stays a word, and a common contraction stays one
    assert idx.unknown_in("i only register songs on weekends") == []
    assert idx.unknown_in("wheres the form to register songs?") == []


def test_a_name_with_capitals_is_written_only_in_its_case() -> None:
    from bot.engine.subjects import written_as_word

    assert written_as_word("Meta's form", "meta")
    assert written_as_word("in line with the guidance", "LINE")
    assert not written_as_word("in line with the guidance", "LINE", exact_case=True)
    assert written_as_word("stickers on LINE", "LINE", exact_case=True)
    assert not written_as_word("metadata", "meta")


def test_a_name_the_notes_write_as_two_words_is_covered() -> None:
    # f1211: 「SDXLとかの新しめのバージョン」 was refused ("no source on SDXL"), though the Getty
    # judgment's note says no infringement question arose for "SD XL"
    docs = [_meta("getty", ("Getty Images", "Stability AI"))]
    bodies = ["No infringement question arose for SD XL and v1.6."]
    idx = SubjectIndex.build(docs, ["What did the court decide in Getty Images v Stability AI?"], DICTIONARY, bodies)
    assert idx.unknown_in("ゲッティの件、SDXLで出した画像も対象なの？") == []
    assert idx.unknown_in("does Getty use SDXL art?") == []
    # ... and only as written in two parts, not any name sharing their letters
    assert idx.unknown_in("does Getty use SDXM art?") == ["SDXM"]


def test_an_alias_with_a_latin_end_is_not_found_inside_a_longer_latin_word() -> None:
    # 「FANBOXの規約改定…」 named X's terms through the alias 「Xの規約」, its last letter standing for X
    docs = [_meta("x-terms", ("Xの規約",)), _meta("pixiv", ("FANBOX",))]
    subjects = SubjectIndex.build(docs, [], DICTIONARY, [])
    assert "xの規約" not in subjects.known_in("FANBOXの規約ってAI生成はダメになった？")
    assert "xの規約" in subjects.known_in("Xの規約ってAI学習どうなってる？")
    assert "xの規約" in subjects.known_in("最近のXの規約ってAI学習どうなってる？")


@pytest.mark.parametrize(
    ("question", "features"),
    [
        # the twenty-fourth field set's f2085 (opened this pass): a covered company's name followed
        # by a rare word no note writes is one of its products ("amazon kdp" is no Amazonbot)
        ("does meta horizon train AI on my worlds?", ["horizon"]),
        ("does instagram threads use my art?", []),  # a plural: a thing, not a name
        # ... not an everyday word after it, or a name the notes write
        ("does meta program my art into AI?", []),
        ("does meta note my art?", []),
        ("does meta training use my art?", []),
    ],
)
def test_a_covered_company_s_rare_next_word_is_a_feature_no_note_writes(
    subjects: SubjectIndex, question: str, features: list[str]
) -> None:
    assert subjects.unknown_features(question) == features


def test_a_crawler_s_product_token_makes_no_products() -> None:
    # the opened thirty-first set's f2498: "gptbot lowercase" was refused as a product of GPTBot's
    from dataclasses import replace

    docs = [replace(_meta("openai", ("OpenAI", "GPTBot")), crawler_tokens=("GPTBot",))]
    subjects = SubjectIndex.build(docs, ["How do I block GPTBot?"], {"lowercase": 223, "write": 10_000})
    assert subjects.unknown_features("does it matter if i write gptbot lowercase in robots.txt?") == []
    # the company itself still does: a rare word after its name is one of its products
    assert subjects.unknown_features("does openai sorabox train on my art?") == ["sorabox"]


def test_the_press_a_note_was_read_from_is_no_name_of_its_platform() -> None:
    # a note read from press coverage gives the press as its publisher; 「報道機関」 in a question
    # named X's setting note (the twenty-eighth blind set's f2360 was answered from the X notes)
    press = NoteMeta(
        id="x-setting",
        title="x-setting",
        publisher="報道（SBアプリ、ASCII）によるX Corp.の設定の解説",
        url="https://x.example.com",
        jurisdiction="INTL",
        type="platform-setting",
        published="living",
        verified="2026-11-30",
        lang="ja",
        aliases=("X",),
    )
    own = _meta("acme", ())
    index = SubjectIndex.build([press, own], ["Xの設定は？"], DICTIONARY)
    assert index.known_in("日本の報道機関がAI企業を訴えた例はある？") == {}
    assert index.known_in("press reports say they train on it?") == {}
    # a platform's own publisher is still one of its names
    assert index.known_in("does acme train on my art?") == {"acme": {"acme"}}


@pytest.mark.parametrize(
    ("question", "unknown"),
    [
        # who holds an account is a kind of account, not a platform (the twenty-eighth blind set's
        # f2305 was refused as "I have no source on teen")
        ("in europe does openai leave out teen accounts from AI training?", []),
        ("are creator accounts on openai treated differently for AI training?", []),
        # ... while a name before "accounts" is still one
        ("are mastodon accounts scraped for AI training?", ["mastodon"]),
    ],
)
def test_who_holds_an_account_is_no_platform(studio_subjects: SubjectIndex, question: str, unknown: list[str]) -> None:
    assert studio_subjects.unknown_in(question) == unknown


@pytest.mark.parametrize(
    ("question", "events"),
    [
        # a festival named is an event with its own entry rules (the opened seventh set's f1060)
        ("東方ニコ童祭に、AIを補助的に使った動画で参加してもいいの？", ["東方ニコ童祭"]),
        # ... but a festival in general is none: 祭り, or 祭 with nothing naming it
        ("夏祭りのポスターをAIで作ったら著作権はどうなる？", []),
        ("祭のチラシをAIで作った", []),
        # a call for entries is one (the opened forty-eighth set's f3551 and f3552,
        # https://www.machispo-toyama.org/entry-1766474867.html and
        # https://kobonabi.com/design/character-kisarazu-chiba-aquacoin-2025 : answered from the ACA's
        # guidance); a public consultation is none
        ("地元のNPOが公式キャラのデザインを募集してる。AIで作ったラフでも応募できる？", ["デザインの募集"]),
        ("地域通貨のキャラ募集、生成AIを使った作品はダメ？", ["キャラ募集"]),
        ("英国の意見募集って、学習の話だけ？", []),
        # ... and so is a photo salon (the opened forty-eighth set's f3523,
        # http://photosalon-plovdiv.com/en/definition-of-artificial-intelligence-ai-art-connection-with-photo-art-3/)
        ("the plovdiv photo salon won't accept AI files. is my street shot eligible?", ["plovdiv photo salon"]),
        # ... and an event named after "called" (the opened forty-seventh set's f3469, answered from
        # OpenAI's checklist); a contest "named after" someone gives no name
        (
            "a city gallery ran a show called shared thought for art made with AI. could you submit chatgpt output?",
            ["shared thought"],
        ),
        ("is the contest named after her open to AI-assisted poems?", []),
    ],
)
def test_a_festival_call_or_salon_named_is_an_event(subjects: SubjectIndex, question: str, events: list[str]) -> None:
    assert subjects.unknown_events(question) == events


@pytest.mark.parametrize(
    ("question", "target"),
    [
        # a word that is no known name and no everyday word (fresh-user trial 43)
        ("indie musician, can i opt my songs out of suno training?", "suno"),
        ("how do i stop udio from training on my tracks?", "udio"),
        # ... not a known name, a kind of thing, or everyday words
        ("can i opt my art out of meta?", ""),
        ("how do i opt my art out of ai training?", ""),
        ("can i opt my work out of the dataset?", ""),
        ("can i opt out of everything at once?", ""),
    ],
)
def test_what_a_question_asks_to_opt_out_of(subjects: SubjectIndex, question: str, target: str) -> None:
    assert subjects.opt_out_target(question) == target


@pytest.mark.parametrize(
    ("question", "kinds"),
    [
        # a rights holder's rules for fan works, which no note gives (the opened forty-first set's
        # f3132 was answered from the ACA's guidance)
        (
            "ウマ娘の二次創作ガイドラインが更新されたけど、生成AIで描いたウマ娘の絵を同人誌で頒布するのはアウト？",
            ["二次創作"],
        ),
        (
            "VTuberのファンアートを画像生成AIで作って上げるのって、本人側のガイドライン的にはだいたいNG？",
            ["ファンアート"],
        ),
        ("is AI fan art against the studio's policy?", ["fan art"]),
        # fan art without anyone's rules asked about is a copyright question the notes answer
        ("推しの二次創作っぽい絵をAIで出力してXに載せたい。文化庁の資料だと投稿前に確認しとくべきことってある？", []),
        # rules in another sentence than the fan work
        ("i draw fan art. does the EU AI act's policy apply to me?", []),
    ],
)
def test_a_rights_holder_s_fan_work_rules_are_a_subject_no_note_covers(
    subjects: SubjectIndex, question: str, kinds: list[str]
) -> None:
    assert subjects.unknown_fan_work_rules(question) == kinds


@pytest.fixture(scope="module")
def collab_subjects() -> SubjectIndex:
    docs = [_meta("x-grok", ("X", "x", "Grok")), _meta("disney", ("Disney",)), _meta("sora", ("Sora",))]
    texts = [
        "Does X use my posts to train Grok?",
        "ハンブルクの裁判所は写真エージェンシーの請求を退けた。",
        "クリエイティブ・コモンズのライセンス",
    ]
    return SubjectIndex.build(docs, texts, DICTIONARY)


@pytest.mark.parametrize(
    ("question", "x_named"),
    [
        # a lone x between two names is the collaboration sign (the opened forty-third set's f3207:
        # "the disney x sora character deal…" was answered from X's notes)
        ("the disney x sora character deal, are actors' faces part of it?", False),
        ("does x use my posts for grok?", True),
        ("disney x sora and x's terms: can x train on my art?", True),
    ],
)
def test_a_lone_x_between_two_names_is_no_platform(collab_subjects: SubjectIndex, question: str, x_named: bool) -> None:
    named = collab_subjects.known_in(question)
    assert ("x" in named) is x_named
    assert "disney" in named or "disney" not in question


@pytest.mark.parametrize(
    ("question", "unknown"),
    [
        # a court by its level alone names no court (the opened forty-third set's f3238 was refused
        # as "no source on 上級裁判所"); a court with its place's name is one
        ("ハンブルクの上級裁判所は、写真エージェンシーの規約をどう扱ったの？", []),
        ("大阪地方裁判所の判決でAIの画像はどうなった？", ["大阪地方裁判所"]),
        # katakana names joined by ・ are one name (its f3260)
        ("ニコニ・コモンズに登録されてる素材って、AIの学習に使っていいの？", ["ニコニ・コモンズ"]),
        ("クリエイティブ・コモンズの素材はAIの学習に使っていいの？", []),
        # a katakana word no note writes, opening the message as its topic's head (its f3258)
        ("ハリウッドの脚本家のストって、AIについてどんな合意になったの？", ["ハリウッド"]),
        # a name written with a decorative symbol inside is one name (its f3319 was answered with the
        # US registration guidance)
        ("マンガ★ゲットの作家規約だと、AIで作った漫画を登録して配信してもらえる？", ["マンガ★ゲット"]),
        ("マンガ☆Getって、AI漫画も載せられる？", ["マンガ☆Get"]),
    ],
)
def test_japanese_names_of_courts_and_joined_katakana(
    collab_subjects: SubjectIndex, question: str, unknown: list[str]
) -> None:
    assert collab_subjects.unknown_in(question) == unknown


def test_a_name_inside_a_longer_name_of_another_subject_names_only_the_longer() -> None:
    """The longest match names the subject: "goodbye meta ai" is the fact-check of that post, not
    Meta's settings (the opened forty-fifth set's f3328 was led by Meta's US opt-out); a name the
    longer one opens with stays ("stability ai" is Stability)."""
    docs = [
        _meta("meta-ai", ("Meta", "Meta AI")),
        _meta("factcheck", ("Goodbye Meta AI",)),
        _meta("spawning", ("Spawning", "stability")),
        _meta("getty", ("Stability AI",)),
    ]
    index = SubjectIndex.build(docs, ["Does the Goodbye Meta AI post work?"], DICTIONARY)
    assert set(index.known_in("does reposting the 'goodbye meta AI' text do anything?")) == {"goodbye meta ai"}
    both = index.known_in("the goodbye meta ai post does nothing, so how do i stop meta ai training?")
    assert {"goodbye meta ai", "meta ai"} <= set(both)
    assert {"stability ai", "stability"} <= set(index.known_in("where do i ask stability ai to leave my art out?"))


def test_disclosing_what_an_ai_was_trained_on_is_no_label_rule() -> None:
    from bot.engine.subjects import regimes_named

    # the opened sixtieth set
    # (https://www.bigdata-insider.de/eu-veroeffentlicht-pflichtvorlage-fuer-ki-trainingsdaten-a-a5fa3045b0d0c794b0e1f8937c9d7169/?cflt=rdt):
    # the EU's template for disclosing AI training data was refused as platforms' AI labels
    assert regimes_named("brussels published a mandatory template for disclosing AI training data") == []
    # ... while a duty to disclose one's own AI use still is that topic
    assert [r.en for r in regimes_named("do i have to disclose AI use to a magazine?")] == [
        "platforms' labels for AI-made work"
    ]
