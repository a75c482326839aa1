"""Which retrieved section leads an answer (bot/engine/planning.py), on hand-made passages whose
scores are set so that only the planning rule under test decides the order."""

from __future__ import annotations

from bot.engine.models import Passage
from bot.engine.planning import distinct_subjects, plan_sections
from bot.knowledge.schema import NoteMeta


def _passage(note_id: str, text: str, *, fused: float, cosine: float, type_: str = "guidance") -> Passage:
    meta = NoteMeta(
        id=note_id,
        title=note_id,
        publisher="p",
        url="https://example.org/",
        jurisdiction="US",
        type=type_,
        published="2026-01-01",
        verified="2026-01-01",
        lang="en",
    )
    return Passage(
        chunk_id=f"{note_id}#1", doc_id=note_id, heading="h", text=text, meta=meta, fused=fused, cosine=cosine
    )


def test_names_of_one_subject_are_one_subject() -> None:
    named = {"google-extended": {"google-extended", "optout-google"}, "Google": {"google-extended", "search"}}
    assert len(distinct_subjects(named)) == 1
    named["copyright office"] = {"usco"}
    assert sorted(len(f) for _, f in distinct_subjects(named)) == [1, 3]


def test_a_section_about_both_named_subjects_leads() -> None:
    # "I registered a Midjourney image with the Copyright Office…": the vendor's own terms are a
    # little closer by similarity, but the decision that names both subjects answers the question.
    named = {"midjourney": {"midjourney-tos"}, "copyright office": {"usco-guidance"}}
    terms = _passage("midjourney-tos", "Midjourney says users own what they make.", fused=0.050, cosine=0.62)
    both = _passage(
        "zarya", "The Copyright Office found that Midjourney images were not protected.", fused=0.047, cosine=0.59
    )
    families = set().union(*named.values())
    plan = plan_sections([terms, both], named_families=families, asker=[], audience="any", named=named)
    assert plan[0].meta.id == "zarya"
    # with one subject named, the rule does not apply and the subject's own note leads
    one = {"midjourney": {"midjourney-tos"}}
    plan = plan_sections([terms, both], named_families={"midjourney-tos"}, asker=[], audience="any", named=one)
    assert plan[0].meta.id == "midjourney-tos"


def test_a_section_naming_both_subjects_far_from_the_question_is_not_lifted() -> None:
    named = {"midjourney": {"midjourney-tos"}, "copyright office": {"usco-guidance"}}
    terms = _passage("midjourney-tos", "Midjourney says users own what they make.", fused=0.050, cosine=0.70)
    far = _passage("zarya", "The Copyright Office and Midjourney.", fused=0.049, cosine=0.50)
    families = set().union(*named.values())
    plan = plan_sections([terms, far], named_families=families, asker=[], audience="any", named=named)
    assert plan[0].meta.id == "midjourney-tos"
