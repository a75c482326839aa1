"""Questions kenri must not answer from its sources even when passages look similar:
predictions of how a dispute will end, and advice on the asker's own legal situation; and,
after retrieval, requests to rank tools or services ("which is better") that no section compares.

A short list of phrasings (English and Japanese) is enough here: these are refusals by
policy, not retrieval failures, and a false refusal still tells the user what kenri covers.
"""

from __future__ import annotations

import re

import re2

from .text import placed_between

# The longest text scanned: KENRI_MAX_QUESTION_CHARS allows up to 100,000 characters.
MAX_SCAN_CHARS = 100_000

PATTERNS: dict[str, list[re.Pattern[str]]] = {
    "prediction": [
        re.compile(p, re.I)
        for p in (
            r"\bwill\s+(?:\w++\s++){0,3}(?:win|lose|prevail|succeed)\b",  # possessive: one way to split
            r"\bwho(?:'s| is)?\s+(?:going to|gonna|will)\s+win\b",
            r"\b(?:going to|gonna)\s+(?:win|lose)\b",
            r"\b(?:chances?|odds|likelihood)\s+(?:of|that|to|the|they|it|this)\b",
            r"\bpredict(?:ion)?s?\b",
            r"\bhow will (?:the )?(?:court|judge|case|lawsuit)s?\b",
            r"\boutcome of (?:the |their |this )?(?:case|lawsuit|trial)\b",
            r"\bwill\s+(?:the\s+)?(?:supreme\s+court|courts?|congress|parliament|government|judges?|regulators?)\b"
            r".{0,40}\b(?:change|rule|decide|ban|pass|allow|overturn)\b",
            r"\b(?:next|this|coming)\s+year\b.{0,30}\b(?:will|going to|gonna)\b"
            r"|\b(?:will|going to|gonna)\b.{0,60}\bnext year\b",
            # wondering whether a law or policy will change one day
            r"\b(?:will|going to|gonna)\b[^.?!]{0,40}\b(?:ever|eventually|someday|one day)\b[^.?!]{0,30}"
            r"\b(?:change|amend|ban|outlaw|require|pass|become)",
            r"\bdo you think\b[^.?!]{0,60}(?:\b(?:will|would|going to|gonna)\b|'ll\b)",
            r"\bwould (?:they|he|she|it|we|you|i|the \w+) (?:win|lose|prevail|succeed)\b",
            r"\bwill\b[^.?!]{0,40}\bget (?:pulled|rewritten|withdrawn|overturned|reversed|struck down|banned)\b",
            # whether a regulator or court will actually act ("will the AI office actually fine openai?")
            r"\bwill\b[^.?!]{0,40}\b(?:actually|really|ever)\s+(?:fine|punish|enforce|sue|crack down|go after)\b",
        )
    ]
    + [
        re.compile(p)
        for p in (
            r"勝て(?:る|そう|ます)",
            r"勝訴(?:する|でき|の可能性)",
            r"(?:来年|今後|将来|この先|そのうち|いずれ|近いうちに|これから|あと数年|数年後|何年か後|[0-9]{1,2}年後).{0,30}"
            r"(?:される|なる|なったり|変わる|変わったり|改正|導入|取られる|奪われる|なくなる|減る|消える)"
            r".{0,12}(?:と思う|かな|でしょうか|だろう)",
            r"(?:裁判|訴訟)の(?:結果|行方)",
            r"予想|予測",
            # (not who won, asked of a ruling given: 「…判決はどっちが勝ったの？」, fresh-user check 119)
            r"(?:どっち|どちら|誰)が勝(?!った|ちました)",
            r"勝つと思",
        )
    ],
    "personal-advice": [
        re.compile(p, re.I)
        for p in (
            r"\bshould i (?:sue|file|take (?:them|him|her|it) to court|press charges|settle|sign)\b",
            r"\b(?:am i|are we) (?:going to|gonna) (?:get|be) sued\b|\b(?:will|would|could|can) i (?:get|be) sued\b",
            # ... or someone suing the asker ("could a customer sue me?"), the same question
            r"\bsue (?:me|us)\b",
            r"\b(?:my|our) (?:lawsuit|case|contract|lawyer|attorney)\b",
            r"\bi (?:got|received) a (?:cease and desist|c&d|dmca|legal notice)\b",
            r"\bhow much (?:money|damages) (?:can|could|will) i (?:get|win|claim)\b",
            r"\b(?:is it|would it be) worth (?:suing|a lawsuit|going to court)\b",
            r"(?:^|\bi )(?:got|received) a (?:copyright )?(?:strike|takedown)\b",
            r"\bwhat (?:do|should) i do\b.{0,40}\b(?:strike|takedown|lawsuit|sued)\b",
            # whether to take a legal step now ("should I send them a cease and desist?")
            r"\bshould i (?:send|file|serve|issue) (?:(?:them|him|her|it) )?(?:an? |my )?"
            r"(?:cease[- ]and[- ]desist|c&d|demand letter|dmca|takedown|legal notice)",
        )
    ]
    + [
        re.compile(p)
        for p in (
            r"訴えるべき",
            r"訴えた(?:方|ほう)がいい",
            r"私の(?:ケース|場合|契約)",
            r"自分の(?:ケース|契約)",
            r"いくら(?:もらえ|請求でき)",
            r"訴えたら(?!しい)",  # "if I sue", not 「訴えたらしい」 ("it seems they sued")
            r"(?:訴える|裁判する)価値",
            # whether to take a legal step now (「内容証明を送るべき？」「弁護士に相談すべき？」)
            r"(?:内容証明|警告書|通知書|削除請求|発信者情報開示)[^。？?]{0,8}(?:送る|出す|する|送った|出した)"
            r"(?:べき|方がいい|ほうがいい)",
            r"弁護士に(?:相談|依頼)(?:す|し)(?:べき|た方がいい|たほうがいい)",
        )
    ],
}


# a question asking which form or application to file: bounded gaps, linear
_WHICH_FILING = re.compile(r"\b(?:which|what)\b[^.?!]{0,80}?\bshould i file\b", re.I)


LAW_WORDS = re.compile(
    # (with the forms a law question is asked in: "is AI art copyrightable here?", "legally")
    r"\b(?:law|laws|legal|legally|illegal|illegally|copyright|copyrights|copyrighted|copyrightable|regulation|"
    r"regulations|rules?|act|statute|court|legislation|term|"
    # what a government does about the law: an exception ruled out, a scheme planned
    r"exceptions?|governments?|parliament|lawmakers?)\b"
    # 法 but not the 法 of 「方法」 (a way), 「手法」, 「技法」, 「魔法」…: 「止める方法ある？」 asks for steps
    r"|(?<![方手技魔画作寸用文製])法|著作権|規制|ルール|裁判|合法|違法|政府|国会|議会",
    re.I,
)


# A law named as a place's own, right beside the place: "china's new labelling law", "chinese
# law", "the law in korea", 「中国で始まったAI生成物の表示義務」, 「韓国の著作権法」. Checked from
# each place the question names, within sixteen characters (three words in English): linear.
_LAW_AFTER_PLACE = re.compile(
    r"(?:'s|\u2019s)?(?: [A-Za-z\-]{1,20}+){0,3}? "
    # (a "law firm", "law school" or "law blog" is no law: "a french law firm blog says…")
    r"(?:law(?! (?:firms?|schools?|students?|professors?|blogs?|journals?|reviews?)\b)|laws|rules?|regulations?"
    r"|act|statute|legislation|bill|[ash]b ?[0-9]{1,5})\b"  # "AB 2013": a bill
    # ... or an exception the place has ("does korea have an exception like japan's article 30-4?")
    r"| (?:have|has|got) (?:an? |any |its own )?(?:[A-Za-z\-]{1,20}+ )?(?:exceptions?|exemptions?|equivalent)\b"
    # 法 but not the 法 of 「方法」 (a way) and its kin, as in LAW_WORDS
    r"|[^、。？！?!\n法規ル義]{0,16}+(?:(?<![方手技魔画作寸用文製])法|規制|ルール|義務)",
    re.I,
)
# ... and a court's decision there ("did a chinese court really say…", "the beijing ai image
# ruling", 「中国のウルトラマンAI判決」). Bounded: linear.
_COURT_AFTER_PLACE = re.compile(
    r"(?:'s|\u2019s)?(?: [A-Za-z\-]{1,20}+){0,3}? (?:courts?|rulings?|judgments?|judgements?|verdicts?)\b"
    r"|[^、。？！?!\n]{0,16}?(?:判決|裁判|訴訟|法院)",
    re.I,
)
_LAW_BEFORE_PLACE = re.compile(r"\b(?:law|laws|rules|regulations?|legislation) (?:in|of) (?:the )?$", re.I)


def law_of_place(question: str, surface: str) -> bool:
    """``question`` names a law as the place ``surface``'s own (the patterns above): a question
    about an uncovered country's law is one the sources cannot answer, wherever the asker is."""
    return placed_between(question, surface, _LAW_AFTER_PLACE, _LAW_BEFORE_PLACE, 24)


def court_of_place(question: str, surface: str) -> bool:
    """``question`` names a court decision or case of the place ``surface`` (``_COURT_AFTER_PLACE``):
    for a country the sources do not cover, another country's law or case is no answer to it."""
    return placed_between(question, surface, _COURT_AFTER_PLACE)


# What a site owner does on their own site to keep AI crawlers out, which works the same wherever
# they live: robots.txt, blocking crawlers and scrapers, user agents, noai tags ("illustrator in
# canada here, how do i stop my portfolio site from getting scraped for ai training?" was given
# the uncovered-country reply). Plain alternations of literals: linear.
SITE_MEASURES = re.compile(
    r"robots\.txt|\bscrap(?:e|ed|es|ing|er|ers)\b|\bcrawl(?:s|ed|er|ers|ing)?\b|\bblock(?:s|ed|ing)?\b"
    r"|\buser[- ]?agents?\b|\bnoai\b|スクレイピ|クローラ|ブロック",
    re.I,
)


# ... asked as how to take them (not whether scraping is lawful there: "jakarta illustrator: can an
# AI company legally scrape our portfolios?" asks about Indonesia's law)
_HOW_TO = re.compile(
    r"\bhow (?:do|can|would|should) (?:i|we|you)\b|\bhow to\b|\bwhat (?:do|should|can) (?:i|we) (?:put|write|add|use)\b"
    # ("should i just block the crawlers?": an adverb between, fresh-user trial 94)
    r"|\bways? to\b|\b(?:can|should) (?:i|we) (?:just |simply |also |still )?(?:block|stop)\b"
    r"|方法|どうすれば|どうやって|書き方|には[？?]",
    re.I,
)


# ... but "a way to" that a company offered someone else is news about it, not the asker's how-to
# ("did openai offer studios a way to opt their stuff out?"; "does meta offer me a way to…?" is
# the asker's). Bounded gap: linear.
_OFFERED_WAY = re.compile(
    r"\b(?:offer(?:s|ed|ing)?|g(?:ive|ives|ave|iven|iving))\s(?!(?:me|us)\b)[a-z' ]{1,30}ways?\sto$", re.I
)


def asks_how_to(question: str) -> bool:
    """The question asks how to do something (``_HOW_TO``: "how do i…", "how to", "what do i put",
    「どうすれば」, 「方法」, 「…には？」), not what a rule or a policy says, nor whether a company offered
    others a way (``_OFFERED_WAY``)."""
    q = question[:MAX_SCAN_CHARS]
    return any(
        not (m.group(0)[:3].casefold() == "way" and _OFFERED_WAY.search(q[max(0, m.start() - 45) : m.end()]))
        for m in _HOW_TO.finditer(q)
    )


def asks_about_site_measures(question: str) -> bool:
    """The question asks how to keep AI crawlers off the asker's site (``SITE_MEASURES`` and
    ``_HOW_TO``)."""
    return bool(SITE_MEASURES.search(question[:MAX_SCAN_CHARS])) and asks_how_to(question)


def out_of_scope(
    question: str,
    covered_named: bool = False,
    uncovered_place: bool = False,
    law_only: bool = False,
    uncovered_law: bool = False,
) -> str | None:
    """The reason a question is out of scope, or None:

    * ``prediction``: how a dispute will end;
    * ``personal-advice``: the asker's own legal situation;
    * ``uncovered-jurisdiction``: a law question naming a country the corpus does not cover
      (``uncovered_place``, from :class:`bot.engine.subjects.Places`), unless it also names a
      covered jurisdiction (``covered_named``) and names no law as the uncovered place's own
      (``uncovered_law``, :func:`law_of_place`). With ``law_only`` (the question names a platform
      the corpus covers) only law questions are refused; otherwise any such question is.
    """
    question = question[:MAX_SCAN_CHARS]  # cap first, then match (each pattern is linear)
    for reason, patterns in PATTERNS.items():
        for p in patterns:
            m = p.search(question)
            # "which application type should i file?" asks which form the rule calls for, not
            # whether to take a step in the asker's own dispute
            if m and not (m.group(0).casefold().endswith(" file") and _WHICH_FILING.search(question)):
                return reason
    if uncovered_law or (uncovered_place and not covered_named and (not law_only or LAW_WORDS.search(question))):
        return "uncovered-jurisdiction"
    return None


# The corpus is about AI and copyright (and robots.txt, whose Disallow lines and blocked user
# agents are its vocabulary; a browser's user agent is not), and AI generators and generation
# techniques name it too (Suno, i2i). A question with none of these words, and whose rare terms
# the corpus does not contain either, is about something else (music licensing, followers,
# drawing tips) even when it sounds legal.
#
# Compiled with RE2 (google-re2), which matches in linear time: in Python's backtracking engine
# ``\w*bots?`` and ``\w+-user`` rescan a long run of letters from every start position, which
# cost 226 s on a 100,000-character question. RE2 has no lookaround, so the ASCII word boundaries
# consume the neighbouring character instead; ``AI_TOPIC`` is therefore for existence tests
# (``search``), and a match's span includes that one boundary character. RE2's ``\w`` is ASCII, so
# Python's Unicode ``\w`` is spelt ``[\p{L}\p{N}_]``.
_W = r"[\p{L}\p{N}_]"
_A = r"(?:^|[^A-Za-z0-9])"  # ASCII word boundaries: Japanese letters count as \w in Python's \b
_Z = r"(?:[^A-Za-z]|$)"
AI_TOPIC = re2.compile(
    r"(?i)"
    + _A
    + r"(?:ai|a\.i\.|artificial intelligence|machine learning|ml|llms?|models?|train(?:s|ed|ing)?|datasets?|"
    r"crawl(?:s|er|ers|ing)?|scrap(?:e|es|er|ers|ing)|_W*bots?|robots(?:\.txt)?|opt[- ]?(?:out|in)s?|generat_W*|"
    r"prompts?|loras?|gpt_W*|chatgpt|openai|sora|midjourney|stable diffusion|dall-?e|gemini|claude_W*|anthropic|"
    r"grok|firefly|tdm|text and data mining|data mining|noai|deepfakes?|synthetic|styles?|"
    r"suno|udio|elevenlabs|novelai|nijijourney|ideogram|kling|hailuo|copilot|"
    r"i2i|img2img|t2i|txt2img|controlnet|inpainting|outpainting|"
    r"content credentials|c2pa|spawning|perplexity|applebot_W*|google-extended|ccbot|bytespider|"
    r"glaz(?:e|es|ed|ing)|nightshad(?:e|ed|ing)|poison(?:s|ed|ing)?|(?:text and )?data analysis|mined|mining|"
    # "mine" as a verb, with its object ("lets firms mine your site", the opened fifty-first set's
    # f3697), not the pronoun ("is this art mine?")
    r"mines? (?:my|your|our|their|its|his|her|the|this|that|these|those|public|all|web|online)|"
    r"meta-external_W*|_W+-user|_W+-searchbot|"
    r"disallow(?:s|ed|ing)?|(?:block(?:s|ed|ing)?|every|all|each) (?:the )?user[- ]?agents?|"
    # a rights reservation in machine-readable form is the EU's opt-out (DSM Article 4(3))
    r"machine[- ]readable|reserv(?:e|es|ed|ing|ation) (?:of )?(?:their |my |your |our |all )?rights)".replace("_W", _W)
    + _Z
    + r"|ＡＩ|生成|学習|クローラ|スクレイピ|機械学習|プロンプト|オプトアウト|オプトイン|データセット|ボット"
    r"|画風|作風|絵柄|データ分析|情報解析|データマイニング|ポイズニング|機械可読|権利留保"
    r"|(?:拒否|ブロック|全部|すべて|全て)[^。？?]{0,10}ユーザー?エージェント|ユーザー?エージェント[^。？?]{0,10}(?:拒否|ブロック)"
)


def is_on_topic(question: str) -> bool:
    """True when the question names AI, training, crawling, opt-outs or a known AI product or
    crawler (English or Japanese). Linear time in ``len(question)``; reads at most
    ``MAX_SCAN_CHARS`` characters (the engine caps questions well below that)."""
    return AI_TOPIC.search(question[:MAX_SCAN_CHARS]) is not None


# "Which is better, Glaze or Nightshade?" asks kenri to rank: only a section that itself compares
# (its heading asks about a difference or a choice) answers it; otherwise the answer would be
# one tool's description passed off as a recommendation.
RANKING = [
    re.compile(p, re.I)
    for p in (
        r"\bwhich (?:one |of (?:them|the two|these) )?(?:is|works|would be) (?:better|best|safer|the best)\b",
        r"\bwhich one do you recommend\b",
    )
] + [
    re.compile(p)
    for p in (
        r"(?:どっち|どちら|どれ)(?:の方)?が(?:いい|良い|よい|おすすめ|オススメ|お勧め|マシ|まし|効果的|強い|安全)",
        r"(?:どっち|どちら|どれ)が(?:一番|いちばん)",
    )
]
COMPARING = re.compile(
    r"\b(?:differ|difference|different|compare[sd]?|comparison|versus|vs\.?|which)\b|違い|違う|比べ|比較|どっち|どちら",
    re.I,
)


def asks_to_rank(question: str) -> bool:
    """True when the question asks which of several tools or services is better (en and ja)."""
    question = question[:MAX_SCAN_CHARS]
    return any(p.search(question) for p in RANKING)


def compares(heading: str) -> bool:
    """True when a section's heading asks about a difference or a choice between things."""
    return COMPARING.search(heading[:MAX_SCAN_CHARS]) is not None
