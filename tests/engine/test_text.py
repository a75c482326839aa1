"""Cutting long text for quotes and for the model's answer (bot.engine.text.shorten)."""

from __future__ import annotations

import pytest

from bot.engine.text import (
    asked_after_dash,
    asks_about_litigation,
    excludes_place,
    is_outlet_kind,
    jurisdiction_names,
    lists_places,
    mentioned_jurisdictions,
    news_outlet_spans,
    question_parts,
    seen_on_spans,
    self_location,
    shorten,
    sued_party_case,
    without_comparisons,
    without_described_writers,
    without_news_outlets,
)


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


@pytest.mark.parametrize(
    ("question", "where"),
    [
        ("australian illustrator. do we get an opt-out like the EU, or what can i do?", []),
        ("is there a form similar to the UK's for artists here?", []),
        ("オーストラリアにもEUみたいにオプトアウトはある？", []),
        # fresh-user trial 31: led with US fair use for training
        ("is AI art even copyrighted in the UK? heard its different from the US", ["UK"]),
        ("I'm in the EU, how do I object to Meta training?", ["EU"]),
        ("EUではどうやってオプトアウトする？", ["EU"]),
        # ... nor is one named as where the asker is not (the opened forty-first set's f3122:
        # 「欧州以外」 was read as the EU)
        ("i'm outside the EU, can meta train on my instagram posts?", []),
        ("non-EU artist here, does the AI act help me?", []),
        ("日本とか欧州以外のユーザーの投稿ってどこまで使われてるの？", ["JP"]),
        ("EU外に住んでる", []),
        ("other than us artists, who cares about this?", []),  # "us", the pronoun: no place named
        ("I'm in the US, other than that?", ["US"]),
        # the opened forty-second set: "not in europe" (f3158) and "no EU-style form" (f3155) were
        # read as the EU
        ("not in europe: if i flip my instagram to private now, does that pull my posts out?", []),
        ("as someone in the US with no EU-style form, what's left?", ["US"]),
        # ... nor one set against where the asker is (fresh-user trial 76), nor a list before 以外
        # (the opened forty-ninth set's f3610)
        ("how do i stop instagram using my posts for meta AI? i'm in the US not the EU", ["US"]),
        ("EUやイギリス以外に住んでる人がMetaの学習を避ける手段って何がある？", []),
        # ... and several set against it, or one said to be not where the asker is (fresh-user check 77)
        ("i'm in canada, not the EU or UK. is meta training its AI on my instagram art?", []),
        ("アメリカ住みでEUじゃないんだけど、インスタの絵は使われる？", ["US"]),
    ],
)
def test_a_jurisdiction_named_as_a_comparison_is_not_where_the_asker_is(question: str, where: list[str]) -> None:
    assert mentioned_jurisdictions(without_comparisons(question)) == where
    outside = any(w in question for w in ("outside", "non-EU", "以外", "EU外", "not in", "not the", "じゃない"))
    assert excludes_place(question) is outside


@pytest.mark.parametrize(
    ("text", "parts"),
    [
        (
            "saw 'Content-Signal: ai-train=no' in a robots.txt. what is that and does it actually stop AI training?",
            ["saw 'Content-Signal: ai-train=no' in a robots.txt. what is that", "does it actually stop AI training?"],
        ),
        (
            "プリンシプル・コード案とは何ですか?AI企業に学習データを開示してもらえますか?",
            ["プリンシプル・コード案とは何ですか?", "AI企業に学習データを開示してもらえますか?"],
        ),
        # a sentence that only tells joins the question after it
        (
            "Glazeを強くかけると絵が荒れるって聞いた。どのくらい見た目が変わるの?",
            ["Glazeを強くかけると絵が荒れるって聞いた。 どのくらい見た目が変わるの?"],
        ),
        # a part too short to ask anything is no part
        ("does glaze stop training on my art? is that true??", ["does glaze stop training on my art?"]),
        # ... but a short one a question word opens asks for something (fresh-user trial 32)
        (
            "uk illustrator, does instagram train on my art?? how do i object",
            ["uk illustrator, does instagram train on my art?", "how do i object"],
        ),
        ("how do i block gptbot and ccbot", ["how do i block gptbot and ccbot"]),
        # ... and so does a yes-or-no sentence of its own about what the message named (fresh-user
        # trial 79: "is it opt-out now?" went unanswered); not one word, nor the half of an either-or
        (
            "what happened with the uk ai consultation? is it opt-out now?",
            ["what happened with the uk ai consultation?", "is it opt-out now?"],
        ),
        ("does meta train on my instagram posts? is that legal?", ["does meta train on my instagram posts?"]),
        (
            "can content credentials say that separately, or is it one yes/no?",
            ["can content credentials say that separately"],
        ),
        # ... and so does one asking whether any exists (the opened thirty-seventh set's f2851)
        (
            "can companies in japan train on my art commercially? are there any limits at all?",
            ["can companies in japan train on my art commercially?", "are there any limits at all?"],
        ),
        # 「しかも」 adds a second thing the asker did (the opened thirty-fourth set's f2696)
        (
            "サブフォルダに置いたrobots.txtで、しかもgptbotって小文字で書いたんだけど、これ効いてる?",
            ["サブフォルダに置いたrobots.txtで", "gptbotって小文字で書いたんだけど、これ効いてる?"],
        ),
        ("それぞれのサイトで、それに合わせて設定する?", ["それぞれのサイトで、それに合わせて設定する?"]),
        ("Glazeをかけた、あとでNightshadeもかける?", ["Glazeをかけた、あとでNightshadeもかける?"]),
        # a wh-question, then a second one after a bare comma (fresh-user check 74: the report that
        # answers "is the opt-out plan going ahead?" was left to "see also")
        (
            "uk illustrator here, whatever happened to the AI copyright consultation, is the opt-out plan going ahead?",
            [
                "uk illustrator here, whatever happened to the AI copyright consultation",
                "is the opt-out plan going ahead?",
            ],
        ),
        # ... and in Japanese, a question word's clause ending in 「て、」 before a second question word
        # (the opened forty-ninth set's f3606, https://watcher.sour.is/conv/fucv4ya, and the opened
        # forty-sixth set's f3415); not one whose second clause asks with no question word
        (
            "ai.txtってrobots.txtと何が違って、誰が守ってくれるの?",
            ["ai.txtってrobots.txtと何が違って", "誰が守ってくれるの?"],
        ),
        ("どうやって設定して、公開するの?", ["どうやって設定して、公開するの?"]),
        # ... or before a yes-or-no clause with a subject of its own (the opened sixty-seventh set's
        # f4677, https://anime.atsit.in/es/?p=133442, left the switch to opt-in unanswered)
        (
            "共同声明はAI事業者に何を求めてて、OpenAIは結局オプトインに切り替えたの?",
            ["共同声明はAI事業者に何を求めてて", "OpenAIは結局オプトインに切り替えたの?"],
        ),
        # ... or ending in 「のか、」 before a second clause of its own (the opened sixty-fifth set's
        # f4563, https://www.findarticles.com/sora-needs-copyright-holders-to-opt-out-of-inclusion); not
        # one before a few words that only ask for it
        (
            "そのあとOpenAIは何を約束したのか、日本政府はOpenAIに何か求めたのかが知りたい",
            ["そのあとOpenAIは何を約束したのか", "日本政府はOpenAIに何か求めたのかが知りたい"],
        ),
        ("どうすればいいのか、教えて", ["どうすればいいのか、教えて"]),
        # ... or two yes-or-no asks, each as 「…のか」 (fresh-user check 113)
        (
            "文化庁の考え方だとAIで作った絵に著作権があるのか、自分の絵を学習に使われたら著作権侵害になるのか知りたい",
            [
                "文化庁の考え方だとAIで作った絵に著作権があるのか",
                "自分の絵を学習に使われたら著作権侵害になるのか知りたい",
            ],
        ),
        # ... not a condition, nor a relative clause (the opened forty-third set's f3219)
        (
            "if i block gptbot, will my site vanish from search?",
            ["if i block gptbot, will my site vanish from search?"],
        ),
        (
            "the photographer who took LAION to court, did the appeal judges accept the no-mining line?",
            ["the photographer who took LAION to court, did the appeal judges accept the no-mining line?"],
        ),
        # a yes-or-no clause with its own subject after "and", of two keyword tokens (the opened
        # sixty-second set's f4355, https://github.com/ubyssey/ubyssey.ca/issues/1450, lost its last ask)
        (
            "how do i stop amazon using it for AI but still show up in alexa answers, and does crawl-delay work on it?",
            ["how do i stop amazon using it for AI but still show up in alexa answers", "does crawl-delay work on it?"],
        ),
    ],
)
def test_the_questions_one_message_asks(text: str, parts: list[str]) -> None:
    assert question_parts(text) == parts


@pytest.mark.parametrize(
    ("text", "where"),
    [
        # "US" in capitals is the country (the comparison overview's "US: can I register…?" was
        # taken for a heading about no place); "us" is the pronoun
        ("US: can I register a work I made with AI?", ["US"]),
        ("US illustrator here, is my art safe?", ["US"]),
        ("can you tell us what japan's law says?", ["JP"]),
    ],
)
def test_us_in_capitals_is_the_country(text: str, where: list[str]) -> None:
    assert mentioned_jurisdictions(text) == where


@pytest.mark.parametrize(
    ("question", "listed"),
    [
        ("do i own it? heard it's handled differently in japan, the US and the UK", True),
        ("日本とアメリカで扱いは違うの？", True),
        ("EU or US, which is stricter?", True),
        ("a japanese law firm says the UK's exception covers only research", False),
        ("i'm in japan, what does the EU say?", False),
    ],
)
def test_places_listed_side_by_side(question: str, listed: bool) -> None:
    assert lists_places(question) is listed


def test_jurisdiction_names_are_the_places_not_their_law_s_terms() -> None:
    question = "is fair use in the US like the EU's text-and-data-mining rule, or 日本の30条の4?"
    assert jurisdiction_names(question) == ["the US", "EU", "日本"]


@pytest.mark.parametrize(
    ("question", "asks"),
    [
        ("did the court rule on fair use yet?", True),
        ("where does the getty lawsuit stand?", True),
        ("アンダーセン訴訟の判決は？", True),
        ("under EU rules is mining my work for commercial AI opt-in or opt-out?", False),
        ("メールで学習拒否を伝えたら有効？", False),
        # "case" in an idiom is no lawsuit (the opened field set's f1659: "…wanted licences required
        # in all cases?" ranked Getty's judgment over the consultation it asked about)
        ("what share wanted licences required in all cases?", False),
        ("is fair use decided case by case?", False),
        ("is my use case covered by the exception?", False),
        ("which case did the court decide?", True),
        ("what happened in that case after the appeal?", True),
        # a country set against a company is a stance, not a lawsuit (the opened forty-second set's
        # f3146: "japan vs sora 2"); two parties are one
        ("everything i've read about japan vs sora 2 is news articles", False),
        ("getty vs stability, who won?", True),
    ],
)
def test_a_question_about_a_court_or_lawsuit(question: str, asks: bool) -> None:
    assert asks_about_litigation(question) is asks


@pytest.mark.parametrize(
    ("part", "named", "asks"),
    [
        ("30条の4ってやつ？", {"30条の4"}, False),
        ("GPTBot?", {"gptbot"}, False),
        ("the 30-4 thing?", {"30-4"}, False),
        ("what is Content-Signal", {"content-signal"}, True),
        ("ChatGPT-Userも止めるべき？", {"chatgpt-user"}, True),
        ("政府は何かした？", set(), True),
    ],
)
def test_a_part_that_only_names_the_subject_asks_nothing_more(part: str, named: set[str], asks: bool) -> None:
    from bot.engine.engine import _asks_beyond_names

    assert _asks_beyond_names(part, dict.fromkeys(named)) is asks


@pytest.mark.parametrize(
    ("question", "where"),
    [
        ("I'm in the US and post art on Instagram. EU people got an objection form, what can I do?", "the US"),
        ("we're based in Germany, does the UK rule matter to us?", "Germany"),
        ("ドイツ在住です。日本の30条の4は関係ある？", "ドイツ"),
        ("EU users got a form. what about the rest of us?", ""),
        # words that name no place are returned as written; the engine finds no place in them and
        # keeps every jurisdiction the question names
        ("I'm in trouble with the EU rules", "trouble"),
        # where the asker is, written with their role (trial 20: "US illustrator on insta — …is that
        # form only for EU/UK people?" was answered with the EU form)
        ("US illustrator on insta — can i object to Meta or is that form only for EU/UK people?", "US"),
        ("uk photographer: can AI firms mine my photos?", "uk"),
        ("I'm an illustrator in the Netherlands and post on Instagram", "the Netherlands"),
        ("concept artist: is this allowed in the EU?", "concept"),  # no place: the engine keeps the EU
        # a statement about a place's creators is not where the asker is (the opened forty-third
        # set's f3212 asked about Japan, Britain and America and was read as from the EU)
        ("EU artists can reserve their rights with a machine-readable signal. does japan have that?", ""),
        ("uk artists here: can AI firms mine our photos?", "uk"),
    ],
)
def test_where_the_asker_says_they_are(question: str, where: str) -> None:
    assert self_location(question) == where


def test_the_place_of_a_lawsuit_is_read_from_the_words_before_it() -> None:
    from bot.engine.text import places_of_lawsuits

    assert places_of_lawsuits("uk artist: can i join the US artists' class action against midjourney?") == ["US"]
    assert places_of_lawsuits("I'm in the US; the opt-out seems EU only") == []


@pytest.mark.parametrize(
    ("text", "bare"),
    [
        # something told first, then one question: the question alone
        (
            "サーバーのログにCCBotが来てた。今ブロックしたら、取られたデータは消える？",
            "今ブロックしたら、取られたデータは消える？",
        ),
        ("My host blocks bots! Will Google still index my portfolio?", "Will Google still index my portfolio?"),
        # what the asker heard, then けど and the question
        (
            "AI推進法で事業者を公表できるって聞いたけど、無断学習から絵を守ってくれる法律なの？",
            "無断学習から絵を守ってくれる法律なの？",
        ),
        # when it happened, then a comma and the question (the opened thirty-fourth set's f2664)
        (
            "after the publishers' joint statement, did openai really switch sora to opt-in?",
            "did openai really switch sora to opt-in?",
        ),
        ("since the EU AI Act passed, can I opt out of Meta training?", "can I opt out of Meta training?"),
        # a question with nothing before it, or too short to stand alone: none
        ("does blocking GPTBot remove my art from trained models?", ""),
        ("after i opted out does meta still train on my old posts?", ""),
        ("I read that pixiv bans AI training。本当？", ""),
        # only a shorter question before it (a follow-up as searched; fresh-user trial 26 got a
        # second section answering the question without its "what about bluesky?"): none
        ("what about bluesky?\ncan i stop ai from training on my art on bluesky?", ""),
    ],
)
def test_the_bare_question_after_what_the_asker_tells(text: str, bare: str) -> None:
    from bot.engine.text import bare_question

    assert bare_question(text) == bare


@pytest.mark.parametrize(
    ("text", "articles"),
    [
        ("what can they do under article 16 of the new AI law?", {"16"}),
        ("Article 30-4 and 第30条の4 and 30条の4", {"30-4"}),
        ("section 29A of the CDPA", {"29a"}),
        ("EU DSM Article 4(3) or 第4条第3項", {"4"}),
        ("art. 53 of the AI Act", {"53"}),
        ("what's the latest news on this?", set()),
    ],
)
def test_law_articles_are_read_the_same_in_both_languages(text: str, articles: set[str]) -> None:
    from bot.engine.text import article_numbers

    assert article_numbers(text) == articles


@pytest.mark.parametrize(
    ("question", "refers"),
    [
        ("the music publishers' lyrics case against anthropic, did the judge let it keep going?", True),
        ("in the anthropic books settlement, do authors split the money?", True),
        ("アメリカの絵描きの集団訴訟ってどうなった？", True),
        # a settlement, as Japanese writes it (the twenty-second set's f1991 was answered from a
        # Midjourney press note)
        ("Anthropicが作家に和解金払うって話、日本の作家の本も対象？", True),
        ("where would a lawsuit even have to be filed?", False),
        ("in case you know: does GPTBot obey robots.txt?", False),
        # a court named as where disputes go is no lawsuit (the twelfth blind set's X terms question)
        ("Xの新しい規約、揉めたときはテキサスの裁判所ってなってるらしい。日本のユーザーもそう？", False),
        # "that case" after a suit the asker would bring is the asker's own (the twenty-sixth blind set)
        ("if i wanted to sue x over my art, where would that case have to be filed?", False),
        # ... and so is 裁判 as a verb (the twenty-eighth blind set's f2331 was refused as "that case")
        ("Xの規約だと、もめた時に裁判するのはどこの裁判所？", False),
        ("裁判になったら日本の裁判所で争えるの？", False),
        ("その裁判、どうなった？", True),
        ("if i sued them, would that case look like the new york times lawsuit?", True),
        # a complaint is a particular suit's (the twenty-sixth blind set's New York Times question)
        ("ニューヨーク・タイムズの訴状って何を求めてるの？", True),
        # "the case" of a claim is no lawsuit (the opened forty-eighth set's f3504,
        # https://amkstation.com/de/?p=75107 : refused as "that case")
        ("X only lets you untick the grok box on desktop. is that still the case?", False),
        ("if that's the case, can i still opt out of meta?", False),
        ("what's still pending in that case?", True),
        ("is that still the case against suno?", True),
    ],
)
def test_a_particular_lawsuit_is_told_from_lawsuits_in_general(question: str, refers: bool) -> None:
    from bot.engine.text import refers_to_a_case

    assert refers_to_a_case(question) is refers


@pytest.mark.parametrize(
    ("question", "named"),
    [
        ("is my novel in the anthropic books settlement? how do i check?", "the anthropic books settlement"),
        # fresh-user trial 7: refused as "that case"
        (
            "that music publishers' lyrics case against anthropic, did the judge let it go ahead?",
            "the music publishers' lyrics case",
        ),
        ("did their lawsuit against openai go anywhere?", ""),  # a determiner and a bare noun
        # a verb ends the name (fresh-user trial 9: "no source on the New York Times win its case")
        ("Will the New York Times win its case against OpenAI?", "the New York Times case"),
        # a sum in the name, and the last determiner starts it (the thirteenth blind set)
        (
            "how do i check if it's on the works list for that $1.5bn authors settlement?",
            "the $1.5bn authors settlement",
        ),
        # ... and one opening the message as its topic (the opened thirty-seventh set's f2864)
        (
            "anthropic book settlement: if i opt out of it, can i still sue later?",
            "the anthropic book settlement",
        ),
        ("has anyone sued midjourney over style?", ""),
        ("ミュージシャンの訴訟はどうなった？", ""),
    ],
)
def test_a_lawsuit_is_named_as_the_question_names_it(question: str, named: str) -> None:
    from bot.engine.text import case_reference

    assert case_reference(question) == named


@pytest.mark.parametrize(
    ("question", "kept"),
    [
        # the opened forty-seventh set's f3445: the outlet's country is where the news came from
        ("mexican paper quoted an LDP lawmaker calling sora 2 a problem", False),
        ("per gamereactor's german site, japan's agency said", False),
        ("a brazilian news site says the bill", False),
        ("韓国の新聞によると、日本政府は", False),
        # ... or a piece or kind of outlet (the opened forty-eighth set's f3501, f3503, f3504, f3509,
        # f3544 and f3549: an Italian tech site, a Polish article, a German how-to, an Austrian design
        # blog, French SEO news, Belgian IT news)
        ("a polish article ranked whose names people type into midjourney", False),
        ("german how-to says X only lets you untick the box", False),
        ("フランスのSEOニュースによると、英国の競争当局が", False),
        ("韓国のIT系ニュースによると、Midjourneyの", False),
        # ... or where something was seen (the opened fiftieth set's f3664)
        ('フランスのメディアで<meta name="ai">みたいなタグが提案されてた', False),
        # ... or a site, fact-check or blog in which something was read (the opened fifty-first set's
        # f3724, https://www.mercadonegro.pe/actualidad/disney-y-universal-demandan-a-midjourney-por-uso-indebido-de-obras-protegidas-por-derechos-de-autor;
        # f3716, https://www.nu.nl/nucheckt/5712288/nucheckt-verwijderde-facebook-berichten-ook-morgen-niet-openbaar.html;
        # f3713, https://www.dsfc.net/internet/juridique/tdmrep-pour-se-proteger-du-pillage-de-vos-oeuvres/)
        ("ペルーのマーケ系サイトにスタジオ連合とMidjourneyの裁判の記事があった。", False),
        ("フランスのファクトチェックに、その宣言文は2012年からのデマだとあった。", False),
        # (fresh-user check 83: 「ドイツのファクトチェック記事にTDMRepってのが出てきた」)
        ("フランスのファクトチェック記事にTDMRepってのが出てきたけど、AI学習止められるの？", False),
        ("韓国のブログにApacheでtdm-reservationのヘッダーを返す設定が載ってた。", False),
        # ... or an English outlet described by its topic, telling or calling (the opened fifty-first
        # set's f3688, https://www.appgefahren.de/zeit-um-x-endgueltig-ade-zu-sagen-eigene-beitraege-trainieren-grok-ai-367671.html)
        ("a german apple blog told people to quit X over the november terms", False),
        ("a polish manga site calls nightshade the offensive one", False),
        # ... or one something was read on (fresh-user check 83: "you mentioned European Union")
        ("saw on a spanish news site that disney sued midjourney, what is that case about?", False),
        # ... or the news itself, reporting (the opened fifty-second set's f3754,
        # https://noticiasaominuto.com/tech/2638651/estao-todos-a-partilhar-este-post-no-instagram-mas-sera-que-funciona),
        # or a company's blog (f3789)
        ("portuguese news says even celebrities are sharing the post", False),
        ("イギリスの制作会社のブログに、Search Consoleで外せるようになったってあった。", False),
        # ... or of any kind, when it reports or is writing on a topic (the opened fifty-third set's
        # f3808, https://revera.legal/en/info-centr/news-and-analytical-materials/1991-es-vvodit-obyazatelnyj-shablon-raskrytiya-kontenta-obucheniya-ii/amp;
        # f3812, http://aigcdaily.cn/news/a24m3tol2gs1d7w)
        ("belarusian law firm news says from aug 2025 model makers must publish a summary", False),
        ("chinese law-firm column on japan's AI training rules keeps mentioning the proviso", False),
        # ... or a Japanese site where something was written (f3834,
        # https://investmentweek.com/japan-als-paradies-fur-ki-entwicklung-und-urheberrechtsverletzungen)
        ("ドイツの投資系サイトで、日本はAI開発の楽園で学習し放題って書かれてた。", False),
        ("ドイツのサイトで作品を売ってるけど、AI学習に使われる？", True),
        # ... not a site the asker posts on or asks about
        ("i run a german art blog that gets scraped a lot", True),
        ("i run a german cyber security blog that gets scraped a lot", True),
        ("韓国のサイトに作品を載せてるけど、AI学習に使われる？", True),
        ("英国だけじゃなくフランスのサイトでもSearch Consoleに出てくる？", True),
        # ... not newspapers as a party, nor a country asked about
        ("korean newspapers wanted a training-data disclosure clause", True),
        ("カナダの新聞社がOpenAIを訴えた裁判", True),
        ("is a mexican illustrator's art safe from openai?", True),
    ],
)
def test_a_country_named_only_as_a_news_outlet_s_is_removed(question: str, kept: bool) -> None:
    country = next(
        w
        for w in (
            "mexican",
            "german",
            "brazilian",
            "polish",
            "spanish",
            "フランス",
            "韓国",
            "korean",
            "カナダ",
            "ペルー",
            "portuguese",
            "イギリス",
            "belarusian",
            "chinese",
            "ドイツ",
        )
        if w in question
    )
    assert (country in without_news_outlets(question)) is kept


@pytest.mark.parametrize(
    ("question", "case"),
    [
        # fresh-user trial 71: the Suno and Udio suit was refused as "that case", unnamed
        ("musician here, whats going on with the record labels suing suno and udio? could i join in?", "suno and udio"),
        (
            "music publishers suing anthropic over song lyrics in claude, where is that case now?",
            "anthropic over song lyrics",
        ),
        ("authors sued stability ai and midjourney over the laion data set", "stability ai and midjourney"),
        # ... and a verb with no party after it names nothing
        ("the paper was sued by a photographer, what happened?", ""),
        ("they sued them last year", ""),
    ],
)
def test_a_suit_is_named_by_the_party_it_is_against(question: str, case: str) -> None:
    assert sued_party_case(question) == (f"the case against {case}" if case else "")


@pytest.mark.parametrize(
    ("question", "person", "kept"),
    [
        # the opened fiftieth set's f3669
        # (https://www.diariohuarpe.com/nota/mccartney-lanza-tema-silencioso-contra-ia-20251117194633): the
        # person who protested the law asked about names the law, not a subject of the question
        ("ポール・マッカートニーが無音の曲で抗議してたイギリスの著作権改正って、入ったの？", "マッカートニー", False),
        ("did the UK copyright plans Paul McCartney protested ever include an opt-out?", "McCartney", False),
        # ... not a person who acted on anything but a place's law, nor one asked about
        ("グレッグ・ルトコウスキーが怒ってた画風の件って、違法なの？", "ルトコウスキー", True),
        ("ゲッティがStability AIを訴えたイギリスの裁判はどうなった？", "ゲッティ", True),
        ("did Paul McCartney protest the UK plans?", "McCartney", True),
    ],
)
def test_who_acted_on_the_law_asked_about_is_no_subject(question: str, person: str, kept: bool) -> None:
    from bot.engine.text import without_told_agents

    assert (person in without_told_agents(question)) is kept


@pytest.mark.parametrize(("word", "kind"), [("tech", True), ("Mac", True), ("anime", True), ("magazine", False)])
def test_the_kind_of_an_outlet_is_told_from_the_outlet(word: str, kind: bool) -> None:
    # fresh-user check 86: "a dutch tech blog said…" was refused as "no source on tech"
    assert is_outlet_kind(word) is kind


@pytest.mark.parametrize(
    ("text", "outlet"),
    [
        # the opened fifty-third set's f3802
        # (https://cyber8200.com/de/blog/nightshade-empowers-artists-against-ai-model-exploitation): "cyber"
        # was read as a subject and the question refused
        ("a german cyber bootcamp blog hypes nightshade as a poison tool", "german cyber bootcamp blog"),
        # ... or a write-up (the opened fifty-fourth set's f3867, https://php.cn/ko/faq/557558.html:
        # refused as "no source on writeup")
        ("korean writeup says japan's 30-4 gives artists no way to say no", "korean writeup"),
        # ... with the outlet's name before what it reports (the opened fifty-fourth set's f3870,
        # https://the-decoder.de/trump-feuert-us-copyright-chefin-nach-kritischem-ki-bericht: the
        # German site made a US illustrator's question the EU's too)
        ("german site the-decoder reports the US copyright boss got sacked", "german site the-decoder"),
        # ... not the news about something, which names it ("apple" stays a subject)
        ("it showed up right after the apple intelligence news. is it really apple?", "intelligence news"),
        # ... nor a public body's own site, which gives its country's rule
        ("the japanese government site says training is allowed", "government site"),
    ],
)
def test_an_outlet_of_any_kind_that_reports_spans_its_description(text: str, outlet: str) -> None:
    assert [text[a:b] for a, b in news_outlet_spans(text)] == [outlet]


@pytest.mark.parametrize(
    ("text", "seen"),
    [
        # fresh-user trial 88 (https://www.eweek.com/fr/news/openai-sora-2-copyright-opt-out/): "saw on
        # twitter that…" added X's Grok section to a Sora answer
        ("saw on twitter that Sora 2 lets people make videos of anyone's characters", "saw on twitter"),
        ("read on reddit, adobe trains firefly on my files?", "read on reddit"),
        ("Xで見たんだけど、Sora 2って自分のキャラが使われるの？", "Xで見"),
        # ... not a platform the asker posts on or asks about
        ("i post on twitter, does x train on my posts?", ""),
        ("can people see on X that my art is AI?", ""),
    ],
)
def test_where_the_asker_saw_the_news_is_spanned(text: str, seen: str) -> None:
    assert [text[a:b] for a, b in seen_on_spans(text)] == ([seen] if seen else [])


def test_the_news_a_question_is_asked_after_is_no_part_of_it() -> None:
    from bot.engine.text import asked_after_report

    def asked_parts(text: str) -> list[str]:
        return question_parts(asked_after_report(text) or text)

    # the opened fifty-eighth set's f4107
    # (https://blog.adobe.com/en/publish/2024/09/10/adobe-stock-continued-commitments-to-creators):
    # the first part carried the report of Adobe's bonus, and the second section shown was the
    # Stock contributors' one, not whether Firefly trains on the asker's Creative Cloud files
    assert asked_parts(
        "adobe says it paid a second firefly bonus to stock contributors. my client work sits in creative "
        "cloud storage, is any of that feeding firefly, and where does firefly's training data come from?"
    ) == [
        "my client work sits in creative cloud storage, is any of that feeding firefly",
        "where does firefly's training data come from?",
    ]
    # ... and in Japanese, after 「…って記事を読んだ。」
    assert asked_parts(
        "個人ブログで、robots.txtはお願いにすぎないって記事を読んだ。はてなブログだとrobots.txtを自分で書けないけど、"
        "代わりの設定ってある？それは回答の生成にも効く？"
    )[0].startswith("はてなブログ")
    # ... but a question pointing back at the news keeps it ("those lines" are the report's)
    question = (
        "saw a github PR explaining content-signal lines. "
        "can cloudflare add those lines for me, and what's its default?"
    )
    assert asked_parts(question)[0].startswith("saw a github PR")
    # ... and so does the asker's own story, which is no report, and a remark after the question
    question = (
        "WordPressでrobots.txtにGPTBotの拒否を書いた。OpenAIに反映されるまでどのくらい？"
        "あと本物のGPTBotかどうかって確かめられる？"
    )
    assert asked_parts(question)[0].startswith("WordPress")
    question = (
        "if i make an image with an AI tool, do i own it? heard it's handled differently in japan, the US and the UK"
    )
    assert asked_parts(question) == question_parts(question)


def test_a_part_is_split_into_its_asks() -> None:
    from bot.engine.text import split_asks

    # the opened fifty-ninth set's f4172
    # (https://tech.co/news/musk-sneaks-in-x-ai-training-clauseand-no-you-cant-opt-out): the first
    # ask keeps what is told before it, which says what "that licence" is
    assert split_asks(
        "i post my illustrations on X from dublin, what does that licence let them do, when did it start"
    ) == ["i post my illustrations on X from dublin, what does that licence let them do", "when did it start"]
    # ... a comma before no question word splits nothing, and what only tells is no ask
    assert split_asks("if i block it, will my site vanish from google?") == [
        "if i block it, will my site vanish from google?"
    ]
    assert split_asks("i draw in osaka, mostly fan art") == []
    # ... and a question sentence after what the part tells is an ask of its own (the opened
    # fifty-ninth set's f4177,
    # https://www.mondaq.com/unitedstates/patent/1755638/the-final-word-supreme-court-refuses-to-hear-case-on-ai-authorship-and-inventorship;
    # the third section asks it of the names the shown sections answer for)
    assert split_asks("mondaq says the court refused to hear it. does that mean AI can't be an author") == [
        "does that mean AI can't be an author"
    ]
    # ... and a Japanese question sentence is one ask
    assert split_asks("サイトは今も使える？") == ["サイトは今も使える？"]
    # ... but a question after a dash, or opening with "what's", asks without what is told before it
    # (the opened sixty-fourth set's f4478 and f4466; sources in tests/engine/test_answerability.py)
    assert split_asks(
        "a link aggregator reposted perplexity's bot docs. i write game reviews in helsinki — does perplexity "
        "train on my site, does their user-fetch bot obey robots.txt"
    ) == ["does perplexity train on my site", "does their user-fetch bot obey robots.txt"]
    assert split_asks("i paste poetry drafts into it from cork — what's the switch now, do temporary chats train") == [
        "what's the switch now",
        "do temporary chats train",
    ]
    # ... and a Japanese part asks in its last sentence, unless that sentence points back (「これって…」)
    assert split_asks("うちは同人誌の告知サイトだから断りたい。すでに集められた分はどうなるのか") == [
        "すでに集められた分はどうなるのか"
    ]
    assert split_asks("meta-externalagentっていうUAを見た。これってMetaの何のクローラー？") == [
        "meta-externalagentっていうUAを見た。これってMetaの何のクローラー？"
    ]


def test_who_wrote_a_piece_is_read_with_the_piece() -> None:
    from bot.engine.text import posted_by_spans

    def spans(text: str) -> list[str]:
        return [text[a:b] for a, b in posted_by_spans(text)]

    # the opened fifty-ninth set's f4167 and f4178 (sources in tests/engine/test_answerability.py)
    assert spans("UCL's library guide walks researchers through the UK exception.") == ["UCL's library guide"]
    assert spans("saw a BBC engineer's reply on the IETF list") == ["a BBC engineer's reply"]
    # ... not a platform's own page, nor what someone owns
    assert spans("ko-fi's faq says they don't train") == []
    assert spans("does ko-fi's terms page say they train?") == []
    assert spans("openai's crawler hit my site") == []


def test_a_writer_s_country_is_not_where_the_asker_is() -> None:
    # fresh-user check 101: "an australian law firm's newsletter said…" made the asker Australian
    assert "australian" not in without_news_outlets("an australian law firm's newsletter said a munich court ruled")
    # ... while the asker's own studio is theirs
    assert "australian" in without_news_outlets("i'm an australian artist and my studio's blog got scraped")


def test_a_broadcaster_blog_or_named_site_s_country_is_not_where_the_asker_is() -> None:
    # the opened sixtieth set
    # (https://www.telecinco.es/noticias/ciencia-y-tecnologia/ia/20250613/disney-universal-demanda-empresa-ia-derechos-autor-robo_18_015852577.html):
    # a Spanish broadcaster's site made the asker an EU one
    read = "スペインのテレビ局のサイトで、ディズニーがMidjourneyを訴えたって記事を読んだ。"
    assert "スペイン" not in without_news_outlets(read)
    # (https://xpert.digital/japanische-regierung-verwarnt-openai): a German blog that wrote it up
    wrote = "ドイツのコンサル系ブログがSora 2と日本政府の警告をやたら大げさに書いてた。"
    assert "ドイツ" not in without_news_outlets(wrote)
    # (https://www.rightschain.net/it/newsroom/news/2023-06-05-guerre-dell-arte-dell-ia-il-giappone-dice-che-l-addestramento-di-intelligenze-artificiali-non-viola-il-copyright-decrypt-co.php)
    assert "italian" not in without_news_outlets("an italian rights-management site relayed that japan says so")
    # (https://defonline.com.ar/ciencia-tecnologia/disney-y-universal-denuncian-a-midjourney-por-usar-imagenes-sin-permiso-para-entrenar-a-sus-modelos)
    assert "argentina" not in without_news_outlets("defonline in argentina explains the studios' lawsuit")
    # ... while the asker's own place, people there and a question stay
    assert "argentina" in without_news_outlets("i live in argentina and wrote a story")
    assert "japan" in without_news_outlets("artists in japan say it is fine")
    assert "japan" in without_news_outlets("pokemon got made. who in japan first called out that double standard?")
    assert "ドイツ" in without_news_outlets("ドイツのブログが好き。AI学習は？")


def test_where_news_was_seen_may_be_two_words_or_a_site_s_page() -> None:
    # fresh-user check 103: "saw on Le Monde that…" and "saw on RTVE's website that…" named the
    # outlet as a subject
    for text, outlet in (
        ("saw on Le Monde that japan lets AI train on anything, is that true?", "Le Monde"),
        ("saw on RTVE's website that the US office won't register AI images", "RTVE's website"),
        ("saw on El País that the US office won't register AI images", "El País"),
    ):
        assert any(outlet in text[a:b] for a, b in seen_on_spans(text)), (text, seen_on_spans(text))
    # ... and no further than the place, before what was seen told without "that"
    text = "i saw on twitter a german court said so"
    assert [text[a:b] for a, b in seen_on_spans(text)] == ["saw on twitter"]


def test_a_quoted_title_of_a_piece_is_found_with_its_kind() -> None:
    from bot.engine.text import quoted_title_spans

    # fresh-user check 113: the title is where the asker read, with the kind of piece after it
    text = 'a blog\'s "AI Law Roundup" newsletter said the EU AI Act now forces AI companies to respect opt-outs.'
    assert [text[a:b] for a, b in quoted_title_spans(text)] == ['"AI Law Roundup" newsletter']
    text = "『クリエイターのためのAI法入門』って記事で読んだんだけど、違法じゃないってほんと？"
    assert [text[a:b] for a, b in quoted_title_spans(text)] == ["『クリエイターのためのAI法入門』って記事"]
    # ... but a quoted phrase before no kind of piece is no title (a setting, a claim)
    assert quoted_title_spans("i switched on 'prevent third-party sharing' on tumblr. is that enough?") == []


def test_what_an_asking_sentence_tells_before_a_dash_is_not_asked() -> None:
    # the opened sixty-sixth set's f4597: the asker's host, told before the dash, is no subject
    assert asked_after_dash("my site is on neocities — what has bytedance documented about bytespider?") == (
        "what has bytedance documented about bytespider?"
    )
    # ... but a dash before words that do not open a question is kept whole
    whole = "does bytespider — the tiktok crawler — respect robots.txt?"
    assert asked_after_dash(whole) == whole
    assert asked_after_dash("does glaze still work?") == "does glaze still work?"


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        # what the writer is, between commas before what it reports (the opened sixty-seventh set's f4658)
        (
            "latin artis, a performers' rights group, wrote that openai will sign the code.",
            "latin artis wrote that openai will sign the code.",
        ),
        ("fine print. equity, the actors' union, says the deal is bad", "fine print. equity says the deal is bad"),
        # ... not an asker's own clause, nor a list
        ("do performers' rights, like mine, cover my voice?", "do performers' rights, like mine, cover my voice?"),
        ("meta, a social network, and x both train on posts", "meta, a social network, and x both train on posts"),
    ],
)
def test_what_a_writer_is_is_left_out(text: str, kept: str) -> None:
    assert without_described_writers(text) == kept
