"""Honest answerability on the shipped corpus: a question about a subject kenri has no source on
(a platform, product, court case, law or country) is refused by name, or answered with the
general rule labelled as such; a question that names a covered subject in everyday words is
answered from that subject's source.

Every question was asked in public in some form: each is reworded from the page in the comment
above it (found with the search tool's ``pages`` corpus). None is taken from the field set
(tests/eval/field.yaml, field_fresh.yaml). The refuse cases name subjects that no note, alias or
``asked`` phrasing covers (checked against knowledge/ and /work/shared/SOURCES.md, 2026-11-30).
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest


@dataclass(frozen=True)
class Case:
    q: str
    names: tuple[str, ...] = ()  # refuse: the reply must name one of these (case-insensitive)
    expect: tuple[str, ...] = ()  # answer: the first citation's family must be one of these

    def check(self, answer) -> tuple[bool, str]:
        """``(passed, why)`` for one engine answer."""
        if self.names:
            text = answer.text.casefold()
            named = any(n.casefold() in text for n in self.names)
            if answer.answered and not answer.general_rule:
                lead = answer.citations[0].source_id if answer.citations else "-"
                return False, f"answered from {lead}"
            if not named:
                return False, f"refused without naming {self.names[0]!r}"
            return True, "refused by name" if not answer.answered else "general rule, by name"
        if not answer.answered:
            return False, "refused"
        if answer.general_rule:
            return False, "answered as a general rule"
        lead = answer.citations[0].source_id.removesuffix("-ja")
        if lead not in self.expect:
            return False, f"lead {lead}"
        return True, "answered"


def refuse(q: str, *names: str) -> Case:
    return Case(q, names=names)


def answer(q: str, *expect: str) -> Case:
    return Case(q, expect=expect)


PROBE: list[Case] = [
    # --- platforms and products the corpus has no source on -------------------------------------
    # https://theailedger.com/patreons-line-in-the-sand-rejecting-fair-use-for-ai-training-and-demanding-real-compensation-for-creators
    refuse(
        "Patreon says AI companies shouldn't get to claim fair use. "
        "Is there a setting on Patreon to keep my posts out of AI training?",
        "Patreon",
    ),
    # https://news.myworldfix.com/?p=1626867
    refuse(
        "reddit signed a deal to license posts for AI training. "
        "can i stop my old art posts on reddit being part of it?",
        "reddit",
    ),
    # https://intercom.help/shutterstock-contributor/en/articles/10594694-shutterstock-data-licensing-and-the-contributor-fund
    refuse(
        "I'm a Shutterstock contributor. Can I keep my photos out of their AI data licensing deals?", "Shutterstock"
    ),
    # https://origin.80.lv/articles/clip-studio-paint-rolls-back-ai-image-generator-amidst-artist-backlash/
    refuse("does Clip Studio Paint use the drawings I make in it to train AI?", "Clip Studio"),
    # https://www.transformativeworks.org/ai-and-data-scraping-on-the-archive/
    refuse("my fics on AO3 ended up in a scraped dataset. can I get them removed from AI training data?", "AO3"),
    # https://www.productionai.institute/ai-data-use/canva
    refuse("Does Canva train its AI on my designs, and where is the opt-out?", "Canva"),
    # https://aitoolsage.com/youtube-ai-training-how-to-opt-out-protect-your-content
    refuse("how do I stop third-party AI companies training on my YouTube videos?", "YouTube"),
    # https://futurism.com/the-byte/tech-ceo-really-hates-generative-ai
    refuse(
        "Procreate says it won't add generative AI, but does Procreate itself ever train on the art I make in it?",
        "Procreate",
    ),
    # https://jnack.com/blog/2022/12/22/artstation-kickstarter-and-others-share-their-ai-art-policies/
    refuse("does Kickstarter's AI policy stop AI companies from training on my campaign art?", "Kickstarter"),
    # https://xaiju.com/p/8331205/50506/patreon
    refuse(
        "someone uploaded a scraped dataset with my art to Hugging Face, how do I get it taken down?", "Hugging Face"
    ),
    # https://blog.nicovideo.jp/niconews/179219.html
    refuse("ニコニコ静画に投稿したイラストはAI学習に使われる？ニコニコの規約ではどうなってる？", "ニコニコ"),
    # https://news.mynavi.jp/article/20221203-2528410/
    refuse("クリスタで描いた絵が勝手にAIの学習に使われることってある？", "クリスタ"),
    # https://nocturnetimes.com/archives/news/3203/
    refuse("Fantiaの支援者限定の絵がAIに学習されないようにする方法はある？", "Fantia"),
    # https://nocturnetimes.com/archives/news/3203/
    refuse("DLsiteでAI生成の作品を販売するのは禁止されてる？", "DLsite"),
    # https://nocturnetimes.com/archives/news/3203/ (the notice's general effect is covered; ココナラ's rules are not)
    refuse("ココナラで「AI学習禁止」と書いて絵の依頼を受けたら、その禁止に効力はある？", "ココナラ"),
    # --- a covered company's product or feature the corpus has no source on ----------------------
    # (the company's notes may follow, labelled as not being about the feature)
    # https://ryanraiker.com/technology/mashable/apple-users-are-frustrated-with-the-enhanced-visual-search-opt-in-heres-how-to-change-that
    refuse(
        "is apple feeding my drawings into its AI through 'enhanced visual search'? how do i switch it off",
        "enhanced visual search",
    ),
    # https://crawlmind.ai/docs/ai-bots/gptbot
    refuse("does openai's atlas browser respect the GPTBot block in my robots.txt?", "atlas"),
    # a covered company's product, asked about something none of the company's notes answers:
    # refused by name, not answered from another source under the company's label
    # https://medium.com/readers-digests/amazon-kdp-now-needs-you-to-disclose-ai-usage-6f29581eb22c
    refuse("do I have to disclose AI-made cover art when publishing on Amazon KDP?", "Amazon KDP"),
    # --- court cases the corpus has no source on --------------------------------------------------
    # https://connectsafely.org/ask-trish-new-york-times-v-openai/
    refuse(
        "What is the New York Times suing OpenAI for, and has the court ruled on the training question yet?",
        "New York Times",
    ),
    # https://authorsguild.org/?p=41548
    refuse("is my book part of the Bartz v. Anthropic settlement and how do I file a claim?", "Bartz"),
    # a case named in lower case shares a party (OpenAI) with a case the corpus has (GEMA v. OpenAI)
    # https://legalclarity.org/new-york-times-vs-openai-lawsuit-status-and-timeline/
    refuse(
        "where does the new york times lawsuit against openai stand? has a judge ruled on fair use?", "new york times"
    ),
    # https://tominagamichiya.com/articles/perplexity-nikkei-asahi-202508-lawsuit
    refuse("朝日新聞と日経新聞がPerplexityを訴えたって本当？その裁判ってどうなってるの？", "日経新聞", "朝日新聞"),
    # https://listen.style/p/ashikagacast/p9b5quu1
    refuse("AI検索のPerplexityが日本の新聞社から訴えられてる件、結局どうなった？", "新聞社"),
    # https://www.homu.net/?p=6622
    refuse("did a court in Beijing really say that AI images made with prompts get copyright?", "Beijing", "China"),
    # https://ja.chinajusticeobserver.com/a/landmark-ruling-china%27s-court-upholds-copyright-for-ai-generated-images
    refuse("中国の北京インターネット法院がAI生成画像に著作権を認めたって本当？", "中国", "北京インターネット法院"),
    # ... also when the question compares it with a source kenri has (the opened fourteenth set's
    # f1515 was answered with the Agency for Cultural Affairs' document alone)
    refuse("中国のウルトラマンAI判決、文化庁の「考え方」と比べると何が違うの？", "中国"),
    refuse("the beijing ai image ruling vs the us copyright office, what's different?", "China"),
    # --- countries the corpus has no source on ----------------------------------------------------
    # https://platformeconomyinsights.com/south-koreas-take-on-ai-training-and-copyright-fair-use/
    refuse("I'm an illustrator in South Korea. is AI training on my art fair use under Korean copyright law?", "Korea"),
    # https://cm.asiae.co.kr/en/article/2026022619462070227
    refuse("韓国ではAIに絵を学習させるのは著作権侵害になるの？", "韓国"),
    # https://www.dundaslawyers.com.au/federal-gov-rules-out-copyright-text-and-data-mining-exception-for-ai/
    refuse(
        "I'm an Australian artist. "
        "Is there a text and data mining exception there that lets AI companies train on my work?",
        "Australia",
    ),
    # --- covered subjects named in everyday words -------------------------------------------------
    # https://www.dexerto.com/tech/procreate-fires-back-at-canva-adobe-as-ceo-shuts-down-ai-concerns-2867971/
    answer(
        "Adobe wanted access to everything made in Photoshop. Does Adobe train Firefly on my Photoshop files?",
        "adobe-firefly-training-policy",
        "optout-adobe",
    ),
    # https://www.transformativeworks.org/ai-and-data-scraping-on-the-archive/
    answer(
        "how do I stop Common Crawl from scraping my art site?",
        "commoncrawl-ccbot",
        "optout-commoncrawl",
        "overview-robots-txt-ai-crawlers",
    ),
    # https://antzila.com/news-media/a-posters-guide-to-whos-selling-your-data-to-train-ai/
    answer(
        "my old Tumblr posts might be sold for AI training, how do I opt out?",
        "automattic-tumblr-wordpress-third-party-sharing",
        "optout-tumblr-wordpress",
    ),
    # https://aidran.ai/machine/stories/patreons-ceo-done-letting-ai-companies-hide-c991
    answer("what did the German court decide in GEMA v OpenAI about song lyrics?", "de-gema-v-openai"),
    # https://megalodon.jp/ref/2025-0619-1905-49/https://note.com:443/info/n/n49bbcbdefe1a (f1687: the
    # device an app runs on is no subject: "I have no source on iPhone" refused a note question)
    answer("noteのアプリ、iPhoneだとAI学習の拒否設定どこにあるの？", "note-ai-learning-opt-out"),
    # https://aidran.ai/machine/stories/patreons-ceo-done-letting-ai-companies-hide-c991
    answer(
        "a German court ruled the other way on the LAION dataset. what did the Hamburg court say?",
        "de-kneschke-v-laion",
    ),
    # https://futurism.com/the-byte/tech-ceo-really-hates-generative-ai
    answer(
        "did the artists' lawsuit against Stability AI and Midjourney survive the motion to dismiss?",
        "us-andersen-v-stability-ai",
    ),
    # https://www.techtarget.com/searchenterpriseai/news/365535524/The-effect-of-Reddits-decision-to-charge-for-data-use
    answer(
        "Getty Images sued Stability AI in the UK. what did the judge decide?",
        "uk-getty-v-stability-ai-judgment-2025",
    ),
    # https://platformeconomyinsights.com/south-koreas-take-on-ai-training-and-copyright-fair-use/
    # (it calls Japan's law training-friendly)
    answer(
        "is it legal in Japan to train AI on copyrighted art without asking?",
        "jp-copyright-act-art30-4-47-5",
        "jp-aca-ai-copyright-general-understanding",
        "overview-jurisdictions-compared",
    ),
    # https://cm.twobirds.com/en/insights/2025/australia/3-key-takeaways-from-the-australia%E2%80%99s-latest-ai-copyright-law-reform-announcement
    answer(
        "does the EU have a text and data mining exception AI companies can use, and can I opt out of it?",
        "eu-dsm-directive-art3-art4",
    ),
    # https://antzila.com/news-media/a-posters-guide-to-whos-selling-your-data-to-train-ai/
    answer(
        "OpenAI trains on scraped public data. how do I block GPTBot on my portfolio site?",
        "openai-crawlers",
        "optout-openai",
        "overview-robots-txt-ai-crawlers",
    ),
    # https://jnack.com/blog/2022/12/22/artstation-kickstarter-and-others-share-their-ai-art-policies/
    answer(
        "ArtStation lets me tag a project NoAI. does that actually stop AI training?",
        "artstation-noai",
        "optout-artstation",
    ),
    # https://www.homu.net/?p=6622 (the US side of the same question)
    answer(
        "is a picture I made with Stable Diffusion protected by copyright in the US?",
        "us-usco-registration-guidance-2023",
        "us-usco-ai-part2-copyrightability",
        "us-thaler-v-perlmutter",
        "us-usco-zarya-of-the-dawn",
    ),
    # https://metro-a81c1b-terms.carrd.co
    answer("Grokに自分の絵を学習させない設定はどこにある？", "x-grok-training-setting", "optout-x-grok"),
    # https://metro-a81c1b-terms.carrd.co
    answer("納品した絵の規約に「AI学習禁止」って書いておけば効果あるの？", "jp-ai-gakushu-kinshi-notice-legal-effect"),
    # https://nocturnetimes.com/archives/news/3203/
    answer("pixivって規約でAI学習を禁止してるの？", "pixiv-ai-policies", "optout-pixiv"),
    # https://nocturnetimes.com/archives/news/3203/
    answer("SkebってAI学習用の依頼は禁止されてる？", "skeb-ai-policy"),
    # https://note.com/mgsdeeeper/n/n14a39fc876c0
    answer(
        "文化庁のAIと著作権に関する考え方って、要するにAIの学習はOKってこと？",
        "jp-aca-ai-copyright-general-understanding",
        "jp-copyright-act-art30-4-47-5",
    ),
    # --- second batch, gathered after the first fixes and measured before any further change ---------
    # https://millikancorydon.com/6637/feature/protect-yourself-from-pinterest-ai
    refuse("Pinterest says it trains Pinterest Canvas on pins. how do I opt my boards out?", "Pinterest"),
    # https://dk390jyuckgat.cloudfront.net/1451556911-hidden-hollow-ai-and-why-i-won%27t-be-posting
    refuse("is wattpad letting AI companies train on the stories I post there?", "wattpad"),
    # https://www.goodjourneyconsulting.com/blog/five-things-to-know-about-the-kadrey-et-al-v-meta-platforms-inc-fair-use-decision
    refuse("What did the judge decide in Kadrey v. Meta about training on pirated books?", "Kadrey"),
    # https://centerconsulting.com/ai-library/milestones/2025-kadrey-v-meta
    refuse("did Sarah Silverman's lawsuit against Meta go anywhere?", "Silverman"),
    # https://aiwiki.ai/wiki/kadrey_v_meta/raw (it lists Concord Music Group v. Anthropic)
    refuse("what's happening with the music publishers' Concord v. Anthropic lyrics case?", "Concord"),
    # https://ised-isde.canada.ca/site/strategic-policy-sector/en/marketplace-framework-policy/consultation-paper-consultation-copyright-age-generative-artificial-intelligence
    refuse("I'm a Canadian artist. does Canada's copyright law let AI companies mine my work for training?", "Canada"),
    # fresh-user trial 33: a platform no note covers, asked about by an asker who says where they
    # live, is refused by the platform's name, not answered as a question about Canada's law
    refuse("does ko-fi train AI on my uploads? im in canada btw", "ko-fi"),
    # ... and so is one whose own clause has it training a few words on (fresh-user check 56 was told
    # only that Australia's law is not covered)
    refuse(
        "photographer in Australia, Pinterest changed its privacy policy to train AI on pins, how do I opt out?",
        "Pinterest",
    ),
    # https://www.dannemann.com.br/en/noticias/aprovacao-da-lei-de-inteligencia-artificial-pelo-senado-brasileiro
    refuse("Brazil's AI bill says companies must pay artists for training. is that law now?", "Brazil"),
    # https://infojustice.org/archives/45982
    refuse("ブラジルのAI法案が通ったら、学習に使われた作品に報酬が払われるようになるの？", "ブラジル"),
    # https://oneword.co.jp/bignite/ai_news/australia-rejects-ai-copyright-law-relaxation-creator-protec
    # (the ISO catalogue's Japanese name is the formal オーストラリア連邦)
    refuse("オーストラリアのイラストレーターと組んでる。あっちってAI学習の例外をやめたんだっけ？", "オーストラリア"),
    # https://chromachannel.online/blog/ai-line-stamp-rejection-guide.html (f1699: "LINE" is not
    # covered by an English section writing "in line with")
    refuse("LINEスタンプをAIで作って申請するとき、生成サービスの規約で気をつけることある？", "LINE"),
    # https://www.furaffinity.net/journal/10431186 (a platform's name in lower case, where it acts)
    refuse("does fur affinity actually do anything about AI scrapers on our galleries?", "fur affinity"),
    # https://origin.80.lv/articles/clip-studio-paint-rolls-back-ai-image-generator-amidst-artist-backlash/
    refuse("did clip studio paint ever bring its AI image generator back?", "clip studio paint"),
    # ... and one whose feature acts (fresh-user trial 39: answered with the EU's Article 4)
    refuse("does clip studio paint's ai feature train on my drawings?", "clip studio paint"),
    # ... and one whose first word is everyday, when its last is a word the notes never use (the
    # opened thirty-sixth set's f2807, reworded); a run of the notes' own words is no name
    refuse("does big cartel stop AI scrapers on my shop for me, or do i switch it on?", "big cartel"),
    answer("do big companies scrape my art for AI training even if i block them?", "overview-what-opt-out-does"),
    # a service the asking clause has acting on the asker's work is what is asked about, beside the
    # AI companies it names (f2808, reworded: answered from Anthropic's crawler page)
    refuse("writer here, does notion share my drafts with openai or anthropic for training?", "notion"),
    # a lower-case word with a version number is a model's or product's name (f2804, reworded)
    refuse("can i sell images i make with krea 2 after training a lora on my own art?", "krea"),
    # tracing an AI image back to the artists it was made from: no note says how (f2837, reworded)
    refuse("このAIイラスト、元にした絵師さんを特定する方法ってある？", "AI画像の元になった作者の特定"),
    # a fan writer's word for their work is no platform: the archive is (fresh-user trial 39 was told
    # "I have no source on fanfic")
    refuse("fanfic writer, ao3 got scraped and put on hugging face. can i get my fics removed?", "ao3"),
    # ... and one word of it alone is named by the whole name
    refuse("does royal road do anything to stop AI scrapers taking our serials?", "royal road"),
    # https://sites.google.com/view/anime-filter-terms-of-service/ (an app named by its title)
    refuse("『アニメ風加工 Plus』で加工した自分の絵って、アプリの会社に学習されるの？", "アニメ風加工 Plus"),
    # https://brainiac.yanlai.space/works/822139836588316993/episodes/822139836591568605
    refuse("カクヨムに投稿した小説がAIの学習に使われないか心配。規約ではどうなってる？", "カクヨム"),
    # https://nocturnetimes.com/archives/news/3203/
    refuse("小説家になろうにAIで書いた小説を投稿してもいいの？", "小説家になろう"),
    # https://googlesupport.serverhump.com/youtube/answer/15509944?hl=en-GB&ref_topic=6032636
    refuse("YouTubeの「第三者によるトレーニング」の設定はオフのままでいい？", "YouTube"),
    # https://authorsguild.org/?p=41548 (a covered company, a subject the corpus lacks)
    refuse("how do I check whether my book is on the Anthropic settlement works list?", "settlement"),
    # https://techgeekwire.com/?p=12930
    answer(
        "does Meta use my public Instagram posts to train its AI, and can I object?",
        "meta-ai-training-outside-eu-uk",
        "meta-eu-ai-training-objection",
        "meta-uk-ai-training-objection-2024",
        "optout-meta",
    ),
    # https://bestofai.com/article/youtube-will-now-let-creators-opt-into-third-party-ai-training-techcrunch
    answer(
        "Google keeps training on YouTube anyway. does blocking Google-Extended keep my site out of Gemini training?",
        "google-extended",
        "optout-google",
    ),
    # https://www.transformativeworks.org/ai-and-data-scraping-on-the-archive/
    answer(
        "AO3 asked Common Crawl to stop. is CCBot the one I should disallow in my robots.txt?",
        "commoncrawl-ccbot",
        "optout-commoncrawl",
        "overview-robots-txt-ai-crawlers",
    ),
    # https://antzila.com/news-media/a-posters-guide-to-whos-selling-your-data-to-train-ai/
    answer(
        "Reddit and Tumblr both sold data. can I stop Tumblr from sharing my posts with AI companies?",
        "automattic-tumblr-wordpress-third-party-sharing",
        "optout-tumblr-wordpress",
    ),
    # https://unanswered.io/guide/protect-writing-from-ai-use
    answer(
        "AIに学習されたくないなら、robots.txtには何を書けばいい？",
        "overview-robots-txt-ai-crawlers",
        "openai-crawlers",
        "ai-robots-txt-community-list",
    ),
    # https://lemmy.blahaj.zone/post/4063084
    answer(
        "the 'I do not give Meta permission' post is going around again. does posting it do anything?",
        "meta-viral-permission-notice-factcheck",
    ),
    # https://peopleofinternet.com/articles/brazil-s-ai-copyright-crossroads-why-pl-2338-should-choose-t.html
    answer(
        "the EU AI Act makes AI companies publish a summary of their training content. where do I find it?",
        "eu-gpai-training-content-summary-template",
        "eu-ai-act-art53",
    ),
    # https://kakuyomu.jp/works/16818622173804347676/episodes/16818622175115955141
    answer(
        "全部AIに書かせた小説には著作権がないって本当？",
        "jp-aca-ai-copyright-general-understanding",
        "jp-aca-checklist-guidance",
    ),
    # https://kabayandaily.com/tag/procreate
    answer(
        "Karla Ortiz praised Procreate. what is her lawsuit against Stability AI about?",
        "us-andersen-v-stability-ai",
    ),
    # --- third batch: general rules, and names beside a covered platform ----------------------------
    # https://potsunen.hatenablog.jp/entry/2024/10/24/174141
    refuse("Xfolioに上げた絵はAI学習される？", "Xfolio"),
    # https://xfolio.jp/portfolio/official/fan_community/238065
    refuse("Xfolioの「Bot対策機能」をオンにすればAI学習を防げる？", "Xfolio"),
    # https://trendwatch365.com/entertainment-culture/crossfolio-a-comprehensive-guide-usage
    refuse("Xの規約変更のあと、クロスフォリオに移ればAI学習されない？", "クロスフォリオ"),
    # https://github.com/mastodon/mastodon/issues/28383 (robots.txt works the same there: the general
    # rule, labelled, is also right)
    refuse(
        "my mastodon server's default robots.txt only blocks GPTBot. what else should I add to block AI crawlers?",
        "mastodon",
    ),
    # https://sinsetunapeito.com/entry/xfolio
    answer(
        "11月15日のXの規約改定で、投稿した絵がAI学習に使われるって本当？",
        "x-terms-of-service-2024-ai-licence",
        "x-grok-training-setting",
        "optout-x-grok",
    ),
    # --- fourth batch ----------------------------------------------------------------------------
    # https://www.videomaker.com/news/vimeo-wont-allow-ai-companies-to-use-your-content/
    refuse("does Vimeo let AI companies train on the videos I host there?", "Vimeo"),
    # https://chatgptiseatingtheworld.com/2024/04/09/rep-schiff-bill-the-generative-ai-copyright-disclosure-act-text/
    refuse(
        "would the Generative AI Copyright Disclosure Act make AI companies list the works they trained on?",
        "Copyright Disclosure Act",
    ),
    # https://nocturnetimes.com/archives/news/3203/
    refuse("ニジエはAI学習禁止？", "ニジエ"),
    # https://nocturnetimes.com/archives/news/3203/
    refuse("メロンブックスで委託してる同人誌の画像もAIに学習される？", "メロンブックス"),
    # https://www.videomaker.com/news/vimeo-wont-allow-ai-companies-to-use-your-content/ (Sora named
    # as the reason to worry; the question is about OpenAI's own opt-out)
    answer(
        "with Sora around, how do I ask OpenAI not to use my videos for training?",
        "openai-sora-rightsholder-controls",
        "openai-media-manager",
        "optout-openai",
        "optout-sora",
        "openai-crawlers",
    ),
    # --- fifth batch: Japanese organisations' names ---------------------------------------------
    # https://www.itmedia.co.jp/aiplus/articles/2506/04/news126.html
    refuse("日本新聞協会がAI事業者にrobots.txtを守れって声明出したらしいけど、何を求めてるの？", "日本新聞協会"),
    # ... and a court no note writes (the opened thirtieth set's f2480 was answered with the AI
    # Act's dates); a court the notes write answers (ミュンヘン地裁 is GEMA v. OpenAI's)
    refuse("北京インターネット法院のAI画像の判決って、被告に払わせた賠償額いくらだったの？", "北京インターネット法院"),
    answer("ミュンヘン地裁の歌詞の判決って確定した？", "de-gema-v-openai"),
    # ... and an English body after "the", in any case (the opened tenth set's f1247 was answered
    # with the UK consultation); a body a note writes is answered
    refuse(
        "uk writer: what did the society of authors' AI survey find about illustrators and translators losing work?",
        "society of authors",
    ),
    refuse("does the freelance illustrators guild have a position on AI training?", "freelance illustrators guild"),
    answer("what did the japan cartoonists association say about sora 2?", "jp-aja-jca-joint-statement-2025"),
    # ... and so is one named in another order, as translations vary (the opened thirty-seventh set's
    # f2860: "the animation association" is the Association of Japanese Animations)
    answer(
        "what did the animation association demand from AI companies after sora 2?",
        "jp-aja-jca-joint-statement-2025",
        "overview-sora2-japan",
    ),
    # ... and so is one named by a plural possessive (the opened forty-sixth set's f3387 was refused
    # as having no source on "cartoonists' association")
    # https://itbusinesstoday.com/tech/business-analytics/japanese-creators-call-for-action-on-ai-copyright-issues
    answer(
        "what did the cartoonists' association say about sora 2?",
        "jp-aja-jca-joint-statement-2025",
        "overview-sora2-japan",
        "jp-sora2-news-context",
    ),
    # a club or a committee is an organisation too (the ninth blind set's 「SF作家クラブ」, reworded)
    refuse("ミステリ作家クラブが生成AIについて声明を出したらしい。AI会社に何を求めてるの？", "作家クラブ"),
    # a ministry, an agency or a commission the notes never write, abbreviated as people do (the
    # eleventh blind set's 「公取委」 and 「経産省」, reworded)
    refuse("公取委が始めた生成AIの実態調査って、個人のイラストレーターも対象になるの？", "公取委"),
    refuse("経産省がゲーム制作向けの生成AIガイドを出したらしい。絵描きにも関係ある？", "経産省"),
    # a prize's rules (the twelfth blind set's 「日本国際漫画賞」, reworded)
    refuse("手塚治虫文化賞って、AIを一部使った漫画でも選考の対象になるの？", "手塚治虫文化賞"),
    # a company named for its house, as publishers and game makers are (the thirty-fourth set's
    # f2716, reworded); a publisher the notes write is answered
    refuse("集英社ってAIで描いた漫画の持ち込みを受け付けてる？", "集英社"),
    answer("講談社の漫画をAIに学習させるのは日本だと合法？", "jp-copyright-act-art30-4-47-5"),
    # ... and a contest's or an exhibition's (the opened thirty-fourth set's f2713 and f2714, reworded)
    refuse("高校生まんが甲子園って、背景だけAIで描いた作品も出せる？", "甲子園"),
    refuse("市の美術展に出す絵、下描きだけAIに手伝わせたらアウト？", "美術展"),
    # ... and a fair's (the opened thirty-fifth set's f2775, reworded)
    refuse("文化祭でAIで描いたイラスト集を売るなら、AI使用って書かないとダメ？", "文化祭"),
    refuse("同人誌即売会にAIで描いた本を出すのってルール違反？", "即売会"),
    # ... and a festival's (the opened seventh set's f1060, reworded)
    refuse("ボカロ童祭に、AIを少し使った動画で参加してもいい？", "童祭"),
    # ... and in English, a contest's or awards' rules, named by the words before it (the opened
    # forty-sixth set's f3402, f3404 and f3405, reworded); a bare "the contest" names nothing, and
    # the Competition and Markets Authority is no contest
    # https://www.peoplenextdoor.org/guidelines/policy-on-use-of-a-i
    refuse(
        "can i enter the riverbend youth poetry contest with a poem i drafted with chatgpt?", "youth poetry contest"
    ),
    # https://aicreativityawards.com/rules
    refuse("do the brightlight design awards let me submit work made partly with firefly?", "design awards"),
    # https://art.10botics.com/competition-rules/
    refuse("is a midjourney image i painted over allowed in a weekly AI art competition?", "AI art competition"),
    # ... and an award's, whatever tool the entry was made with (the opened forty-fifth set's f3343,
    # reworded: answered with ChatGPT's Temporary Chats, labelled)
    # https://www.sfwa.org/2025/12/19/press-release-december-19-2025-2/
    refuse("do the hugo award rules let me enter a story i brainstormed with claude?", "hugo award"),
    answer(
        "what did the competition and markets authority make google offer publishers about AI overviews?",
        "uk-cma-google-publisher-controls-2026",
        "google-search-console-search-generative-ai-control",
    ),
    # ... while the software the asker's own server runs, told of before the question, is where a
    # measure the notes describe is applied, not a platform asked about (the opened forty-sixth
    # set's f3386, reworded, was refused as having no source on "fediverse"); asked about itself,
    # it is still the named missing subject
    # https://git.m0e.space/qugalet/gotosocial/blame/commit/baed591a1d19942ec553baed41a8048ab9dd18ca/docs/admin/robots.md
    answer(
        "our pleroma server uses the ai.robots.txt blocklist. will it catch crawlers that lie about their user agent?",
        "ai-robots-txt-community-list",
    ),
    refuse("our pleroma server uses the ai.robots.txt blocklist. does pleroma itself block AI crawlers?", "pleroma"),
    # ... and a model named by an everyday word before its version and weights (the opened
    # thirty-fifth set's f2749, reworded: answered with the jurisdictions overview)
    # https://fast.hugflare.com/ideogram-ai/ideogram-4-fp8/discussions/14
    refuse("can i sell game art i made with the open lantern 3 weights, or does its licence forbid it?", "lantern"),
    # ... and an app a feature is coming into, asked after a known company's news (the opened
    # forty-first set's f3104, reworded: answered with Anthropic's opt-out)
    # https://completeaitraining.com/news/blender-limits-anthropic-to-one-time-donation-and-reaffirms/
    refuse("after all the openai news, is a gen-AI feature coming into inkscape?", "inkscape"),
    # ... while a law firm is no law of the country it is in (the opened forty-sixth set's f3397,
    # reworded: Japan's act was refused as "Italy's own national law")
    # https://en.ddg.fr/actualite/japans-2025-ai-promotion-act-structuring-innovation-through-soft-regulation
    answer(
        "an italian law firm blog says japan's AI promotion act has no penalties. is that true?",
        "jp-ai-promotion-act-2025",
    ),
    # ... and a lawsuit the asker only heard of, before an asking sentence about a covered subject
    # that neither speaks of it nor refers back to it, is no question about that case (the opened
    # forty-sixth set's f3416, reworded); a question referring back to it is still refused
    # https://www.so-right.jp/?p=213
    answer(
        "朝日新聞がPerplexityを訴えたって見た。PerplexityBotをrobots.txtで拒否すれば学習は止まる？",
        "perplexity-crawlers",
        "optout-perplexity",
    ),
    refuse("朝日新聞がPerplexityを訴えたって見た。その裁判ってどうなった？", "朝日新聞"),
    # ... and a city's or a prefecture's own rules (the opened thirty-eighth set's f2957 was answered
    # with the Principle Code, reworded); a city in general is no name
    refuse("横浜市のAI利用ガイドラインだと、広報ポスターを生成AIで作るのはOK？", "横浜市"),
    refuse("長野県が生成AIで作ったパンフレットって、絵の権利は誰のもの？", "長野県"),
    answer(
        "大都市の広告でAIイラストが増えてるけど、日本だと著作権的に問題ない？",
        "jp-aca-ai-copyright-general-understanding",
    ),
    # ... and a consortium's, whose name may run Latin letters into it (the opened thirty-eighth
    # set's f2952, reworded); the general rule may follow, labelled
    refuse("クリエイター生成AIコンソーシアムって何をしてるところ？学習を断る仕組みは作ってる？", "コンソーシアム"),
    refuse(
        "what is the content provenance consortium doing about artists opting out?", "content provenance consortium"
    ),
    # a kanji name run into capitals opening the message (the opened thirty-fifth set's f2772,
    # reworded); a kanji word before capitals the notes write is no name
    refuse("写真ACってAIで作った素材の投稿をまた受け付けてる？", "写真AC"),
    answer("生成AIで作った絵って日本だと著作物になるの？", "jp-aca-ai-copyright-general-understanding"),
    # a katakana name whose setting against AI crawlers is asked about (the opened thirty-sixth set's
    # f2840, reworded): named, with the general rule at most
    refuse("エックスサーバーのAIクローラー遮断って、オンにしても大丈夫？", "エックスサーバー"),
    # a kanji and hiragana name opening the message where something is posted, asked about its own
    # terms (the opened thirty-seventh set's f2899, answered from the Agency for Cultural Affairs'
    # guidance, then with the labelled general rule on opting out): refused, as no general rule
    # gives a service's terms
    refuse("小説家になろうに、AIで描いた表紙を載せても規約的にセーフ？", "小説家になろう"),
    # ... nor its own reporting process, which no general rule gives (fresh-user trial 46 was given
    # the opt-out overview as the general rule)
    refuse("BOOTHで自分の絵柄を真似したAI絵が売られてる、BOOTHに通報できる？", "BOOTH"),
    refuse("someone is selling ai prints of my art on etsy, can i report the listing to etsy?", "etsy"),
    # ... and a hiragana name opening the message a few words before 上げ (the opened fourth set's f752)
    refuse("なろうにAIで下書きした小説を上げたいけど、あらすじに書けばOK？", "なろう"),
    # a word and a number before what a platform allows (the opened thirty-ninth set's f2983,
    # reworded); a law's article the notes write is no name
    refuse("does pixel 9 allow AI-painted backgrounds in uploads?", "pixel 9"),
    answer("does article 4 allow AI companies to train on my art in the EU?", "eu-dsm-directive-art3-art4"),
    # a name opening with digits is a name in a Japanese question wherever it stands (f2712, reworded)
    refuse("99designsのコンペにAIで作ったロゴ案を出していい？", "99designs"),
    # an organisation acting on a covered company is the subject, not the company (the thirteenth
    # blind set's 「個人情報保護委員会がOpenAIに…」, reworded)
    refuse("消費者委員会がMetaに意見を出したって、AI学習のこと？", "消費者委員会"),
    # ... but not one written only in a clause that concedes, before one asking about a covered
    # subject (the opened fortieth set's f3067, refused as having no source on 新聞協会; reworded)
    answer(
        "新聞協会がプリンシプル・コード案に注文をつけてたけど、確定版のコードは守らないと違法なの？",
        "jp-ip-hq-principle-code-final-2026",
    ),
    # a US state's own law is not the federal law the notes cover
    refuse("does tennessee's new AI voice law protect a singer like me?", "Tennessee state law"),
    # ... nor an EU member state's own law the notes never write about the EU law they cover (the
    # opened twenty-first set's f1931, reworded); the EU's own law asked about from there is
    # answered, and so is a law of Germany, whose courts the notes cover
    refuse("イタリアで新しくできたAI法って、AI生成物の著作権をどう扱ってるの？", "イタリアの国内法"),
    refuse("does the italian AI law require labels on AI images?", "Italy's own national law"),
    # a Japanese question mostly about things no note writes is refused naming the product it
    # gives, not its everyday nouns (trial 15: 「小説・原稿・無料版・翻訳についての出典は…」)
    refuse("小説の原稿をDeepLの無料版で翻訳したら、AIの学習に使われちゃうの？", "DeepL"),
    # ... the country's name written after a demonym (trial 14's probe, reworded)
    refuse("italian painter - does italy's new AI law give AI-assisted works copyright?", "Italy's own national law"),
    # ... or a bill the country makes, however far from its name (the opened field set's f955,
    # reworded); whether training is legal there is still the EU's law
    refuse("フランスで、AI企業に作家への報酬を払わせる法案が出たらしい。成立した？", "フランスの国内法"),
    refuse("france proposed a bill to make AI firms pay authors. did it pass?", "France's own national law"),
    # ... written with its demonym after a city of the country, as a "rule" (the twenty-second
    # set's f1965, opened this pass, reworded)
    refuse(
        "illustrator in copenhagen: does the danish likeness rule let me get AI fakes of me removed?",
        "Denmark's own national law",
    ),
    answer("フランスでもAI学習は違法？", "eu-dsm-directive-art3-art4"),
    answer("i'm in italy. does the EU AI act make AI companies respect my opt-out?", "eu-ai-act-art53"),
    answer("which german tdm section did the court apply in the laion case?", "de-kneschke-v-laion"),
    # a minister's name as English reports misspelled it, which the note gives (the opened fortieth
    # set's f3027 was refused; reworded)
    answer("is 'konai' still japan's IP minister? what's his real name?", "jp-gov-sora2-request"),
    # ... and so is its English name as the news writes it (the opened fortieth set's f3022 was led by
    # the statute's section on outputs; reworded)
    answer(
        "per japan's culture agency, is a LoRA trained on one artist's work still under article 30-4?",
        "jp-aca-ai-copyright-general-understanding",
    ),
    # 文化庁 is written by the notes: answered
    answer(
        "文化庁の「AIと著作権に関する考え方」って、画風をまねるのは侵害って言ってるの？",
        "jp-aca-ai-copyright-general-understanding",
        "jp-aca-checklist-guidance",
    ),
    # https://www.khitc.com/wp/af/sora_kyodouseimei (an association the notes write is answered)
    answer(
        "日本漫画家協会と日本動画協会の共同声明って、Sora 2の何が問題だって言ってるの？",
        "jp-aja-jca-joint-statement-2025",
        "overview-sora2-japan",
    ),
    # --- sixth batch: bodies of law besides copyright (subjects.LEGAL_REGIMES) -------------------
    # unseen32 f2600: a vendor's promise to pay for claims against its users is in no note
    refuse("生成AIの出力が著作権侵害で訴えられたら、AIを提供してる会社が補償してくれるって本当？", "補償"),
    # ... and a name the question gives that no note writes is named before the regime
    refuse("『Originals Archive』ってサービス、AI判定で誤判定されたら補償とかあるの？", "Originals Archive"),
    refuse("TikTokの自動AIラベルって、C2PAのメタデータが残ってる画像しか対象にならないの？", "TikTok"),
    # platforms' labels for AI-made work: none of the notes but pixiv's covers them
    refuse("facebook put an 'AI info' label on my hand-drawn comic. can i get meta to remove it?", "labels"),
    # https://ai-tag.net (the opened thirty-third set's f2656: 「AIのラベル」 was answered with Meta's opt-out)
    refuse("スマホの消しゴムマジックで電線を消しただけの写真に、インスタでAIのラベルが付いた。外せる？", "ラベル"),
    answer("how does pixiv label AI-generated works, and can i hide them?", "pixiv-ai-policies", "optout-pixiv"),
    # an AI detector's verdict on the asker's own work (fresh-user trials 36 to 38: answered with
    # the opt-out overview); a platform's screening answers when the question names the platform
    refuse(
        "an ai detector flagged my hand-drawn illustration as ai and the client won't pay. what can i do?", "detection"
    ),
    refuse("AI判定ツールで自分の手描きイラストがAI生成って判定された。どうすればいい？", "AI判定ツール"),
    answer("does skeb use an ai detector on deliveries?", "skeb-ai-policy"),
    # ... wherever its section ranks, when the message asks something else of the platform first (the
    # opened forty-fourth set's f3274 was refused as a question about AI-detection tools)
    answer(
        "skeb bans AI deliveries, but is that about fraud? and whose tech runs their AI detector?", "skeb-ai-policy"
    ),
    answer("CaraってAI判定でAIの絵を自動で弾いてるの？", "cara-ai-policy"),
    # a lower-case platform opening a question after a modal (the opened forty-fifth set's f3330
    # was refused)
    answer("can cara tell when an upload is AI even if nobody tagged it?", "cara-ai-policy"),
    # a regulator's case the named platform's note speaks of is no other court case (its f3336 was
    # refused as "the irish watchdog close case")
    answer(
        "did the irish watchdog drop its case once X stopped training grok on EU posts?", "x-grok-setting-availability"
    ),
    # the asker's contract with a client or a publisher (fresh-user trials 37 and 38: answered with
    # Article 30-4); whether a contract can override the UK's exception is answered
    refuse("my client contract bans ai even for reference gathering. is that clause enforceable?", "contracts"),
    refuse("クライアントとの契約書に「生成AI使用禁止」って入ってる。資料集めに使うのもダメ？", "契約"),
    answer("can a contract override the uk text and data mining exception?", "uk-cdpa-s29a"),
    # markets, insurance and employment no note covers (probes of the twenty-eighth pass: NFTs were
    # answered with pixivFANBOX's terms, insurance and an employer's claim with the US authorship rule)
    refuse("can i sell ai art as an NFT?", "NFT"),
    refuse("NFTにしたAIアートの権利ってどうなるの？", "NFT"),
    refuse("can i get insurance against ai copyright claims?", "insurance"),
    refuse("can my employer claim copyright on art i made with ai at work?", "employer"),
    answer(
        "my employer uses chatgpt enterprise. does openai train on our chats?",
        "optout-openai",
        "openai-chatgpt-data-controls",
    ),
    answer(
        "do i have to disclose ai use when registering my comic with the copyright office?",
        "us-usco-registration-guidance-2023",
        "us-usco-zarya-of-the-dawn",
        "overview-jurisdictions-compared",
    ),
    # what AI income or an AI subscription means for taxes (the opened thirty-fifth set's f2771,
    # reworded): no note covers tax
    refuse("can i write off my midjourney subscription as a tax deduction?", "tax"),
    refuse("AIイラストの売上って確定申告しないといけない？", "税金"),
    # https://griffithsuazolaw.com/can-i-trademark-my-logo-generated-by-ai
    refuse("if midjourney made my shop's logo, can i still register it as a trademark?", "trademark"),
    # ... and a court case's trade-mark findings answer only a question about the case (fresh-user
    # trial 44 got Getty's watermark findings and a ChatGPT setting)
    refuse("can I trademark a character name I came up with using chatgpt?", "trademark"),
    answer("did getty win anything on trademarks in the uk case?", "uk-getty-v-stability-ai-judgment-2025"),
    answer(
        "following the artists' case: which trademark-type claims did the judge let go forward?",
        "us-andersen-v-stability-ai",
    ),
    # https://gadget-compass.com/articles/ai-generated-images-copyright-portrait-rights
    refuse("知り合いの写真をAIで加工してXに上げたら、肖像権の侵害になるの？", "肖像権"),
    # https://internetandtechnologylaw.com/ai-generated-voices-what-to-know
    refuse(
        "someone cloned my singing voice with AI and is selling songs. is that a right of publicity thing in the US?",
        "publicity",
    ),
    # https://mama.smt.docomo.ne.jp/ranune/article/7200968 (a fresh-user trial, 2026-12-01: answered
    # with the four-country comparison of training on copyrighted works; a voice is no such work)
    refuse("声優の声を勝手にAIに学習させて売ってるのって法律で止められないの？", "声の権利"),
    # ... and a section that names the regime answers it (the UK consultation on digital replicas)
    answer(
        "UK voice actor here: did the government's AI consultation say anything about digital replicas?",
        "uk-ipo-copyright-ai-consultation-2024",
        "uk-copyright-ai-report-2026",
    ),
    # https://tokkyoteki.com/2024/05/2024-05-16-r5-gyo-u-55001.html (the opened thirtieth set's
    # f2472: answered with the AI Promotion Act's penalties)
    refuse("AIを発明者にした特許出願って、日本の裁判所では結局どうなったの？", "特許法"),
    # ... and the Cabinet Office material that names patent law answers it
    answer("内閣府の権利者向け資料って、特許のことも書いてある？", "jp-cao-rights-holder-material-2024"),
    # --- an everyday word that is a platform's name is a common noun after "a" -----------------
    # https://techstory.in/?p=560212 (the opened thirtieth set's f2442: "a note" named note.com)
    refuse("when a dev ticks steam's AI box, does the store page show buyers a note about how AI was used?", "steam"),
    answer("does note train AI on my articles?", "note-ai-learning-opt-out"),
    # https://merchguard.app/blog/etsy-creativity-standards-2025 (the opened thirty-third set's f2622:
    # "one note" named note.com and the shop's platform went unnamed)
    refuse(
        "my etsy shop mixes hand-inked pieces with ai-assisted ones. "
        "do i disclose per listing, or is one note in the shop about section enough?",
        "etsy",
    ),
    # --- what the asking clause asks about, when no note writes it -------------------------------
    # https://note.com/koshijyun/n/nb6c2cc50b134 (a fresh-user trial: answered with pixiv's AI terms)
    refuse("pixivに上げた絵が海外の転載サイトに勝手に載ってた。削除申請ってどうやればいい？", "削除申請"),
    # --- a name opening the message as what acts, in lower case, beside a covered company --------
    # https://soylentnews.org/article.pl?sid=23/12/16/0329203&from=rss
    refuse(
        "dropbox turned on a third-party AI setting for everyone. "
        "is openai training on the illustrations i store in dropbox?",
        "dropbox",
    ),
    # a word of litigation ends a party's name: "Getty v Stability ruling basically…" is Getty v
    # Stability, not a case of "stability ruling basically" (a fresh-user trial)
    # https://www.wrighthassall.co.uk/knowledge-base/ai-vs-creators-getty-v-stability-ai-progress-or-problem
    answer(
        "UK artist here - did the Getty v Stability ruling basically say AI training is legal in the UK?",
        "uk-getty-v-stability-ai-judgment-2025",
    ),
    # https://www.taylorwessing.com/fr/insights-and-events/insights/2025/11/getty-vs-stability-trade-marks
    # (a section that writes the regime answers it)
    answer(
        "so getty lost on copyright in the UK but won something on trade marks against stability?",
        "uk-getty-v-stability-ai-judgment-2025",
    ),
    # --- a deal, a newspaper's suit, a decision described, a crawler's user fetches ---------------
    # https://aibusiness.com/nlp/your-reddit-posts-could-be-used-to-train-google-s-ai-models (the
    # twenty-fifth blind set: answered with Google-Extended; a party to a deal with a covered
    # company is what is asked about, as a party to a case is)
    refuse("is openai's deal with shutterstock why my stock photos ended up in dall-e?", "shutterstock"),
    refuse("google is paying reddit for its posts. do the people who wrote them get anything?", "reddit"),
    # what the asker asks to opt out of, written by the notes only as a party to a case (fresh-user
    # trial 43: Suno, in GEMA's second case, got the opt-out overview, unlabelled) or not at all; a
    # known platform's name still gets its own sources
    refuse("indie musician, can i opt my songs out of suno training?", "suno"),
    refuse("can i opt my tracks out of udio?", "udio"),
    answer("can i opt my photos out of laion?", "de-kneschke-v-laion", "spawning-dntr-aitxt"),
    # ... and so is a lower-case one told of as having signed it (the opened thirty-seventh set's f2863,
    # answered with OpenAI's opt-out steps)
    refuse(
        "stack overflow signed an AI data deal with openai. can i opt my old answers out of the training?",
        "stack overflow",
    ),
    # https://intellectualpropertycasesasadamisuzu.blogspot.com/2025/06/chatgptai-asada-misuzu.html
    # (「…の訴え」 names a suit as 「…の訴訟」 does)
    refuse("日経の訴えって、Perplexityの回答の誤りも争点になってる？", "日経"),
    # (「XもYを訴えた」 names X as 「XがYを訴えた」 does)
    refuse("日経もPerplexityを訴えたらしいけど、何が問題になってるの？", "日経"),
    # https://www.ailegaljournal.com/2023/06/art-created-entirely-by-artificial-intelligence-is-not-copyrightable/
    # (refused as "the comic book case": the Copyright Office's letter on a comic with AI images is it)
    answer(
        "that comic book case where the pictures came from midjourney: did the copyright office protect the images?",
        "us-usco-zarya-of-the-dawn",
    ),
    # https://news.aibase.com/news/20223 (refused as "what you paste into perplexitybot": a crawler's
    # token is no chatbot taking input)
    answer(
        "PerplexityBotをブロックしたら、ユーザーがURLを貼って読ませるときのアクセスも止まる？",
        "perplexity-crawlers",
        "optout-perplexity",
    ),
    # https://www.ailegaljournal.com/2023/06/art-created-entirely-by-artificial-intelligence-is-not-copyrightable/
    # (how someone's attempt to register a work ended is the case's question, not how to register)
    answer(
        "didn't someone try to get a picture registered with his AI listed as the only author? how did that go?",
        "us-thaler-v-perlmutter",
    ),
    answer("AIを著作者として登録しようとした人の件、結局どうなったの？", "us-thaler-v-perlmutter"),
    # --- everyday words that are no names -------------------------------------------------------
    # https://virconlegal.com/term/tdm-exception-opt-out/ (refused as "I have no source on paywall":
    # two everyday words written as one, counted as a thing, are no platform)
    answer(
        "my webcomic is behind a paywall on my own site: "
        "does the EU text and data mining exception still let AI firms mine it?",
        "eu-dsm-directive-art3-art4",
    ),
    # https://aoshearman.com/en/insights/ownership-of-ai-generated-content-in-the-uk (refused as "I have
    # no source on westminster": the UK government, named by where it sits)
    answer(
        "so did westminster actually drop protection for computer-generated works, "
        "or is that only what the government prefers?",
        "uk-copyright-ai-report-2026",
    ),
    # a platform's name built of two everyday words is still one ("dropbox", "bandcamp")
    refuse(
        "bandcamp banned AI-generated music. does that stop AI companies training on tracks i sell there?", "bandcamp"
    ),
    # --- a complaint named as a suit; a suit the asker would bring ---------------------------------
    # https://jbpress.ismedia.jp/articles/print/78924 (the twenty-sixth blind set: 「…の訴状」 named no
    # suit, and the New York Times' case was answered with OpenAI's opt-out steps; a katakana name
    # goes on across its middle dot)
    refuse("ニューヨーク・タイムズの訴状では、OpenAIに学習済みモデルの廃棄も求めてる？", "ニューヨーク・タイムズ"),
    # https://themarysue.com/?p=847457 (refused as "that case": the case is the one the asker would
    # bring, and X's terms say where disputes go)
    answer(
        "if i took x to court over them training on my art, where would that case be heard under their terms?",
        "x-terms-of-service-2024-ai-licence",
    ),
    # --- a covered topic asked where no source covers it ---------------------------------------
    # https://brandr-legal.eu/defining-authorship-for-ai-generated-images-in-the-eu/ (trial 14: the
    # AI Act's copyright-policy duty was given, unlabelled; the notes ask this for JP, US, UK only)
    refuse("german artist: can AI-generated art get copyright protection in the EU?", "European Union"),
    # https://www.aippi.org/news/approaches-to-ip-protection-for-works-generated-by-artificial-intelligence-european-standards
    refuse("AIで作った絵って、EUだと著作権で保護されるの？", "EUでAI生成物"),
    # https://www.usefularts.info/post/can-ai-legally-mimic-an-artist-s-style-in-short-yes-at-least-for-now
    # (fresh-user trial 29: answered with Midjourney's terms; only Japan's guidance asks whether
    # imitating a style is legal, labelled as Japan's)
    refuse("someone is using midjourney to copy my art style, is that even illegal in the US?", "United States"),
    # https://newsdig.tbs.co.jp/articles/withbloomberg/1880145?display=1
    refuse("アメリカだと、AIで自分の画風をまねされるのって著作権侵害になる？", "米国で画風"),
    # https://view.flodesk.com/emails/653be865cc37a23511c10001 ("Should we be poisoning art?"):
    # the lead section (what Nightshade does) is far from the words, its note's Japanese twin
    # is close; the note is on topic, the question is not weak
    answer("the poisoning tool from uchicago: what's it for, group use?", "uchicago-nightshade"),
    # --- the twenty-seventh blind set, opened (reworded again) -------------------------------------
    # https://msk.com/newsroom-alerts-Federal-Judge-Dismissive-of-AI-Complaint (refused as "the
    # artists' lawsuit": a case named by its judge, as its note writes the judge)
    answer(
        "when did judge orrick allow the infringement claims to proceed in the artists' suit?",
        "us-andersen-v-stability-ai",
    ),
    # ... and "the judge" alone names no case: a case no note covers is still refused
    refuse("the music publishers' lyrics case against anthropic, did the judge let it continue?", "lyrics case"),
    # unseen32 f2561: a case named by its party is not answered by the note on another subject the
    # question names (answered from the Copyright Office's registration guidance)
    refuse(
        "self-published: does my book only count for the anthropic settlement if i registered it with the "
        "copyright office early enough?",
        "anthropic settlement",
    ),
    # ... and one named as the message's topic, with no determiner (the opened thirty-seventh set's f2864,
    # answered with Anthropic's crawler opt-out)
    refuse(
        "anthropic book settlement: if i opt out instead of claiming, can i still bring my own suit later?",
        "anthropic book settlement",
    ),
    # https://greatmarketvision.com/2025/06/12/disney-and-universal-sue-ai-firm-midjourney-over-bottomless-pit-of-plagiarism
    # (led by Midjourney's artist-side note: "disney/universal" was no name in lower case)
    answer(
        "which studios signed the disney/universal complaint against midjourney?", "us-disney-universal-v-midjourney"
    ),
    # https://insights.taylorenglish.com/post/102ian5/u-s-copyright-office-imposes-duty-to-disclose-ai-generated-content-and-recommend
    # (refused as advice on the asker's own case: "should i file" asks which form here)
    answer(
        "part of my comic is AI-generated; per the 2023 US registration guidance, what application should i file?",
        "us-usco-registration-guidance-2023",
    ),
    # --- the twenty-eighth blind set, opened (reworded again) -------------------------------------
    # https://www.nazumi-office.com/post/【著作権】生成aiと著作権問題：読売新聞がperplexityを提訴した背景と日本の課題
    # (answered from Andersen's note: 「報道」, the publisher of a note read from the press, named
    # X's notes, and the party before 「の対」 was not read)
    refuse("読売新聞の対Perplexity訴訟は、日本の報道機関がAI企業を訴えた初めての例？", "読売"),
    # https://sinsetunapeito.com/entry/xfolio (refused as "that case": 裁判 as a verb is a suit
    # one would bring)
    answer("Xの規約では、トラブルで裁判するときはどこの裁判所になるの？", "x-terms-of-service-2024-ai-licence"),
    # https://www.privacycraft.pro/post/how-to-object-to-meta-ai-europe (refused as "I have no
    # source on teen")
    answer(
        "living in the EU: are teen accounts and private messages left out of meta's AI training?",
        "meta-eu-ai-training-objection",
    ),
    # https://citehustle.com/ai-crawlers/amazonbot (Amazon, in lower case before "reads", was no
    # name: the noai overview led)
    answer(
        "which robots meta tag does amazon read as 'no model training' for a single page?",
        "amazon-amazonbot",
        "optout-amazon",
    ),
    # https://gigazine.net/news/20220927-copyright-ai-art/ (the later registration guidance led; the
    # decision writes the 2022 registration)
    answer(
        "2022年にAI画像の漫画がアメリカで著作権登録されたニュース、あれってその後どうなった？",
        "us-usco-zarya-of-the-dawn",
    ),
    # --- the opened forty-first and forty-third sets ---------------------------------------------
    # https://brushwarriors.com/art-websites-that-ban-ai/ (a known platform named only as what the
    # unknown one is set against)
    refuse("artgram got pitched as the anti-AI artstation alternative. do they really screen out uploads?", "artgram"),
    # https://news.yahoo.co.jp/articles/3f6f8ef222bd0a8722481ab4bff71b6f8beee5dd?page=2
    refuse("ハリウッドの脚本家のストって、AIの使い方について最終的にどんな合意になったの？", "ハリウッド"),
    # http://help.nicovideo.jp/niconicommons/tos/ (a katakana name joined by ・)
    refuse("ニコニ・コモンズに登録されてる素材って、AIの学習に使ってもいいことになってるの？", "ニコニ・コモンズ"),
    # https://ja.wikipedia.org./wiki/LAION (a court by its level alone is no unknown court)
    answer(
        "ハンブルクの上級裁判所は、写真エージェンシーが規約に書いたTDMの留保をどう扱ったの？", "de-kneschke-v-laion"
    ),
]

# Kinds not handled yet (strict: a fix makes the test fail until the mark is removed).
KNOWN_MISSES = {
    # a name in another section's asked phrasing counts as covered: the Bluesky note is asked
    # "someone made a dataset of bluesky posts on hugging face is that allowed"
    "someone uploaded a scraped dataset with my art to Hugging Face, how do I get it taken down?": (
        "a subject named only in a neighbouring section's phrasing counts as covered"
    ),
    # a Japanese name written in kanji and kana ("小説家になろう") cannot be told from ordinary
    # words without a Japanese word segmenter, unless a comma sets it off as where the work goes
    "小説家になろうにAIで書いた小説を投稿してもいいの？": "a Japanese platform name not written in katakana",
    # retrieval: the AI Promotion Act note outranks the Agency for Cultural Affairs' view
    "全部AIに書かせた小説には著作権がないって本当？": "section choice, not answerability",
}


def test_a_service_s_own_terms_get_no_general_rule(corpus_engine) -> None:
    """The opened thirty-seventh set's f2899: whether a service's terms allow AI-made work is that
    service's rule, which no note gives; the general rule on opting out was shown instead."""
    answer = corpus_engine.answer("小説家になろうに、AIで描いた表紙を載せても規約的にセーフ？")
    assert not answer.answered and "小説家になろう" in answer.text, answer.text[:200]


@pytest.mark.parametrize(
    "case",
    [
        pytest.param(c, marks=pytest.mark.xfail(strict=True, reason=KNOWN_MISSES[c.q])) if c.q in KNOWN_MISSES else c
        for c in PROBE
    ],
    ids=[c.q[:48] for c in PROBE],
)
def test_answerability(corpus_engine, case: Case) -> None:
    passed, why = case.check(corpus_engine.answer(case.q))
    assert passed, f"{case.q!r}: {why}"


@pytest.mark.parametrize(
    ("question", "name"),
    [
        # https://appleinsider.com/articles/24/08/19/procreate-tells-users-ai-is-not-our-future/amp
        ("does procreate use my drawings to train AI?", "procreate"),
        # https://dwipanks.xyz/procreate-takes-a-tough-stance-in-opposition-to-generative-ai/
        ("is procreate training its AI on the art i make in the app?", "procreate"),
        # ... nor does it say what a site allows (fresh-user check 47 got the overview after "I have
        # no source on side 7")
        ("does side 7 allow AI-assisted art?", "side 7"),
    ],
)
def test_what_an_uncovered_service_does_with_the_asker_s_work_is_refused_not_generalised(
    corpus_engine, question: str, name: str
) -> None:
    # trial 14: every unknown app got the opt-out overview as "the general rule"; how opting out
    # works elsewhere says nothing of what this app does with the drawings made in it
    answer = corpus_engine.answer(question)
    assert not answer.answered and name in answer.text.casefold()


def test_a_lead_sharing_no_term_and_far_in_meaning_is_no_answer(corpus_engine) -> None:
    # a probe (2026-12-03): answered with the fact check of the "Goodbye Meta AI" posts, a section
    # sharing none of the question's distinctive terms (cosine 0.42)
    answer = corpus_engine.answer("did the hollywood writers strike deal ban ai scripts?")
    assert not answer.answered, answer.text[:120]
    # the opened eleventh set's f1301: a tool the notes never write, answered with ai.robots.txt
    answer = corpus_engine.answer(
        "my little comic archive keeps getting hammered by scrapers and people tell me to put anubis in front of "
        "it. does that proof-of-work thing stop AI scrapers or just slow them down?"
    )
    assert not answer.answered, answer.text[:120]
    # a question whose words a section shares is still answered
    answer = corpus_engine.answer("does posting 'i do not give meta permission' stop meta training on my posts?")
    assert answer.answered and answer.citations[0].source_id == "meta-viral-permission-notice-factcheck"
    # ... and so is one whose only unused words are everyday ones (the opened thirty-second set's f2556)
    answer = corpus_engine.answer(
        "honest question, does a disallow line physically stop an ai scraper, or is it purely on their honour?"
    )
    assert answer.answered, answer.text[:120]


def test_the_general_rule_for_an_uncovered_platform_is_general_not_one_country_s(corpus_engine) -> None:
    # "How do I opt out of AI training on Patreon?" was answered "The EU is where a machine-readable
    # opt-out has legal effect…" as the general rule: one place's law is no general rule
    ans = corpus_engine.answer("How do I opt out of AI training on Patreon?")
    assert "Patreon" in ans.text
    if ans.answered:
        assert ans.general_rule
        opening = ans.text.split("\n\n")[1]
        assert "EU" not in opening and "European" not in opening, opening


def test_a_contest_is_refused_as_its_organiser_s_own_rule(corpus_engine) -> None:
    # fresh-user check 70: "is AI art allowed in the colorado state fair fine arts competition…?"
    # was refused as "state fair fine arts competition", in the words for another platform's or
    # country's rules
    answer = corpus_engine.answer("is AI art allowed in the colorado state fair fine arts competition now?")
    assert not answer.answered
    assert "colorado state fair fine arts competition" in answer.text and "organiser" in answer.text, answer.text
    answer = corpus_engine.answer("高校生まんが甲子園って、背景だけAIで描いた作品も出せる？")
    assert not answer.answered and "主催者" in answer.text, answer.text[:120]


def test_a_prize_or_a_festival_is_refused_as_its_organiser_s_own_rule(corpus_engine) -> None:
    # opened forty-seventh set (https://www.ascentnovelprize.com/writing-advice,
    # https://electricfilmfestival.co.uk/category/events-updates/page/2): a novel prize's and a
    # film festival's entry rules were answered with OpenAI's opt-out and the overview of opt-outs
    for question, name in [
        (
            "the ascent novel prize bans AI. is my manuscript eligible if chatgpt drafted the synopsis?",
            "ascent novel prize",
        ),
        (
            "is AI-generated music allowed in a short film entered in the electric film festival?",
            "electric film festival",
        ),
        # ... and a fest or a gallery show, found trying events the notes lack
        ("my local library's zine fest bans AI covers, is a traced AI sketch ok?", "zine fest"),
        ("can i enter an AI-assisted piece in the riverside gallery show?", "riverside gallery show"),
    ]:
        answer = corpus_engine.answer(question)
        assert not answer.answered, answer.text[:120]
        assert name in answer.text and "organiser" in answer.text, answer.text[:200]
    # ... while a prize-winning piece is no event
    answer = corpus_engine.answer(
        "the copyright office refused a prize-winning midjourney image. does piling on prompts never count?"
    )
    assert answer.answered, answer.text[:120]


def test_a_country_named_only_as_a_news_outlet_s_is_not_the_asker_s(corpus_engine) -> None:
    # opened forty-seventh set (https://mimorelia.com/noticias/mundo/anime-bajo-amenaza-jap%C3%B3n-presiona-a-openai-por-videos-generados-con-ia):
    # "mexican paper quoted an LDP lawmaker…" got the uncovered-country reply for Mexico
    answer = corpus_engine.answer(
        "a mexican paper quoted an LDP lawmaker who tried sora 2. who was he and what did he find?"
    )
    assert answer.answered and answer.citations[0].source_id == "jp-sora2-news-context", answer.text[:120]
    # ... nor is a covered country's outlet: French SEO news told of the UK's competition authority
    # brought in the EU's training-data summary (the opened forty-eighth set's f3544, source:
    # https://www.abondance.com/20260129-1862726-google-pourrait-permettre-aux-editeurs-de-bloquer-leurs-contenus-dans-les-ai-overviews.html)
    answer = corpus_engine.answer(
        "フランスのSEOニュースによると、英国の競争当局がGoogle検索に措置を求めてるらしい。"
        "サイト運営側から見て、AIの回答での扱いは具体的に何が変わるの？"
    )
    assert [c.source_id for c in answer.citations] == ["uk-cma-google-publisher-controls-2026-ja"], answer.citations
    # ... while the outlet's country asked about, or a newspaper that sues, is still the subject
    for question in [
        "read in a brazilian paper that brazil will make AI firms pay artists. is that true?",
        "korean newspapers wanted a training-data disclosure clause in the ai basic act. did it pass?",
    ]:
        answer = corpus_engine.answer(question)
        assert not answer.answered, answer.text[:120]


def test_a_law_named_by_who_protested_it_is_answered(corpus_engine) -> None:
    # the opened fiftieth set's f3669
    # (https://www.diariohuarpe.com/nota/mccartney-lanza-tema-silencioso-contra-ia-20251117194633): the
    # UK copyright reform named by the musician who protested it was refused as "no source on ポール・マッカートニー"
    answer = corpus_engine.answer(
        "ポール・マッカートニーが無音の曲で抗議してたイギリスの著作権改正って、結局AI学習のオプトアウト制度は入ったの？"
    )
    assert answer.answered, answer.text[:120]
    assert answer.citations[0].source_id == "uk-copyright-ai-report-2026-ja", answer.citations
    # ... and asked in fewer words, with no word for AI (fresh-user check 80): the question is not
    # read as off topic for the name's sake, and 「著作権改正」 is the UK's copyright law amended,
    # which the notes write, not a subject they lack
    for question in [
        "ポール・マッカートニーが抗議してたイギリスの著作権改正って結局どうなったの？",
        "イギリスの著作権改正って結局どうなったの？",
    ]:
        answer = corpus_engine.answer(question)
        assert answer.answered and "著作権改正" not in answer.text, answer.text[:120]
        assert answer.citations[0].source_id.startswith("uk-"), answer.citations
    # ... while a question about the person is still refused by name
    answer = corpus_engine.answer("ポール・マッカートニーってAIについて何か発言してる？")
    assert not answer.answered and "マッカートニー" in answer.text, answer.text[:120]


def test_a_short_yes_or_no_question_after_another_is_answered_too(corpus_engine) -> None:
    # fresh-user trial 79: "…what happened with the consultation? is it opt-out now?" got only what
    # followed the consultation, not the 2026 report's answer that the opt-out was dropped
    answer = corpus_engine.answer(
        "uk artist here - what happened with the uk copyright and ai consultation? is it opt-out now?"
    )
    cited = [c.source_id for c in answer.citations]
    assert cited[:1] == ["uk-ipo-copyright-ai-consultation-2024"], cited
    assert "uk-copyright-ai-report-2026" in cited, cited


def test_a_japanese_outlet_s_country_adds_no_caveat_about_its_law(corpus_engine) -> None:
    # the opened fiftieth set's f3664 (https://github.com/NextINpact/Next/issues/299): 「フランスのメディアで…」
    # made the asker an EU one; and the opened forty-ninth set's Korean news questions were told
    # that Korea's law is outside the sources though none asked about it (f3595:
    # https://tech42.co.kr/%ec%98%a4%ed%94%88ai-%ec%a0%80%ec%9e%91%ea%b6%8c-%eb%b3%b4%ed%98%b8-%ec%95%bd%ec%86%8d%ed%96%88%ec%a7%80%eb%a7%8c-%eb%af%b8%eb%94%94%ec%96%b4-%eb%a7%a4%eb%8b%88%ec%a0%80-%ec%b6%9c%ec%8b%9c)
    answer = corpus_engine.answer(
        "韓国のIT記事で、OpenAIのMedia Managerが発表から7か月たっても出てないって読んだ。"
        "そもそもどんなツールになるはずだったの？"
    )
    assert answer.answered and "韓国の法律" not in answer.text, answer.text[-300:]


def test_a_news_outlet_s_country_is_no_subject_the_notes_lack(corpus_engine) -> None:
    # fresh-user check 81: "an italian blog says…, can i object to that from the EU?" was refused as
    # "no source on italian"; and the opened forty-ninth set's f3577
    # (https://coinflixx.com/ai-%ed%95%99%ec%8a%b5-%ec%8b%9c-%ec%a0%80%ec%9e%91%ea%b6%8c-%ec%9e%90%eb%a3%8c-%ec%82%ac%ec%9a%a9-%ec%9d%98%ea%b2%ac-%ec%b2%ad%ec%b7%a8)
    # was labelled "I have no source on korean itself"
    answer = corpus_engine.answer(
        "an italian blog says meta is training on everyone's instagram posts now, can i object to that from the EU?"
    )
    assert answer.answered, answer.text[:120]
    assert answer.citations[0].source_id in {"optout-meta", "meta-eu-ai-training-objection"}, answer.citations
    assert "EU/EEA" in answer.text.split("\n\n")[0], answer.text[:120]
    answer = corpus_engine.answer(
        "korean blog says the UK's AI copyright consultation laid out options incl. an opt-out exception. "
        "which one did the government prefer going in, and how did responses split?"
    )
    assert answer.answered and "korean" not in answer.text.casefold(), answer.text[:120]


def _assert_led_by(engine, question: str, source_id: str, *points: str) -> None:
    """``question`` is answered, led by ``source_id``, with every one of ``points`` in the text."""
    answer = engine.answer(question)
    assert answer.answered, answer.text[:120]
    assert answer.citations[0].source_id == source_id, answer.citations
    for point in points:
        assert point in answer.text, (point, answer.text[:300])


def test_where_something_was_read_is_no_subject_of_the_question(corpus_engine) -> None:
    # the opened fifty-first set's f3724
    # (https://www.mercadonegro.pe/actualidad/disney-y-universal-demandan-a-midjourney-por-uso-indebido-de-obras-protegidas-por-derechos-de-autor):
    # a Peruvian site's article was read as an asker in Peru, and refused as Peru's law
    _assert_led_by(
        corpus_engine,
        "ペルーのマーケ系サイトにスタジオ連合とMidjourneyの裁判の記事があった。"
        "スーパーマンとかの会社も別に訴えたって聞いたけど、二つの裁判は一緒に扱われてるの？",
        "us-disney-universal-v-midjourney-ja",
        "併合",
    )
    # f3713 (https://www.dsfc.net/internet/juridique/tdmrep-pour-se-proteger-du-pillage-de-vos-oeuvres/):
    # the web server the post configured was refused as "no source on Apache"; the question is TDMRep's
    _assert_led_by(
        corpus_engine,
        "フランスのブログにApacheでtdm-reservationのヘッダーを返す設定が載ってた。一緒に出てくるtdm-policyって何を書くもの？",
        "w3c-tdmrep-ja",
        "tdm-policy",
        "ライセンス",
    )


def test_the_kind_of_a_news_outlet_is_no_subject(corpus_engine) -> None:
    # fresh-user check 86: "a dutch tech blog said…" was refused as "no source on tech"
    answer = corpus_engine.answer(
        "a dutch tech blog said X now uses everyone's posts to train grok and there's no way to opt out anymore, "
        "is that true?"
    )
    assert answer.answered and answer.missing_subject == "", answer.text[:120]
    assert answer.citations[0].source_id.startswith(("x-", "optout-x")), answer.citations
    # ... nor are the words describing one after its country (the opened fifty-third set's f3802,
    # https://cyber8200.com/de/blog/nightshade-empowers-artists-against-ai-model-exploitation: refused as
    # "no source on cyber")
    answer = corpus_engine.answer(
        "a german cyber bootcamp blog hypes nightshade as a revolutionary poison tool for artists. hasn't some "
        "research tool come out that can spot and strip it off again?"
    )
    assert answer.answered and answer.missing_subject == "", answer.text[:120]
    # ... and a month that dates the writing is no news the notes lack (f3807,
    # https://patentlyo.com/patent/2025/10/authorship-requirement-generated.html: "no source on Oct 2025 says")
    _assert_led_by(
        corpus_engine,
        "a patent blog from oct 2025 says thaler took his 'creativity machine' picture to the supreme court. did "
        "they ever hear it? i sell AI-assisted prints in the US and want to know where that leaves me",
        "us-thaler-v-perlmutter",
        "2 March 2026",
    )
    # ... nor an everyday word for the outlet that says it, when the question names what it asks of
    # (the opened fifty-seventh set's f4043, https://techjacksolutions.com/ai-brief/three-ai-copyright-regimes-are-diverging-at-once-what-us-eu/:
    # labelled "no source on newsletter itself")
    answer = corpus_engine.answer(
        "an AI-policy newsletter says the US, EU and japanese copyright regimes are 'diverging at once'. "
        "as a UK painter: in which of japan, the EU, the US and the UK can a company train on my paintings?"
    )
    assert answer.answered and not answer.general_rule and answer.missing_subject == "", answer.text[:120]
    # ... but an outlet asked about for its own rule still is (the opened forty-sixth set's f3409)
    answer = corpus_engine.answer(
        "flash fiction magazine says it may ban people who send AI-written stories. does running my draft "
        "through an AI grammar checker count against me there?"
    )
    assert not answer.answered, answer.text[:120]


def test_a_platform_named_in_lower_case_by_a_report_is_what_the_question_asks_about(corpus_engine) -> None:
    # the opened fifty-second set's f3756
    # (https://24.sapo.pt/atualidade/artigos/a-meta-vai-usar-informacoes-nossas-para-treinar-a-ia-o-que-podemos-fazer):
    # "meta can still use…" named nothing, and the question was refused as off topic
    _assert_led_by(
        corpus_engine,
        "a portuguese news site says even if you object, meta can still use stuff of yours that shows up in "
        "images other people share. so does my EU objection cover my art when others repost it?",
        "meta-eu-ai-training-objection",
        "other people",
    )
    # f3744 (https://www.docma.info/news-szene/adobe-macht-content-authenticity-fuer-alle-zugaenglich):
    # "docma reports adobe opened…" named only the Do Not Train Registry, and Adobe's checklist was
    # the whole answer: the section saying whether the preference binds anyone now follows it
    answer = corpus_engine.answer(
        "docma reports adobe opened its provenance web app to everyone, with a batch do-not-train flag for "
        "up to 50 files. is that flag binding on AI developers or more of a request?"
    )
    assert "adobe-content-credentials-cawg" in [c.source_id for c in answer.citations], answer.citations
    assert "not a lock" in answer.text and "honour" in answer.text, answer.text[:300]
    # f3748: "the register got fired" asked for no registration; the report's two sections answer
    _assert_led_by(
        corpus_engine,
        "a copyright news roundup says the USCO put out its AI training report as a 'pre-publication version' "
        "right before the register got fired. is there a final version, and does it count style knockoffs "
        "flooding the market as harm?",
        "us-usco-ai-part3-training",
        "pre-publication",
        "dilution",
    )


def test_mining_under_germany_s_section_44b_and_the_research_exception(corpus_engine) -> None:
    # the opened fifty-first set's f3697
    # (https://www.afaik.de/urhg-erlaubtkommerzielle-nutzung-deiner-inhalte/) was refused as off topic:
    # "mine your site" is mining, and § 44b is Germany's Article 4
    _assert_led_by(
        corpus_engine,
        "a german webmaster blog warned in 2021 that § 44b lets firms mine your site commercially unless you "
        "object technically. would that objection also block university researchers?",
        "eu-dsm-directive-art3-art4",
        "Article 3",
        "§ 60d",
    )


def test_japanese_law_answers_a_japanese_asker_who_names_a_platform_in_passing(corpus_engine) -> None:
    # fresh-user trial 82: pixiv's posting rule led a question naming X (the "x" of "pixiv" was read
    # as X), and the US Copyright Office's Zarya decision led a Japanese asker's Midjourney question
    answer = corpus_engine.answer("自分の絵柄をそっくり真似したAI絵をXに上げられた。日本では画風の模倣って違法になる？")
    assert answer.citations[0].source_id == "jp-aca-ai-copyright-general-understanding-ja", answer.citations
    answer = corpus_engine.answer("Midjourneyで作った画像って日本で著作権認められますか？あと商用利用してもいい？")
    assert answer.citations[0].source_id == "jp-aca-ai-copyright-general-understanding-ja", answer.citations
    assert "Zarya" not in answer.text.split("\n\n")[0], answer.text[:200]


def test_a_checklist_of_the_asker_s_own_country_keeps_the_lead(corpus_engine) -> None:
    # fresh-user trial 82: a Japanese asker's pixiv question was led by pixiv's terms, and never
    # heard that pixiv has no setting for it (the checklist's own point)
    answer = corpus_engine.answer(
        "日本在住の絵描きです。pixivに上げた絵がAI学習に使われないようにする設定ってありますか？"
    )
    assert answer.citations[0].source_id == "optout-pixiv-ja", answer.citations
    assert "オプトアウトの仕組みがありません" in answer.text.split("\n\n")[0], answer.text[:200]


def test_a_checklist_list_is_followed_by_the_note_the_other_part_asks(corpus_engine) -> None:
    # fresh-user trial 82: the second part (X's terms) was dropped and the first (the setting) told
    # twice, from the checklist and from the setting's note
    answer = corpus_engine.answer(
        "how do i turn off grok training on my X posts, and do X's terms let them train on my art anyway?"
    )
    assert [c.source_id for c in answer.citations] == ["optout-x-grok", "x-terms-of-service-2024-ai-licence"], (
        answer.citations
    )
    assert "licence" in answer.text, answer.text[-400:]


def test_the_outlet_told_of_and_the_platform_left_are_context(corpus_engine) -> None:
    # the opened fifty-first set's f3688
    # (https://www.appgefahren.de/zeit-um-x-endgueltig-ade-zu-sagen-eigene-beitraege-trainieren-grok-ai-367671.html)
    # was answered from Apple's checklist and X's EU suspension; f3690
    # (https://alafdalnews.com/post.php?post_id=140366) from Meta's note on private accounts
    answer = corpus_engine.answer(
        "a german apple blog told people to quit X over the november terms that let it feed posts to grok and "
        "fine scrapers per million posts. if i just keep using it, have i agreed to all that?"
    )
    assert answer.citations[0].source_id == "x-terms-of-service-2024-ai-licence", answer.citations
    assert "accept" in answer.text, answer.text[:300]
    answer = corpus_engine.answer(
        "an arabic news site says artists are fleeing instagram for cara over meta's AI plans. "
        "does cara do anything real to keep scrapers off uploads, or is it just a label?"
    )
    assert [c.source_id for c in answer.citations] == ["cara-ai-policy"], answer.citations
    assert "Glaze" in answer.text, answer.text[:300]


def test_a_short_part_asking_of_it_asks_of_the_one_name_given(corpus_engine) -> None:
    # the opened fifty-first set's f3699
    # (https://leguidedelartiste.com/artistes-comment-se-proteger-contre-intelligence-artificielle/):
    # "what does it leave untouched?" was not matched to
    # Glaze's section on what it does not stop (scraping, datasets)
    answer = corpus_engine.answer(
        "a french comics writer made tutorial videos urging authors to run glaze on everything they post. "
        "what is it actually built to stop, and what does it leave untouched?"
    )
    assert [c.source_id for c in answer.citations] == ["uchicago-glaze"], answer.citations
    assert "mimicry" in answer.text and "dataset" in answer.text, answer.text[-400:]


def test_a_case_s_status_is_told_once(corpus_engine) -> None:
    # fresh-user check 83: the Kneschke v. LAION answer gave its dated status line twice, once from
    # each section shown; fresh-user trial 85: so did Getty v Stability AI's ("…did getty win?")
    for question, case in (
        ("ドイツのLAION裁判って、研究目的の例外だから学習OKってなったってこと？", "de-kneschke-v-laion"),
        ("in the first hamburg ruling, why was LAION allowed to download the photo?", "de-kneschke-v-laion"),
        (
            "whats happening with the getty images v stability ai case in the UK? did getty win?",
            "uk-getty-v-stability-ai-judgment-2025",
        ),
    ):
        answer = corpus_engine.answer(question)
        assert answer.citations[0].source_id.removesuffix("-ja") == case, answer.citations
        body = answer.text.split("\n\n適用範囲")[0].split("\n\nApplies to")[0]
        assert body.count("時点の状況") + body.count("Status as of") == 1, body


def test_the_spanish_name_of_the_meta_chain_post_finds_its_fact_check(corpus_engine) -> None:
    # the opened fiftieth set's f3631 (https://larepublica.pe/tecnologia/2025/04/25/adios-meta-ai-la-nueva-cadena-viral-que-circula-en-facebook-por-que-es-un-error-compartirla-1026825)
    answer = corpus_engine.answer(
        "peruvian site says the 'adiós meta AI' chain with the lawyer line is going around facebook again. "
        "does pasting it on my wall protect my photos at all?"
    )
    assert answer.citations[0].source_id == "meta-viral-permission-notice-factcheck", answer.citations


def test_a_cloned_singing_voice_and_an_unknown_suit_are_refused_by_name(corpus_engine) -> None:
    # fresh-user trial 71: a cloned singing voice was answered with the US rule on AI output's
    # copyright as "the general rule" for youtube, and the labels' suit against Suno and Udio was
    # refused only as "that case"
    answer = corpus_engine.answer(
        "someone cloned my singing voice with AI for a cover on youtube, can i sue them? im in the US"
    )
    assert not answer.answered and "voice" in answer.text, answer.text[:160]
    answer = corpus_engine.answer(
        "musician here, whats going on with the record labels suing suno and udio? could i join in?"
    )
    assert not answer.answered and "suno and udio" in answer.text, answer.text[:160]


def test_a_latin_party_before_a_long_japanese_one_is_read_whole(corpus_engine) -> None:
    # opened forty-seventh set's f3479 (https://doitong.com/news/ja/disney-and-universal-file-lawsuit-against-midjourney):
    # 「Midjourney対ディズニー・ユニバーサル訴訟」 was refused as 「journeyの裁判」: the party's
    # twenty-character bound cut the name
    answer = corpus_engine.answer("Midjourney対ディズニー・ユニバーサル訴訟で、Midjourneyはどう反論してるの？")
    assert answer.answered, answer.text[:120]
    assert answer.citations[0].source_id == "us-disney-universal-v-midjourney-ja", answer.text[:120]


def test_a_contest_is_named_whole_not_by_a_word_of_its_name(corpus_engine) -> None:
    # opened forty-seventh set (https://twistinthetale.com/faq): "twist in the tale's story
    # contests…" was answered with a robots.txt section as the general rule for "tale"; "the BCLF
    # writing contest" was refused as "BCLF", in the words for another platform's rules
    for question, name in [
        ("twist in the tale's story contests ban AI content. can i still brainstorm with AI?", "tale's story contests"),
        ("the BCLF writing contest bans generative AI. do grammar suggestions count?", "BCLF writing contest"),
    ]:
        answer = corpus_engine.answer(question)
        assert not answer.answered and not answer.citations, answer.text[:160]
        assert name in answer.text and "organiser" in answer.text, answer.text[:160]


def test_a_call_for_entries_among_uncovered_terms_is_refused_as_its_organiser_s_rule(corpus_engine) -> None:
    # fresh-user check 75: a shopping street's call for mascot designs was refused as "no source on
    # 地元・商店街・マスコットキャラ・デザイン・応募", not as the organiser's own rule
    for question, name in [
        ("地元の商店街がマスコットキャラを募集してる。AIで作ったデザインでも応募できる？", "マスコットキャラの募集"),
        # (a town's photo contest among place names: the opened forty-fifth set's f3379,
        # https://ohtawara-photo.com/guideline)
        ("大田原の写真コンテスト、AIで加工した写真って出せる？合成や加工は申告しないといけないの？", "写真コンテスト"),
    ]:
        answer = corpus_engine.answer(question)
        assert not answer.answered and not answer.citations, answer.text[:160]
        assert answer.text.startswith(f"{name}についての出典は手元にありません。"), answer.text[:160]
        assert "主催者" in answer.text, answer.text[:160]


def test_a_platform_question_from_an_uncovered_country_is_not_led_by_one_covered_country_s_law(
    corpus_engine,
) -> None:
    # found while checking the news-outlet rule: "i'm a mexican illustrator, can openai train on my
    # art?" was led by Japan's Article 30-4, as if the asker were in Japan
    answer = corpus_engine.answer("i'm a mexican illustrator, can openai train on my art?")
    assert answer.answered and "Mexico" in answer.text, answer.text[:160]
    assert all(c.jurisdiction == "INTL" for c in answer.citations), [
        (c.source_id, c.jurisdiction) for c in answer.citations
    ]


def test_the_platform_where_the_asker_saw_the_news_is_no_subject(corpus_engine) -> None:
    # fresh-user trial 88 (https://www.eweek.com/fr/news/openai-sora-2-copyright-opt-out/): "saw on
    # twitter that…" added a cited section on X's Grok training to a Sora answer
    answer = corpus_engine.answer(
        "saw on twitter that Sora 2 lets people make videos of anyone's characters unless you opt out, how do I "
        "keep my OC out of Sora?"
    )
    assert answer.answered and answer.citations[0].source_id == "optout-sora", answer.citations
    assert not any(c.source_id.startswith(("x-", "optout-x")) for c in answer.citations), answer.citations
    # ... nor one no note writes, when the news names its subject (refused as "no source on reddit"),
    # and a lower-case name doing something to work in the reported clause is that subject
    _assert_led_by(corpus_engine, "read on reddit that adobe trains firefly on my cloud files, true?", "optout-adobe")
    _assert_led_by(corpus_engine, "saw on tiktok that meta is training on our photos, how do i opt out?", "optout-meta")


def test_a_named_platform_s_section_asking_the_same_covers_the_asking_term(corpus_engine) -> None:
    # fresh-user trial 88
    # (https://newsonmedia.com/leaked-the-names-of-more-than-16000-non-consenting-artists-allegedly-used-to-train-midjourneys-ai/):
    # refused as 「削除依頼についての出典は手元にない」, though Midjourney's artist-side note answers it
    _assert_led_by(
        corpus_engine,
        "Midjourneyに自分の絵が学習されてたらしい。日本から削除依頼とかできる？",
        "midjourney-artist-side-ja",
        "Midjourney",
    )


def test_two_platforms_asked_side_by_side_each_get_their_steps(corpus_engine) -> None:
    # fresh-user trial 90: 「pixivとXの両方で…」 gave pixiv's steps and left X's to "see also", because
    # the "x" of "pixiv" was read as the lead writing X
    answer = corpus_engine.answer("pixivとXの両方でAI学習を拒否する方法おしえて")
    assert [c.source_id for c in answer.citations] == ["optout-pixiv-ja", "optout-x-grok-ja"], answer.citations
    # ... but X named only as where the asker posts, or left for another platform, brings no section
    for question in (
        "Nightshadeかけた絵をXに上げたら圧縮されるし、スクショもされる。それでも効果って残るの？",
        "Xからブルスカに移ったけど、よその会社がブルスカの投稿を集めて学習に使うことってある？",
        "artists on x are searching that 16k-name style sheet for themselves. does midjourney offer a lookup?",
    ):
        cited = [c.source_id for c in corpus_engine.answer(question).citations]
        assert not any(s.startswith(("x-", "optout-x")) for s in cited), (question, cited)


def test_a_second_part_asking_of_another_country_gets_that_country_s_rule(corpus_engine) -> None:
    # fresh-user trial 90: the Japanese-law half of a two-part question was left to "see also"
    answer = corpus_engine.answer(
        "two questions: how do i block anthropic's crawler on my site, and does japanese law let them train on my "
        "art anyway?"
    )
    assert answer.citations[0].source_id == "optout-anthropic", answer.citations
    assert len(answer.citations) == 2 and answer.citations[1].jurisdiction == "JP", answer.citations
    assert "Article 30-4" in answer.text
    # ... in place of a second section of the lead's own note (fresh-user check 91: OpenAI's IP
    # ranges came second and the EU half went to "see also")
    answer = corpus_engine.answer("how do i block GPTBot, and is training on my art even legal in the EU?")
    assert answer.citations[0].source_id == "openai-crawlers", answer.citations
    assert [c.jurisdiction for c in answer.citations[1:]] == ["EU"], answer.citations


def test_the_us_copyright_office_by_its_short_japanese_name(corpus_engine) -> None:
    # the opened fifty-fifth set's f3959 (https://dasgeld.co/posts/C9D6A8F6-0F68-49AE-B903-519E2EE92492):
    # 「米著作権局」 named nothing, and the question was refused as unanswered
    _assert_led_by(
        corpus_engine,
        "ドイツの記事で、米著作権局の報告書にある「市場の希釈」って考え方が批判されてた。報告書が挙げてる市場への損害って"
        "何があるの？あれって裁判所を縛るもの？",
        "us-usco-ai-part3-training-ja",
        "市場の希釈",
    )


def test_a_question_on_two_countries_led_by_one_gets_the_other_s_section(corpus_engine) -> None:
    # the opened fifty-fourth set's f3900
    # (https://copyright.or.kr/gov/nuri/view.do?brdctsno=41719&pageIndex=41&searchTarget=ALL): the UK
    # section led and the second was the US registration guidance, not the US fair-use answer
    answer = corpus_engine.answer(
        "韓国の著作権委員会の2017年のレポートに、日本は営利目的でも他人の著作物で機械学習していいってあった。"
        "アメリカとイギリスだと、営利のAI学習はどう扱われてるの？"
    )
    assert answer.citations[0].source_id == "overview-jurisdictions-compared-ja", answer.citations
    assert "フェアユース" in answer.text and "29A" in answer.text
    assert not any(c.source_id.startswith("us-usco-registration") for c in answer.citations), answer.citations


def test_an_outlet_s_country_and_a_prefecture_asker(corpus_engine) -> None:
    # the opened fifty-fourth set's f3868 (https://www.copyright.or.kr/information-materials/trend/the-copyright/
    # view.do?brdctsno=52819): refused with the uncovered-country reply for Korea
    _assert_led_by(
        corpus_engine,
        "korea copyright commission did a writeup on bunka-cho's AI report. i'm in osaka, if i put '無断学習禁止' in "
        "all my captions does that make AI training on my art illegal?",
        "jp-ai-gakushu-kinshi-notice-legal-effect",
        "Article 30-4",
    )
    # the opened fifty-fourth set's f3870
    # (https://the-decoder.de/trump-feuert-us-copyright-chefin-nach-kritischem-ki-bericht): the German
    # site made the answer cite the EU's training summary too
    answer = corpus_engine.answer(
        "german site the-decoder reports the US copyright boss got sacked days after publishing the office's "
        "training study. as a US illustrator, what does that study conclude on fair use for AI training, and is it "
        "even binding?"
    )
    assert [c.source_id for c in answer.citations] == ["us-usco-ai-part3-training"], answer.citations


def test_they_in_a_second_part_stands_for_the_body_named_before(corpus_engine) -> None:
    # the opened fifty-fourth set's f3877
    # (https://kulturegeek.fr/news-341552/copyright-ia-ghibli-square-enix-bien-bandai-namco-demandent-comptes-openai):
    # "why do they reject opting out?" was read without CODA, so only CODA's two requests were shown
    answer = corpus_engine.answer(
        "french site says ghibli, square enix and bandai namco went through CODA to push back on sora 2. what "
        "exactly did CODA ask openai for, and why do they reject opting out?"
    )
    assert answer.citations[0].source_id == "jp-coda-sora2-request", answer.citations
    assert "prior permission" in answer.text, answer.text
    # ... never for a platform, where "they" is more often what is posted there (the opened
    # forty-fifth set's f3326,
    # http://79.170.44.78/hostdoctordemo.co.uk/downloads/vpn/index.php?q=aHR0cHM6Ly9iLmhhdGVuYS5uZS5qcC95b2dhc2EvcGl4aXYv)
    answer = corpus_engine.answer(
        "does pixiv mix AI-made works into the normal daily rankings, or do they get a ranking of their own?"
    )
    assert "own rankings" in answer.text, answer.text


def test_the_kind_of_work_on_the_asker_s_own_portfolio_is_no_subject(corpus_engine) -> None:
    # the opened fifty-sixth set's f3989 (https://smartcontentreport.com/de/openai-verschiebt-media-manager):
    # "for my photography portfolio site" was refused as "no source on photography"
    answer = corpus_engine.answer(
        "read in a german newsletter that the openai tool for creators to exclude their works is still vapor. "
        "for my photography portfolio site, what can i do right now that openai actually honours?"
    )
    assert answer.answered and answer.missing_subject == "", answer.text[:120]
    assert "GPTBot" in answer.text, answer.text[:300]
    # ... nor is a security blog where the news was read (f3991,
    # https://www.infosectoday.io/meta-to-educate-ai-models-using-public-u-k-facebook-and-instagram-posts:
    # refused as "no source on infosec")
    _assert_led_by(
        corpus_engine,
        "manchester illustrator. filled in meta's AI objection form last summer, then the whole thing got paused. "
        "infosec blog says instagram training is back on for british adults, is my old form still valid or am i "
        "starting from zero?",
        "meta-uk-ai-training-objection-2024",
        "no need to object",
    )
    # ... nor the system an app runs on (f4016, https://iphoneros.com/97769/twitter-entrena-grok-sin-avisar:
    # refused as 「iOSについての出典は手元にない」)
    _assert_led_by(
        corpus_engine,
        "スペインのiPhoneブログに、Grokの学習をオフにするのはiOSアプリからじゃ無理って書いてあった。"
        "今はアプリでもできる？自分のアカウントだと項目そのものが出てこないんだけど。",
        "x-grok-setting-availability-ja",
        "生年月日",
    )


def test_a_platform_named_only_as_where_the_work_is_posted_does_not_lead(corpus_engine) -> None:
    # fresh-user trial 94: the platform the asker wants stopped is the subject; where they post is
    # not ("…i post on instagram and artstation" was led by Meta's UK objection form)
    _assert_led_by(
        corpus_engine,
        "how do i stop midjourney from using my art? i post on instagram and artstation",
        "midjourney-artist-side",
    )
    _assert_led_by(
        corpus_engine,
        "インスタとArtStationに絵を上げてるんだけど、Midjourneyに使われないようにするには？",
        "midjourney-artist-side-ja",
    )
    # ... but a platform that is where the work is posted and also what is asked about still leads
    answer = corpus_engine.answer("i post on deviantart and instagram. how do i opt out?")
    assert answer.citations[0].source_id == "optout-deviantart", answer.citations


def test_japan_s_training_exception_is_answered_with_its_proviso(corpus_engine) -> None:
    # fresh-user trial 94: 「…30条の4で全部OKなの？」 was led by the guidance's list of training outside
    # Article 30-4, without the rule itself or its proviso
    _assert_led_by(
        corpus_engine,
        "日本だとAI学習って著作権法30条の4で全部OKなの？",
        "jp-copyright-act-art30-4-47-5-ja",
        "不当に害する",
    )


def test_a_part_added_on_about_another_country_comes_second(corpus_engine) -> None:
    # fresh-user trial 94: the part asked first (Japan) came after the part added on with 「あと、」 (the US)
    answer = corpus_engine.answer("AIで描いた絵って日本で著作権つく？あと、アメリカで登録できるかも知りたい")
    assert [c.jurisdiction for c in answer.citations][:2] == ["JP", "US"], answer.citations
    # ... but a premise stated first does not lead (the opened forty-second set's f3187,
    # https://nova.5ch.net/test/read.cgi/livegalileo/1661822497/341): the UK is what is asked
    answer = corpus_engine.answer(
        "日本の30条の4って商用でも学習OKなんでしょ？イギリスのデータ分析の例外だとどうなってるの？"
    )
    assert answer.citations[0].source_id == "uk-cdpa-s29a-ja", answer.citations


def test_blocking_the_crawlers_is_answered_beside_an_uncovered_country_s_law(corpus_engine) -> None:
    # fresh-user trial 94: "…or should i just block the crawlers?" was not read as asking how to
    # block them, so the whole message was refused by Australia's law
    answer = corpus_engine.answer(
        "australian here - anything in australian law about AI scraping my art, or should i just block the crawlers?"
    )
    assert answer.answered, answer.text[:120]
    assert "User-agent:" in answer.text and "Australia" in answer.text, answer.text[-400:]


def test_a_product_named_with_ai_after_it_is_a_subject_the_notes_lack(corpus_engine) -> None:
    # the opened fifty-sixth set's f4002 (https://clipjury.pages.dev/can-you-monetize/playground):
    # "playground AI's free plan" named nothing, and the four-country comparison answered it
    answer = corpus_engine.answer(
        "a checker site says playground AI's free plan is personal use only. i made book covers on the free tier "
        "and now want to upgrade to pro, do the covers i already made become ok to sell?"
    )
    assert not answer.answered and answer.missing_subject == "playground AI", answer.text[:120]


def test_the_artists_class_action_written_without_its_particle_names_andersen(corpus_engine) -> None:
    # the opened fifty-sixth set's f4029
    # (https://conventuslaw.com/report/us-artists-vs-ai-the-fight-continues): 「…アーティスト集団訴訟」
    # (no 「の」) was led by Getty's US case, which also names Stability AI
    _assert_led_by(
        corpus_engine,
        "Stability AIやMidjourneyを訴えてる米国のアーティスト集団訴訟、2024年8月の判断の解説記事を読んだ。"
        "あれで画像生成モデルの中に原告の絵が収まってるって事実が確定したの？日本の絵描きもあの訴訟に加われる？",
        "us-andersen-v-stability-ai-ja",
    )


def test_a_part_naming_only_another_country_is_asked_the_first_part_s_question(corpus_engine) -> None:
    # fresh-user check 95: 「あと、日本は？」 asks the first part's question of Japan; the answer showed
    # two UK sections and no Japanese law
    answer = corpus_engine.answer("イギリスってAI学習は著作権的にどうなってるの？あと、日本は？")
    assert [c.jurisdiction for c in answer.citations][:2] == ["UK", "JP"], answer.citations


def test_products_and_portfolios_are_named_as_the_asker_writes_them(corpus_engine) -> None:
    # fresh-user check 95: "got a photography portfolio site" was refused as "no source on photography"
    answer = corpus_engine.answer(
        "got a photography portfolio site on my own domain, can i stop google from using it to train gemini?"
    )
    assert answer.answered and answer.citations[0].source_id == "optout-google", answer.citations
    # ... and "Lumina AI's free plan" was refused as having no source on "Lumina AI's"
    answer = corpus_engine.answer("does Lumina AI's free plan train on the pics i upload to it?")
    assert not answer.answered and answer.missing_subject == "Lumina AI", answer.missing_subject


def test_who_reported_the_news_is_no_subject_of_the_question(corpus_engine) -> None:
    # the opened fifty-seventh set's f4048 (https://en.wikipedia.org/wiki/Zarya_of_the_Dawn): refused
    # as "no source on wikipedia", though the news names Zarya of the Dawn and the question the US
    _assert_led_by(
        corpus_engine,
        "wikipedia says zarya of the dawn lost protection for its midjourney art but kept the story. "
        "making a webcomic with AI backgrounds in the US: which parts could i register?",
        "us-usco-zarya-of-the-dawn",
    )
    # ... but a platform that says its own rule is what is asked about, and is refused by its name
    answer = corpus_engine.answer("radiotunez says AI tracks must carry an 'AI-Generated' tag. does it apply to me?")
    assert "radiotunez" in answer.text.casefold().split("\n")[0], answer.text[:120]
    # ... and a country named only as the outlet's, with its field before the noun (the opened
    # fifty-seventh set's f4080, https://www.legaleraonline.com/amp/global-deals/stephen-thalers-groundbreaking-case-challenging-copyright-denial-for-works-created-autonomously-by-ai-systems-968795):
    # refused as a question about India
    _assert_led_by(
        corpus_engine,
        "インドの法律ニュースで、セイラーって人が連邦最高裁に上告したって読んだ。あれ結局どうなった？",
        "us-thaler-v-perlmutter-ja",
    )


def test_a_country_named_only_in_what_the_asker_read_is_not_asked_about(corpus_engine) -> None:
    # the opened fifty-seventh set's f4072 (https://www.thefai.org/posts/global-copyright-risks-for-ai-training):
    # China, named only in the comparison the asker read, refused a question about the four covered places
    answer = corpus_engine.answer(
        "アメリカのシンクタンクが、EU・米国・日本・中国でルールがどう違うか比べた論考を出してた。"
        "日本・EU・米国・英国のうち無断学習を拒否できるのはどこ？"
    )
    assert answer.answered and answer.citations[0].source_id == "overview-jurisdictions-compared-ja", answer.text[:120]
    # ... but one the asker asks about is still refused
    answer = corpus_engine.answer("中国のAI規制のニュースを読んだ。中国の著作権法ではAI学習は禁止されてる？")
    assert not answer.answered and answer.missing_subject == "China", answer.text[:120]


def test_a_university_is_not_the_country_it_shares_a_name_with(corpus_engine) -> None:
    # the opened fifty-seventh set's f4083
    # (https://journals.library.columbia.edu/index.php/lawandarts/announcement/view/617): 「コロンビア大」
    # (Columbia University) was read as Colombia, and the US registration question refused
    _assert_led_by(
        corpus_engine,
        "コロンビア大の法と芸術の雑誌で、Zarya of the Dawnの記事を読んだ。"
        "AI画像を使った漫画をアメリカで登録したら、どこまで自分の権利？",
        "us-usco-zarya-of-the-dawn-ja",
    )


def test_the_platform_the_asker_s_videos_are_on_is_named_as_missing(corpus_engine) -> None:
    # fresh-user trial 96: answered from Google's site opt-outs (Google-Extended, Search Console),
    # which do not reach videos uploaded to YouTube, with no word that YouTube has no source
    answer = corpus_engine.answer("can google use my youtube videos to train gemini? how do i stop it")
    assert answer.general_rule and answer.missing_subject.casefold() == "youtube", answer.text[:120]
    assert answer.citations[0].source_id == "optout-google", answer.citations
    # ... but videos the asker only tells of name no platform (the opened fifty-first set's f3699,
    # https://leguidedelartiste.com/artistes-comment-se-proteger-contre-intelligence-artificielle/)
    _assert_led_by(
        corpus_engine,
        "a french comics writer made tutorial videos urging authors to run glaze on everything they post. "
        "what is it actually built to stop, and what does it leave untouched?",
        "uchicago-glaze",
    )


def test_a_law_question_about_work_on_a_platform_is_led_by_the_law(corpus_engine) -> None:
    # fresh-user trial 96: led by pixiv's terms, though the asker asks what Japan's law allows
    _assert_led_by(
        corpus_engine,
        "im a digital painter in japan, does japanese law let companies train on my pixiv art without permission?",
        "jp-copyright-act-art30-4-47-5",
        "Article 30-4",
    )
    # ... but a question about the platform's own rule is still led by it
    answer = corpus_engine.answer("does pixiv let companies train on my pixiv art? is it legal in japan?")
    assert "pixiv" in answer.citations[0].source_id, answer.citations


def test_where_the_asker_saw_or_read_it_does_not_steer_a_question_about_a_country(corpus_engine) -> None:
    # fresh-user check 97: "twitter", only where the chart was seen, added X's terms as a second
    # section to a question about Japan's law
    answer = corpus_engine.answer(
        "saw a chart on twitter comparing china, korea and japan AI laws. "
        "for japan specifically, can an AI company train on my manga without my permission?"
    )
    assert [c.source_id for c in answer.citations] == ["jp-copyright-act-art30-4-47-5"], answer.citations
    # ... and the outlet's own name opened the answer with "no source on ハーバード大"
    answer = corpus_engine.answer(
        "ハーバード大の記事でアメリカではAI学習はフェアユースだって書いてあったけど、実際アメリカの法律ではどうなってるの？"
    )
    assert answer.answered and not answer.general_rule and answer.missing_subject == "", answer.text[:120]
    assert answer.citations[0].jurisdiction == "US", answer.citations


def test_a_word_of_the_webs_plumbing_is_no_subject(corpus_engine) -> None:
    # the opened fifty-eighth set's f4132 (https://github.com/w3c/tdm-reservation-protocol/issues/22):
    # refused as "no source on MIME", though the question asks how to reserve TDM rights
    _assert_led_by(
        corpus_engine,
        "W3CのTDMRepのGitHubで、/.well-known/tdmrep.jsonをどのMIMEタイプで返すかって議論を見た。"
        "フランスの出版社と仕事してるけど、TDMの留保を出す方法って何があって、画像ファイルまで効くのはどれ？",
        "w3c-tdmrep-ja",
        "tdm-reservation",
    )
    # ... while a platform no note covers is still refused by its name
    answer = corpus_engine.answer("does vimeo train AI on my uploaded animations?")
    assert not answer.answered and answer.missing_subject.casefold() == "vimeo", answer.text[:120]


def test_a_country_in_lower_case_beside_its_capital_is_the_asker_s_country(corpus_engine) -> None:
    # the opened fifty-eighth set's f4128
    # (https://legal.ge/en/news/who-owns-chatgpt-content-a-legal-analysis-2026-en): answered from
    # the US Copyright Office, though the asker is in Georgia, whose law no note covers
    answer = corpus_engine.answer(
        "a tbilisi legal marketplace blog says AI can't be an author under georgian law. freelance copywriter "
        "in georgia here, can i claim chatgpt-assisted texts as mine there, and how much human input is enough?"
    )
    assert not answer.answered and "Georgia" in answer.text, answer.text[:160]


def test_the_city_the_asker_works_in_is_not_the_court_case_of_that_city(corpus_engine) -> None:
    # the opened fifty-eighth set's f4135
    # (https://www.hiddemann.de/ufaq/was-ist-text-und-datamining-im-sinne-von-%C2%A7-44b-urhg/):
    # 「ミュンヘンで絵を売ってる」 (I sell my paintings in Munich) named GEMA v. OpenAI, a Munich court's
    # case, which led an answer on how to reserve rights in the EU
    _assert_led_by(
        corpus_engine,
        "ドイツの法律事務所のFAQに、§44b UrhGだとオプトアウトしない限りAI学習は許されるってあった。"
        "ミュンヘンで絵を売ってるけど、EUで学習を断るには何が要る？大学の研究目的でも断れる？",
        "eu-dsm-directive-art3-art4-ja",
        "第3条",
    )
    # ... while the city's court still names its case
    _assert_led_by(corpus_engine, "ミュンヘン地裁の歌詞の判決って確定した？", "de-gema-v-openai-ja")


def test_the_second_section_answers_the_question_not_the_news_before_it(corpus_engine) -> None:
    # the opened fifty-eighth set's f4107
    # (https://blog.adobe.com/en/publish/2024/09/10/adobe-stock-continued-commitments-to-creators):
    # "is any of that feeding firefly" got the Stock contributors' section the news was about,
    # not the one saying Adobe does not train Firefly on Creative Cloud files
    _assert_led_by(
        corpus_engine,
        "adobe says it paid a second firefly bonus to stock contributors. i'm a freelance retoucher in cardiff and "
        "my layered client work sits in creative cloud storage, is any of that feeding firefly, and where does "
        "firefly's training data come from?",
        "adobe-firefly-training-policy",
        "never trained",
    )


def test_an_everyday_adverb_is_no_subject(corpus_engine) -> None:
    # fresh-user check 99: "…train on literally any art…" opened with "I have no source on literally"
    # and was labelled the general rule
    answer = corpus_engine.answer(
        "is it true japan lets ai companies train on literally any art under article 30-4, no limits at all?"
    )
    assert answer.answered and not answer.general_rule and answer.missing_subject == "", answer.text[:120]
    assert answer.citations[0].source_id == "jp-copyright-act-art30-4-47-5", answer.citations
    # ... while a platform whose name ends in -ly is still one
    answer = corpus_engine.answer("does weebly train AI on my site?")
    assert not answer.answered and answer.missing_subject.casefold() == "weebly", answer.text[:120]


def test_where_a_quoted_post_was_seen_does_not_choose_the_answer(corpus_engine) -> None:
    # fresh-user check 99: 「Xで『…』ってポスト見た」 named X beside GPTBot and Google-Extended, and
    # pixiv's checklist, whose robots.txt step writes all of them, led
    _assert_led_by(
        corpus_engine,
        "Xで「robots.txtにGPTBotとGoogle-Extendedを書けばAI学習は全部止められる」ってポスト見た。この2行追加すればOK？",
        "overview-robots-txt-ai-crawlers-ja",
        "ClaudeBot",
    )


def test_a_third_ask_is_answered_by_a_third_section(corpus_engine) -> None:
    # the opened fifty-ninth set's f4172
    # (https://tech.co/news/musk-sneaks-in-x-ai-training-clauseand-no-you-cant-opt-out): three asks
    # of X's terms were answered on when they started and on the Grok toggle, not on what the
    # licence lets X do
    _assert_led_by(
        corpus_engine,
        "tech.co says musk slipped an AI training clause into X's terms and there's no opting out. i post my "
        "illustrations on X from dublin, what does that licence let them do, when did it start, and is the grok "
        "toggle still worth anything?",
        "x-terms-of-service-2024-ai-licence",
        "sublicense",
        "15 November 2024",
        "Grok",
    )
    # f4200 (https://make-ai-good.org/graph/msg-have-i-been-trained): three questions of Spawning's
    # tools, and whether the site still works went unanswered
    _assert_led_by(
        corpus_engine,
        "AIと創作の運動をまとめたサイトでHave I Been Trainedのページを見た。あそこでオプトアウトしたら、"
        "どのAI企業が守ってくれるの？ai.txtってrobots.txtと何が違う？サイトは今も使える？",
        "spawning-dntr-aitxt-ja",
        "メンテナンス中",
    )
    # f3938 (https://www.libertaddigital.com/ciencia-tecnologia/tecnologia/2024-11-15/ultima-actualizacion-de-x-en-medio-de-la-polemica-sera-el-final-de-la-red-social-7187013):
    # a question sentence after the news, with no comma before it, is an ask too: whether keeping
    # the account accepted the terms, and where a dispute is heard
    _assert_led_by(
        corpus_engine,
        "spanish paper says since nov 15 X trains grok on everyone's posts, photos and videos by default. did i "
        "agree to that just by keeping my art account, and where would a dispute even be heard?",
        "x-terms-of-service-2024-ai-licence",
        "Texas",
    )
    # ... while one question gets no third section, nor a second of the same fact
    from bot.engine.answer import MARKER

    answer = corpus_engine.answer("what did the getty v stability judgment in the UK decide?")
    body = answer.text.split("\n\nApplies to")[0]
    assert len(MARKER.findall(body)) <= 2, answer.text


def test_who_wrote_what_was_read_is_no_subject_of_the_question(corpus_engine) -> None:
    # the opened fifty-ninth set's f4167
    # (https://www.ucl.ac.uk/library/learning-teaching-support/ucl-copyright-advice/copyright-depth/legislation-and-background?page=1&0_page=2):
    # refused as "no source on UCL", though it asks about the UK's exception
    _assert_led_by(
        corpus_engine,
        "UCL's library guide walks researchers through the UK text and data mining exception. i'm an illustrator "
        "in manchester, does that exception let AI companies train on my work commercially, and could my site's "
        "terms forbid it?",
        "uk-cdpa-s29a",
        "non-commercial research",
    )
    # f4178 (https://mailarchive.ietf.org/arch/msg/ai-control/2ZbEx73js_cTQT8mI1Wy6_0ZC_s/): "no source on BBC"
    _assert_led_by(
        corpus_engine,
        "saw a BBC engineer's reply on the IETF ai-control list during last call on the aipref vocabulary. what "
        "would my robots.txt line look like under that draft, and is it an actual standard yet or still in progress?",
        "ietf-aipref",
        "Content-Usage",
    )
    # f4201 (https://ddg.fr/actualite/ia-et-copyright-quel-avenir-pour-la-consultation-du-gouvernement-britannique):
    # a French law firm's explainer was read as an asker in France, and refused as France's law
    _assert_led_by(
        corpus_engine,
        "フランスの法律事務所が、イギリスの著作権とAIの意見募集を解説してた。"
        "あのとき政府はどの案を推してて、回答したクリエイターたちはどう答えたの？その後どうなった？",
        "uk-ipo-copyright-ai-consultation-2024-ja",
        "88%",
    )
    # f4194 (https://ggr-law.com/urheberrecht/faq/kuenstliche-intelligenz-ki-urheberrecht): a German law
    # firm's FAQ made the asker an EU one, and the EU opt-out led a question on what each measure stops
    _assert_led_by(
        corpus_engine,
        "ドイツの法律事務所のFAQに「著作者としてどう身を守るか」って項目があった。AIに絵を学習させない方法って、"
        "一つで全部止まるものはあるの？robots.txtやNoAIタグ、SNSの設定でそれぞれどこまで防げる？",
        "overview-what-opt-out-does-ja",
    )
    # ... while a platform's own FAQ is still asked about, and a law firm consulted is no outlet
    answer = corpus_engine.answer("ko-fi's faq says they don't train AI on uploads, is that true in the UK?")
    assert not answer.answered and answer.missing_subject.casefold() == "ko-fi", answer.text[:120]
    _assert_led_by(
        corpus_engine,
        "ドイツの法律事務所に相談したんだけど、AI学習を断るにはどうすればいい？",
        "eu-dsm-directive-art3-art4-ja",
    )


def test_a_body_named_only_in_the_news_before_the_question_is_no_subject(corpus_engine) -> None:
    # the opened fifty-ninth set's f4164
    # (https://copyright.or.kr/information-materials/trend/the-copyright/view.do?brdctsno=52341&pageIndex=8&noticeYn=&brdclasscodeList=&etc2=&etc1=&searchText=&searchkeyword=&brdclasscode=&nationcodeList=&searchTarget=ALL&nationcode=):
    # refused as "no source on deep learning association", though the question asks of the Agency
    # for Cultural Affairs' guidance for rights holders
    answer = corpus_engine.answer(
        "the korea copyright commission wrote in 2023 about AI guidelines from japanese cities, universities and "
        "the deep learning association. did japan's culture agency later publish guidance aimed at rights holders, "
        "and what does it say about keeping AI crawlers off my work?"
    )
    assert answer.answered and answer.missing_subject == "", answer.text[:120]
    assert "jp-aca-checklist-guidance" in [c.source_id for c in answer.citations], answer.citations
    # ... while a body the question itself asks about is still named as one the sources lack
    answer = corpus_engine.answer(
        "the society of authors wrote about AI licensing. did the society of authors ask the UK government for an "
        "opt-in?"
    )
    assert answer.missing_subject == "society of authors", answer.missing_subject


def test_where_a_writer_is_or_where_they_spoke_is_no_subject(corpus_engine) -> None:
    # fresh-user check 101: the newsletter's country was read as the asker's, and the question was
    # refused as Australia's law
    _assert_led_by(
        corpus_engine,
        "an australian law firm's newsletter said a munich court ruled against openai over song lyrics, what did "
        "it actually decide?",
        "de-gema-v-openai",
        "memorised",
    )
    # ... and where a lawyer spoke was labelled "no source on YouTube"
    answer = corpus_engine.answer(
        "ブラジルの弁護士がYouTubeで、EUのAI法53条で学習データの要約を公開しなきゃいけないって話してた。どういう義務なの？"
    )
    assert answer.answered and not answer.general_rule and answer.missing_subject == "", answer.text[:120]
    assert answer.citations[0].source_id == "eu-gpai-training-content-summary-template-ja", answer.citations
    # ... while an asker who is Australian is still told the sources cover no Australian law
    answer = corpus_engine.answer("i'm an australian illustrator, is AI training on my art legal here?")
    assert not answer.answered and "Australia" in answer.text, answer.text[:160]


def test_where_news_was_seen_before_what_was_seen_is_no_subject(corpus_engine) -> None:
    # fresh-user trial 100: "saw on twitter a german court said…" cited X's terms beside the case
    answer = corpus_engine.answer(
        "saw on twitter a german court said LAION scraping images for AI training was legal?? is that true"
    )
    assert [c.source_id for c in answer.citations] == ["de-kneschke-v-laion"], answer.citations
    # ... while X's own rule is still asked about by name
    _assert_led_by(
        corpus_engine, "i post on twitter a lot, can X train on my art?", "x-terms-of-service-2024-ai-licence"
    )


def test_an_uncovered_country_only_in_the_news_read_is_not_the_asker_s(corpus_engine) -> None:
    # the opened sixtieth set (https://slashpage.com/hyezin/dwy5rvmjg16542p46zn9?post=n5w9812gw7rn624kpgze):
    # refused as Korea's law, though the question asks where robots.txt goes
    _assert_led_by(
        corpus_engine,
        "韓国のNAVERが全サービスのrobots.txtでAIクローラーを締め出したって記事を見た。うちはGitHub Pagesの"
        "プロジェクトサイトなんだけど、フォルダの中にrobots.txtを置いても読まれる？サブドメインは別に要る？",
        "ietf-rfc9309-robots-exclusion-protocol-ja",
        "最上位",
    )
    # (https://defonline.com.ar/ciencia-tecnologia/disney-y-universal-denuncian-a-midjourney-por-usar-imagenes-sin-permiso-para-entrenar-a-sus-modelos):
    # the site's country was refused as Argentina's law
    _assert_led_by(
        corpus_engine,
        "defonline in argentina explains the studios' lawsuit against midjourney over yoda, shrek and co. which "
        "court is it in, how is midjourney defending itself, and where does the case stand?",
        "us-disney-universal-v-midjourney",
        "fair use",
    )
    # ... while news of that country's law, or of a duty there, is still refused as its law
    for question in (
        "read that korea passed an AI basic act. does it protect my art?",
        "韓国でAI基本法が成立したってニュースを見た。イラストの無断学習は防げる？",
        "韓国で2026年1月からAI生成物に表示義務が始まったって聞いた。絵を描く個人もラベル付けなきゃダメ？",
    ):
        answer = corpus_engine.answer(question)
        assert not answer.answered and answer.missing_subject == "South Korea", (question, answer.text[:120])


def test_what_a_country_is_said_to_be_is_no_subject(corpus_engine) -> None:
    # the opened sixtieth set (https://monolith.law/es/general-corporate/generative-ai-copyright-law-japan):
    # "japan is lenient at the training stage" opened with "I have no source on lenient"
    answer = corpus_engine.answer(
        "a tokyo law firm's spanish guide says japan is lenient at the training stage but strict on outputs. "
        "i paint and sell online from buenos aires, how does japan's training rule stack up against the EU, "
        "the US and the UK?"
    )
    assert answer.answered and not answer.general_rule and answer.missing_subject == "", answer.text[:120]
    assert answer.citations[0].source_id == "overview-jurisdictions-compared", answer.citations
    # ... while a name asked about after "is" opening the question is still one the sources lack
    answer = corpus_engine.answer("is steam scraping my art for AI training?")
    assert answer.missing_subject == "steam", answer.missing_subject


def test_the_cabinet_s_written_answers_are_named_by_what_they_are(corpus_engine) -> None:
    # the opened sixtieth set
    # (https://www.levelup.com/noticia/japon-protegera-el-anime-y-el-manga-de-sora-2-gobierno-pide-a-openai-que-su-inteligencia-artificial-deje-de-infringir-derechos-de-autor):
    # "cabinet answers to the diet" did not cite the written answers
    answer = corpus_engine.answer(
        "levelup quotes japanese ministers talking tough on sora 2. was any of that ever confirmed on paper, like "
        "in cabinet answers to the diet, and what did taira's 'opt-in' end up meaning?"
    )
    assert "jp-diet-sora2-written-answers" in [c.source_id for c in answer.citations], answer.citations


def test_an_outlet_named_with_its_site_two_words_or_accents_is_no_subject(corpus_engine) -> None:
    # fresh-user check 103: where the news was read was labelled "no source on RTVE", "on Le Monde",
    # "on El Pa" and "on ddeutsche" (accented letters cut the name)
    for question in (
        "saw on RTVE's website that the US copyright office won't register pure AI images, does that mean my "
        "midjourney pieces have zero copyright in the US?",
        "saw on Le Monde that japan lets AI train on anything, is that true?",
        "saw on El País that the US copyright office won't register pure AI images, does that mean my midjourney "
        "pieces have zero copyright in the US?",
        "read in the Süddeutsche Zeitung that the US copyright office won't register AI images, is that right?",
    ):
        answer = corpus_engine.answer(question)
        assert answer.answered and not answer.general_rule and answer.missing_subject == "", (question, answer.text)
    # ... while a name with accents the sources lack is still named whole
    answer = corpus_engine.answer("『Lumière』ってサイトでAI生成の美容モデル素材を買って広告に使っていい？")
    assert answer.missing_subject == "Lumière", answer.missing_subject


def test_legally_in_a_country_asks_its_law_not_the_platform_s_terms(corpus_engine) -> None:
    # fresh-user check 103: answered from pixiv's terms alone
    _assert_led_by(
        corpus_engine,
        "can companies legally scrape my pixiv art in japan for AI training?",
        "jp-copyright-act-art30-4-47-5",
        "30-4",
    )


def test_a_topic_or_someone_else_s_prompt_told_before_the_asking_is_not_what_is_asked(corpus_engine) -> None:
    # the opened sixty-first set (https://github.com/ecogex/ai-label/issues/9): refused as "no source
    # on AI labels", though the question asks what Content Credentials' training setting holds
    _assert_led_by(
        corpus_engine,
        "AIラベルを作ってるプロジェクトのissueで、画像のメタデータに学習の可否を書こうって話が出てた。"
        "Content CredentialsのAI学習の設定だとどんな値を書くの？SNSでメタデータを消されたら終わり？",
        "adobe-content-credentials-cawg-ja",
        "notAllowed",
    )
    # (https://github.com/kodadot/nft-gallery/issues/5307): refused as "no source on NFTs"
    _assert_led_by(
        corpus_engine,
        "NFTマーケットの開発者がArtStationのAI抗議の件を例に出してた。今ArtStationに作品を載せるなら、"
        "NoAIタグって最初から付くの？Epic自体が作品をAIに使うことはある？",
        "artstation-noai-ja",
        "オプトイン",
    )
    # (https://github.com/aws-samples/generative-ai-on-aws-immersion-day/issues/12): someone else's
    # prompt was read as the asker's own input into ArtStation, and refused
    answer = corpus_engine.answer(
        "AWSのハンズオン教材のプロンプトに、ArtStationで「AIにノー」を掲げてる画家の名前が入ってて消されたらしい。"
        "ArtStationのNoAIタグってどこで付けるの？最初から付いてるわけじゃない？"
    )
    assert answer.answered, answer.text[:120]
    assert "NoAI Tagging" in answer.text, answer.text
    # ... while a topic the asking sentence still asks of, in a shorter word, is refused by its name
    # (https://nicolaschofield.com/whats-going-on-with-ai-and-meta/)
    answer = corpus_engine.answer(
        "instagram now has an AI label and warns there may be penalties if i don't use it. do i have to tag "
        "digital paintings i made with photoshop brushes?"
    )
    assert not answer.answered, answer.text[:120]


def test_a_yes_or_no_ask_joined_by_and_is_a_second_ask(corpus_engine) -> None:
    # the opened sixty-first set (https://merlin.obs.coe.int/index.php/article/10426): "is it being
    # appealed?" was dropped as too short, and a German case's appeal status answered it
    answer = corpus_engine.answer(
        "the european audiovisual observatory's french write-up says the UK court found stable diffusion isn't an "
        "'infringing copy'. as a photographer in leeds: did that ruling say training on my photos is legal, and is "
        "it being appealed?"
    )
    assert answer.answered, answer.text[:120]
    assert [c.source_id for c in answer.citations] == ["uk-getty-v-stability-ai-judgment-2025"], answer.citations
    assert "appeal" in answer.text and "infringing copy" in answer.text, answer.text
    # ... while a clause after "or" is the other half of one question, not a second ask
    # (the opened ninth set: https://github.com/divinevideo/divine-mobile/pull/2239)
    answer = corpus_engine.answer(
        "i'd be fine with AI search reading my images but not with generative training. can content credentials "
        "say that separately, or is it one yes/no?"
    )
    assert "inference" in answer.text, answer.text


def test_asking_whether_a_lawsuit_exists_over_what_was_told_is_refused_as_a_case(corpus_engine) -> None:
    # fresh-user trial 104 (https://vaniamargene.com/tag/facebook): answered with what Meta trains on
    answer = corpus_engine.answer(
        "found my books in the libgen dataset meta used for llama. is there a lawsuit over that i can follow?"
    )
    assert not answer.answered, answer.text[:200]
    assert answer.missing_subject == "a court case about that", answer.missing_subject
    assert "Meta" not in answer.text.split("My sources cover")[0], answer.text[:200]
    # ... while one over a subject a covered lawsuit is about is answered from it
    _assert_led_by(
        corpus_engine,
        "is there a lawsuit against midjourney over disney's characters?",
        "us-disney-universal-v-midjourney",
    )


def test_sections_answer_the_ways_creators_ask_them(corpus_engine) -> None:
    # the opened sixty-first set (https://github.com/StellarSand/privacy-settings/pull/3): why the
    # Grok item is missing and greyed out was led by how to turn Grok training off
    _assert_led_by(
        corpus_engine,
        "a privacy-settings checklist repo just added the grok toggle for twitter, but on my account the grok item "
        "is missing from the app and greyed out on desktop. why is that, and how do i fix it?",
        "x-grok-setting-availability",
        "date of birth",
    )
    # (https://artificialintelligenceact.eu/es/article/53/?wg-choose-original=false): what the summary
    # of training content holds was led by Article 53, which only says it must be published
    _assert_led_by(
        corpus_engine,
        "AI法第53条のスペイン語版を読んでたら、学習に使ったコンテンツの概要を公表しろって書いてあった。ベルリンで"
        "写真を撮ってるけど、その概要には何が載るの？もう出回ってるモデルはいつまでに出すの？",
        "eu-gpai-training-content-summary-template-ja",
        "三つのセクション",
    )
    # the opened nineteenth set (https://ll-hub.com/?p=1423): why the TDM exception did not help
    # OpenAI is the section on memorisation, with § 44b
    _assert_led_by(
        corpus_engine,
        "songwriter in germany: in the GEMA vs openai ruling, why didn't the text and data mining exception save "
        "openai?",
        "de-gema-v-openai",
        "44b",
    )
    # fresh-user trial 104 (https://www.lowtouch.ai/?p=6120): Cloudflare's block, enforced by a
    # firewall rule, was answered with the managed robots.txt, which only asks
    _assert_led_by(
        corpus_engine,
        "if i turn on cloudflare's one-click block for AI bots on my portfolio, does that also stop crawlers that "
        "ignore robots.txt?",
        "cloudflare-ai-crawl-control-pay-per-crawl",
        "WAF",
    )


def test_who_called_for_something_told_before_the_question_is_no_subject(corpus_engine) -> None:
    # the opened sixty-first set (https://theaoi.com/news/meta-ai-training-opt-out-for-facebook-and-instagram):
    # the association that called for objections opened the answer
    # with "no source on イラストレーター協会"
    answer = corpus_engine.answer(
        "イギリスのイラストレーター協会が、MetaのAI学習にみんなでオプトアウトしようって呼びかけてた。ロンドン在住"
        "だけど、前に出した異議は今も有効？もう学習に使われた分も消える？"
    )
    assert answer.answered, answer.text[:120]
    assert answer.citations[0].source_id == "meta-uk-ai-training-objection-2024-ja", answer.citations
    assert not answer.missing_subject and "協会" not in answer.text.split("\n")[0], answer.text[:200]
    assert "もう一度出す必要はありません" in answer.text, answer.text


def test_japanese_wordings_of_fresh_user_check_105(corpus_engine) -> None:
    # Meta's "AI info" label in Japanese is the AI-label topic, and asking Meta to take it off
    # still asks of it: it had been answered with Meta's opt-out checklist
    answer = corpus_engine.answer("Instagramで手描きの絵に「AI情報」ってラベル付けられた。Metaに外してもらえる？")
    assert not answer.answered and answer.missing_subject == "AI作品の表示・ラベルのルール", answer.text[:120]
    # Cloudflare's one-click block and what the EU training-content summary holds, in Japanese
    _assert_led_by(
        corpus_engine,
        "Cloudflareのワンクリックでできる AIボットブロック、robots.txt無視するクローラーも止まる？",
        "cloudflare-ai-crawl-control-pay-per-crawl-ja",
        "WAF",
    )
    _assert_led_by(
        corpus_engine,
        "EUでAI会社が出す学習データの概要って、具体的に何が書いてあるの？",
        "eu-gpai-training-content-summary-template-ja",
        "三つのセクション",
    )


def test_what_works_instead_of_the_chain_post_is_asked_from_japan(corpus_engine) -> None:
    # the opened sixty-first set (https://gds.it/articoli/societa/2022/01/08/la-bufala-di-facebook-meta-perche-la-nuova-regola-sulle-foto-e-una-fake-news-7784780d-99a3-4761-9ca8-e50adb032c3a/):
    # what really works for someone living in Japan, asked after the chain post's origin, was not
    # shown: its section's own question was 0.447 close, under the 0.45 floor for a second section
    _assert_led_by(
        corpus_engine,
        "イタリアの新聞で、2022年に「Facebook/Metaに写真の使用を許可しない」ってコピペが回ってデマ扱いされた記事を"
        "見た。いまのGoodbye Meta AIもその系統？日本に住んでると何が本当に効くの？",
        "meta-viral-permission-notice-factcheck-ja",
        "2012",
        "非公開",
    )


def test_the_midjourney_comic_is_zarya_of_the_dawn(corpus_engine) -> None:
    # the opened sixty-second set's f4354 (https://github.com/questianon/sdupdates/pull/13): "the US
    # copyright office decision on that midjourney comic" was led by the Office's registration guidance
    _assert_led_by(
        corpus_engine,
        "a stable diffusion news digest repo logged the US copyright office decision on that midjourney comic. i "
        "letter and lay out comics in seattle with AI panels — which parts did the office actually protect, and "
        "do light edits to the AI images change anything?",
        "us-usco-zarya-of-the-dawn",
        "too slight",
    )


def test_ways_of_asking_the_opened_sixty_second_set_found(corpus_engine) -> None:
    # f4225 of the opened sixtieth set (https://www.levelup.com/noticia/japon-protegera-el-anime-y-el-manga-de-sora-2-gobierno-pide-a-openai-que-su-inteligencia-artificial-deje-de-infringir-derechos-de-autor):
    # the Diet's written answers are where the request was confirmed on paper
    _assert_led_by(
        corpus_engine,
        "levelup quotes japanese ministers talking tough on sora 2. was any of that ever confirmed on paper, like "
        "in cabinet answers to the diet, and what did taira's 'opt-in' end up meaning?",
        "jp-diet-sora2-written-answers",
        "written answers",
        "prior permission",
    )
    # f1858 of the twentieth set (https://shinobumakimura.org/2024/09/24/自分の名前で写真を探してデータセットから消す方法):
    # whether Have I Been Trained still works was not shown after who honours it
    _assert_led_by(
        corpus_engine,
        "Have I Been Trainedで自分の顔写真を探してオプトアウトしたいんだけど、あのサイトって今も普通に動いてる？",
        "spawning-dntr-aitxt-ja",
        "メンテナンス",
    )


def test_a_word_the_notes_write_or_the_outlet_that_framed_the_news_is_no_missing_subject(corpus_engine) -> None:
    # the opened sixty-second set's f4342 (https://github.com/eballai/NoAI/issues/1): "paywalls",
    # two everyday words written as one that the notes' texts write, was refused as a subject
    answer = corpus_engine.answer(
        "a watermark project that promised to keep AI scrapers off artwork got told in its own issue tracker that "
        "it can't work. from japan: does the government have official advice on what creators can do instead, "
        "like robots.txt or paywalls, and is there a point where anti-AI noise becomes a crime?"
    )
    assert answer.answered and not answer.missing_subject, answer.text[:120]
    # f4350 (https://www.tribunnews.com/internasional/7749470/17-perusahaan-penerbit-manga-di-jepang-layangkan-surat-peringatan-ke-open-ai-terkait-aplikasi-sora?page=all):
    # the outlet that made the news "sound like" something was refused as "no source on tribunnews"
    answer = corpus_engine.answer(
        "tribunnews made the japanese anime and manga statement against sora sound like a legal threat. i draw "
        "doujinshi in nagoya — is that statement binding on anyone, who signed it besides the publishers, and "
        "what does it say about training-data transparency?"
    )
    assert answer.answered and not answer.missing_subject, answer.text[:120]
    assert "jp-aja-jca-joint-statement-2025" in [c.source_id for c in answer.citations], answer.citations
    # f4388 (https://lifestyle.batampos.co.id/jepang-murka-sora-2-openai-diduga-curi-karakter-anime-dan-manga):
    # a regional paper (地方紙) placed the asker in Indonesia, and the question was refused as its law
    _assert_led_by(
        corpus_engine,
        "インドネシアの地方紙で、城内大臣がアニメやマンガは代えがたい宝だって言ったって記事を見た。"
        "政府がOpenAIに要請した件って、報道以外に公式に確認できる記録はある？",
        "jp-diet-sora2-written-answers-ja",
        "答弁書",
    )


def test_registering_work_on_an_opt_out_site_is_no_copyright_registration(corpus_engine) -> None:
    # the opened sixty-second set's f4356 (https://github.com/the-turing-way/the-turing-way/pull/3115):
    # "if i register my paintings there" was read as copyright registration, and the four-country
    # comparison's registration section led; whether the site is up was not answered
    _assert_led_by(
        corpus_engine,
        "the turing way's data-governance chapter points artists at have i been trained. if i register my "
        "paintings there, who actually honours it besides stability, and is the site even up these days?",
        "spawning-dntr-aitxt",
        "Hugging Face",
        "maintenance",
    )


def test_a_last_yes_or_no_ask_after_and_is_answered(corpus_engine) -> None:
    # the opened sixty-second set's f4355 (https://github.com/ubyssey/ubyssey.ca/issues/1450): ", and
    # does crawl-delay work on it?" was dropped as a part, and Amazon's Crawl-delay section not shown
    _assert_led_by(
        corpus_engine,
        "a student paper's dev tracker complains amazon's crawler hits their archive all day. for my photo archive "
        "site: how do i stop amazon using it for AI but still show up in alexa answers, and does crawl-delay work "
        "on it?",
        "amazon-amazonbot",
        "does not support `Crawl-delay`",
    )


def test_whether_a_case_is_still_going_is_answered_by_its_status_section(corpus_engine) -> None:
    # the opened sixty-second set's f4346 (https://www.stockphotosecrets.com/news/getty-images-sues-stable-diffusion-in-the-us.html):
    # "is that US case still going" was answered with what Getty sues for, not where the case stands
    _assert_led_by(
        corpus_engine,
        "a stock-photo blog from 2023 says getty sued stability in delaware over 12 million images. i shoot for "
        "stock agencies out of portland — is that US case still going, and is it the same thing as the UK "
        "judgment everyone quoted?",
        "us-getty-v-stability-ai-us",
        "voluntarily dismissed",
        "separate",
    )


def test_what_goes_in_the_training_summary_is_its_contents(corpus_engine) -> None:
    # the opened sixty-second set's f4357 (https://www.shoosmiths.com/insights/articles/ai-confessions-what-your-model-did-last-summer):
    # "…have to publish their training summary, and what goes in it?" left "it" unnamed, and the
    # template's three sections were not shown
    _assert_led_by(
        corpus_engine,
        "a UK law firm blog jokes that AI models now have to confess what they did last summer under the EU "
        "template. as a songwriter in dublin, when do models already on the market have to publish their training "
        "summary, and what goes in it?",
        "eu-gpai-training-content-summary-template",
        "2 August 2027",
        "three sections",
    )


def test_where_the_news_was_read_or_who_framed_it_is_not_the_subject(corpus_engine) -> None:
    # fresh-user check 107: an outlet written with "The" before its name was refused by that name
    _assert_led_by(
        corpus_engine,
        "The Verge framed the Getty v Stability ruling in the UK as a big loss for artists. what did the court "
        "actually decide about the training part?",
        "uk-getty-v-stability-ai-judgment-2025",
        "dropped",
    )
    # the opened sixty-second set's f4379
    # (https://dhirubhai.net/pulse/ai-copyright-text-data-mining-exception-respect-training-katko-2wlkc?trk=news-guest_share-article):
    # an article read on LinkedIn led the answer with LinkedIn's AI-training setting
    answer = corpus_engine.answer(
        "LinkedInの記事で、EUとイギリスのTDM例外の違いを比べてた。イギリスの例外って非営利の研究だけなんだっけ？"
        "ロンドンで写真を撮ってるけど、サイトの利用規約で分析目的のコピーを止められる？"
    )
    assert answer.answered, answer.text[:120]
    cited = [c.source_id for c in answer.citations]
    assert "uk-cdpa-s29a-ja" in cited and not any(s.startswith("linkedin") for s in cited), cited


def test_the_platform_where_someone_said_it_is_not_asked_about(corpus_engine) -> None:
    # fresh-user trial 106: "someone on twitter said…" added X's Grok setting as a second section
    answer = corpus_engine.answer(
        "does glaze actually still work? someone on twitter said lightshed strips it off easily"
    )
    assert answer.answered, answer.text[:120]
    assert not any(c.source_id.startswith("x-") for c in answer.citations), answer.citations
    # field.yaml's f331 (https://redlib.cakez.net/r/singularity/comments/1ib00hw/eu_ai_act/m9gryqb/?context=3):
    # the rule asked of a claim made on reddit opened with "I have no source on reddit itself"
    answer = corpus_engine.answer(
        "someone on reddit says from august 2027 every older AI model has to follow the EU AI Act copyright rules "
        "or come off the market. when do those rules actually kick in, and what are the fines?"
    )
    assert answer.answered and "reddit" not in answer.text, answer.text[:200]


def test_official_advice_on_measures_against_scraping_in_japan(corpus_engine) -> None:
    # the opened sixty-second set's f4342 (https://github.com/eballai/NoAI/issues/1): Japan's official
    # advice on robots.txt and paywalls was led by the Sora 2 overview's "what can I do" section
    _assert_led_by(
        corpus_engine,
        "a watermark project that promised to keep AI scrapers off artwork got told in its own issue tracker that "
        "it can't work. from japan: does the government have official advice on what creators can do instead, "
        "like robots.txt or paywalls, and is there a point where anti-AI noise becomes a crime?",
        "jp-cao-rights-holder-material-2024",
        "paywalls",
    )


def test_whether_robots_txt_binds_is_answered_from_the_standard(corpus_engine) -> None:
    # the opened sixty-third set's f4420 (https://github.com/SSWConsulting/SSW.Rules.Content/pull/13183):
    # "is robots.txt binding at all?" was answered with what a block does to models already trained
    answer = corpus_engine.answer(
        "a consultancy's rules repo says a bot with its own robots.txt group ignores the * group completely. for "
        "my comic site in leeds: if claudebot gets its own block, do my * disallows still apply to it, and is "
        "robots.txt binding at all?"
    )
    assert answer.answered, answer.text[:120]
    assert [c.source_id for c in answer.citations] == ["ietf-rfc9309-robots-exclusion-protocol"], answer.citations
    assert "access authorization" in answer.text, answer.text[:600]


def test_the_acas_checklist_by_its_english_name(corpus_engine) -> None:
    # the opened sixty-third set's f4419 (https://github.com/AkihikoWatanabe/paper_notes/issues/1664): the
    # Agency for Cultural Affairs' "checklist & guidance" was answered from its General Understanding
    _assert_led_by(
        corpus_engine,
        "a paper-notes repo links an essay on japan as an AI hub thanks to its loose copyright rules. i freelance "
        "as an illustrator in kyoto — what does the agency for cultural affairs' checklist & guidance actually "
        "offer rights holders like me?",
        "jp-aca-checklist-guidance",
        "権利者のためのガイダンス",
    )


def test_what_licence_x_takes_and_what_adding_to_an_ai_image_protects(corpus_engine) -> None:
    # the opened sixty-third set's f4435 (https://aibase.com/news/12511): what licence X's terms take was
    # answered with where disputes go
    _assert_led_by(
        corpus_engine,
        "AIニュースサイトで、Xの新しい規約のせいで絵師がまたざわついてるって記事を読んだ。"
        "規約だとXにどんなライセンスを渡すことになるの？1万5000ドルの条項ってクリエイターを守るもの？",
        "x-terms-of-service-2024-ai-licence-ja",
        "1万5000",
        "サブライセンス",
    )
    # the opened fifty-ninth set's f4202
    # (https://quickreads.ext.katten.com/post/102jxv0/two-takeaways-from-the-u-s-copyright-offices-jan-2025-report-on-ai-created-wor):
    # what the Office says of an own drawing fed to the AI went unanswered
    _assert_led_by(
        corpus_engine,
        "アメリカの法律事務所のブログで、著作権局のAI報告書第2部の要点まとめを読んだ。プロンプトを作り込めばアメリカで"
        "著作者になれる？自分の下絵をAIに読み込ませた場合は？新しい法律は要るって言ってる？",
        "us-usco-ai-part2-copyrightability-ja",
        "出力の中",
    )


def test_whether_the_sora_2_request_is_on_the_official_record(corpus_engine) -> None:
    # the opened sixty-third set's f4418
    # (https://www.tgrthaber.com/teknoloji/openaiin-yeni-yapay-zeka-modelleri-japonyayi-kizdirdi-pikachuyu-calmayin-3256852):
    # "is that only press-conference talk or is it on the official diet record" was led by the
    # ministers' press conferences
    _assert_led_by(
        corpus_engine,
        "a turkish news site wrote that tokyo warned openai to keep sora away from pikachu and mario. is that only "
        "press-conference talk or is it on the official diet record, and how did the cabinet explain the digital "
        "minister's 'opt-in' remark?",
        "jp-diet-sora2-written-answers",
        "Ai Yawata",
        "prior permission",
    )


def test_a_platform_named_only_in_the_news_told_first_is_not_asked_about(corpus_engine) -> None:
    # the opened sixty-third set's f4415 (https://github.com/Automattic/jetpack/pull/50186): WordPress,
    # named only in the news the message starts from, was shown second, and what Hatena's setting
    # stops went unanswered
    answer = corpus_engine.answer(
        "jetpack now lets wordpress sites allow answer engines but block training crawlers separately. i blog "
        "short fiction on hatena blog in japan — is hatena's AI setting all-or-nothing, where is it, and does it "
        "actually block bots?"
    )
    assert answer.answered, answer.text[:120]
    cited = [c.source_id for c in answer.citations]
    assert cited[0] == "hatena-blog-ai-crawl-setting" and not any("wordpress" in s for s in cited), cited
    assert "generating answers" in answer.text, answer.text[:400]
    # ... and an asker's own platform, told in a sentence about themselves, still is
    answer = corpus_engine.answer("i host my portfolio on wordpress.com. how do i stop chatgpt training on my art?")
    assert any("wordpress" in c.source_id for c in answer.citations), answer.citations


def test_a_second_switch_of_the_same_platform_is_answered(corpus_engine) -> None:
    # the opened sixty-third set's f4416 (https://github.com/Automattic/wp-calypso/issues/85481): whether
    # note's AI revenue programme is a separate switch went unanswered
    _assert_led_by(
        corpus_engine,
        "wordpress.com users got annoyed when AI-bot rules were added to their robots.txt and asked for a toggle. "
        "i serialize essays on note in japan — what is note's AI refusal setting, does it really block crawlers, "
        "and is the AI revenue programme a separate switch?",
        "note-ai-learning-opt-out",
        "AI学習対価還元プログラムに参加する",
    )


def test_a_tool_named_in_the_news_told_first_brings_no_section(corpus_engine) -> None:
    # the opened sixty-third set's f4417 (https://github.com/VinAIResearch/Anti-DreamBooth/issues/2): a
    # Photoshop blur, told of in what others wondered, added Adobe Firefly's training policy
    answer = corpus_engine.answer(
        "people on the anti-dreambooth repo wonder whether a photoshop blur wipes out the protective noise. from "
        "japan: apart from noise, what does the cabinet office's material tell artists to do, and can the noise "
        "itself ever get me in legal trouble?"
    )
    assert answer.answered, answer.text[:120]
    cited = [c.source_id for c in answer.citations]
    assert cited[0] == "jp-cao-rights-holder-material-2024" and not any("adobe" in s for s in cited), cited
    # ... but a question pointing back at what the news named still asks about it (the opened
    # sixty-third set's f4408, https://www.tbsnews.net/tech/chatgpt-maker-openai-developing-media-manager-tool-content-creators-846246)
    answer = corpus_engine.answer(
        "a bangladeshi news site says openai is building 'media manager' so creators can say whether their work "
        "trains AI. i write and illustrate picture books in dhaka — can i use it yet, and what can i do with "
        "openai meanwhile?"
    )
    assert "openai-media-manager" in [c.source_id for c in answer.citations], answer.citations


def test_where_a_measure_was_read_about_is_no_subject(corpus_engine) -> None:
    # the opened sixty-third set's f4442 (https://github.com/mdn/content/pull/23039): MDN's documentation,
    # where the asker saw the change, opened the answer with "no source on MDN" and a list of tokens
    _assert_led_by(
        corpus_engine,
        "MDNのドキュメントで、robots.txtの参照先がドラフトから正式なRFCに変わったっていう修正を見た。"
        "robots.txtが正式な標準になったなら、AIのクローラーも守る義務があるってこと？",
        "ietf-rfc9309-robots-exclusion-protocol-ja",
        "RFC 9309",
    )
    # ... but a site whose own practice is asked about, pointing back, is still the subject
    answer = corpus_engine.answer("koficomicsのブログで、AIのクローラーをブロックし始めたって読んだ。それって本当？")
    assert "koficomics" in answer.text, answer.text[:200]


def test_a_near_tie_with_another_case_keeps_the_lead_case_for_its_other_part(corpus_engine) -> None:
    # the opened sixty-third set's f4441
    # (https://netzpolitik.org/2025/grundsatzentscheidung-gema-klagt-erfolgreich-gegen-openai/): what the
    # Munich court held in GEMA v. OpenAI was answered with the Hamburg court's LAION judgment
    answer = corpus_engine.answer(
        "ドイツのnetzpolitik.orgで、GEMAがOpenAIに勝ったっていう記事を読んだ。ミュンヘンの裁判所は何を侵害だと判断したの？"
        "判決はもう確定した？"
    )
    assert answer.answered, answer.text[:120]
    assert [c.source_id for c in answer.citations] == ["de-gema-v-openai-ja"], answer.citations
    assert "メモライゼーション" in answer.text, answer.text[:400]


def test_a_name_told_in_passing_is_found_beside_japanese_text(corpus_engine) -> None:
    # the opened fifty-first set's f3730 (https://github.com/mitchellkrogza/nginx-ultimate-bad-bot-blocker/issues/549):
    # 「AmazonbotやApplebot」 in the news told first was not found as a word (a Japanese character is
    # no word boundary for \w), and Amazon's crawler was shown second
    answer = corpus_engine.answer(
        "ボット遮断リストの議論で、AmazonbotやApplebotは出典を出すから様子見って言われてた。"
        "AppleのAI学習だけ断ってSiriやSpotlightには残る方法ある？"
    )
    assert answer.answered, answer.text[:120]
    assert [c.source_id for c in answer.citations] == ["apple-applebot-extended-ja"], answer.citations
    assert "Spotlight" in answer.text, answer.text[:400]


def test_a_person_named_by_trade_or_a_form_of_work_is_no_subject(corpus_engine) -> None:
    # the opened sixty-fourth set's f4473
    # (https://techpolicy.press/ai-training-and-copyright-infringement-solutions-from-asia): "a taipei-based
    # policy writer says…" was refused as "no source on writer", and "my webtoon art" as "no source on webtoon"
    answer = corpus_engine.answer(
        "a taipei-based policy writer says singapore and japan both let companies train on copyrighted stuff "
        "commercially. i license my webtoon art to clients in tokyo, paris and new york — which of those places "
        "gives me a legal way to refuse training, and what's the catch elsewhere?"
    )
    assert answer.answered, answer.text[:160]
    cited = [c.source_id for c in answer.citations]
    assert "jp-copyright-act-art30-4-47-5" in cited and "eu-dsm-directive-art3-art4" in cited, cited
    # ... but the platform, written as its name or placed as one, is still a subject no note covers
    for question, name in (
        ("does WEBTOON train AI on the comics i post there?", "WEBTOON"),
        ("does webtoon train AI on my comics?", "webtoon"),
    ):
        answer = corpus_engine.answer(question)
        assert not answer.answered and name in answer.text, answer.text[:160]


def test_a_kind_of_institution_told_of_is_no_subject(corpus_engine) -> None:
    # the opened sixty-fourth set's f4494 (https://github.com/pulibrary/princeton_ansible/issues/5976):
    # 「大学図書館のサーバー設定で…」 was refused as 「大学図書館についての出典は手元にない」; the message's
    # three asks (refusing, what was already collected, telling a fake CCBot) need the archive section too
    answer = corpus_engine.answer(
        "大学図書館のサーバー設定で、Common Crawlは「いいbot」だから通そうって提案が出てた。"
        "うちは同人誌の告知サイトだから逆に断りたい。すでに集められた分はどうなるのか、あとログのCCBotが偽物じゃないかの見分け方も知りたい"
    )
    assert answer.answered, answer.text[:160]
    cited = {c.source_id for c in answer.citations}
    assert cited <= {"optout-commoncrawl-ja", "commoncrawl-ccbot-ja"}, cited
    assert "crawl.commoncrawl.org" in answer.text and "スナップショット" in answer.text, answer.text[:600]


def test_an_ask_after_a_dash_or_whats_is_answered_in_a_third_section(corpus_engine) -> None:
    # the opened sixty-fourth set's f4478 (https://roastidio.us/topic/18093749): "i write game reviews in
    # helsinki — does perplexity train on my site" was read as told, not asked, and whether Perplexity
    # trains went unanswered
    _assert_led_by(
        corpus_engine,
        "a link aggregator reposted perplexity's bot docs saying changes take up to 24 hours. i write game reviews "
        "in helsinki — does perplexity train on my site, does their user-fetch bot obey robots.txt, and what did "
        "cloudflare catch them doing?",
        "perplexity-crawlers",
        "foundation models",
        "Cloudflare",
    )
    # ... and "what's the switch now" is an ask of its own (the opened sixty-fourth set's f4466,
    # https://taylor.town/chatgpt-opt-out): whether Temporary Chats train went unanswered
    _assert_led_by(
        corpus_engine,
        "an old personal blog says you once had to fill in a google form to keep chatgpt from training on your "
        "chats without wiping history. i paste poetry drafts into it from cork — what's the switch now, do "
        "temporary chats train, and does it stop gptbot reading my poetry site?",
        "openai-chatgpt-data-controls",
        "Improve the model for everyone",
        "30 days",
        "GPTBot",
    )


def test_an_event_where_something_was_heard_is_no_subject(corpus_engine) -> None:
    # fresh-user check 111: 「市立図書館のセミナーで、ミンネが…って聞いた」 was refused as
    # 「セミナー・ミンネについての出典は手元にない」; the platform asked about is refused by its name alone
    answer = corpus_engine.answer(
        "市立図書館のセミナーで、ミンネが出品作品をAI学習に使うかもって聞いた。ミンネは作品をAI学習に使ってる？"
    )
    assert not answer.answered, answer.text[:120]
    assert answer.text.startswith("ミンネについての出典は手元にない"), answer.text[:120]


def test_the_title_of_a_piece_read_is_no_subject(corpus_engine) -> None:
    # the opened sixty-fifth set's f4521
    # (https://centerconsulting.com/ai-library/milestones/2023-zarya-of-the-dawn-copyright): "a consultancy's
    # 'AI milestones' write-up" was refused as "no source on AI milestones"
    _assert_led_by(
        corpus_engine,
        "read a consultancy's 'AI milestones' write-up on the copyright office splitting that midjourney comic in "
        "two. which parts of that comic kept protection?",
        "us-usco-zarya-of-the-dawn",
        "arrangement",
    )
    _assert_led_by(
        corpus_engine,
        "saw a law firm's 'AI Rulings' newsletter on the zarya of the dawn decision. which parts of that comic kept "
        "copyright protection?",
        "us-usco-zarya-of-the-dawn",
        "arrangement",
    )


def test_a_kind_of_tool_after_a_platform_s_name_is_no_product(corpus_engine) -> None:
    # the opened sixty-fifth set's f4530 (https://github.com/Nandaka/PixivUtil2/issues/1189): "asked a pixiv
    # downloader to add an AI filter" was labelled "I have no source on downloader", and pixiv's AI label
    # and filter went unsaid
    for question in (
        "someone asked a pixiv downloader to add an AI filter like the R-18 one and was told to just use the "
        "website setting. i draw fan art on pixiv from manila — how does pixiv tag AI works and let people hide "
        "them, and does pixiv give me any switch to keep my own uploads out of training?",
        "asked a pixiv scraper tool to add an AI filter. how does pixiv label AI works so people can hide them?",
    ):
        answer = corpus_engine.answer(question)
        assert answer.answered, answer.text[:160]
        assert "no source on" not in answer.text, answer.text[:160]
        assert "filter" in answer.text and "AI生成作品" in answer.text, answer.text[:600]


def test_a_service_told_of_does_not_take_the_asker_s_prompts(corpus_engine) -> None:
    # the opened sixty-fifth set's f4522 (https://github.com/basujindal/stable-diffusion/issues/222): a
    # Stable Diffusion fork told of before asking the US Copyright Office about "my prompts" was refused as
    # "no source on what stable diffusion does with what you type"
    for question in (
        "the maintainer of a popular stable diffusion fork basically said 'no idea' when asked who owns the output "
        "images. i sell generated prints at craft fairs in oregon — does the US copyright office think my prompts "
        "make me the author, and which bits of what i make could still be mine?",
        "the dev of a popular stable diffusion fork said nobody knows who owns the outputs. does the US copyright "
        "office think my prompts make me the author?",
    ):
        answer = corpus_engine.answer(question)
        assert answer.answered, answer.text[:160]
        assert answer.citations[0].source_id.startswith("us-usco-"), answer.citations


def test_where_a_work_is_sold_is_context_of_its_copyright_status(corpus_engine) -> None:
    # the opened sixty-fifth set's f4561 (https://remix-hn-clone.vercel.app/item/47594877): 「AmazonのKDPで
    # AI漫画を売ってるけど、…コマの配置は守られる？」 after the US Copyright Office's report was refused as
    # 「KDPについての出典は手元にない」
    _assert_led_by(
        corpus_engine,
        "Hacker Newsのコメントで、米国著作権局の第2部の報告書の結論が引用されてて"
        "「プロンプトだけではまず無理」ってあった。AmazonのKDPでAI漫画を売ってるけど、描き足した部分やコマの配置は守られる？新しい法律が必要って話になってる？",
        "us-usco-ai-part2-copyrightability-ja",
        "配置",
        "新たな立法",
    )


def test_a_platform_work_is_taken_off_is_left(corpus_engine) -> None:
    # the opened sixty-fifth set's f4534 (https://winenfood.com/a-detailed-breakdown-of-cara-software-features):
    # "moving my concept art portfolio off instagram" was led by Meta's private-account section, not Cara's
    answer = corpus_engine.answer(
        "a food blogger wrote a long breakdown of cara's features and its 'no-AI' stance. i'm moving my concept art "
        "portfolio off instagram from melbourne — do cara's NoAI tags actually stop scrapers, will it glaze my "
        "uploads, and can people sneak AI pieces in?"
    )
    assert [c.source_id for c in answer.citations] == ["cara-ai-policy"], answer.citations
    assert "NoAI" in answer.text and "Glaze" in answer.text, answer.text[:600]
    # ... and so is one a portfolio moves off to go elsewhere
    answer = corpus_engine.answer(
        "moving my portfolio off twitter — does cara let AI companies train on stuff i upload?"
    )
    assert [c.source_id for c in answer.citations] == ["cara-ai-policy"], answer.citations


def test_whitehall_names_the_uk_government(corpus_engine) -> None:
    # the opened sixty-fifth set's f4527
    # (https://www.addleshawgoddard.com/en/insights/insights-briefings/2026/intellectual-property/report-copyright-ai-tale-creativity-innovation/):
    # "whitehall's march 2026 AI-and-copyright paper" was refused as "no source on whitehall"
    for question in (
        "lawyers in london summed up whitehall's march 2026 AI-and-copyright paper as 'a pause and reset'. i paint "
        "book covers in leeds — is a training opt-out law coming to britain after all, how many consultation replies "
        "backed it, and is section 9(3) protection for computer-made works on the chopping block?",
        "lawyers in london summed up whitehall's march 2026 AI-and-copyright paper as 'a pause and reset'. i paint "
        "book covers in leeds — is a training opt-out law coming to britain after all, and is section 9(3) "
        "protection for computer-made works on the chopping block?",
        "whitehall's 2026 copyright report — is the uk opt-out plan going ahead?",
    ):
        _assert_led_by(corpus_engine, question, "uk-copyright-ai-report-2026")
        # ... as the government itself, not a name the sources lack beside its general rule
        assert "whitehall" not in corpus_engine.answer(question).text.casefold()


def test_two_asks_joined_by_noka_are_answered_each(corpus_engine) -> None:
    # the opened sixty-fifth set's f4563 (https://www.findarticles.com/sora-needs-copyright-holders-to-opt-out-of-inclusion):
    # 「そのあとOpenAIは何を約束したのか、日本政府はOpenAIに何か求めたのかが知りたい」 was read as one ask and
    # answered with the Disney deal alone
    answer = corpus_engine.answer(
        "海外ニュースで、Soraは権利者がオプトアウトしないと自分のキャラが出てくる方式で始まったって記事を読んだ。"
        "日本の漫画家としては、そのあとOpenAIは何を約束したのか、日本政府はOpenAIに何か求めたのかが知りたい"
    )
    assert answer.citations[0].source_id == "openai-sora-rightsholder-controls-ja", answer.citations
    assert "収益" in answer.text and "オプトイン" in answer.text, answer.text[:600]
    assert "ディズニー" not in answer.text, answer.text[:600]


def test_a_law_named_only_in_a_quoted_list_title_is_where_the_asker_read(corpus_engine) -> None:
    # the opened sixty-fifth set's f4526 (https://github.com/GenAI-Gurus/awesome-eu-ai-act/pull/18): "an
    # 'awesome EU AI act' list just added the commission's public summary template…" was led by the AI
    # Act's rule on models trained outside the EU, not the template it asks about
    for question in (
        "an 'awesome EU AI act' list just added the commission's public summary template for training content. i "
        "draw children's books in lyon — will model makers have to say what they trained on, what goes in that "
        "summary, and can i use it to check whether my site got scraped?",
        "the 'EU AI Act weekly' newsletter linked the commission's public summary template for training content. "
        "what goes in that summary, and can i use it to see if my art was scraped?",
    ):
        _assert_led_by(corpus_engine, question, "eu-gpai-training-content-summary-template")


def test_a_quoted_newsletter_title_is_no_subject(corpus_engine) -> None:
    # fresh-user check 113: "a blog's 'AI Law Roundup' newsletter said…" was labelled "no source on Law
    # Roundup" before the AI Act's rule it asks about
    answer = corpus_engine.answer(
        "a blog's \"AI Law Roundup\" newsletter said the EU AI Act now forces AI companies to respect creators' "
        "opt-outs. is that true? what do they actually have to do?"
    )
    assert answer.answered and answer.citations[0].source_id == "eu-ai-act-art53", answer.citations
    assert "Roundup" not in answer.text and not answer.general_rule, answer.text[:160]
    # ... and a platform the notes lack is refused by its own name, not the newsletter's
    answer = corpus_engine.answer("the 'Creator Rights Weekly' newsletter says Fanvue now trains on uploads. does it?")
    assert not answer.answered and answer.missing_subject == "Fanvue", answer.text[:160]


def test_where_a_work_is_sold_is_context_of_its_status_in_a_covered_place(corpus_engine) -> None:
    # fresh-user check 113: "i publish picture books on KDP… does UK law give me copyright in those?" and
    # 「BOOTHで同人誌売ってて…日本だとこういうのって著作権で保護されるの？」 were labelled "no source on KDP"
    # and 「BOOTHそのものについての出典はありません」 before the law's answer
    for question, lead in (
        (
            "i publish picture books on KDP and used AI for some of the illustrations. does UK law give me "
            "copyright in those?",
            "uk-copyright-ai-report-2026",
        ),
        (
            "BOOTHで同人誌売ってて、表紙だけAIで作って手で加筆したんだけど、日本だとこういうのって著作権で保護されるの？",
            "jp-aca-ai-copyright-general-understanding-ja",
        ),
    ):
        answer = corpus_engine.answer(question)
        assert answer.answered and answer.citations[0].source_id == lead, answer.citations
        assert not answer.general_rule and "KDP" not in answer.text and "BOOTH" not in answer.text, answer.text[:160]


def test_whether_selling_on_a_platform_the_notes_lack_is_all_right_is_refused_by_name(corpus_engine) -> None:
    # fresh-user trial 112: 「AIで作った絵をLINEスタンプにして売っても大丈夫？」 was given the AI-training
    # opt-out overview as the general rule; whether a store takes AI-made work is its own rule
    for question, name in (
        ("AIで作った絵をLINEスタンプにして売っても大丈夫？", "LINE"),
        ("AIで描いた絵をminneで販売しても問題ない？", "minne"),
    ):
        answer = corpus_engine.answer(question)
        assert not answer.answered and answer.text.startswith(f"{name}についての出典は手元にない"), answer.text[:120]


def test_where_the_asker_hosts_told_before_a_dash_is_no_subject(corpus_engine) -> None:
    # the opened sixty-sixth set's f4597 (https://github.com/neocities/neocities/issues/522): "my
    # pixel-art site is on neocities from ohio — what has bytedance actually documented…?" was refused
    # as "no source on neocities"; what the asking sentence tells before a dash is told, as a sentence is
    for question in (
        "my pixel-art site is on neocities from ohio — what has bytedance actually documented about bytespider, "
        "and what else can i do?",
        "my zine archive lives on neocities — does bytespider respect robots.txt at all?",
    ):
        answer = corpus_engine.answer(question)
        assert answer.answered, answer.text[:160]
        assert answer.citations[0].source_id in ("optout-bytedance", "bytedance-bytespider"), answer.citations
        assert "neocities" not in answer.text.casefold(), answer.text[:160]
    # ... and the name still counts when the words after the dash ask of it
    answer = corpus_engine.answer("i moved my art to neocities — does neocities train AI on my pages?")
    assert not answer.answered and answer.missing_subject.casefold() == "neocities", answer.text[:160]


def test_who_wrote_the_piece_read_in_japanese_is_no_subject(corpus_engine) -> None:
    # the opened sixty-sixth set's f4630
    # (https://internationalpublishers.org/el-gobierno-del-reino-unido-abandona-la-excepcion-de-derechos-de-autor-para-la-mineria-de-texto-y-datos/):
    # 「国際出版社協会がスペイン語で出した記事に…」 opened with 「国際出版社協会そのものについての出典はありません」
    for question in (
        "国際出版社協会がスペイン語で出した記事に、英国政府が商用にも使えるTDM例外の導入をやめたってあった。"
        "ということは、いまの英国法でAI企業が私の作品を許可なく学習に使えるのはどういう場合？",
        "国際出版社協会の記事に、英国政府がTDM例外の拡大をやめたってあった。いまの英国法だとAI学習は許可なしでできるの？",
    ):
        answer = corpus_engine.answer(question)
        assert answer.answered and answer.citations[0].jurisdiction == "UK", answer.citations
        assert not answer.general_rule and "国際出版社協会" not in answer.text, answer.text[:160]
    # ... but an organisation asked about is still one the notes have no source on
    answer = corpus_engine.answer("国際出版社協会はAI学習についてどんな立場なの？")
    assert not answer.answered and answer.missing_subject == "国際出版社協会", answer.text[:160]


def test_the_court_the_asking_sentence_names_is_the_one_asked_about(corpus_engine) -> None:
    # the opened sixty-sixth set's f4614
    # (https://www.launion.com.mx/blogs/tecnologia/noticias/273338-getty-images-lleva-a-juicio-a-stability-ai-por-uso-indebido-de-imagenes-protegidas.html):
    # the UK trial told of first led a question about the American suit
    for question in (
        "メキシコの新聞のブログで、ゲッティ対Stability AIはイギリスで裁判が始まったけど"
        "アメリカでも訴えてるって書いてあった。アメリカの方の裁判は今どこの裁判所でやってて、ゲッティは何を主張してるの？",
        "ゲッティ対Stability AIはイギリスで判決が出たらしい。アメリカの裁判はどこでやってるの？",
    ):
        _assert_led_by(corpus_engine, question, "us-getty-v-stability-ai-us-ja")
    # ... but a question pointing back at the news asks of the place told in it (the opened
    # sixty-fourth set's f4504 kept the UK regulator's note first)
    answer = corpus_engine.answer(
        "パキスタンのニュースサイトに、イギリスの規制当局がGoogleに"
        "AI Overviewsからのオプトアウトを認めさせたって記事があった。その仕組み、日本のサイトでも使えるの？"
    )
    assert answer.answered and answer.citations[0].source_id == "uk-cma-google-publisher-controls-2026-ja", (
        answer.citations
    )


def test_the_lawmaker_named_by_surname_and_title_is_the_news_note(corpus_engine) -> None:
    # the opened sixty-sixth set's f4620
    # (https://anmosugoi.com/noticias/anime/japon-pide-a-openai-proteger-personajes-anime-videojuegos):
    # 「塩崎議員」 was not read as the lawmaker, and the government's request led
    for question in (
        "スペイン語のアニメニュースで、日本政府がSora 2の件でOpenAIに要請した記事に塩崎議員の名前も出てた。"
        "議員は具体的に何て言ってたの？",
        "Sora 2の件で塩崎議員が何か言ってたらしいけど、何て言ったの？",
    ):
        _assert_led_by(corpus_engine, question, "jp-sora2-news-context-ja", "塩崎")


def test_a_verb_in_the_past_after_a_company_is_no_product(corpus_engine) -> None:
    # the opened sixty-sixth set's f4587 (https://noticiasia.net/?p=5294) and the opened forty-fifth's
    # f3089 (https://www.thedailystar.net/tech-startup/news/public-contents-facebook-instagram-uk-be-used-train-ai-meta-3704481):
    # "meta restarted training…" opened with "I have no source on restarted"
    for question in (
        "spanish AI blog says meta restarted training on UK facebook and instagram posts. i objected back in june "
        "— do i have to send it again, and did the ICO actually approve this?",
        "the ICO paused meta's plans in 2024, then meta restarted training on uk accounts anyway. does that mean "
        "the UK data regulator blessed it as lawful?",
    ):
        answer = corpus_engine.answer(question)
        assert answer.answered and answer.citations[0].source_id == "meta-uk-ai-training-objection-2024", (
            answer.citations
        )
        assert "restarted" not in answer.text and not answer.missing_subject, answer.text[:160]
    # ... while a product's name after a company still is ("amazon kdp")
    answer = corpus_engine.answer("does amazon kdp train AI on the books i publish?")
    assert answer.missing_subject.casefold() == "kdp", answer.text[:160]


def test_where_the_asker_posts_does_not_lead_an_actually_legal_question(corpus_engine) -> None:
    # fresh-user trial 114: "i live in tokyo and post on pixiv, is it actually legal for AI companies to
    # train on my art in japan?" was led by pixiv's terms and never named Article 30-4
    for question in (
        "i live in tokyo and post on pixiv, is it actually legal for AI companies to train on my art in japan?",
        "my stuff is on pixiv, is it really legal in japan for AI companies to scrape and train on it?",
    ):
        _assert_led_by(corpus_engine, question, "jp-copyright-act-art30-4-47-5")


def test_what_the_uk_government_is_doing_now_is_the_2026_report(corpus_engine) -> None:
    # fresh-user trial 114: "writer in london, what is the UK government actually doing about AI training and
    # copyright?" was led by the 2024 consultation's four options, the 2026 report only a "see" line
    for question in (
        "writer in london, what is the UK government actually doing about AI training and copyright?",
        "uk songwriter here, whats the government doing about AI and copyright these days?",
    ):
        _assert_led_by(corpus_engine, question, "uk-copyright-ai-report-2026", "2026")


def test_whether_note_has_an_opt_out_is_answered_with_the_setting(corpus_engine) -> None:
    # fresh-user trial 114: 「noteで小説書いてるけど、AI学習のオプトアウトってできる？」 was led by note's
    # revenue-sharing programme and never gave the setting's path
    for question in (
        "noteで小説書いてるけど、AI学習のオプトアウトってできる？",
        "noteでエッセイ書いてる。AI学習のオプトアウトってある？",
    ):
        _assert_led_by(corpus_engine, question, "note-ai-learning-opt-out-ja", "設定 → アカウント")
        answer = corpus_engine.answer(question)
        assert answer.citations[0].heading == "noteの記事をAI学習に使わないでほしいと示すには？", answer.citations


def test_where_the_asker_posts_does_not_lead_a_japanese_question_about_the_law(corpus_engine) -> None:
    # fresh-user check 115: 「日本で本当にAIが自分の絵を学習するのって合法なの？pixivに上げてる」 was led by
    # pixiv's terms, Article 30-4 second; the platform where the work is posted is context, even where
    # its own section is closer in wording
    for question in (
        "日本で本当にAIが自分の絵を学習するのって合法なの？pixivに上げてる",
        "pixivに絵を上げてるけど、日本でAIが勝手に学習するのって違法じゃないの？",
    ):
        _assert_led_by(corpus_engine, question, "jp-copyright-act-art30-4-47-5-ja")
    # ... but a question about the platform's own rule is still the platform's
    answer = corpus_engine.answer("pixivの規約だと、投稿した作品をAI学習に使うのは禁止されてる？")
    assert answer.answered and answer.citations[0].source_id == "pixiv-ai-policies-ja", answer.citations


def test_another_platforms_section_writing_a_named_alias_does_not_lead(corpus_engine) -> None:
    # the opened sixty-seventh set's f4645 (https://github.com/Yoast/wordpress-seo/issues/4699): Amazon's
    # "Does a noarchive meta tag stop Amazon training AI…?" writes NOARCHIVE, an alias of Bing's note, and
    # led a question naming Bing and never Amazon
    for question in (
        "yoast users have been asking since 2016 for a sitewide noarchive switch. i run a wordpress art blog "
        "from cardiff — which meta tag keeps bing's chat answers and microsoft's AI training off my pages, and "
        "do i drop out of bing search if i add it?",
        "which meta tag keeps bing chat and microsoft's AI training off my art blog, and does noarchive knock "
        "me out of bing search?",
    ):
        _assert_led_by(corpus_engine, question, "microsoft-bing-ai-content-controls", "NOARCHIVE")


def test_a_portfolio_kept_from_bing_chat_is_the_askers_pages_not_their_input(corpus_engine) -> None:
    # the opened sixty-seventh set's f4673 (https://github.com/loculus-project/loculus/pull/2194): a portfolio
    # kept out of Bing's chat answers with noarchive was refused as what the asker types into Bing
    for question in (
        "研究データベースのサイトのPRで、robotsメタタグにnoarchiveを足してるのを見た。自分のポートフォリオをBingの"
        "チャット回答やMicrosoftのAI学習に使われたくないんだけど、noarchiveとnocacheのどっちを付ければいい？"
        "Bingの検索からは消えない？",
        "ポートフォリオをBingのチャット回答に使われたくない。noarchiveとnocache、どっちを付ければいい？",
    ):
        _assert_led_by(corpus_engine, question, "microsoft-bing-ai-content-controls-ja", "NOARCHIVE")


def test_a_publisher_told_before_asking_about_the_joint_statement_and_openai_is_no_subject(corpus_engine) -> None:
    # the opened sixty-seventh set's f4677 (https://anime.atsit.in/es/?p=133442): publishers told of in the
    # news, then the joint statement and OpenAI asked about, was refused as 「集英社」; and the statement's
    # section on OpenAI's switch answers the second ask
    for question in (
        "スペイン語のアニメニュースで、集英社や講談社なんかがOpenAIに厳しい措置をとるって出てた。同人やってる身として、"
        "アニメ・漫画業界の共同声明はAI事業者に何を求めてて、OpenAIは結局オプトインに切り替えたの？",
        "海外のニュースで小学館や集英社がOpenAIに抗議してるって見た。アニメ・漫画業界の共同声明はAI事業者に何を"
        "求めてて、OpenAIはオプトインに切り替えたの？",
    ):
        _assert_led_by(corpus_engine, question, "jp-aja-jca-joint-statement-2025-ja", "オプトイン", "正式な方針")


def test_when_meta_started_training_in_the_eu_is_dated_in_japanese(corpus_engine) -> None:
    # the opened eleventh set's f1319: led by the objection form, the answer gives the start date from the
    # section on what Meta trains on, in the asker's language
    for question in (
        "EUに住んでる友達に教えたい。MetaがFacebookとインスタの公開投稿でAIの学習を始めたのって、いつから？",
        "EU在住。Metaがインスタの公開投稿でAI学習を始めたのはいつから？",
    ):
        _assert_led_by(corpus_engine, question, "meta-eu-ai-training-objection-ja", "2025年5月27日")


def test_art_on_fanbox_used_by_ai_is_answered_with_pixivs_training_rule(corpus_engine) -> None:
    # fresh-user trial 116: 「FANBOXに上げた絵がAIに使われるのを防ぐには？」 was answered with whether
    # AI-generated works may be sold on FANBOX; the asker's art used by AI is training
    for question in (
        "FANBOXに上げた絵がAIに使われるのを防ぐには？",
        "pixivFANBOXで公開してるイラストをAIに使わせない方法ある？",
    ):
        answer = corpus_engine.answer(question)
        headings = [c.heading for c in answer.citations]
        assert "pixivの規約では、投稿した作品をAI学習に使うことは禁止されている？" in headings, headings
        assert "pixivFANBOXやpixivリクエストでAI生成作品は扱える？" not in headings, headings


def test_what_kind_of_group_wrote_the_news_is_no_subject(corpus_engine) -> None:
    # the opened sixty-seventh set's f4658
    # (https://latinartis.org/tecnologia-y-derecho/abel-martin-una-version-final-para-el-codigo-de-buenas-practicas):
    # "latin artis, a performers' rights group, wrote that…" was refused as "no source on performers' rights"
    for question in (
        "latin artis, a performers' rights group, wrote that openai will sign the EU's AI code of practice. i'm a "
        "session musician in valencia — what do signatories commit to on copyright, do they have to follow my "
        "robots.txt, and is the code even binding?",
        "aie, a spanish performers' rights society, wrote that the AI code of practice is coming. does the code "
        "make signatories obey robots.txt?",
    ):
        _assert_led_by(corpus_engine, question, "eu-gpai-code-of-practice-copyright", "RFC 9309")
    # ... but performers' rights asked about are still refused by name
    answer = corpus_engine.answer("do performers' rights protect my vocals from being cloned by AI in the EU?")
    assert not answer.answered, answer.text[:200]


def test_whether_robots_txt_became_a_standard_is_answered_by_rfc_9309(corpus_engine) -> None:
    # the opened sixty-seventh set's f4650 (https://developers.google.cn/search/blog/2019/07/rep-id?hl=es-419):
    # Google's 2019 post on making robots.txt a standard, told first, drowned the asking sentence and the
    # AI-crawler overview led
    for question in (
        "found google's 2019 post (in spanish) about pushing robots.txt to become a real internet standard. i "
        "block AI bots on my comic site in buenos aires — did it ever become official, and if so do the bots "
        "now have to obey it?",
        "saw an old post about making robots.txt an official standard. did that happen? are crawlers forced to "
        "follow it now?",
    ):
        _assert_led_by(corpus_engine, question, "ietf-rfc9309-robots-exclusion-protocol", "RFC 9309", "September 2022")


def test_a_writer_set_off_by_what_it_is_gets_no_label(corpus_engine) -> None:
    # fresh-user check 117: "Creative Commons Watch, a photographers' collective, wrote that…" opened with "I
    # have no source on Commons Watch itself"; a writer named before what kind of group it is, then what it
    # reports, is where the news was read
    for question, writer in (
        (
            "Brushline, an artists' union, says the UK government wanted AI firms to train on everything unless "
            "we opt out. what did the consultation actually propose?",
            "Brushline",
        ),
        (
            "Creative Commons Watch, a photographers' collective, wrote that AI companies signing the EU code must "
            "respect robots.txt. is that true?",
            "Commons Watch",
        ),
    ):
        answer = corpus_engine.answer(question)
        assert answer.answered and writer not in answer.text, answer.text[:200]


def test_how_to_write_a_robots_txt_blocking_every_ai_crawler_gives_the_lines_in_japanese(corpus_engine) -> None:
    # fresh-user trial 116: 「ブログのrobots.txtでAIクローラーを全部ブロックする書き方教えて」 was led by the
    # ai.robots.txt project's description and showed no robots.txt line
    for question in (
        "ブログのrobots.txtでAIクローラーを全部ブロックする書き方教えて",
        "自分のサイトのrobots.txt、AIクローラーを全部断る書き方わかる人いる？",
    ):
        _assert_led_by(corpus_engine, question, "overview-robots-txt-ai-crawlers-ja", "User-agent: GPTBot")


def test_a_magazine_by_its_field_or_a_paper_s_site_is_where_the_news_was_read(corpus_engine) -> None:
    # the opened sixty-eighth set's f4732 (https://fastcompanybrasil.com/?p=221699): 「ブラジル版のビジネス誌に…」
    # was refused as a question about Brazil's law; and f4740
    # (https://www.oliberal.com/tecnologia-e-mercado/x-veja-como-desativar-a-funcao-que-coleta-dados-de-usuario-para-treinar-inteligencia-artificial-1.842438):
    # 「ブラジルの新聞サイトに…」 ended with "Brazil's law is outside the sources"
    for question in (
        "ブラジル版のビジネス誌に、ハリウッドの二大スタジオが画像生成AIを「盗作の底なし沼」扱いで提訴したって載ってた。"
        "たまにMidjourneyでFAも描くので気になるけど、スタジオ側の主張と裁判の今の状況を知りたい。",
        "ドイツの経済誌に、ディズニーとユニバーサルがMidjourneyを訴えたって載ってた。スタジオ側は何を主張してるの？",
        "ブラジルの新聞サイトに、XがGrokの学習に投稿を使う設定を最初からオンにしてるって書いてあった。アプリのどこで外せる？",
    ):
        answer = corpus_engine.answer(question)
        assert answer.answered, answer.text[:120]
        assert "ブラジル" not in answer.text and "ドイツ" not in answer.text, answer.text[-300:]


def test_a_lead_from_the_press_on_a_platform_is_followed_by_the_platform_s_own_answer(corpus_engine) -> None:
    # the opened sixty-eighth set's f4740
    # (https://www.oliberal.com/tecnologia-e-mercado/x-veja-como-desativar-a-funcao-que-coleta-dados-de-usuario-para-treinar-inteligencia-artificial-1.842438):
    # led by press reports on where X's Grok setting is, its second ask (a private account) went
    # unanswered, though X's own note answers it
    for question in (
        "XのGrok学習の設定、前はウェブ版でしか変えられなかったって聞いた。今はアプリでも外せる？鍵アカにすれば学習されない？",
        "Xのアプリに、Grokの学習をオフにする項目が見当たらないんだけど、どこにある？鍵アカにしたら学習に使われないの？",
    ):
        answer = corpus_engine.answer(question)
        cited = [c.source_id for c in answer.citations]
        assert "x-grok-training-setting-ja" in cited and "鍵" in answer.text, (cited, answer.text[:300])


def test_a_case_named_by_its_party_s_possessive_is_that_party_s(corpus_engine) -> None:
    # the opened sixty-eighth set's f4706
    # (https://news.bloomberglaw.com/ip-law/high-court-shouldnt-weigh-ais-copyright-author-status-us-says):
    # "stephen thaler's AI-author case" was refused as "no source on the stephen thaler ai-author case"
    for question in (
        "bloomberg law reported the US solicitor general urging the supreme court to skip stephen thaler's "
        "AI-author case. did the court take it?",
        "did the supreme court ever hear stephen thaler's machine-authorship case?",
    ):
        _assert_led_by(corpus_engine, question, "us-thaler-v-perlmutter", "2 March 2026")


def test_a_clone_of_someone_s_voice_is_refused_as_voice_rights(corpus_engine) -> None:
    # fresh-user trial 118: "someone made an AI clone of my voice for a youtube video, what are my rights?" was
    # answered with the Copyright Office's registration steps
    for question in (
        "someone made an AI clone of my voice for a youtube video, what are my rights? im in the US",
        "found an ai clone of my singing voice on tiktok, can i get it taken down?",
    ):
        answer = corpus_engine.answer(question)
        assert not answer.answered and "voice" in answer.text, answer.text[:200]


def test_whether_generated_art_is_protected_is_not_led_by_whether_training_is_fair_use(corpus_engine) -> None:
    # fresh-user trial 118: "is it legal to sell prints of AI art i generated? … does anyone even own the
    # copyright on it" was led by the Copyright Office's section on whether training is fair use
    for question in (
        "is it legal to sell prints of AI art i generated? im in the US, does anyone even own the copyright on it",
        "is it legal to sell AI art i generated on etsy? US here, and who owns the copyright on it",
    ):
        _assert_led_by(corpus_engine, question, "us-usco-ai-part2-copyrightability", "human authorship")


def test_who_else_sues_midjourney_gets_the_warner_bros_case(corpus_engine) -> None:
    # the opened sixty-eighth set's f4701
    # (https://exame.com/pop/hollywood-contra-ia-disney-e-universal-processam-midjourney-por-violacao-de-direitos-autorais/):
    # "…and is anyone else suing too?" got Disney and Universal's claims without Warner Bros. Discovery's suit
    for question, warner in (
        (
            "disney and universal sued midjourney — what are they accusing it of, and is anyone else suing too?",
            "Warner",
        ),
        (
            "ディズニーとユニバーサルがMidjourneyを訴えたって聞いた。Midjourneyを訴えてるところはほかにもあるの？",
            "ワーナー",
        ),
    ):
        answer = corpus_engine.answer(question)
        assert answer.citations[0].source_id.startswith("us-disney-universal-v-midjourney"), answer.citations
        assert warner in answer.text, answer.text[:300]


def test_a_comic_that_lost_protection_for_its_ai_images_is_zarya_of_the_dawn(corpus_engine) -> None:
    # the opened sixty-eighth set's f4744
    # (https://nerdor.com.br/quadrinhos-criados-por-ia-perdem-os-direitos-de-protecao-de-direitos-autorais-de-suas-imagens):
    # a US comic that lost protection for its AI images, unnamed, was led by Andersen v. Stability AI
    for question in (
        "ブラジルのオタク系ニュースで、AIで絵を描いた米国のコミックが画像の著作権保護を失ったって読んだ。"
        "Midjourneyの絵を使って漫画を描いてるけど、どの部分なら保護されるの？画像に手を加えれば認められる？",
        "米国で、AI画像を使ったコミックが画像の著作権保護を失ったらしい。画像に手を加えれば保護される？",
    ):
        answer = corpus_engine.answer(question)
        assert answer.citations[0].source_id == "us-usco-zarya-of-the-dawn-ja", answer.citations


def test_a_setting_asked_for_after_a_platform_s_statement_is_that_platform_s(corpus_engine) -> None:
    # the opened sixty-eighth set's f4735 (https://dev2dev.com.br/?p=8931): after Bluesky's statement, 「AI学習NGを
    # 示す設定はある？」 got the general overview of opt-outs, not Bluesky's answer on marking an account
    for question, proposed in (
        (
            "ブラジルの開発者向けブログで、Blueskyはユーザーのデータで生成AIを学習させないと宣言したって読んだ。"
            "Xから移ってイラストを上げてるけど、それで他社に学習されるのも防げる？AI学習NGを示す設定はある？",
            "2025年3月",
        ),
        (
            "Blueskyは生成AIの学習に投稿を使わないって言ってるけど、他社の学習は防げる？AI学習NGを示せる設定はある？",
            "2025年3月",
        ),
    ):
        answer = corpus_engine.answer(question)
        assert answer.citations[0].source_id == "bluesky-ai-training-stance-ja", answer.citations
        assert proposed in answer.text, answer.text[:400]


def test_a_part_asking_of_they_asks_it_of_the_place_told_before(corpus_engine) -> None:
    # fresh-user trial 118: "UK illustrator, what's happening with the government AI copyright consultation, are
    # they gonna let AI train on our stuff unless we opt out??" got what followed the consultation, not the 2026
    # report's answer that the opt-out was dropped
    for question in (
        "UK illustrator, what's happening with the government AI copyright consultation, are they gonna let AI "
        "train on our stuff unless we opt out??",
        "UK painter, what's going on with the government's consultation on AI and copyright, are they gonna let AI "
        "train on our paintings unless we opt out??",
        "uk writer here, any news on the government AI copyright consultation? are they gonna let AI companies "
        "train on our books unless we opt out?",
    ):
        cited = [c.source_id for c in corpus_engine.answer(question).citations]
        assert cited[:1] == ["uk-ipo-copyright-ai-consultation-2024"], cited
        assert "uk-copyright-ai-report-2026" in cited, cited


def test_a_clone_of_the_asker_s_voice_is_refused_in_japanese_too(corpus_engine) -> None:
    # fresh-user check 119: 「誰かが私の声をAIでクローンして勝手に歌わせてる。これって止められる？」 got the training
    # rules by country, though the English question is refused as voice rights
    for question in (
        "誰かが私の声をAIでクローンして勝手に歌わせてる。これって止められる？",
        "僕の声でAIボイスクローン作られて動画に使われてた。どうすればいい？",
    ):
        answer = corpus_engine.answer(question)
        assert not answer.answered and "声の権利" in answer.text, answer.text[:200]


def test_a_capital_written_in_katakana_is_its_country(corpus_engine) -> None:
    # fresh-user check 119: 「ゲッティがロンドンで起こした写真の裁判って結局どうなったの？」 was led by the US case, as
    # 「ロンドン」 named no place; a capital in katakana stands for its country, as the English capital does
    _assert_led_by(
        corpus_engine,
        "ゲッティがロンドンで起こした写真の裁判って結局どうなったの？",
        "uk-getty-v-stability-ai-judgment-2025-ja",
        "2025年11月4日",
    )
    # ... and an asker in an uncovered country's capital gets the uncovered-country reply
    for question in (
        "ナイロビでイラストを描いてるけど、AIの学習に自分の絵を使われるのは合法？",
        "ハノイ在住の漫画家です。自分の絵がAIに学習されるのって違法じゃないの？",
    ):
        answer = corpus_engine.answer(question)
        assert not answer.answered and "についてのご質問ですね" in answer.text, answer.text[:120]


def test_who_won_a_ruling_already_given_is_no_prediction(corpus_engine) -> None:
    # fresh-user check 119: 「ロンドンでのゲッティとStabilityの裁判、判決はどっちが勝ったの？」 was refused as asking to
    # predict a case's outcome, though it asks who won a ruling given in 2025
    for question in (
        "ロンドンでのゲッティとStabilityの裁判、判決はどっちが勝ったの？",
        "英国のゲッティ対Stability AIの判決って、結局どちらが勝ったの？",
    ):
        _assert_led_by(corpus_engine, question, "uk-getty-v-stability-ai-judgment-2025-ja", "2025年11月4日")
    # ... while who will win is still a prediction the sources cannot make
    answer = corpus_engine.answer("ゲッティとStabilityの米国の裁判、どっちが勝つと思う？")
    assert not answer.answered and "予想" in answer.text, answer.text[:120]


def test_japan_s_section_of_the_comparison_is_shown_as_japan_s_in_japanese(corpus_engine) -> None:
    # fresh-user check 119: 「ブラジル版の経済誌で、日本はAI学習に著作物を使うのがほぼ自由って読んだけど本当？」 was
    # led by the comparison's Japan section, shown in Japanese as its US section (whether training is fair use)
    for question in (
        "ブラジル版の経済誌で、日本はAI学習に著作物を使うのがほぼ自由って読んだけど本当？",
        "日本ってAI学習に他人の作品を使うのはほぼ自由って聞いたけど本当？",
    ):
        answer = corpus_engine.answer(question)
        opening = answer.text.split("\n\n")[0]
        assert "第30条の4" in opening and "米国" not in opening, opening


def test_an_adverb_before_what_is_asked_is_no_subject(corpus_engine) -> None:
    # found beside fresh-user check 119: 「日本だとAIの学習に著作物を使うのって基本自由なの？」 opened with "no source
    # on 基本自由 itself"; 基本 (basically) is said of what follows it
    for question in (
        "日本だとAIの学習に著作物を使うのって基本自由なの？",
        "日本でAIに絵を学習させるのって結局自由なの？",
    ):
        answer = corpus_engine.answer(question)
        assert answer.answered and "そのものについての出典はありません" not in answer.text, answer.text[:120]
