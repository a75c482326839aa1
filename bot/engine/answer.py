"""Compose an extractive answer with numbered citations, or a clear refusal.

No language model: the lead answer is the opening of the best passages (notes are written
answer-first), and every sentence in it comes from a cited, retrieved passage.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import replace

import snowballstemmer

from bot.engine.models import Answer, Citation, Passage
from bot.errors import CitationIntegrityError
from bot.knowledge.checklists import LABELS as CHECKLIST_LABELS
from bot.knowledge.checklists import checklist_name
from bot.knowledge.i18n import Messages, Text, lookup
from bot.knowledge.schema import NoteMeta, jurisdiction_name

from .subjects import platform_name
from .text import ends_in_abbreviation, shorten, split_sentences, tokenize

LEAD_MAX_CHARS = 900
# platforms named in a refusal's "my sources cover" line: all of them (a fresh-user trial could not
# tell that pixiv, X and Sora are covered from "… Microsoft Bing (+10)"); a cap against a corpus
# that grows to hundreds, where the Discord message limit (2,000 characters) would bite
MAX_COVERAGE_NAMES = 60
LEAD_IN_CHARS = 240  # a first paragraph this short only leads in to the block after it
# a limiting paragraph cut shorter than this is its opening words alone ("There are limits."): left out
CAVEAT_MIN_CHARS = 40
QUOTE_MAX_CHARS = 900

TEXT: Messages = {
    "applies": Text(en="Applies to", ja="適用範囲"),
    "international": Text(en="International", ja="国際"),
    "disclaimer": Text(
        en="General information from the cited sources, not legal advice.",
        ja="引用した出典に基づく一般的な情報であり、法的助言ではありません。",
    ),
    "fallback_lang": Text(  # shown only in Japanese answers
        en="(Sources with no Japanese version are quoted in English)",
        ja="（日本語版の資料がない出典は英語のまま引用しています）",
    ),
    "refusal": Text(
        en="I couldn't find an answer to that in my sources, so I won't guess.",
        ja="その質問への答えは手元の出典に見つからなかったため、推測ではお答えしません。",
    ),
    # follows "refusal", or "no-source-on" when the missing subject has a name
    "refusal_coverage": Text(
        en="My sources cover: {coverage}. Try rephrasing with the platform, law or country you mean, or check the "
        "official pages directly. For advice on your own situation, ask a lawyer.",
        ja="扱っている出典: {coverage}。プラットフォーム名・法律名・国を入れて言い換えるか、"
        "公式ページを直接ご確認ください。ご自身の状況についての助言は弁護士にご相談ください。",
    ),
    "refusal_closest": Text(en="Closest topics I have: {topics}.", ja="近い話題: {topics}。"),
    "empty-question": Text(
        en="Please type a question (it has no words to search for).",
        ja="質問を入力してください（検索できる語が含まれていません）。",
    ),
    "truncated": Text(
        en="Your question was shortened to {n} characters: its beginning and its end.",
        ja="質問が長すぎるため、最初と最後の部分（合わせて{n}文字）だけを使いました。",
    ),
    "prediction": Text(
        en="I can't predict how a case or dispute will turn out, and my sources don't either. I can tell you what the "
        "law and official guidance say in general; ask me about the rule itself.",
        ja="裁判や紛争の結果を予想することはできず、手元の出典にも予想はありません。"
        "法律や公的ガイダンスの一般的な内容についてなら、出典付きでお答えできます。",
    ),
    "uncovered-jurisdiction": Text(
        en="My sources cover the law of Japan, the EU, the US and the UK, plus AI companies' and platforms' own "
        "policies; I have nothing on that country's law, so I won't guess. Check that country's copyright office "
        "or a local lawyer.",
        ja="手元の出典が扱うのは日本・EU・米国・英国の法律と、AI事業者やプラットフォームの方針です。"
        "その国の法律については資料がないため、推測ではお答えしません。"
        "その国の著作権当局や現地の弁護士にご確認ください。",
    ),
    "personal-advice": Text(
        en="I can't advise on your own legal situation; for that, please talk to a lawyer. I can tell you what the "
        "law and official guidance say in general; ask me about the rule itself.",
        ja="ご自身の法的な状況についての助言はできません。弁護士にご相談ください。"
        "法律や公的ガイダンスの一般的な内容についてなら、出典付きでお答えできます。",
    ),
    "comparison": Text(
        en="I can't tell you which is better: my sources describe what each tool, setting or service does, but none "
        "of them compares or ranks them. Ask me about each one and I'll answer from its sources.",
        ja="どれが良いかはお答えできません。手元の出典はそれぞれのツール・設定・サービスが何をするかを説明していますが、"
        "比べて順位をつけた出典はありません。一つずつ質問していただければ、それぞれの出典に基づいてお答えします。",
    ),
    # coverage_text(): "Japan (3 sources); EU (1 source); opt-out steps and policies for ..."
    "family_one": Text(en="{name} ({n} source)", ja="{name} ({n})"),
    "family_many": Text(en="{name} ({n} sources)", ja="{name} ({n})"),
    "others": Text(en="opt-out steps and policies for {names}", ja="{names} のオプトアウト手順・方針"),
    "coverage_sep": Text(en="; ", ja="、"),
    "name_sep": Text(en=", ", ja="、"),
    "uncovered-named": Text(en="You mentioned {place}.", ja="{place}についてのご質問ですね。"),
    "no-source-on": Text(
        en="I have no source on {subject}, so I won't answer from another platform's or country's rules.",
        ja="{subject}についての出典は手元にないため、別のプラットフォームや国のルールで代わりに答えることはしません。",
    ),
    "no-event": Text(
        en="I have no source on {subject}: whether AI-made work may be entered is each organiser's own rule, "
        "so I won't guess it from other rules.",
        ja="{subject}についての出典は手元にありません。AIを使った作品を出せるかは主催者ごとのルールなので、"
        "ほかのルールから推測して答えることはしません。",
    ),
    "no-regime": Text(
        en="I have no source on {subject}, so I won't answer from my copyright and AI-training sources instead.",
        ja="{subject}についての出典は手元にないため、著作権やAI学習についての出典で代わりに答えることはしません。",
    ),
    "no-own-input": Text(
        en="I have no source on what {subject} does with what you type, paste or upload into it: my sources on "
        "{subject} are about websites, crawlers and posts, so I won't answer from those.",
        ja="{subject}に入力・貼り付け・アップロードした内容がどう使われるかについての出典は手元にないため、"
        "サイトやクローラー、投稿についての出典で代わりに答えることはしません。",
    ),
    "case": Text(en="the {party} case", ja="{party}の裁判"),
    "that-case": Text(en="that case", ja="その裁判"),
    "such-case": Text(en="a court case about that", ja="そのような裁判"),
    "state-law": Text(en="{state} state law", ja="{state}の州法"),
    "national-law": Text(en="{country}'s own national law", ja="{country}の国内法"),
    "no-case": Text(
        en="I have no source on {subject}, so I won't answer from another court case.",
        ja="{subject}についての出典は手元にないため、別の裁判の話で代わりに答えることはしません。",
    ),
    "general-rule": Text(
        en="I have no source on {subject} itself. The general rule from my sources:",
        ja="{subject}そのものについての出典はありません。手元の出典にある一般的なルールは次のとおりです。",
    ),
    # a work's copyright status asked about where no source says it (see Engine._judge)
    "status-in": Text(
        en="whether AI-generated work is protected by copyright in {place}",
        ja="{place}でAI生成物が著作権で保護されるかどうか",
    ),
    # ... and whether imitating an art style is legal, where no source asks it
    "style-in": Text(
        en="whether imitating an art style is legal in {place}",
        ja="{place}で画風をまねることが違法になるかどうか",
    ),
    "platform-rule": Text(
        en="I have no source on {subject}. What my sources say about {platform}:",
        ja="{subject}についての出典はありません。{platform}について手元の出典にあるのは次のとおりです。",
    ),
    # labels of a plain-text answer's lists (the command line's ``ask``)
    "sources": Text(en="Sources", ja="出典"),
    "verified": Text(en="verified", ja="確認日"),
    "see_also": Text(en="See also", ja="関連する出典"),
}


def lead_text(passage_text: str, max_chars: int = LEAD_MAX_CHARS) -> str:
    """A section as shown in an answer: whole blocks (paragraphs, lists, code blocks) in order
    until ``max_chars``; a list or code block is never cut, and the block a paragraph
    introduces (one ending in a colon) always follows it, as does a list or code block right
    after the opening paragraph (up to twice, or for code three times, ``max_chars``). Blocks
    that do not fit are left to the quoted passage behind the citation."""
    blocks = markdown_blocks(passage_text)
    out: list[str] = []
    used = 0
    for i, block in enumerate(blocks):
        # a colon introduces the next block, and so does a short lead-in line ("To opt out of X,
        # follow these steps in order."): the steps it announces are the answer
        # ... and a code block right after the opening paragraph is the answer's concrete step
        code_next = i == 1 and block.startswith(("```", "~~~"))
        # ... and so is a list: the four-country comparison's summary line came without the list
        # of each country's rule (the opened fifty-seventh set's f4043)
        list_next = i == 1 and _is_whole_block(block)
        introduced = bool(out) and (
            out[-1].rstrip().endswith((":", "：")) or (used < LEAD_IN_CHARS and i == 1) or code_next or list_next
        )
        limit = max_chars * (3 if code_next else 2)
        if out and used + len(block) > max_chars and not (introduced and used + len(block) <= limit):
            if not introduced:
                # the limits of the opening paragraph's answer are part of it: a yes without its
                # "There are limits. The proviso…" misleads (fresh-user trial 98's Article 30-4)
                caveat = _cut_paragraph(block, max(max_chars - used, LEAD_IN_CHARS)) if i == 1 else ""
                if _CAVEAT.match(block) and not _is_whole_block(block) and len(caveat) > CAVEAT_MIN_CHARS:
                    out.append(caveat)
                break
            if _is_whole_block(block):
                out.append(block)  # what a colon introduces is never dropped, and never cut
            else:
                out.append(_cut_paragraph(block, max_chars))
            break
        if not out and len(block) > max_chars * 2 and not block.startswith(("```", "~~~")):
            block = _cut_paragraph(block, max_chars)
        out.append(block)
        used += len(block) + 2
        if used > max_chars and i + 1 < len(blocks) and not block.rstrip().endswith((":", "：")):
            break
    while out and out[-1].rstrip().endswith((":", "：")) and len(out) > 1:
        out.pop()  # never end on a dangling "Do this:"
    return "\n\n".join(out)


# A paragraph that opens by limiting what the one before it said ("There are limits.", "However,",
# 「ただし、」)
_CAVEAT = re.compile(r"(?:There are (?:limits|exceptions)|However|But|That said|ただし|しかし|もっとも)[.,、。 ]")


def _is_whole_block(block: str) -> bool:
    """A code block, list or table: shown whole or not at all, never cut into sentences."""
    return block.startswith(("```", "~~~", "- ", "* ", "|")) or block[:2].rstrip(".").isdigit()


# A sentence of a later section sharing this share of its keyword tokens (words, Japanese character
# bigrams) with a sentence already shown says the same thing again ("…binds only crawlers that obey
# it" in both of a note's sections): it is left out.
REPEAT_MIN_OVERLAP = 0.6
# ... and a whole sentence of its opening paragraph after the first whose keyword tokens were this
# much shown already (a status line the lead gave; fresh-user trial 64). Opened field sets
# (2026-12-04): none lost, 34 of 2,828 answers lose a repeated sentence; the looser measure above
# there lost four key points and changed 222 answers.
OPENING_REPEAT_MIN_SHARE = 0.8


def without_repeats(text: str, shown: list[str]) -> str:
    """``text`` (a later section as shown) without what ``shown`` (the earlier sections' shown
    texts) already says: its opening sentence stays (it is why the section was added); a later
    sentence of its opening paragraph goes when at least ``OPENING_REPEAT_MIN_SHARE`` of its
    keyword tokens are in one shown sentence (:func:`_droppable` sentences only); a sentence of a
    later paragraph goes when it shares at least ``REPEAT_MIN_OVERLAP`` of the smaller token set
    with a shown sentence; a paragraph left empty goes, and a code block whose every line is
    already in a shown code block goes. Lists are kept whole."""
    # (the opening paragraph's sentences are compared by their words' Snowball stems, "reached" as
    # "reach", "objection" as "object": a sentence restating the lead in other inflections is a
    # repeat; a later paragraph's by the words as written, since its looser measure would take a
    # long sentence for a short one it contains)
    stem = snowballstemmer.stemmer("english").stemWords
    seen_blocks = [b for t in shown for b in markdown_blocks(t)]
    # (a shown "(reported)" tag or two-word label says no fact: a sentence of fewer than three
    # keyword tokens repeats nothing)
    seen_words = [
        words
        for block in seen_blocks
        if not block.startswith(("```", "~~~"))
        for sent in split_sentences(block.replace("\n", " "))
        if len(words := tokenize(sent)) >= 3
    ]
    seen_sentences = [set(words) for words in seen_words]
    seen_stems = [set(stem(words)) for words in seen_words]
    seen_code = {
        line.strip()
        for block in seen_blocks
        if block.startswith(("```", "~~~"))
        for line in block.splitlines()[1:-1]
        if line.strip()
    }
    out: list[str] = []
    for i, block in enumerate(markdown_blocks(text)):
        if block.startswith(("```", "~~~")):
            lines = [ln.strip() for ln in block.splitlines()[1:-1] if ln.strip()]
            if lines and all(ln in seen_code for ln in lines):
                if out and out[-1].rstrip().endswith((":", "：")):
                    # the paragraph introduced the block left out: it points to the block shown
                    # (ending it at the colon left "…make sure your robots.txt contains.", trial 55)
                    head = out[-1].rstrip()
                    out[-1] = head + ("上に示した行です。" if head.endswith("：") else " the lines shown above.")
                continue
            out.append(block)
            continue
        if _is_whole_block(block):
            out.append(block)
            continue
        kept = []
        sentences = split_sentences(block.replace("\n", " "))
        for j, sent in enumerate(sentences):
            if i == 0 and (j == 0 or not _droppable(sentences[j - 1], sent)):
                kept.append(sent)  # the opening sentence, or one that may not be left out
                continue
            if ends_in_abbreviation(sent.rstrip()) or (j and ends_in_abbreviation(sentences[j - 1].rstrip())):
                # a sentence split at an abbreviation ("…by the U.S." / "Copyright Office's…") is
                # kept in halves or not at all: a half left out leaves a fragment
                kept.append(sent)
                continue
            # (in the opening paragraph, only a sentence whose own words were nearly all shown)
            if i == 0:
                stems = set(stem(tokenize(sent)))
                repeated = any(len(stems & seen) >= OPENING_REPEAT_MIN_SHARE * len(stems) for seen in seen_stems)
            else:
                tokens = set(tokenize(sent))
                repeated = bool(tokens) and any(
                    len(tokens & seen) >= REPEAT_MIN_OVERLAP * min(len(tokens), len(seen)) for seen in seen_sentences
                )
            if not repeated:
                kept.append(sent)
        if i == 0:
            # (the opening paragraph as written when nothing is left out; else each sentence joined
            # as its script runs: 「…Warner Bros.」 ends no Japanese paragraph's sentence)
            out.append(block if len(kept) == len(sentences) else _joined(kept))
        elif kept:
            joined = "".join(kept) if _is_cjk_end(kept[0]) else " ".join(kept)
            out.append(joined)
    while out and out[-1].rstrip().endswith((":", "：")) and len(out) > 1:
        out.pop()
    return "\n\n".join(out)


def _joined(sentences: Sequence[str]) -> str:
    """Sentences joined back into a paragraph: no space after one ending in Japanese script."""
    out = ""
    for sent in sentences:
        out += sent if not out or _is_cjk_end(out) else " " + sent
    return out


def _droppable(previous: str, sentence: str) -> bool:
    """Whether ``sentence`` of a later section's opening paragraph may be left out as a repeat:
    a whole sentence (both it and the one before end a sentence, not an abbreviation: "…Thaler
    v." / "Perlmutter (18 March 2025)…" is one sentence split) of three keyword tokens or more,
    that introduces no block (no closing colon: "That content is:" before a list)."""
    end = sentence.rstrip()
    if end.endswith((":", "：")) or len(tokenize(end)) < 3:
        return False
    return all(
        s.rstrip().endswith((".", "!", "?", "。", "！", "？")) and not ends_in_abbreviation(s.rstrip())
        for s in (previous, end)
    )


def _cut_paragraph(text: str, max_chars: int) -> str:
    sentences = split_sentences(text.replace("\n", " "))
    out = ""
    for sent in sentences:
        if out and len(out) + len(sent) + 1 > max_chars:
            break
        out = f"{out} {sent}".strip() if out and not _is_cjk_end(out) else out + sent
    return out or text[:max_chars].rstrip() + "…"


def markdown_blocks(text: str) -> list[str]:
    """Split Markdown on blank lines, keeping fenced code blocks whole."""
    blocks: list[str] = []
    current: list[str] = []
    in_code = False
    for line in text.strip().split("\n"):
        if line.strip().startswith(("```", "~~~")):
            in_code = not in_code
        if not line.strip() and not in_code:
            if current:
                blocks.append("\n".join(current).strip())
                current = []
            continue
        current.append(line)
    if current:
        blocks.append("\n".join(current).strip())
    return [b for b in blocks if b]


def _is_cjk_end(text: str) -> bool:
    return bool(re.search(r"[\u3000-\u30ff\u3400-\u9fff\uff00-\uffef]$", text))


def make_citation(n: int, p: Passage) -> Citation:
    m = p.meta
    return Citation(
        n=n,
        source_id=m.id,
        title=m.title,
        publisher=m.publisher,
        url=m.url,
        jurisdiction=m.jurisdiction,
        verified=m.verified,
        quote=shorten(p.text, QUOTE_MAX_CHARS),
        heading=p.heading,
        chunk_id=p.chunk_id,
        lang=m.lang,
    )


# A checklist step's section ends with the pages its facts come from ("Source: <url>, <url>", see
# bot.knowledge.checklists); shown in an answer, the line would repeat the answer's own list of
# sources. :func:`_take_step_sources` moves those pages into the citation instead, and names any
# other page's note by its id (which the engine then writes as the note's title, its link in "See
# also"), never as a bare URL beside a citation that links elsewhere.
_STEP_SOURCE = re.compile(
    r"^(?P<label>"
    + "|".join(re.escape(CHECKLIST_LABELS["step_source"].get(lang)) for lang in ("en", "ja"))
    + r"): (?P<urls>https?://[^\s,]++(?:, https?://[^\s,]++)*+)[ \t]*+$",
    re.MULTILINE,
)


def _take_step_sources(
    text: str, citation: Citation, page_ids: Mapping[str, str] | None = None, cited_pages: Collection[str] = ()
) -> tuple[str, Citation]:
    """``text`` without its step-source lines, and ``citation`` linking to the step's own page.

    The citation keeps its URL when the step names it, else takes the step's first page; pages
    the citation cannot carry stay in one "Source:" line, so every page is shown once, each as
    the id of the note it is (``page_ids``: URL → note id) where there is one, else as its URL.
    A page the answer cites anyway (``cited_pages``: the cited sections' notes' URLs and the pages
    their citations link to) is left out of that line: it has its own number below.
    """
    found = list(_STEP_SOURCE.finditer(text))
    if not found:
        return text, citation
    urls = _step_pages(found)
    text = _STEP_SOURCE.sub("", text).rstrip()
    citation = replace(citation, url=_linked_page(citation.url, urls))
    rest = [(page_ids or {}).get(u, u) for u in urls if u != citation.url and u not in cited_pages]
    return (f"{text}\n\n{found[0].group('label')}: {', '.join(rest)}" if rest else text), citation


def _step_pages(found: Sequence[re.Match[str]]) -> list[str]:
    """The pages a checklist step's source lines name, in order, each once."""
    return list(dict.fromkeys(u for m in found for u in m.group("urls").split(", ")))


def _linked_page(url: str, pages: Sequence[str]) -> str:
    """The page a step's citation links to: its source's own ``url`` when the step names it, else
    the step's first page."""
    return url if url in pages else pages[0]


def _citation_url(p: Passage) -> str:
    """The page ``p``'s citation links to (as :func:`_take_step_sources` sets it): a checklist
    step's own page, else its note's URL."""
    found = list(_STEP_SOURCE.finditer(p.text))
    return _linked_page(p.meta.url, _step_pages(found)) if found else p.meta.url


def _built_from(a: Passage, b: Passage) -> bool:
    """One of the two sections is a checklist step built from the other's note."""
    return b.meta.family in a.meta.sources or a.meta.family in b.meta.sources


def citation_slots(cited: Sequence[Passage]) -> list[int]:
    """The index of each cited section's citation (its number minus one): two sections of one
    note (a question asking two things, or a second name the lead does not write) share the
    note's citation; a checklist's steps keep one each, since each links to its own page, unless
    both link to the same page (trial 16: one X checklist numbered [1] and [2] with one link); and
    a checklist step and the note it is built from share one citation when the step links to that
    note's very page (trial 25: the X checklist [1] and the press note [2] linked to one article).
    ``[0, 0]`` for two sections of one note, ``[0, 1]`` for two sources."""
    slot: list[int] = []
    count = 0
    for i, p in enumerate(cited):
        checklist = p.meta.family.startswith("optout-")
        first = next(
            (
                slot[k]
                for k in range(i)
                if (cited[k].meta.id == p.meta.id and (not checklist or _citation_url(cited[k]) == _citation_url(p)))
                # (a checklist step only: an overview built from the DSM Directive's note that
                # links to the same EUR-Lex page says more than the Directive, and is cited as
                # itself; fresh-user check 67)
                or (
                    (checklist or cited[k].meta.family.startswith("optout-"))
                    and _built_from(cited[k], p)
                    and _citation_url(cited[k]) == _citation_url(p)
                )
            ),
            None,
        )
        if first is not None:
            slot.append(first)
        else:
            slot.append(count)
            count += 1
    return slot


def compose(
    language: str,
    cited: Sequence[Passage],
    lead_count: int,
    lead_override: str | None = None,
    prefix: str = "",
    notes: Sequence[str] = (),
    page_ids: Mapping[str, str] | None = None,
) -> tuple[str, list[Citation]]:
    """Answer text and citations for sections already chosen (best first).

    Each of the first ``lead_count`` sections is shown (see :func:`lead_text`) with its marker
    after its opening paragraph; ``lead_override`` replaces them (a checked language-model
    answer). ``prefix`` opens the text (e.g. the general-rule label), ``notes`` follow it (where
    a source applies); "Applies to" is built from the citations, which are exactly ``cited``.
    ``page_ids`` (URL → note id) names the notes a checklist step's other pages are (see
    :func:`_take_step_sources`).
    """
    slot = citation_slots(cited)
    citations: list[Citation] = []
    for i, p in enumerate(cited):
        if slot[i] == len(citations):
            citations.append(make_citation(len(citations) + 1, p))
    parts: list[str] = [prefix] if prefix else []
    if lead_override:
        parts.append(lead_override.strip())
        lead_count = 0
    shown_texts: list[str] = []
    # (a page another cited step links to has its own number too: trial 44's X answer wrote
    # 「出典: 『XのGrok学習設定…』」 under the first step though the second step's [2] linked to it)
    cited_pages = {q.meta.url for q in cited} | {_citation_url(q) for q in cited}
    for i, p in enumerate(cited[:lead_count]):
        k = slot[i]
        shown, citation = _take_step_sources(p.text, citations[k], page_ids, cited_pages)
        if k == i or citation.url == citations[k].url:
            citations[k] = citation
        c = citations[k]
        lead = lead_text(shown)
        if i:
            lead = without_repeats(lead, shown_texts)
        if not lead:
            continue
        shown_texts.append(lead)
        head, sep, rest = lead.partition("\n\n")
        if head.startswith(("```", "~~~", "- ", "* ", "1.", "|")):
            parts.append(f"{lead}\n[{c.n}]")
        elif head.rstrip().endswith((":", "：")):
            parts.append(f"{head} [{c.n}]{sep}{rest}")
        else:
            parts.append(f"{head} [{c.n}]{sep}{rest}")
    parts += list(notes)
    # an international vendor policy applies wherever the service is used; an international
    # overview or standard is no one's policy: "International" alone
    applies: dict[str, list[int]] = {}
    for p, k in zip(cited, slot, strict=True):
        c = citations[k]
        general = c.jurisdiction == "INTL" and p.meta.type not in ("vendor-policy", "platform-setting")
        numbers = applies.setdefault("INTL-general" if general else c.jurisdiction, [])
        if c.n not in numbers:
            numbers.append(c.n)

    def place(j: str) -> str:
        return lookup(TEXT, "international", language) if j == "INTL-general" else jurisdiction_name(j, language)

    applies_line = " · ".join(f"{place(j)} {' '.join(f'[{n}]' for n in ns)}" for j, ns in applies.items())
    tail = [f"{lookup(TEXT, 'applies', language)}: {applies_line}"]
    if language == "ja" and any(c.lang != "ja" for c in citations):
        tail.append(lookup(TEXT, "fallback_lang", language))
    tail.append(lookup(TEXT, "disclaimer", language))
    return "\n\n".join(parts) + "\n\n" + "\n".join(tail), citations


# "X Corp." is X, "pixiv Inc." pixiv, "Bluesky Social PBC" Bluesky Social
_COMPANY_SUFFIX = re.compile(r" (?:Inc|Corp|Co|Ltd|LLC|PBC)\.?$", re.I)


def coverage_text(docs: Iterable[NoteMeta], language: str) -> str:
    """A one-line summary of what the corpus covers, built from the index itself: the sources per
    jurisdiction, then every platform by the name its checklist gives in ``language``, without its
    brackets ("Tumblr / WordPress.com", not its company "Automattic"; "X" for "X (Twitter) and
    Grok"), or by its company's name where it has none."""
    families: dict[str, set[str]] = {}
    vendors: list[str] = []
    checklists: list[str] = []
    companies: set[str] = set()  # the companies a checklist names the platforms of
    for m in docs:
        families.setdefault(m.jurisdiction, set()).add(m.family)
        name = checklist_name(m)
        if name:
            # without what its brackets add ("Meta (Facebook, Instagram, Meta AI)" is "Meta"): trial
            # 17 found the list a wall of text in Discord
            name = re.split(r"[(（]", name, maxsplit=1)[0].rstrip()
            if m.lang == language and name not in checklists:
                checklists.append(name)
            if m.lang == "en":
                companies.add(_short_company(platform_name(m.publisher)))
            continue
        short = _short_company(m.publisher)
        # a platform's name as its English notes write it; a note of press reports on a platform's
        # setting is not the platform
        vendor = (
            m.type in ("vendor-policy", "platform-setting")
            and m.lang == "en"
            and not m.publisher.startswith(("kenri", "Press reports"))
        )
        if vendor and short not in vendors:
            vendors.append(short)
    parts = []
    for j in ("JP", "EU", "US", "UK"):
        if families.get(j):
            n = len(families[j])
            key = "family_many" if n > 1 else "family_one"
            parts.append(lookup(TEXT, key, language, name=jurisdiction_name(j, language), n=n))
    # one name per company: "Google Search Central" is Google's, and Google's checklist names it
    named = [*companies, *vendors]
    shown = sorted(
        [
            *checklists,
            *(v for v in vendors if v not in companies and not any(v.startswith(f"{w} ") for w in named if w != v)),
        ],
        key=str.casefold,
    )
    if shown:
        more = len(shown) - MAX_COVERAGE_NAMES
        listed = lookup(TEXT, "name_sep", language).join(shown[:MAX_COVERAGE_NAMES]) + (
            f" (+{more})" if more > 0 else ""
        )
        parts.append(lookup(TEXT, "others", language, names=listed))
    return lookup(TEXT, "coverage_sep", language).join(parts)


def _short_company(publisher: str) -> str:
    """A publisher as a company's short name: "X Corp." → "X", "Meta (Privacy Center); …" → "Meta"."""
    return _COMPANY_SUFFIX.sub("", re.split(r" \(|（|、|,", publisher)[0].strip())


def refusal(
    language: str,
    docs: Iterable[NoteMeta],
    closest: Sequence[NoteMeta] = (),
    missing: str = "",
    opening_key: str = "no-source-on",
) -> str:
    """The reply to a question no source answers: what the sources cover and where to look. With
    ``missing`` (the subject the question names that no source covers), it opens "I have no
    source on {missing}…" (``opening_key``: "no-case" for a court case) instead of the generic
    "I couldn't find an answer…"."""
    opening = lookup(TEXT, opening_key, language, subject=missing) if missing else lookup(TEXT, "refusal", language)
    sep = "" if language == "ja" else " "
    text = opening + sep + lookup(TEXT, "refusal_coverage", language, coverage=coverage_text(docs, language))
    if closest:
        text += "\n" + lookup(TEXT, "refusal_closest", language, topics=", ".join(m.title for m in closest))
    return text


MARKER = re.compile(r"\[(\d{1,3})\]")


def check_citations(answer: Answer) -> None:
    """Every citation points at a retrieved passage; every [n] in the text names a citation."""
    retrieved = set(answer.retrieved_ids)
    numbers = [c.n for c in answer.citations]
    if numbers != list(range(1, len(numbers) + 1)):
        raise CitationIntegrityError(f"citations are not numbered 1..{len(numbers)}: {numbers}")
    for c in answer.citations:
        if c.chunk_id not in retrieved:
            raise CitationIntegrityError(f"citation [{c.n}] ({c.source_id}) points at a passage that was not retrieved")
    for m in MARKER.finditer(answer.text):
        if int(m.group(1)) not in numbers:
            raise CitationIntegrityError(f"answer text cites [{m.group(1)}] but there is no such citation")
    if answer.answered and not answer.citations:
        raise CitationIntegrityError("an answered question must cite at least one source")
