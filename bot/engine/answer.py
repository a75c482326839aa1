"""Compose an extractive answer with numbered citations, or a clear refusal.

No language model: the lead answer is the opening of the best passages (notes are written
answer-first), and every sentence in it comes from a cited, retrieved passage.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from .errors import CitationIntegrityError
from .models import JURISDICTION_NAMES, Answer, Citation, NoteMeta, Passage
from .text import split_sentences

LEAD_MAX_CHARS = 600
QUOTE_MAX_CHARS = 900

TEXT = {
    "en": {
        "applies": "Applies to",
        "disclaimer": "General information from the cited sources, not legal advice.",
        "fallback_lang": "",
        "refusal": (
            "I couldn't find an answer to that in my sources, so I won't guess. "
            "My sources cover: {coverage}. Try rephrasing with the platform, law or country you mean, "
            "or check the official pages directly. For advice on your own situation, ask a lawyer."
        ),
        "refusal_closest": "Closest topics I have: {topics}.",
        "truncated": "Your question was cut to the first {n} characters.",
        "prediction": (
            "I can't predict how a case or dispute will turn out, and my sources don't either. "
            "I can tell you what the law and official guidance say in general; ask me about the rule itself."
        ),
        "uncovered-jurisdiction": (
            "My sources cover the law of Japan, the EU, the US and the UK, plus AI companies' and platforms' "
            "own policies; I have nothing on that country's law, so I won't guess. Check that country's "
            "copyright office or a local lawyer."
        ),
        "personal-advice": (
            "I can't advise on your own legal situation; for that, please talk to a lawyer. "
            "I can tell you what the law and official guidance say in general; ask me about the rule itself."
        ),
        "others": "opt-out steps and policies for {names}",
    },
    "ja": {
        "applies": "適用範囲",
        "disclaimer": "引用した出典に基づく一般的な情報であり、法的助言ではありません。",
        "fallback_lang": "（日本語版の資料がない出典は英語のまま引用しています）",
        "refusal": (
            "その質問への答えは手元の出典に見つからなかったため、推測ではお答えしません。"
            "扱っている出典: {coverage}。プラットフォーム名・法律名・国を入れて言い換えるか、"
            "公式ページを直接ご確認ください。ご自身の状況についての助言は弁護士にご相談ください。"
        ),
        "refusal_closest": "近い話題: {topics}。",
        "truncated": "質問が長すぎるため、最初の{n}文字だけを使いました。",
        "prediction": (
            "裁判や紛争の結果を予想することはできず、手元の出典にも予想はありません。"
            "法律や公的ガイダンスの一般的な内容についてなら、出典付きでお答えできます。"
        ),
        "uncovered-jurisdiction": (
            "手元の出典が扱うのは日本・EU・米国・英国の法律と、AI事業者やプラットフォームの方針です。"
            "その国の法律については資料がないため、推測ではお答えしません。その国の著作権当局や現地の弁護士にご確認ください。"
        ),
        "personal-advice": (
            "ご自身の法的な状況についての助言はできません。弁護士にご相談ください。"
            "法律や公的ガイダンスの一般的な内容についてなら、出典付きでお答えできます。"
        ),
        "others": "{names} のオプトアウト手順・方針",
    },
}


def lead_text(passage_text: str, max_chars: int = LEAD_MAX_CHARS) -> str:
    """The opening of a passage: its first paragraph, plus the block it introduces when the
    paragraph ends with a colon (a robots.txt example, a list of steps)."""
    blocks = markdown_blocks(passage_text)
    if not blocks:
        return ""
    first = blocks[0]
    if first.startswith(("```", "- ", "* ", "1.", "|")):
        out = first
    else:
        sentences = split_sentences(first.replace("\n", " "))
        out = ""
        for s in sentences:
            if out and len(out) + len(s) + 1 > max_chars:
                break
            out = f"{out} {s}".strip() if out and not _is_cjk_end(out) else out + s
        if out.endswith((":", "：")) and len(blocks) > 1 and len(out) + len(blocks[1]) <= max_chars + 300:
            out = f"{out}\n{blocks[1]}"
    if len(out) > max_chars + 300:
        out = out[: max_chars + 299].rstrip() + "…"
        if out.count("```") % 2:
            out += "\n```"
    return out


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


def quote_text(passage_text: str, max_chars: int = QUOTE_MAX_CHARS) -> str:
    text = passage_text.strip()
    if len(text) <= max_chars:
        return text
    cut = text[:max_chars]
    # end on a sentence or line boundary when one is near
    for sep in ("\n\n", "。", ". ", "\n"):
        pos = cut.rfind(sep)
        if pos > max_chars * 0.6:
            cut = cut[: pos + len(sep)].rstrip()
            break
    if cut.count("```") % 2:
        cut += "\n```"
    return cut + " …"


def make_citation(n: int, p: Passage) -> Citation:
    m = p.meta
    return Citation(
        n=n, source_id=m.id, title=m.title, publisher=m.publisher, url=m.url, jurisdiction=m.jurisdiction,
        verified=m.verified, quote=quote_text(p.text), heading=p.heading, chunk_id=p.chunk_id, lang=m.lang,
    )


def compose(
    question: str, language: str, cited: Sequence[Passage], lead_count: int, lead_override: str | None = None
) -> tuple[str, list[Citation]]:
    """Answer text and citations for passages already chosen (best first).

    ``lead_override`` replaces the extractive lead (e.g. a checked language-model answer); the
    jurisdiction line and the disclaimer are always added here.
    """
    t = TEXT[language]
    citations = [make_citation(i + 1, p) for i, p in enumerate(cited)]
    parts: list[str] = [lead_override.strip()] if lead_override else []
    if lead_override:
        lead_count = 0
    for c, p in list(zip(citations, cited, strict=True))[:lead_count]:
        lead = lead_text(p.text)
        if not lead:
            continue
        if "\n" in lead:  # keep a code block or list below the marker
            head, rest = lead.split("\n", 1)
            parts.append(f"{head} [{c.n}]\n{rest}")
        else:
            parts.append(f"{lead} [{c.n}]")
    jur_names = JURISDICTION_NAMES[language]
    applies: dict[str, list[int]] = {}
    for c in citations:
        applies.setdefault(c.jurisdiction, []).append(c.n)
    applies_line = " · ".join(
        f"{jur_names.get(j, j)} {' '.join(f'[{n}]' for n in ns)}" for j, ns in applies.items()
    )
    tail = [f"{t['applies']}: {applies_line}"]
    if language == "ja" and any(c.lang != "ja" for c in citations):
        tail.append(t["fallback_lang"])
    tail.append(t["disclaimer"])
    return "\n\n".join(parts) + "\n\n" + "\n".join(tail), citations


def coverage_text(docs: Iterable[NoteMeta], language: str) -> str:
    """A one-line summary of what the corpus covers, built from the index itself."""
    names = JURISDICTION_NAMES[language]
    families: dict[str, set[str]] = {}
    vendors: list[str] = []
    for m in docs:
        families.setdefault(m.jurisdiction, set()).add(m.family)
        if m.jurisdiction == "INTL" and m.publisher not in vendors and not m.publisher.startswith("kenri"):
            vendors.append(m.publisher)
    parts = []
    for j in ("JP", "EU", "US", "UK"):
        if families.get(j):
            n = len(families[j])
            parts.append(f"{names[j]} ({n})" if language == "ja" else f"{names[j]} ({n} source{'s' if n > 1 else ''})")
    if vendors:
        short = [v.split(" (")[0] for v in vendors[:12]]
        parts.append(TEXT[language]["others"].format(names=", ".join(short)))
    return "、".join(parts) if language == "ja" else "; ".join(parts)


def refusal(question: str, language: str, docs: Iterable[NoteMeta], closest: Sequence[NoteMeta] = ()) -> str:
    t = TEXT[language]
    text = t["refusal"].format(coverage=coverage_text(docs, language))
    if closest:
        text += "\n" + t["refusal_closest"].format(topics=", ".join(m.title for m in closest))
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
    for m in MARKER.finditer(answer.answer):
        if int(m.group(1)) not in numbers:
            raise CitationIntegrityError(f"answer text cites [{m.group(1)}] but there is no such citation")
    if answer.answered and not answer.citations:
        raise CitationIntegrityError("an answered question must cite at least one source")
