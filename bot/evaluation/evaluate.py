"""Retrieval and answer evaluation over a question set (``tests/eval/questions.yaml``).

Metrics, per language slice and overall:

* hit@1: the first citation is an expected source. hit@3 / hit@5: an expected source is among
  the first 3 / 5 sources of the answer's ranking (cited sources first, then the next-ranked
  retrieved ones). A refused answerable question is a miss at every k.
* MRR over that ranking (first 10), key-term coverage (terms found in the answer text and the
  quoted passages), two-source completeness (both ``needs`` ids cited).
* refusal precision and recall, with ``unanswerable`` questions as the positive class, and the
  share of answerable questions refused.

A source matches by family: a Japanese note counts for the English source it translates, and an
opt-out checklist note (``optout-*``) counts for the vendor and platform notes it is built from
(not for the law sources it cites for context).
"""

from __future__ import annotations

import statistics
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from bot.engine.engine import Engine
from bot.engine.models import Answer
from bot.engine.planning import VENDOR_TYPES


@dataclass(frozen=True)
class Question:
    q: str
    lang: str
    kind: str
    expect: tuple[str, ...]
    needs: tuple[str, ...] = ()
    terms: tuple[str, ...] = ()

    @property
    def answerable(self) -> bool:
        return self.kind != "unanswerable"


def load_questions(path: Path) -> list[Question]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if not isinstance(data, list):
        raise ValueError(f"{path}: expected a list of questions")
    out = []
    for i, item in enumerate(data):
        try:
            out.append(
                Question(
                    q=str(item["q"]),
                    lang=str(item.get("lang", "en")),
                    kind=str(item.get("kind", "single")),
                    expect=tuple(item.get("expect") or ()),
                    needs=tuple(item.get("needs") or ()),
                    terms=tuple(str(t) for t in (item.get("terms") or ())),
                )
            )
        except (KeyError, TypeError) as exc:
            raise ValueError(f"{path}: question #{i + 1} is malformed: {exc}") from exc
    return out


@dataclass
class Result:
    question: Question
    answer: Answer
    families: list[frozenset[str]]  # ranking used for hit@k; each entry: the ids it counts for
    cited: list[frozenset[str]]

    def _match(self, ids: frozenset[str]) -> bool:
        return bool(ids & set(self.question.expect))

    def rank(self) -> int | None:
        for i, f in enumerate(self.families[:10]):
            if self._match(f):
                return i + 1
        return None

    def hit(self, k: int) -> bool:
        if not self.answer.answered:
            return False
        if k == 1:
            return bool(self.cited) and self._match(self.cited[0])
        r = self.rank()
        return r is not None and r <= k

    def term_coverage(self) -> float | None:
        if not self.question.terms:
            return None
        text = (self.answer.text + "\n" + "\n".join(c.quote for c in self.answer.citations)).lower()
        return sum(1 for t in self.question.terms if t.lower() in text) / len(self.question.terms)


@dataclass
class Slice:
    name: str
    results: list[Result] = field(default_factory=list)

    def metrics(self) -> dict[str, Any]:
        ans = [r for r in self.results if r.question.answerable]
        una = [r for r in self.results if not r.question.answerable]
        refused_ans = sum(1 for r in ans if not r.answer.answered)
        refused_una = sum(1 for r in una if not r.answer.answered)
        refused = refused_ans + refused_una
        cov = [c for r in ans if (c := r.term_coverage()) is not None]
        two = [r for r in ans if r.question.needs]

        def rate(xs: Iterable[bool], n: int) -> float | None:
            return round(sum(xs) / n, 3) if n else None

        lat = sorted(r.answer.elapsed_ms for r in self.results)
        return {
            "slice": self.name,
            "questions": len(self.results),
            "answerable": len(ans),
            "hit@1": rate((r.hit(1) for r in ans), len(ans)),
            "hit@3": rate((r.hit(3) for r in ans), len(ans)),
            "hit@5": rate((r.hit(5) for r in ans), len(ans)),
            "mrr": round(sum(1 / r.rank() for r in ans if r.answer.answered and r.rank()) / len(ans), 3)
            if ans
            else None,
            "term_coverage": round(statistics.mean(cov), 3) if cov else None,
            "two_source_complete": rate((set(r.question.needs) <= set().union(*r.cited) for r in two), len(two)),
            "refusal_precision": round(refused_una / refused, 3) if refused else None,
            "refusal_recall": rate((not r.answer.answered for r in una), len(una)),
            "answerable_refused": rate((not r.answer.answered for r in ans), len(ans)),
            "p50_ms": round(lat[len(lat) // 2], 1) if lat else None,
            "p95_ms": round(lat[min(len(lat) - 1, int(len(lat) * 0.95))], 1) if lat else None,
        }


def counts_for(engine: Engine, source_id: str) -> frozenset[str]:
    """The source ids a citation of ``source_id`` (or of its family) counts for."""
    docs = engine._handle.index.docs
    meta = docs.get(source_id)
    if meta is None:
        return frozenset({source_id})
    family = meta.family
    ids = {family}
    base = docs.get(family, meta)
    if family.startswith("optout-"):
        # the vendor and platform notes it is built from (pixiv's own rules, a JP platform),
        # not the laws and guidance it also cites
        ids |= {s for s in base.sources if s in docs and docs[s].type in VENDOR_TYPES}
    return frozenset(ids)


def run_eval(engine: Engine, questions: Sequence[Question]) -> list[Result]:
    results = []
    for q in questions:
        a = engine.answer(q.q)
        cited = [counts_for(engine, c.source_id) for c in a.citations]
        ranked = [counts_for(engine, f) for f in a.ranked_sources]
        results.append(Result(q, a, ranked, cited))
    return results


def slices(results: Sequence[Result]) -> list[Slice]:
    out = [Slice("all", list(results))]
    for lang in ("en", "ja"):
        out.append(Slice(lang, [r for r in results if r.question.lang == lang]))
    return out


COLUMNS = [
    "slice",
    "questions",
    "hit@1",
    "hit@3",
    "hit@5",
    "mrr",
    "term_coverage",
    "two_source_complete",
    "refusal_precision",
    "refusal_recall",
    "answerable_refused",
    "p50_ms",
    "p95_ms",
]


def table(rows: Sequence[dict[str, Any]], columns: Sequence[str] = COLUMNS) -> str:
    def fmt(v: Any) -> str:
        return "–" if v is None else str(v)

    widths = [max(len(c), *(len(fmt(r.get(c))) for r in rows)) for c in columns]
    line = " | ".join(c.ljust(w) for c, w in zip(columns, widths, strict=True))
    sep = "-|-".join("-" * w for w in widths)
    body = [" | ".join(fmt(r.get(c)).ljust(w) for c, w in zip(columns, widths, strict=True)) for r in rows]
    return "\n".join([line, sep, *body])


def misses(results: Sequence[Result]) -> list[str]:
    out = []
    for r in results:
        q = r.question
        if q.answerable and not r.hit(3):
            why = "refused" if not r.answer.answered else f"got {list(r.answer.ranked_sources[:3])}"
            out.append(f"MISS [{q.lang}/{q.kind}] {q.q!r}: expected {list(q.expect)}, {why}")
        elif not q.answerable and r.answer.answered:
            out.append(f"FALSE ANSWER [{q.lang}] {q.q!r}: cited {[c.source_id for c in r.answer.citations]}")
    return out


def threshold_sweep(
    results: Sequence[Result], thresholds: Sequence[float], keyword_coverage: float
) -> list[dict[str, Any]]:
    """Refusal precision/recall if the dense threshold were each value (keyword rule unchanged)."""
    rows = []
    best: dict[int, float | None] = {}
    for r in results:
        s = r.answer.signals
        if not s:
            best[id(r)] = None  # refused by scope rules: unaffected by the threshold
        else:
            best[id(r)] = -1.0 if s["keyword_coverage"] >= keyword_coverage else s["cosine"]
    for t in thresholds:
        tp = fp = fn = ans_ref = 0
        n_ans = sum(1 for r in results if r.question.answerable)
        for r in results:
            b = best[id(r)]
            refused = (b is None) or (b != -1.0 and b < t)
            if not r.question.answerable:
                tp += refused
                fn += not refused
            else:
                fp += refused
                ans_ref += refused
        rows.append(
            {
                "threshold": t,
                "refusal_precision": round(tp / (tp + fp), 3) if tp + fp else None,
                "refusal_recall": round(tp / (tp + fn), 3) if tp + fn else None,
                "answerable_refused": round(ans_ref / n_ans, 3) if n_ans else None,
            }
        )
    return rows
