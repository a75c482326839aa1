"""Plan an answer from retrieved sections: which section leads, whether a second adds a point,
and what the asker's country means for them.

Retrieval ranks sections by similarity; similarity alone cannot tell "Tumblr" from "DeviantArt"
or an artist's opt-out from a subscriber's privacy setting. The plan re-ranks with what the
question says explicitly: the subjects it names (from the corpus's own aliases), who is asking
(rights holder or tool user) and where they are.
"""

from __future__ import annotations

import functools
import re
import unicodedata
import urllib.robotparser
from collections.abc import Callable, Collection, Mapping, Sequence

from bot.engine.models import Passage
from bot.knowledge.i18n import Messages, Text, lookup
from bot.knowledge.schema import JURISDICTIONS, jurisdiction_name

from .answer import citation_slots, markdown_blocks
from .scope import asks_how_to
from .subjects import Place, months_in, platform_name, word_spans, written_as_word
from .text import (
    POINTS_BACK,
    QUOTED_PHRASE,
    ROLE_WORDS,
    article_numbers,
    asking_sentences,
    asks_about_litigation,
    mentioned_jurisdictions,
    news_outlet_spans,
    placed_between,
    question_sentences,
)

# Re-ranking weights, in reciprocal-rank-fusion units (a first place in one ranking is 1/61).

# A section whose own question shares the question's distinctive terms (``Passage.aspect``):
# a little everywhere, more among the sections of the leading note, where a section asked this
# closely is never left out for a weaker similarity of its text.
ASPECT_WEIGHT = 0.01
# a section whose own question asks for the same kind of answer (a time, an amount, a party) as the
# question (:func:`question_types`); the opened field sets gained one question at 0.03 and lost none
QUESTION_TYPE_BONUS = 0.03
SIBLING_ASPECT_WEIGHT = 0.02
SIBLING_ASPECT_MIN = 0.15
HEADING_PLACE_PENALTY = 0.02  # … and one naming only other places ranks down
ALL_PLACES_BONUS = 0.02  # … and more when its own question names every place the question does
HEADING_PLACE_BONUS = 0.02  # see plan_sections: the named platform's section naming where the asker is
ARTICLE_BONUS = 0.06  # the section's own question names the law article the question names
SUBJECT_BONUS = 0.03  # the section's note (or the note a checklist is built from) is about a named subject
# a question naming two or more subjects ("a Midjourney image registered with the Copyright
# Office"): a section about all of them (its note, or its text naming them) answers it best
ALL_SUBJECTS_BONUS = 0.015
# a name that picks out one note among another named subject's notes (:func:`_narrowest_named`):
# its sections rank up within RELEVANCE_BAND. Opened field sets (2026-12-01): +1 at 0.02, none
# lost; 0.03 lost one; any strict subset (not one note) or only within SUBJECT_BAND: +2 −1
NARROW_NAME_BONUS = 0.02
# ... and more for a section of that note whose own question writes the name (「「Midjourney Style
# List」（作家名リスト）とは？」 for 「Midjourney Style Listっていうスプレッドシートは誰が…作ったの？」,
# which a "who" heading of Midjourney's terms outranked). Opened field sets (2026-12-04): +1 at
# 0.01, none lost; 0.03 also moved two leads to another section of the same note
NARROW_HEADING_BONUS = 0.01
# a section of a note built from other notes (an overview; ``sources`` in its front matter) that
# restates a named subject's own note, citing it ("…sent OpenAI a written request (source:
# jp-coda-sora2-request)"), for a question naming that subject ("CODAの要望書って…"): the note
# itself answers first and the overview follows. Opened field sets (2026-12-01): +2 of 608 at
# 0.02, none lost (0.04 lost one; 0.01 gained one)
RESTATED_PENALTY = 0.02
OTHER_SUBJECT_PENALTY = 0.02  # a vendor/platform note about a subject the question does not name
GENERIC_VENDOR_PENALTY = 0.01  # a platform's own section for a question that names no platform
# a question that names no subject and no place ("can i opt out of ai training?", "is my art being
# used to train AI? how do i stop it?") is answered by the sources for everyone (the overviews,
# international guidance) before one platform's steps (optout-amazon led) or one country's law (the
# EU's DSM Directive led); a question in Japanese is taken to be asked from Japan. Opened field sets
# (2026-12-01): −1 of 548 at 0.01-0.03 (a refusal that had depended on a court case leading), fresh
# users' generic questions answered from the overview
NOTHING_NAMED_PENALTY = 0.02
OTHER_LANGUAGE_PENALTY = 0.01  # a source with no note in the asker's language (shown untranslated)
AUDIENCE_PENALTY = 0.025  # steps for tool users shown to a rights holder, or the reverse
JURISDICTION_BONUS = 0.01  # the asker's jurisdiction
OTHER_JURISDICTION_PENALTY = 0.02  # a national source of another jurisdiction
# a platform's national route (Meta's UK objection) for an asker who named no country: its
# international checklist, which lists every region's route, answers them better
NATIONAL_VENDOR_PENALTY = 0.01
# a court case's section for a question that names no case and asks about no court: the law or
# guidance states the rule; one dispute's facts are the example (the opened field sets gained 2
# questions at any weight from 0.005 to 0.02, lost none)
UNASKED_CASE_PENALTY = 0.01
# ... and, for a question about a lawsuit, the court case's note about a subject it names ranks
# above that subject's other notes ("Midjourney訴訟でスタジオ側が求めてるのは…" was led by Midjourney's
# own reported defence; opened field sets 2026-12-02: +1, 3 answers of 1,568 changed, the same at
# 0.005-0.02)
ASKED_CASE_BONUS = 0.01
# A section whose own question (its heading or an ``asked`` phrasing) is nearly the question
# itself: a bonus in proportion to how far its question similarity passes the floor (0.02 at 0.90).
# Fusion by rank flattens a near-paraphrase into a near-tie ("日本政府が…OpenAIに何を求めたの？"
# matched 「日本政府は…OpenAIに何を要請したの？」 at 0.90 and still came second); the opened field
# sets gained 2 questions at any weight from 0.2 to 1.0 with the floor at 0.80, lost none; a lower
# floor (0.6-0.7) lost questions.
QUESTION_MATCH_FLOOR = 0.80
QUESTION_MATCH_WEIGHT = 0.2
# Source types that state a general rule (law, official guidance): usable, labelled, when the
# question's own subject has no source.
GENERAL_TYPES = frozenset({"law", "guidance", "report", "standard"})
GENERAL_RULE_MIN_QSIM = 0.55
# A second section is added only when the question names a second subject or jurisdiction that
# the lead does not cover, or when it answers the question nearly word for word.
SECOND_MIN_QSIM = 0.80
SECOND_MAX_GAP = 0.05
MAX_SEE_ALSO = 3
# When the lead section is short and another section of its subject ranks within this of it (in
# rank-fusion units after planning; a first place in one ranking is 1/61), the encoder cannot
# tell which of the two answers: both are shown, the lead first. Opened field sets: +5 of 308 at
# any gap from 0.01 to 0.03 (lead under 800 characters), none lost. Measured again on 1,448
# opened questions (fifteenth pass): 0.03 against 0.02 +2 and none lost, 28 answers of 1,568 gain
# a second section of the lead's note; 0.04 the same +2.
NEAR_TIE_GAP = 0.03
NEAR_TIE_LEAD_CHARS = 800
# ... and a longer lead only a runner-up scored this close (opened field sets, 2026-12-04: +1 at
# 0.003, 0.005 and 0.008, with 5, 9 and 9 answers changed of 2,828)
LONG_LEAD_TIE_GAP = 0.003
NEAR_TIE_RANK = 4  # among the plan's first sections only
# a section whose own question is this close to the lead's asks the same thing (a checklist step
# and its note's section, or translations): never the same fact twice
SAME_QUESTION_SIM = 0.78
VENDOR_TYPES = frozenset({"vendor-policy", "platform-setting"})
# Re-ranking only reorders sections about as close to the question as the closest one; a bonus
# never lifts an unrelated section over a relevant one.
RELEVANCE_BAND = 0.15
ASKER_BAND = 0.3  # wider for a source of the jurisdiction the asker is in
SUBJECT_BAND = 0.12  # a named subject lifts only sections this close to the best
SUBJECT_ASPECT_MIN = 0.5  # ... or within RELEVANCE_BAND, sharing this much of the question's terms

# a section's own question about the places its sources do not name ("…outside Europe?",
# 「…EUや英国以外で…」)
_OUTSIDE = re.compile(r"\boutside\b|以外", re.I)
# a place a heading names only as where its answer does not apply ("…in the US or outside Europe?",
# 「ヨーロッパ以外で…」): no place of the section's. Bounded: linear.
_OUTSIDE_PLACE = re.compile(r"\boutside (?:of )?(?:the )?[A-Za-z]{2,20}+|[^\s、。？?]{1,12}?以外", re.I)

_USER_CUES = re.compile(
    r"\b(?:when i use|i use|i'm using|im using|using it|my prompts?|my generations?|my outputs?|my chats?|"
    r"my conversations?|subscri(?:ber|ption|bed)|stealth|private mode|my account|images? i (?:generate|made with)|"
    r"my generated (?:images?|art|artwork|pictures?|videos?)|"
    r"i generated|my own face|my face|my likeness|cameo|i paste|i pasted|pasting|incognito|api|"
    r"i (?:send|sent|upload|uploaded|submit|submitted|feed|fed))\b"
    r"|使っ|利用して|利用中|生成した|プロンプト|サブスク|有料プラン|自分の顔|カメオ|貼っ|貼り付け|入力し"
    # showing a work to a chatbot is using it (「ChatGPTに自分のイラスト見せて感想もらいたい」)
    r"|(?:AI|GPT|Gemini|Claude|Copilot|Grok|チャットボット)に[^、。？！?!\n]{0,12}?(?:見せ|アップ|送っ|送信)"
    # ... and a chatbot's own setting for what one gives it (「chatgptに自分の文章を学習させない設定」)
    r"|(?:GPT|Gemini|Claude|Copilot|Grok)に[^、。？！?!\n]{0,16}?させない設定",
    re.I,
)
# The asker's self-description opening a question ("concept artist:", "uk illustrator here.",
# "songwriter in germany:"): bounded runs, one alternation, anchored: linear.
_SELF_DESCRIPTION = re.compile(
    r"^\s*+(?:i'?m |i am |we'?re |we are )?(?:an? |the )?[^:.!?\n]{0,40}?"
    rf"\b{ROLE_WORDS}\b[^:.!?\n]{{0,40}}?(?::|\s++here\b[.,:!]?)",
    re.I,
)
_HOLDER_CUES = re.compile(
    r"\b(?:my (?:art|artwork|artworks|work|works|drawings?|illustrations?|paintings?|photos?|images?|comics?|"
    r"manga|characters?|style|novels?|books?|writing|music|songs?|site|website|portfolio|posts?)|"
    r"train(?:ing|ed)? on|scrap(?:e|ed|ing)|opt (?:my|out)|artists?|rights ?holders?|copyright holders?)\b"
    r"|私の(?:絵|作品|イラスト|漫画|マンガ|キャラ|サイト)|自分の(?:絵|作品|イラスト|漫画|マンガ|キャラ|絵柄|画風|サイト)"
    r"|学習させ|学習に使|無断|権利者|作者"
    # ... as Japanese writes the English "artists" and "training on": 「アーティスト向けに学習から外してもらう」
    r"|アーティスト|学習から(?:外|除)",
    re.I,
)


# what a vendor offers rights holders: "an opt-out for artists", 「アーティスト向けのオプトアウト」 (en/ja)
_FOR_HOLDERS = re.compile(
    r"\bfor (?:artists|creators|rights ?holders|copyright holders)\b|(?:アーティスト|クリエイター|権利者)向け", re.I
)


# A tool user asking what happens to what they type, paste or upload into a service ("does copilot
# train on my chats?", 「Geminiアプリに小説を貼って相談してる」), and the words a note uses when it
# covers that (prompts, conversations, interactions): a service whose notes never write them has
# sources only for websites, crawlers and posts. Bounded alternations: linear time.
_OWN_INPUT_ACT = re.compile(
    r"\bi (?:paste|pasted|type|typed)\b|\bstuff i paste\b|貼っ|貼り付け|入力し|プロンプト",
    re.I,
)
# ... a chat named is the asker's own input unless the question is about the asker's site: in
# 「Bingのチャットとかに会社のサイトを使われたくない」 the chat is the product that reads the site
_OWN_INPUT_THING = re.compile(r"\b(?:my|our) (?:chats?|conversations?|prompts?|messages)\b|会話|チャット", re.I)
# (and a meta tag or robots.txt is put on a site: 「BingのAIチャットに使われたくないからnoarchiveのメタタグを
# 付けたい」 is about the asker's pages; so is a portfolio, or a directive for pages: 「ポートフォリオをBingのチャット
# 回答に…使われたくない…noarchiveとnocacheのどっちを付ければいい？」, the opened sixty-seventh set's f4673)
_OWN_SITE = re.compile(
    r"\b(?:my|our) (?:site|website|blog|portfolio)\b|\bmeta ?tags?\b|robots\.txt|\bno(?:archive|cache)\b"
    r"|サイト|ホームページ|ブログ|メタタグ|ポートフォリオ",
    re.I,
)
OWN_INPUT_WRITTEN = re.compile(r"\b(?:prompts?|conversations?|interactions?)\b|プロンプト|会話|やり取り", re.I)


def asks_about_own_input(question: str) -> bool:
    """The question asks what a service does with what the asker types, pastes or uploads into
    it (en/ja): it says so (``_OWN_INPUT_ACT``), or names the asker's chats without asking about
    the asker's site (``_OWN_INPUT_THING``, ``_OWN_SITE``)."""
    q = question[:2000]
    return bool(_OWN_INPUT_ACT.search(q) or (_OWN_INPUT_THING.search(q) and not _OWN_SITE.search(q)))


# A question about a work's own copyright status (can it be protected, registered) is answered by
# law, courts and copyright offices; a tool it names ("Photoshop's generative fill", "a Midjourney
# image") is context, and the tool's own terms (what it trains on, who "owns" outputs) are not
# copyright. Bounded alternations: linear time.
_COPYRIGHT_STATUS = re.compile(
    r"\b(?:copyrightable|uncopyrightable|copyright ?(?:protection|protected|registration|office)|"
    r"(?:can|could) (?:i|you|we) (?:even |still |actually |really |ever )?copyright|"
    # (not a work put on a site's opt-out list: "if i register my paintings there, who honours it?"
    # was led by the four-country comparison's registration section, the opened sixty-second set's
    # f4356)
    r"register(?:ed|ing)? (?:(?:it|this|that|them|my)"
    r"(?![^.?!,]{0,40}?\b(?:there|on (?:it|that|the|their) (?:site|registry|list|website|platform))\b)"
    r"|(?:the |a )?copyright)|registration|"
    r"human authorship|protected by copyright|eligible for copyright|co-?authors?|"
    r"fil(?:e|es|ed|ing) (?:for |a )?(?:(?:us|u\.s\.) )?copyright|"
    r"(?:us|u\.s\.|law|copyright|office) (?:would |will |can |does )?protect|"
    r"(?:make|makes|made|am|be|count as) (?:me |i )?(?:the |an? )?(?:author|copyright owner)|own the copyright)\b"
    r"|\b(?:get|gets|getting) (?:copyright|copyrighted)\b"
    # ... or a law that gives it ("does UK law give me copyright in those?", fresh-user check 113)
    r"|\b(?:give|gives|giving|grant|grants) (?:me|you|us|them|it) (?:any )?copyright\b"
    # "is AI art even copyrighted in the UK?": a work said to be copyrighted, not the copyrighted
    # works something is trained on ("is training on copyrighted images legal?")
    r"|\b(?:is|are|was|were|be)\b[^.?!]{0,40}?\bcopyrighted(?=\s*+(?:[?.!,;]|$|(?:in|at|or|under|if|when|by|anywhere)\b))"
    # (and without its particle: 「Midjourneyで作った画像って日本で著作権認められますか？」, fresh-user trial 82)
    r"|著作物性|著作権(?:は|が)(?:ある|あり|発生|認められ|生まれ|つく|付く)|著作権(?:つく|付く|発生す|認められ|取れ)"
    r"|著作権で(?:保護|守)|著作権登録|著作権局",
    re.I,
)


# What a question asks for, from its question words: a time, an amount, a party, a place
# (en/ja). A section whose own question asks for the same ("When do the AI Act's obligations
# apply?") answers a question of that kind ("from when do they have to respect opt-outs?").
_QUESTION_TYPES = {
    # "when" asks only as a question word: before an auxiliary ("when was it filed?", "from when do
    # they…") or the question mark; "does it only work when lots of artists use it?" asks no time
    "when": re.compile(
        r"\bwhen(?:'s|\s++(?:did|does|do|is|was|were|will|are|can|could|should|would|has|have|had)\b|\s*+\?)"
        r"|\b(?:how long|in force|deadline|what date)\b|いつ|期限|施行|何日",
        re.I,
    ),
    # a place among several: "in which of those does an opt-out have legal effect?", "where does an
    # opt-out count legally?", 「どの国なら…？」 (a bounded gap: linear)
    "place": re.compile(
        r"\b(?:which|what) (?:countr(?:y|ies)|jurisdictions?)\b|\bin which of (?:those|these|them)\b"
        r"|\bwhere\b[^.?!]{0,80}?\b(?:legally|by law|legal effect)\b"
        r"|どの国|どこの国|国(?:は|って)どこ",
        re.I,
    ),
    # where a case or a process stands now: "what's the status of…", "has the final ruling come
    # out yet?", 「今どうなっている？」, 「最終的な判決はもう出た？」 (a case note's own "What is the
    # status of…?" answers it, not what the lower courts decided)
    "status": re.compile(
        r"\bstatus\b|\bstill (?:ongoing|pending|going(?: on)?|in court)\b"
        r"|\bwhere (?:does|do|is|are) [^.?!]{1,60}? stand\b"
        r"|\bfinal (?:ruling|judgment|judgement|decision|verdict)\b|\b(?:ruling|judgment|verdict|decision) yet\b"
        r"|\bwhat(?:'s| is) (?:happening|going on) (?:with|in)\b|\bany (?:news|updates?) on\b|\blatest on\b"
        r"|\b(?:supreme|highest|top) court\b|\bappeal(?:ed)? (?:to|further|again)\b"
        # … and where a plan or process ended up: "where did that end up?", "what happened after
        # the consultation?", "what came of it?"
        r"|\bwhere did (?:that|it|this|they|those|these|things) end up\b|\bwhat came of\b"
        r"|\bwhat(?:ever)? happened (?:to|with|after|next)\b"
        r"|今どう|その後|最終的な判決|判決(?:は|って)?もう出た|確定した|上告|最高裁|(?:一番上|最上位|最高)の裁判所|まで(?:行|い)って",
        re.I,
    ),
    # what was used before the asker acted: "does that pull my art out of chatgpt's existing
    # training?", "…what they already trained on?", 「すでに学習された分も消える？」 (the section
    # whose own question asks it, "Does blocking GPTBot remove my work from models that were
    # already trained?", answers it, not how to block; fresh-user trial 52)
    "retroactive": re.compile(
        r"\balready (?:trained|used|scraped|collected|taken|in (?:the |their )?(?:models?|datasets?|training))\b"
        r"|\bexisting (?:training|models?|datasets?)\b|\bold (?:[a-z]+ )?(?:data|crawls?|archives?)\b"
        r"|\bretroactiv\w*|\bremove (?:my|our|it)\b[^.?!]{0,40}?\bfrom\b[^.?!]{0,30}?\b(?:ai|models?)\b"
        r"|\b(?:only|just) (?:going forward|from now on|for (?:the )?future)\b"
        r"|\bstill (?:baked )?in(?:to|side)? (?:the |their |its )?(?:ai |trained )?models?\b"
        r"|(?:すでに|既に|もう)(?:学習|使われ|収集)|学習済み|過去の(?:データ|作品|分|アーカイブ)|(?:学習|使われ)た分"
        r"|(?:今後|これから)の分だけ",
        re.I,
    ),
    # the steps to do something: "can i stop meta training on my posts?", "how do i…", 「オフにするには？」,
    # 「…方法は？」 (the section whose own question asks how, "How do I object to Meta using my posts
    # for AI training in the UK?", answers it, not whether Meta trains there; fresh-user trial 52)
    "how-to": re.compile(
        # ("how can I tell whether a video was made with Sora?" asks how to recognise one, not steps)
        r"\bhow (?:do|can|would|should) (?:i|we|you)\b(?! (?:tell|know)\b)|(?:^|[.?!]\s*+)how\s*+\?"
        r"|\bcan (?:i|we) (?:stop|opt|block|object|turn|keep|prevent|remove|exclude|refuse)\b"
        # ("what can I do?", 「…何ができるの？」: not 「…何ができるとされている？」, what a guidance says)
        r"|\bwhat can (?:i|we) do\b|何ができる(?:の|[？?])"
        r"|どうすれば|どうやって|どうやれば|方法|するには|には[？?]|やり方|手順|設定(?:は|って)?どこ",
        re.I,
    ),
    # where the official record is, rather than news about it: "where's the actual official record
    # of what the government said?", 「報道じゃなくて公式の情報はどこ？」 (the section whose own question
    # asks it, "Where can I find official information on Japan and Sora 2 rather than news?",
    # answers it, not the request the record holds)
    "record": re.compile(
        r"\bwhere(?:'s| is| are| can (?:i|we|you)| do (?:i|we|you)| to)(?: (?:find|read|see|get))?(?: the)?"
        r"(?: actual| real)? (?:official|primary)\b"
        r"|\b(?:find|read|see) (?:the )?(?:official|primary) (?:records?|sources?|info|information|documents?)\b"
        r"|(?:公式の?|一次)(?:情報|記録|文書|資料|ソース)(?:は|って|を)?(?:どこ|読みたい|見たい)|どこで読め",
        re.I,
    ),
    # whether a protection still works: "do glaze and nightshade actually work or is it pointless
    # now?", 「GlazeとNightshadeって効果あるの？」 (the sections asking whether a tool was broken or made
    # useless answer it, not what each tool does; fresh-user trial 58); a legal effect (法的な効果) is
    # no such question
    "effective": re.compile(
        r"\b(?:actually|really|even|still) (?:work|stops?|prevents?|protects?|keeps?)\b"
        r"|\buseless\b|\bbroken\b|\bkeep working\b|\bworth (?:it|using)\b|\beffective(?:ness)?\b"
        r"|\bwast(?:ed|e of) (?:effort|time)\b"
        r"|(?<!法的な)(?<!法的に)(?<!法的)(?<!法律上の)(?<!法律上)効果|無意味|破られ",
        re.I,
    ),
    # whether something is what it says it is: "how can I tell whether a video was made with Sora?",
    # "how do i check it's actually CCBot?", 「本物かどうか見分けるには？」
    "identify": re.compile(
        r"\bhow (?:do|can|would|could) (?:i|we|you) (?:tell|know|check|verify|confirm|spot)\b"
        # (not after a question word: "who is actually in charge of…" asks who)
        r"|(?<!who )(?<!what )(?<!which )(?<!where )\b(?:is|it's|its) (?:really|actually|genuinely)\b"
        r"|見分け|本物(?:か|かどうか)|確かめ",
        re.I,
    ),
    "amount": re.compile(r"\bhow (?:much|many)\b|\bfines\b|\bpenalt(?:y|ies)\b|いくら|罰金|罰則|金額", re.I),
    # "who" asks at the start of a clause ("…, who decides?", "and who owns it?"), not after the
    # noun it describes ("that inventor who named his AI…")
    "who": re.compile(
        r"(?:^|[.,:;!?(\u2014\u2013]|\s-|\b(?:and|or|but|so|then|know|tell|ask|about|exactly|wonder))\s*+who\b"
        r"|\bwhich (?:ai )?(?:companies|company|firms|vendors|labs)\b"
        r"|誰|どこの会社|どの(?:AI)?(?:企業|会社)|(?:企業|会社)はどこ|どこが",
        re.I,
    ),
    # a copyright registration: its application, what it must say, how to correct it (not "the
    # register", the Register of Copyrights: "…right before the register got fired", the opened
    # fifty-second set's f3748)
    "registration": re.compile(
        r"\bregist(?:ers|ered|ering|ration)\b|(?<!\bthe )\bregister\b(?! of copyrights)"
        r"|\bapplications?\b|\bcopyright (?:office )?forms?\b|登録|申請",
        re.I,
    ),
    # whether a work is protected at all, as Japanese asks it (「著作権はある？」, 「著作権つくの？」);
    # the English forms, tried too, lost two opened questions to the Zarya decision and the overview
    "protected": re.compile(r"著作物性|著作権(?:は|が)?(?:ある|あり|発生|認められ|生まれ|つく|付く)|権利を?主張"),
    # whether a use infringes, as Japanese asks it (「著作権的にアウト？」, 「侵害になる？」, 「パクリ？」;
    # not the アウト of オプトアウト or アウトプット)
    "infringes": re.compile(r"侵害|(?<!プト)アウト(?!プット)|パクリ|盗作"),
    # a government's plan for the law: a proposal, a reform, what it will adopt or do next
    # ("is the uk government really going to let ai companies train…", 「法改正の予定は？」)
    "policy": re.compile(
        r"\b(?:going to|plans? to|planning|planned|propos\w*|reforms?|adopt\w*|bring in|(?:happen|work on|do) next)\b"
        r"|改正|見直し|法案|予定|方針|意見募集|導入|今後(?!の分)",
        re.I,
    ),
}
# a registry one signs up to (Spawning's Do Not Train Registry), and a copyright registration named
# as such beside it
_REGISTRY = re.compile(r"\bregistry\b|レジストリ", re.I)
_COPYRIGHT_REGISTRATION = re.compile(r"\bcopyright (?:office|registration)\b|著作権登録|著作権局", re.I)
# ... or a filing, where no lawsuit is asked about ("i left the AI bits out when i filed back in
# 2022. is there a correction filing?"; not "when was that lawsuit filed?")
_FILED = re.compile(r"\bfil(?:ed|ing)\b", re.I)


# A question about part of a site ("only one folder", "just /index.php", "part of my site",
# "certain pages", 「一部のフォルダだけ」): a section whose own question asks about a part answers
# only such a question, not "how do I block AI bots from my site?". Bounded alternations and
# runs: linear.
_PART_OF_SITE = re.compile(
    r"\bonly (?:part|some|one)\b(?! (?:ai |of the )?(?:bots?|crawlers?|scrapers?|compan(?:y|ies))\b)"
    r"|\bjust (?:one|some|part|certain)\b|\b(?:sub)?folders?\b|\bdirector(?:y|ies)\b"
    r"|\bpart of (?:my|our|the|a|this) (?:site|website|blog|portfolio)\b"
    r"|\b(?:some|certain|specific|particular) (?:pages|sections|posts|galleries)\b"
    r"|(?<![\w/.:])/[A-Za-z0-9_][A-Za-z0-9_.\-]{0,60}+|一部|フォルダ|ディレクトリ",
    re.I,
)
NARROWER_PENALTY = 0.02
# headings whose kinds are remembered (:func:`heading_types`); the corpus has about 2,600 sections
HEADING_CACHE_SIZE = 8192
# a section asking about AI-generated works, for a question whether one's own works are trained on
OTHER_QUESTION_PENALTY = 0.04
# A question about AI search (answers, AI Overviews, 検索): a section whose own question is about
# search ("Will blocking AI search bots remove my site from AI search answers?") answers only such
# a question, not "can I stop AI training on my server?".
_SEARCH = re.compile(r"\bsearch|検索", re.I)
# ... which a question may also ask about as being found through a search engine: "does that kick
# me off google?", "googlebot", "seo", "my google rankings" (not "google's AI", "google docs"; a
# section's own question that names Googlebot is about that crawler's rules, not search)
_SEARCH_ASKED = re.compile(
    r"\b(?:off|out of) (?:google|bing)\b|\b(?:googlebot|bingbot)\b|(?<![A-Za-z])seo(?![A-Za-z])|検索順位"
    r"|\b(?:google|bing) (?:results|rankings?|index|traffic)\b",
    re.I,
)


# Whether one's works are trained on ("does pixiv train on my posts?", 「…AI学習に使われるって本当？」) is
# not a question about AI-generated works ("Can AI-generated works be sold on pixivFANBOX?");
# bounded alternations: linear.
_TRAINING_ON = re.compile(
    r"\btrain(?:s|ed|ing)? (?:(?:ai|its ai|their ai|models?|on) )?on\b|\bused (?:for|to|in) (?:ai )?train"
    r"|\bscrap(?:e|es|ed|ing)\b|学習に使|学習され|学習させ|学習対象"
    # (… or the asker's work used by AI: 「FANBOXに上げた絵がAIに使われるのを防ぐには？」 was answered with
    # whether AI-generated works may be sold there, fresh-user trial 116)
    r"|AIに(?:使われ|使わせ|利用され|利用させ)",
    re.I,
)
# training in any words ("Is AI training fair use…?", 「AIの学習は…」, "scraped into a dataset")
_ANY_TRAINING = re.compile(r"\btrain|\blearn|\bscrap|\bdatasets?\b|\bcrawl|学習|データセット|クロール", re.I)
_GENERATED_WORKS = re.compile(
    r"\bai[- ]generated\b|\bai (?:art|works?|images?)\b|AI生成|AI作品|AIイラスト|AI絵|AIで(?:作|描|生成)",
    re.I,
)
# A section about something the asker already did ("I already registered a work without
# disclosing AI — what should I do?", 「…登録してしまった。どうすればいい？」) answers only a question
# that says so ("i filed back in 2022", "already registered", 「申請しちゃった」), not "can i
# register my comic… do i have to disclose it?". Bounded alternations: linear.
_OWN_PAST_HEADING = re.compile(r"\bI already\b|してしまった", re.I)
# a section's own question asking since when something holds
_SINCE_WHEN_HEADING = re.compile(r"\bsince when\b|いつから", re.I)
_OWN_PAST_ASKED = re.compile(
    r"\b(?:already|i (?:registered|filed|submitted|applied|sent|left)|i've (?:registered|filed|submitted|applied)"
    r"|back in (?:19|20)\d\d|last (?:year|month))\b"
    r"|してしまった|しちゃった|済み|登録した|申請した|出した|してた",
    re.I,
)


def asks_about_own_past(text: str) -> bool:
    """The text says the asker already did something (``_OWN_PAST_ASKED``, en/ja)."""
    return bool(_OWN_PAST_ASKED.search(text[:2000]))


def asks_about_search(text: str, *, question: bool = False) -> bool:
    """The text mentions search (``_SEARCH``, en/ja); a ``question`` may also name a search
    engine's results or crawler (``_SEARCH_ASKED``)."""
    text = text[:2000]
    return bool(_SEARCH.search(text) or (question and _SEARCH_ASKED.search(text)))


# A message asking to stay in (AI) search while blocking training ("…but keep my site showing up in
# ChatGPT search", 「検索には表示されたまま」). Bounded gap: linear.
_STAY_IN_SEARCH = re.compile(
    r"\b(?:keep|stay|still|remain)\w{0,4}\b[^.?!\n]{0,40}?\b(?:search|show(?:ing|s)? up|visible|index(?:ed|ing)?)\b"
    r"|検索に(?:は)?(?:残|表示|出)",
    re.I,
)


def asks_to_stay_in_search(text: str) -> bool:
    """The text asks to stay in search, or to keep showing up there (``_STAY_IN_SEARCH``, en/ja)."""
    return _STAY_IN_SEARCH.search(text[:2000]) is not None


def asks_about_part(text: str) -> bool:
    """The text asks about part of a site, not all of it (``_PART_OF_SITE``, en/ja)."""
    return bool(_PART_OF_SITE.search(text[:2000]))


# "can it be stopped?" as a Japanese question asks for the steps (「Xの新しい規約でGrokに絵を学習される
# の止められる？」, fresh-user trial 58); a section's own question written so (「…他社のAI学習に使われる
# のを止められる？」) asks whether, and is read by :func:`question_types` alone
_HOW_TO_ASKED = re.compile(r"(?:止め|防げ|防ぎ)られ(?:る|ます)(?:の|か)?[？?]")


def asked_types(question: str) -> frozenset[str]:
    """The kinds of answer a question asks for (:func:`question_types`), with "how-to" for a
    Japanese question asking whether something can be stopped (``_HOW_TO_ASKED``). Steps are asked
    for only in a sentence that asks (:func:`~bot.engine.text.asking_sentences`): in
    「ChatGPTのオプトアウト申請、手順が多すぎる。一時チャットなら学習されないって本当？」 the steps are
    the asker's complaint, and what is asked is whether Temporary Chats are trained on."""
    asking = asking_sentences(question)
    kinds = (question_types(question) - {"how-to"}) | (question_types(asking) & {"how-to"})
    if _HOW_TO_ASKED.search(asking[:2000]):
        kinds |= {"how-to"}
    return kinds


@functools.lru_cache(maxsize=HEADING_CACHE_SIZE)
def heading_types(heading: str) -> frozenset[str]:
    """:func:`question_types` of a section's own question, remembered: the same few thousand
    headings are read for every candidate of every question (about a fifth of the answer's time
    before this memo). Pure; bounded by ``HEADING_CACHE_SIZE`` entries."""
    return question_types(heading)


def question_types(text: str) -> frozenset[str]:
    """The kinds of answer ``text`` asks for: a subset of {"when", "place", "status",
    "retroactive", "how-to", "record", "effective", "identify", "amount", "who", "registration",
    "protected", "infringes", "policy"} (``_QUESTION_TYPES``; "protected" and "infringes" Japanese
    only), "style" (:func:`asks_about_style`) and "stay-in-search" (``_STAY_IN_SEARCH``)."""
    text = text[:2000]
    kinds = {t for t, pattern in _QUESTION_TYPES.items() if pattern.search(text)}
    if _FILED.search(text) and not asks_about_litigation(text):
        kinds.add("registration")
    if _REGISTRY.search(text) and not _COPYRIGHT_REGISTRATION.search(text):
        # signing up to a registry (「レジストリって、登録しとけば…」) is no copyright registration
        kinds.discard("registration")
    if asks_about_style(text):
        # whether imitating a style is lawful (「AIで絵柄を真似されるのって日本だと著作権侵害になる？」): the
        # section asking it answers, not the general similarity test (fresh-user check 59)
        kinds.add("style")
    if _STAY_IN_SEARCH.search(text):
        # blocking AI while staying in search ("…want to keep google search"): the section whose
        # own question asks that ("What robots.txt should I use to block AI training but stay in
        # search?") answers it (fresh-user trial 46)
        kinds.add("stay-in-search")
    return frozenset(kinds)


# an art style and whether imitating it is lawful ("is copying my art style illegal?", "is a style
# protected by copyright?", 「画風をまねるのは著作権侵害？」); a style list, "EU-style", or how to
# protect one's style from AI (Glaze's question) asks no such thing. Bounded gaps: linear.
_STYLE = re.compile(
    r"(?<![-\w])(?:art ?|drawing |painting |artistic |visual )?styles?\b(?! lists?\b)|画風|作風|絵柄", re.I
)
_LAWFUL = re.compile(
    r"\b(?:legal|illegal|unlawful|lawful|infring\w*|protected|protection|copyright\w*|allowed|sue|against the law)\b"
    r"|違法|合法|侵害|著作権|保護|アウト(?!プット)|訴え",
    re.I,
)


# someone taking a style (a LoRA of it, copying it) and the asker asking what they can do about it
# ("someone trained a LoRA on my art style… can I do anything?"). Bounded alternations: linear.
_STYLE_TAKEN = re.compile(
    r"\b(?:loras?|cop(?:y|ying|ied|ies)|imitat\w{0,5}|mimic\w{0,5}|trained|clon\w{0,4})\b|真似|まね|模倣", re.I
)
_RECOURSE = re.compile(
    r"\b(?:can|could) (?:i|we) do (?:anything|something)\b|\bwhat can (?:i|we) do\b|\banything (?:i|we) can do\b"
    r"|\brecourse\b|何か(?:でき|手)|何ができ|対処",
    re.I,
)


def asks_about_style(question: str) -> bool:
    """The question asks whether imitating an art style is lawful: it names a style (``_STYLE``)
    and a legal cue (``_LAWFUL``) in the same sentence, or tells of a style taken (``_STYLE_TAKEN``:
    a LoRA of it, copying it) and asks what the asker can do about it (``_RECOURSE``; fresh-user
    check 67: "someone trained a LoRA on my art style… I'm in the US, can I do anything?" was
    answered with the registration rules)."""
    q = question[:2000]
    sentences = re.split(r"(?<=[.!?。！？])", q)
    if any(_STYLE.search(sentence) and _LAWFUL.search(sentence) for sentence in sentences):
        return True
    return bool(_RECOURSE.search(q)) and any(_STYLE.search(s) and _STYLE_TAKEN.search(s) for s in sentences)


def asks_copyright_status(question: str) -> bool:
    """The question asks whether a work can be protected or registered (en/ja cues)."""
    return bool(_COPYRIGHT_STATUS.search(question))


def planning_subjects(
    named: Mapping[str, set[str]],
    vendor_families: Collection[str],
    question: str,
    case_families: Collection[str] = (),
) -> dict[str, set[str]]:
    """The named subjects that steer the plan: all of them, except that in a question about a
    work's copyright status (:func:`asks_copyright_status`) a named tool or platform
    (``vendor_families``: families of vendor-policy and platform-setting notes) is context, so
    its notes get no subject bonus and the asker's jurisdiction ranks the law, and so are the
    lawsuits about it (``case_families``) unless the question asks about litigation ("i edited a
    midjourney image, can i register it?" is not about Andersen v. Stability AI); so is the tool a
    question about infringement names as what the work was made with (:func:`used_as_instrument`)
    and a platform the asker wants left alone (:func:`kept_unblocked`)."""
    lawsuits: Collection[str] = ()
    if asks_copyright_status(question):
        context = set(named)
        # a tool's name (one naming a vendor's notes) steers none of its lawsuits either; a case
        # named by its own name ("Zarya", "Andersen") still steers
        lawsuits = () if asks_about_litigation(question) else case_families
    elif asks_infringement(question):
        context = {name for name in named if used_as_instrument(question, name)}
    else:
        # a platform the asker wants left alone ("…without blocking google and every other bot?")
        # is context too
        # ... and so is one the asker has already taken care of ("besides GPTBot and ClaudeBot
        # lines, do i need something for common crawl?", 「GPTBot以外に何を書けばいい？」)
        context = {name for name in named if kept_unblocked(question, name) or set_aside(question, name)}
        if not context:
            return dict(named)
    vendors = set(vendor_families)
    out = {
        name: (fams.difference(vendors, lawsuits if fams & vendors else ()) if name in context else fams)
        for name, fams in named.items()
    }
    return {name: fams for name, fams in out.items() if fams}


# A question whether something infringes ("…著作権的にアウト？", "is it copyright infringement to
# post…?"): a tool the asker made it with (「ChatGPTで」, "made with midjourney") is context, not
# the subject, as in a copyright-status question. Bounded alternations: linear.
_INFRINGEMENT = re.compile(
    r"\binfring\w{0,8}|\bcopyright (?:issue|problem|violation|trouble)s?\b|\bviolat\w{0,6} (?:copyright|someone)"
    r"|著作権(?:的に|上)?(?:アウト|セーフ|大丈夫|問題|違反|侵害)|侵害(?:に|になる|になら|です|します)",
    re.I,
)
_INSTRUMENT_BEFORE = re.compile(r"\b(?:with|using|via|from|in|through)\s+(?:the\s+|an?\s+)?$", re.I)
_INSTRUMENT_AFTER = re.compile(
    r"(?:\s{0,11}(?:で|を使って|を使い|を使った|で作っ|で生成|で描)|[- ](?:generated|made|created)\b)", re.I
)


def asks_infringement(question: str) -> bool:
    """The question asks whether something infringes copyright (en/ja cues)."""
    return bool(_INFRINGEMENT.search(question[:2000]))


_KEPT_BEFORE = re.compile(
    r"\bwithout (?:blocking|losing|hurting)\s+(?:the\s+)?$"
    # ... or whose search the asker fears dropping out of ("does that kick me off google?")
    r"|\b(?:kicks?|kicked|knocks?|knocked|drops?|dropped|removes?|removed) me (?:off|out of|from) $"
    r"|\b(?:disappear(?:s|ed|ing)?|vanish(?:es|ed|ing)?|drop(?:s|ped|ping)? out) (?:off|out of|from) $"
)
# a search engine whose results the asker fears losing, after its name: "…stop google search too?",
# 「Google検索にも出なくなる？」「Googleの検索も止まっちゃう？」. Bounded gaps: linear.
_KEPT_AFTER = re.compile(
    r"\s?(?:search|results|rankings?)\b[^.?!\n]{0,12}?\b(?:too|as well)\b"
    r"|(?:の)?検索(?:結果)?(?:に|から|で|も|まで|が|には|からも|にも)?[^。？?！!\n]{0,8}?"
    # (「検索からも消えたい」 wants out of that search: the name is the subject, not kept)
    r"(?:出なく|表示されなく|載らなく|消え(?!たい)|止ま|引っかからなく|ヒットしなく|影響)"
)


def kept_unblocked(question: str, name: str) -> bool:
    """``name``, written as a whole word, is what the asker wants to keep ("without blocking
    google", "without losing bing"; not the "bing" of "without blocking bingbot") or fears
    dropping out of ("does that kick me off google?", 「Google検索にも出なくなる？」), looking 24
    characters before and 40 after each occurrence: linear. A name also written where it is the
    subject (「BingのAIには使わせたくない。でもBing検索からは消えたくない」) is the subject."""
    low, alias = question.casefold(), name.casefold()
    kept = False
    start = low.find(alias)
    while start >= 0:
        end = start + len(alias)
        # (a Latin name runs straight into Japanese: 「Google検索」)
        whole = end == len(low) or not (low[end].isascii() and low[end].isalnum()) or not alias.isascii()
        if whole:
            if _KEPT_BEFORE.search(low[max(0, start - 24) : start]) or _KEPT_AFTER.match(low[end : end + 40]):
                kept = True
            else:
                return False
        start = low.find(alias, end)
    return kept


# what the asker already has, set aside from what is asked ("besides GPTBot and ClaudeBot lines,
# …", "my robots.txt only names gptbot and claudebot"), in the same clause; 「GPTBot以外に」
# 「Metaに加えて」. Not "other than" / 「以外の」, which ask about the others as measured against
# the name ("companies other than X", 「X以外の会社」).
# Bounded: the window before each occurrence and the text after it are capped, so linear.
_ASIDE_BEFORE = re.compile(
    r"\b(?:besides|apart from|aside from|in addition to|on top of"
    # ... or what the asker's file already has: "my robots.txt only names gptbot and claudebot"
    # (not "already has cloudflare's content-signal line": what it has may be what is asked about)
    r"|only (?:names?|has|have|lists?|blocks?|disallows?|covers?)|already (?:names?|lists?|blocks?|disallows?))"
    r"\b[^,.;:?!\n]{0,40}$",
    re.I,
)
# ... 「GPTBotだけ止めても」: what the asker alone has blocked, asking about the rest
_ASIDE_AFTER = re.compile(
    r"[^、。,？?!！\s]{0,12}?(?:以外に|のほかに|の他に|に加えて)|だけ(?:を)?(?:(?:止め|ブロックし|拒否し|禁止し)て|防いで)も"
)


def set_aside(question: str, name: str) -> bool:
    """``name`` stands where the asker sets it aside as already done or known ("besides GPTBot
    and ClaudeBot lines", 「GPTBot以外に」): the question asks about something else
    (:func:`bot.engine.text.placed_between`, 48 characters before each occurrence): linear."""
    return placed_between(question.casefold(), name.casefold(), _ASIDE_AFTER, _ASIDE_BEFORE, 48)


# a sentence opening with who the asker is, in a few words: "uk artist whose name is…", "freelance
# illustrator here." (anchored and bounded: constant work after the start)
_OPENS_WITH_ROLE = re.compile(r"^\W{0,3}(?:[\w'-]{1,20}\s{1,3}){0,3}" + ROLE_WORDS + r"\b", re.I)


# "it", "they", 「それ」: a question asking of something named before it
_PRONOUN = re.compile(r"\b(?:it|its|they|them|their)\b|これ|それ|あれ|この|その|あの", re.I)


def told_in_passing(question: str, name: str, names: Collection[str] = ()) -> bool:
    """``name`` is written only in what the message tells before its first question, in
    sentences that are not about the asker (no ``_FIRST_PERSON``, not opening with the asker's
    role): the news the asker starts from, not a platform asked about ("jetpack now lets
    wordpress sites allow answer engines but block training crawlers separately. i blog short
    fiction on hatena blog in japan — is hatena's AI setting all-or-nothing…?" asks nothing of
    WordPress, the opened sixty-third set's f4415). False when no sentence asks (ends in "?" or
    「？」), or when a question points back at the news: with a determiner ("does that law…?") or
    with a pronoun before it names any of ``names`` (the message's other names: "…openai is
    building 'media manager'… — can i use it yet…?"). Linear."""
    sentences = [s for s in question_sentences(question) if s.strip()]
    first = next((i for i, s in enumerate(sentences) if s.rstrip().endswith(("?", "？"))), None)
    if not first or any(POINTS_BACK.search(s) for s in sentences[first:]):
        return False
    pronoun = _PRONOUN.search(sentences[first])
    if pronoun is not None:
        named_at = [span[0] for n in names for span in word_spans(sentences[first], n)]
        if not named_at or pronoun.start() < min(named_at):
            return False
    told = [s for s in sentences[:first] if written_as_word(s, name)]
    return (
        bool(told)
        # (a sentence about the asker: "uk artist whose name is on the midjourney style list.")
        and not any(_FIRST_PERSON.search(s) or _OPENS_WITH_ROLE.match(s) for s in told)
        and not any(written_as_word(s, name) for s in sentences[first:])
    )


def used_as_instrument(question: str, name: str) -> bool:
    """``name`` is written as the tool the asker used: "made with midjourney", "using chatgpt",
    「ChatGPTで作った」, "midjourney-generated" (:func:`bot.engine.text.placed_between`, 12
    characters before each occurrence): linear."""
    return placed_between(question.casefold(), name.casefold(), _INSTRUMENT_AFTER, _INSTRUMENT_BEFORE, 12)


# the platform a creator is leaving for another ("moving to cara after the instagram mess",
# 「インスタやめてCaraに移ろうか」): what they leave is context, where they go is asked about
_LEAVING_BEFORE = re.compile(
    r"\b(?:leav(?:e|ing)|left|quit(?:ting)?|ditch(?:ing|ed)?|after[ \t]+the|away[ \t]+from"
    # (… or fleeing it: "artists are fleeing instagram for cara", the opened fifty-first set's f3690)
    r"|flee(?:ing|s)?|fled|abandon(?:ing|ed|s)?|exodus[ \t]+from|(?:migrat|switch|mov)(?:e|es|ed|ing)?[ \t]+from"
    # ... or tired of it ("fed up with instagram", "sick of x")
    r"|(?:fed[ \t]+up|tired|sick)[ \t]+(?:with|of)"
    # ... or taking work off it ("moving my concept art portfolio off instagram", the opened
    # sixty-fifth set's f4534)
    r"|off)[ \t]+(?:the[ \t]+)?$",
    re.I,
)
# (「Xから移住考えてる」, 「インスタから乗り換え」: moving away from it, fresh-user trial 64)
# (「インスタに疲れた」, 「Xに嫌気が」: tired of it, the opened forty-eighth set's f3536)
# (… or to where: 「Xからブルスカに移ったけど」, fresh-user trial 90's sweep)
_LEAVING_AFTER = re.compile(
    r"^(?:を|は)?(?:やめ|辞め|離れ|卒業|退会)|^から(?:[^、。,.\s]{1,12}?(?:に|へ))?(?:移|引っ|乗り|逃げ)"
    r"|^に(?:疲れ|嫌気|うんざ)"
)


# a platform the question sets something else against: "the artstation alternative", "an
# alternative to pixiv", "instead of deviantart" (bounded: linear)
_COMPARED_AFTER = re.compile(r"[- ]?(?:alternatives?|replacements?|clones?|competitors?|rivals?|killers?)\b")
_COMPARED_BEFORE = re.compile(
    r"\b(?:alternatives? to|instead of|replacements? for|rivals? to|competitors? (?:to|of)|version of)\s{1,3}$"
)


def only_compared(folded: str, name: str) -> bool:
    """Every occurrence of ``name`` (casefolded) in ``folded`` names what something else is set
    against ("the anti-AI artstation alternative", "an alternative to pixiv"), none what is asked
    about. Reads 24 characters before and 14 after each occurrence: linear."""
    seen = False
    start = folded.find(name)
    while start >= 0:
        end = start + len(name)
        before = folded[start - 1] if start else " "
        after = folded[end] if end < len(folded) else " "
        if not (before.isalnum() or after.isalnum()):
            seen = True
            if not (
                _COMPARED_AFTER.match(folded[end : end + 14])
                or _COMPARED_BEFORE.search(folded[max(0, start - 24) : start])
            ):
                return False
        start = folded.find(name, end)
    return seen


def without_left_platforms(
    named: Mapping[str, set[str]], vendor_families: Collection[str], question: str
) -> dict[str, set[str]]:
    """``named`` (name as matched → families) without the platforms the asker says they are
    leaving ("after the instagram mess", 「インスタやめて」, "leaving twitter for…"), when another
    subject is named too: where they go is what they ask about. ``vendor_families``: the families
    of vendor and platform notes. Searches 20 characters before and after each name: linear."""
    low = question.casefold()
    platforms = {n for n, fams in named.items() if not fams.isdisjoint(vendor_families)}
    if not platforms or len(distinct_subjects(named)) < 2:
        return dict(named)
    left = set()
    for name in platforms:
        i = low.find(name.casefold())
        if i < 0:
            continue
        if (
            _LEAVING_BEFORE.search(low[max(0, i - 20) : i])
            or _LEAVING_AFTER.match(low[i + len(name) : i + len(name) + 20])
            # ... and so is one named only as what another is set against ("is cara a good
            # artstation alternative?")
            or only_compared(low, name.casefold())
        ):
            left.add(name)
    # (and the platform's other names with it: "fleeing instagram for cara over meta's AI plans"
    # leaves Meta too, the opened fifty-first set's f3690)
    left_families = set().union(*(named[n] for n in left)) if left else set()
    left |= {n for n, fams in named.items() if fams and fams <= left_families}
    if not left or left == set(named):
        return dict(named)
    return {n: f for n, f in named.items() if n not in left}


# where the asker says their work is posted ("i post on instagram and artstation", "my art is on
# deviantart", 「インスタとArtStationに上げてる」): where it is, not who takes it. Bounded: linear.
_POSTED_BEFORE = re.compile(
    r"(?:\b(?:i|we)(?:[ \t]+(?:mostly|mainly|also|only|usually|just))?[ \t]+"
    r"(?:post|upload|share|publish)(?:ed)?(?:[ \t]+(?:my|our)[ \t]+[a-z]{2,12}+)?[ \t]+(?:on|to)"
    r"|\bmy[ \t]+(?:art|work|works|stuff|drawings|illustrations|portfolio)[ \t]+(?:is|are|lives|live)[ \t]+on)"
    # (... and the other sites of the same list: "on instagram, tumblr and artstation")
    r"[ \t]+(?:[a-z0-9.]{2,20}+[ \t]*+(?:,|and|&)[ \t]*+){0,3}+$",
    re.I,
)
_POSTED_AFTER = re.compile(
    r"(?:(?:と|や|、)[^\s、。？！?!とやに]{1,15}+){0,3}+に(?:絵を|作品を|イラストを|絵|作品)?"
    r"(?:上げ|あげ|投稿|載せ|のせ|アップ)"
)


def without_posted_on(
    named: Mapping[str, set[str]], vendor_families: Collection[str], question: str, asking: str
) -> dict[str, set[str]]:
    """``named`` (name as matched → families) without the platforms named only as where the
    asker's work is posted ("how do i stop midjourney from using my art? i post on instagram and
    artstation" asks about Midjourney, and was led by Meta's UK objection form, fresh-user trial
    94), when a platform not so named is written in a sentence that asks (``asking``: the
    question's asking sentences, :func:`bot.engine.text.asking_sentences`). Reads 60 characters
    before and 40 after each occurrence of a name: linear."""
    low, asking = question[:2000].casefold(), asking.casefold()
    platforms = {n for n, fams in named.items() if not fams.isdisjoint(vendor_families)}
    if len(platforms) < 2:
        return dict(named)
    posted = set()
    for name in platforms:
        alias, only_posted = name.casefold(), None
        start = low.find(alias)
        while start >= 0:
            end = start + len(alias)
            here = bool(
                _POSTED_BEFORE.search(low[max(0, start - 60) : start]) or _POSTED_AFTER.match(low[end : end + 40])
            )
            only_posted = here if only_posted is None else only_posted and here
            start = low.find(alias, end)
        if only_posted:
            posted.add(name)
    posted_families = set().union(*(named[n] for n in posted)) if posted else set()
    asked = [n for n in platforms if n not in posted and not named[n] <= posted_families and n.casefold() in asking]
    if not posted or not asked:
        return dict(named)
    return {n: f for n, f in named.items() if n not in posted}


# A question about what a country's law allows ("does japanese law let companies train on my pixiv
# art?", 「日本の法律的に…」): bounded alternations only, linear.
# the covered places as Japanese questions name them, for the law cues below
_COVERED_PLACES_JA = "(?:日本|英国|イギリス|米国|アメリカ|EU|欧州)"
_ASKS_LAW = re.compile(
    r"\b(?:japanese|japan'?s|uk|british|us|u\.s\.|american|eu|european)[ \t]+(?:copyright[ \t]+)?law\b"
    r"|\bis[ \t]+(?:it|that|this)[ \t]+(?:(?:even|actually|really|still)[ \t]+)?(?:legal|illegal)\b"
    # ("i live in tokyo and post on pixiv, is it actually legal for AI companies to train on my art
    # in japan?" was led by pixiv's terms, fresh-user trial 114)
    # (… or "legally" with the country: "can companies legally scrape my pixiv art in japan for AI
    # training?" was answered from pixiv's terms alone, fresh-user check 103)
    r"|\blegally\b[^.?!\n]{0,60}?\b(?:in|under)[ \t]+(?:japan|japanese|the[ \t]+uk|uk|britain|the[ \t]+us|us"
    r"|america|the[ \t]+eu|eu|europe)\b"
    rf"|{_COVERED_PLACES_JA}の(?:著作権)?法(?:律)?(?:的に|で|では|上)"
    # (… or whether something is lawful there: 「日本で本当にAIが自分の絵を学習するのって合法なの？pixivに上げてる」
    # was led by pixiv's terms, fresh-user check 115)
    rf"|{_COVERED_PLACES_JA}で[^。？?！!\n]{{0,40}}?(?:合法|違法)",
    re.I,
)
# where the asker's work is, the platform before it: "my pixiv art", "on pixiv" (matched after the
# space that follows the name is stripped: a leading run of spaces would be quadratic under search)
_OWN_WORK = re.compile(r"(?:art|artwork|work|works|stuff|drawings|illustrations|posts|uploads)\b", re.I)


def without_posted_for_law(
    named: Mapping[str, set[str]], vendor_families: Collection[str], question: str
) -> dict[str, set[str]]:
    """``named`` (name as matched → families) without the platforms a question about a country's
    law names only as where the asker's work is ("im a digital painter in japan, does japanese law
    let companies train on my pixiv art without permission?" asks about Article 30-4, and was led
    by pixiv's terms, fresh-user trial 96): every occurrence is "my <platform> art", "on
    <platform>", or as :func:`without_posted_on` reads it. Linear: bounded reads around each
    occurrence."""
    text = question[:2000]
    if not _ASKS_LAW.search(text):
        return dict(named)
    low = text.casefold()

    def where_work_is(i: int, end: int) -> bool:
        before = low[max(0, i - 8) : i].split()[-1:]
        own = before == ["my"] or before == ["our"]
        return bool(
            (own and _OWN_WORK.match(low[end : end + 24].lstrip()))
            or before == ["on"]
            or _POSTED_BEFORE.search(low[max(0, i - 60) : i])
            or _POSTED_AFTER.match(low[end : end + 40])
        )

    dropped = set()
    for name, fams in named.items():
        if fams.isdisjoint(vendor_families):
            continue
        alias = name.casefold()
        hits = [m.start() for m in re.finditer(re.escape(alias), low)]
        if hits and all(where_work_is(i, i + len(alias)) for i in hits):
            dropped.add(name)
    return {n: f for n, f in named.items() if n not in dropped}


def without_search_kept(named: Mapping[str, set[str]], question: str) -> dict[str, set[str]]:
    """``named`` (name as matched → families) without the search engines the message only asks to
    stay in ("how do i block ai scrapers on my art portfolio site? … want to keep google search",
    「Google検索には出したいけど…学習用クローラーだけ弾きたい」): every place the name is written lies in
    a stay-in-search clause (``_STAY_IN_SEARCH``) or just before it (「Google検索」, 「Googleの検索」).
    What to block is the subject; where to stay is a condition on it (fresh-user trial 46 was given
    Google's AI Overviews controls). One scan per name over the first 2,000 characters: linear."""
    text = question[:2000]
    spans = [(m.start(), m.end()) for m in _STAY_IN_SEARCH.finditer(text)]
    if not spans:
        return dict(named)
    low = text.casefold()

    def kept_only(name: str) -> bool:
        hits = [m.start() for m in re.finditer(re.escape(name.casefold()), low)]
        return bool(hits) and all(any(a <= i < b or 0 <= a - (i + len(name)) <= 1 for a, b in spans) for i in hits)

    return {n: f for n, f in named.items() if not kept_only(n)}


# the quoted title of a collection the asker read: "an 'awesome EU AI act' list", "the 'AI Law
# Weekly' newsletter" (not a single piece, whose title may name what is asked: "the 'how to opt out
# of Meta AI' article"; nor a report or guide, which may be a source itself). Bounded: linear.
_QUOTED_COLLECTION = re.compile(QUOTED_PHRASE + r"(?:lists?|roundups?|newsletters?|digests?)\b", re.I)


def without_outlet_topics(named: Mapping[str, set[str]], question: str) -> dict[str, set[str]]:
    """``named`` (name as matched → families) without the names written only inside a news
    outlet's description ("a german apple blog told people to quit X…": the blog is about Apple,
    the question is about X; the opened fifty-first set's f3688), when another name is left; and
    without those written only inside the quoted title of a list or newsletter the asker read,
    even when none is left ("an 'awesome EU AI act' list just added the commission's summary
    template…" asks about the template, the opened sixty-fifth set's f4526). One escaped literal
    per name over the first 2,000 characters: linear."""
    text = question[:2000]
    titles = [m.span() for m in _QUOTED_COLLECTION.finditer(text)]
    if titles:
        named = {n: f for n, f in named.items() if not only_in_outlets(text, n, titles)}
    spans = news_outlet_spans(text)
    if not spans or len(named) < 2:
        return dict(named)
    kept = {n: f for n, f in named.items() if not only_in_outlets(text, n, spans)}
    return kept or dict(named)


def only_in_outlets(text: str, name: str, spans: Sequence[tuple[int, int]]) -> bool:
    """``name`` occurs in ``text`` (as a whole word, case-folded) and only inside the news outlets'
    ``spans`` (:func:`bot.engine.text.news_outlet_spans`). One escaped literal: linear."""
    hits = [m.start() for m in re.finditer(rf"(?<![a-z0-9]){re.escape(name.casefold())}(?![a-z0-9])", text.casefold())]
    return bool(hits) and all(any(a <= i < b for a, b in spans) for i in hits)


def described_in_outlets(text: str, name: str, spans: Sequence[tuple[int, int]], places: Sequence[str]) -> bool:
    """``name`` occurs in ``text`` only inside news outlets' ``spans``, each time after one of the
    ``places`` (countries as written) in the same span: a word describing what kind of outlet it
    is ("a german cyber bootcamp blog hypes…": "cyber", the opened fifty-third set's f3802), not
    the outlet itself ("flash fiction magazine says it may ban…" asks about the magazine's rule).
    One escaped literal per name and place: linear."""
    folded = text.casefold()
    hits = [m.start() for m in re.finditer(rf"(?<![a-z0-9]){re.escape(name.casefold())}(?![a-z0-9])", folded)]

    def after_place(i: int) -> bool:
        span = next(((a, b) for a, b in spans if a <= i < b), None)
        return span is not None and any(
            re.search(rf"(?<![a-z0-9]){re.escape(p.casefold())}(?![a-z0-9])", folded[span[0] : i]) for p in places
        )

    return bool(hits) and all(after_place(i) for i in hits)


_PLACE_THEN = re.compile(r"(?:の|'s|\u2019s)?\s?$")


# a sentence pointing back at what an earlier one names ("this", "that", 「この」, 「それ」): bounded
_POINTS_BACK = re.compile(r"\b(?:this|that|these|those|it|they|them)\b|この|その|あの|これ|それ|あれ", re.I)


# a term a section's own question quotes: "Improve the model for everyone", 「AI学習禁止」 (bounded)
_QUOTED = re.compile(r"[\"“「『]([^\"”」』]{3,60})[\"”」』]")


def _unasked_quote(heading: str, question: str) -> bool:
    """``heading`` quotes a term of four words or more that ``question`` does not write (casefolded):
    a named setting or phrase the question does not ask about."""
    folded = question.casefold()
    return any(len(m.group(1).split()) >= 4 and m.group(1).casefold() not in folded for m in _QUOTED.finditer(heading))


_PREMISE_BREAK = re.compile(r"(?<=[?？。!！])\s*|(?<=\.)\s+")


def without_premise_laws(
    named: Mapping[str, set[str]], question: str, official_jurisdictions: Mapping[str, str]
) -> tuple[dict[str, set[str]], str]:
    """``named`` (name as matched → families) without the laws and official documents of one place
    that only a sentence before the question names, when the question itself asks about another
    place and names none of them: 「日本の30条の4って商用でも学習OKなんでしょ？イギリスのデータ分析の例外だ
    とどうなってるの？」 asks about the UK's exception, and Article 30-4 is its premise (the opened
    forty-second set's f3187). ``official_jurisdictions``: family → jurisdiction of one country's
    official notes. Returns the names kept and, when some were left out, the question's last
    sentence (else ""). Reads the question's sentences once: linear."""
    # (a full stop ends a sentence only before a space: "robots.txt" and "u.s." are one word each)
    sentences = [t for t in _PREMISE_BREAK.split(question[:2000]) if t.strip()]
    if len(sentences) < 2:
        return dict(named), ""
    asking = sentences[-1]
    places = set(mentioned_jurisdictions(asking))
    # (a question pointing back at what the premise names asks about it: 「…『AI学習禁止』って書いて
    # る。EUのAI会社に対しては、この書き方で拒否したことになる？」)
    if not places or _POINTS_BACK.search(asking):
        return dict(named), ""
    folded = asking.casefold()
    out = {}
    for name, fams in named.items():
        own = {official_jurisdictions.get(f) for f in fams}
        if fams and None not in own and not own & places and name.casefold() not in folded:
            continue
        out[name] = fams
    return out, (asking.strip() if len(out) < len(named) else "")


def without_other_places_laws(
    named: Mapping[str, set[str]],
    places: Sequence[tuple[str, str | None]],
    question: str,
    official_jurisdictions: Mapping[str, str],
) -> dict[str, set[str]]:
    """``named`` (name as matched → families) without a law's or an office's name written right
    after another place's (「ドイツの著作権法」, "germany's copyright act", 「米国著作権法」, "japan
    copyright office"): that is the place's own law or office, not the covered one whose alias
    the name is (Japan's Copyright Act is aliased 「著作権法」, the US Copyright Office's notes
    "copyright office"). ``places``: ``(surface, jurisdiction)`` of the places the question names
    (jurisdiction None when uncovered); ``official_jurisdictions``: family → jurisdiction of one
    country's official notes (law, guidance, reports). Only names all of whose families are such
    notes are dropped. A name several places' laws share (「AI法」 for Japan's AI Promotion Act and
    the EU AI Act) written after one of those places keeps only that place's families (「EUのAI法」
    is the EU's). Each name is searched once: linear."""
    low = question.casefold()
    out: dict[str, set[str]] = {}
    for name, fams in named.items():
        out[name] = fams
        if not fams or not all(f in official_jurisdictions for f in fams):
            continue
        own = {official_jurisdictions[f] for f in fams}
        i = low.find(name.casefold())
        if i <= 0:
            continue
        before = low[max(0, i - 24) : i]
        m = _PLACE_THEN.search(before)
        head = before[: m.start()] if m else before
        after = {j for surface, j in places if head.endswith(surface.casefold())}
        if any(j not in own for j in after):
            del out[name]
        elif len(own) > 1 and after:
            out[name] = {f for f in fams if official_jurisdictions[f] in after}
    return out


# A crawler's token named as the example in a question about how robots.txt itself works ("i keep
# GPTBot out of my /gallery/ folder… if i add an Allow line, which rule wins?", "is robots.txt case
# sensitive for gptbot?") is context, not the subject: the vendor's own block steps answer "how do I
# block GPTBot?", and a general section (the standard, guidance, law) whose own question carries the
# question's distinctive terms answers this one. Chosen on the opened field sets (2026-12-01): an
# aspect of at least 0.3, 0.2 ahead of the vendor's best section, and a question similarity within
# 0.1 of the vendor's best changed 3 answers of 1,088, each to the general section that answers
# (slack 0.05-0.15 the same); with any named vendor instead of a crawler token, 5 answers about a
# platform lost their platform's section; without the similarity condition, "how do I block
# GPTBot?" lost OpenAI's steps.
EXAMPLE_MIN_ASPECT = 0.3
EXAMPLE_ASPECT_MARGIN = 0.2
EXAMPLE_QSIM_SLACK = 0.1


# A question about the other companies' crawlers than the one it names ("already disallowed
# GPTBot. which other AI companies' bots belong in the file too?", 「GPTBotは拒否した。他の会社の
# クローラーは？」): the crawler named is what the asker has done, not the subject. Bounded: linear.
_OTHER_CRAWLERS = re.compile(
    r"\b(?:which|what|any|the|all the) other (?:ai )?(?:companies|company's|companies'|firms|vendors|labs"
    r"|bots|crawlers|scrapers|user[- ]agents|tokens)\b|(?:他|ほか)の(?:AI)?(?:会社|企業|クローラ|ボット|bot)",
    re.I,
)


# The asker's own robots.txt lines, quoted as what they have already done ("I put 'User-agent:
# GPTBot Disallow: /' in my robots.txt - do AI bots actually respect that?"): the crawler in them
# is their setup, not the subject. Bounded: linear.
_SETUP_DONE = re.compile(
    r"\b(?:i|we)(?:'ve| have)? (?:put|added|wrote|set|have|use|used)\b|\balready\b"
    r"|書いた|入れた|設定した|書いてる|入れてる",
    re.I,
)
_USER_AGENT_LINE = re.compile(r"user-agent:\s{0,3}+([A-Za-z][\w.\-]{0,40}+)", re.I)


def quotes_own_setup(question: str, names: Collection[str]) -> bool:
    """Every crawler in ``names`` (case-folded) stands only in robots.txt lines the question quotes
    as the asker's own setup (``_SETUP_DONE``, ``_USER_AGENT_LINE``)."""
    q = question[:2000]
    if not _SETUP_DONE.search(q):
        return False
    quoted = {m.group(1).casefold() for m in _USER_AGENT_LINE.finditer(q)}
    folded = q.casefold()
    return all(n in quoted and folded.count(n) == 1 for n in names)


# the quoted lines themselves ("'User-agent: GPTBot Disallow: /'"), removed before retrieval
_SETUP_LINES = re.compile(
    r"[\"'`\u201c\u2018\u300c]?user-agent:\s{0,3}+[A-Za-z][\w.\-]{0,40}+"
    r"(?:[\s/]{1,5}+(?:dis)?allow:\s{0,3}+/?[\w./*\-]{0,60}+)*+[\"'`\u201d\u2019\u300d]?",
    re.I,
)


def without_own_setup(question: str) -> str:
    """``question`` without the robots.txt lines it quotes (see :func:`quotes_own_setup`)."""
    return re.sub(r"\s{2,}", " ", _SETUP_LINES.sub(" ", question[:2000])).strip()


def asks_about_other_crawlers(question: str) -> bool:
    """The question asks about other companies' crawlers than the one it names (``_OTHER_CRAWLERS``)."""
    return bool(_OTHER_CRAWLERS.search(question[:2000]))


def crawler_is_example(
    passages: Sequence[Passage],
    named: Mapping[str, set[str]],
    crawler_tokens: Collection[str],
    general_types: Collection[str] = GENERAL_TYPES,
    question: str = "",
) -> bool:
    """Every name the question gives (``named``: name as matched → families) is a crawler token
    (``crawler_tokens``, case-folded), and among the retrieved sections (``passages``) one of a
    general source (``general_types``) shares the question's distinctive terms (``aspect``) at
    least ``EXAMPLE_MIN_ASPECT`` and ``EXAMPLE_ASPECT_MARGIN`` more than any section of the
    token's own notes, and asks nearly as closely (``question_cosine`` within
    ``EXAMPLE_QSIM_SLACK`` of their best), or the ``question`` asks about the other companies'
    crawlers (:func:`asks_about_other_crawlers`) or names the crawler only in robots.txt lines it
    quotes as the asker's own setup (:func:`quotes_own_setup`): the crawler is the question's
    example, not its subject."""
    if not named or not all(n.casefold() in crawler_tokens for n in named):
        return False
    if (
        question
        and (asks_for_robots_lines(question) or (asks_how_to(question) and _blocks_named(question, named)))
        and not _GIVEN_AS_EXAMPLE.search(question[:2000])
    ):
        # the lines for the crawler it names are what it asks for ("what robots.txt lines block
        # gptbot?" was answered with every company's tokens and no line), and so they are when it
        # asks how to block that crawler ("how do I block GPTBot on my portfolio site?", fresh-user
        # check 45: the site's words made the token list the lead; not "…do i also have to block
        # ChatGPT-User?", which asks whether)
        return False
    if question and (asks_about_other_crawlers(question) or quotes_own_setup(question, [n.casefold() for n in named])):
        return True
    families = set().union(*named.values())
    own = [p for p in passages if p.kind != "intro" and p.meta.family in families]
    own_aspect = max((p.aspect for p in own), default=0.0)
    own_qsim = max((p.question_cosine for p in own), default=0.0)
    return any(
        p.kind != "intro"
        and p.meta.type in general_types
        and p.aspect >= EXAMPLE_MIN_ASPECT
        and p.aspect - own_aspect >= EXAMPLE_ASPECT_MARGIN
        and p.question_cosine >= own_qsim - EXAMPLE_QSIM_SLACK
        for p in passages
    )


# blocking a crawler by its name: "block GPTBot", "disallow the CCBot", 「GPTBotをブロック」; not a
# file that does ("a robots.txt blocking GPTBot") nor a condition ("if i block GPTBot, …"). A name is
# put between the halves; bounded: linear.
_BLOCK_BEFORE = r"(?<!\bif i )(?<!\bif you )(?<!\bif we )\b(?:block|disallow|ban)\s++(?:the\s++)?"
_BLOCK_AFTER_JA = r"\s*+(?:を|は|も)?\s*+(?:ブロック|拒否|禁止|遮断|弾)"


def _blocks_named(question: str, named: Mapping[str, set[str]]) -> bool:
    """The ``question`` asks to block one of the ``named`` crawlers by its name (en/ja); one
    search per name over the first 2,000 characters: linear."""
    q = question[:2000]
    return any(
        re.search(_BLOCK_BEFORE + re.escape(n) + r"(?![\w-])", q, re.I)
        or re.search(re.escape(n) + _BLOCK_AFTER_JA, q, re.I)
        for n in named
    )


def question_audience(question: str) -> str:
    """``rights-holder``, ``user`` or ``any``: who the question is asked as (cues, en and ja). The
    asker's opening self-description ("concept artist: can midjourney hand my generated images
    on…") says who they are, not which side of a tool they ask from: it is no cue. What a vendor
    offers artists (``_FOR_HOLDERS``) is asked as one, whatever user setting is named beside it
    (「アーティスト向けに学習から外してもらうオプトアウトある？Stealth Modeってそれのこと？」)."""
    question = question[:2000]
    holder = bool(_HOLDER_CUES.search(_SELF_DESCRIPTION.sub("", question, count=1)))
    user = bool(_USER_CUES.search(question))
    if holder and (not user or _FOR_HOLDERS.search(question)):
        return "rights-holder"
    if user and not holder:
        return "user"
    return "any"


def _about_named(p: Passage, named_families: set[str]) -> bool:
    """The section's note is about a named subject (its aliases, or a checklist's aliases for the
    same publisher's notes; an overview that cites many vendors is about none of them)."""
    return p.meta.family in named_families


def distinct_subjects(named: Mapping[str, set[str]]) -> list[tuple[list[str], set[str]]]:
    """The named subjects as distinct subjects: names whose notes overlap are one subject
    ("Google" and "Google-Extended"), as ``(names, families)`` pairs."""
    groups: list[tuple[list[str], set[str]]] = []
    for name, fams in named.items():
        overlapping = [g for g in groups if g[1] & fams]
        names, families = [name], set(fams)
        for g in overlapping:
            names += g[0]
            families |= g[1]
            groups.remove(g)
        groups.append((names, families))
    return groups


def _covers_all(p: Passage, subjects: Sequence[tuple[list[str], set[str]]]) -> bool:
    """The section is about every subject the question names: each one's note is the section's
    own, or the section's text names it ("Zarya of the Dawn" names Midjourney and the Copyright
    Office). Another vendor's section naming them in passing is about neither: Common Crawl's
    CCBot steps that mention GPTBot and ClaudeBot do not answer "block GPTBot and ClaudeBot"."""
    text = p.text.casefold()
    if p.meta.type in VENDOR_TYPES and not any(p.meta.family in fams for _, fams in subjects):
        return False
    return all(p.meta.family in fams or any(n.casefold() in text for n in names) for names, fams in subjects)


def plan_sections(
    passages: Sequence[Passage],
    *,
    named_families: set[str],
    asker: Sequence[str],
    audience: str,
    in_language: set[str] | None = None,
    named: Mapping[str, set[str]] | None = None,
    vendors_as_context: bool = False,
    context_families: Collection[str] = (),
    platforms: Collection[str] = (),
    asks_case: bool = True,
    asks_for: frozenset[str] = frozenset(),
    places_listed: bool = False,
    asks_part: bool = True,
    asks_search: bool = True,
    asks_past: bool = True,
    articles: Collection[str] = (),
    elsewhere: bool = False,
    unplaced: str | None = None,
    asking: str = "",
    question: str = "",
) -> list[Passage]:
    """Answerable sections (a note's opening is never an answer), best first after re-ranking.

    ``in_language``: the families with a note in the asker's language (None: all of them).
    ``named``: the subjects the question names (name as matched → the families about it).
    ``vendors_as_context``: the tools and platforms named are context, not the subject (a
    copyright-status question, :func:`planning_subjects`): their policy sections get no subject
    bonus, even where their text names every subject.
    ``context_families``: platforms named only as where the asker's work is, in a question about
    a country's law (:func:`without_posted_for_law`): their sections rank down by
    ``OTHER_QUESTION_PENALTY`` (「pixivに絵を上げてるけど、日本で…違法じゃないの？」 asks about the law,
    not pixiv's terms; fresh-user check 115).
    ``platforms``: the named families that are platforms or vendors; a section whose heading
    names one of them ("Should I block Bingbot…?") is about it too, whatever its note.
    ``articles``: the law articles the question names other than through a known alias
    (:func:`bot.engine.text.article_numbers`, "article 16" → ``"16"``); a section whose own
    question names one ("What can Japan's government do under Article 16 of the AI Promotion
    Act?") ranks up, whatever product the question also names.
    ``elsewhere``: the asker named only places the sources cover no law of (New Zealand,
    Canada): the named platform's sections for the EU or the UK rank down, and its section whose
    own question is about everywhere else ("…outside Europe?") ranks up, within ``ASKER_BAND``.
    ``unplaced``: for a question that names no subject and no place, the jurisdiction its
    language implies (``"JP"`` for Japanese, else ``""``); vendor sections and other national
    sources then rank down by ``NOTHING_NAMED_PENALTY``. None when it names something.
    ``asking``: the question's sentences that ask (:func:`bot.engine.text.asking_sentences`); a
    longer name of a named subject written there lifts the section whose own question writes it
    (``NARROW_HEADING_BONUS``); a name written there only inside a longer one picks out no note
    (:func:`_narrowest_named`).
    ``asks_part``: the question asks about part of a site (:func:`asks_about_part`); when it
    does not, a section whose own question does ("…from only part of my site?") ranks down by
    ``NARROWER_PENALTY``: "how do I block AI bots from my site?" is not answered with one folder.
    ``asks_search``: the question mentions search (:func:`asks_about_search`); when it does not,
    a section whose own question does ranks down by ``NARROWER_PENALTY`` too.
    ``asks_past``: the question says the asker already did something (:func:`asks_about_own_past`);
    when it does not, a section about what to do after one's own past step ("I already
    registered…") ranks down by ``NARROWER_PENALTY`` too.
    ``asks_case``: the question mentions a lawsuit, court or ruling
    (:func:`bot.engine.text.asks_about_litigation`); when it does not, a case the question does
    not name ranks below the law and guidance.
    ``question``: the whole message (``asking`` is only its asking sentences); a section whose own
    question quotes a term of four words or more that the message does not write (a setting's name,
    :func:`_unasked_quote`) ranks down by ``NARROWER_PENALTY``.
    ``places_listed``: the question names the places it asks about side by side
    (:func:`bot.engine.text.lists_places`, "…in japan, the US and the UK"); a general section
    whose own question names every one of them ranks up by ``ALL_PLACES_BONUS``.
    """
    scored: list[tuple[int, float, int, Passage]] = []
    best = max((p.cosine for p in passages if p.kind != "intro"), default=0.0)
    if named_families and not any(
        p.kind != "intro" and _about_named(p, named_families) and p.cosine >= best - SUBJECT_BAND for p in passages
    ):
        # another platform's section, ranked down below, sets no band that leaves every section of
        # the named subject out: "moving my portfolio over to cara. how do they keep AI uploads off
        # the site?" is closest to pixiv's "…my own portfolio site?", and Cara's own sections are
        # measured against the best of the rest
        best = max(
            (
                p.cosine
                for p in passages
                if p.kind != "intro" and (p.meta.type not in VENDOR_TYPES or _about_named(p, named_families))
            ),
            default=best,
        )
    subjects = distinct_subjects(named) if named else []
    training_asked = bool(_TRAINING_ON.search(asking[:2000])) and not _GENERATED_WORKS.search(asking[:2000])
    # (whether AI-generated works are protected, asked with no word of training)
    whole = (question or asking)[:2000]
    generated_status_asked = (
        bool(_GENERATED_WORKS.search(whole)) and asks_copyright_status(whole) and not _ANY_TRAINING.search(whole)
    )
    several = subjects if len(subjects) >= 2 else None
    several_platforms = several is not None and all(fams & set(platforms) for _, fams in several)
    platform_names = [n.casefold() for n, fams in (named or {}).items() if fams & set(platforms)]
    # names of the laws asked about ("30条の4"): every family they name is a law's
    law_families = {p.meta.family for p in passages if p.meta.type == "law"}
    law_names = [n.casefold() for n, fams in (named or {}).items() if fams and fams <= law_families]
    named_case = any(p.meta.type == "case-law" and p.meta.family in named_families for p in passages)
    # (a vendor's notes and its checklist, in either language, are one subject: its platform)
    subject_of = {
        p.meta.family: platform_name(p.meta.publisher) if p.meta.type in VENDOR_TYPES else p.meta.family
        for p in passages
    }
    narrow = _narrowest_named(named or {}, asking, subject_of)
    named_subjects = {subject_of[f] for f in named_families if f in subject_of}
    # (... a longer name of another named subject, "Midjourney Style List" beside "Midjourney", not
    # an alias one note has to itself, "Stealth Mode" or "facebook"; written where the question
    # asks, not in what the asker says of themselves: "uk artist whose name is on the midjourney
    # style list. can i just join the US artists' class action…?")
    narrow_names = [
        n.casefold()
        for n, fams in (named or {}).items()
        if fams <= narrow
        and written_as_word(asking, n)
        and any(len(m) < len(n) and written_as_word(n, m) for m in named or {})
    ]
    # the named subjects other than tools and platforms: a registration asked about a named decision
    # (「Zaryaのケースだと」) is the decision's, one of a work made with Midjourney is the guidance's
    named_works = set().union(*(fams for fams in (named or {}).values() if not fams & set(platforms)))
    # named subjects whose own notes were retrieved, as an overview would cite them
    own_notes = {p.meta.family for p in passages if p.meta.family in named_families and not p.meta.sources}
    # (staying in search is the subject's own question when a company is named: "GoogleのAI学習だけ
    # 止めたいけど、検索には出たい" is Google-Extended's, not every company's block)
    asked_kinds = asks_for - {"stay-in-search"} if named_families else asks_for
    # (how to do something chooses among a named subject's sections, its objection form over whether
    # it trains; with nothing named, every vendor's "How do I block…?" would outrank the overview's
    # answer for all of them: "how do i keep ai scrapers off my portfolio site?")
    if not named_families:
        asked_kinds = asked_kinds - {"how-to"}
    # (whether any of a named subject's sections is as close as SUBJECT_BAND)
    named_in_band = any(
        p.kind != "intro" and _about_named(p, named_families) and p.cosine >= best - SUBJECT_BAND for p in passages
    )
    for i, p in enumerate(passages):
        if p.kind == "intro":
            continue
        score = p.fused + ASPECT_WEIGHT * p.aspect
        fits_elsewhere = False
        score += QUESTION_MATCH_WEIGHT * max(0.0, p.question_cosine - QUESTION_MATCH_FLOOR)
        # (a registration asked about in a court case, 「AIを著作者にして登録しようとした人の裁判」,
        # is the case's question, not the registration guidance's; nor is one asked about a named
        # decision's registration, 「Zaryaのケースだと」)
        kinds = asked_kinds
        if "registration" in asked_kinds and (asks_case or (named_works and not _about_named(p, named_works))):
            kinds = asked_kinds - {"registration"}
        narrower = not asks_part and asks_about_part(p.heading)
        heading_kinds = heading_types(p.heading)
        if kinds and kinds & heading_kinds and not narrower:
            # (a narrower section asking the same kind is no better for it: "can i stop other AI
            # crawlers…?" is not asked by "How do I block an AI crawler from only part of my site?")
            score += QUESTION_TYPE_BONUS
            if "style" in kinds & heading_kinds and len(kinds & heading_kinds) > 1:
                # (whether a style may be imitated is narrower than whether a use infringes, which
                # every infringement section asks too)
                score += QUESTION_TYPE_BONUS
        if narrower:
            score -= NARROWER_PENALTY
        if not asks_search and asks_about_search(p.heading):
            score -= NARROWER_PENALTY
        if not asks_past and _OWN_PAST_HEADING.search(p.heading):
            score -= NARROWER_PENALTY
        if "when" not in asks_for and heading_kinds == {"when"} and _SINCE_WHEN_HEADING.search(p.heading):
            # a section asking only since when something holds answers with a date, which a
            # question asking no time does not want first (「日本だとAI学習って無断でもOKなの？30条の4ってやつ」
            # is not 「いつから…認められているの？」; fresh-user trial 66)
            score -= NARROWER_PENALTY
        if _unasked_quote(p.heading, question or asking):
            # a section whose own question quotes a setting or term the question does not write
            # ('Does turning off "Improve the model for everyone" stop GPTBot…?') is about that
            # ("is a single GPTBot line in robots.txt enough?" is not)
            score -= NARROWER_PENALTY
        if training_asked and _GENERATED_WORKS.search(p.heading) and not _TRAINING_ON.search(p.heading):
            # a section on AI-generated works (selling or posting them) does not answer whether
            # one's own works are trained on (「FANBOXの支援者限定の絵がAI学習に使われるって本当？」)
            score -= OTHER_QUESTION_PENALTY
        if (
            generated_status_asked
            and p.meta.type in ("law", "report")
            and _ANY_TRAINING.search(p.heading)
            and not _GENERATED_WORKS.search(p.heading)
        ):
            # ... nor does a law's or an official report's section on training answer whether
            # AI-generated works are protected, asked with no word of training ("is it legal to
            # sell prints of AI art i generated? … does anyone even own the copyright on it" was
            # led by whether training is fair use, fresh-user trial 118)
            score -= OTHER_QUESTION_PENALTY
        if articles and p.cosine >= best - SUBJECT_BAND and article_numbers(p.heading) & set(articles):
            # its own question names the article asked about ("…under Article 16 of the AI
            # Promotion Act?"), a subject more specific than any product named beside it
            score += ARTICLE_BONUS
        context = vendors_as_context and p.meta.type in VENDOR_TYPES
        if p.meta.family in context_families:
            score -= OTHER_QUESTION_PENALTY
        covers_all = several is not None and _covers_all(p, several)
        if covers_all and not context and p.cosine >= best - SUBJECT_BAND:
            score += SUBJECT_BONUS + ALL_SUBJECTS_BONUS
        elif named_families:
            heading = p.heading.casefold()
            # official guidance whose own question or answer names the law asked about interprets
            # it: the ACA's 「どんなAI学習が著作権法第30条の4の対象外になる？」 is about Article 30-4
            # too, and so is its "Can someone train a LoRA on my art in Japan?" (outside 30-4); so
            # does another law's section naming it ("under the EU AI Act how do I reserve my
            # rights?" is the DSM Directive's opt-out, which the AI Act makes providers respect:
            # fresh-user trial 73)
            body = p.text.casefold()
            interprets = p.meta.type in ("guidance", "law") and any(n in heading or n in body for n in law_names)
            # (a name as a whole word: the "x" of "pixiv" is not X, fresh-user trial 82's 「…AI絵をXに
            # 上げられた。日本では画風の模倣って違法になる？」 was led by pixiv's posting rule)
            # (not another platform's own section, neither the named one's nor built from its notes:
            # Amazon's "Does a noarchive meta tag stop Amazon training…?" writes NOARCHIVE, an alias
            # of Bing's note, and led "which meta tag keeps bing's chat answers… off my pages", the
            # opened sixty-seventh set's f4645)
            named_in_heading = any(written_as_word(heading, n) for n in platform_names) and not (
                p.meta.type in VENDOR_TYPES
                and subject_of[p.meta.family] not in named_subjects
                and named_families.isdisjoint(p.meta.sources)
            )
            if _about_named(p, named_families) or named_in_heading or interprets:
                # (or, a little further down, one sharing the question's distinctive terms most:
                # 「Midjourneyって、robots.txtで止められるクローラー名とか、…窓口ってあるの？」 is
                # Midjourney's artist-side section, not RFC 9309's on crawler names)
                # (never another place's law for someone who said where they are: the EU's "TDM
                # exception" for a UK photographer)
                if p.cosine >= best - SUBJECT_BAND or (
                    not named_in_band
                    and p.aspect >= SUBJECT_ASPECT_MIN
                    and p.cosine >= best - RELEVANCE_BAND
                    and (not asker or p.meta.jurisdiction in (*asker, "INTL"))
                ):
                    score += SUBJECT_BONUS
            elif p.meta.type in VENDOR_TYPES or (p.meta.type == "case-law" and named_case):
                # another platform's section; another court case's when the question names a case
                # ("what did the court say in the getty case?" is not about Kneschke v. LAION)
                score -= OTHER_SUBJECT_PENALTY
        elif p.meta.type in VENDOR_TYPES:
            score -= GENERIC_VENDOR_PENALTY
        if (
            unplaced is not None
            and (p.meta.type in VENDOR_TYPES or p.meta.jurisdiction not in ("INTL", unplaced))
            and not (asks_case and p.meta.type == "case-law")
        ):
            score -= NOTHING_NAMED_PENALTY
        if p.meta.family in narrow and p.cosine >= best - RELEVANCE_BAND:
            score += NARROW_NAME_BONUS
            if any(written_as_word(p.heading, n) for n in narrow_names):
                score += NARROW_HEADING_BONUS
        # (a section writing every platform named answers what none of their notes does alone: "how
        # do i block GPTBot, ClaudeBot and Google-Extended…?" is the overview's one robots.txt block;
        # the Sora 2 overview asked about CODA's request still restates CODA's note)
        if own_notes and not (covers_all and several_platforms) and _restates(p, own_notes, subjects):
            score -= RESTATED_PENALTY
        if in_language is not None and p.meta.family not in in_language:
            score -= OTHER_LANGUAGE_PENALTY
        if audience != "any" and p.audience not in ("any", audience):
            score -= AUDIENCE_PENALTY
        # Where the asker is chooses among the named platform's sources (Meta's UK route or its
        # EU form); it does not pull in the country's law when the question is about a platform.
        if asker and (not named_families or _about_named(p, named_families)):
            if p.meta.jurisdiction in asker and places_listed and len(asker) > 1:
                # one country's source answers only part of a question about several places side
                # by side (「日本やEUだと法律上の意味って何かあるの？」)
                score -= HEADING_PLACE_PENALTY
            elif p.meta.jurisdiction in asker:
                score += JURISDICTION_BONUS
            elif p.meta.jurisdiction != "INTL":
                # (more for a platform's policy whose own question names only that other place:
                # 「EUに住んでいる場合…」 for 「アメリカ住みでEUじゃないんだけど…」, fresh-user check 77)
                score -= OTHER_JURISDICTION_PENALTY + (
                    HEADING_PLACE_PENALTY
                    if p.meta.type in VENDOR_TYPES and about_another_place(p.heading, asker)
                    else 0.0
                )
            elif places := _heading_places(p.heading):
                # the named platform's section whose own question names where the asker is
                # (「日本やアメリカでは、MetaのAI学習を拒否できる？」 for someone in Japan) ranks up;
                # one naming only other places ("…in the EU?" for someone in the US) ranks down;
                # so does a general one when nothing is named ("US: can I register a work I made
                # with AI?" for "and in Japan?" after a registration question, trial 27)
                # (a section comparing three places or more is not the one place asked about: "us artist
                # here: is it fair use…?" is the US section's, not the four-country comparison's)
                comparing = len(_named_places(p.heading)) >= 3 and len(asker) == 1 and not places_listed
                if not comparing:
                    score += HEADING_PLACE_BONUS if places & set(asker) else -HEADING_PLACE_PENALTY
                if places_listed and len(asker) > 1 and places >= set(asker):
                    # a question about several places ("…handled differently in japan, the US and
                    # the UK") is answered by the section comparing them all, not one country's
                    score += ALL_PLACES_BONUS
        elif asker and p.meta.jurisdiction not in (*asker, "INTL"):
            # another place's own source, when the question names a platform it is not about: the
            # US Copyright Office's Zarya decision is no answer to 「Midjourneyで作った画像って日本で
            # 著作権認められますか？」 (fresh-user trial 82)
            score -= OTHER_JURISDICTION_PENALTY
        elif asker and p.meta.jurisdiction == "INTL" and not _asks_of_place(p.heading, asker):
            # a general section whose own question is about another place ("US: can I register a
            # work I made with AI?" for someone in Japan) is not the asker's, whatever is named
            score -= HEADING_PLACE_PENALTY
        elif elsewhere and named_families and _about_named(p, named_families):
            # the asker lives where the sources cover no law ("i'm in nz, can meta train on my
            # instagram?"): the platform's routes for the EU or the UK are not theirs, its
            # section on everywhere else ("…outside Europe?") is
            heading_places = mentioned_jurisdictions(p.heading)
            if p.meta.jurisdiction != "INTL":
                score -= OTHER_JURISDICTION_PENALTY + (HEADING_PLACE_PENALTY if heading_places else 0.0)
            elif heading_places and _OUTSIDE.search(p.heading):
                score += HEADING_PLACE_BONUS
                fits_elsewhere = True
            elif heading_places:
                score -= HEADING_PLACE_PENALTY
        elif elsewhere and named_families & set(platforms) and p.meta.jurisdiction != "INTL":
            # ... and one covered country's law is no answer for them about a named platform ("i'm
            # a mexican illustrator, can openai train on my art?" was led by Japan's Article 30-4)
            score -= OTHER_JURISDICTION_PENALTY
        elif not asker and p.meta.type in VENDOR_TYPES and p.meta.jurisdiction != "INTL":
            score -= NATIONAL_VENDOR_PENALTY
        elif not asker and not elsewhere and p.meta.type in VENDOR_TYPES and _named_places(p.heading):
            # a platform's section whose own question is about one place ("Does X train Grok on
            # posts from people in the EU?") is no answer to a question naming none ("…if i just
            # keep using it, have i agreed to all that?", the opened fifty-first set's f3688)
            score -= NATIONAL_VENDOR_PENALTY
        if not asks_case and p.meta.type == "case-law" and not _about_named(p, named_families):
            score -= UNASKED_CASE_PENALTY
        elif asks_case and p.meta.type == "case-law" and _about_named(p, named_families):
            score += ASKED_CASE_BONUS
        near = p.cosine >= best - RELEVANCE_BAND
        local = ((bool(asker) and p.meta.jurisdiction in asker) or fits_elsewhere) and p.cosine >= best - ASKER_BAND
        band = 0 if near or local else 1
        scored.append((band, score, i, p))
    scored.sort(key=lambda t: (t[0], -t[1], t[2]))
    if scored and SIBLING_ASPECT_WEIGHT:
        # Among the sections of the leading note (and its twin), the one asking what the
        # question asks ("…content analysis…", "…the Supreme Court…") leads.
        lead = sibling_group(scored[0][3])
        rescored = []
        for band, score, i, p in scored:
            if sibling_group(p) == lead:
                band = 0 if band == 0 or p.aspect >= SIBLING_ASPECT_MIN else band
                score += SIBLING_ASPECT_WEIGHT * p.aspect
            rescored.append((band, score, i, p))
        scored = sorted(rescored, key=lambda t: (t[0], -t[1], t[2]))
    for _, score, _, p in scored:
        p.fused = score
    return [p for *_, p in scored]


_CHECKLIST_PUBLISHER = re.compile(r"kenri checklist \((.{1,80})\)")


def _restates(p: Passage, notes: set[str], subjects: Sequence[tuple[list[str], set[str]]]) -> bool:
    """The section restates a named subject's own note (``notes``: family ids; ``subjects``:
    :func:`distinct_subjects`): its note is built from that note (front-matter ``sources``), the
    section cites it by id, and it cites the notes of at most one named subject besides the one
    it is itself about (the Sora 2 overview asked about "sora 2 and CODA"; the final Principle
    Code restating its draft). A section citing the notes of several named subjects ("Do the X,
    LinkedIn and Meta opt-outs cover my work elsewhere?") answers what none of them does alone."""
    cited = {f for f in notes.intersection(p.meta.sources) if f in p.text}
    others = [fams for _, fams in subjects if p.meta.family not in fams]
    return bool(cited) and sum(1 for fams in others if fams & cited) <= 1


def _narrowest_named(named: Mapping[str, set[str]], asking: str, groups: Mapping[str, str]) -> set[str]:
    """The notes a name picks out alone among another named subject's notes: "disney and universal
    vs midjourney" names the case's note among Midjourney's, "goodbye meta ai" the fact-check
    among Meta's (``named``: name as matched → the families about it).

    A name that ``asking`` (the sentences that ask) writes only as part of a longer name about
    several subjects (``groups``: family → its subject, a vendor's platform name) picks out
    nothing: the "Sora" of "Sora 2" is not a second name, and "Sora 2でアニメ…日本政府は何か対応
    してるの？" is about every Sora 2 note, not OpenAI's controls alone. Within one vendor's notes it
    still does: the "Claude" of "Claude-User" picks Anthropic's crawler note over its checklist."""
    out: set[str] = set()
    folded = asking.casefold()
    for n, fams in named.items():
        if len(fams) == 1 and any(fams < other for m, other in named.items() if m != n):
            longer = [
                m.casefold()
                for m, other in named.items()
                if len(m) > len(n) and written_as_word(m, n) and len({groups.get(f, f) for f in other}) > 1
            ]
            if longer and folded:
                rest = folded
                for m in sorted(longer, key=len, reverse=True):
                    rest = rest.replace(m, " ")
                if not written_as_word(rest, n):
                    continue
            out |= fams
    return out


def sibling_group(p: Passage) -> str:
    """The sections that answer one subject's questions: a note and its translations; for a
    vendor or platform, all its notes and its kenri checklist (publisher "kenri checklist
    (OpenAI)" is OpenAI's)."""
    if p.meta.type not in VENDOR_TYPES:
        return p.meta.family
    m = _CHECKLIST_PUBLISHER.fullmatch(p.meta.publisher)
    return "publisher:" + (m.group(1) if m else p.meta.publisher)


# the asker's own work or action: "my art", "can i…", 「自分の絵」
_FIRST_PERSON = re.compile(
    # ("us" in lower case only: "the US" is a country)
    r"\b(?:i|i'm|im|my|me|we|our)\b|\b(?-i:us|Us)\b|自分|私|僕|俺|うち"
    # ... or how rights holders, for whom the asker speaks, opt out (「権利者はどうやってオプトアウトするの？」)
    r"|\bhow (?:do|can|would) (?:rights? ?holders|artists|creators)\b|権利者は(?:どうやって|どうすれば|どう)",
    re.I,
)
# asking to opt out: "can i opt my art out of claude?", "opt-out", "how do i stop perplexity from
# training on my art?", 「オプトアウト」 (bounded gaps: at most four words between "opt" and "out",
# 40 characters between "stop" and what it stops: linear)
_OPT_OUT = re.compile(
    r"\bopt(?:s|ed|ing)?(?:[\s\-]++[\w']{1,20}+){0,4}?[\s\-]++out\b|\bopt-?outs?\b|オプトアウト"
    r"|\bstop\b[^.?!]{0,40}?\b(?:training|using|scraping|selling|sharing)\b",
    re.I,
)
# ... or asking how to keep the work out of training (「AI学習に使われないようにするには？」): only
# enough to take the platform's checklist over its own policy note
_KEEP_OUT = re.compile(
    r"学習に使われないよう|学習されないよう|学習させないよう|学習を拒否|学習させない(?:方法|には|設定)|学習させたくない|学習されたくない"
    # (「AI学習から守る設定ってある？」, fresh-user trial 71)
    r"|学習から守"
    # ... or how to stop its use or sale (「AI会社にデータ売られるの止める方法ある？」, fresh-user trial 73)
    r"|(?:学習|使われ|売られ|提供され|渡され)[^。？?！!\n]{0,12}?(?:止め|防)(?:る|ぐ|げる)?(?:方法|には|手段)"
)
# ... but "stop … using" asked of something other than the asker ("does pasting a notice in my bio
# stop meta from using my drawings?") asks whether that thing works, not how to opt out. Bounded
# gap: linear.
_WHETHER_IT_STOPS = re.compile(r"\b(?:does|do|did|will|would|could|can)\s(?!(?:i|we)\b)[^.?!]{1,90}?\bstop\b", re.I)
# ... and asking whether a setting exists asks for the steps as "how" does (「AI学習から守る設定って
# ある？」, "is there a setting to…", fresh-user trial 71)
_ASKS_SETTING = re.compile(
    r"設定(?:って|は|が)?(?:ある|あります|でき)|\bis there (?:a|an|any) (?:setting|option|toggle|switch)\b", re.I
)
WHETHER_STOPS_CHARS = 100  # how far before "stop" the thing asked about is looked for
_SENTENCE_SPLIT = re.compile(r"(?<=[.?!。？！])\s*")
PLATFORM_STEPS_RANK = 3  # how near the top a platform's checklist is taken over its own policy note


def _next_sections(plan: Sequence[Passage], rank: int) -> list[Passage]:
    """The passages after ``plan``'s lead that stand within its first ``rank`` sections, a
    section and its other-language twin (the same family and section number) counted once: a
    Japanese lead's English twin takes no place ("Tumblrに…止める方法ある？" had the Tumblr checklist
    fourth, behind the lead's twin, fresh-user trial 73)."""
    seen = {(plan[0].meta.family, plan[0].section)} if plan else set()
    out = []
    for p in plan[1:]:
        key = (p.meta.family, p.section)
        if key not in seen:
            if len(seen) >= rank:
                break
            seen.add(key)
        out.append(p)
    return out


def named_platform_steps(
    plan: Sequence[Passage], named: Mapping[str, set[str]], platforms: Collection[str], question: str
) -> Passage | None:
    """The named platform's own section to lead with when the ``question`` asks to opt out
    (``_OPT_OUT``) of the asker's own work (``_FIRST_PERSON``; "did OpenAI tell rights holders
    about the opt-out?" asks about it as news), names one subject, a platform (``named``: names
    → families; ``platforms``: the vendor families), and the plan's lead is another source's:
    "can i opt my art out of claude?" was led by the UK's report on not adopting an opt-out,
    which shares its words, while Anthropic's checklist ranked below it. The platform's first
    section in ``plan`` (a vendor policy or checklist), or None."""
    q = question[:2000]
    # (a question asking how is asked for the asker, whether or not it says 「自分」)
    opt_outs = list(_OPT_OUT.finditer(q))
    opting_out = any(
        not (
            m.group(0)[:4].casefold() == "stop"
            and _WHETHER_IT_STOPS.search(q, max(0, m.start() - WHETHER_STOPS_CHARS), m.start() + 4)
        )
        for m in opt_outs
    )
    # (a second subject, the CODA or a regulator beside the platform, makes the opt-out a topic:
    # "why does CODA say Sora's opt-out does not work in Japan?")
    subjects = [fams for _, fams in distinct_subjects(named)]
    # (when nothing asks to opt out, every match is a "does … stop" asked of something else)
    whether = bool(opt_outs) and not opting_out
    # asked whether the platform's measure works ("does turning off the grok toggle… actually stop
    # them training on my art?"), its own note says what the measure does; the checklist says where
    # it is (fresh-user check 72)
    if (
        whether
        and plan
        and plan[0].meta.family.startswith("optout-")
        and len(subjects) == 1
        and plan[0].meta.family in subjects[0]
    ):
        return next(
            (
                p
                for p in plan[1:PLATFORM_STEPS_RANK]
                if p.kind != "intro" and p.meta.family in subjects[0] and not p.meta.family.startswith("optout-")
            ),
            None,
        )
    # (the asker's own opt-out is asked in the sentence that asks about opting out: "were japanese
    # anime studios offered sora 2's opt-out? the reports i saw…" asks about it as news)
    own = any(
        _FIRST_PERSON.search(sentence)
        for sentence in _SENTENCE_SPLIT.split(q)
        if _OPT_OUT.search(sentence) or _KEEP_OUT.search(sentence)
    )
    how = asks_how_to(q) or bool(_ASKS_SETTING.search(q))
    if not plan or not (opting_out or _KEEP_OUT.search(q)) or not (own or how):
        return None
    # (a lead of the name's own that is no platform's policy, such as the Sora 2 overview the name
    # "Sora 2" also points to, still gives way to the platform's steps)
    if len(subjects) != 1 or not subjects[0] & set(platforms):
        return None
    if plan[0].meta.family in subjects[0] and plan[0].meta.type in VENDOR_TYPES:
        # the platform's own policy leads: asked how, its checklist near the top gives the steps
        # (「pixivに上げてる絵がAI学習に使われないようにするにはどうすればいい？」 was answered with
        # pixiv's terms alone, not the checklist saying there is no setting)
        if not opting_out and how and not plan[0].meta.family.startswith("optout-"):
            # (or the platform's own section asking how: 「Xの規約変わったけど、絵をGrokに学習させない
            # 設定ある？」 is "How do I turn off Grok training on X?", not the terms' licence)
            near = [
                p
                for p in _next_sections(plan, PLATFORM_STEPS_RANK)
                if p.kind != "intro" and p.meta.family in subjects[0]
            ]
            return next((p for p in near if p.meta.family.startswith("optout-")), None) or next(
                (p for p in near if asks_how_to(p.heading)), None
            )
        return None
    if not opting_out:
        return None
    if plan[0].meta.family in subjects[0] and (
        plan[0].question_cosine >= SAME_QUESTION_SIM
        # ... and so does one of them written for rights holders ("…whose names people type into
        # midjourney… is there any way to opt out or get it taken off?" is "Can I get my name or
        # style removed from Midjourney?", not the checklist's caveats: the opened forty-eighth
        # set's f3503)
        or plan[0].audience == "rights-holder"
    ):
        # a section of the platform's own notes that asks the question itself leads, whatever its
        # type: "can an artist opt out of Midjourney training?" answers 「Midjourneyに自分の絵が
        # 学習されてたらオプトアウトできる？」 (there is no opt-out), not the checklist's caveats
        # (fresh-user trial 69)
        return None
    return next(
        (p for p in plan if p.kind != "intro" and p.meta.family in subjects[0] and p.meta.type in VENDOR_TYPES),
        None,
    )


# A message asking for the robots.txt lines themselves: what to put, write or add there, its lines
# or rules, how to block with it ("what do i put in robots.txt to block anthropic's crawler and
# common crawl?", 「robots.txtに何て書けばいい？」). Bounded gaps: linear.
_ROBOTS_LINES = re.compile(
    r"\b(?:what|which)\b[^.?!\n]{0,30}\b(?:put|write|add|lines?|rules?|entr(?:y|ies))\b[^.?!\n]{0,30}robots\.txt"
    r"|robots\.txt\b[^.?!\n]{0,15}\b(?:lines?|rules?|entr(?:y|ies)|snippet)\b"
    r"|robots\.txt(?:に|で|には)?[^。？?\n]{0,40}(?:何[をて]?書|どう書|書き方|記述)",
    re.I,
)


# a name given as an example of a kind ("AI crawlers like GPTBot", "such as CCBot", 「GPTBotなど」)
_GIVEN_AS_EXAMPLE = re.compile(r"\b(?:like|such as|e\.g\.|for example|for instance|including)\s|など|とか", re.I)
_NUMBERED_STEP = re.compile(r"^1\. ", re.M)  # a list of steps, numbered from one


def gives_code(text: str) -> bool:
    """``text`` (a section's) has a fenced code block: robots.txt lines to copy."""
    return "```" in text


MIN_COMBINED_BLOCK_SUBJECTS = 3  # companies named at once whose lines one block gives (two get a section each)


def asks_for_robots_lines(question: str) -> bool:
    """The message asks for robots.txt lines themselves (``_ROBOTS_LINES``)."""
    return bool(_ROBOTS_LINES.search(question[:2000]))


def robots_lines_section(plan: Sequence[Passage], named: Mapping[str, set[str]], question: str) -> Passage | None:
    """For a message asking for robots.txt lines (``_ROBOTS_LINES``) that names the companies
    (``named``: names → families) whose crawlers it means, when the plan's lead gives no lines
    (no fenced block): of the plan's sections that are those companies' own and give them, the
    first-named company's, a checklist's step before a note's and one step before a numbered list
    of them, then the one whose own question is closest. "…block anthropic's
    crawler and common crawl?" was led by the list of every company's tokens, without a line to
    copy. Three companies or more (``MIN_COMBINED_BLOCK_SUBJECTS``) in a message about robots.txt,
    whether or not it asks for lines, get the section whose block has a group for each of them,
    the one with the fewest groups (the lead itself: None). None otherwise."""
    if not plan or not named:
        return None
    lines_asked = asks_for_robots_lines(question)
    # three companies or more are more than two sections' lines: one block that writes every one
    # of them ("how do i block GPTBot, ClaudeBot and Google-Extended in robots.txt?" got two)
    subjects = distinct_subjects(named)
    if len(subjects) >= MIN_COMBINED_BLOCK_SUBJECTS and (lines_asked or "robots" in question[:2000].casefold()):
        # (robots.txt groups, not a list of tokens; of those, the one with the fewest groups: the
        # least beyond what was asked)
        # (and none that lets a named company's crawler in: "…want GPTBot, ClaudeBot and perplexity
        # out" got the block that keeps AI search and allows PerplexityBot, fresh-user trial 85)
        covering = [
            p
            for p in plan
            if p.kind != "intro"
            and gives_code(p.text)
            and p.text.casefold().count("user-agent:") >= len(subjects)
            and all(any(n.casefold() in p.text.casefold() for n in names) for names, _ in subjects)
            and not allows_named(p.text, [n for names, _ in subjects for n in names])
        ]
        combined = min(covering, key=lambda p: p.text.casefold().count("user-agent:"), default=None)
        if combined is not None:
            return None if combined is plan[0] else combined
    if not lines_asked or gives_code(plan[0].text):
        return None
    families = set().union(*named.values())
    giving = [
        p
        for p in plan
        if p.kind != "intro" and p.meta.family in families and p.meta.type in VENDOR_TYPES and gives_code(p.text)
    ]
    # the company the message names first, a checklist's step before a note's (Anthropic's step
    # blocking ClaudeBot, not its note on legacy tokens) and one step before a whole list of them
    # (OpenAI's GPTBot step, not all four of its steps), then the one whose own question is closest
    folded = question[:2000].casefold()

    def written_at(name: str) -> int:
        at = folded.find(name.casefold())
        return at if at >= 0 else len(folded)

    first = min(named.items(), key=lambda item: written_at(item[0]))[1]
    return max(giving, key=lambda p: (p.meta.family in first, *lines_preference(p)), default=None)


_GROUP_USER_AGENT = re.compile(r"^[ \t]*user-agent[ \t]*:[ \t]*([^\s#]+)", re.I | re.M)


def allows_named(text: str, names: Collection[str]) -> bool:
    """A robots.txt block of ``text`` (a fenced code block) lets a crawler whose product token
    contains one of ``names`` fetch the site root ("User-agent: PerplexityBot" / "Allow: /" for
    "perplexity"). Each block is read by the standard library's robots.txt parser
    (:mod:`urllib.robotparser`, RFC 9309 groups); linear in the length of ``text``."""
    wanted = [n.casefold() for n in names if n]
    for block in (b for b in markdown_blocks(text[:20_000]) if b.startswith(("```", "~~~"))):
        tokens = [t for t in _GROUP_USER_AGENT.findall(block) if t != "*" and any(n in t.casefold() for n in wanted)]
        if not tokens:
            continue
        parser = urllib.robotparser.RobotFileParser()
        parser.parse(block.splitlines())
        if any(parser.can_fetch(t, "/") for t in tokens):
            return True
    return False


def lines_preference(p: Passage) -> tuple[bool, bool, float]:
    """How well a section giving robots.txt lines answers a request for them, as a sort key (the
    larger the better): a checklist's step before a note's, one step before a numbered list of
    steps, then its own question's closeness to the message's."""
    return p.meta.family.startswith("optout-"), not _NUMBERED_STEP.search(p.text), p.question_cosine


def writes_beyond_pointer(text: str, name: str, families: Collection[str]) -> bool:
    """``text`` writes ``name`` (both casefolded) somewhere other than as a pointer to the note
    of one of ``families``, written as the name then the note's id in parentheses ("…blocks for
    AI companies' own crawlers, such as GPTBot (openai-crawlers) or ClaudeBot
    (anthropic-crawlers)"; full-width parentheses in Japanese): a section pointing to another
    note for a subject does not answer it. Linear: one scan per occurrence of ``name``, each a
    fixed-length look after it. A name of under four Latin characters counts only as a word
    (:func:`~bot.engine.subjects.word_spans`), as in :func:`_writes_name`: "X" is not the x of
    "pixiv" (「pixivとXの両方で…」 lost X's steps, fresh-user trial 90)."""
    pointers = tuple(p for f in families for p in (f"({f})", f"（{f}）"))
    if len(name) < 4 and name.isascii():
        spans = word_spans(text, name, exact_case=True)
    else:
        spans = (m.span() for m in re.finditer(re.escape(name), text))
    return any(not text[end : end + 80].lstrip().startswith(pointers) for _, end in spans)


def adds_a_point(
    lead: Passage,
    other: Passage,
    *,
    named: Mapping[str, set[str]] | None = None,
    asker: Sequence[str] = (),
) -> bool:
    """A second section joins the answer only when it says something else, and either is about
    a subject the question names that the lead's text does not mention ("…GPTBot… and
    ChatGPT-User?"; ``named``: the names as matched → the families about each; another
    platform's passing mention is not enough), or covers a second jurisdiction the asker named,
    or answers the question as directly as the lead does. From the lead's own source (its note,
    translation or checklist twin) only another section that writes a name the question names
    and the lead does not ("do I also need to block ChatGPT-User if I block GPTBot?": the lead
    on ChatGPT-User, then the section on GPTBot)."""
    named = named or {}
    lead_text = lead.text.casefold()
    other_text = other.text.casefold()
    if (
        other.meta.family == lead.meta.family
        or other.meta.family in lead.meta.sources
        or lead.meta.family in other.meta.sources
    ):
        same_section = other.meta.family == lead.meta.family and other.section == lead.section
        # (a longer name of what the lead already names is none: "meta ai" beside the lead's "Meta")
        written = [n.casefold() for n in named if n.casefold() in lead_text]
        if same_section or not any(
            n.casefold() not in lead_text
            and n.casefold() in other_text
            and not any(_extends_name(n, w) for w in written)
            for n in named
        ):
            return False
        if asker and not _asks_of_place(other.heading, asker):
            return False  # "…in the US?" after the EU form, for someone who asked about the EU
        return _says_something_else(lead, other)
    # another platform's section that mentions the subject in passing does not count
    # (DeviantArt's NoAI section naming Spawning's Do Not Train Registry)
    vendor = other.meta.type in VENDOR_TYPES
    # (a name of the lead's own subject is none: "meta ai" after a lead on Meta's EU form)
    second_subject = any(
        not writes_beyond_pointer(lead_text, n.casefold(), fams)
        and lead.meta.family not in fams
        and (
            other.meta.family in fams
            or (not vendor and (written_as_word(other_text, n) if len(n) < 4 else n.casefold() in other_text))
        )
        for n, fams in named.items()
    )
    second_place = (
        len(asker) >= 2 and other.meta.jurisdiction in asker and other.meta.jurisdiction != lead.meta.jurisdiction
    )
    # one platform's steps are never a direct answer to a question that names no platform
    # (「AI学習を拒否するには？」 is worded like every checklist's 「XでAI学習を拒否するには？」)
    direct = (
        other.question_cosine >= SECOND_MIN_QSIM
        and other.fused >= lead.fused - SECOND_MAX_GAP
        and (bool(named) or not vendor)
        # another country's law is no direct answer for someone who said where they are, nor a
        # section whose own question is about another place ("…in the US?", "…outside Europe?"
        # for someone in the EU)
        and (not asker or (other.meta.jurisdiction in (*asker, "INTL") and _asks_of_place(other.heading, asker)))
    )
    if not (second_subject or second_place or direct):
        return False
    return _says_something_else(lead, other)


def _extends_name(name: str, shorter: str) -> bool:
    """``name`` is ``shorter`` with more after it, or around it ("meta ai" of "Meta", "sora2" of
    "Sora"; not "xai" of "X"): ``shorter`` starts a word of ``name`` and no letter follows it.
    One escaped literal: linear."""
    return re.search(rf"(?<![a-z0-9]){re.escape(shorter.casefold())}(?![a-z])", name.casefold()) is not None


# a section's own question asking which countries ("In which countries can creators opt out…?",
# 「どの国なら…？」) is about every place the sources cover; one asking how the rule differs by
# country (「AIで作った絵の著作権は、国によってどう違う？」) is not, or it would lead every comparison of
# two places (fresh-user check 61: 「日本とアメリカってAI学習と著作権の扱いどう違うの？」)
_EVERY_COUNTRY = re.compile(r"\b(?:which|what) countries\b|どの国", re.I)
_COVERED_PLACES = frozenset(JURISDICTIONS) - {"INTL"}


def _named_places(heading: str) -> set[str]:
    """The jurisdictions a section's own question names, except where it names one only as outside
    its answer (``_OUTSIDE_PLACE``)."""
    return set(mentioned_jurisdictions(_OUTSIDE_PLACE.sub(" ", heading)))


def _heading_places(heading: str) -> set[str]:
    """The jurisdictions a section's own question is about: those it names (:func:`_named_places`);
    every covered one when it asks across countries (``_EVERY_COUNTRY``)."""
    if _EVERY_COUNTRY.search(heading):
        return set(_COVERED_PLACES)
    return _named_places(heading)


def about_another_place(heading: str, places: Collection[str]) -> bool:
    """A section's own question (``heading``) is about a place, and none of ``places`` (where the
    asker is and what the question names): "US: can I register a work I made with AI?" for
    someone in Japan."""
    own = _heading_places(heading)
    return bool(own) and not own & set(places)


def _asks_of_place(heading: str, asker: Sequence[str]) -> bool:
    """A section's own question (``heading``) names no place, or one of the asker's, and does not
    ask about everywhere outside one of them."""
    outside = {j for m in _OUTSIDE_PLACE.finditer(heading) for j in mentioned_jurisdictions(m.group(0))}
    places = _heading_places(heading)
    return not (outside & set(asker)) and (not places or bool(places & set(asker)))


# the plan's first sections searched for the asker's own place's section: 12 since fresh-user
# trials 36 and 38 (a US asker's Instagram question found Meta's US section tenth, after the UK and
# EU forms, and got every region's steps); no opened answer changed from 8
PLACE_SECTION_RANK = 12
PLACE_QSIM_MARGIN = 0.15  # ... at most this much further from the question than the list of steps


def asker_place_section(plan: Sequence[Passage], asker: Sequence[str], elsewhere: bool = False) -> Passage | None:
    """For an asker whose place is known, led by a checklist's list of every region's steps (its
    section 1), the section of that checklist or of a note it is built from whose own question is
    about the asker's place (its heading names it, or its note is that jurisdiction's and its
    heading names no place): 「EUでMetaのAI学習を拒否するには？」 is answered by the EU objection,
    not by five steps for everywhere. None when no such section is near the top
    (``PLACE_SECTION_RANK``) and about as close to the question (``PLACE_QSIM_MARGIN``).
    ``elsewhere``: the asker lives where the sources cover no law, or outside the places named
    ("i'm in canada, not the EU or UK", 「EUやイギリス以外に住んでる」): the checklist's step for
    everywhere else ("…outside Europe?") is theirs (fresh-user check 77)."""
    if not plan:
        return None
    lead = plan[0]
    if elsewhere and not asker and lead.meta.family.startswith("optout-"):
        if lead.section != 1 and (not _heading_places(lead.heading) or _OUTSIDE.search(lead.heading)):
            return None
        return next(
            (
                p
                for p in plan[1:]
                if p.kind != "intro"
                and p.meta.family == lead.meta.family
                and _heading_places(p.heading)
                and _OUTSIDE.search(p.heading)
            ),
            None,
        )
    if not asker:
        return None
    # (... or by a step for another place: "how do i stop instagram using my posts for meta AI?
    # i'm in the US not the EU" was led by the EU objection, fresh-user trial 76)
    lead_places = _heading_places(lead.heading)
    misplaced = bool(lead_places) and not lead_places & set(asker)
    if not (lead.meta.family.startswith("optout-") and (lead.section == 1 or misplaced)):
        return None
    if lead.meta.jurisdiction in asker and not misplaced:
        # a checklist of the asker's own country has no other region's steps: its list is theirs
        # (「日本在住の絵描きです。pixivに…使われないようにする設定ってありますか？」 was led by the terms'
        # section, not the checklist saying pixiv has no such setting; fresh-user trial 82)
        return None
    own = {lead.meta.family, *lead.meta.sources}
    # (the checklist's own step for the asker's place counts wherever it ranks: 「日本在住です。
    # Instagramの投稿を…使わせない手順を教えて」 ranked the EU and UK objections above it)
    for k, p in enumerate(plan[1:], start=1):
        if k >= PLACE_SECTION_RANK and p.meta.family != lead.meta.family:
            continue
        if (
            p.kind == "intro"
            or p.meta.family not in own
            or (
                p.question_cosine < lead.question_cosine - PLACE_QSIM_MARGIN
                and not (misplaced and p.meta.family == lead.meta.family)
            )
        ):
            continue
        places = _heading_places(p.heading)
        if places & set(asker) or (p.meta.jurisdiction in asker and not places):
            return p
    return None


def asker_place_sibling(lead: Passage, plan: Sequence[Passage], asker: Sequence[str]) -> Passage | None:
    """For an asker whose place is known and a platform's lead that does not write it, a section of
    the lead's note, among the plan's first ``PLACE_SECTION_RANK``, whose own question is about that place:
    "im in the uk, can i turn off linkedin using my posts…?" is led by the setting's steps and
    followed by "Does LinkedIn's AI training setting apply in the EU and UK?" (fresh-user trial
    58). None otherwise."""
    if not asker or lead.meta.type not in VENDOR_TYPES or set(mentioned_jurisdictions(lead.text)) & set(asker):
        return None
    for p in plan[1:PLACE_SECTION_RANK]:
        if p.kind == "intro" or p.meta.family != lead.meta.family or p.section == lead.section:
            continue
        if _heading_places(p.heading) & set(asker) and not _EVERY_COUNTRY.search(p.heading):
            return p
    return None


def other_place_sibling(lead: Passage, plan: Sequence[Passage], asked_places: Sequence[str]) -> Passage | None:
    """For a question asking of two or more covered places (``asked_places``: the jurisdictions
    its asking sentences write) and a lead section whose own question is about one of them, the
    section of the lead's note, among the plan's first ``PLACE_SECTION_RANK``, whose own question
    is about another: 「アメリカとイギリスだと、営利のAI学習はどう扱われてるの？」 led by the
    comparison's UK section is followed by its US section, not by another US source on
    registration (the opened fifty-fourth set's f3900). None otherwise."""
    lead_places = _named_places(lead.heading)
    wanted = set(asked_places)
    if len(wanted) < 2 or len(lead_places) != 1 or not lead_places <= wanted:
        return None
    for p in plan[1:PLACE_SECTION_RANK]:
        if p.kind == "intro" or p.meta.family != lead.meta.family or p.section == lead.section:
            continue
        places = _named_places(p.heading)
        if len(places) == 1 and places <= wanted - lead_places and not _EVERY_COUNTRY.search(p.heading):
            return p
    return None


UNPLACED_TWIN_RANK = 3  # how near the top a general twin of a one-country lead must be


def unplaced_twin(
    plan: Sequence[Passage],
    places_named: bool,
    named_families: Collection[str],
    twin_sim: Callable[[tuple[str, int], tuple[str, int]], float],
) -> Passage | None:
    """For a question that names no place (``places_named`` False: no country, no asker's
    place), led by one country's law, guidance or report, the named company's own section among
    the next few (``UNPLACED_TWIN_RANK``) that asks the same question (``twin_sim`` at least
    ``SAME_QUESTION_SIM``) for everywhere (jurisdiction INTL): "does blocking Google-Extended keep
    my webcomic out of AI Overviews?" is answered by Google's own page, not by the UK regulator's
    note, which made the answer say it applies to the United Kingdom. None otherwise."""
    if places_named or not plan:
        return None
    lead = plan[0]
    if lead.meta.jurisdiction == "INTL" or lead.meta.type in VENDOR_TYPES:
        return None
    for p in plan[1:UNPLACED_TWIN_RANK]:
        if (
            p.kind != "intro"
            and p.meta.jurisdiction == "INTL"
            and p.meta.type in VENDOR_TYPES
            and p.meta.family in named_families
            and twin_sim((lead.doc_id, lead.section), (p.doc_id, p.section)) >= SAME_QUESTION_SIM
        ):
            return p
    return None


def near_tie(
    top: Passage,
    plan: Sequence[Passage],
    twin_sim: Callable[[tuple[str, int], tuple[str, int]], float],
    question: str = "",
) -> Passage | None:
    """Another section of the lead's subject (its note, translation, vendor or checklist) scored
    within ``NEAR_TIE_GAP`` of a lead shorter than ``NEAR_TIE_LEAD_CHARS`` (within
    ``LONG_LEAD_TIE_GAP`` of a longer one), among the plan's
    first ``NEAR_TIE_RANK``: sections of one note often score within hundredths of each other
    ("is there a setting on bluesky to say my posts aren't for AI?" led with who can read Bluesky
    posts), so the runner-up is shown after the lead rather than lost. Never the lead's own
    section, nor one asking the same question (``twin_sim``: the similarity of two sections' own
    questions, by ``(doc_id, section)``, at least ``SAME_QUESTION_SIM``), nor one sharing half
    its words with the lead, nor one asking whether imitating a style is lawful when the
    ``question`` does not ask it (after "can i copyright a comic i made with midjourney? im in
    Japan", the Agency's LoRA and style section)."""
    gap = NEAR_TIE_GAP if len(top.text) < NEAR_TIE_LEAD_CHARS else LONG_LEAD_TIE_GAP
    style = not question or asks_about_style(question)
    group = sibling_group(top)
    for p in plan[1:NEAR_TIE_RANK]:
        if p.fused < top.fused - gap:
            break
        if sibling_group(p) != group or p.kind == "intro":
            continue
        if p.meta.family == top.meta.family and p.section == top.section:
            continue
        if twin_sim((p.doc_id, p.section), (top.doc_id, top.section)) >= SAME_QUESTION_SIM:
            continue
        if not style and asks_about_style(p.heading):
            continue
        if _says_something_else(top, p):
            return p
    return None


# A section of the lead's subject that writes a rare term of the question that the lead's text
# does not ("…is there a contact at anthropic i can email about it?": after the lead on blocking
# ClaudeBot, the section giving Anthropic's address for crawler problems) is shown second when it
# ranks within TERM_GAP of the lead among the plan's first TERM_RANK sections. Rare: an IDF of at
# least TERM_MIN_IDF over the index's chunks (a term in at most about 150 of 4,960). Opened field
# sets (2026-12-01): +6 of 548 and none lost at any IDF from 4.0 to 5.0, gap 0.06-0.08, rank
# 10-15; always showing the runner-up gained +9 but changed a third of all answers, noise included
# (a robots.txt section after a question about chats). Measured again on 1,088 opened questions
# (eleventh pass): IDF 3.5-3.8 +4 to +5 and none lost (43 answers gain a section at 3.5; 3.2 loses
# one), 4.0-5.0 no change; a gap of 0.1 and rank 16 as well, +8 but 82 answers changed.
TERM_MIN_IDF = 3.5
TERM_GAP = 0.06
TERM_RANK = 10
NAME_RANK = 16
# whether something is legal, as a question asks it: the lead answers that in its own words (「…の対象外
# になる」), so a section writing the word is no missing part (「特定の絵師の絵柄をLoRAで学習させるのって
# 違法じゃないの?」 was followed by the ACA's robots.txt section, whose own question writes 違法)
VERDICT_WORDS = frozenset({"違法", "合法", "illegal", "legal", "unlawful", "lawful"})


def writes_missing_term(
    lead: Passage,
    top: Passage,
    plan: Sequence[Passage],
    terms: Collection[str],
    language: str,
    names: Collection[str] = (),
    audience: str = "rights-holder",
    asker: Sequence[str] = (),
    tokens: Collection[str] = (),
) -> Passage | None:
    """The section that writes what the question asks and the lead leaves out, or None.

    ``lead``: the lead as shown (in the asker's ``language``); ``top``: the plan's first section
    (``lead`` or its other-language twin); ``terms``: the question's rare keyword tokens
    (:func:`bot.engine.text.tokenize`, IDF at least ``TERM_MIN_IDF``; ``VERDICT_WORDS``, which ask
    whether something is legal, never count as left out). A candidate is another
    section of the lead's subject (:func:`sibling_group` of either, or a note a checklist lead is
    built from) in the asker's language, for the same audience, within ``TERM_GAP`` of ``top``
    among the plan's first ``TERM_RANK``; it must write one of ``terms`` that ``lead`` does not
    and share fewer than half its words with the lead (a checklist step restating the note's
    section is the same fact twice). A checklist's list of steps (its section 1) is
    never added after one of its notes' sections: it is the lead's facts again, only longer.

    ``audience``: the question's (:func:`question_audience`); a question for either ("any") may
    be answered for both audiences, else the candidate's must match the lead's.

    ``names``: the names the question gives (aliases as matched: "OAI-AdsBot"); a section writing
    one the lead does not is that name's answer, however many words it shares with the lead
    (OpenAI's list of tokens repeats the GPTBot section's words), among the first ``NAME_RANK``;
    a name that is a crawler's product token (``tokens``, casefolded) wherever the lead's own
    note's section writing it ranks.

    ``asker``: where the asker is or asks about; a section whose own question is about another
    place (:func:`_asks_of_place`) is none of theirs."""
    lead_words = _words(lead.text)
    missing = {t for t in terms if t not in lead_words} - VERDICT_WORDS
    written = [n for n in names if _writes_name(lead.text, n)]
    # (a longer name of what the lead names is no missing name: "meta ai" beside "Meta")
    missing_names = [
        n for n in names if not _writes_name(lead.text, n) and not any(_extends_name(n, w) for w in written)
    ]
    if not missing and not missing_names:
        return None
    missing_tokens = [n for n in missing_names if n.casefold() in tokens]
    groups = {sibling_group(top), sibling_group(lead)}
    near = True  # (until the first section below TERM_GAP or past NAME_RANK)
    for rank, p in enumerate(plan[1:], start=1):
        near = near and rank < NAME_RANK and p.fused >= top.fused - TERM_GAP
        if not near and not missing_tokens:
            break
        # (a crawler's token the lead does not write is answered by the lead's own note's section
        # writing it, wherever that ranks: "got a bunch of hits from OAI-AdsBot…" is OpenAI's list
        # of tokens)
        if not near and sibling_group(p) not in groups:
            continue
        if p.kind == "intro" or p.meta.lang != language or (p.doc_id, p.section) == (lead.doc_id, lead.section):
            continue
        # (a note an overview cites is no part of its subject: the jurisdictions overview's "US: is
        # AI training fair use?" was followed by Thaler's authorship ruling for the word "art",
        # fresh-user trial 46; a checklist's notes are its own)
        built_from = p.meta.family in top.meta.sources and top.meta.type in VENDOR_TYPES
        if sibling_group(p) not in groups and not built_from:
            continue
        if p.meta.sources and p.section == 1:
            continue
        if "any" not in (p.audience, lead.audience, audience) and p.audience != lead.audience:
            continue
        if asker and not _asks_of_place(p.heading, asker):
            continue
        if _repeats_code(lead.text, p.text):
            continue  # the lead's settings path or robots.txt lines again, in other words around them
        if any(_writes_name(p.text, n) for n in (missing_names if near else missing_tokens)):
            return p
        if not near:
            continue
        words = _words(p.text)
        if rank < TERM_RANK and missing & words and _share(lead_words, words) < SAYS_ELSE_MAX_SHARE:
            return p
    return None


REPEATED_CODE_MIN_CHARS = 20  # shorter lines ("Disallow: /") are shared by unrelated sections


def _repeats_code(lead_text: str, other_text: str) -> bool:
    """``other_text`` writes a line of one of ``lead_text``'s fenced code blocks
    (:func:`markdown_blocks`) again, whitespace and case aside, a line of at least
    ``REPEATED_CODE_MIN_CHARS`` characters: X's checklist step "On X open `Settings and privacy →
    Privacy and safety → …`" after the note's section showing that path as a block is the same step
    twice (fresh-user trial 29). Linear in both texts."""
    other = " ".join(other_text.casefold().split())
    for block in markdown_blocks(lead_text):
        if not block.startswith(("```", "~~~")):
            continue
        for line in block.splitlines()[1:-1]:
            line = " ".join(line.casefold().split())
            if len(line) >= REPEATED_CODE_MIN_CHARS and line in other:
                return True
    return False


def _writes_name(text: str, name: str) -> bool:
    """``text`` writes ``name``, whatever its case, spaces and hyphens ("Sora 2" writes "Sora2",
    "OAI AdsBot" "OAI-AdsBot"); a name of under four characters only as a word ("X" is not the
    x of "example")."""
    if len(name) < 4:
        return written_as_word(text, name)
    return _squeezed(name) in _squeezed(text)


def _squeezed(text: str) -> str:
    return _NAME_GAPS.sub("", text.casefold())


_NAME_GAPS = re.compile(r"[\s\-_・]+")


def contains(lead: Passage, other: Passage) -> bool:
    """One section holds nearly all the other's words (``CONTAINED_SHARE`` of the shorter's): a
    checklist's list of steps and one of its steps."""
    return _shared_words(lead, other) >= CONTAINED_SHARE


CONTAINED_SHARE = 0.7


SAYS_ELSE_MAX_SHARE = 0.5


# A section of another note (a checklist step and its note, a translation) that asks what the
# lead asks and shares this much of its words says the same fact again: 「robots.txtでGPTBotを止める
# 書き方」 showed the Disallow lines from the OpenAI checklist, then the crawler note's section
# saying it again (0.57 of the shorter one's words, questions at 0.85); the ArtStation NoAI tag
# likewise (0.45, 0.85). Opened field sets (2026-12-03, 2,228 questions): 14 answers lose a repeated
# section, no key point lost; on the questions alone (no word share) 35 changed and 4 lost a key point
# the other note's section carried (Bytespider's own note at 0.42, the Zarya decision at 0.31).
REPEAT_SHARE = 0.45


def repeats_lead(lead: Passage, other: Passage, twin_sim: Callable[[tuple[str, int], tuple[str, int]], float]) -> bool:
    """``other``, a section of another document than the ``lead``'s, asks the same question
    (``twin_sim`` of their ``(doc_id, section)`` keys at least ``SAME_QUESTION_SIM``) and shares
    at least ``REPEAT_SHARE`` of the shorter one's keyword tokens: shown after the lead, it would
    say the same fact twice. Two platforms' own sections, of different publishers and neither
    built from the other, never repeat each other: Anthropic's step blocking ClaudeBot does not
    repeat Common Crawl's blocking CCBot, however alike the two."""
    built_from = other.meta.family in lead.meta.sources or lead.meta.family in other.meta.sources
    two_platforms = (
        lead.meta.type in VENDOR_TYPES
        and other.meta.type in VENDOR_TYPES
        and lead.meta.family != other.meta.family
        and lead.meta.publisher != other.meta.publisher
        and not built_from
    )
    return (
        other.doc_id != lead.doc_id
        and not two_platforms
        and twin_sim((other.doc_id, other.section), (lead.doc_id, lead.section)) >= SAME_QUESTION_SIM
        and _shared_words(lead, other) >= REPEAT_SHARE
    )


def _says_something_else(lead: Passage, other: Passage) -> bool:
    """Fewer than half (``SAYS_ELSE_MAX_SHARE``) of the shorter section's words are in the other."""
    return _shared_words(lead, other) < SAYS_ELSE_MAX_SHARE


def _shared_words(lead: Passage, other: Passage) -> float:
    """The share (0-1) of the shorter section's keyword tokens that the other one has too; 0 when
    either has none."""
    return _share(_words(lead.text), _words(other.text))


def _share(a: set[str], b: set[str]) -> float:
    """The share (0-1) of the smaller token set that the other holds too; 0 when either is empty."""
    return len(a & b) / min(len(a), len(b)) if a and b else 0.0


def _words(text: str) -> set[str]:
    from .text import tokenize

    return set(tokenize(text))


NOTES: Messages = {
    "elsewhere": Text(
        en="[{n}] is about {where}; you mentioned {asker}, so check whether it applies to you.",
        ja="[{n}]は{where}についての情報です。{asker}とのことなので、ご自身に当てはまるか確認してください。",
    ),
    "uncovered": Text(
        # (a note after the answer: "this answer", not "what follows")
        en="My sources do not cover the law of {place}; this answer gives {what}, not {place}'s law.",
        ja="{place}の法律は手元の出典の範囲外です。この回答は{what}であり、{place}の法律ではありません。",
    ),
    # {what} in "uncovered", by the jurisdiction of the first cited source
    "uncovered_INTL": Text(en="the platform's own policy", ja="事業者・プラットフォーム自身の方針"),
    "uncovered_general": Text(en="general guidance that does not depend on the country", ja="国によらない一般的な情報"),
    "uncovered_compared": Text(en="a comparison of the countries my sources cover", ja="手元の出典が扱う国々の比較"),
    "uncovered_other": Text(en="the rule in {where}", ja="{where}のルール"),
    "asker_sep": Text(en=" / ", ja="・"),  # between the asker's jurisdictions in {asker}
    "dated": Text(en="“{title}” is dated {date}. [{n}]", ja="「{title}」の日付は{date}です。 [{n}]"),
}

# A question asking for a date ("when did the copyright office put out its AI report?",
# 「登録ガイダンスっていつから？」) is answered by the document's own date, which a note keeps in its
# front matter (``published``: the date the source states) and its sections seldom repeat. Not
# 「いつも」 (always), 「いつでも」, 「いつの間に」, 「いつか」 (some day) or 「いつまで」 (a deadline, not the
# document's date); not "when" as a conjunction ("when people generate my characters").
_ASKS_DATE = re.compile(
    r"\b(?:when (?:did|was|were|is|does|do|will|has|had|exactly)|since when|from when|"
    r"what (?:date|year|month)|how long ago)\b"
    r"|いつ(?!も|でも|の間|まで|か(?!ら))|何年何月|何月何日|日付",
    re.I,
)
# Sources whose date is the document's own: a report, a guidance document or a standard. Not a law
# (in force, promulgated or published: three dates), a court case (filed or decided), a statement
# series or news (the date of one of several), a platform's page (its last change), and not kenri's
# own overviews and checklists (the date kenri wrote them).
DATED_TYPES = frozenset({"report", "guidance", "standard"})
_MONTHS = ("January February March April May June July August September October November December").split()


DATED_RANK = 10  # a dated section of the lead's note (or its sources') among the plan's first sections


def dated_sibling(lead: Passage, plan: Sequence[Passage], question: str) -> Passage | None:
    """For a question asking *when* (「いつから？」, "since when…?"), the section of the lead's own
    note that writes a month and year (:func:`bot.engine.subjects.months_in`) when the lead writes
    none: "when did Meta start training on EU posts?" leads with how to object and follows with
    the section dating the start. None when the lead is dated or the question asks no date."""
    # (the day kenri checked the page, "checked 2026-11-25", dates no event)
    checked = months_in(lead.meta.verified)
    if "when" not in question_types(question) or months_in(lead.text) - checked:
        return None
    # a checklist's dates are in the notes it is built from ("when did apple start offering the
    # applebot-extended opt-out?": the checklist's limits, then Apple's page dating the token)
    families = {lead.meta.family, *lead.meta.sources}
    # (in the lead's language first: its note's dated section in the other language is shown as
    # the twin its own question keys are closest to, which may be the lead itself: 「…公開投稿でAIの
    # 学習を始めたのって、いつから？」 is led by Meta's objection form, and the English section dating
    # the start was shown as that form again, the opened eleventh set's f1319)
    for p in sorted(plan[:DATED_RANK], key=lambda p: p.meta.lang != lead.meta.lang):
        if (
            p.kind != "intro"
            and p.meta.family in families
            and (p.meta.family, p.section) != (lead.meta.family, lead.section)
            and months_in(p.text) - months_in(p.meta.verified)
        ):
            return p
    return None


# The figures a question writes that an answer would repeat: a year ("the 2022 news", 「2022年」)
# or a counted number ("18 pages", 「18ページ」, 「17社」). Bounded runs: linear.
_FIGURE = re.compile(
    r"(?<![0-9])(?:(?:19|20)[0-9]{2}(?![0-9])|([0-9]{1,4})\s?(?:ページ|頁|社|か国|ヶ国|カ国|pages?\b|publishers\b|countries\b))"
)
FIGURE_RANK = 8  # the notes among the plan's first sections whose sections may write the figures


def figures_in(text: str) -> set[str]:
    """The years and counted numbers ``text`` writes, as digit strings ({"2022", "18"})."""
    text = unicodedata.normalize("NFKC", text[:4000])
    return {m.group(1) or m.group(0) for m in _FIGURE.finditer(text)}


def figure_writer(plan: Sequence[Passage], question: str) -> Passage | None:
    """A section near the top of the plan that writes every year and counted number the question
    writes, when no section of the lead's note does: "AIで描いた漫画が…2022年のニュース、その後
    ひっくり返ったの？" is answered by the section dating that registration, not by the later
    guidance. None when the question writes no figure, the lead's note writes them all, or no
    section near the top does."""
    wanted = figures_in(question)
    if not wanted or not plan:
        return None
    # the figures may only say which document is meant ("the consultation that closed in february
    # 2025"): a lead whose own note writes them elsewhere is that document
    lead = plan[0].meta.family
    if any(p.meta.family == lead and wanted <= figures_in(p.text) for p in plan):
        return None
    # a note near the top, in whichever of its sections writes them
    near = {p.meta.family for p in plan[1:FIGURE_RANK]}
    return next(
        (p for p in plan[1:] if p.meta.family in near and p.kind != "intro" and wanted <= figures_in(p.text)),
        None,
    )


def format_date(value: str, language: str) -> str:
    """``YYYY-MM-DD`` or ``YYYY-MM`` as written in ``language`` ("29 January 2025",
    "2025年1月29日"); "" for anything else (a bare year, "living")."""
    m = re.fullmatch(r"(\d{4})-(\d{2})(?:-(\d{2}))?", value)
    if m is None or not 1 <= int(m[2]) <= 12:
        return ""
    year, month, day = int(m[1]), int(m[2]), int(m[3]) if m[3] else 0
    if language == "ja":
        return f"{year}年{month}月" + (f"{day}日" if day else "")
    return (f"{day} " if day else "") + f"{_MONTHS[month - 1]} {year}"


def date_note(cited: Sequence[Passage], question: str, language: str) -> list[str]:
    """One line giving the lead source's own date when the question asks for a date and the
    lead's shown text does not write it (see ``_ASKS_DATE`` and ``DATED_TYPES``): ``[]``
    otherwise. The line cites the lead ([1])."""
    if not cited or not _ASKS_DATE.search(question[:2000]):
        return []
    meta = cited[0].meta
    if meta.type not in DATED_TYPES or meta.family.startswith("optout-") or meta.publisher.startswith("kenri"):
        return []
    date = format_date(meta.published, language)
    if not date or date in cited[0].text:
        return []
    return [lookup(NOTES, "dated", language, title=meta.title, date=date, n=1)]


def jurisdiction_notes(
    cited: Sequence[Passage], asker: Sequence[str], uncovered: Sequence[Place], language: str
) -> list[str]:
    """Lines that say when a cited source applies somewhere other than where the asker is."""
    lines: list[str] = []
    if uncovered and not asker:
        first = cited[0].meta.jurisdiction if cited else "INTL"
        kind = "INTL" if first == "INTL" else "other"
        if first == "INTL" and cited and cited[0].meta.type not in VENDOR_TYPES:
            kind = "general"  # robots.txt, a standard, an overview: no platform's policy
            if len(mentioned_jurisdictions(cited[0].text)) >= 2:
                # ... but an overview setting covered countries' laws side by side is no rule that
                # does not depend on the country (fresh-user trial 92: "India based digital artist
                # on ArtStation - is AI-generated art copyrightable here?")
                kind = "compared"
        what = lookup(NOTES, f"uncovered_{kind}", language, where=jurisdiction_name(first, language))
        lines.append(lookup(NOTES, "uncovered", language, place=uncovered[0].name(language), what=what))
        return lines
    if not asker:
        return lines
    asker_names = lookup(NOTES, "asker_sep", language).join(jurisdiction_name(j, language) for j in asker)
    seen: set[int] = set()
    for p, slot in zip(cited, citation_slots(cited), strict=True):
        j, n = p.meta.jurisdiction, slot + 1
        if j != "INTL" and j not in asker and n not in seen:
            seen.add(n)
            lines.append(
                lookup(NOTES, "elsewhere", language, n=n, where=jurisdiction_name(j, language), asker=asker_names)
            )
    return lines


SEE_ALSO_MAX_GAP = 0.08  # in similarity: a see-also source is nearly as close to the question as the lead
SEE_ALSO_MIN_QSIM = 0.5


def see_also_sections(
    plan: Sequence[Passage],
    cited: Sequence[Passage],
    *,
    named_families: set[str],
    passages: Sequence[Passage],
    asker: Sequence[str] = (),
) -> list[Passage]:
    """Other sources worth a look, unnumbered: close to the question, not cited, not a cited
    source's checklist twin, not another vendor when the question names its subject, and not
    another country's law or guidance when the question says where the asker is (``asker``:
    jurisdiction codes; Japan's guidance is no reading for a US comic artist)."""
    if not cited:
        return []
    families = {c.meta.family for c in cited}
    twins = {s for c in cited for s in c.meta.sources}
    twins |= {p.meta.family for p in passages if any(c.meta.family in p.meta.sources for c in cited)}
    lead = cited[0]
    out: list[Passage] = []
    for p in plan:
        if len(out) >= MAX_SEE_ALSO:
            break
        f = p.meta.family
        if f in families or f in twins:
            continue
        if p.question_cosine < SEE_ALSO_MIN_QSIM or p.cosine < lead.cosine - SEE_ALSO_MAX_GAP:
            continue
        if named_families and p.meta.type in VENDOR_TYPES and not _about_named(p, named_families):
            continue
        if asker and p.meta.jurisdiction not in (*asker, "INTL"):
            continue
        families.add(f)
        out.append(p)
    return out


# A company the asking clause has doing what creators fear ("is adobe training firefly on…",
# "does meta use my…", 「Adobeが…学習に使う」): the actor, not context. Bounded gaps: linear.
_ACTS_VERB = re.compile(
    r"train\w{0,4}|use[sd]?|using|scrap\w{0,4}|crawl\w{0,4}|feed\w{0,4}|sell\w{0,4}|licens\w{0,4}|send\w{0,3}|shar\w{0,4}",
    re.I,
)
# ... or as whose training the work is put to (「Fireflyの学習に回される」, 「Geminiの学習に使われる」)
_ACTS_AFTER_JA = re.compile(
    r"^(?:(?:は|が)[^。？?！!]{0,20}?(?:学習|使っ|使わ|使う|利用)|の学習(?:に|へ)(?:使|回|利用))"
)
_WORD = re.compile(r"[a-z]+")
_ACTS_BEFORE = re.compile(r"\b(?:is|are|does|do|did|will|would|has|have|can|could)\s+$", re.I)


def acts_in(clause: str, name: str) -> bool:
    """``clause`` has ``name`` doing the training or using ("is adobe training…", "does meta use
    my…", 「Adobeが作品を学習に使う」): in English after an auxiliary verb, in Japanese as the topic
    or subject (は/が) or as whose training the work goes to (の学習に). Looks 12 characters before
    and 40 after each occurrence: linear."""
    low, n = clause.casefold(), name.casefold()
    start = low.find(n)
    while start >= 0:
        end = start + len(n)
        after = low[end : end + 40]
        # English: an auxiliary before, the verb within the next three words ("is adobe (still)
        # training…"); Japanese: the name as topic or subject
        english = (
            after[:1].isspace()
            and _ACTS_BEFORE.search(low[max(0, start - 12) : start]) is not None
            and any(_ACTS_VERB.fullmatch(w) for w in _WORD.findall(after)[:3])
        )
        if english or _ACTS_AFTER_JA.match(after):
            return True
        start = low.find(n, end)
    return False
