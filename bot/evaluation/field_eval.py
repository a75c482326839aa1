"""Field-set evaluation: questions creators asked in public (``tests/eval/field.yaml``).

Each question is answered by the real engine and scored on five checks (docs/EVALUATION.md):

* ``lead``: the first citation's family is one of the question's ``expect`` ids (a Japanese note
  counts for the English note it translates; an opt-out checklist counts for itself and for the
  vendor notes it is built from, as in :func:`bot.evaluation.evaluate.counts_for`).
* ``points``: every key point has at least one alternative in the answer body (case-insensitive
  substring). The body is the JSON ``answer`` field without its "Applies to" line; the quoted
  passages do not count.
* ``unused``: every citation number ``n`` appears as ``[n]`` in the body.
* ``refusal``: a question *should be refused* when ``refuse: true`` or none of its ``expect`` ids
  is in the index (so the set stays right as notes are added). It passes when the engine refused
  (``answered`` false) or gave a reply marked ``general_rule: true``; an answerable question passes
  only when answered.
* ``language``: the body is in the question's language (share of kana/kanji among letters).

A question passes when every applicable check passes: ``lead`` and ``points`` apply to questions
that should be answered, ``unused`` to answers with citations, ``refusal`` and ``language`` always.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from bot.engine.models import Answer
from bot.knowledge.schema import LANGS

SPLITS = ("tune", "heldout")
CORPORA = ("pages", "issues", "code", "docs")
_ID = re.compile(r"^f\d{3,}$")
# "Applies to: ..." (en) / "適用範囲: ..." (ja) lists every citation number; it is not the answer.
_APPLIES = re.compile(r"^\s*(applies to|適用範囲)\s*[:\uff1a]", re.IGNORECASE)
_FENCE = re.compile(r"```.*?(```|\Z)", re.DOTALL)
_URL = re.compile(r"https?://\S+")
# an item of a comma-separated list that is only a Latin-script name ("Adobe", "Common Crawl
# Foundation"): a Japanese refusal's list of covered platforms is in no language, names are Latin in
# both (matched against one item at a time: linear in the text)
# a Latin-script name, with what its brackets add ("Amazon (Amazonbot)", 「Amazon（Amazonbot）」)
_NAME_ITEM = re.compile(r"[A-Za-z][A-Za-z0-9.&'/ ()（）-]{0,59}")
# Share of kana/kanji among letters: Japanese answers need at least JA_MIN_SHARE, English ones at
# most EN_MAX_SHARE (product tokens such as "GPTBot" are Latin in both languages; an English answer
# may quote a Japanese setting name).
JA_MIN_SHARE = 0.4
EN_MAX_SHARE = 0.2
CHECKS = ("lead", "points", "unused", "refusal", "language")


@dataclass(frozen=True)
class FieldQuestion:
    """One entry of the field set. ``points``: each point is a tuple of acceptable alternatives."""

    id: str
    q: str
    lang: str
    origin: dict[str, str]
    expect: tuple[str, ...]
    points: tuple[tuple[str, ...], ...]
    refuse: bool
    split: str


def load_field_questions(path: Path) -> list[FieldQuestion]:
    """Read and validate a field set.

    Raises ``ValueError`` naming the file, the entry (id or position) and the field at fault:
    ids must be unique ``f001``-style, ``lang`` in en/ja, ``split`` in tune/heldout, ``origin`` a
    mapping with ``corpus`` and an http(s) ``url``, ``refuse`` a boolean; a refusal question has
    no ``expect``/``points``, an answerable one needs both.
    """
    data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    if not isinstance(data, list):
        raise ValueError(f"{path}: expected a list of questions")
    out: list[FieldQuestion] = []
    seen: set[str] = set()
    for i, item in enumerate(data):
        where = f"{path}: entry #{i + 1}"
        if not isinstance(item, dict):
            raise ValueError(f"{where}: expected a mapping")
        qid = item.get("id")
        if not isinstance(qid, str) or not _ID.match(qid):
            raise ValueError(f"{where}: field 'id' must look like f001, got {qid!r}")
        where = f"{path}: {qid}"
        if qid in seen:
            raise ValueError(f"{where}: duplicate id")
        seen.add(qid)

        def need(name: str, ok: Callable[[Any], bool], what: str, *, _item: dict = item, _w: str = where) -> Any:
            value = _item.get(name)
            if not ok(value):
                raise ValueError(f"{_w}: field '{name}' must be {what}, got {value!r}")
            return value

        q = need("q", lambda v: isinstance(v, str) and v.strip() != "", "a non-empty string")
        lang = need("lang", lambda v: v in LANGS, " or ".join(LANGS))
        split = need("split", lambda v: v in SPLITS, " or ".join(SPLITS))
        refuse = need("refuse", lambda v: isinstance(v, bool), "true or false")
        origin = need("origin", lambda v: isinstance(v, dict), "a mapping {corpus, url, note}")
        if origin.get("corpus") not in CORPORA:
            raise ValueError(f"{where}: field 'origin.corpus' must be one of {', '.join(CORPORA)}")
        if not str(origin.get("url", "")).startswith(("http://", "https://")):
            raise ValueError(f"{where}: field 'origin.url' must be an http(s) address")
        expect = need(
            "expect",
            lambda v: isinstance(v, list) and all(isinstance(x, str) and x for x in v),
            "a list of source ids",
        )
        points = need(
            "points",
            lambda v: (
                isinstance(v, list)
                and all(isinstance(p, list) and p and all(isinstance(a, str) and a.strip() for a in p) for p in v)
            ),
            "a list of non-empty lists of strings",
        )
        if refuse and (expect or points):
            raise ValueError(f"{where}: a refuse: true question has expect: [] and points: []")
        if not refuse and not expect:
            raise ValueError(f"{where}: field 'expect' must name at least one source for an answerable question")
        if not refuse and not points:
            raise ValueError(f"{where}: field 'points' must hold at least one key point for an answerable question")
        out.append(
            FieldQuestion(
                id=qid,
                q=q,
                lang=lang,
                origin={k: str(v) for k, v in origin.items()},
                expect=tuple(expect),
                points=tuple(tuple(p) for p in points),
                refuse=refuse,
                split=split,
            )
        )
    return out


# --- checks (pure functions over an Answer) -------------------------------------------------------


def answer_body(answer: Answer) -> str:
    """The answer text the checks read: the ``answer`` field without its "Applies to" line."""
    return "\n".join(line for line in answer.text.splitlines() if not _APPLIES.match(line))


def is_general_rule(answer: Answer) -> bool:
    """True when the engine labelled its reply as the general rule (``general_rule`` in the JSON)."""
    if getattr(answer, "general_rule", False) is True:
        return True
    return answer.to_json().get("general_rule") is True


def lead_right(cited: Sequence[Iterable[str]], expect: Iterable[str]) -> bool:
    """The first citation counts for one of ``expect``; ``cited``: per citation, the ids it counts for."""
    return bool(cited) and bool(set(cited[0]) & set(expect))


def missing_points(body: str, points: Iterable[Sequence[str]]) -> list[tuple[str, ...]]:
    """The key points with no alternative in ``body`` (case-insensitive substrings)."""
    low = body.casefold()
    return [tuple(p) for p in points if not any(alt.casefold() in low for alt in p)]


def unused_citations(answer: Answer) -> list[int]:
    """Citation numbers ``n`` whose ``[n]`` marker never appears in the answer body."""
    body = answer_body(answer)
    return [c.n for c in answer.citations if f"[{c.n}]" not in body]


def refusal_right(answer: Answer, should_refuse: bool) -> bool:
    """Should-refuse: refused or labelled general rule. Answerable: answered."""
    if should_refuse:
        return (not answer.answered) or is_general_rule(answer)
    return answer.answered


def _without_name_lists(text: str) -> str:
    """``text`` without the items of its comma-separated lists (", " or 「、」) that are only
    Latin-script names, where two or more such items follow one another."""
    items = re.split(r", |、", text)
    names = [bool(_NAME_ITEM.fullmatch(item)) for item in items]
    out = []
    for i, item in enumerate(items):
        in_run = names[i] and ((i > 0 and names[i - 1]) or (i + 1 < len(items) and names[i + 1]))
        out.append("" if in_run else item)
    return ", ".join(out)


def japanese_share(text: str) -> float | None:
    """Share of kana/kanji among the letters of ``text`` (no code blocks, URLs, lists of Latin-script
    names); None if no letters."""
    text = _without_name_lists(_URL.sub(" ", _FENCE.sub(" ", text)))
    letters = [ch for ch in text if ch.isalpha()]
    if not letters:
        return None
    jp = sum(1 for ch in letters if _is_japanese(ch))
    return jp / len(letters)


def _is_japanese(ch: str) -> bool:
    name = unicodedata.name(ch, "")
    return name.startswith(("HIRAGANA", "KATAKANA", "CJK UNIFIED IDEOGRAPH", "HALFWIDTH KATAKANA"))


def language_right(text: str, lang: str) -> bool:
    """The text is in ``lang``: Japanese needs a kana/kanji share >= JA_MIN_SHARE, English <= EN_MAX_SHARE."""
    share = japanese_share(text)
    if share is None:
        return False
    return share >= JA_MIN_SHARE if lang == "ja" else share <= EN_MAX_SHARE


# --- scoring ----------------------------------------------------------------------------------------


@dataclass
class FieldResult:
    """One scored answer. A check is None when it does not apply to this question."""

    question: FieldQuestion
    answer: Answer
    should_refuse: bool
    lead: bool | None
    points: bool | None
    missing: list[tuple[str, ...]]
    unused: list[int]
    refusal: bool
    language: bool

    @property
    def checks(self) -> dict[str, bool | None]:
        return {
            "lead": self.lead,
            "points": self.points,
            "unused": (not self.unused) if self.answer.citations else None,
            "refusal": self.refusal,
            "language": self.language,
        }

    @property
    def failed(self) -> list[str]:
        return [name for name, ok in self.checks.items() if ok is False]

    @property
    def passed(self) -> bool:
        return not self.failed


def score(
    question: FieldQuestion, answer: Answer, cited: Sequence[Iterable[str]], indexed: Iterable[str]
) -> FieldResult:
    """Score one answer. ``cited``: per citation, the ids it counts for; ``indexed``: ids in the index."""
    indexed = set(indexed)
    should_refuse = question.refuse or not any(e in indexed for e in question.expect)
    body = answer_body(answer)
    if should_refuse:
        lead: bool | None = None
        points: bool | None = None
        missing: list[tuple[str, ...]] = []
    else:
        lead = lead_right(cited, question.expect)
        missing = missing_points(body, question.points) if answer.answered else list(question.points)
        points = not missing
    return FieldResult(
        question=question,
        answer=answer,
        should_refuse=should_refuse,
        lead=lead,
        points=points,
        missing=missing,
        unused=unused_citations(answer),
        refusal=refusal_right(answer, should_refuse),
        language=language_right(body, question.lang),
    )


def run_field_eval(engine: Any, questions: Sequence[FieldQuestion]) -> list[FieldResult]:
    """Answer every question with ``engine`` and score it against the engine's own index."""
    from bot.evaluation.evaluate import counts_for

    docs = engine._handle.index.docs
    indexed = {meta.family for meta in docs.values()}
    results = []
    for q in questions:
        a = engine.answer(q.q)
        cited = [counts_for(engine, c.source_id) for c in a.citations]
        results.append(score(q, a, cited, indexed))
    return results


def _rate(hits: Sequence[bool]) -> float | None:
    return round(sum(hits) / len(hits), 3) if hits else None


@dataclass
class FieldSlice:
    name: str
    results: list[FieldResult] = field(default_factory=list)

    def metrics(self) -> dict[str, Any]:
        rs = self.results
        ans = [r for r in rs if not r.should_refuse]
        ref = [r for r in rs if r.should_refuse]
        return {
            "slice": self.name,
            "questions": len(rs),
            "pass_rate": _rate([r.passed for r in rs]),
            "lead_right": _rate([bool(r.lead) for r in ans]),
            "key_points": _rate([bool(r.points) for r in ans]),
            "unused_citations": sum(len(r.unused) for r in rs),
            "answers_with_unused": sum(1 for r in rs if r.unused),
            "language_right": _rate([r.language for r in rs]),
            "should_refuse": len(ref),
            "refusal_recall": _rate([r.refusal for r in ref]),
            "answerable_refused": _rate([not r.answer.answered for r in ans]),
        }


FIELD_COLUMNS = [
    "slice",
    "questions",
    "pass_rate",
    "lead_right",
    "key_points",
    "unused_citations",
    "answers_with_unused",
    "language_right",
    "should_refuse",
    "refusal_recall",
    "answerable_refused",
]


def field_slices(results: Sequence[FieldResult], split: str | None = None) -> list[FieldSlice]:
    """Per split (tune, heldout, all; or only ``split``) and per language (all, en, ja)."""
    splits = [split] if split else [*SPLITS, "all"]
    out = []
    for s in splits:
        rs = [r for r in results if s == "all" or r.question.split == s]
        out.append(FieldSlice(f"{s}/all", rs))
        for lang in LANGS:
            out.append(FieldSlice(f"{s}/{lang}", [r for r in rs if r.question.lang == lang]))
    return out


def field_misses(results: Sequence[FieldResult]) -> list[dict[str, Any]]:
    """The failing questions: id, failed checks, lead source and the first 200 characters."""
    out = []
    for r in results:
        if r.passed:
            continue
        a = r.answer
        out.append(
            {
                "id": r.question.id,
                "lang": r.question.lang,
                "split": r.question.split,
                "should_refuse": r.should_refuse,
                "failed": r.failed,
                "lead": a.citations[0].source_id if a.citations else ("(refused)" if not a.answered else "(none)"),
                "missing_points": [list(p) for p in r.missing],
                "unused": r.unused,
                "answer": " ".join(a.text.split())[:200],
                "q": r.question.q,
            }
        )
    return out


def format_misses(misses: Sequence[dict[str, Any]]) -> list[str]:
    lines = []
    for m in misses:
        kind = "should refuse" if m["should_refuse"] else "answerable"
        lines.append(f"MISS {m['id']} [{m['lang']}/{m['split']}, {kind}] failed: {', '.join(m['failed'])}")
        lines.append(f"  q: {m['q']}")
        extra = []
        if m["missing_points"]:
            extra.append("missing points " + "; ".join("/".join(p) for p in m["missing_points"]))
        if m["unused"]:
            extra.append("unused citations " + ", ".join(f"[{n}]" for n in m["unused"]))
        lines.append(f"  lead: {m['lead']}" + (f"; {'; '.join(extra)}" if extra else ""))
        lines.append(f"  answer: {m['answer']}")
    return lines
