"""Language detection, keyword tokenisation and question clean-up (English and Japanese)."""

from __future__ import annotations

import itertools
import re
import unicodedata

_JA_CHARS = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uff66-\uff9f]")
_KANA = re.compile(r"[\u3040-\u30ff\uff66-\uff9f]")
_CJK_RUN = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uff66-\uff9f\u30fc]+")
_WORD = re.compile(r"[a-z0-9]++(?:[-_.][a-z0-9]++)*+")  # possessive: no backtracking
# Format/control characters (incl. zero-width and bidi marks) are removed from questions.
_DROP_CATEGORIES = {"Cc", "Cf", "Cs", "Co", "Cn"}

EN_STOPWORDS = frozenset(
    """a an and are as at be by can could do does did for from how i if in is it its me my of on or
    our so that the their them then there these they this to was we what when where which who why
    will with would you your yours about any into not no should i'm im""".split()
)


def has_japanese(text: str) -> bool:
    """The text holds a kana or kanji character: Japanese is written in it (a dash or curly quote
    is no sign of Japanese: "uk artist — can i still send in my answer?")."""
    return bool(_JA_CHARS.search(text))


def detect_language(text: str) -> str:
    """'ja' when the text is mainly Japanese (any kana, or mostly CJK), else 'en'."""
    ja = len(_JA_CHARS.findall(text))
    if ja == 0:
        return "en"
    if _KANA.search(text):
        return "ja"
    letters = sum(1 for ch in text if ch.isalpha())
    return "ja" if ja >= max(1, letters) * 0.3 else "en"


def clean_question(text: str, max_chars: int) -> tuple[str, bool]:
    """Normalise a user question: NFKC, control/zero-width/bidi characters removed, whitespace
    collapsed, cut to ``max_chars``: its beginning and its end, joined by " … " (people tell their
    story first and ask last, so the end is kept too). Returns (question, truncated)."""
    text = unicodedata.normalize("NFKC", text)
    text = "".join(
        " " if ch in "\t\n\r\f\v" else ch
        for ch in text
        if unicodedata.category(ch) not in _DROP_CATEGORIES or ch in "\t\n\r\f\v"
    )
    text = re.sub(r"\s+", " ", text).strip()
    if len(text) > max_chars:
        if max_chars < 2 * len(_CUT):
            return text[:max_chars].rstrip(), True
        head = text[: max_chars // 2].rstrip()
        tail = text[len(text) - (max_chars - len(head) - len(_CUT)) :].lstrip()
        return head + _CUT + tail, True
    return text, False


_CUT = " … "


def has_searchable_text(text: str) -> bool:
    return bool(_WORD.search(text.lower()) or _CJK_RUN.search(text))


def tokenize(text: str) -> list[str]:
    """Keyword tokens for BM25: lowercase ASCII words (stopwords dropped, light plural folding)
    plus character bigrams of Japanese runs (and unigrams for one-character runs).

    Character bigrams need no dictionary and match Japanese terms of art such as 著作権 or
    非享受目的 whichever way a question segments them.
    """
    text = unicodedata.normalize("NFKC", text).lower()
    tokens: list[str] = []
    for word in _WORD.findall(text):
        if word in EN_STOPWORDS:
            continue
        if len(word) > 4 and word.endswith("s") and not word.endswith("ss"):
            word = word[:-1]
        tokens.append(word)
    for run in _CJK_RUN.findall(text):
        if len(run) == 1:
            tokens.append(run)
        else:
            tokens.extend(run[i : i + 2] for i in range(len(run) - 1))
    return tokens


_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9\"'(*`])|(?<=[。！？])")


def split_sentences(paragraph: str) -> list[str]:
    parts = [p.strip() for p in _SENTENCE_END.split(paragraph)]
    return [p for p in parts if p]


# Latin names are bounded by ASCII letters only: in "EUでは" Python's \b sees no boundary
# between "U" and "で" (both are word characters), so the EU went unnoticed in Japanese.
_A = r"(?<![A-Za-z0-9])"
_Z = r"(?![A-Za-z0-9])"
_JURISDICTION_HINTS = {
    "JP": re.compile(_A + r"japan(?:ese)?" + _Z + r"|日本|国内|文化庁|著作権法第?30条", re.I),
    "US": re.compile(
        _A
        + r"(?:the\s+us|u\.s\.?|usa|united states|america|american|us copyright office|fair use)"
        + _Z
        # "US" in capitals is the country ("US: can I register…?", "US illustrator here"); "us" is
        # the pronoun
        + r"|"
        + _A
        + r"(?-i:US)"
        + _Z
        + r"|米国|アメリカ",
        re.I,
    ),
    "EU": re.compile(_A + r"(?:eu|e\.u\.|europe|european|dsm)" + _Z + r"|欧州|ヨーロッパ", re.I),
    "UK": re.compile(_A + r"(?:uk|u\.k\.|united kingdom|britain|british|england)" + _Z + r"|英国|イギリス", re.I),
}


# Where the asker says they are ("I'm in the US", "based in Germany", 「日本在住」): the place named
# there is the asker's; other places the question names are other people's ("EU users got a form").
# Bounded, so linear.
_SELF_LOCATION = re.compile(
    r"(?i:\b(?:i'?m|i am|we'?re|we are|i live|we live|living|based|located)\s+(?:in|from)\s+)"
    r"((?i:the\s+)?[A-Za-z.]{2,20}(?:\s+[A-Z][A-Za-z.]{1,19})?)"  # a second word only capitalised
    r"|([^\s、。,.!?！？]{1,12}?)(?:に住んで|に住む|在住)"
)


def self_location(text: str) -> str:
    """The words naming where the asker says they are, "" if they do not say: "the US" in
    "I'm in the US and post on Instagram; EU users got a form"; 「ドイツ」 in 「ドイツ在住です」;
    "US" in "US illustrator on insta: …"; "the Netherlands" in "illustrator in the Netherlands"
    (a place before or after the asker's role, :data:`ROLE_WORDS`)."""
    text = text[:MAX_JURISDICTION_SCAN]
    m = _SELF_LOCATION.search(text)
    if m is not None:
        return (m.group(1) or m.group(2) or "").strip()
    m = _ROLE_PLACE.search(text)
    if m is not None:
        return (m.group(1) or m.group(2) or "").strip()
    return ""


# a lawsuit named with its place ("the US artists' class action", "the UK Getty case")
_LAWSUIT_AFTER_PLACE = re.compile(r"\b(?:class actions?|lawsuits?|suits?|cases?|courts?|trials?)\b|訴訟|裁判", re.I)


def places_of_lawsuits(text: str) -> list[str]:
    """Jurisdictions named within the few words before a lawsuit ("the US artists' class
    action" → ``["US"]``)."""
    text = text[:MAX_JURISDICTION_SCAN]
    out: list[str] = []
    for m in _LAWSUIT_AFTER_PLACE.finditer(text):
        out += mentioned_jurisdictions(text[max(0, m.start() - 30) : m.start()])
    return list(dict.fromkeys(out))


# What stands between two places named side by side in a list ("japan, the US and the UK", "EU or
# US", 「日本とアメリカ」): a separator and an article at most. Bounded: linear.
_LIST_GAP = re.compile(r"\s*+(?:,|、|・|/|&|\band\b|\bor\b|と|や)?\s*+(?:,\s*+)?(?:(?:and|or)\s++)?(?:the\s++)?", re.I)


def lists_places(text: str) -> bool:
    """``text`` names two or more jurisdictions side by side, as a list ("handled differently in
    japan, the US and the UK", 「日本とアメリカ」), not one as where a firm is and another as asked
    about ("a japanese law firm says the UK's exception…")."""
    text = text[:MAX_JURISDICTION_SCAN]
    spans = sorted(
        (m.start(), m.end(), j) for j, pattern in _JURISDICTION_HINTS.items() for m in pattern.finditer(text)
    )
    return any(
        a[2] != b[2] and (gap := _LIST_GAP.match(text, a[1])) is not None and gap.end() == b[0]
        for a, b in itertools.pairwise(spans)
    )


def mentioned_jurisdictions(text: str) -> list[str]:
    """Jurisdictions a question names explicitly ("in the US", "日本では")."""
    return [j for j, pattern in _JURISDICTION_HINTS.items() if pattern.search(text)]


# Hints that name a jurisdiction's law or office rather than the place ("fair use", 「文化庁」)
_NOT_PLACE_NAMES = frozenset({"fair use", "dsm", "us copyright office", "文化庁", "国内"})


def jurisdiction_names(text: str) -> list[str]:
    """The jurisdictions' names as ``text`` writes them ("EU", "the US", "日本"): where, not what
    (the matches of the jurisdiction hints that are not a law's or office's terms)."""
    text = text[:MAX_JURISDICTION_SCAN]
    found = [(m.start(), m.group(0)) for p in _JURISDICTION_HINTS.values() for m in p.finditer(text)]
    return [
        name for _, name in sorted(found) if name.casefold() not in _NOT_PLACE_NAMES and not name.startswith("著作権法")
    ]


MAX_JURISDICTION_SCAN = 100_000

# Terms of one jurisdiction's law that a question may use about another country's ("is it fair
# use under Korean law?"): they hint at the law asked about, not at where the asker is.
_LAW_TERMS = re.compile(_A + r"(?:fair use|dsm)" + _Z, re.I)


# The covered places as Japanese questions write them, for the patterns below that read a place's role
# in a Japanese sentence (compared, excluded, or the place of a law someone protested)
_PLACE_WORDS_JA = r"(?:EU|欧州|ヨーロッパ|日本|米国|アメリカ|英国|イギリス)"


# A jurisdiction named as a comparison ("an opt-out like the EU's", "heard it's different from the
# US", 「EUみたいに」) is not where the asker is. Bounded repetition only: linear time.
_COMPARED = re.compile(
    _A
    + r"(?:like|unlike|as in|similar to|same as|different (?:from|than|to)|differs? from)[ \t]+(?:the[ \t]+)?"
    + r"(?:eu|e\.u\.|europe|us|u\.s\.|usa|uk|u\.k\.|japan|america)(?:'s)?"
    + _Z
    # ... and so is one named as the model of something ("with no EU-style form", "a japan-like law")
    + r"|"
    + _A
    + r"(?:eu|europe|(?-i:US)|uk|japan|gdpr)-(?:style|like|type)"
    + _Z
    + r"|"
    + _PLACE_WORDS_JA
    + r"(?:みたいに|のように|並み|と同じように)",
    re.I,
)


# ... nor is one named as where the asker is not ("i'm outside the EU", "non-EU artists",
# 「欧州以外のユーザー」, 「EU外」): the asker is elsewhere. Bounded alternations only: linear time.
_PLACE_WORDS_EN = r"(?:eu|e\.u\.|europe|european union|eea|(?-i:US)|u\.s\.|usa|america|uk|u\.k\.|britain|japan)"
_EXCLUDED = re.compile(
    _A
    + r"(?:(?:outside|other than|except|excluding)(?:[ \t]+of)?[ \t]+(?:the[ \t]+)?"
    + _PLACE_WORDS_EN
    + r"|non-?"
    + _PLACE_WORDS_EN
    + r"|non-european"
    + r"|(?:not|never) (?:in|from|based in|living in|located in)[ \t]+(?:the[ \t]+)?"
    + _PLACE_WORDS_EN
    # ... or set against where the asker is ("i'm in the US not the EU", fresh-user trial 76)
    + r"|(?<=[a-z,] )not[ \t]+(?:the[ \t]+)?"
    + _PLACE_WORDS_EN
    # (... or several: "i'm in canada, not the EU or UK", fresh-user check 77)
    + r"(?:[ \t]*+(?:,|or|and|nor)[ \t]+(?:the[ \t]+)?"
    + _PLACE_WORDS_EN
    + r"){0,3}+(?=[ \t]*+(?:[,.!?)]|$))"
    + r")"
    + _Z
    # (and in Japanese, a list of them too: 「EUやイギリス以外に住んでる人」, the opened forty-ninth
    # set's f3610)
    + r"|(?:"
    + _PLACE_WORDS_JA
    + r"(?:圏)?(?:や|と|・|、|および|及び)){0,3}+"
    + _PLACE_WORDS_JA
    + r"(?:圏)?(?:以外|外の|外に|外で|外から|を除く"
    # (「アメリカ住みでEUじゃないんだけど」, fresh-user check 77)
    + r"|(?:在住)?(?:じゃない|じゃなく|ではない|ではなく))",
    re.I,
)


def without_comparisons(text: str) -> str:
    """``text`` without the jurisdictions it names only as a comparison ("do we get an opt-out
    like the EU?", 「EUみたいに」) or as where the asker is not ("outside the EU", 「欧州以外」),
    which say nothing about where the asker is."""
    return _EXCLUDED.sub(" ", _COMPARED.sub(" ", text))


# what was read in an outlet, a little after it: 「…サイトに…の記事があった」, 「…ブログに…設定が載ってた」
_REPORTED_ON_JA = r"で[^。？?！!]{0,60}?(?:書かれ|書いて|って書|とあっ|ってあっ|報じ|紹介され)"
_REPORTED_IN_JA = r"に[^。？?！!]{0,60}?(?:記事が?あ|記事が?出|が出て|載っ|書いて|書かれ|とあっ|ってあっ|って書|報じ)"


# A country named only as where a news outlet is ("a mexican paper quoted…", "per gamereactor's
# german site", 「韓国の新聞によると」) says where the news came from, not where the asker is nor
# whose law is asked. Bounded repetition only: linear time.
_OUTLET_KINDS = (
    r"(?:news|tech|gaming|game|business|regional|local|online|daily"
    + r"|financial|anime|music|art|culture|entertainment|trade|language|design|seo|it|legal|law|photo"
    + r"|photography|privacy|creative|industry|security|infosec|cybersecurity|apple|android|mac|webmaster"
    + r"|marketing|comics?"
    + r"|manga|film|science|crypto|startup|digital|media|consumer|computer|software|developer)"
)
_OUTLET_NOUNS = (
    r"(?:paper|newspaper|news ?site|site|outlet|magazine|blog|broadcaster|tv|media|daily|podcast|news"
    # ... or a piece of it ("a polish article ranked…", "german how-to says…", the forty-eighth set)
    + r"|article|how-?to|guide|explainer|forum|newsletter|column|video|write-?up)"
)
# what an outlet does when it reports: says, quotes, wrote, hypes…
_REPORTING = (
    r"[ \t]+(?:says?|said|quot|report|wr(?:ote|ites)|claim|ran|cover|article|piece|story|dug|rank"
    + r"|explain|argu|point|mention|list|warn|compar|suggest|show|describ|told|tells|call|urg|recommend|advis"
    + r"|hype|keeps?[ \t]|insist|relay|summari[sz])"
)
_NEWS_OUTLET = re.compile(
    r"(?:(?<![A-Za-z0-9])(?:per|in|on|from|read|according to)[ \t]+(?:an?[ \t]+|the[ \t]+)?)?"
    + _A
    # (a kind is taken only before another kind or the outlet's noun: "portuguese news says…" is
    # the news itself, the opened fifty-second set's f3754)
    + r"[a-z]{3,20}+(?:-language)?[ \t]+(?:(?:"
    + _OUTLET_KINDS
    + r"[ \t]+(?="
    + _OUTLET_KINDS
    + r"[ \t]|"
    + _OUTLET_NOUNS
    + r"(?![a-z]))){0,2}+"
    + _OUTLET_NOUNS
    # (with its name: "german site the-decoder reports…", the opened fifty-fourth set's f3870)
    + r"(?:[ \t]+[a-z0-9][a-z0-9.-]{1,24}+(?="
    + _REPORTING
    + r"))?"
    # ... reporting (the outlet says, quotes or wrote), or read in ("per X's german site"); not
    # newspapers as a party ("korean newspapers wanted a clause…", 「カナダの新聞社が訴えた」)
    + r"(?="
    + _REPORTING
    + r"|[ \t]*[,.:;])"
    # (… or of any kind, a word or two before the noun, when it reports: "a german cyber bootcamp
    # blog hypes…", "belarusian law firm news says…", the opened fifty-third set's f3802 and f3808;
    # not "right after the apple intelligence news." nor a public body's own site, "the japanese
    # government site says…", which gives Japan's rule)
    + r"|(?:(?!(?:government|govt|official|ministry|agency|office|court|parliament|copyright)(?![a-z]))"
    + r"[a-z]{2,15}+(?:-[a-z]{2,15}+)?[ \t]++(?="
    + r"[a-z]{2,15}+(?:-[a-z]{2,15}+)?[ \t]++"
    + _OUTLET_NOUNS
    + r"(?![a-z])|"
    + _OUTLET_NOUNS
    + r"(?![a-z]))){1,2}+"
    # ... or is a piece of writing on a topic ("chinese law-firm column on japan's AI training rules
    # keeps mentioning…", the opened fifty-third set's f3812)
    + r"(?:(?:article|column|piece|explainer|guide|video)(?=[ \t]+on[ \t])|"
    + _OUTLET_NOUNS
    + r"(?="
    + _REPORTING
    + r")))"
    # (and in Japanese, with what kind of outlet it is: 「フランスのSEOニュースによると」, 「ベルギーの
    # IT系ニュースによると」, the forty-eighth set)
    # (… or whose it is: 「イギリスの制作会社のブログに…ってあった」, the opened fifty-second set's f3789)
    + r"|[\u30a0-\u30ff\u4e00-\u9fff]{1,8}+の(?:[\u30a0-\u30ff\u4e00-\u9fff]{2,6}+の)?"
    + r"(?:[A-Za-z]{1,6}+系?|[\u30a0-\u30ff\u4e00-\u9fff]{1,4}?系"
    # (… or with its field written before the noun: 「インドの法律ニュースで…って読んだ」, the opened
    # fifty-seventh set's f4080)
    + r"|[\u4e00-\u9fff]{2,4}+(?=ニュース|新聞|雑誌|メディア|ブログ))?"
    # (… or a broadcaster's site: 「スペインのテレビ局のサイトで、…って記事を読んだ」 gave an EU caveat, the
    # opened sixtieth set's f4261)
    # (… or a paper by its reach: 「インドネシアの地方紙で…って記事を見た」 was refused as Indonesia, the
    # opened sixty-second set's f4388)
    + r"(?:(?:新聞サイト|新聞|メディア|ニュースサイト|ニュース|報道|雑誌|記事|ブログ|テレビ局|放送局"
    + r"|地方紙|全国紙|英字紙|業界紙|経済紙"
    # (… or a magazine by its field, or a paper's site: 「ブラジル版のビジネス誌に、…提訴したって載ってた」
    # was refused as Brazil, and 「ブラジルの新聞サイトに、…って書いてあった」 told that Brazil's law is
    # out of scope, the opened sixty-eighth set's f4732 and f4740)
    + r"|[\u30a0-\u30ff]{2,8}+誌|[\u4e00-\u9fff]{1,3}?誌)"
    + r"(?!社)(?:記事|のサイト)?"
    # (… or what was seen in it: 「フランスのメディアで<meta name="ai"…>みたいなタグが提案されてた」, the
    # opened fiftieth set's f3664)
    # (… or what it wrote: 「ドイツのコンサル系ブログがSora 2と日本政府の警告を…書いてた」 cited GEMA v.
    # OpenAI, the opened sixtieth set's f4268)
    + r"(?=によると|によれば|で|が報じ|の記事|を読|に(?:出|載)|"
    + r"が[^。？?！!]{0,60}?(?:解説|まとめ|紹介|書い|報じ|説明)|"
    + _REPORTED_IN_JA
    + r")"
    # (a site or a fact-check only as what reported: 「ペルーのマーケ系サイトに…の記事があった」,
    # 「オランダのファクトチェックに、…デマだとあった」, the opened fifty-first set's f3724 and f3716; not
    # 「韓国のサイトに作品を載せてる」 nor 「日本のサイトでも…出てくる？」)
    + r"|(?:サイト|ファクトチェック)(?:記事)?"
    + r"(?=によると|によれば|の記事|"
    + _REPORTED_IN_JA
    # (… or where something was written: 「ドイツの投資系サイトで、日本はAI開発の楽園…って書かれてた」,
    # the opened fifty-third set's f3834)
    + r"|"
    + _REPORTED_ON_JA
    + r")"
    # (… or a law firm that explains, or whose page was read: 「フランスの法律事務所が、イギリスの…意見募集を
    # 解説してた」, 「ドイツの法律事務所のFAQに…って項目があった」, the opened fifty-ninth set's f4201 and
    # f4194; not 「ドイツの法律事務所に相談した」)
    + r"|(?:法律事務所|弁護士事務所|弁護士会)"
    + r"(?=が[^。？?！!]{0,60}?(?:解説|まとめ|紹介|書い|報じ|説明)|によると|によれば"
    + r"|の(?:FAQ|ブログ|記事|ニュース|解説|サイト|コラム)))",
    re.I,
)


# ... or an outlet something was read on ("saw on a spanish news site that disney sued midjourney",
# fresh-user check 83; not "i run a german art blog that gets scraped")
_READ_ON_OUTLET = re.compile(
    r"(?<![A-Za-z0-9])(?:on|in)[ \t]+(?:an?|the)[ \t]+[a-z]{3,20}+"
    + r"(?:[ \t]+(?!(?:news|site|blog|paper|newspaper|magazine|forum|page|outlet)\b)[a-z]{2,15}+){0,2}+[ \t]+"
    + r"(?:news ?site|site|blog|paper|newspaper|magazine|forum|page|outlet)[ \t]+(?=that\b)",
    re.I,
)


# The accented Latin letters of names such as "El País", "Süddeutsche" and "Lumière" (not × nor
# ÷), for character classes beside a-z: such names were cut into "El Pa", "ddeutsche" and "Lumi",
# fresh-user check 103.
ACCENTED_LATIN = "\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f"


# ... or a platform something was seen on ("saw on twitter that sora 2 lets people…", "read on
# reddit that adobe trains…", 「Xで見たんだけど」, fresh-user trial 88): where the news was read,
# not what it is about. One bounded name: linear.
_SEEN_ON = re.compile(
    r"(?<![A-Za-z0-9])(?:saw|seen|read|heard|hearing|seeing|reading)[ \t]+"
    # (... or what was seen there: "saw a chart on twitter comparing china, korea and japan…",
    # fresh-user check 97)
    + r"(?:it[ \t]+|this[ \t]+|something[ \t]+|an?[ \t]+(?:chart|thread|post|video|tweet|clip|meme|graphic)[ \t]+)?"
    + rf"(?:on|in)[ \t]+(?:the[ \t]+)?[a-z0-9{ACCENTED_LATIN}][a-z0-9.{ACCENTED_LATIN}]{{0,14}}+"
    # (… of two words, or with its site: "saw on Le Monde that…", "saw on RTVE's website that…" were
    # labelled "no source on Le Monde" and "on RTVE", fresh-user check 103)
    + rf"(?:[ \t]+[a-z{ACCENTED_LATIN}]{{2,14}}+(?=[ \t]+that[ \t]))?"
    + r"(?:['’]s[ \t]+(?:website|site|page|blog|channel|feed|account|app))?"
    + r"(?=[ \t]+that[ \t]|[ \t]*[,:;]|[ \t]+(?:people|someone)[ \t]"
    + r"|[ \t]+(?:comparing|saying|claiming|showing|about|where)[ \t]"
    # (… or before what was seen, told without "that": "saw on twitter a german court said LAION…"
    # cited X's terms beside the court's case, fresh-user trial 100)
    + r"|[ \t]+(?:an?|some)[ \t])"
    # (… or where someone said it: "does glaze actually still work? someone on twitter said lightshed
    # strips it off easily" was followed by X's Grok setting, fresh-user trial 106)
    + r"|(?<![A-Za-z0-9])(?:someone|somebody|people|folks|a[ \t]+(?:guy|user|friend|mutual|person)"
    + r"|an?[ \t]+(?:artist|illustrator|creator|dev|developer))[ \t]+(?:on|in)[ \t]+(?:the[ \t]+)?"
    + r"[a-z0-9][a-z0-9.]{0,14}+(?="
    + _REPORTING
    + r"|[ \t]+(?:posted|(?:is|are)[ \t]+saying)[ \t])"
    + r"|(?:[A-Za-z0-9]{1,15}+|[\u30a0-\u30ff]{2,10}+)で(?:見|読ん|流れ|話題)"
    # (… or in a piece posted there: 「LinkedInの記事で、EUとイギリスのTDM例外の違いを比べてた」 was led by
    # LinkedIn's AI-training setting, the opened sixty-second set's f4379)
    # (… or in its documentation or a write-up: 「MDNのドキュメントで、robots.txtの参照先が…変わったっていう修正を
    # 見た」 opened with "no source on MDN", the opened sixty-third set's f4442)
    + r"|(?:[A-Za-z0-9]{1,15}+|[\u30a0-\u30ff]{2,10}+)の"
    + r"(?:記事|投稿|ポスト|スレッド|スレ|動画|ドキュメント|解説|ブログ|コラム)で(?=[、,])"
    # (… or with what was said there quoted between, which is not where: 「Xで『robots.txtに…止められる』って
    # ポスト見た」, fresh-user check 99)
    + r"|(?:[A-Za-z0-9]{1,15}+|[\u30a0-\u30ff]{2,10}+)で(?=[「『][^」』\n]{1,300}+[」』]"
    + r"(?:って|という|と)?(?:ポスト|投稿|ツイート|動画|記事|話)?を?(?:見|読ん))"
    # (… or where someone said it: 「ブラジルの弁護士がYouTubeで、EUのAI法53条で…って話してた」 was labelled
    # "no source on YouTube", fresh-user check 101)
    + r"|(?:[A-Za-z0-9]{1,15}+|[\u30a0-\u30ff]{2,10}+)で(?=、?[^。？?！!\n]{0,80}?"
    + r"(?:話して|言って|解説して|紹介して|説明して|語って))",
    re.I,
)


# ... or a site that says it, opening a sentence ("wikipedia says zarya of the dawn lost…", the
# opened fifty-seventh set's f4048): where the news was read. One bounded name: linear.
_SAID_BY = re.compile(
    # (… with "the" before a name of one word: "The Verge framed the Getty v Stability ruling…" was
    # refused as "no source on Verge", fresh-user check 107)
    r"(?:^|(?<=[.!?。！？])[ \t]{0,2})(?:the[ \t]+)?[a-z0-9][a-z0-9.]{1,24}+[ \t]+"
    + r"(?:says|said|wrote|writes|reports|reported|claims|claimed|states|lists|made|makes|framed|frames"
    # (… or how it framed the news: "tribunnews made the japanese anime and manga statement against
    # sora sound like a legal threat" was refused as "no source on tribunnews", the opened
    # sixty-second set's f4350)
    + r"|describes|described|explains|explained|quotes|quoted|dates|dated)[ \t]",
    re.I,
)


# ... or who wrote or posted what was read, by name and with the piece ("UCL's library guide walks
# researchers through…", "saw a BBC engineer's reply on the IETF list…", the opened fifty-ninth
# set's f4167 and f4178): the author of the piece, not what it is about. One bounded name: linear.
_AUTHOR_ROLE = (
    r"(?:engineer|employee|lawyer|attorney|researcher|staffer|dev|developer|exec|executive|spokesperson"
    + r"|professor|editor|journalist|reporter|librarian|founder|ceo|cto)s?"
)
_AUTHORED_PIECE = (
    r"(?:repl(?:y|ies)|posts?|comments?|tweets?|thread|talk|email|message|answer|guide|blog|article"
    + r"|newsletter|explainer|note|write-?up|report|column|video|podcast|summary|piece|slides|paper)"
)
_POSTED_BY = re.compile(
    r"(?<![A-Za-z0-9'’])(?:an?[ \t]+|the[ \t]+)?[A-Za-z0-9][A-Za-z0-9.&-]{1,24}+(?:[ \t]+"
    + _AUTHOR_ROLE
    + r")?['’]s[ \t]+(?:[a-z-]{2,15}+[ \t]+)?"
    + _AUTHORED_PIECE
    + r"(?![a-z])",
    re.I,
)


# ... and in Japanese, the name before 「の」 or before 「が…出した」 and the piece (「国際出版社協会が
# スペイン語で出した記事に、…ってあった」 was labelled 「国際出版社協会そのものについての出典はありません」,
# the opened sixty-sixth set's f4630). Bounded: linear.
_POSTED_BY_JA = re.compile(
    r"(?:[A-Za-z0-9][A-Za-z0-9.&-]{1,24}+|[\u30a0-\u30ff\u4e00-\u9fff]{2,12}+)"
    + r"(?:の|が[^。？?！!、,\n]{0,20}?(?:出した|書いた|公開した|載せた|まとめた|発表した))"
    + r"(?:記事|ブログ|レポート|解説|コラム|声明|資料|ニュースレター|動画)(?=に|で|を|には|では)"
)


# ... and a country named only as whose writer is ("an australian law firm's newsletter said a
# munich court ruled…" was refused as Australia's law, fresh-user check 101): one or two words
# before the writer, then the piece. Bounded: linear.
_PLACED_WRITER = re.compile(
    r"(?<![A-Za-z0-9])[a-z]{3,20}+[ \t]+(?:[a-z]{2,15}+[ \t]+){0,2}+"
    + r"(?:law[ \t-]firm|firm|company|lawyer|attorney|professor|lecturer|researcher|engineer|journalist|blogger"
    + r"|studio|agency|university|uni|group|body|association|society)['’]s[ \t]+(?:[a-z-]{2,15}+[ \t]+)?"
    + _AUTHORED_PIECE
    + r"(?![a-z])",
    re.I,
)


# ... or a site named by where it is ("defonline in argentina explains the studios' lawsuit against
# midjourney…" was refused as Argentina's law, the opened sixtieth set's f4240): a name opening a
# sentence, "in" and the country, then what it reports; not people ("artists in japan say…") nor a
# court or office, nor a question ("who in japan first called out…"). Bounded: linear.
_NAMED_OUTLET_IN = re.compile(
    r"(?:^|(?<=[.!?:;][ \t]))(?!(?:i|we|my|our|me|you|they|who|what|which|where|when|how|why|anyone|anybody"
    + r"|somebody|someone|nobody|everybody|it|this|that|things|artists?|illustrators?|people|creators?|users?"
    + r"|everyone|folks|courts?|judges?|lawyers?|attorneys?|studios?|compan(?:y|ies)|firms?|government|govt"
    + r"|ministry|ministers?|agency|office|parliament|lawmakers?|regulators?|officials?|friends?|creatives"
    + r"|writers?|authors?|photographers?|musicians?|designers?|developers?|devs|politicians?)(?![a-z]))"
    + r"[a-z0-9][a-z0-9.-]{2,24}+[ \t]+in[ \t]+[a-z]{3,20}+(?:[ \t]+[a-z]{3,20})?(?="
    + _REPORTING
    + r")",
    re.I,
)


def _head_spans(text: str, *patterns: re.Pattern[str]) -> list[tuple[int, int]]:
    """The spans each of ``patterns`` matches in ``text``'s first ``MAX_JURISDICTION_SCAN``
    characters, pattern by pattern. Linear for bounded patterns."""
    head = text[:MAX_JURISDICTION_SCAN]
    return [m.span() for pattern in patterns for m in pattern.finditer(head)]


def posted_by_spans(text: str) -> list[tuple[int, int]]:
    """The spans of ``text`` (in its first ``MAX_JURISDICTION_SCAN`` characters) that name who
    wrote or posted a piece, with the piece ("UCL's library guide", "a BBC engineer's reply";
    ``_POSTED_BY``; not a platform's own page, "ko-fi's faq", "ko-fi's terms page"): where the
    news was read, or a platform telling its own rule ("substack's post says…"), which the
    caller tells apart. Linear."""
    return _head_spans(text, _POSTED_BY, _POSTED_BY_JA)


def is_outlet_kind(word: str) -> bool:
    """``word`` says what kind of outlet one is ("tech", "mac", "anime": ``_OUTLET_KINDS``)."""
    return re.fullmatch(_OUTLET_KINDS, word.strip(), re.I) is not None


def is_outlet_noun(word: str) -> bool:
    """``word`` is an everyday word for an outlet or a piece of it, in lower case ("newsletter",
    "magazine", "podcast": ``_OUTLET_NOUNS``); a capitalised one may be a name."""
    return word.islower() and re.fullmatch(_OUTLET_NOUNS, word.strip(), re.I) is not None


def news_outlet_spans(text: str) -> list[tuple[int, int]]:
    """The spans of ``text`` (in its first ``MAX_JURISDICTION_SCAN`` characters) that name a news
    outlet by its country and kind ("a german apple blog", 「フランスのIT系ニュース」;
    ``_NEWS_OUTLET``), as where something was read ("on a spanish news site that…";
    ``_READ_ON_OUTLET``) or as where the asker saw it ("saw on twitter that…"; ``_SEEN_ON``, also
    :func:`seen_on_spans`). Linear: three bounded patterns."""
    return _head_spans(text, _NEWS_OUTLET, _READ_ON_OUTLET, _SEEN_ON)


# a phrase in Latin quotes and the space after it, before the word that says what it titles
# (``_QUOTED_TITLE`` below; planning's quoted collections). Bounded: linear.
QUOTED_PHRASE = r"['\"\u2018\u201c][^'\"\u2018\u2019\u201c\u201d\n]{2,60}['\"\u2019\u201d][ \t]"
# the quoted title of a piece the asker read, before what kind of piece it is: "a blog's 'AI Law
# Roundup' newsletter", 「『クリエイターのためのAI法入門』って記事」. Bounded: linear.
_QUOTED_TITLE = re.compile(
    QUOTED_PHRASE
    + r"(?:"
    + _OUTLET_NOUNS
    + r"|lists?|roundups?|digests?|posts?|threads?|essays?|episodes?)s?(?![A-Za-z])"
    + r"|[『「][^『』「」\n]{2,40}[』」](?:って|という|っていう|の)?"
    + r"(?:記事|ブログ|動画|ニュースレター|まとめ|連載|コラム|番組)",
    re.I,
)


def quoted_title_spans(text: str) -> list[tuple[int, int]]:
    """The spans of ``text`` (in its first ``MAX_JURISDICTION_SCAN`` characters) that give the
    quoted title of a piece the asker read, with what kind of piece it is ("a blog's 'AI Law
    Roundup' newsletter", 「『…入門』って記事」; ``_QUOTED_TITLE``). Linear."""
    return _head_spans(text, _QUOTED_TITLE)


def seen_on_spans(text: str) -> list[tuple[int, int]]:
    """The spans of ``text`` (in its first ``MAX_JURISDICTION_SCAN`` characters) that name where
    the asker saw something ("saw on twitter that…", 「Xで見たんだけど」; ``_SEEN_ON``). Linear."""
    return _head_spans(text, _SEEN_ON)


def said_by_spans(text: str) -> list[tuple[int, int]]:
    """The spans of ``text`` (in its first ``MAX_JURISDICTION_SCAN`` characters) that open a
    sentence with who says something ("wikipedia says…"; ``_SAID_BY``; or with what kind of group
    it is, "brushline, an artists' union, says…"; ``_DESCRIBED_WRITER``): a site the news was read
    on, or a platform telling its own rule ("radiotunez says AI tracks must…"). Linear."""
    return _head_spans(text, _SAID_BY, _DESCRIBED_WRITER)


# ... and what a writer opening a sentence is, set off by commas before what it reports ("latin
# artis, a performers' rights group, wrote that openai will sign the EU's code…": the opened
# sixty-seventh set's f4658 was refused as "no source on performers' rights"). Bounded: linear.
_DESCRIBED_WRITER = re.compile(
    r"(?:^|(?<=[.!?][ \t]))"
    r"(?P<writer>[A-Za-z0-9][A-Za-z0-9.&'’-]{1,24}+(?:[ \t]+[A-Za-z0-9][A-Za-z0-9.&'’-]{1,24}+){0,3}+)"
    r",[ \t]+(?:an?|the)[ \t]+(?:[A-Za-z'’-]{2,20}+[ \t]+){0,4}+"
    r"(?:group|association|union|society|organi[sz]ation|body|coalition|collective|federation|guild|alliance"
    r"|non-?profit|charity|lobby|site|blog|outlet|firm|magazine|newsletter|publication)s?,(?=" + _REPORTING + ")",
    re.I,
)


def without_described_writers(text: str) -> str:
    """``text`` without what it says a writer is, between commas after the writer's name
    (``_DESCRIBED_WRITER``: "latin artis, a performers' rights group, wrote…" → "latin artis
    wrote…"): the kind of group that wrote the news is not a subject of the question. Linear."""
    head = _DESCRIBED_WRITER.sub(lambda m: m.group("writer"), text[:MAX_JURISDICTION_SCAN])
    return head + text[MAX_JURISDICTION_SCAN:]


def without_news_outlets(text: str) -> str:
    """``text`` without the countries it names only as where a news outlet is ("a mexican paper
    quoted an LDP lawmaker…" → " quoted an LDP lawmaker…"; "saw on a spanish news site that…"; "an
    australian law firm's newsletter said…"; "defonline in argentina explains…"): the outlet's
    country is not where the asker is (``_NEWS_OUTLET``, ``_READ_ON_OUTLET``, ``_PLACED_WRITER``,
    ``_NAMED_OUTLET_IN``)."""
    head = _READ_ON_OUTLET.sub(" ", _NEWS_OUTLET.sub(" ", text[:MAX_JURISDICTION_SCAN]))
    return _NAMED_OUTLET_IN.sub(" ", _PLACED_WRITER.sub(" ", head)) + text[MAX_JURISDICTION_SCAN:]


# Who is told of as having acted on a law the question then asks about, in a clause that only
# says which law is meant: 「ポール・マッカートニーが無音の曲で抗議してたイギリスの著作権改正って、結局…
# オプトアウト制度は入ったの？」 (the opened fiftieth set's f3669), "the UK copyright plans paul
# mccartney protested": the law is asked about, not the person. Bounded repetition only: linear time.
_LAW_NOUNS_JA = r"(?:法律|法改正|法案|改正|制度|規制|ルール|著作権法|法)"
_TOLD_AGENT = re.compile(
    r"(?:[\u30a0-\u30ff]{2,20}+|[A-Za-z][A-Za-z'’-]{1,20}+(?:[ \t]+[A-Za-z][A-Za-z'’-]{1,20}+){0,2}+)"
    r"(?:が|も)[^、。？！?!\n]{1,30}?[ただ]"  # (…抗議してた, …反対した, …騒いだ)
    r"(?=" + _PLACE_WORDS_JA + r"の[^、。？！?!\n]{0,8}?" + _LAW_NOUNS_JA + ")"
    r"|\b(?P<law>law|laws|bill|reform|reforms|change|changes|plan|plans|rules|proposal|proposals)[ \t]+"
    r"(?:(?:that|which)[ \t]+)?[A-Za-z][A-Za-z'’-]{1,20}+"
    r"(?:[ \t]+(?!protested|campaigned|opposed|fought|critici|slammed|spoke)[A-Za-z][A-Za-z'’-]{1,20}+){0,2}+"
    r"[ \t]+(?:protested|campaigned against|opposed|fought|critici[sz]ed|slammed|spoke out against)\b",
    re.I,
)


def without_told_agents(text: str) -> str:
    """``text`` without the clauses that tell who acted on the law it asks about (``_TOLD_AGENT``):
    the person who protested a law is how the asker identifies it, not a subject the notes lack."""
    kept = _TOLD_AGENT.sub(lambda m: f"{m.group('law') or ''} ", text[:MAX_JURISDICTION_SCAN])
    return kept + text[MAX_JURISDICTION_SCAN:]


def excludes_place(text: str) -> bool:
    """``text`` names a covered jurisdiction only to say the asker is outside it ("i'm outside the
    EU", "non-EU", 「欧州以外」, 「EU外に住んでる」): the asker is elsewhere (``_EXCLUDED``)."""
    return bool(_EXCLUDED.search(text[:MAX_JURISDICTION_SCAN]))


# Where one message asks two things: each sentence that asks (ends in "?"), and within one, a
# conjunction that opens a second question ("what is that and does it stop training?").
# Bounded: linear time.
_SENTENCE_BREAK = re.compile(r"(?<=[?？。!！])\s*")
_CLAUSE_BREAK = re.compile(  # single spaces: clean_question collapses whitespace
    r",? (?:and|or|but|also|plus) (?=(?:does|do|did|is|are|was|can|could|will|would|should|how|what|"
    r"where|which|who|why|if)\b)",
    re.I,
)
# ... and in Japanese, a conjunction that adds a second thing the asker did or asks about
# (「サブフォルダに置いたrobots.txtで、しかもgptbotって小文字で書いたんだけど、これ効いてる？」)
# (それに and あと only with their own comma: 「それに合わせて」 and 「あとで」 join nothing)
# (... or 「あと」 straight before what it adds, not 「あとで」, 「あとは」, 「あとの」, 「あとから」, 「あとに」,
# 「あとも」 or 「あとが」: 「すでに集められた分はどうなるのか、あとログのCCBotが偽物じゃないかの見分け方も
# 知りたい」 was read as one ask, the opened sixty-fourth set's f4494)
_JA_ALSO = re.compile(r"[、,]\s?(?:(?:しかも|さらに)[、,]?|それに[、,]|あと(?:[、,]|(?![でのはからにもが少])))")
MIN_PART_TOKENS = 3
# ... and a question asked with a wh-word, then a second one after a bare comma ("whatever happened
# to the consultation, is the opt-out plan going ahead?", fresh-user check 74), the wh-word opening
# a clause; not a condition before its question ("if i block it, will my site vanish?"), nor a
# relative clause ("the photographer who took LAION to court, did…"). Bounded gap: linear.
_WH_THEN_ASKS = re.compile(
    r"(?:^|(?<=[,:;.!] ))(?:what(?:ever)?|how|where|which|who|why)(?:'s)?\s[^,?]{3,120}?(, )"
    r"(?=(?:is|are|was|were|does|do|did|can|could|will|would|should|has|have)\s)",
    re.I,
)
# ... and in Japanese, a question word's clause ending in 「て、」 or 「で、」 before a second one that
# opens with its own (「ai.txtってrobots.txtと何が違って、誰が守ってくれるの？」, the opened forty-ninth
# set's f3606), or with a subject of its own asked yes or no (「共同声明はAI事業者に何を求めてて、OpenAIは
# 結局オプトインに切り替えたの？」, the opened sixty-seventh set's f4677). Bounded gaps: linear.
_JA_WH = r"(?:何|なに|どう|どこ|どれ|どっち|どちら|誰|だれ|いつ|なぜ|どんな|どの)"
_JA_WH_THEN_ASKS = re.compile(
    _JA_WH + r"[^、。？?]{0,30}?[てで](、)(?=" + _JA_WH + r"|[^、。？?]{2,20}?は[^、。？?]{2,40}?の[？?])"
)
# ... or a question word's clause asked as 「…のか、」 before a second clause of its own
# (「そのあとOpenAIは何を約束したのか、日本政府はOpenAIに何か求めたのかが知りたい」, the opened
# sixty-fifth set's f4563). Bounded gap: linear.
_JA_WH_NOKA = re.compile(_JA_WH + r"[^、。？?]{0,30}?のか(、)(?=[^、。？?]{6})")
# ... or two yes-or-no asks, each as 「…のか」 (「AIで作った絵に著作権があるのか、自分の絵を学習に使われたら
# 著作権侵害になるのか知りたい」, fresh-user check 113). Bounded gap: linear.
_JA_NOKA_NOKA = re.compile(r"のか(、)(?=[^、。？?]{4,60}?のか)")
# (... or asks whether any exists: "are there any limits at all?")
_WH_OPENING = re.compile(r"(?:how|where|what|which|who|when|(?:are|is) there (?:any|an?)\b)", re.I)
# (... or, as a question sentence of its own, asks yes or no of what the message named: "what
# happened with the uk consultation? is it opt-out now?", fresh-user trial 79; not the second
# half of an either-or: "…separately, or is it one yes/no?"; nor one word of its own: "is that
# legal?" after a question about Meta is not Meta's chain-post fact-check)
_YES_NO_VERB = r"(?:is|are|was|were|does|do|did|has|have|will|can)"
_YES_NO_OF_IT = re.compile(_YES_NO_VERB + r" (?:it|that|this|they)\b", re.I)
# ... and where "and" joins such a clause to the question before it (see question_parts)
_AND_BREAK = re.compile(r",? and (?=" + _YES_NO_VERB + " )", re.I)


# What creators call themselves when they say who is asking ("uk illustrator here:", "us novelist:",
# "concept artist:"): a regex alternation, singular or plural, for the patterns that read a
# self-description (planning's audience cues, the places' "us" before a role)
ROLE_WORDS = (
    r"(?:authors?|writers?|illustrators?|artists?|photographers?|songwriters?|musicians?|painters?|designers?"
    r"|animators?|cosplayers?|journalists?|developers?|devs?|publishers?|creators?|bloggers?|novelists?"
    r"|cartoonists?|mangaka|voice actors?|streamers?|youtubers?|composers?|poets?|translators?)"
)


# the asker's role with where they are: "US illustrator on insta", "uk photographer:", "german
# photographer:" (the message's opening words), "illustrator in the Netherlands"; not a statement
# about the creators of a place ("EU artists can reserve their rights…, does any such thing exist in
# japan…?" asks about other places)
_ROLE_PLACE = re.compile(
    rf"^\W{{0,3}}+([A-Za-z.]{{2,20}})\s++(?:[a-z]{{1,20}}\s++)?(?i:{ROLE_WORDS})\b"
    r"(?!\s{1,3}(?i:can|could|may|might|must|should|will|would|are|were|have|had|get|got)\b)"
    rf"|\b(?i:{ROLE_WORDS}\s++(?:based\s++)?(?:in|from)\s++)((?i:the\s+)?[A-Za-z.]{{2,20}}(?:\s+[A-Z][A-Za-z.]{{1,19}})?)"
)


def question_parts(text: str) -> list[str]:
    """The questions one message asks, in order: "what is Content-Signal and does it stop
    training?" → ["what is Content-Signal", "does it stop training?"]. A sentence that only
    tells ("I saw it in my logs.") joins the question after it; parts with fewer than
    ``MIN_PART_TOKENS`` keyword tokens ("is that true??") are dropped, unless a question word
    opens them ("how do i object") or they are a yes-or-no sentence of their own with one token
    fewer ("is it opt-out now?"); a single question is returned as one part."""
    sentences = [p.strip() for p in _SENTENCE_BREAK.split(text) if p and p.strip()]
    asking: list[str] = []
    context = ""
    for i, sentence in enumerate(sentences):
        if sentence.endswith(("?", "？")) or i == len(sentences) - 1:
            asking.append((context + " " + sentence).strip())
            context = ""
        else:
            context = (context + " " + sentence).strip()
    parts = [
        d.strip()
        for a in asking
        for b in _CLAUSE_BREAK.split(a)
        for c in _JA_ALSO.split(b)
        for d in _split_after_wh_question(c)
        if d.strip()
    ]
    # a short part is kept when a question word opens it: "how do i object" asks for the steps, "are
    # there any limits at all?" whether any exist; "is that true??" asks nothing of its own; nor
    # when a sentence of its own asks yes or no of two words or more: "is it opt-out now?"
    # (... or a clause of its own after "and": "did that ruling say training on my photos is legal,
    # and is it being appealed?" lost its second ask, the opened sixty-first set's f4291; not after
    # "or", where it is the other half of one question: "can content credentials say that
    # separately, or is it one yes/no?")
    joined = {c.strip() for a in asking for c in _AND_BREAK.split(a)[1:]}
    kept = [
        p
        for p in parts
        if len(tokenize(p)) >= MIN_PART_TOKENS
        or (_WH_OPENING.match(p) and tokenize(p))
        or (p in asking and _YES_NO_OF_IT.match(p) and len(tokenize(p)) >= MIN_PART_TOKENS - 1)
        # (after "and", whatever the clause asks yes or no of, since _AND_BREAK splits only before a
        # yes-or-no verb: "…but still show up in alexa answers, and does crawl-delay work on it?" lost
        # its last ask, the opened sixty-second set's f4355)
        or (p in joined and len(tokenize(p)) >= MIN_PART_TOKENS - 1)
    ]
    return kept or [text.strip()]


def _split_after_wh_question(clause: str) -> list[str]:
    """``clause`` split after a wh-question at the comma before a second question
    (``_WH_THEN_ASKS``, ``_JA_WH_THEN_ASKS``, ``_JA_WH_NOKA``, ``_JA_NOKA_NOKA``), or ``[clause]``."""
    m = (
        _WH_THEN_ASKS.search(clause)
        or _JA_WH_THEN_ASKS.search(clause)
        or _JA_WH_NOKA.search(clause)
        or _JA_NOKA_NOKA.search(clause)
    )
    return [clause[: m.start(1)], clause[m.end(1) :]] if m else [clause]


def bare_question(text: str) -> str:
    """The last question sentence of a message that first tells something, without what it
    tells (sentences as :func:`question_parts` splits them, after "?", "!" and Japanese "。",
    and a Japanese question after 「けど、」): 「アクセスログにCCBotが来てた。今から止めても、
    集められた分は残るの？」 → 「今から止めても、集められた分は残るの？」; 「公表できるって
    聞いたけど、守ってくれる法律なの？」 → 「守ってくれる法律なの？」; "after the joint statement, did
    openai flip sora to opt-in?" → "did openai flip sora to opt-in?"; "" when nothing comes
    before the question, when only questions do ("what about bluesky?\ncan i stop ai from training
    on my art on bluesky?"), or when the question has fewer than ``MIN_PART_TOKENS`` keyword
    tokens."""
    last, index, sentences = _last_asking(text, _SENTENCE_BREAK)
    if not last:
        return ""
    told = _JA_TOLD.split(last)
    opening = _EN_TOLD.match(last)
    if len(told) > 1:
        last = told[-1]
    elif opening:
        last = last[opening.end() :]
    elif index == 0:
        return ""
    else:
        # nothing told before it, only a shorter question ("what about bluesky?" before the
        # earlier question asked of Bluesky, as a follow-up is searched): the whole is the question
        if all(t.endswith(("?", "？")) for t in sentences[:index]):
            return ""
    return last if len(tokenize(last)) >= MIN_PART_TOKENS else ""


def _last_asking(text: str, breaks: re.Pattern[str]) -> tuple[str, int, list[str]]:
    """The last sentence of ``text`` (split at ``breaks``) that ends in a question mark, its index
    and all the sentences: ``("", -1, sentences)`` when none asks."""
    sentences = [t.strip() for t in breaks.split(text) if t and t.strip()]
    asking = [i for i, t in enumerate(sentences) if t.endswith(("?", "？"))]
    return (sentences[asking[-1]], asking[-1], sentences) if asking else ("", -1, sentences)


# 「…って聞いたけど、…なの？」: what the asker heard or does comes before けど, the question after
_JA_TOLD = re.compile(r"(?:けど|けれど|けれども|んだが)[、,]")
# "after the publishers' joint statement, did openai…?": when it happened comes before the comma,
# the question after. Bounded (at most 80 characters before the comma): linear.
_EN_TOLD = re.compile(
    r"(?:after|since|now that|following)\b[^,?]{3,80}+,\s*+(?=(?:did|does|do|is|are|was|were|can|could|will|would"
    r"|should|has|have|how|what|where|which|who|why)\b)",
    re.I,
)


def named_jurisdictions(text: str) -> list[str]:
    """Jurisdictions a question names as places or institutions, not merely by a legal term:
    like :func:`mentioned_jurisdictions` without "fair use" (US) and "DSM" (EU)."""
    return mentioned_jurisdictions(_LAW_TERMS.sub(" ", text))


def shorten(text: str, max_chars: int) -> str:
    """``text`` (stripped) when it fits in ``max_chars`` characters; otherwise cut at the last
    paragraph, sentence or line break in the final 40% of the limit (else at the limit), then
    `` …``, then a closing fence if the cut left a ``` code block open (so up to 6 characters
    over ``max_chars``). Used for quotes and for the model's answer."""
    text = text.strip()
    if len(text) <= max_chars:
        return text
    cut = text[:max_chars]
    for sep in ("\n\n", "。", ". ", "\n"):
        pos = cut.rfind(sep)
        if pos > max_chars * 0.6:
            cut = cut[: pos + len(sep)]
            break
    cut = cut.rstrip() + " …"
    if cut.count("```") % 2:
        cut += "\n```"
    return cut


# Words of litigation: a question asking about a court case or what a court decided
LITIGATION_WORDS = frozenset(
    "lawsuit lawsuits sued sues suing court courts judge judges ruled ruling rulings trial verdict case cases "
    "v vs versus litigation appeal judgment judgement settle settled settles".split()
)
_LITIGATION_JA = ("訴訟", "裁判", "判決", "訴え", "訴状", "提訴", "判例", "地裁", "高裁", "最高裁", "和解")
_ASCII_WORD = re.compile(r"[a-z]++")


# A particular lawsuit the asker refers to ("the music publishers' lyrics case against anthropic",
# "the anthropic books settlement", 「集団訴訟」), not a lawsuit in general ("where would a lawsuit
# have to be filed?"). Possessive, bounded quantifiers: linear time.
_CASE_REFERENCE = re.compile(
    r"\b(?:the|their|this|that)\s++(?:[\w'$.,-]++\s++){0,6}?(?:lawsuits?|case|suit|class action|settlement)\b"
    # ... or opening the message as its topic, with no determiner ("anthropic book settlement: if i…")
    r"|(?P<topic>^(?:[a-z][\w'$.-]*+\s++){1,3}?(?:lawsuits?|class action|settlement)(?=\s*+[:?,]))"
    # ... or asking whether one exists over what the message tells ("found my books in the libgen
    # dataset meta used for llama. is there a lawsuit over that i can follow?" was answered from what
    # Meta trains on, fresh-user trial 104)
    r"|(?P<exists>\b(?:is|are|was|were)\s++there\s++(?:a|an|any)\s++(?:court\s++)?"
    r"(?:lawsuits?|cases?|class actions?)(?=\s++(?:over|about|on|against|for|involving)\b))"
    r"|\bcase against\b|\bsu(?:ed|ing)\b|訴訟|訴状|提訴|和解"
    r"|裁判(?!所|官|する|して|になる|になった(?:ら|とき|時)|を起こ|じゃな|ではな|でな|か仲裁)",
    re.I,
)
# (裁判 as a verb, 「もめた時に裁判するのは」「裁判になったら」, is a suit someone would bring, not one to look up;
# nor is 裁判 set against arbitration, 「揉めたら裁判じゃなくて仲裁？」, a way disputes are settled)
# A suit the asker would bring ("if i wanted to take them to court…", "could we sue x…"): "that
# case" after it is the asker's own, not a particular lawsuit to look up. Bounded lazy gaps: linear.
_OWN_SUIT = re.compile(
    r"\b(?:if|could|can|should|would|do) (?:i|we)\b[^.?!\n]{0,40}?"
    r"\b(?:sued?|t(?:ake|ook) [^.?!\n]{0,20}?to court|filed? (?:a |my |our )?(?:law)?suit)\b",
    re.I,
)
_BARE_CASE = re.compile(r"(?:the|this|that)\s+(?:case|suit|lawsuit)", re.I)
# "case" in an idiom names no lawsuit: "in all cases", "case by case", "a use case", "just in case"
# ("in that case", "in this case" may be the lawsuit asked about: left to count), nor does "the
# case" of a claim ("is that still the case", "if that's the case": the opened forty-eighth set's
# f3504, "X only lets you untick the grok training box on desktop… is that still the case", had
# been refused as a court case). Literals and optional words only: linear.
_CASE_IDIOM = re.compile(
    r"\b(?:in (?:all|any|most|some|many|few|each|every|such|either|both|other|those|these) "
    r"|(?:use|edge|worst|best|test|corner|special|just in) )cases?\b|\bcase[- ]by[- ]case\b|\bin case\b"
    r"|\b(?:(?:is|was|isn't|wasn't|if|whether|as) )?(?:that|this|it)(?:'s| is| was)? (?:still )?the case\b(?! against)"
    # ... nor does a country set against a company or another country ("japan vs sora 2", "EU vs US
    # rules"): a stance or a comparison, not a lawsuit
    r"|\b(?:japan|the eu|eu|europe|the us|usa|uk|the uk|america|britain)\s(?:vs|versus|v)\b",
    re.I,
)


def _without_case_idioms(text: str) -> str:
    """``text`` with each :data:`_CASE_IDIOM` blanked (same length, so offsets hold)."""
    return _CASE_IDIOM.sub(lambda m: " " * len(m.group(0)), text)


def placed_between(
    text: str, name: str, after: re.Pattern[str], before: re.Pattern[str] | None = None, window: int = 0
) -> bool:
    """Some occurrence of ``name`` in ``text`` is followed by ``after`` (matched at its end) or
    preceded by ``before`` (searched in the ``window`` characters before it; None: only ``after``
    is looked for): a name in a particular place ("Bartz v. …", "china's labelling law"). Linear:
    each occurrence is looked at once, and ``window`` bounds what is read before it."""
    start = text.find(name)
    while start >= 0:
        end = start + len(name)
        if after.match(text, end) or (before is not None and before.search(text[max(0, start - window) : start])):
            return True
        start = text.find(name, end)
    return False


# a judge named by title ("judge orrick", "Justice Joanna Smith"); possessive: linear
_JUDGE = re.compile(r"\b(?:judge|justice)\s++([a-z][a-z'-]{2,30}+)", re.I)


def judges_named(text: str) -> list[str]:
    """Each judge as ``text`` titles one ("judge orrick" in "did judge orrick rule…"), possessives
    dropped: a lawsuit's judge names it as well as a party does. Whether the words after the
    title are a name is left to the caller (a note writing "Judge Orrick")."""
    return [m.group(0).removesuffix("'s") for m in _JUDGE.finditer(text[:MAX_JURISDICTION_SCAN])]


def refers_to_a_case(text: str) -> bool:
    """The question refers to a particular lawsuit or settlement (en/ja, ``_CASE_REFERENCE``);
    "that case" after a suit the asker would bring (``_OWN_SUIT``: "if i wanted to take them to
    court… where would that case have to be?") is none."""
    text = _without_case_idioms(text[:MAX_JURISDICTION_SCAN])
    own = _OWN_SUIT.search(text)
    return any(
        not (own and m.start() > own.start() and _BARE_CASE.fullmatch(m.group(0)))
        for m in _CASE_REFERENCE.finditer(text)
    )


_CASE_PHRASE_BREAKS = frozenset(
    "win wins won lose loses lost is was will would could should can may might its their his her "
    "go goes went get gets got settle settles settled end ends ended".split()
)


def asks_whether_a_case_exists(text: str) -> bool:
    """The question asks whether a lawsuit exists over what it tells ("is there a lawsuit over
    that i can follow?"), rather than naming one. Linear: one scan of ``_CASE_REFERENCE``."""
    return any(m.group("exists") for m in _CASE_REFERENCE.finditer(_without_case_idioms(text[:MAX_JURISDICTION_SCAN])))


def case_reference(text: str) -> str:
    """The lawsuit as the question names it, for a refusal to repeat: "the anthropic books
    settlement" in "is my novel in the anthropic books settlement?"; "" when the question refers
    to one only by a verb or a bare noun ("sued", "their lawsuit", 「訴訟」)."""
    m = _CASE_REFERENCE.search(_without_case_idioms(text[:MAX_JURISDICTION_SCAN]))
    if m is None or m.group("exists") or not m.group(0)[:1].isalpha() or not m.group(0).isascii():
        return ""
    words = m.group(0).split()
    if m.group("topic"):
        words = ["the", *words]
    # from the last determiner: "the works list for that $1.5bn authors settlement" names the settlement
    last = max((i for i, w in enumerate(words[:-1]) if w.casefold() in ("the", "their", "this", "that")), default=0)
    words = words[last:]
    # a verb or a pronoun ends the name: "the New York Times win its case" is the New York Times case
    cut = next((j for j in range(1, len(words) - 1) if words[j].casefold() in _CASE_PHRASE_BREAKS), None)
    if cut is not None:
        words = [*words[:cut], words[-1]]
    # "that music publishers' lyrics case" is "the music publishers' lyrics case"; a determiner
    # and a bare noun ("their lawsuit") name nothing
    return " ".join(["the", *words[1:]]) if len(words) >= 3 else ""


# the party a suit is brought against, named after the verb ("the labels suing suno and udio?"):
# up to four words, ending at a word that opens what follows, and up to four more of what the suit
# is over. Bounded: linear (at most 200 characters read after the verb).
_SUED_PARTY = re.compile(r"\b(?:su(?:ed|ing)|case against)\s++([a-z0-9])", re.I)
_SUED_TOKEN = re.compile(r"[\w.&'-]+|[^\w\s]")  # a word, or one mark that ends the name
MAX_SUED_NAME_WORDS = 4
_AFTER_SUED_PARTY = frozenset(
    "by over for because in on about after last this yet since under with from at to is are was were has "
    "have had did does do could can will would should but so if or who which that what when me us you him "
    "her them it i we they my our their his its a an the".split()
)


def sued_party_case(text: str) -> str:
    """The lawsuit named by the party it is brought against, for a refusal to repeat when
    :func:`case_reference` finds no name: "the case against suno and udio" in "whats going on
    with the record labels suing suno and udio?"; "" when the verb names no party ("sued them",
    "was sued by…")."""
    m = _SUED_PARTY.search(text[:MAX_JURISDICTION_SCAN])
    if m is None:
        return ""
    words: list[str] = []
    over = 0  # where "over" starts what the suit is over ("the case against anthropic over song lyrics")
    for w in _SUED_TOKEN.findall(text, m.start(1), m.start(1) + 200):
        if not w[0].isalnum():
            break
        if w.casefold() in _AFTER_SUED_PARTY:
            if w.casefold() != "over" or over or not words:
                break
            over = len(words)
        elif len(words) - over >= MAX_SUED_NAME_WORDS:
            break  # the party's name, or what it is over, is at most four words
        words.append(w)
    while words and words[-1].casefold() in ("and", "over"):
        words.pop()
    return "the case against " + " ".join(words) if words else ""


# how someone's attempt ended, told as a story ("didn't some guy try to register… how did that end
# up?", 「…しようとした人がいたって聞いた。結局どうなったの？」): a case's outcome is asked
_OUTCOME_OF_ATTEMPT = re.compile(
    r"\btr(?:y|ied)\b[^\n]{0,160}?\bhow did (?:that|it|this) (?:end|turn out|go)\b"
    r"|ようとした[^\n]{0,40}?結局どうなった"
)


def asks_about_litigation(text: str) -> bool:
    """The question mentions a lawsuit, a court or a ruling ("did the court rule…", 「判決は？」),
    or asks how someone's attempt ended (``_OUTCOME_OF_ATTEMPT``); "case" in an idiom ("in all
    cases", "case by case", "a use case") does not count."""
    text = text[:MAX_JURISDICTION_SCAN]
    if any(w in text for w in _LITIGATION_JA) or _OUTCOME_OF_ATTEMPT.search(text.casefold()):
        return True
    return not LITIGATION_WORDS.isdisjoint(_ASCII_WORD.findall(_without_case_idioms(text.casefold())))


# An article or section of a law as people write it: "Article 16", "art. 53", "section 29A",
# "Article 30-4", 「第30条の4」, 「16条」, 「第4条第3項」 (the paragraph is left aside). Bounded
# quantifiers only: linear time.
_ARTICLE_EN = re.compile(r"(?<![A-Za-z])(?:article|art\.|section|s\.)\s?([0-9]{1,3}[A-Za-z]?)(?:-([0-9]{1,2}))?", re.I)
_ARTICLE_JA = re.compile(r"第?([0-9０-９]{1,3})条(?:の([0-9０-９]{1,2}))?")


def article_numbers(text: str) -> set[str]:
    """The law articles or sections ``text`` names, as ``"16"``, ``"30-4"``, ``"29a"``:
    "Article 30-4" and 「第30条の4」 are both ``"30-4"``."""
    text = unicodedata.normalize("NFKC", text)
    out = set()
    for m in itertools.chain(_ARTICLE_EN.finditer(text), _ARTICLE_JA.finditer(text)):
        out.add(m.group(1).casefold() + (f"-{m.group(2)}" if m.group(2) else ""))
    return out


_ANY_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|(?<=[。！？])")


def question_sentences(text: str) -> list[str]:
    """``text`` split into sentences (at . ! ? and their Japanese forms, as
    :func:`asking_sentences` splits them; the first ``MAX_JURISDICTION_SCAN`` characters)."""
    return _ANY_SENTENCE_END.split(text[:MAX_JURISDICTION_SCAN])


def asking_sentences(text: str) -> str:
    """The sentences of ``text`` that ask (ending in "?" or 「？」; sentences as
    :func:`last_question` splits them), joined by spaces; the whole text when none does ("how do
    i opt out of meta ai")."""
    asking = [s for s in question_sentences(text) if s.rstrip().endswith(("?", "？"))]
    return " ".join(asking) or text[:MAX_JURISDICTION_SCAN]


# short forms written with one full stop inside sentences ("Thaler v. Perlmutter", "No. 25-449",
# "Getty Images (US), Inc.", "Art. 53"), in the notes and in questions ("the Bartz v. Anthropic
# settlement")
_ABBREVIATIONS = frozenset("v vs no nos inc ltd co corp art arts para sec cf jr sr dr mr ms mrs st al".split())


def ends_in_abbreviation(text: str) -> bool:
    """Whether ``text``'s last word is an abbreviation ("v.", "D.C.", "U.S."): a break after it may
    be inside a sentence. Linear."""
    words = text.split()
    if not words or not words[-1].endswith("."):
        return False
    pieces = words[-1].lstrip("(").split(".")[:-1]
    if not (1 <= len(pieces) <= 3 and all(1 <= len(p) <= 3 and p.isascii() and p.isalpha() for p in pieces)):
        return False
    # dotted letters ("U.S.", "D.C.", "e.g."), an initial ("J."), or a short form that is no word
    # ("v.", "No.", "Inc."); an ordinary short word ends its sentence ("…crawlers that obey it.")
    return len(pieces) > 1 or (pieces[0].isupper() and len(pieces[0]) == 1) or pieces[0].casefold() in _ABBREVIATIONS


# A sentence that tells what the asker read, saw or heard ("adobe says it paid…", "saw a github PR
# explaining…", 「…って記事を読んだ」): the news the question is asked after, not the question
_REPORTS = re.compile(
    r"(?<![A-Za-z])(?:says|said|say|reported|reports|claims|claimed|wrote|writes|recommends|published|put out"
    + r"|saw|read|heard|found)(?![A-Za-z])|読んだ|見た|見かけた|あった|聞いた"
    # (... or what someone called for or said: 「イギリスのイラストレーター協会が、…みんなでオプトアウトしよう
    # って呼びかけてた。」 labelled the association as a subject with no source, the opened
    # sixty-first set's f4313)
    + r"|呼びかけて|言ってた|書いてた",
    re.I,
)
# ... and a determiner in the question that points back at it ("can cloudflare add those lines for
# me?", "who made that request?"; not "is any of that feeding firefly", "that is")
POINTS_BACK = re.compile(
    r"(?<![A-Za-z])(?:those|these|that|this)[ \t]++"
    + r"(?!(?:is|was|are|were|would|will|can|could|does|did|do|has|had|may|might|should|must)(?![a-z]))"
    + r"[a-z]{2,20}+(?<!ing)(?![a-z])",
    re.I,
)


def asked_after_report(text: str) -> str:
    """The questions ``text`` asks after first reporting what the asker read, saw or heard
    (``_REPORTS``), joined by spaces: "adobe says it paid a second firefly bonus to stock
    contributors. …is any of that feeding firefly, and where does firefly's training data come
    from?" asks of the asker's files and of Firefly's data, not of the bonus (the opened
    fifty-eighth set's f4107); their parts (:func:`question_parts`) are what a second section
    answers. "" when nothing is reported before the first question, or when a question points back
    at the report with a determiner ("can cloudflare add those lines?", "is that real?";
    ``POINTS_BACK``). Linear."""
    sentences = [s for s in question_sentences(text) if s.strip()]
    first = next((i for i, s in enumerate(sentences) if s.rstrip().endswith(("?", "？"))), 0)
    if not first or not any(_REPORTS.search(s) for s in sentences[:first]):
        return ""
    asking = " ".join(s for s in sentences[first:] if s.rstrip().endswith(("?", "？")))
    return "" if POINTS_BACK.search(asking) else asking


def tells_before_asking(text: str) -> bool:
    """``text`` has a sentence that does not ask (sentences as :func:`asking_sentences` splits
    them) as well as one that does: the asker tells something, then asks."""
    sentences = [s for s in question_sentences(text) if s.strip()]
    # a break after an abbreviation is inside a sentence ("is my book in the Bartz v. Anthropic
    # settlement?")
    told = [s for s in sentences if not s.rstrip().endswith(("?", "？")) and not ends_in_abbreviation(s.rstrip())]
    return bool(told) and len(told) < len(sentences)


def last_question(text: str) -> str:
    """The last sentence of ``text`` that ends in a question mark (sentences end at . ! ? and
    their Japanese forms), or ""; for long messages, where the story before it would drown it."""
    last, _, sentences = _last_asking(text, _ANY_SENTENCE_END)
    return last if len(sentences) > 1 else ""


# The asks of one part: a comma before a question word opens another ("…what does that licence
# let them do, when did it start"). Literal alternations: linear.
# ("what's the switch now, do temporary chats train…" asks twice, the opened sixty-fourth set's f4466)
_QUESTION_WORD = (
    r"(?:(?:what|how|where|who)(?:'s|’s)?|when|which|why|is|are|does|do|did|can|could|will|would|should|has|have)\s"
)
_ASK_BREAK = re.compile(r", (?=" + _QUESTION_WORD + ")", re.I)
_ASK_OPENING = re.compile(_QUESTION_WORD, re.I)
# (... or a dash: "i write game reviews in helsinki — does perplexity train on my site" asks after it,
# the opened sixty-fourth set's f4478)
_TOLD_END = re.compile(r"(?<=[.!])[ \t]++|[ \t][—–][ \t]")
# a Japanese sentence that opens by pointing back at what was told (「これって…」, 「それは…」, 「その…」)
_JA_POINTS_BACK = re.compile(r"(?:これ|それ|あれ|この|その|あの)")


def asked_after_dash(sentence: str) -> str:
    """The words after the last spaced dash (or full stop or exclamation mark, ``_TOLD_END``) of
    ``sentence`` when they open with a question word: what comes before is told, not asked ("my
    pixel-art site is on neocities from ohio — what has bytedance actually documented about that
    crawler…?" asks of ByteDance; the opened sixty-sixth set's f4597); else ``sentence``. Linear:
    one split and one anchored match."""
    pieces = _TOLD_END.split(sentence)
    last = pieces[-1].strip()
    return last if len(pieces) > 1 and _ASK_OPENING.match(last) else sentence


def split_asks(part: str) -> list[str]:
    """The asks of one of :func:`question_parts`' parts: its pieces, split at each comma before a
    question word, that end in a question mark or open with a question word; the first keeps what
    the part tells before it, which says what "that" is ("…i post my illustrations on X from
    dublin, what does that licence let them do, when did it start" → ["…i post my illustrations
    on X from dublin, what does that licence let them do", "when did it start"]). A piece whose
    last sentence, or whose words after a dash, open with a question word asks in them alone: what
    comes before is told ("mondaq says the supreme court refused to hear thaler's case. does that
    mean the court ruled…" → ["does that mean the court ruled…"], the opened fifty-ninth set's f4177;
    "…i write game reviews in helsinki — does perplexity train on my site", the opened sixty-fourth
    set's f4478). A Japanese part asks in its last sentence, unless that sentence points back at the
    ones before it (「これって…」). Linear."""
    if has_japanese(part):
        # the last sentence asks, and the sentences before it tell (「大学図書館の…提案が出てた。うちは
        # …断りたい。すでに集められた分はどうなるのか」 asked the archive question with the whole
        # part, and the block section answered it, the opened sixty-fourth set's f4494)
        # (... unless it points back at what they tell: 「…meta-externalagentっていうUAが未登録って報告を
        # 見た。これってMetaの何のクローラー？」 asks what that user agent is, the opened sixtieth set's
        # f4251)
        sentences = [t for t in _SENTENCE_BREAK.split(part.strip()) if t]
        return sentences[-1:] if len(sentences) > 1 and not _JA_POINTS_BACK.match(sentences[-1]) else [part]
    asks: list[str] = []
    told = ""
    for piece in (a.strip() for a in _ASK_BREAK.split(part)):
        after = asked_after_dash(piece)
        if piece.endswith(("?", "？")) or _ASK_OPENING.match(piece) or after != piece:
            if after != piece:
                asks.append(after)  # what the piece tells first is told, not asked
            else:
                asks.append(f"{told}, {piece}" if told and not asks else piece)
        elif piece:
            told = piece
    return asks
